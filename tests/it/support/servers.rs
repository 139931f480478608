//! What the loopback test servers answer: a [`Reply`] (status, headers, body, delay, a body
//! that trickles in), served by hyper over plain TCP or TLS.

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use futures::{StreamExt, stream};
use http_body_util::combinators::UnsyncBoxBody;
use http_body_util::{BodyExt, Full, StreamBody};
use hyper::body::{Bytes, Frame, Incoming};
use hyper::header::{CONTENT_LENGTH, HeaderName, HeaderValue};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::TokioIo;

/// What a test server answers.
#[derive(Debug, Clone)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// Wait before sending anything.
    pub delay: Duration,
    /// Send the body one byte at a time with this pause between bytes.
    pub drip: Option<Duration>,
}

impl Reply {
    pub fn status(status: u16) -> Reply {
        Reply {
            status,
            headers: Vec::new(),
            body: b"ok".to_vec(),
            delay: Duration::ZERO,
            drip: None,
        }
    }
    pub fn ok() -> Reply {
        Reply::status(200)
    }
    pub fn json(text: &str) -> Reply {
        Reply::ok()
            .header("Content-Type", "application/json")
            .body(text.as_bytes())
    }
    pub fn header(mut self, name: &str, value: &str) -> Reply {
        self.headers.push((name.into(), value.into()));
        self
    }
    pub fn body(mut self, body: &[u8]) -> Reply {
        self.body = body.to_vec();
        self
    }
    pub fn delay(mut self, d: Duration) -> Reply {
        self.delay = d;
        self
    }
    pub fn drip(mut self, d: Duration) -> Reply {
        self.drip = Some(d);
        self
    }

    /// The response hyper sends: status, headers (hyper adds `Date` unless one is given), and
    /// the body whole or one byte at a time.
    fn response(&self) -> Response<UnsyncBoxBody<Bytes, Infallible>> {
        let body = match self.drip {
            None => Full::new(Bytes::from(self.body.clone())).boxed_unsync(),
            Some(pause) => {
                let bytes = stream::iter(self.body.clone()).then(move |byte| async move {
                    tokio::time::sleep(pause).await;
                    Ok::<_, Infallible>(Frame::data(Bytes::from(vec![byte])))
                });
                StreamBody::new(bytes).boxed_unsync()
            }
        };
        let mut response = Response::new(body);
        *response.status_mut() = StatusCode::from_u16(self.status).unwrap();
        let headers = response.headers_mut();
        for (k, v) in &self.headers {
            headers.append(
                HeaderName::from_bytes(k.as_bytes()).unwrap(),
                HeaderValue::from_str(v).unwrap(),
            );
        }
        headers.insert(CONTENT_LENGTH, HeaderValue::from(self.body.len()));
        response
    }
}

/// An HTTP date ("Sun, 06 Nov 1994 08:49:37 GMT").
pub fn http_date(t: jiff::Timestamp) -> String {
    jiff::fmt::rfc2822::DateTimePrinter::new()
        .timestamp_to_rfc9110_string(&t)
        .unwrap()
}

/// Serves one connection with hyper: every request waits `reply.delay`, then gets `reply`.
pub async fn serve<S>(stream: S, reply: Arc<Reply>)
where
    S: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin,
{
    let service = service_fn(move |_request: Request<Incoming>| {
        let reply = reply.clone();
        async move {
            tokio::time::sleep(reply.delay).await;
            Ok::<_, Infallible>(reply.response())
        }
    });
    let _ = http1::Builder::new()
        .keep_alive(false)
        .serve_connection(TokioIo::new(stream), service)
        .await;
}
