//! Through a proxy: the `CONNECT` tunnel to the site (its answer recorded apart from the
//! site's), `Basic` credentials from a URL (the proxy's, or the site's own), and the failure of
//! a proxy that answered for itself (407 asks for a password; other codes in its own words).

use base64::Engine;
use hyper::header::HeaderValue;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use url::Url;

use super::Io;
use super::connect::classify_io;
use super::path::ProxyHop;
use super::sample::{Failure, Layer, Sample, fail};
use crate::evidence::ErrorKind;

/// Most bytes of a proxy's answer to `CONNECT` read.
const MAX_PROXY_HEAD: usize = 16 * 1024;

/// `Basic …` for a URL's user name and password, if it has any.
pub(super) fn basic_auth(url: &Url) -> Option<HeaderValue> {
    if url.username().is_empty() && url.password().is_none() {
        return None;
    }
    let decode = |s: &str| {
        percent_encoding::percent_decode_str(s)
            .decode_utf8_lossy()
            .into_owned()
    };
    let pair = format!(
        "{}:{}",
        decode(url.username()),
        decode(url.password().unwrap_or(""))
    );
    let token = base64::engine::general_purpose::STANDARD.encode(pair);
    let mut value = HeaderValue::from_str(&format!("Basic {token}")).ok()?;
    value.set_sensitive(true);
    Some(value)
}

/// Asks the proxy for a tunnel to `host:port`; records its answer apart from the site's.
pub(super) async fn tunnel(
    s: &mut Sample,
    stream: &mut Box<dyn Io>,
    hop: &ProxyHop,
    host: &str,
    port: u16,
) -> Result<(), Failure> {
    let target = format!("{host}:{port}");
    let mut request = format!("CONNECT {target} HTTP/1.1\r\nHost: {target}\r\n");
    if let Some(auth) = basic_auth(&hop.url).and_then(|v| v.to_str().ok().map(str::to_string)) {
        request.push_str(&format!("Proxy-Authorization: {auth}\r\n"));
    }
    request.push_str("\r\n");
    let io_fail = |e: std::io::Error| {
        fail(
            Layer::Proxy,
            ErrorKind::Proxy,
            format!(
                "the proxy {} dropped the connection ({})",
                hop.shown,
                classify_io(&e).1
            ),
        )
    };
    stream.write_all(request.as_bytes()).await.map_err(io_fail)?;
    let mut head = Vec::new();
    let mut buf = [0u8; 1024];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        let n = stream.read(&mut buf).await.map_err(io_fail)?;
        if n == 0 || head.len() > MAX_PROXY_HEAD {
            return Err(fail(
                Layer::Proxy,
                ErrorKind::Proxy,
                format!(
                    "the proxy {} closed the connection instead of opening a tunnel",
                    hop.shown
                ),
            ));
        }
        head.extend_from_slice(&buf[..n]);
    }
    let line = String::from_utf8_lossy(&head);
    let mut words = line.lines().next().unwrap_or("").splitn(3, ' ');
    let code = words
        .next()
        .filter(|v| v.starts_with("HTTP/"))
        .and_then(|_| words.next())
        .and_then(|c| c.parse::<u16>().ok());
    let Some(code) = code else {
        return Err(fail(
            Layer::Proxy,
            ErrorKind::Proxy,
            format!("the proxy {} answered something that is not HTTP", hop.shown),
        ));
    };
    s.proxy_status = Some(code);
    if (200..300).contains(&code) {
        return Ok(());
    }
    Err(proxy_refusal(hop, code, Some(&target)))
}

/// The failure of a proxy that answered `code` itself.
pub(super) fn proxy_refusal(hop: &ProxyHop, code: u16, tunnel_to: Option<&str>) -> Failure {
    let reason = hyper::StatusCode::from_u16(code)
        .ok()
        .and_then(|c| c.canonical_reason())
        .map(|r| format!(" {r}"))
        .unwrap_or_default();
    let text = match (code, tunnel_to) {
        (407, _) => format!("the proxy {} asks for a password (407{reason})", hop.shown),
        (_, Some(to)) => format!(
            "the proxy {} answered {code}{reason} when asked to connect to {to}",
            hop.shown
        ),
        (_, None) => format!("the proxy {} answered {code}{reason} itself", hop.shown),
    };
    fail(Layer::Proxy, ErrorKind::Proxy, text)
}
