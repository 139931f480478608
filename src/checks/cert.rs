//! Certificates for the `tls` check: a verifier that records the chain a server presents and
//! the outcome of the real verification (system roots plus `extra_ca_file`), so an untrusted
//! chain can still be described; and the plain facts read from a certificate with x509-parser.

use std::sync::{Arc, Mutex};

use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::{CertificateError, DigitallySignedStruct, RootCertStore, SignatureScheme};
use rustls_pki_types::{CertificateDer, ServerName, UnixTime};
use x509_parser::prelude::{FromDer, X509Certificate};
use x509_parser::x509::AttributeTypeAndValue;

use super::net;

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
    /// Builds one on `roots` (from [`net::root_store`], the roots every check uses). With no
    /// roots at all it still records, and rejects every chain as from an unknown issuer.
    pub fn new(roots: Arc<RootCertStore>) -> Self {
        let provider = net::crypto_provider();
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

/// The rustls error in `err`, looking through `io::Error` wrappers (which hide it from
/// `source()`).
pub fn rustls_error<'a>(mut err: &'a (dyn std::error::Error + 'static)) -> Option<&'a rustls::Error> {
    while let Some(io) = err.downcast_ref::<std::io::Error>() {
        err = io.get_ref()?;
    }
    err.downcast_ref::<rustls::Error>()
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

/// The facts of one certificate a person or helpdesk can use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertInfo {
    pub subject: String,
    pub issuer_org: Option<String>,
    pub issuer_cn: Option<String>,
    /// Unix seconds.
    pub not_before: i64,
    pub not_after: i64,
}

impl CertInfo {
    /// Reads a DER certificate; `None` when it cannot be parsed.
    pub fn parse(der: &[u8]) -> Option<CertInfo> {
        let (_, cert) = X509Certificate::from_der(der).ok()?;
        let subject = first(cert.subject().iter_common_name())
            .or_else(|| first(cert.subject().iter_organization()))
            .unwrap_or_else(|| cert.subject().to_string());
        Some(CertInfo {
            subject,
            issuer_org: first(cert.issuer().iter_organization()),
            issuer_cn: first(cert.issuer().iter_common_name()),
            not_before: cert.validity().not_before.timestamp(),
            not_after: cert.validity().not_after.timestamp(),
        })
    }

    /// The issuer's most telling name: its organisation, else its common name.
    pub fn issuer_name(&self) -> String {
        self.issuer_org
            .clone()
            .or_else(|| self.issuer_cn.clone())
            .unwrap_or_else(|| "an unnamed issuer".into())
    }

    /// True when the issuer's organisation or common name contains one of `expected`
    /// (case-insensitive).
    pub fn issuer_expected(&self, expected: &[String]) -> bool {
        let names: Vec<String> = [&self.issuer_org, &self.issuer_cn]
            .into_iter()
            .flatten()
            .map(|n| n.to_lowercase())
            .collect();
        expected.iter().any(|e| {
            let e = e.trim().to_lowercase();
            !e.is_empty() && names.iter().any(|n| n.contains(&e))
        })
    }

    /// Whole days from `now` (Unix seconds) until expiry; negative once expired.
    pub fn days_left(&self, now: i64) -> i64 {
        (self.not_after - now).div_euclid(86_400)
    }
}

/// The first readable value of a name attribute.
fn first<'a>(mut attrs: impl Iterator<Item = &'a AttributeTypeAndValue<'a>>) -> Option<String> {
    attrs.find_map(|a| a.as_str().ok().map(str::to_string))
}

/// `YYYY-MM-DD` of Unix seconds.
pub fn date(secs: i64) -> String {
    jiff::Timestamp::from_second(secs)
        .map(|t| t.strftime("%Y-%m-%d").to_string())
        .unwrap_or_else(|_| secs.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(org: Option<&str>, cn: Option<&str>) -> CertInfo {
        CertInfo {
            subject: "qbo.intuit.com".into(),
            issuer_org: org.map(str::to_string),
            issuer_cn: cn.map(str::to_string),
            not_before: 0,
            not_after: 86_400 * 10,
        }
    }

    #[test]
    fn expected_issuer_matches_org_or_cn_ignoring_case() {
        let expected = vec!["DigiCert".to_string(), "Amazon".to_string()];
        assert!(info(Some("DigiCert Inc"), None).issuer_expected(&expected));
        assert!(info(None, Some("amazon RSA 2048 M02")).issuer_expected(&expected));
        assert!(!info(Some("Avast Web/Mail Shield"), Some("Avast root")).issuer_expected(&expected));
        assert!(!info(None, None).issuer_expected(&expected));
        assert!(!info(Some("x"), None).issuer_expected(&["  ".to_string()]));
    }

    #[test]
    fn days_left_counts_whole_days() {
        assert_eq!(info(None, None).days_left(0), 10);
        assert_eq!(info(None, None).days_left(86_400 * 11), -1);
        assert_eq!(date(0), "1970-01-01");
    }
}
