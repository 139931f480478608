//! Trust: the anchors (the system's roots, read once per process and only for https — on Linux
//! from the bundle file alone when there is one — plus `[tls] extra_ca_file`),
//! the one crypto provider, a verifier that records the chain a server presents and the outcome
//! of the real verification — so an untrusted chain can still be described (its errors in
//! words are [`super::plain`]'s).

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
                    "bad certificate in {}: {}",
                    crate::files::read::display_path(path),
                    super::plain::anchor_words(&e)
                )
            })?;
        }
    }
    Ok(roots)
}

/// The system's trust anchors, read once per process (and only when an https target is
/// probed: [`super::hub::Hub::roots`] asks, on a blocking thread).
fn system_roots() -> &'static RootCertStore {
    static ROOTS: std::sync::OnceLock<RootCertStore> = std::sync::OnceLock::new();
    ROOTS.get_or_init(|| {
        let mut roots = RootCertStore::empty();
        for cert in native_certs() {
            let _ = roots.add(cert);
        }
        roots
    })
}

/// Where the system's certificates are read from (Linux and the BSDs).
#[cfg(all(unix, not(target_os = "macos")))]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// One bundle file alone (every root in one file).
    Bundle(std::path::PathBuf),
    /// Certificate folders, one file per root: these (from `SSL_CERT_DIR`), or the system's
    /// usual ones when empty.
    Folders(Vec<std::path::PathBuf>),
}

/// Where to read from on Linux and the BSDs: a bundle file alone when there is one — the one
/// `SSL_CERT_FILE` names, else the distribution's (`bundle`) — else the folders (`SSL_CERT_DIR`'s,
/// else the usual ones). Never a bundle and a folder both: the folder holds the same ~150 roots
/// again, one file each, and reading them doubled the time of a `check` on loopback.
#[cfg(all(unix, not(target_os = "macos")))]
pub fn source(
    env: &dyn Fn(&str) -> Option<std::ffi::OsString>,
    exists: &dyn Fn(&std::path::Path) -> bool,
    bundle: Option<std::path::PathBuf>,
) -> Source {
    let var = |name: &str| env(name).filter(|v| !v.is_empty());
    if let Some(file) = var("SSL_CERT_FILE")
        .map(std::path::PathBuf::from)
        .filter(|f| exists(f))
    {
        return Source::Bundle(file);
    }
    if let Some(dirs) = var("SSL_CERT_DIR") {
        return Source::Folders(std::env::split_paths(&dirs).filter(|d| exists(d)).collect());
    }
    bundle.map_or(Source::Folders(Vec::new()), Source::Bundle)
}

#[cfg(all(unix, not(target_os = "macos")))]
fn native_certs() -> Vec<CertificateDer<'static>> {
    let env = |name: &str| std::env::var_os(name);
    let exists = |p: &std::path::Path| p.exists();
    let load = rustls_native_certs::load_certs_from_paths;
    match source(&env, &exists, openssl_probe::probe().cert_file) {
        Source::Bundle(file) => load(Some(&file), None).certs,
        Source::Folders(dirs) if dirs.is_empty() => rustls_native_certs::load_native_certs().certs,
        Source::Folders(dirs) => dirs.iter().flat_map(|d| load(None, Some(d)).certs).collect(),
    }
}

/// macOS and Windows: the system's own store, as it is.
#[cfg(not(all(unix, not(target_os = "macos"))))]
fn native_certs() -> Vec<CertificateDer<'static>> {
    rustls_native_certs::load_native_certs().certs
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

#[cfg(all(test, unix, not(target_os = "macos")))]
mod tests {
    use super::*;
    use std::ffi::OsString;
    use std::path::PathBuf;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<OsString> + 'a {
        move |n| vars.iter().find(|(k, _)| *k == n).map(|(_, v)| OsString::from(v))
    }

    #[test]
    fn a_bundle_alone_when_there_is_one_else_the_folders() {
        let distro = Some(PathBuf::from("/etc/ssl/certs/ca-certificates.crt"));
        let all = |_: &std::path::Path| true;
        let none = |_: &std::path::Path| false;
        let bundle = |p: &str| Source::Bundle(PathBuf::from(p));
        assert_eq!(
            source(&env(&[]), &all, distro.clone()),
            bundle("/etc/ssl/certs/ca-certificates.crt")
        );
        assert_eq!(source(&env(&[]), &all, None), Source::Folders(Vec::new()));
        let both = env(&[
            ("SSL_CERT_FILE", "/corp/roots.pem"),
            ("SSL_CERT_DIR", "/etc/ssl/certs"),
        ]);
        assert_eq!(source(&both, &all, distro.clone()), bundle("/corp/roots.pem"));
        assert_eq!(
            source(&both, &none, distro.clone()),
            Source::Folders(Vec::new()),
            "named files that do not exist are not used"
        );
        let dirs = env(&[("SSL_CERT_DIR", "/a:/b")]);
        assert_eq!(
            source(&dirs, &all, distro.clone()),
            Source::Folders(vec![PathBuf::from("/a"), PathBuf::from("/b")])
        );
        assert_eq!(
            source(&env(&[("SSL_CERT_FILE", "")]), &all, None),
            Source::Folders(Vec::new()),
            "an empty variable is unset"
        );
    }
}
