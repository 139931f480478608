//! The TLS handshake of the layered probe: shakes hands over a connection already open (to the
//! site, or through a proxy's tunnel) with a [`RecordingVerifier`] on the shared roots, and
//! reports the protocol, the leaf certificate and whether the chain was trusted — the chain is
//! described even when it was rejected.

use std::sync::Arc;

use rustls_pki_types::ServerName;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio_rustls::TlsConnector;
use tokio_rustls::client::TlsStream;

use super::cert::CertInfo;
use super::trust::{self, RecordingVerifier};

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

/// How a handshake over an open connection ended.
pub enum Shaken<S> {
    /// Trusted: the stream to talk HTTP over.
    Secure(Box<TlsStream<S>>, Handshake),
    /// The server presented a chain that was rejected (described in the handshake).
    Rejected(Handshake),
    /// The handshake failed before a certificate could be judged.
    Failed(String),
}

/// Shakes hands with `host` over `stream`, recording the chain even when it is not trusted.
pub async fn over<S>(stream: S, host: &str, roots: Arc<rustls::RootCertStore>) -> Shaken<S>
where
    S: AsyncRead + AsyncWrite + Unpin,
{
    let name = host.trim_start_matches('[').trim_end_matches(']').to_string();
    let server_name = match ServerName::try_from(name) {
        Ok(n) => n,
        Err(e) => return Shaken::Failed(e.to_string()),
    };
    let verifier = Arc::new(RecordingVerifier::new(roots));
    let mut client = match rustls::ClientConfig::builder_with_provider(trust::crypto_provider())
        .with_safe_default_protocol_versions()
    {
        Ok(b) => b
            .dangerous()
            .with_custom_certificate_verifier(verifier.clone())
            .with_no_client_auth(),
        Err(e) => return Shaken::Failed(e.to_string()),
    };
    client.alpn_protocols = vec![b"http/1.1".to_vec()];
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
            let hs = Handshake {
                version,
                leaf,
                chain_len,
                trust: Trust::Trusted,
            };
            Shaken::Secure(Box::new(stream), hs)
        }
        (Err(_), Some(Err(why))) => Shaken::Rejected(Handshake {
            version: None,
            leaf,
            chain_len,
            trust: classify(&why),
        }),
        (Err(e), _) => Shaken::Failed(format!("the secure handshake failed ({e})")),
    }
}

/// Sorts a verification error into "only the dates are wrong" and "not trusted".
fn classify(e: &rustls::Error) -> Trust {
    if trust::is_date_error(e) {
        Trust::BadDates(trust::plain_error(e))
    } else {
        Trust::Untrusted(trust::plain_error(e))
    }
}
