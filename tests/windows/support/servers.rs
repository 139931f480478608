//! What the loopback test servers answer: a [`Reply`] (status, headers, body), served by hyper
//! over plain TCP or TLS. (A trimmed copy of `tests/it/support/servers.rs`.)

use std::convert::Infallible;
use std::sync::Arc;

use http_body_util::Full;
use hyper::body::{Bytes, Incoming};
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
}

impl Reply {
    pub fn status(status: u16) -> Reply {
        Reply {
            status,
            headers: Vec::new(),
            body: b"ok".to_vec(),
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

    /// The response hyper sends: status, headers (hyper adds `Date`) and the body.
    fn response(&self) -> Response<Full<Bytes>> {
        let mut response = Response::new(Full::new(Bytes::from(self.body.clone())));
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

/// Serves one connection with hyper: every request gets `reply`.
pub async fn serve<S>(stream: S, reply: Arc<Reply>)
where
    S: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin,
{
    let service = service_fn(move |_request: Request<Incoming>| {
        let reply = reply.clone();
        async move { Ok::<_, Infallible>(reply.response()) }
    });
    let _ = http1::Builder::new()
        .keep_alive(false)
        .serve_connection(TokioIo::new(stream), service)
        .await;
}
