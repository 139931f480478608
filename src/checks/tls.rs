//! `tls`: a TLS handshake with each https QuickBooks URL, trusting what the other checks trust
//! (system roots plus `extra_ca_file`). Reports the protocol version, the certificate's subject,
//! issuer and dates, and whether the chain is trusted. An untrusted chain, or an issuer outside
//! `expected_issuers`, means something inspects HTTPS; the issuer usually names that product,
//! and `details.product` carries it when the issuer is a known product's (`evidence::products`).

use std::sync::Arc;
use std::time::Duration;

use url::Url;

use super::sampled;
use super::{Context, host_label, setup_failed};
use crate::evidence::products;
use crate::evidence::redact_url;
use crate::evidence::{CheckResult, ErrorKind, Facts, Status, millis};
use crate::probe::cert::{self, CertInfo};
use crate::probe::handshake::{Handshake, Trust};
use crate::probe::{Layer, UrlProbe};

pub const ID: &str = "tls";

/// Days before expiry at which a certificate is worth a warning.
const EXPIRY_WARN_DAYS: i64 = 7;

/// Why a handshake did not happen: a kind and plain words, and whether a certificate had
/// been shown (unknown when the handshake ran out of time).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoHandshake {
    pub kind: ErrorKind,
    pub text: String,
    pub cert_seen: Option<bool>,
}

pub async fn run(ctx: Arc<Context>) -> Vec<CheckResult> {
    let config = &ctx.config;
    if !config.targets.quickbooks.iter().any(|u| u.scheme() == "https") {
        return vec![CheckResult::new(
            ID,
            Status::Skip,
            "No secure (https://) QuickBooks address is configured, so there is no certificate to check",
        )];
    }
    let probes = ctx.hub.quickbooks().await;
    let probes = match probes.as_ref() {
        Ok(p) => p,
        Err(e) => return setup_failed(ID, "secure-connection test", e.clone()),
    };
    let now = jiff::Timestamp::now().as_second();
    probes
        .iter()
        .filter(|p| p.url.scheme() == "https")
        .map(|p| judge_probe(p, &config.tls.expected_issuers, now))
        .collect()
}

/// The handshake of one URL's samples (the first that got as far), judged.
fn judge_probe(probe: &UrlProbe, expected: &[String], now: i64) -> CheckResult {
    let shown = redact_url(&probe.url);
    if let Some(skip) = sampled::skipped(ID, &shown, probe, Layer::Tls) {
        return skip;
    }
    let via = probe.first().and_then(|s| s.via.clone());
    let with_hs = probe.samples.iter().find_map(|s| s.tls.clone());
    let r = match with_hs {
        Some((hs, took)) => judge(&probe.url, Ok(hs), expected, now, took).with_facts(&Facts {
            tls_ms: Some(millis(took)),
            ..Facts::default()
        }),
        None => {
            let s = probe.samples.iter().find(|s| s.failure.is_some());
            let cert_seen = s.and_then(|s| s.cert_seen);
            let f = s.and_then(|s| s.failure.clone());
            let (kind, text) = f.map_or((ErrorKind::Other, "no handshake".to_string()), |f| {
                (f.kind, f.text)
            });
            judge(
                &probe.url,
                Err(NoHandshake {
                    kind,
                    text,
                    cert_seen,
                }),
                expected,
                now,
                sampled::longest(probe),
            )
        }
    };
    r.with_facts(&Facts {
        proxy: via,
        ..Facts::default()
    })
}

/// Turns one handshake into a result. `now` is Unix seconds.
pub fn judge(
    url: &Url,
    outcome: Result<Handshake, NoHandshake>,
    expected: &[String],
    now: i64,
    took: Duration,
) -> CheckResult {
    let host = host_label(url);
    let hs = match outcome {
        Ok(hs) => hs,
        Err(e) => {
            let summary = match e.kind {
                ErrorKind::TlsCut => format!(
                    "The secure connection to {host} was cut off before the site showed a certificate: something on this network may block it"
                ),
                ErrorKind::Tls => format!("The secure connection to {host} failed: {}", e.text),
                _ => format!("Could not reach {host} for a secure connection: {}", e.text),
            };
            return CheckResult::new(ID, Status::Fail, summary)
                .with_facts(&Facts {
                    error_kind: Some(e.kind),
                    intercepted: Some(false),
                    cert_seen: e.cert_seen,
                    ..Facts::default()
                })
                .with("target", redact_url(url))
                .with_duration(took);
        }
    };
    let issuer = hs
        .leaf
        .as_ref()
        .map(CertInfo::issuer_name)
        .unwrap_or_else(|| "an unreadable certificate".into());
    let expected_issuer = hs.leaf.as_ref().is_some_and(|l| l.issuer_expected(expected));
    let days = hs.leaf.as_ref().map(|l| l.days_left(now));
    let inspected = "security software or a proxy is probably inspecting HTTPS";
    let problem = match &hs.trust {
        Trust::Refused(p, _) => Some(*p),
        Trust::Trusted => None,
    };
    let (status, intercepted, summary) = match (&hs.trust, expected_issuer) {
        (Trust::Refused(_, why), true) if hs.trust.dates_only() => (
            Status::Fail,
            false,
            format!("{host}: {why}; check that this computer's date and time are right"),
        ),
        (Trust::Refused(_, why), false) if hs.trust.dates_only() => (
            Status::Fail,
            true,
            format!(
                "{host} showed a certificate from \"{issuer}\", not one QuickBooks uses, and {why}: {inspected}"
            ),
        ),
        (Trust::Refused(_, why), _) => (
            Status::Fail,
            true,
            format!(
                "{host} showed a certificate from \"{issuer}\" that was refused because {why}: {inspected}"
            ),
        ),
        (Trust::Trusted, false) => (
            Status::Warn,
            true,
            format!(
                "{host} showed a certificate from \"{issuer}\", not a certificate authority QuickBooks uses: {inspected}"
            ),
        ),
        (Trust::Trusted, true) => match days {
            Some(d) if d < EXPIRY_WARN_DAYS => (
                Status::Warn,
                false,
                format!("{host}'s certificate from {issuer} expires in {d} days"),
            ),
            _ => (
                Status::Pass,
                false,
                format!(
                    "Secure connection to {host} works ({}, certificate from {issuer})",
                    hs.version.as_deref().unwrap_or("TLS")
                ),
            ),
        },
    };
    let mut r = CheckResult::new(ID, status, summary)
        .with("target", redact_url(url))
        .with("trusted", hs.trust == Trust::Trusted)
        .with_facts(&Facts {
            intercepted: Some(intercepted),
            cert_seen: Some(true),
            cert_problem: problem,
            ..Facts::default()
        })
        .with("chain_length", hs.chain_len)
        .with("handshake_ms", millis(took));
    if let Some(v) = &hs.version {
        r = r.with("protocol", v.as_str());
    }
    if let Trust::Refused(_, why) = &hs.trust {
        r = r.with("trust_error", *why);
    }
    if let Some(leaf) = &hs.leaf {
        r = r
            .with("subject", leaf.subject.as_str())
            .with("issuer", issuer.as_str())
            .with("not_before", cert::date(leaf.not_before))
            .with("not_after", cert::date(leaf.not_after))
            .with("days_to_expiry", leaf.days_left(now));
        if let Some(org) = &leaf.issuer_org {
            r = r.with("issuer_org", org.as_str());
        }
        if let Some(cn) = &leaf.issuer_cn {
            r = r.with("issuer_cn", cn.as_str());
        }
        let product = products::product_for_issuer(leaf.issuer_org.as_deref(), leaf.issuer_cn.as_deref());
        r = r.with_facts(&Facts {
            product: product.map(|p| p.name),
            ..Facts::default()
        });
    }
    r.with_duration(took)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::CertProblem;

    const NOW: i64 = 1_750_000_000;

    fn hs(trust: Trust, org: &str, days_left: i64) -> Result<Handshake, NoHandshake> {
        Ok(Handshake {
            version: Some("TLS 1.3".into()),
            leaf: Some(CertInfo {
                subject: "qbo.intuit.com".into(),
                issuer_org: Some(org.into()),
                issuer_cn: Some(format!("{org} CA1")),
                not_before: NOW - 86_400 * 30,
                not_after: NOW + 86_400 * days_left,
                self_issued: false,
            }),
            chain_len: 2,
            trust,
        })
    }

    fn check(outcome: Result<Handshake, NoHandshake>) -> CheckResult {
        let url = Url::parse("https://qbo.intuit.com/").unwrap();
        let expected = vec!["DigiCert".to_string()];
        judge(&url, outcome, &expected, NOW, Duration::from_millis(80))
    }

    #[test]
    fn expected_trusted_chain_passes() {
        let r = check(hs(Trust::Trusted, "DigiCert Inc", 200));
        assert_eq!(r.status, Status::Pass);
        assert!(!r.detail_bool("intercepted"));
        assert_eq!(r.detail_str("protocol"), Some("TLS 1.3"));
        assert_eq!(r.detail_u64("days_to_expiry"), Some(200));
    }

    #[test]
    fn unexpected_or_untrusted_issuer_is_intercepted_and_named() {
        let r = check(hs(Trust::Trusted, "Avast Web/Mail Shield", 200));
        assert_eq!(r.status, Status::Warn);
        assert!(r.detail_bool("intercepted"));
        assert!(r.summary.contains("Avast Web/Mail Shield"), "{}", r.summary);
        let refused = Trust::Refused(CertProblem::UnknownIssuer, "its issuer is unknown");
        let r = check(hs(refused, "Fortinet", 200));
        assert_eq!(r.status, Status::Fail);
        assert!(r.detail_bool("intercepted"));
        assert!(r.summary.contains("Fortinet"), "{}", r.summary);
        assert_eq!(r.facts().cert_seen, Some(true));
        assert_eq!(r.facts().cert_problem, Some(CertProblem::UnknownIssuer));
    }

    #[test]
    fn dates_alone_point_at_the_clock_not_interception() {
        let r = check(hs(
            Trust::Refused(CertProblem::Expired, "the certificate has expired"),
            "DigiCert Inc",
            -3,
        ));
        assert_eq!(r.status, Status::Fail);
        assert!(!r.detail_bool("intercepted"));
        assert!(r.summary.contains("date and time"), "{}", r.summary);
    }

    #[test]
    fn near_expiry_warns() {
        let r = check(hs(Trust::Trusted, "DigiCert Inc", 3));
        assert_eq!(r.status, Status::Warn);
        assert!(r.summary.contains("expires in 3 days"), "{}", r.summary);
    }

    #[test]
    fn failed_connection_keeps_its_kind() {
        let e = NoHandshake {
            kind: ErrorKind::Refused,
            text: "the connection was refused".into(),
            cert_seen: None,
        };
        let r = check(Err(e));
        assert_eq!(r.status, Status::Fail);
        assert_eq!(r.detail_str("error_kind"), Some("refused"));
        assert!(!r.detail_bool("intercepted"));
    }
}
