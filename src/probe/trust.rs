//! Trust: the anchors (the system's roots, read once per process, plus `[tls] extra_ca_file`),
//! the one crypto provider, a verifier that records the chain a server presents and the outcome
//! of the real verification — so an untrusted chain can still be described — and rustls'
//! verification errors in plain words.

use std::sync::{Arc, Mutex};

use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::{CertificateError, DigitallySignedStruct, RootCertStore, SignatureScheme};
use rustls_pki_types::{CertificateDer, ServerName, UnixTime};

use crate::config::Config;

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

/// What the recorder saw during one handshake.
#[derive(Debug, Default, Clone)]
pub struct Seen {
    /// Leaf first, then the intermediates, as the server sent them.
    pub chain: Vec<CertificateDer<'static>>,
    /// The real verifier's verdict; `None` if it never ran.
    pub verified: Option<Result<(), rustls::Error>>,
}

/// Records the presented chain, then asks the real verifier.
#[derive(Debug)]
pub struct RecordingVerifier {
    inner: Option<Arc<WebPkiServerVerifier>>,
    schemes: Vec<SignatureScheme>,
    provider: Arc<rustls::crypto::CryptoProvider>,
    pub seen: Mutex<Seen>,
}

impl RecordingVerifier {
    /// Builds one on `roots` (from [`root_store`], the roots every check uses). With no
    /// roots at all it still records, and rejects every chain as from an unknown issuer.
    pub fn new(roots: Arc<RootCertStore>) -> Self {
        let provider = crypto_provider();
        let inner = WebPkiServerVerifier::builder_with_provider(roots, provider.clone())
            .build()
            .ok();
        let schemes = provider.signature_verification_algorithms.supported_schemes();
        RecordingVerifier {
            inner,
            schemes,
            provider,
            seen: Mutex::new(Seen::default()),
        }
    }

    /// What was seen so far.
    pub fn seen(&self) -> Seen {
        self.seen.lock().map(|s| s.clone()).unwrap_or_default()
    }
}

impl ServerCertVerifier for RecordingVerifier {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        let outcome = match &self.inner {
            Some(inner) => inner
                .verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now)
                .map(|_| ()),
            None => Err(rustls::Error::InvalidCertificate(CertificateError::UnknownIssuer)),
        };
        if let Ok(mut seen) = self.seen.lock() {
            seen.chain = std::iter::once(end_entity)
                .chain(intermediates)
                .map(|c| c.clone().into_owned())
                .collect();
            seen.verified = Some(outcome.clone());
        }
        outcome.map(|()| ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.schemes.clone()
    }
}

/// A verification failure in plain words ("its issuer is not trusted by this computer").
pub fn plain_error(e: &rustls::Error) -> String {
    match e {
        rustls::Error::InvalidCertificate(ce) => match ce {
            CertificateError::Expired | CertificateError::ExpiredContext { .. } => {
                "the certificate has expired".into()
            }
            CertificateError::NotValidYet | CertificateError::NotValidYetContext { .. } => {
                "the certificate is not valid yet".into()
            }
            CertificateError::UnknownIssuer => "the issuer is not one this computer trusts".into(),
            CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. } => {
                "the certificate was made for a different site".into()
            }
            CertificateError::BadSignature => "the certificate's signature is wrong".into(),
            CertificateError::Revoked => "the certificate was revoked".into(),
            other => format!("the certificate was rejected ({other:?})"),
        },
        other => other.to_string(),
    }
}

/// True when only the certificate's dates are wrong (or this computer's clock is).
pub fn is_date_error(e: &rustls::Error) -> bool {
    matches!(
        e,
        rustls::Error::InvalidCertificate(
            CertificateError::Expired
                | CertificateError::ExpiredContext { .. }
                | CertificateError::NotValidYet
                | CertificateError::NotValidYetContext { .. }
        )
    )
}
