//! The connection under every probe, made as browsers make it (Happy Eyeballs, RFC 8305): the
//! addresses interleaved IPv6 first, the next attempt started 250 ms after the previous one
//! started (or at once when one fails), the first to connect wins and the others are dropped;
//! a dead IPv6 path that was fallen back from is named, not failed. To the site, or to the
//! proxy (whose every failure is the proxy's). The racing is generic over the connect
//! function, so it is tested with a fake one on tokio's paused clock.

use std::future::Future;
use std::io;
use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

use futures::StreamExt;
use futures::stream::FuturesUnordered;
use tokio::net::TcpStream;

use super::path::ProxyHop;
use super::plain;
use super::resolve;
use super::sample::{Failure, Layer, fail};
use crate::evidence::ErrorKind;

/// How long an attempt runs alone before the next address is tried beside it (RFC 8305 §5).
pub const ATTEMPT_DELAY: Duration = Duration::from_millis(250);

/// An open connection, the address that won, and the IPv6 path fallen back from, in words.
#[derive(Debug)]
pub struct Raced<T> {
    pub conn: T,
    pub addr: SocketAddr,
    pub fallback: Option<String>,
}

/// The addresses in the order RFC 8305 tries them: IPv6 first, then the families alternating.
pub fn interleave(ips: &[IpAddr]) -> Vec<IpAddr> {
    let mut unique: Vec<IpAddr> = Vec::new();
    for ip in ips {
        if !unique.contains(ip) {
            unique.push(*ip);
        }
    }
    let (v6, v4): (Vec<IpAddr>, Vec<IpAddr>) = unique.into_iter().partition(IpAddr::is_ipv6);
    let (mut a, mut b) = (v6.into_iter(), v4.into_iter());
    let mut out = Vec::new();
    loop {
        match (a.next(), b.next()) {
            (None, None) => return out,
            (x, y) => out.extend(x.into_iter().chain(y)),
        }
    }
}

/// Races `connect` over `addrs` (already in order): each attempt starts [`ATTEMPT_DELAY`]
/// after the previous one started, or at once when one fails; the first success wins and the
/// rest are dropped. Every failure, in order, when none connects.
pub async fn race<T, F, Fut>(
    addrs: &[SocketAddr],
    connect: F,
) -> Result<Raced<T>, Vec<(SocketAddr, io::Error)>>
where
    F: Fn(SocketAddr) -> Fut,
    Fut: Future<Output = io::Result<T>>,
{
    let attempt = |addr: SocketAddr| {
        let fut = connect(addr);
        async move { (addr, fut.await) }
    };
    let mut waiting = addrs.iter().copied();
    let mut running = FuturesUnordered::new();
    let mut failed: Vec<(SocketAddr, io::Error)> = Vec::new();
    let mut started: Vec<SocketAddr> = Vec::new();
    let mut last_start = tokio::time::Instant::now();
    loop {
        if running.is_empty() {
            let Some(addr) = waiting.next() else {
                return Err(failed);
            };
            running.push(attempt(addr));
            started.push(addr);
            last_start = tokio::time::Instant::now();
        }
        let more = waiting.len() > 0;
        tokio::select! {
            Some((addr, result)) = running.next() => match result {
                Ok(conn) => {
                    let fallback = fallback(addr, &started, &failed);
                    return Ok(Raced { conn, addr, fallback });
                }
                Err(e) => {
                    failed.push((addr, e));
                    if let Some(next) = waiting.next() {
                        running.push(attempt(next));
                        started.push(next);
                        last_start = tokio::time::Instant::now();
                    }
                }
            },
            () = tokio::time::sleep_until(last_start + ATTEMPT_DELAY), if more => {
                if let Some(next) = waiting.next() {
                    running.push(attempt(next));
                    started.push(next);
                    last_start = tokio::time::Instant::now();
                }
            }
        }
    }
}

/// The IPv6 path fallen back from, when an IPv4 address won after an IPv6 one was tried.
fn fallback(won: SocketAddr, started: &[SocketAddr], failed: &[(SocketAddr, io::Error)]) -> Option<String> {
    if won.is_ipv6() {
        return None;
    }
    let v6 = started.iter().find(|a| a.is_ipv6())?;
    let what = match failed.iter().find(|(a, _)| a == v6) {
        Some((_, e)) => match plain::connect_error(e) {
            (ErrorKind::Timeout, _) => "did not answer".to_string(),
            (_, words) => format!("failed ({words})"),
        },
        None => "did not answer in time".to_string(),
    };
    Some(format!("IPv6 address {} {what}; connected over IPv4", v6.ip()))
}

/// The failure when no address connected: the most telling error (a refusal says more than
/// an IPv6 path with no route).
fn no_connection(failed: &[(SocketAddr, io::Error)]) -> Failure {
    let rank = |k: ErrorKind| match k {
        ErrorKind::Refused => 0,
        ErrorKind::Connect => 1,
        ErrorKind::Timeout => 2,
        _ => 3,
    };
    failed
        .iter()
        .map(|(_, e)| plain::connect_error(e))
        .min_by_key(|(k, _)| rank(*k))
        .map_or_else(
            || fail(Layer::Connect, ErrorKind::Connect, "no addresses to connect to"),
            |(kind, text)| fail(Layer::Connect, kind, text),
        )
}

/// Connects to `ips` on `port` as browsers do.
pub(super) async fn connect_any(ips: &[IpAddr], port: u16) -> Result<Raced<TcpStream>, Failure> {
    let addrs: Vec<SocketAddr> = interleave(ips)
        .into_iter()
        .map(|ip| SocketAddr::new(ip, port))
        .collect();
    race(&addrs, TcpStream::connect)
        .await
        .map_err(|failed| no_connection(&failed))
}

/// Connects to the proxy; every failure is the proxy's.
pub(super) async fn connect_proxy(hop: &ProxyHop) -> Result<Raced<TcpStream>, Failure> {
    let host = hop.url.host_str().unwrap_or("");
    let port = hop
        .url
        .port_or_known_default()
        .unwrap_or(if hop.url.scheme().starts_with("socks") {
            1080
        } else {
            80
        });
    let ips = match resolve::lookup(host).await {
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
            ErrorKind::Timeout => "did not answer".to_string(),
            _ => format!("could not be reached: {}", f.text),
        };
        fail(
            Layer::Connect,
            ErrorKind::Proxy,
            format!("the proxy {} {what}", hop.shown),
        )
    })
}

#[cfg(test)]
mod tests;
