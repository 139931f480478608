//! What one layered probe of a URL found, layer by layer: the name lookup, the connection (to
//! the site, or to the proxy and through its tunnel), the TLS handshake, the HTTP answer and the
//! body. Layers after the one that failed are unset; [`Sample::failure`] says which failed and
//! how. Plain data: the I/O is in the layers' own files ([`super::resolve`], [`super::connect`],
//! [`super::tunnel`], [`super::handshake`], [`super::exchange`]).

use std::net::SocketAddr;
use std::time::Duration;

use jiff::Timestamp;

use super::handshake::Handshake;
use super::marks::Marks;
use super::resolve::{DnsError, Lookup};
use crate::evidence::ErrorKind;

/// Bytes of a body that [`Sample::body_digest`] covers.
pub const DIGEST_BYTES: usize = 64 * 1024;

/// The layers of a probe, in the order they happen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Layer {
    /// The route itself: a proxy qbfix cannot test through (nothing was sent).
    Route,
    Dns,
    Connect,
    /// The proxy's `CONNECT` tunnel (or its own answer to a plain request).
    Proxy,
    Tls,
    Http,
    Body,
}

/// Why a layer failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub layer: Layer,
    pub kind: ErrorKind,
    /// Plain words ("the connection was refused").
    pub text: String,
    /// For a failed lookup: how.
    pub dns: Option<DnsError>,
}

/// The failure of `layer`, of `kind`, in plain words (`dns` unset).
pub(super) fn fail(layer: Layer, kind: ErrorKind, text: impl Into<String>) -> Failure {
    Failure {
        layer,
        kind,
        text: text.into(),
        dns: None,
    }
}

/// The HTTP answer's head.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reply {
    pub status: u16,
    pub reason: Option<String>,
    /// From sending the request to the answer's head.
    pub ttfb: Duration,
    pub date: Option<String>,
    /// Where a redirect points (absolute).
    pub location: Option<String>,
    pub content_length: Option<u64>,
}

/// One probe of one URL.
#[derive(Debug, Clone, Default)]
pub struct Sample {
    pub sent_at: Timestamp,
    /// The proxy this went through (`host:port`); `None`: direct.
    pub via: Option<String>,
    /// The lookup of the site's name (not done when a proxy looks names up) and its time.
    pub lookup: Option<(Lookup, Duration)>,
    /// The address connected to (the site's, or the proxy's) and the time the connect took.
    pub connected: Option<(SocketAddr, Duration)>,
    /// The proxy's answer to `CONNECT`, or to a plain request it answered itself.
    pub proxy_status: Option<u16>,
    /// What marked the proxy's own answer (its software, its error code).
    pub proxy_marks: Option<Marks>,
    /// The proxy opened the way to the site (its `CONNECT` answered 2xx, or its SOCKS
    /// connection was made): what happens after is the site's.
    pub tunneled: bool,
    /// A dead IPv6 path fallen back from, in words (Happy Eyeballs).
    pub fallback: Option<String>,
    /// Whether the site presented a certificate (set once a TLS handshake was tried).
    pub cert_seen: Option<bool>,
    /// What the handshake saw (set even when the chain was rejected) and its time.
    pub tls: Option<(Handshake, Duration)>,
    pub answer: Option<Reply>,
    /// Body bytes kept (up to the cap) and whether more was sent than kept.
    pub body: Option<(Vec<u8>, bool)>,
    pub failure: Option<Failure>,
    pub total: Duration,
}

impl Sample {
    /// The layer a failure stopped at, if any.
    pub fn failed_at(&self) -> Option<Layer> {
        self.failure.as_ref().map(|f| f.layer)
    }

    /// Failed before reaching `layer`: why, in words, for a `skip`.
    pub fn not_reached(&self, layer: Layer) -> Option<String> {
        let f = self.failure.as_ref()?;
        (f.layer < layer).then(|| format!("not tried: {}", f.text))
    }

    /// The HTTP status of the site (not of the proxy speaking for itself).
    pub fn status(&self) -> Option<u16> {
        self.answer.as_ref().map(|a| a.status)
    }

    /// A short, stable digest of the body that answered (its first [`DIGEST_BYTES`] at
    /// most): FNV-1a, 64 bits, in hex. Not for security: to tell one page from another.
    pub fn body_digest(&self) -> Option<String> {
        let (body, _) = self.body.as_ref()?;
        self.answer.as_ref()?;
        let kept = &body[..body.len().min(DIGEST_BYTES)];
        let hash = kept.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3)
        });
        Some(format!("{hash:016x}"))
    }

    /// A sample that stopped at `layer` with `kind` and `text` (for the judges' tests).
    #[cfg(test)]
    pub fn failing(layer: Layer, kind: crate::evidence::ErrorKind, text: &str) -> Sample {
        Sample {
            failure: Some(Failure {
                layer,
                kind,
                text: text.into(),
                dns: None,
            }),
            ..Sample::default()
        }
    }
}

/// The samples of one URL, in the order they were sent.
#[derive(Debug, Clone)]
pub struct UrlProbe {
    pub url: url::Url,
    pub samples: Vec<Sample>,
    /// Whether `NO_PROXY` sent this URL around a configured proxy.
    pub bypassed: bool,
}

impl UrlProbe {
    /// The first sample, which every judge may rely on existing.
    pub fn first(&self) -> Option<&Sample> {
        self.samples.first()
    }
}
