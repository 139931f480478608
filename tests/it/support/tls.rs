//! A test certificate authority made with rcgen (named as the test likes: its organisation and
//! common name), and server certificates it signs for `localhost` and 127.0.0.1 (or other
//! names, and other dates: expired, not yet valid), and rcgen's standard self-signed
//! certificate, ready for a tokio-rustls acceptor (ring provider) or written as PEM files for a
//! real server.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rcgen::{BasicConstraints, CertificateParams, CertifiedIssuer, DnType, IsCa, KeyPair, KeyUsagePurpose};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use tokio_rustls::TlsAcceptor;

/// The organisation name of the test CA (what `expected_issuers` may list).
pub const CA_ORG: &str = "Qbfix Test Authority";

/// A CA that signs server certificates.
pub struct TestCa {
    issuer: CertifiedIssuer<'static, KeyPair>,
}

/// A server certificate and its key.
pub struct ServerCert {
    chain: Vec<CertificateDer<'static>>,
    key: Vec<u8>,
    #[cfg(unix)]
    chain_pem: String,
    #[cfg(unix)]
    key_pem: String,
}

impl TestCa {
    /// A CA named `org`, its common name "`org` Root".
    pub fn new(org: &str) -> TestCa {
        TestCa::named(org, &format!("{org} Root"))
    }

    /// A CA whose organisation is `org` and whose common name is `cn`.
    pub fn named(org: &str, cn: &str) -> TestCa {
        let mut params = CertificateParams::new(Vec::<String>::new()).unwrap();
        params.distinguished_name.push(DnType::OrganizationName, org);
        params.distinguished_name.push(DnType::CommonName, cn);
        params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        params.key_usages = vec![
            KeyUsagePurpose::KeyCertSign,
            KeyUsagePurpose::CrlSign,
            KeyUsagePurpose::DigitalSignature,
        ];
        let key = KeyPair::generate().unwrap();
        TestCa {
            issuer: CertifiedIssuer::self_signed(params, key).unwrap(),
        }
    }

    /// Writes the CA certificate as PEM into `dir`; the path is what `extra_ca_file` takes.
    pub fn write_pem(&self, dir: &Path) -> PathBuf {
        let path = dir.join("test-ca.pem");
        std::fs::write(&path, self.issuer.pem()).unwrap();
        path
    }

    /// A certificate for `localhost`, 127.0.0.1 and `qbo.invalid` (a name only the test proxy resolves) signed by this CA.
    pub fn server_cert(&self) -> ServerCert {
        self.cert_for(&["localhost", "127.0.0.1", "qbo.invalid"], None)
    }

    /// A certificate for `names` signed by this CA, valid between two dates (year, month,
    /// day) when given (else rcgen's default years).
    pub fn cert_for(&self, names: &[&str], valid: Option<(Ymd, Ymd)>) -> ServerCert {
        let mut params =
            CertificateParams::new(names.iter().map(|n| n.to_string()).collect::<Vec<_>>()).unwrap();
        params.distinguished_name.push(DnType::CommonName, names[0]);
        if let Some(((y1, m1, d1), (y2, m2, d2))) = valid {
            params.not_before = rcgen::date_time_ymd(y1, m1, d1);
            params.not_after = rcgen::date_time_ymd(y2, m2, d2);
        }
        let key = KeyPair::generate().unwrap();
        let cert = params.signed_by(&key, &self.issuer).unwrap();
        ServerCert {
            chain: vec![cert.der().clone()],
            key: key.serialize_der(),
            #[cfg(unix)]
            chain_pem: cert.pem(),
            #[cfg(unix)]
            key_pem: key.serialize_pem(),
        }
    }
}

/// A date: year, month, day.
pub type Ymd = (i32, u8, u8);

/// The standard self-signed certificate rcgen makes for `localhost` and 127.0.0.1.
pub fn self_signed() -> ServerCert {
    let made =
        rcgen::generate_simple_self_signed(vec!["localhost".to_string(), "127.0.0.1".to_string()]).unwrap();
    ServerCert {
        chain: vec![made.cert.der().clone()],
        key: made.signing_key.serialize_der(),
        #[cfg(unix)]
        chain_pem: made.cert.pem(),
        #[cfg(unix)]
        key_pem: made.signing_key.serialize_pem(),
    }
}

/// A self-signed certificate for `localhost` and 127.0.0.1 that is marked as an authority, as
/// `openssl req -x509` makes by default (what webpki calls `CaUsedAsEndEntity`).
pub fn self_signed_authority() -> ServerCert {
    let mut params = CertificateParams::new(vec!["localhost".to_string(), "127.0.0.1".to_string()]).unwrap();
    params.distinguished_name.push(DnType::CommonName, "localhost");
    params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    let key = KeyPair::generate().unwrap();
    let cert = params.self_signed(&key).unwrap();
    ServerCert {
        chain: vec![cert.der().clone()],
        key: key.serialize_der(),
        #[cfg(unix)]
        chain_pem: cert.pem(),
        #[cfg(unix)]
        key_pem: key.serialize_pem(),
    }
}

impl ServerCert {
    /// Writes the certificate and its key as PEM files `name.crt` and `name.key` into `dir`
    /// (readable by every user: a real server may read them as another user).
    #[cfg(unix)]
    pub fn write_pem_files(&self, dir: &Path, name: &str) -> (PathBuf, PathBuf) {
        let cert = dir.join(format!("{name}.crt"));
        let key = dir.join(format!("{name}.key"));
        std::fs::write(&cert, &self.chain_pem).unwrap();
        std::fs::write(&key, &self.key_pem).unwrap();
        for path in [&cert, &key] {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o644)).unwrap();
        }
        (cert, key)
    }

    /// The certificate as PEM (to trust it through `extra_ca_file`).
    pub fn pem(&self) -> String {
        use base64::Engine;
        let b64 = base64::engine::general_purpose::STANDARD.encode(&self.chain[0]);
        let lines: Vec<&str> = b64
            .as_bytes()
            .chunks(64)
            .map(|c| std::str::from_utf8(c).unwrap())
            .collect();
        format!(
            "-----BEGIN CERTIFICATE-----\n{}\n-----END CERTIFICATE-----\n",
            lines.join("\n")
        )
    }

    pub fn acceptor(&self) -> TlsAcceptor {
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(self.key.clone()));
        let config = rustls::ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .unwrap()
            .with_no_client_auth()
            .with_single_cert(self.chain.clone(), key)
            .unwrap();
        TlsAcceptor::from(Arc::new(config))
    }
}
