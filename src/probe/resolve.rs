//! The probe's first layer: name resolution with the operating system's resolver (the one the
//! browser uses, and the one every check uses), which never asks the system about `.invalid`
//! names and answers IP literals and `localhost` without a query; [`Lookup`] is how a name was
//! answered.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::time::Duration;

/// Why a name did not resolve.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DnsError {
    #[error("no such name")]
    NoSuchName,
    #[error("DNS server failure: {0}")]
    ServerFailure(String),
    #[error("timed out")]
    Timeout,
}

/// How a name was answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup {
    /// The host is an IP address: nothing to look up.
    Literal(IpAddr),
    /// `localhost` (or a name under it): this computer.
    Local,
    /// A real lookup, with the addresses found.
    Resolved(Vec<IpAddr>),
}

impl Lookup {
    pub fn addresses(&self) -> Vec<IpAddr> {
        match self {
            Lookup::Literal(ip) => vec![*ip],
            Lookup::Local => vec![IpAddr::V4(Ipv4Addr::LOCALHOST), IpAddr::V6(Ipv6Addr::LOCALHOST)],
            Lookup::Resolved(ips) => ips.clone(),
        }
    }
}

/// Looks `host` up with the system's resolver; IP literals and `localhost` need no query,
/// `.invalid` names fail without one.
pub async fn lookup(host: &str) -> Result<Lookup, DnsError> {
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    if let Ok(ip) = bare.parse::<IpAddr>() {
        return Ok(Lookup::Literal(ip));
    }
    match special_name(host) {
        Some(Ok(_)) => return Ok(Lookup::Local),
        Some(Err(e)) => return Err(e),
        None => {}
    }
    // The caller bounds the time; the resolver's own timeout is only a backstop.
    resolve_host(host, Duration::from_secs(600))
        .await
        .map(Lookup::Resolved)
}

/// How a name is special by RFC 6761, if it is.
fn special_name(host: &str) -> Option<Result<Vec<IpAddr>, DnsError>> {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    if host == "invalid" || host.ends_with(".invalid") {
        return Some(Err(DnsError::NoSuchName));
    }
    if host == "localhost" || host.ends_with(".localhost") {
        return Some(Ok(vec![
            IpAddr::V4(Ipv4Addr::LOCALHOST),
            IpAddr::V6(Ipv6Addr::LOCALHOST),
        ]));
    }
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    bare.parse::<IpAddr>().ok().map(|ip| Ok(vec![ip]))
}

/// Resolves a host with the operating system's resolver, answering RFC 6761 names and IP
/// literals without a query.
async fn resolve_host(host: &str, timeout: Duration) -> Result<Vec<IpAddr>, DnsError> {
    if let Some(answer) = special_name(host) {
        return answer;
    }
    let lookup = tokio::net::lookup_host((host.to_string(), 0));
    match tokio::time::timeout(timeout, lookup).await {
        Err(_) => Err(DnsError::Timeout),
        Ok(Ok(addrs)) => {
            let mut ips: Vec<IpAddr> = addrs.map(|a| a.ip()).collect();
            ips.dedup();
            if ips.is_empty() {
                Err(DnsError::NoSuchName)
            } else {
                Ok(ips)
            }
        }
        Ok(Err(e)) => Err(classify_lookup_error(&e)),
    }
}

fn classify_lookup_error(e: &std::io::Error) -> DnsError {
    let text = e.to_string().to_ascii_lowercase();
    if text.contains("not known")
        || text.contains("no address")
        || text.contains("not found")
        || text.contains("no such host")
        || text.contains("nodename nor servname")
    {
        DnsError::NoSuchName
    } else {
        DnsError::ServerFailure(super::plain::resolver_words(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn invalid_names_never_resolve() {
        let t = Duration::from_secs(1);
        assert_eq!(resolve_host("qbo.invalid", t).await, Err(DnsError::NoSuchName));
        assert_eq!(resolve_host("INVALID.", t).await, Err(DnsError::NoSuchName));
    }

    #[tokio::test]
    async fn literals_and_localhost_need_no_query() {
        let t = Duration::from_secs(1);
        assert_eq!(
            resolve_host("127.0.0.1", t).await,
            Ok(vec![IpAddr::V4(Ipv4Addr::LOCALHOST)])
        );
        assert_eq!(
            resolve_host("[::1]", t).await,
            Ok(vec![IpAddr::V6(Ipv6Addr::LOCALHOST)])
        );
        assert!(
            resolve_host("localhost", t)
                .await
                .unwrap()
                .iter()
                .all(|ip| ip.is_loopback())
        );
    }
}
