//! `dns`: the lookup of each QuickBooks host, from the layered probe: the operating system's
//! resolver (the one the browser uses, and the one every check uses), reporting the addresses,
//! the time taken, or why it failed: no such name, server failure, timeout. IP literals and
//! `localhost` need no lookup; `.invalid` names fail without a query. When an HTTP or
//! `socks5h://` proxy is in the path, the proxy looks names up: the check says so and skips (a
//! `socks5://` proxy is handed an address this computer looked up: judged as usual).

use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;

use super::{Context, setup_failed};
use crate::evidence::{CheckResult, ErrorKind, Facts, Status, millis};
use crate::probe::resolve::DnsError;
use crate::probe::{Layer, Lookup, Sample};
use crate::text::words::human_duration;

pub const ID: &str = "dns";

/// The resolver every check uses, as reported in `details.resolver`.
const RESOLVER: &str = "system";

pub async fn run(ctx: Arc<Context>) -> Vec<CheckResult> {
    if ctx.config.targets.quickbooks.is_empty() {
        return vec![CheckResult::new(
            ID,
            Status::Skip,
            "No QuickBooks addresses are configured",
        )];
    }
    let probes = ctx.hub.quickbooks().await;
    let probes = match probes.as_ref() {
        Ok(p) => p,
        Err(e) => return setup_failed(ID, "name lookup test", e.clone()),
    };
    let mut seen: Vec<&str> = Vec::new();
    let mut results = Vec::new();
    for p in probes {
        let Some(host) = p.url.host_str() else { continue };
        if seen.contains(&host) {
            continue;
        }
        seen.push(host);
        if let Some(s) = p.first() {
            results.push(judge(host, s));
        }
    }
    results
}

/// The `dns_error` value of DESIGN's details.
fn error_code(e: &DnsError) -> &'static str {
    match e {
        DnsError::NoSuchName => "nxdomain",
        DnsError::ServerFailure(_) => "servfail",
        DnsError::Timeout => "timeout",
    }
}

/// Turns one probe's lookup into a result.
pub fn judge(host: &str, s: &Sample) -> CheckResult {
    if let Some(why) = s.not_reached(Layer::Dns) {
        return CheckResult::new(ID, Status::Skip, format!("{host}: {why}"))
            .with("target", host)
            .with_facts(&Facts {
                proxy: s.via.clone(),
                ..Facts::default()
            });
    }
    let failed_here = s.failed_at() == Some(Layer::Dns);
    if let Some(via) = s.via.as_ref().filter(|_| s.lookup.is_none() && !failed_here) {
        return CheckResult::new(
            ID,
            Status::Skip,
            format!("{host} is looked up by the proxy {via}, not by this computer"),
        )
        .with("target", host)
        .with("resolver", "proxy")
        .with_facts(&Facts {
            proxy: Some(via.clone()),
            ..Facts::default()
        });
    }
    let (r, took) = match (&s.lookup, &s.failure) {
        (Some((lookup, took)), _) => (found(host, lookup, *took), *took),
        (None, Some(f)) if f.layer == Layer::Dns => {
            let code = f.dns.as_ref().map_or("servfail", error_code);
            let r = CheckResult::new(
                ID,
                Status::Fail,
                format!("This computer cannot find {host}: {}", f.text),
            )
            .with_facts(&Facts {
                error_kind: Some(ErrorKind::Dns),
                ..Facts::default()
            })
            .with("dns_error", code)
            .with("addresses", Vec::<String>::new());
            (r, s.total)
        }
        _ => (
            CheckResult::new(ID, Status::Skip, format!("{host} was not looked up")),
            Duration::ZERO,
        ),
    };
    r.with("target", host)
        .with("resolver", RESOLVER)
        .with("time_ms", millis(took))
        .with_facts(&Facts {
            dns_ms: Some(millis(took)),
            ..Facts::default()
        })
        .with_duration(took)
}

fn found(host: &str, lookup: &Lookup, took: Duration) -> CheckResult {
    match lookup {
        Lookup::Literal(ip) => CheckResult::new(
            ID,
            Status::Pass,
            format!("{host} is an IP address: no name lookup needed"),
        )
        .with("addresses", vec![ip.to_string()]),
        Lookup::Local => CheckResult::new(
            ID,
            Status::Pass,
            format!("{host} is the local computer: no name lookup needed"),
        )
        .with("addresses", vec!["127.0.0.1", "::1"]),
        Lookup::Resolved(ips) => {
            let list: Vec<String> = ips.iter().map(IpAddr::to_string).collect();
            let first = list.first().cloned().unwrap_or_default();
            let more = match list.len() {
                0 | 1 => String::new(),
                n => format!(" and {} more", n - 1),
            };
            CheckResult::new(
                ID,
                Status::Pass,
                format!("{host} was found ({first}{more}) in {}", human_duration(took)),
            )
            .with("addresses", list)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::probe::Failure;

    fn failed(e: DnsError) -> Sample {
        Sample {
            failure: Some(Failure {
                layer: Layer::Dns,
                kind: ErrorKind::Dns,
                text: "name lookup failed (no such name)".into(),
                dns: Some(e),
            }),
            ..Sample::default()
        }
    }

    #[test]
    fn failures_name_their_kind_for_the_verdict() {
        let r = judge("qbo.invalid", &failed(DnsError::NoSuchName));
        assert_eq!(r.status, Status::Fail);
        assert_eq!(r.facts().error_kind, Some(ErrorKind::Dns));
        assert_eq!(r.detail_str("dns_error"), Some("nxdomain"));
        assert!(r.summary.contains("no such name"), "{}", r.summary);
        assert_eq!(
            judge("a.example", &failed(DnsError::Timeout)).detail_str("dns_error"),
            Some("timeout")
        );
    }

    #[test]
    fn literals_and_localhost_pass_and_report_the_resolver() {
        let local = Sample {
            lookup: Some((Lookup::Local, Duration::ZERO)),
            ..Sample::default()
        };
        let r = judge("localhost", &local);
        assert_eq!(r.status, Status::Pass);
        assert!(r.summary.contains("local computer"));
        assert_eq!(r.detail_str("resolver"), Some("system"));
        let ip = Sample {
            lookup: Some((Lookup::Literal("10.0.0.1".parse().unwrap()), Duration::ZERO)),
            ..Sample::default()
        };
        assert!(judge("10.0.0.1", &ip).summary.contains("is an IP address"));
    }

    #[test]
    fn names_looked_up_by_the_proxy_are_skipped_with_why() {
        let s = Sample {
            via: Some("proxy.invalid:3128".into()),
            ..Sample::default()
        };
        let r = judge("qbo.invalid", &s);
        assert_eq!(r.status, Status::Skip);
        assert!(
            r.summary.contains("looked up by the proxy proxy.invalid:3128"),
            "{}",
            r.summary
        );
        assert_eq!(r.facts().proxy.as_deref(), Some("proxy.invalid:3128"));
    }
}
