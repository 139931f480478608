//! Every error the network layers meet, in a kind and plain words, in ONE place: I/O errors
//! (at connect, and after it: closed, reset), hyper's exchange errors, rustls' handshake and
//! certificate errors, a SOCKS proxy's replies. Nothing here ever shows a Rust error's own text
//! (`os error 104`, `Custom { … }`, `Other(…)`): each is matched to words a person can read.

use std::error::Error as StdError;
use std::io;

use rustls::CertificateError as Ce;

use crate::evidence::{CertProblem, ErrorKind};

/// The server closed the connection after the request, with no answer.
pub const CLOSED: &str = "the server closed the connection without answering";
/// The connection was reset after it was open.
pub const RESET: &str = "the connection was reset";
/// What came back is not HTTP.
pub const NOT_HTTP: &str = "the server answered something that is not HTTP";
/// The TLS handshake was cut before any certificate.
pub const TLS_CUT: &str = "the secure connection was cut off before the site showed a certificate: something on this network may block it";

/// An I/O error's kind in words, without its OS text.
fn io_words(e: &io::Error) -> &'static str {
    use io::ErrorKind as K;
    match e.kind() {
        K::ConnectionRefused => "the connection was refused",
        K::ConnectionReset | K::ConnectionAborted => RESET,
        K::BrokenPipe | K::UnexpectedEof | K::NotConnected => "the connection was closed",
        K::TimedOut | K::WouldBlock => "timed out",
        K::HostUnreachable | K::NetworkUnreachable | K::AddrNotAvailable => {
            "no route to it from this network"
        }
        K::NetworkDown => "this computer's network is down",
        K::PermissionDenied => "this computer did not allow the connection (a firewall rule?)",
        K::AddrInUse => "no local port was free",
        _ => "an unexpected network error",
    }
}

/// A connect error: refused, timed out, unreachable, or another failure to connect.
pub fn connect_error(e: &io::Error) -> (ErrorKind, String) {
    use io::ErrorKind as K;
    let kind = match e.kind() {
        // A reset answering the connect itself is a refusal.
        K::ConnectionRefused | K::ConnectionReset => ErrorKind::Refused,
        K::TimedOut => ErrorKind::Timeout,
        K::HostUnreachable | K::NetworkUnreachable | K::AddrNotAvailable | K::NetworkDown => {
            ErrorKind::Unreachable
        }
        _ => ErrorKind::Connect,
    };
    let text = match kind {
        ErrorKind::Refused => "the connection was refused".to_string(),
        ErrorKind::Connect => format!("could not connect: {}", io_words(e)),
        _ => io_words(e).to_string(),
    };
    (kind, text)
}

/// An I/O error after the connection was open: closed or reset, if it was either.
pub fn cut(e: &io::Error) -> Option<ErrorKind> {
    use io::ErrorKind as K;
    match e.kind() {
        K::UnexpectedEof | K::BrokenPipe | K::NotConnected => Some(ErrorKind::Closed),
        K::ConnectionReset | K::ConnectionAborted => Some(ErrorKind::Reset),
        _ => None,
    }
}

/// The words of a cut-off kind (closed, reset, not HTTP).
pub fn cut_words(kind: ErrorKind) -> &'static str {
    match kind {
        ErrorKind::Reset => RESET,
        ErrorKind::Http => NOT_HTTP,
        ErrorKind::TlsCut => TLS_CUT,
        _ => CLOSED,
    }
}

/// What a proxy did when it cut a connection off before answering, after "the proxy X".
pub fn proxy_cut_words(kind: ErrorKind) -> &'static str {
    match kind {
        ErrorKind::Reset => "reset the connection without answering",
        ErrorKind::Http => "answered something that is not HTTP",
        _ => "closed the connection without answering",
    }
}

/// An I/O error talking to a proxy, after "the proxy X": cut off, or another failure.
pub fn proxy_io_words(e: &io::Error) -> String {
    match cut(e) {
        Some(kind) => proxy_cut_words(kind).to_string(),
        None => format!("failed: {}", io_words(e)),
    }
}

/// A SOCKS5 proxy's failure, after "the SOCKS proxy X", asked to connect to `target`; and its
/// reply as an error code (RFC 1928 §6), when the proxy gave one.
pub fn socks_error(e: &tokio_socks::Error, target: &str) -> (String, Option<&'static str>) {
    use tokio_socks::Error as S;
    let (words, code) = match e {
        S::Io(io) => return (proxy_io_words(io), None),
        S::GeneralSocksServerFailure => (format!("failed to connect to {target}"), "general_failure"),
        S::ConnectionNotAllowedByRuleset => (
            format!("does not allow connections to {target}"),
            "connection_not_allowed",
        ),
        S::NetworkUnreachable => (format!("has no route to {target}"), "network_unreachable"),
        S::HostUnreachable => (format!("could not reach {target}"), "host_unreachable"),
        S::ConnectionRefused => (
            format!("says {target} refused the connection"),
            "connection_refused",
        ),
        S::TtlExpired => (format!("could not reach {target} in time"), "ttl_expired"),
        S::CommandNotSupported | S::AddressTypeNotSupported => (
            "does not support this kind of request".to_string(),
            "not_supported",
        ),
        S::NoAcceptableAuthMethods | S::AuthorizationRequired => {
            ("asks for a user name and password".to_string(), "auth_required")
        }
        S::PasswordAuthFailure(_) => ("refused the user name and password".to_string(), "auth_failed"),
        S::InvalidTargetAddress(_) | S::InvalidAuthValues(_) => {
            return (
                "could not be asked: the name or password is too long".into(),
                None,
            );
        }
        _ => return ("answered something that is not SOCKS5".into(), None),
    };
    (words, Some(code))
}

/// What the system's resolver said when it failed for another reason than "no such name",
/// without the wrapper std puts around it or an OS error number.
pub fn resolver_words(e: &io::Error) -> String {
    let text = e.to_string();
    let text = text
        .strip_prefix("failed to lookup address information: ")
        .unwrap_or(&text);
    let text = match text.find(" (os error") {
        Some(i) => &text[..i],
        None => text,
    };
    let text = text.trim().trim_end_matches('.');
    if text.is_empty() || text.contains(['{', '(']) {
        io_words(e).to_string()
    } else {
        text.to_string()
    }
}

/// A certificate that cannot be added to the trust anchors, in words.
pub fn anchor_words(e: &rustls::Error) -> &'static str {
    match e {
        rustls::Error::InvalidCertificate(Ce::BadEncoding) => "it is not a readable certificate",
        _ => "it cannot be used as a trusted root",
    }
}

/// The first I/O error in an error's chain of sources.
fn io_source<'a>(e: &'a (dyn StdError + 'static)) -> Option<&'a io::Error> {
    let mut next: Option<&(dyn StdError + 'static)> = Some(e);
    while let Some(err) = next {
        if let Some(io) = err.downcast_ref::<io::Error>() {
            return Some(io);
        }
        next = err.source();
    }
    None
}

/// A failed HTTP exchange: closed, reset, not HTTP, timed out, or another failure.
pub fn exchange_error(e: &hyper::Error) -> (ErrorKind, String) {
    if let Some(kind) = io_source(e).and_then(cut) {
        return (kind, cut_words(kind).to_string());
    }
    if e.is_incomplete_message() || e.is_canceled() {
        return (ErrorKind::Closed, CLOSED.to_string());
    }
    if e.is_parse() || e.is_parse_status() {
        return (ErrorKind::Http, NOT_HTTP.to_string());
    }
    if e.is_timeout() {
        return (ErrorKind::Timeout, "no answer in time".to_string());
    }
    let why = io_source(e).map_or("an unexpected error", io_words);
    (ErrorKind::Other, format!("the exchange failed: {why}"))
}

/// A TLS handshake that ended before any certificate was judged: cut (closed or reset: a
/// filter reading the site name), refused with an alert, or another failure.
pub fn handshake_error(e: &io::Error) -> (ErrorKind, String) {
    if let Some(tls) = e.get_ref().and_then(|i| i.downcast_ref::<rustls::Error>()) {
        return (
            ErrorKind::Tls,
            format!("the secure handshake failed: {}", tls_words(tls)),
        );
    }
    if cut(e).is_some() {
        return (ErrorKind::TlsCut, TLS_CUT.to_string());
    }
    (
        ErrorKind::Tls,
        format!("the secure handshake failed: {}", io_words(e)),
    )
}

/// A rustls error (not about the certificate) in words.
fn tls_words(e: &rustls::Error) -> String {
    use rustls::AlertDescription as A;
    use rustls::Error as E;
    match e {
        E::AlertReceived(alert) => {
            let why = match alert {
                A::HandshakeFailure | A::InsufficientSecurity => "no security settings in common",
                A::ProtocolVersion => "no TLS version in common",
                A::UnrecognisedName => "it does not answer to this site's name",
                A::AccessDenied => "access denied",
                A::InternalError => "an error on its side",
                _ => "no reason given",
            };
            format!("the site refused it ({why})")
        }
        E::InvalidMessage(_) | E::InappropriateMessage { .. } | E::InappropriateHandshakeMessage { .. } => {
            "the site answered something that is not a secure connection".into()
        }
        E::PeerIncompatible(_) => "the site's secure settings are not compatible with this program".into(),
        E::InvalidCertificate(ce) => cert_problem(ce, false).1.to_string(),
        E::NoCertificatesPresented => "the site showed no certificate".into(),
        _ => "the site did not complete it".into(),
    }
}

/// Why a presented certificate was refused, and that reason in one plain phrase.
/// `self_issued`: the certificate names itself as its issuer.
pub fn cert_problem(e: &Ce, self_issued: bool) -> (CertProblem, &'static str) {
    let problem = match e {
        Ce::Expired | Ce::ExpiredContext { .. } => CertProblem::Expired,
        Ce::NotValidYet | Ce::NotValidYetContext { .. } => CertProblem::NotYetValid,
        Ce::NotValidForName | Ce::NotValidForNameContext { .. } => CertProblem::WrongName,
        // webpki refuses a self-signed certificate as from an unknown issuer, or (when it is
        // marked as an authority) as `CaUsedAsEndEntity` inside `Other`.
        Ce::UnknownIssuer | Ce::Other(_) if self_issued => CertProblem::SelfSigned,
        Ce::UnknownIssuer => CertProblem::UnknownIssuer,
        _ => CertProblem::Other,
    };
    let words = match (problem, e) {
        (CertProblem::Other, Ce::BadSignature) => "the certificate's signature is wrong",
        (CertProblem::Other, Ce::Revoked) => "the certificate was revoked",
        (CertProblem::Other, Ce::InvalidPurpose | Ce::InvalidPurposeContext { .. }) => {
            "the certificate is not meant for websites"
        }
        _ => problem_words(problem),
    };
    (problem, words)
}

/// One plain phrase for each reason a certificate is refused.
pub fn problem_words(problem: CertProblem) -> &'static str {
    match problem {
        CertProblem::SelfSigned => "the certificate is self-signed, so no authority vouches for it",
        CertProblem::Expired => "the certificate has expired",
        CertProblem::NotYetValid => "the certificate is not valid yet",
        CertProblem::WrongName => "the certificate was made out for another site",
        CertProblem::UnknownIssuer => "the certificate's issuer is not one this computer trusts",
        CertProblem::Other => "the certificate was not accepted",
    }
}

/// A certificate problem from a verification error (any other error: `Other`).
pub fn verify_problem(e: &rustls::Error, self_issued: bool) -> (CertProblem, &'static str) {
    match e {
        rustls::Error::InvalidCertificate(ce) => cert_problem(ce, self_issued),
        _ => (CertProblem::Other, problem_words(CertProblem::Other)),
    }
}

#[cfg(test)]
mod tests;
