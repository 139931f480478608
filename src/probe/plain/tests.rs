//! Every error in plain words: no OS error text, no Rust debug text; and each certificate
//! problem its one phrase.

use std::sync::Arc;

use rustls::OtherError;

use super::*;

/// Text a person must never read.
const RUST_TEXT: &[&str] = &["Other(", "os error", "Custom {", "Kind(", "Error {"];

fn assert_plain(text: &str) {
    for bad in RUST_TEXT {
        assert!(!text.contains(bad), "{bad:?} in {text:?}");
    }
}

#[test]
fn io_errors_are_kinds_and_words_without_os_text() {
    use io::ErrorKind as K;
    let refused = io::Error::from_raw_os_error(111);
    assert_eq!(
        connect_error(&refused),
        (ErrorKind::Refused, "the connection was refused".into())
    );
    let reset = io::Error::from_raw_os_error(104);
    assert_eq!(cut(&reset), Some(ErrorKind::Reset));
    assert_eq!(proxy_io_words(&reset), "reset the connection without answering");
    assert_eq!(cut(&io::Error::from(K::UnexpectedEof)), Some(ErrorKind::Closed));
    assert_eq!(cut(&io::Error::from(K::InvalidData)), None);
    for kind in [
        K::Other,
        K::InvalidData,
        K::PermissionDenied,
        K::TimedOut,
        K::HostUnreachable,
    ] {
        let e = io::Error::new(kind, "Custom { kind: Other, error: \"x\" } (os error 99)");
        assert_plain(&connect_error(&e).1);
        assert_plain(&proxy_io_words(&e));
        assert_plain(&handshake_error(&e).1);
    }
}

#[test]
fn a_handshake_cut_before_any_certificate_is_tls_cut() {
    let eof = io::Error::new(io::ErrorKind::UnexpectedEof, "tls handshake eof");
    assert_eq!(handshake_error(&eof), (ErrorKind::TlsCut, TLS_CUT.to_string()));
    let reset = io::Error::from_raw_os_error(104);
    assert_eq!(handshake_error(&reset).0, ErrorKind::TlsCut);
    let alert = io::Error::new(
        io::ErrorKind::InvalidData,
        rustls::Error::AlertReceived(rustls::AlertDescription::HandshakeFailure),
    );
    let (kind, text) = handshake_error(&alert);
    assert_eq!(kind, ErrorKind::Tls);
    assert_eq!(
        text,
        "the secure handshake failed: the site refused it (no security settings in common)"
    );
}

#[test]
fn each_certificate_problem_is_one_plain_phrase() {
    let other = || Ce::Other(OtherError(Arc::new(io::Error::other("CaUsedAsEndEntity"))));
    let cases = [
        (other(), true, CertProblem::SelfSigned),
        (Ce::UnknownIssuer, true, CertProblem::SelfSigned),
        (Ce::UnknownIssuer, false, CertProblem::UnknownIssuer),
        (Ce::Expired, false, CertProblem::Expired),
        (Ce::NotValidYet, true, CertProblem::NotYetValid),
        (Ce::NotValidForName, false, CertProblem::WrongName),
        (other(), false, CertProblem::Other),
        (Ce::BadSignature, false, CertProblem::Other),
    ];
    for (e, self_issued, want) in cases {
        let (got, words) = cert_problem(&e, self_issued);
        assert_eq!(got, want, "{e:?}");
        assert_plain(words);
        assert!(
            !words.contains('(') && words.starts_with("the certificate"),
            "{words}"
        );
    }
    assert_eq!(
        verify_problem(&rustls::Error::InvalidCertificate(other()), true).1,
        "the certificate is self-signed, so no authority vouches for it"
    );
    assert_eq!(
        verify_problem(&rustls::Error::HandshakeNotComplete, false).0,
        CertProblem::Other
    );
}

#[test]
fn socks_replies_are_the_proxys_words_and_codes() {
    let (words, code) = socks_error(&tokio_socks::Error::ConnectionRefused, "qbo.invalid:443");
    assert_eq!(words, "says qbo.invalid:443 refused the connection");
    assert_eq!(code, Some("connection_refused"));
    let (words, code) = socks_error(&tokio_socks::Error::Io(io::Error::from_raw_os_error(104)), "x:1");
    assert_eq!(
        (words.as_str(), code),
        ("reset the connection without answering", None)
    );
    let (words, _) = socks_error(&tokio_socks::Error::InvalidResponseVersion, "x:1");
    assert_eq!(words, "answered something that is not SOCKS5");
}

#[test]
fn resolver_failures_keep_the_resolvers_words_only() {
    let e = io::Error::other("failed to lookup address information: Temporary failure in name resolution");
    assert_eq!(resolver_words(&e), "Temporary failure in name resolution");
    let e = io::Error::other("failed to lookup address information: System error (os error 5)");
    assert_eq!(resolver_words(&e), "System error");
    let e = io::Error::other("Custom { kind: Other }");
    assert_eq!(resolver_words(&e), "an unexpected network error");
    assert_plain(anchor_words(&rustls::Error::InvalidCertificate(Ce::BadEncoding)));
}
