//! The layered probe: one per target and sample, on the browser's path — the only network code.
//! [`path`] decides the route (direct, through an HTTP or SOCKS5 proxy, or through one qbfix
//! cannot use: then nothing is sent); then, on one connection, the layers in the order they
//! happen: [`resolve`] (the name lookup), [`connect`] (Happy Eyeballs), [`tunnel`] (an HTTP
//! proxy's `CONNECT`, read for its [`marks`]) or [`socks`], [`handshake`] (TLS, trusting what
//! [`trust`] holds; [`cert`] reads the leaf) and [`exchange`] (HTTP and the body). [`sample`]
//! holds what each layer found, [`plain`] says every error in words, and [`hub`] shares one
//! run's probes between the checks that judge them. This file runs them: one lookup per URL,
//! then its samples at once, each bounded by the run's timeout, a timeout named after the layer
//! it was waiting on.

pub(crate) mod cert;
mod connect;
mod exchange;
pub(crate) mod handshake;
pub(crate) mod hub;
pub(crate) mod marks;
mod path;
pub(crate) mod plain;
pub(crate) mod resolve;
mod sample;
mod socks;
mod trust;
mod tunnel;

use std::sync::Arc;
use std::time::{Duration, Instant};

use futures::future::join_all;
use jiff::Timestamp;
use tokio::io::{AsyncRead, AsyncWrite};
use url::Url;

use crate::evidence::ErrorKind;
use crate::text::words::human_duration;
use handshake::Shaken;
use resolve::DnsError;
use sample::fail;

pub use hub::Hub;
pub use path::{Plan, ProxyHop, ProxyKind, Route};
pub use resolve::Lookup;
pub use sample::{DIGEST_BYTES, Failure, Layer, Reply, Sample, UrlProbe};

/// What every probe of a run shares.
#[derive(Debug, Clone)]
struct Env {
    pub dns_timeout: Duration,
    /// The whole probe of a URL (lookup, every layer, the body) ends by then.
    pub timeout: Duration,
    pub roots: Arc<rustls::RootCertStore>,
    pub max_body: usize,
}

/// The connection the layers run over: plain TCP, or a proxy's tunnel before TLS.
trait Io: AsyncRead + AsyncWrite + Unpin + Send {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send> Io for T {}

/// Probes `url` `samples` times at once, each on its own connection, after one lookup.
async fn probe_url(url: &Url, route: &Route, env: &Env, samples: u32) -> UrlProbe {
    let start = Instant::now();
    let deadline = tokio::time::Instant::now() + env.timeout;
    let host = url.host_str().unwrap_or("");
    // This computer looks the name up when it connects to the site itself, or hands the
    // address to a `socks5://` proxy; an HTTP or `socks5h://` proxy looks it up.
    let local_dns = match route {
        Route::Direct { .. } => true,
        Route::Proxy(hop) => hop.kind.local_dns(),
    };
    let looked_up = if let Some(why) = route.proxy().and_then(ProxyHop::unusable) {
        Err(fail(Layer::Route, ErrorKind::Other, why))
    } else if local_dns {
        let t = Instant::now();
        match tokio::time::timeout(env.dns_timeout.min(env.timeout), resolve::lookup(host)).await {
            Ok(Ok(l)) => Ok(Some((l, t.elapsed()))),
            Ok(Err(e)) => Err(dns_failure(e, Duration::ZERO)),
            Err(_) => Err(dns_failure(DnsError::Timeout, env.dns_timeout.min(env.timeout))),
        }
    } else {
        Ok(None)
    };
    let runs = (0..samples.max(1)).map(|_| one(url, route, &looked_up, env, deadline, start));
    UrlProbe {
        url: url.clone(),
        samples: join_all(runs).await,
        bypassed: matches!(route, Route::Direct { bypassed: true }),
    }
}

/// A failed lookup in plain words (`took`: the time waited, for a timeout).
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

/// One sample on its own connection: every layer, until the run's deadline.
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
        (Some(_), Some(hop)) if !s.tunneled && (url.scheme() == "https" || !hop.kind.speaks_http()) => fail(
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

/// The layers after the lookup: connect (to the site or the proxy), the proxy's tunnel for
/// https or the SOCKS5 proxy's connection, the TLS handshake, then the HTTP exchange over that
/// same connection.
async fn layers(s: &mut Sample, url: &Url, route: &Route, env: &Env) -> Result<(), Failure> {
    let host = url.host_str().unwrap_or("").to_string();
    let port = url.port_or_known_default().unwrap_or(443);
    let https = url.scheme() == "https";
    let t = Instant::now();
    let raced = match route {
        Route::Proxy(hop) => connect::connect_proxy(hop).await?,
        Route::Direct { .. } => {
            let ips = s.lookup.as_ref().map(|(l, _)| l.addresses()).unwrap_or_default();
            connect::connect_any(&ips, port).await?
        }
    };
    s.connected = Some((raced.addr, t.elapsed()));
    s.fallback = raced.fallback;
    let _ = raced.conn.set_nodelay(true);
    let mut stream: Box<dyn Io> = Box::new(raced.conn);
    if let Some(hop) = route.proxy().filter(|h| h.kind == ProxyKind::Https) {
        stream = tunnel::secure_to_proxy(stream, hop, env.roots.clone()).await?;
    }
    match route.proxy() {
        Some(hop) if matches!(hop.kind, ProxyKind::Socks5 { .. }) => {
            stream = Box::new(socks::connect(s, stream, hop, &host, port).await?);
            s.tunneled = true;
        }
        Some(hop) if https => tunnel::tunnel(s, &mut stream, hop, &host, port).await?,
        _ => {}
    }
    if https {
        let t = Instant::now();
        match handshake::over(stream, &host, env.roots.clone()).await {
            Shaken::Secure(tls, hs) => {
                s.cert_seen = Some(true);
                s.tls = Some((hs, t.elapsed()));
                return exchange::exchange(s, tls, url, route, env).await;
            }
            Shaken::Rejected(hs) => {
                let why = match &hs.trust {
                    handshake::Trust::Refused(_, words) => *words,
                    handshake::Trust::Trusted => "",
                };
                s.cert_seen = Some(true);
                s.tls = Some((hs, t.elapsed()));
                return Err(fail(
                    Layer::Tls,
                    ErrorKind::Tls,
                    format!("the secure connection was refused: {why}"),
                ));
            }
            Shaken::Failed {
                kind,
                text,
                cert_seen,
            } => {
                s.cert_seen = Some(cert_seen);
                return Err(fail(Layer::Tls, kind, text));
            }
        }
    }
    exchange::exchange(s, stream, url, route, env).await
}
