//! The HTTP exchange over a connection already open (plain, tunnelled or TLS): one `GET` with
//! hyper, the answer's head (status, date, redirect, length, time to first byte), then the body
//! kept up to the size cap. A connection closed or reset without an answer, or an answer that
//! is not HTTP, is told apart. Over plain http through an HTTP proxy, an error is the proxy's
//! own only when it carries the proxy's [`Marks`] (or is a 407); else it was relayed from the
//! site; and a connection cut off without an answer is the proxy's failure.

use std::time::Instant;

use http_body_util::{BodyExt, Empty};
use hyper::body::Bytes;
use hyper::header;
use hyper_util::rt::TokioIo;
use tokio::io::{AsyncRead, AsyncWrite};
use url::Url;

use super::Env;
use super::marks::Marks;
use super::path::Route;
use super::plain;
use super::sample::{Failure, Layer, Reply, Sample, fail};
use super::tunnel::{basic_auth, proxy_refusal};
use crate::evidence::ErrorKind;

/// The HTTP exchange over the open connection: one GET, its head, then its body.
pub(super) async fn exchange<S>(
    s: &mut Sample,
    stream: S,
    url: &Url,
    route: &Route,
    env: &Env,
) -> Result<(), Failure>
where
    S: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    let plain_proxy = match route {
        Route::Proxy(hop) if url.scheme() == "http" && hop.kind.speaks_http() => Some(hop),
        _ => None,
    };
    // Through a plain-http proxy, nothing but the proxy answers: a connection it cuts off
    // without an answer is the proxy's failure, not the site's.
    let http_fail = |e: hyper::Error| {
        let (kind, text) = plain::exchange_error(&e);
        match plain_proxy {
            Some(hop) if kind.is_cut_off() => fail(
                Layer::Proxy,
                ErrorKind::Proxy,
                format!("the proxy {} {}", hop.shown, plain::proxy_cut_words(kind)),
            ),
            _ => fail(Layer::Http, kind, text),
        }
    };
    let (mut sender, conn) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
        .await
        .map_err(http_fail)?;
    let mut bare = url.clone();
    let _ = bare.set_username("");
    let _ = bare.set_password(None);
    bare.set_fragment(None);
    let target = match plain_proxy {
        Some(_) => bare.to_string(),
        None => match bare.query() {
            Some(q) => format!("{}?{q}", bare.path()),
            None => bare.path().to_string(),
        },
    };
    let host = match url.port() {
        Some(p) => format!("{}:{p}", url.host_str().unwrap_or("")),
        None => url.host_str().unwrap_or("").to_string(),
    };
    let mut request = hyper::Request::builder()
        .method("GET")
        .uri(target)
        .header(header::HOST, host)
        .header(header::USER_AGENT, concat!("qbfix/", env!("CARGO_PKG_VERSION")))
        .header(header::ACCEPT, "*/*")
        .header(header::CONNECTION, "close");
    if let Some(auth) = basic_auth(url) {
        request = request.header(header::AUTHORIZATION, auth);
    }
    if let Some(auth) = plain_proxy.and_then(|hop| basic_auth(&hop.url)) {
        request = request.header(header::PROXY_AUTHORIZATION, auth);
    }
    let request = request
        .body(Empty::<Bytes>::new())
        .map_err(|_| fail(Layer::Http, ErrorKind::Other, "this address cannot be requested"))?;
    let work = async {
        let sent = Instant::now();
        let response = sender.send_request(request).await.map_err(http_fail)?;
        let status = response.status().as_u16();
        if let Some(hop) = plain_proxy
            && status >= 400
        {
            // The proxy's own error only when it carries the proxy's marks (or asks for the
            // proxy's password); any other error was relayed from the site.
            let headers = response
                .headers()
                .iter()
                .filter_map(|(k, v)| Some((k.as_str(), v.to_str().ok()?)));
            let marks = Marks::read(headers);
            if marks.is_some() || status == 407 {
                s.proxy_status = Some(status);
                s.proxy_marks = marks;
                return Err(proxy_refusal(hop, status, None, s.proxy_marks.as_ref()));
            }
        }
        let text = |name: header::HeaderName| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        s.answer = Some(Reply {
            status,
            reason: response.status().canonical_reason().map(str::to_string),
            ttfb: sent.elapsed(),
            date: text(header::DATE),
            location: text(header::LOCATION)
                .and_then(|l| url.join(&l).ok())
                .map(|u| u.to_string()),
            content_length: text(header::CONTENT_LENGTH).and_then(|v| v.trim().parse().ok()),
        });
        let mut body = response.into_body();
        s.body = Some((Vec::new(), false));
        while let Some(frame) = body.frame().await {
            let frame = frame.map_err(|_| {
                let got = s.body.as_ref().map_or(0, |b| b.0.len());
                fail(
                    Layer::Body,
                    ErrorKind::BodyStalled,
                    format!("the page stopped arriving: the connection closed after {got} bytes"),
                )
            })?;
            let Ok(data) = frame.into_data() else { continue };
            if let Some((kept, truncated)) = s.body.as_mut() {
                let room = env.max_body.saturating_sub(kept.len());
                kept.extend_from_slice(&data[..data.len().min(room)]);
                if data.len() > room {
                    *truncated = true;
                    break;
                }
            }
        }
        Ok(())
    };
    tokio::pin!(work);
    tokio::pin!(conn);
    let mut conn_done = false;
    loop {
        tokio::select! {
            r = &mut work => return r,
            _ = &mut conn, if !conn_done => conn_done = true,
        }
    }
}
