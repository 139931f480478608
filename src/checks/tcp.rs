//! `tcp`: opens a TCP connection to each QuickBooks host and port (the URL's port, or 80/443
//! by scheme) and reports the time it took, or whether it was refused, timed out or found no
//! route. Also the shared [`connect`] the TLS check builds on.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use futures::future::join_all;
use reqwest::Url;
use tokio::net::TcpStream;

use super::net;
use super::{CheckResult, Context, Status, millis};

pub const ID: &str = "tcp";

/// Why a connection could not be opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConnectError {
    /// One of the `error_kind`s of `checks/mod.rs`: dns, refused, timeout, unreachable, connect.
    pub kind: &'static str,
    pub text: String,
}

/// `host` and `port` of a URL (the scheme's default port when none is written).
pub fn endpoint(url: &Url) -> Option<(String, u16)> {
    let host = url.host_str()?.to_string();
    let port = url.port_or_known_default()?;
    Some((host, port))
}

pub async fn run(ctx: Arc<Context>) -> Vec<CheckResult> {
    let config = &ctx.config;
    let mut endpoints: Vec<(String, u16)> = Vec::new();
    for e in config.targets.quickbooks.iter().filter_map(endpoint) {
        if !endpoints.contains(&e) {
            endpoints.push(e);
        }
    }
    if endpoints.is_empty() {
        return vec![CheckResult::new(
            ID,
            Status::Skip,
            "No QuickBooks addresses are configured",
        )];
    }
    let attempts = endpoints.iter().map(|(host, port)| async move {
        let start = Instant::now();
        let outcome = connect(host, *port, config.network.dns_timeout, config.network.timeout).await;
        judge(host, *port, outcome.map(|(_, addr)| addr), start.elapsed())
    });
    join_all(attempts).await
}

/// Resolves `host` and connects to its addresses in turn, all within `timeout`.
pub async fn connect(
    host: &str,
    port: u16,
    dns_timeout: Duration,
    timeout: Duration,
) -> Result<(TcpStream, SocketAddr), ConnectError> {
    let work = async {
        let ips = net::resolve_host(host, dns_timeout.min(timeout))
            .await
            .map_err(|e| ConnectError {
                kind: "dns",
                text: format!("name lookup failed ({e})"),
            })?;
        let mut last = ConnectError {
            kind: "connect",
            text: "no addresses to connect to".into(),
        };
        for ip in ips {
            let addr = SocketAddr::new(ip, port);
            match TcpStream::connect(addr).await {
                Ok(stream) => return Ok((stream, addr)),
                Err(e) => last = classify(&e),
            }
        }
        Err(last)
    };
    match tokio::time::timeout(timeout, work).await {
        Ok(outcome) => outcome,
        Err(_) => Err(ConnectError {
            kind: "timeout",
            text: format!("no answer within {}", net::human_duration(timeout)),
        }),
    }
}

fn classify(e: &std::io::Error) -> ConnectError {
    use std::io::ErrorKind;
    let (kind, text) = match e.kind() {
        ErrorKind::ConnectionRefused => ("refused", "the connection was refused".to_string()),
        ErrorKind::TimedOut => ("timeout", "timed out".to_string()),
        ErrorKind::HostUnreachable | ErrorKind::NetworkUnreachable | ErrorKind::AddrNotAvailable => {
            ("unreachable", "no route to it from this network".to_string())
        }
        _ => ("connect", format!("could not connect ({e})")),
    };
    ConnectError { kind, text }
}

/// Turns one connection attempt into a result.
pub fn judge(
    host: &str,
    port: u16,
    outcome: Result<SocketAddr, ConnectError>,
    took: Duration,
) -> CheckResult {
    let target = format!("{host}:{port}");
    let r = match outcome {
        Ok(addr) => CheckResult::new(
            ID,
            Status::Pass,
            format!("Connected to {target} in {}", net::human_duration(took)),
        )
        .with("address", addr.to_string())
        .with("time_ms", millis(took)),
        Err(e) => {
            let plain = match e.kind {
                "refused" => format!("{target} refused the connection"),
                "timeout" => format!("{target} did not answer ({})", e.text),
                "unreachable" => format!("{target} cannot be reached from this network"),
                _ => format!("Could not connect to {target}: {}", e.text),
            };
            CheckResult::new(ID, Status::Fail, plain)
                .with("error_kind", e.kind)
                .with("error", e.text)
        }
    };
    r.with("target", target).with("port", port).with_duration(took)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ports_default_by_scheme() {
        let u = |s: &str| Url::parse(s).unwrap();
        assert_eq!(
            endpoint(&u("https://qbo.intuit.com/")),
            Some(("qbo.intuit.com".into(), 443))
        );
        assert_eq!(endpoint(&u("http://127.0.0.1/x")), Some(("127.0.0.1".into(), 80)));
        assert_eq!(
            endpoint(&u("http://127.0.0.1:8080/")),
            Some(("127.0.0.1".into(), 8080))
        );
    }

    #[tokio::test]
    async fn refused_port_is_named() {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        drop(listener);
        let t = Duration::from_secs(2);
        let e = connect("127.0.0.1", port, t, t).await.unwrap_err();
        assert_eq!(e.kind, "refused");
        let r = judge("127.0.0.1", port, Err(e), Duration::ZERO);
        assert_eq!(r.status, Status::Fail);
        assert!(r.summary.contains("refused"), "{}", r.summary);
    }

    #[tokio::test]
    async fn invalid_names_fail_as_dns() {
        let t = Duration::from_secs(1);
        let e = connect("qbo.invalid", 443, t, t).await.unwrap_err();
        assert_eq!(e.kind, "dns");
    }
}
