//! The one path every generated `send()` takes.
//!
//! An operation is a request and a way to read its answer; the sending, with its await
//! points, lives here once. A generated `send()` is a plain function returning a [`Call`]:
//! the sending future is boxed and the same type for every service (its errors carry codes
//! as the server sent them, read as the service's own when the call ends; see `untyped`),
//! so the compiler lays it out, checks it is `Send` and compiles it once, in this crate,
//! not once per service or operation; what is left per operation is a small struct and
//! the closure that reads the answer. One allocation per call is the price, next to a
//! network round trip.

use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;
use std::task::{Context, Poll};

use serde::de::DeserializeOwned;

use super::download::Download;
use super::error::{Error, ErrorCode};
use super::request::Request;
use super::response::Response;
use super::transport::Transport;
use super::untyped::{Untyped, WireCode};

/// A future sent across threads, boxed so that its type does not depend on the operation.
type Sending<'a, T, C> = Pin<Box<dyn Future<Output = Result<T, Error<C>>> + Send + 'a>>;

/// A request on its way, and how its answer is read: what a generated `send()` returns.
#[doc(hidden)]
#[must_use = "a request does nothing until `.await`ed"]
pub struct Call<'a, T, C: ErrorCode, F> {
    /// The request on its way (its errors read as the service's when they come), or why
    /// it could not be sent.
    sending: Result<Sending<'a, Response, WireCode>, Option<Error<C>>>,
    read: Option<F>,
    output: PhantomData<fn() -> T>,
}

// Nothing here is pinned in place: `sending` is behind its box, and `read` and a refusal
// are only ever moved out, never polled.
impl<T, C: ErrorCode, F> Unpin for Call<'_, T, C, F> {}

impl<T, C, F> Future for Call<'_, T, C, F>
where
    C: ErrorCode,
    F: FnOnce(Response) -> Result<T, Error<C>>,
{
    type Output = Result<T, Error<C>>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        // A future polled again after it finished is a bug in the caller; say so rather
        // than send the request twice.
        const POLLED_AGAIN: &str = "a generated request's future was polled after it completed";
        let answer = match &mut self.sending {
            Ok(sending) => match sending.as_mut().poll(cx) {
                Poll::Pending => return Poll::Pending,
                Poll::Ready(answer) => answer.map_err(Untyped::typed),
            },
            Err(refused) => {
                let Some(error) = refused.take() else {
                    panic!("{POLLED_AGAIN}");
                };
                Err(error)
            }
        };
        let Some(read) = self.read.take() else {
            panic!("{POLLED_AGAIN}");
        };
        Poll::Ready(answer.and_then(read))
    }
}

impl Transport {
    /// Sends `request` as [`execute`](Self::execute) does and hands the answer to `read`;
    /// a request that could not be built (a documented constraint failed) is that error,
    /// and nothing is sent.
    #[doc(hidden)]
    pub fn call<T, C, F>(&self, request: Result<Request, Error<C>>, read: F) -> Call<'_, T, C, F>
    where
        C: ErrorCode,
        F: FnOnce(Response) -> Result<T, Error<C>>,
    {
        Call {
            sending: request.map(|request| self.sending(request)).map_err(Some),
            read: Some(read),
            output: PhantomData,
        }
    }

    /// Sends `request` as [`download`](Self::download) does; a request that could not be
    /// built is that error, and nothing is sent.
    #[doc(hidden)]
    pub fn call_download<C: ErrorCode>(
        &self,
        request: Result<Request, Error<C>>,
    ) -> Sending<'_, Download<C>, C> {
        Box::pin(async move { self.download(request?).await })
    }

    /// The boxed sending of `request`: one future type for every service. The transport's
    /// future is boxed as it is, not inside another future, which would be copied whole.
    fn sending(&self, request: Request) -> Sending<'_, Response, WireCode> {
        Box::pin(self.answer(request))
    }
}

impl Response {
    /// The payload as a list (under `envelope`); a `204 No Content` is the empty list.
    #[doc(hidden)]
    pub fn list<T: DeserializeOwned, C: ErrorCode>(
        &self,
        operation: &'static str,
        envelope: Option<&str>,
    ) -> Result<Vec<T>, Error<C>> {
        if self.is_no_content() {
            return Ok(Vec::new());
        }
        self.json(operation, envelope)
    }

    /// The payload (under `envelope`); a `204 No Content` is `None`.
    #[doc(hidden)]
    pub fn optional<T: DeserializeOwned, C: ErrorCode>(
        &self,
        operation: &'static str,
        envelope: Option<&str>,
    ) -> Result<Option<T>, Error<C>> {
        if self.is_no_content() {
            return Ok(None);
        }
        self.json(operation, envelope).map(Some)
    }
}
