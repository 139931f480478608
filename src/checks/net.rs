//! Network plumbing shared by the checks: name resolution (the operating system's resolver,
//! one for every check) that never asks the system about `.invalid` names, the trust anchors
//! (system roots plus `[tls] extra_ca_file`) and plain-words helpers. The layered probe itself
//! lives in [`crate::probe`].

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::sync::Arc;
use std::time::Duration;

use rustls::RootCertStore;
use url::Url;

use crate::config::Config;
use crate::evidence::{CheckResult, Status};

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

/// How a name is special by RFC 6761, if it is.
pub fn special_name(host: &str) -> Option<Result<Vec<IpAddr>, DnsError>> {
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
pub async fn resolve_host(host: &str, timeout: Duration) -> Result<Vec<IpAddr>, DnsError> {
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
        DnsError::ServerFailure(e.to_string())
    }
}

/// The crypto provider every TLS connection here uses.
pub fn crypto_provider() -> Arc<rustls::crypto::CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

/// Trust anchors: the system's roots plus the configured extra PEM file.
pub fn root_store(config: &Config) -> Result<RootCertStore, String> {
    let mut roots = system_roots().clone();
    if let Some(path) = &config.tls.extra_ca_file {
        for cert in crate::config::ca_certs(path)? {
            roots.add(cert).map_err(|e| {
                format!(
                    "bad certificate in {}: {e}",
                    crate::files::read::display_path(path)
                )
            })?;
        }
    }
    Ok(roots)
}

/// The system's trust anchors, read once per process (every check that talks HTTPS needs them,
/// and reading the system's certificate files is the slowest part of setting up a client).
fn system_roots() -> &'static RootCertStore {
    static ROOTS: std::sync::OnceLock<RootCertStore> = std::sync::OnceLock::new();
    ROOTS.get_or_init(|| {
        let mut roots = RootCertStore::empty();
        for cert in rustls_native_certs::load_native_certs().certs {
            let _ = roots.add(cert);
        }
        roots
    })
}

/// The one result of a check whose probing could not be set up (e.g. a bad CA file).
pub fn setup_failed(id: &str, what: &str, problem: String) -> Vec<CheckResult> {
    vec![CheckResult::new(
        id,
        Status::Error,
        format!("Cannot set up the {what}: {problem}"),
    )]
}

/// "41 ms", "1.2 s", "5 s".
pub fn human_duration(d: Duration) -> String {
    let ms = d.as_millis();
    if ms < 1000 {
        format!("{ms} ms")
    } else if ms.is_multiple_of(1000) {
        format!("{} s", ms / 1000)
    } else {
        format!("{:.1} s", d.as_secs_f64())
    }
}

/// The host (and non-default port) of a URL, for summaries.
pub fn host_label(url: &Url) -> String {
    match (url.host_str(), url.port()) {
        (Some(h), Some(p)) => format!("{h}:{p}"),
        (Some(h), None) => h.to_string(),
        _ => url.to_string(),
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

    #[test]
    fn durations_read_naturally() {
        assert_eq!(human_duration(Duration::from_millis(41)), "41 ms");
        assert_eq!(human_duration(Duration::from_millis(1200)), "1.2 s");
        assert_eq!(human_duration(Duration::from_secs(5)), "5 s");
    }
}
