//! The TLS handshake behind the `tls` check: connects (via `tcp::connect`), shakes hands with
//! a [`RecordingVerifier`] on the shared roots, and reports the protocol, the leaf certificate
//! and whether the chain was trusted — the chain is described even when it was rejected.

use std::sync::Arc;

use reqwest::Url;
use rustls_pki_types::ServerName;
use tokio_rustls::TlsConnector;

use super::cert::{self, CertInfo, RecordingVerifier};
use super::net;
use super::tcp::{self, ConnectError};
use crate::config::Config;

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

/// Connects to `url` and shakes hands, recording the chain even when it is not trusted.
pub async fn handshake(
    url: &Url,
    roots: Arc<rustls::RootCertStore>,
    config: &Config,
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
