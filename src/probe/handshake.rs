//! The TLS handshake of the layered probe: shakes hands over a connection already open (to the
//! site, or through a proxy's tunnel) with a [`RecordingVerifier`] on the shared roots, and
//! reports the protocol, the leaf certificate and whether the chain was trusted — the chain is
//! described even when it was refused, and why it was refused is one [`CertProblem`]. A
//! handshake cut before any certificate (closed or reset: a filter reading the site name) is
//! told apart from a certificate that was shown and refused.

use std::sync::Arc;

use rustls_pki_types::ServerName;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio_rustls::TlsConnector;
use tokio_rustls::client::TlsStream;

use super::cert::CertInfo;
use super::plain;
use super::trust::{self, RecordingVerifier};
use crate::evidence::{CertProblem, ErrorKind};

/// Whether the chain was trusted, and if not, why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Trust {
    Trusted,
    /// Refused: why, and that reason in one plain phrase.
    Refused(CertProblem, &'static str),
}

impl Trust {
    /// Refused only for its dates (expired, not yet valid — or this computer's clock is off).
    pub fn dates_only(&self) -> bool {
        matches!(self, Trust::Refused(p, _) if p.is_dates())
    }
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
    /// The server presented a chain that was refused (described in the handshake).
    Rejected(Handshake),
    /// The handshake failed before a certificate could be judged: cut off (`TlsCut`) or
    /// another failure (`Tls`), in plain words; `cert_seen`: a certificate had been shown.
    Failed {
        kind: ErrorKind,
        text: String,
        cert_seen: bool,
    },
}

/// Shakes hands with `host` over `stream`, recording the chain even when it is not trusted.
pub async fn over<S>(stream: S, host: &str, roots: Arc<rustls::RootCertStore>) -> Shaken<S>
where
    S: AsyncRead + AsyncWrite + Unpin,
{
    let failed = |text: &str| Shaken::Failed {
        kind: ErrorKind::Tls,
        text: text.to_string(),
        cert_seen: false,
    };
    let name = host.trim_start_matches('[').trim_end_matches(']').to_string();
    let Ok(server_name) = ServerName::try_from(name) else {
        return failed("the site's name cannot be used for a secure connection");
    };
    let verifier = Arc::new(RecordingVerifier::new(roots));
    let Ok(builder) = rustls::ClientConfig::builder_with_provider(trust::crypto_provider())
        .with_safe_default_protocol_versions()
    else {
        return failed("this program's secure-connection settings could not be made");
    };
    let mut client = builder
        .dangerous()
        .with_custom_certificate_verifier(verifier.clone())
        .with_no_client_auth();
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
        (Err(_), Some(Err(why))) => {
            let self_issued = leaf.as_ref().is_some_and(|l| l.self_issued);
            let (problem, words) = plain::verify_problem(&why, self_issued);
            Shaken::Rejected(Handshake {
                version: None,
                leaf,
                chain_len,
                trust: Trust::Refused(problem, words),
            })
        }
        (Err(e), _) => {
            let cert_seen = chain_len > 0;
            // Cut after a certificate was shown is not "before any certificate".
            let (kind, text) = match plain::handshake_error(&e) {
                (ErrorKind::TlsCut, _) if cert_seen => (
                    ErrorKind::Tls,
                    "the secure connection was cut off after the site showed its certificate".into(),
                ),
                other => other,
            };
            Shaken::Failed {
                kind,
                text,
                cert_seen,
            }
        }
    }
}
