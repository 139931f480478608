//! `dns`: resolves each QuickBooks host with the system's DNS settings (hickory, reading
//! `/etc/resolv.conf` or the registry; the OS resolver when those cannot be read) and reports
//! the addresses, the time taken, or why it failed: no such name, server failure, timeout.
//! IP literals and `localhost` need no lookup; `.invalid` names fail without a query.

use std::net::IpAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use futures::future::join_all;
use hickory_resolver::TokioResolver;
use hickory_resolver::config::LookupIpStrategy;
use hickory_resolver::net::NetError;
use hickory_resolver::proto::op::ResponseCode;

use super::net::{self, DnsError};
use super::{CheckResult, Context, Status, millis};

pub const ID: &str = "dns";

/// How one host was answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// The host is an IP address: nothing to look up.
    Literal(IpAddr),
    /// `localhost` (or a name under it): this computer.
    Local,
    /// A real lookup, with the addresses found.
    Resolved(Vec<IpAddr>),
    Failed(DnsError),
}

pub async fn run(ctx: Arc<Context>) -> Vec<CheckResult> {
    let config = &ctx.config;
    let mut hosts: Vec<String> = Vec::new();
    for host in config.targets.quickbooks.iter().filter_map(|u| u.host_str()) {
        if !hosts.iter().any(|h| h == host) {
            hosts.push(host.to_string());
        }
    }
    if hosts.is_empty() {
        return vec![CheckResult::new(
            ID,
            Status::Skip,
            "No QuickBooks addresses are configured",
        )];
    }
    let timeout = config.network.dns_timeout;
    let resolver = system_resolver(timeout);
    let lookups = hosts.iter().map(|host| {
        let resolver = resolver.as_ref();
        async move {
            let start = Instant::now();
            let answer = lookup(resolver, host, timeout).await;
            judge(host, &answer, start.elapsed())
        }
    });
    join_all(lookups).await
}

/// A resolver with the system's settings, or `None` when they cannot be read.
fn system_resolver(timeout: Duration) -> Option<TokioResolver> {
    let mut builder = TokioResolver::builder_tokio().ok()?;
    let opts = builder.options_mut();
    opts.timeout = timeout;
    opts.attempts = 1;
    opts.ip_strategy = LookupIpStrategy::Ipv4AndIpv6;
    builder.build().ok()
}

/// Looks `host` up, answering special names without a query, all within `timeout`.
pub async fn lookup(resolver: Option<&TokioResolver>, host: &str, timeout: Duration) -> Answer {
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    if let Ok(ip) = bare.parse::<IpAddr>() {
        return Answer::Literal(ip);
    }
    match net::special_name(host) {
        Some(Ok(_)) => return Answer::Local,
        Some(Err(e)) => return Answer::Failed(e),
        None => {}
    }
    let Some(resolver) = resolver else {
        return match net::resolve_host(host, timeout).await {
            Ok(ips) => Answer::Resolved(ips),
            Err(e) => Answer::Failed(e),
        };
    };
    // A trailing dot makes the name absolute: no search domains are tried.
    let fqdn = format!("{}.", host.trim_end_matches('.'));
    match tokio::time::timeout(timeout, resolver.lookup_ip(fqdn.as_str())).await {
        Err(_) => Answer::Failed(DnsError::Timeout),
        Ok(Ok(found)) => {
            let mut ips: Vec<IpAddr> = found.iter().collect();
            ips.dedup();
            if ips.is_empty() {
                Answer::Failed(DnsError::NoSuchName)
            } else {
                Answer::Resolved(ips)
            }
        }
        Ok(Err(e)) => Answer::Failed(classify(&e)),
    }
}

/// Sorts a hickory failure into no such name, server failure or timeout.
fn classify(e: &NetError) -> DnsError {
    if e.is_nx_domain() || e.is_no_records_found() {
        return DnsError::NoSuchName;
    }
    match e {
        NetError::Timeout => DnsError::Timeout,
        NetError::Dns(hickory_resolver::net::DnsError::ResponseCode(code)) => {
            DnsError::ServerFailure(match *code {
                ResponseCode::ServFail => "the DNS server failed".to_string(),
                ResponseCode::Refused => "the DNS server refused to answer".to_string(),
                other => format!("the DNS server answered {other}"),
            })
        }
        other if other.to_string().contains("timed out") => DnsError::Timeout,
        other => DnsError::ServerFailure(other.to_string()),
    }
}

/// The `dns_error` value of DESIGN's details.
fn error_code(e: &DnsError) -> &'static str {
    match e {
        DnsError::NoSuchName => "nxdomain",
        DnsError::ServerFailure(_) => "servfail",
        DnsError::Timeout => "timeout",
    }
}

/// Turns one lookup into a result.
pub fn judge(host: &str, answer: &Answer, took: Duration) -> CheckResult {
    let r = match answer {
        Answer::Literal(ip) => CheckResult::new(
            ID,
            Status::Pass,
            format!("{host} is an IP address: no name lookup needed"),
        )
        .with("addresses", vec![ip.to_string()]),
        Answer::Local => CheckResult::new(
            ID,
            Status::Pass,
            format!("{host} is the local computer: no name lookup needed"),
        )
        .with("addresses", vec!["127.0.0.1", "::1"]),
        Answer::Resolved(ips) => {
            let list: Vec<String> = ips.iter().map(IpAddr::to_string).collect();
            let first = list.first().cloned().unwrap_or_default();
            let more = match list.len() {
                0 | 1 => String::new(),
                n => format!(" and {} more", n - 1),
            };
            CheckResult::new(
                ID,
                Status::Pass,
                format!(
                    "{host} was found ({first}{more}) in {}",
                    net::human_duration(took)
                ),
            )
            .with("addresses", list)
        }
        Answer::Failed(e) => {
            let why = match e {
                DnsError::NoSuchName => "no such name".to_string(),
                DnsError::ServerFailure(text) => format!("DNS server failure ({text})"),
                DnsError::Timeout => format!("no answer within {}", net::human_duration(took)),
            };
            CheckResult::new(
                ID,
                Status::Fail,
                format!("This computer cannot find {host}: {why}"),
            )
            .with("error_kind", "dns")
            .with("dns_error", error_code(e))
            .with("addresses", Vec::<String>::new())
        }
    };
    r.with("target", host)
        .with("time_ms", millis(took))
        .with_duration(took)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn special_names_need_no_query() {
        let t = Duration::from_millis(200);
        assert_eq!(
            lookup(None, "127.0.0.1", t).await,
            Answer::Literal("127.0.0.1".parse().unwrap())
        );
        assert_eq!(
            lookup(None, "[::1]", t).await,
            Answer::Literal("::1".parse().unwrap())
        );
        assert_eq!(lookup(None, "localhost", t).await, Answer::Local);
        assert_eq!(
            lookup(None, "qbo.invalid", t).await,
            Answer::Failed(DnsError::NoSuchName)
        );
    }

    #[test]
    fn failures_name_their_kind_for_the_verdict() {
        let r = judge(
            "qbo.invalid",
            &Answer::Failed(DnsError::NoSuchName),
            Duration::ZERO,
        );
        assert_eq!(r.status, Status::Fail);
        assert_eq!(r.detail_str("error_kind"), Some("dns"));
        assert_eq!(r.detail_str("dns_error"), Some("nxdomain"));
        assert!(r.summary.contains("no such name"), "{}", r.summary);
        let r = judge(
            "a.example",
            &Answer::Failed(DnsError::Timeout),
            Duration::from_secs(3),
        );
        assert_eq!(r.detail_str("dns_error"), Some("timeout"));
    }

    #[test]
    fn literals_and_localhost_pass() {
        let r = judge("localhost", &Answer::Local, Duration::ZERO);
        assert_eq!(r.status, Status::Pass);
        assert!(r.summary.contains("local computer"));
        let ip = "10.0.0.1".parse().unwrap();
        let r = judge("10.0.0.1", &Answer::Literal(ip), Duration::ZERO);
        assert!(r.summary.contains("is an IP address"));
    }
}
