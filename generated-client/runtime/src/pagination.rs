//! Lazy iteration over the items of paginated operations.

use std::collections::HashSet;
use std::fmt;
use std::future::Future;
use std::hash::Hash;

use futures_core::Stream;
use url::Url;

use super::error::{Error, ErrorCode};

/// Items of all pages, fetched lazily one page at a time.
///
/// `fetch(position)` returns the page's items and whether more follow. The first page is
/// fetched at `first`, and the position advances by `step` after each page (one for page
/// numbers, the page size for offsets). The stream ends after a page whose `has_more` is
/// false or that has no items (so a server that always says "more" cannot loop forever on
/// empty pages), and when the position would overflow. The first error is yielded and ends
/// the stream.
///
/// Nothing is fetched until the stream is polled, and the next page only once the items of
/// the previous one have all been taken.
pub fn paginate<T, E, F, Fut>(
    first: i64,
    step: i64,
    fetch: F,
) -> impl Stream<Item = Result<T, E>> + Send
where
    T: Send,
    E: Send,
    F: FnMut(i64) -> Fut + Send,
    Fut: Future<Output = Result<(Vec<T>, bool), E>> + Send,
{
    let state = Pages {
        fetch,
        next: Some(first),
        items: Vec::new().into_iter(),
    };
    futures_util::stream::unfold(Some(state), move |state| async move {
        let mut pages = state?;
        loop {
            if let Some(item) = pages.items.next() {
                return Some((Ok(item), Some(pages)));
            }
            let position = pages.next?;
            match (pages.fetch)(position).await {
                Ok((items, has_more)) => {
                    pages.next = if has_more && !items.is_empty() {
                        position.checked_add(step)
                    } else {
                        None
                    };
                    pages.items = items.into_iter();
                }
                Err(error) => return Some((Err(error), None)),
            }
        }
    })
}

/// Where a [`paginate`] stream stands.
struct Pages<F, T> {
    fetch: F,
    /// The position of the page to fetch once `items` runs out; `None` after the last page.
    next: Option<i64>,
    items: std::vec::IntoIter<T>,
}

/// Where a page says the next one is, for [`follow_pages`]: a cursor (`String`) or a link
/// (`Url`).
pub trait Bookmark: Clone + Eq + Hash + fmt::Display + Send {
    /// Whether it says nothing, which ends the stream as its absence does: an empty cursor.
    fn is_blank(&self) -> bool;
}

impl Bookmark for String {
    fn is_blank(&self) -> bool {
        self.is_empty()
    }
}

impl Bookmark for Url {
    fn is_blank(&self) -> bool {
        false
    }
}

/// Items of all pages, each page found where the previous one says: by a cursor sent back
/// as a query parameter, or by a link to follow.
///
/// `fetch(at)` returns the page's items and where the next page is; the first page is
/// fetched at `first` (`None`: the request as built), the others at what the previous page
/// gave. The stream ends after a page that gives no next page (absent, or an empty
/// cursor) or has no items, so that a server that always gives one cannot loop forever on
/// empty pages. A next page the stream has already fetched ends it with
/// [`Error::Pagination`] rather than fetch the same pages again: a server that hands back
/// an old cursor would otherwise be paged through without end, and the caller could not
/// tell that from a long list. The first error is yielded and ends the stream.
///
/// Nothing is fetched until the stream is polled, and the next page only once the items of
/// the previous one have all been taken.
pub fn follow_pages<T, K, C, F, Fut>(
    operation: &'static str,
    first: Option<K>,
    fetch: F,
) -> impl Stream<Item = Result<T, Error<C>>> + Send
where
    T: Send,
    K: Bookmark,
    C: ErrorCode,
    F: FnMut(Option<K>) -> Fut + Send,
    Fut: Future<Output = Result<(Vec<T>, Option<K>), Error<C>>> + Send,
{
    let state = Followed {
        fetch,
        next: Next::Fetch(first.clone()),
        seen: first.into_iter().collect(),
        items: Vec::new().into_iter(),
    };
    futures_util::stream::unfold(Some(state), move |state| async move {
        let mut pages = state?;
        loop {
            if let Some(item) = pages.items.next() {
                return Some((Ok(item), Some(pages)));
            }
            match std::mem::replace(&mut pages.next, Next::Done) {
                Next::Done => return None,
                // After the items of the page that gave it, which were new.
                Next::Repeated(repeated) => {
                    return Some((Err(repeated_page(operation, &repeated)), None));
                }
                Next::Fetch(at) => {
                    let (items, next) = match (pages.fetch)(at).await {
                        Ok(page) => page,
                        Err(error) => return Some((Err(error), None)),
                    };
                    pages.next = match next.filter(|next| !next.is_blank()) {
                        Some(_) if items.is_empty() => Next::Done,
                        Some(next) if !pages.seen.insert(next.clone()) => Next::Repeated(next),
                        Some(next) => Next::Fetch(Some(next)),
                        None => Next::Done,
                    };
                    pages.items = items.into_iter();
                }
            }
        }
    })
}

/// Where a [`follow_pages`] stream stands.
struct Followed<F, T, K> {
    fetch: F,
    next: Next<K>,
    /// Every cursor or link fetched so far (the first one too, when the caller gave it).
    seen: HashSet<K>,
    items: std::vec::IntoIter<T>,
}

/// What a [`follow_pages`] stream does once its items run out.
enum Next<K> {
    /// Fetches the page there.
    Fetch(Option<K>),
    /// Ends with an error: the last page pointed at a page already fetched.
    Repeated(K),
    /// Ends.
    Done,
}

fn repeated_page<C: ErrorCode>(operation: &'static str, repeated: &impl fmt::Display) -> Error<C> {
    // A cursor can be long and opaque; its start is enough to recognise it in a log.
    let shown: String = repeated.to_string().chars().take(80).collect();
    Error::Pagination {
        operation,
        reason: format!(
            "a page points back at `{shown}`, where this stream has been already; stopped \
             rather than loop through the same pages"
        ),
    }
}
