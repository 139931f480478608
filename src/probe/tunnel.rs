//! Through an HTTP proxy (or an HTTPS one, after [`secure_to_proxy`]): the `CONNECT` tunnel to
//! the site (its answer recorded apart from the site's, with its [`Marks`]: to `CONNECT`, the
//! answer is always the proxy's own), `Basic` credentials from a URL (the proxy's, or the site's
//! own), and the failure of a proxy that answered for itself (407 asks for a password; other
//! codes, and what its marks say, in words). A proxy that closes or resets before answering
//! fails in plain words too.

use base64::Engine;
use hyper::header::HeaderValue;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use url::Url;

use super::Io;
use super::marks::Marks;
use super::path::ProxyHop;
use super::plain;
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

/// The secure connection to an HTTPS proxy, over which its requests then go as to an HTTP
/// proxy. Its certificate must be trusted (the system's roots and `extra_ca_file`, as for any
/// site); every failure is the proxy's, in words.
pub(super) async fn secure_to_proxy(
    stream: Box<dyn Io>,
    hop: &ProxyHop,
    roots: std::sync::Arc<rustls::RootCertStore>,
) -> Result<Box<dyn Io>, Failure> {
    let host = hop.url.host_str().unwrap_or("");
    let why = match super::handshake::over(stream, host, roots).await {
        super::handshake::Shaken::Secure(tls, _) => return Ok(Box::new(*tls)),
        super::handshake::Shaken::Rejected(hs) => match hs.trust {
            super::handshake::Trust::Refused(_, words) => {
                format!("showed a certificate that was refused: {words}")
            }
            super::handshake::Trust::Trusted => "showed a certificate that was refused".to_string(),
        },
        super::handshake::Shaken::Failed { text, .. } => format!("failed the secure handshake: {text}"),
    };
    Err(fail(
        Layer::Proxy,
        ErrorKind::Proxy,
        format!("the proxy {} {why}", hop.shown),
    ))
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
            format!("the proxy {} {}", hop.shown, plain::proxy_io_words(&e)),
        )
    };
    stream.write_all(request.as_bytes()).await.map_err(io_fail)?;
    let mut head = Vec::new();
    let mut buf = [0u8; 1024];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        let n = stream.read(&mut buf).await.map_err(io_fail)?;
        if n == 0 || head.len() > MAX_PROXY_HEAD {
            let what = if head.is_empty() {
                plain::proxy_cut_words(ErrorKind::Closed)
            } else {
                plain::proxy_cut_words(ErrorKind::Http)
            };
            return Err(fail(
                Layer::Proxy,
                ErrorKind::Proxy,
                format!("the proxy {} {what}", hop.shown),
            ));
        }
        head.extend_from_slice(&buf[..n]);
    }
    let text = String::from_utf8_lossy(&head);
    let mut lines = text.split("\r\n");
    let mut words = lines.next().unwrap_or("").splitn(3, ' ');
    let code = words
        .next()
        .filter(|v| v.starts_with("HTTP/"))
        .and_then(|_| words.next())
        .and_then(|c| c.parse::<u16>().ok());
    let Some(code) = code else {
        return Err(fail(
            Layer::Proxy,
            ErrorKind::Proxy,
            format!(
                "the proxy {} {}",
                hop.shown,
                plain::proxy_cut_words(ErrorKind::Http)
            ),
        ));
    };
    s.proxy_status = Some(code);
    if (200..300).contains(&code) {
        s.tunneled = true;
        return Ok(());
    }
    let headers = lines
        .take_while(|l| !l.is_empty())
        .filter_map(|l| l.split_once(':'));
    s.proxy_marks = Marks::read(headers);
    Err(proxy_refusal(hop, code, Some(&target), s.proxy_marks.as_ref()))
}

/// The failure of a proxy that answered `code` itself, with what its marks say.
pub(super) fn proxy_refusal(
    hop: &ProxyHop,
    code: u16,
    tunnel_to: Option<&str>,
    marks: Option<&Marks>,
) -> Failure {
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
    let text = match marks.and_then(Marks::said) {
        Some(said) if code != 407 => format!("{text}: {said}"),
        _ => text,
    };
    fail(Layer::Proxy, ErrorKind::Proxy, text)
}
