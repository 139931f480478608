//! The layered probe's I/O: one name lookup per URL (the operating system's resolver, the one
//! the browser uses), then per sample one connection — to the site, or to the proxy and
//! through its `CONNECT` tunnel — the TLS handshake inside it, and the HTTP exchange (hyper)
//! over that same connection, with the body read to a deadline and a size cap. Every layer is
//! timed; a failure says which layer, what kind, and in plain words.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::{Duration, Instant};

use base64::Engine;
use futures::future::join_all;
use http_body_util::{BodyExt, Empty};
use hyper::body::Bytes;
use hyper::header::{self, HeaderValue};
use hyper_util::rt::TokioIo;
use jiff::Timestamp;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::TcpStream;
use url::Url;

use super::handshake::{self, Shaken};
use super::path::{ProxyHop, Route};
use super::resolve::{self, DnsError};
use super::sample::{Answer, Failure, Layer, Lookup, Sample, UrlProbe};
use crate::evidence::ErrorKind;
use crate::text::words::human_duration;

/// What every probe of a run shares.
#[derive(Debug, Clone)]
pub struct Env {
    pub dns_timeout: Duration,
    /// The whole probe of a URL (lookup, every layer, the body) ends by then.
    pub timeout: Duration,
    pub roots: Arc<rustls::RootCertStore>,
    pub max_body: usize,
}

trait Io: AsyncRead + AsyncWrite + Unpin + Send {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send> Io for T {}

/// Most bytes of a proxy's answer to `CONNECT` read.
const MAX_PROXY_HEAD: usize = 16 * 1024;

fn fail(layer: Layer, kind: ErrorKind, text: impl Into<String>) -> Failure {
    Failure {
        layer,
        kind,
        text: text.into(),
        dns: None,
    }
}

/// Probes `url` `samples` times at once, each on its own connection, after one lookup.
pub async fn probe_url(url: &Url, route: &Route, env: &Env, samples: u32) -> UrlProbe {
    let start = Instant::now();
    let deadline = tokio::time::Instant::now() + env.timeout;
    let host = url.host_str().unwrap_or("");
    let looked_up = match route {
        Route::Direct { .. } => {
            let t = Instant::now();
            match tokio::time::timeout(env.dns_timeout.min(env.timeout), lookup(host)).await {
                Ok(Ok(l)) => Ok(Some((l, t.elapsed()))),
                Ok(Err(f)) => Err(f),
                Err(_) => Err(dns_failure(DnsError::Timeout, env.dns_timeout.min(env.timeout))),
            }
        }
        Route::Proxy(_) => Ok(None),
    };
    let runs = (0..samples.max(1)).map(|_| one(url, route, &looked_up, env, deadline, start));
    UrlProbe {
        url: url.clone(),
        samples: join_all(runs).await,
        bypassed: matches!(route, Route::Direct { bypassed: true }),
    }
}

fn dns_failure(e: DnsError, took: Duration) -> Failure {
    let why = match &e {
        DnsError::NoSuchName => "no such name".to_string(),
        DnsError::ServerFailure(text) => format!("DNS server failure ({text})"),
        DnsError::Timeout => format!("no answer within {}", human_duration(took)),
    };
    Failure {
        layer: Layer::Dns,
        kind: ErrorKind::Dns,
        text: format!("name lookup failed ({why})"),
        dns: Some(e),
    }
}

/// Looks `host` up with the system's resolver; IP literals and `localhost` need no query,
/// `.invalid` names fail without one.
pub async fn lookup(host: &str) -> Result<Lookup, Failure> {
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    if let Ok(ip) = bare.parse::<IpAddr>() {
        return Ok(Lookup::Literal(ip));
    }
    match resolve::special_name(host) {
        Some(Ok(_)) => return Ok(Lookup::Local),
        Some(Err(e)) => return Err(dns_failure(e, Duration::ZERO)),
        None => {}
    }
    // The caller bounds the time; the resolver's own timeout is only a backstop.
    resolve::resolve_host(host, Duration::from_secs(600))
        .await
        .map(Lookup::Resolved)
        .map_err(|e| dns_failure(e, Duration::ZERO))
}

async fn one(
    url: &Url,
    route: &Route,
    looked_up: &Result<Option<(Lookup, Duration)>, Failure>,
    env: &Env,
    deadline: tokio::time::Instant,
    start: Instant,
) -> Sample {
    let mut s = Sample {
        sent_at: Timestamp::now(),
        via: route.proxy().map(|h| h.shown.clone()),
        ..Sample::default()
    };
    match looked_up {
        Err(f) => s.failure = Some(f.clone()),
        Ok(l) => {
            s.lookup = l.clone();
            let outcome = tokio::time::timeout_at(deadline, layers(&mut s, url, route, env)).await;
            match outcome {
                Ok(Ok(())) => {}
                Ok(Err(f)) => s.failure = Some(f),
                Err(_) => s.failure = Some(timed_out(&s, route, url, env.timeout)),
            }
        }
    }
    s.total = start.elapsed();
    s
}

/// The failure of a probe that ran out of time, named after the layer it was waiting on.
fn timed_out(s: &Sample, route: &Route, url: &Url, timeout: Duration) -> Failure {
    let within = human_duration(timeout);
    if let (Some(answer), Some((body, _))) = (&s.answer, &s.body) {
        let of = answer
            .content_length
            .map(|n| format!(" of {n}"))
            .unwrap_or_default();
        return fail(
            Layer::Body,
            ErrorKind::BodyStalled,
            format!(
                "the page started to arrive and then stopped: {}{of} bytes in {within}",
                body.len()
            ),
        );
    }
    let proxied = route.proxy();
    match (&s.connected, proxied) {
        (None, Some(hop)) => fail(
            Layer::Connect,
            ErrorKind::Proxy,
            format!(
                "the proxy {} did not accept a connection within {within}",
                hop.shown
            ),
        ),
        (None, None) => fail(
            Layer::Connect,
            ErrorKind::Timeout,
            format!("no answer within {within}"),
        ),
        (Some(_), Some(hop)) if url.scheme() == "https" && s.proxy_status.is_none() => fail(
            Layer::Proxy,
            ErrorKind::Proxy,
            format!("the proxy {} did not open a tunnel within {within}", hop.shown),
        ),
        (Some(_), _) if url.scheme() == "https" && s.tls.is_none() => fail(
            Layer::Tls,
            ErrorKind::Timeout,
            format!("the secure handshake did not finish within {within}"),
        ),
        _ => fail(
            Layer::Http,
            ErrorKind::Timeout,
            format!("connected, but no answer within {within}"),
        ),
    }
}

async fn layers(s: &mut Sample, url: &Url, route: &Route, env: &Env) -> Result<(), Failure> {
    let host = url.host_str().unwrap_or("").to_string();
    let port = url.port_or_known_default().unwrap_or(443);
    let https = url.scheme() == "https";
    let t = Instant::now();
    let (tcp, addr) = match route {
        Route::Proxy(hop) => connect_proxy(hop).await?,
        Route::Direct { .. } => {
            let ips = s.lookup.as_ref().map(|(l, _)| l.addresses()).unwrap_or_default();
            connect_any(&ips, port).await?
        }
    };
    s.connected = Some((addr, t.elapsed()));
    let _ = tcp.set_nodelay(true);
    let mut stream: Box<dyn Io> = Box::new(tcp);
    if let (Route::Proxy(hop), true) = (route, https) {
        tunnel(s, &mut stream, hop, &host, port).await?;
    }
    if https {
        let t = Instant::now();
        match handshake::over(stream, &host, env.roots.clone()).await {
            Shaken::Secure(tls, hs) => {
                s.tls = Some((hs, t.elapsed()));
                return exchange(s, tls, url, route, env).await;
            }
            Shaken::Rejected(hs) => {
                let why = match &hs.trust {
                    handshake::Trust::Untrusted(w) | handshake::Trust::BadDates(w) => w.clone(),
                    handshake::Trust::Trusted => String::new(),
                };
                s.tls = Some((hs, t.elapsed()));
                return Err(fail(
                    Layer::Tls,
                    ErrorKind::Tls,
                    format!("secure connection failed: the certificate was rejected ({why})"),
                ));
            }
            Shaken::Failed(why) => {
                return Err(fail(
                    Layer::Tls,
                    ErrorKind::Tls,
                    format!("secure connection failed: {why}"),
                ));
            }
        }
    }
    exchange(s, stream, url, route, env).await
}

/// Connects to the first address that accepts.
async fn connect_any(ips: &[IpAddr], port: u16) -> Result<(TcpStream, SocketAddr), Failure> {
    let mut last = fail(Layer::Connect, ErrorKind::Connect, "no addresses to connect to");
    for ip in ips {
        let addr = SocketAddr::new(*ip, port);
        match TcpStream::connect(addr).await {
            Ok(stream) => return Ok((stream, addr)),
            Err(e) => {
                let (kind, text) = classify_io(&e);
                last = fail(Layer::Connect, kind, text);
            }
        }
    }
    Err(last)
}

/// A connection error in a kind and plain words.
pub fn classify_io(e: &std::io::Error) -> (ErrorKind, String) {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::ConnectionRefused => (ErrorKind::Refused, "the connection was refused".into()),
        K::TimedOut => (ErrorKind::Timeout, "timed out".into()),
        K::HostUnreachable | K::NetworkUnreachable | K::AddrNotAvailable => {
            (ErrorKind::Unreachable, "no route to it from this network".into())
        }
        _ => (ErrorKind::Connect, format!("could not connect ({e})")),
    }
}

/// Connects to the proxy; every failure is the proxy's.
async fn connect_proxy(hop: &ProxyHop) -> Result<(TcpStream, SocketAddr), Failure> {
    let host = hop.url.host_str().unwrap_or("");
    let port = hop.url.port_or_known_default().unwrap_or(80);
    let ips = match lookup(host).await {
        Ok(l) => l.addresses(),
        Err(_) => {
            return Err(fail(
                Layer::Connect,
                ErrorKind::Proxy,
                format!("the proxy {} could not be found (name lookup failed)", hop.shown),
            ));
        }
    };
    connect_any(&ips, port).await.map_err(|f| {
        let what = match f.kind {
            ErrorKind::Refused => "refused the connection".to_string(),
            ErrorKind::Unreachable => "cannot be reached from this network".to_string(),
            _ => format!("could not be reached ({})", f.text),
        };
        fail(
            Layer::Connect,
            ErrorKind::Proxy,
            format!("the proxy {} {what}", hop.shown),
        )
    })
}

/// `Basic …` for a URL's user name and password, if it has any.
fn basic_auth(url: &Url) -> Option<HeaderValue> {
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
async fn tunnel(
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
fn proxy_refusal(hop: &ProxyHop, code: u16, tunnel_to: Option<&str>) -> Failure {
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

/// The HTTP exchange over the open connection: one GET, its head, then its body.
async fn exchange<S>(s: &mut Sample, stream: S, url: &Url, route: &Route, env: &Env) -> Result<(), Failure>
where
    S: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    let http_fail = |e: hyper::Error| {
        let text = if e.is_incomplete_message() || e.is_canceled() {
            "the server closed the connection without answering".to_string()
        } else if e.is_parse() {
            "the server answered something that is not HTTP".to_string()
        } else {
            format!("the exchange failed ({e})")
        };
        fail(Layer::Http, ErrorKind::Http, text)
    };
    let (mut sender, conn) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
        .await
        .map_err(http_fail)?;
    let plain_proxy = match route {
        Route::Proxy(hop) if url.scheme() == "http" => Some(hop),
        _ => None,
    };
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
        .map_err(|e| fail(Layer::Http, ErrorKind::Other, e.to_string()))?;
    let work = async {
        let sent = Instant::now();
        let response = sender.send_request(request).await.map_err(http_fail)?;
        let status = response.status().as_u16();
        if let Some(hop) = plain_proxy
            && matches!(status, 407 | 502..=504)
        {
            s.proxy_status = Some(status);
            return Err(proxy_refusal(hop, status, None));
        }
        let text = |name: header::HeaderName| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        s.answer = Some(Answer {
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
