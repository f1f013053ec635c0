//! Lazy iteration over the items of paginated operations.

use std::future::Future;

use futures::Stream;

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
    futures::stream::unfold(Some(state), move |state| async move {
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
