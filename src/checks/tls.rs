//! `tls`: a TLS handshake with each https QuickBooks URL, trusting what the other checks trust
//! (system roots plus `extra_ca_file`). Reports the protocol version, the certificate's subject,
//! issuer and dates, and whether the chain is trusted. An untrusted chain, or an issuer outside
//! `expected_issuers`, means something inspects HTTPS; the issuer usually names that product.

use std::sync::Arc;
use std::time::{Duration, Instant};

use super::cert::{self, CertInfo};
use super::handshake::{Handshake, Trust, handshake};
use super::tcp::ConnectError;
use super::{CheckResult, Context, Status, millis, net};
use futures::future::join_all;
use reqwest::Url;

pub const ID: &str = "tls";

/// Days before expiry at which a certificate is worth a warning.
const EXPIRY_WARN_DAYS: i64 = 7;

pub async fn run(ctx: Arc<Context>) -> Vec<CheckResult> {
    let config = &ctx.config;
    let targets: Vec<&Url> = config
        .targets
        .quickbooks
        .iter()
        .filter(|u| u.scheme() == "https")
        .collect();
    if targets.is_empty() {
        return vec![CheckResult::new(
            ID,
            Status::Skip,
            "No secure (https://) QuickBooks address is configured, so there is no certificate to check",
        )];
    }
    let roots = match net::root_store(config) {
        Ok(r) => Arc::new(r),
        Err(e) => return net::setup_failed(ID, "secure-connection test", e),
    };
    let now = jiff::Timestamp::now().as_second();
    let handshakes = targets.into_iter().map(|url| {
        let roots = roots.clone();
        async move {
            let start = Instant::now();
            let outcome =
                match tokio::time::timeout(config.network.timeout, handshake(url, roots, config)).await {
                    Ok(outcome) => outcome,
                    Err(_) => Err(ConnectError {
                        kind: "timeout",
                        text: format!("no answer within {}", net::human_duration(config.network.timeout)),
                    }),
                };
            judge(url, outcome, &config.tls.expected_issuers, now, start.elapsed())
        }
    });
    join_all(handshakes).await
}

/// Turns one handshake into a result. `now` is Unix seconds.
pub fn judge(
    url: &Url,
    outcome: Result<Handshake, ConnectError>,
    expected: &[String],
    now: i64,
    took: Duration,
) -> CheckResult {
    let host = net::host_label(url);
    let hs = match outcome {
        Ok(hs) => hs,
        Err(e) => {
            let summary = match e.kind {
                "tls" => format!("The secure connection to {host} failed: {}", e.text),
                _ => format!("Could not reach {host} for a secure connection: {}", e.text),
            };
            return CheckResult::new(ID, Status::Fail, summary)
                .with("error_kind", e.kind)
                .with("intercepted", false)
                .with("target", url.as_str())
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
    let (status, intercepted, summary) = match (&hs.trust, expected_issuer) {
        (Trust::Untrusted(why), _) => (
            Status::Fail,
            true,
            format!(
                "{host} presented a certificate from \"{issuer}\" that was rejected ({why}): {inspected}"
            ),
        ),
        (Trust::BadDates(why), false) => (
            Status::Fail,
            true,
            format!(
                "{host} presented a certificate from \"{issuer}\", not one QuickBooks uses, and {why}: {inspected}"
            ),
        ),
        (Trust::BadDates(why), true) => (
            Status::Fail,
            false,
            format!("{host}: {why}; check that this computer's date and time are right"),
        ),
        (Trust::Trusted, false) => (
            Status::Warn,
            true,
            format!(
                "{host} presented a certificate from \"{issuer}\", not a certificate authority QuickBooks uses: {inspected}"
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
        .with("target", url.as_str())
        .with("trusted", hs.trust == Trust::Trusted)
        .with("intercepted", intercepted)
        .with("chain_length", hs.chain_len)
        .with("handshake_ms", millis(took));
    if let Some(v) = &hs.version {
        r = r.with("protocol", v.as_str());
    }
    if let Trust::Untrusted(why) | Trust::BadDates(why) = &hs.trust {
        r = r.with("trust_error", why.as_str());
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
    }
    r.with_duration(took)
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_750_000_000;

    fn hs(trust: Trust, org: &str, days_left: i64) -> Result<Handshake, ConnectError> {
        Ok(Handshake {
            version: Some("TLS 1.3".into()),
            leaf: Some(CertInfo {
                subject: "qbo.intuit.com".into(),
                issuer_org: Some(org.into()),
                issuer_cn: Some(format!("{org} CA1")),
                not_before: NOW - 86_400 * 30,
                not_after: NOW + 86_400 * days_left,
            }),
            chain_len: 2,
            trust,
        })
    }

    fn check(outcome: Result<Handshake, ConnectError>) -> CheckResult {
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
        let r = check(hs(Trust::Untrusted("unknown issuer".into()), "Fortinet", 200));
        assert_eq!(r.status, Status::Fail);
        assert!(r.detail_bool("intercepted"));
        assert!(r.summary.contains("Fortinet"), "{}", r.summary);
    }

    #[test]
    fn dates_alone_point_at_the_clock_not_interception() {
        let r = check(hs(
            Trust::BadDates("the certificate has expired".into()),
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
        let e = ConnectError {
            kind: "refused",
            text: "the connection was refused".into(),
        };
        let r = check(Err(e));
        assert_eq!(r.status, Status::Fail);
        assert_eq!(r.detail_str("error_kind"), Some("refused"));
        assert!(!r.detail_bool("intercepted"));
    }
}
