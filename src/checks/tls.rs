//! `tls`: a TLS handshake with each https QuickBooks URL, trusting what the other checks trust
//! (system roots plus `extra_ca_file`). Reports the protocol version, the certificate's subject,
//! issuer and dates, and whether the chain is trusted. An untrusted chain, or an issuer outside
//! `expected_issuers`, means something inspects HTTPS; the issuer usually names that product.

use std::sync::Arc;
use std::time::{Duration, Instant};

use futures::future::join_all;
use reqwest::Url;
use rustls_pki_types::ServerName;
use tokio_rustls::TlsConnector;

use super::cert::{self, CertInfo, RecordingVerifier};
use super::connectivity::millis;
use super::tcp::{self, ConnectError};
use super::{CheckResult, Context, Status, net};

pub const ID: &str = "tls";

/// Days before expiry at which a certificate is worth a warning.
const EXPIRY_WARN_DAYS: i64 = 7;

/// Whether the chain was trusted, and if not, why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Trust {
    Trusted,
    /// Only its dates are wrong: expired or not yet valid (or this computer's clock is off).
    BadDates(String),
    /// Not trusted: unknown issuer, wrong name, bad signature…
    Untrusted(String),
}

/// What a handshake found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Handshake {
    /// "TLS 1.3"; `None` when the handshake stopped at the certificate.
    pub version: Option<String>,
    pub leaf: Option<CertInfo>,
    pub chain_len: usize,
    pub trust: Trust,
}

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
        Err(e) => {
            return vec![CheckResult::new(
                ID,
                Status::Error,
                format!("Cannot set up the secure-connection test: {e}"),
            )];
        }
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

/// Connects to `url` and shakes hands, recording the chain even when it is not trusted.
async fn handshake(
    url: &Url,
    roots: Arc<rustls::RootCertStore>,
    config: &crate::config::Config,
) -> Result<Handshake, ConnectError> {
    let tls_failure = |text: String| ConnectError { kind: "tls", text };
    let (host, port) = tcp::endpoint(url).ok_or_else(|| tls_failure("the address has no host".into()))?;
    let name = host.trim_start_matches('[').trim_end_matches(']').to_string();
    let server_name = ServerName::try_from(name).map_err(|e| tls_failure(e.to_string()))?;
    let verifier = Arc::new(RecordingVerifier::new(roots));
    let client = rustls::ClientConfig::builder_with_provider(net::crypto_provider())
        .with_safe_default_protocol_versions()
        .map_err(|e| tls_failure(e.to_string()))?
        .dangerous()
        .with_custom_certificate_verifier(verifier.clone())
        .with_no_client_auth();
    let (stream, _) = tcp::connect(&host, port, config.network.dns_timeout, config.network.timeout).await?;
    let result = TlsConnector::from(Arc::new(client))
        .connect(server_name, stream)
        .await;
    let seen = verifier.seen();
    let leaf = seen.chain.first().and_then(|c| CertInfo::parse(c));
    let chain_len = seen.chain.len();
    match (result, seen.verified) {
        (Ok(stream), _) => {
            let version = stream.get_ref().1.protocol_version().map(|v| {
                let text = format!("{v:?}");
                text.replace("TLSv1_", "TLS 1.").replace('_', " ")
            });
            Ok(Handshake {
                version,
                leaf,
                chain_len,
                trust: Trust::Trusted,
            })
        }
        (Err(_), Some(Err(why))) => Ok(Handshake {
            version: None,
            leaf,
            chain_len,
            trust: classify(&why),
        }),
        (Err(e), _) => Err(tls_failure(format!("the secure handshake failed ({e})"))),
    }
}

/// Sorts a verification error into "only the dates are wrong" and "not trusted".
fn classify(e: &rustls::Error) -> Trust {
    if cert::is_date_error(e) {
        Trust::BadDates(cert::plain_error(e))
    } else {
        Trust::Untrusted(cert::plain_error(e))
    }
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
