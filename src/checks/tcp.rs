//! `tcp`: the connection to each QuickBooks host and port (the URL's port, or 80/443 by
//! scheme), from the layered probe: the time the connect took (median over the samples), or
//! whether it was refused, timed out or found no route; a dead IPv6 path fallen back from is
//! named in `details.fallback`. Through a proxy it is the connection the proxy opens (its
//! `CONNECT` tunnel, its SOCKS connection), and a proxy that fails or refuses is named as the
//! proxy.

use std::sync::Arc;

use url::Url;

use super::sampled::{self, facts_of};
use super::{Context, setup_failed};
use crate::evidence::{CheckResult, ErrorKind, Facts, Status};
use crate::probe::{Layer, UrlProbe};
use crate::text::words::human_duration;

pub const ID: &str = "tcp";

/// `host` and `port` of a URL (the scheme's default port when none is written).
pub fn endpoint(url: &Url) -> Option<(String, u16)> {
    let host = url.host_str()?.to_string();
    let port = url.port_or_known_default()?;
    Some((host, port))
}

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
        Err(e) => return setup_failed(ID, "connection test", e.clone()),
    };
    let mut seen = Vec::new();
    let mut results = Vec::new();
    for p in probes {
        let Some(e) = endpoint(&p.url) else { continue };
        if seen.contains(&e) {
            continue;
        }
        results.push(judge(&e.0, e.1, p));
        seen.push(e);
    }
    results
}

/// Turns the connects of one URL's samples into a result.
pub fn judge(host: &str, port: u16, probe: &UrlProbe) -> CheckResult {
    let target = format!("{host}:{port}");
    if let Some(skip) = sampled::skipped(ID, &target, probe, Layer::Connect) {
        return skip.with("port", port);
    }
    let samples = &probe.samples;
    // Through a proxy, the proxy's failure (to open a tunnel, to connect for a SOCKS client,
    // or to answer a plain request at all) is this connection's failure.
    let reached = |l: Option<Layer>| l.is_some_and(|l| l == Layer::Connect || l == Layer::Proxy);
    let failed = samples.iter().find(|s| reached(s.failed_at()));
    let via = samples.first().and_then(|s| s.via.clone());
    let mut facts = Facts {
        proxy: via.clone(),
        samples: Some(u32::try_from(samples.len()).unwrap_or(u32::MAX)),
        connect_ms: sampled::median_of(samples, |s| s.connected.map(|c| c.1)),
        ..Facts::default()
    };
    let took = sampled::longest(probe);
    let r = match failed {
        Some(s) => {
            let f = s.failure.as_ref().map(|f| (f.kind, f.text.clone()));
            let (kind, text) = f.unwrap_or((ErrorKind::Other, String::new()));
            let plain = match kind {
                ErrorKind::Proxy => format!("Could not connect to {target}: {text}"),
                ErrorKind::Refused => format!("{target} refused the connection"),
                ErrorKind::Timeout => format!("{target} did not answer ({text})"),
                ErrorKind::Unreachable => format!("{target} cannot be reached from this network"),
                _ => format!("Could not connect to {target}: {text}"),
            };
            let failing = samples.iter().filter(|s| reached(s.failed_at())).count();
            let plain = if failing < samples.len() {
                format!("{plain} ({failing} of {} attempts failed)", samples.len())
            } else {
                plain
            };
            facts = facts_of(s).merged(facts);
            CheckResult::new(ID, Status::Fail, plain).with("error", text)
        }
        None => {
            let ms = facts.connect_ms.unwrap_or(0);
            let how = match &via {
                Some(p) => format!(" through the proxy {p}"),
                None => String::new(),
            };
            let address = samples.iter().find_map(|s| s.connected.map(|c| c.0.to_string()));
            let fallback = samples.iter().find_map(|s| s.fallback.clone());
            let r = CheckResult::new(
                ID,
                Status::Pass,
                format!(
                    "Connected to {target}{how} in {}",
                    human_duration(std::time::Duration::from_millis(ms))
                ),
            )
            .with("address", address.unwrap_or_default())
            .with("time_ms", ms);
            // A dead IPv6 path that was fallen back from is named, not failed.
            match fallback {
                Some(words) => r.with("fallback", words),
                None => r,
            }
        }
    };
    r.with("target", target)
        .with("port", port)
        .with_facts(&facts)
        .with_duration(took)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::probe::Sample;
    use std::time::Duration;

    fn probe(samples: Vec<Sample>) -> UrlProbe {
        UrlProbe {
            url: Url::parse("https://qbo.invalid/").unwrap(),
            samples,
            bypassed: false,
        }
    }

    fn connected(ms: u64) -> Sample {
        Sample {
            connected: Some(("127.0.0.1:443".parse().unwrap(), Duration::from_millis(ms))),
            ..Sample::default()
        }
    }

    #[test]
    fn ports_default_by_scheme() {
        let u = |s: &str| Url::parse(s).unwrap();
        assert_eq!(
            endpoint(&u("https://qbo.intuit.com/")),
            Some(("qbo.intuit.com".into(), 443))
        );
        assert_eq!(endpoint(&u("http://127.0.0.1/x")), Some(("127.0.0.1".into(), 80)));
    }

    #[test]
    fn connect_time_is_the_median_of_the_samples() {
        let r = judge(
            "qbo.invalid",
            443,
            &probe(vec![connected(30), connected(10), connected(20)]),
        );
        assert_eq!(r.status, Status::Pass);
        assert_eq!(r.facts().connect_ms, Some(20));
        assert_eq!(r.facts().samples, Some(3));
    }

    #[test]
    fn refused_and_proxy_failures_are_named() {
        let r = judge(
            "qbo.invalid",
            443,
            &probe(vec![Sample::failing(
                Layer::Connect,
                ErrorKind::Refused,
                "refused",
            )]),
        );
        assert_eq!(r.status, Status::Fail);
        assert!(r.summary.contains("refused the connection"), "{}", r.summary);
        assert_eq!(r.facts().error_kind, Some(ErrorKind::Refused));
        let mut s = Sample::failing(
            Layer::Proxy,
            ErrorKind::Proxy,
            "the proxy p:1 answered 502 Bad Gateway when asked to connect to qbo.invalid:443",
        );
        s.via = Some("p:1".into());
        s.proxy_status = Some(502);
        let r = judge("qbo.invalid", 443, &probe(vec![s]));
        assert_eq!(r.facts().error_kind, Some(ErrorKind::Proxy));
        assert_eq!(r.facts().proxy_status, Some(502));
        assert!(r.summary.contains("answered 502"), "{}", r.summary);
    }

    #[test]
    fn not_reached_after_a_failed_lookup_is_skipped() {
        let r = judge(
            "qbo.invalid",
            443,
            &probe(vec![Sample::failing(
                Layer::Dns,
                ErrorKind::Dns,
                "name lookup failed",
            )]),
        );
        assert_eq!(r.status, Status::Skip);
        assert!(
            r.summary.contains("not tried: name lookup failed"),
            "{}",
            r.summary
        );
    }
}
