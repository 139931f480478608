//! The typed facts of a result: every `details` key the verdict (or the probe's judging)
//! depends on, declared once here. Field names are the JSON keys; unset facts are not written,
//! and a malformed value read back from an old session file is simply unset.

use serde::de::{Deserialize, DeserializeOwned, Deserializer};
use serde::{Deserialize as De, Serialize};
use serde_json::{Map, Value};

/// Why nothing (or nothing usable) came back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, De)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// The name could not be looked up.
    Dns,
    /// The server (or something in between) refused the connection.
    Refused,
    /// No route from this network.
    Unreachable,
    /// No answer in time.
    Timeout,
    /// The secure handshake failed.
    Tls,
    /// Another failure to connect.
    Connect,
    /// The server answered something that is not HTTP.
    Http,
    /// The proxy in the path failed: could not be reached, asked for a password, or answered an
    /// error of its own (see `proxy_status`).
    Proxy,
    /// A Wi-Fi sign-in page answered in place of the site.
    Portal,
    /// The reply's body stopped arriving before it was complete.
    BodyStalled,
    /// Connected, sent the request, and the other end closed the connection without an answer.
    Closed,
    /// Connected, and the other end reset the connection (no answer).
    Reset,
    /// The TLS handshake was cut (closed or reset) before any certificate arrived: what a filter
    /// that reads the site name does. Not interception: no certificate was shown.
    TlsCut,
    /// Anything else (also: a kind this version does not know).
    #[serde(other)]
    Other,
}

impl ErrorKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Dns => "dns",
            ErrorKind::Refused => "refused",
            ErrorKind::Unreachable => "unreachable",
            ErrorKind::Timeout => "timeout",
            ErrorKind::Tls => "tls",
            ErrorKind::Connect => "connect",
            ErrorKind::Http => "http",
            ErrorKind::Proxy => "proxy",
            ErrorKind::Portal => "portal",
            ErrorKind::BodyStalled => "body_stalled",
            ErrorKind::Closed => "closed",
            ErrorKind::Reset => "reset",
            ErrorKind::TlsCut => "tls_cut",
            ErrorKind::Other => "other",
        }
    }

    /// Nothing came back at all: the kinds that mean "this network does not get there".
    pub fn is_network(self) -> bool {
        matches!(
            self,
            ErrorKind::Dns
                | ErrorKind::Refused
                | ErrorKind::Unreachable
                | ErrorKind::Timeout
                | ErrorKind::Connect
        )
    }
}

impl ErrorKind {
    /// Reached, then cut off with no HTTP answer: closed, reset, an answer that is not HTTP, or
    /// a TLS handshake cut before any certificate.
    pub fn is_cut_off(self) -> bool {
        matches!(
            self,
            ErrorKind::Closed | ErrorKind::Reset | ErrorKind::Http | ErrorKind::TlsCut
        )
    }
}

impl std::fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Who gave the answer a result reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, De)]
#[serde(rename_all = "snake_case")]
pub enum Answerer {
    /// The site itself (for https: from inside the TLS tunnel).
    Origin,
    /// The proxy in the path, speaking for itself.
    Proxy,
}

/// Why a certificate that was presented was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, De)]
#[serde(rename_all = "snake_case")]
pub enum CertProblem {
    /// Signed by itself, not by any authority.
    SelfSigned,
    /// Past its end date.
    Expired,
    /// Before its start date.
    NotYetValid,
    /// Made out for another name.
    WrongName,
    /// Signed by an authority this computer does not trust.
    UnknownIssuer,
    /// Any other reason (also: one this version does not know).
    #[serde(other)]
    Other,
}

impl CertProblem {
    /// Refused only for its dates: on a wrong clock, the clock's fault.
    pub fn is_dates(self) -> bool {
        matches!(self, CertProblem::Expired | CertProblem::NotYetValid)
    }
}

/// The facts of one result that conclusions are drawn from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, De)]
pub struct Facts {
    /// The HTTP status the site answered (the median sample's, for sampled URLs).
    #[serde(
        default,
        deserialize_with = "lenient",
        skip_serializing_if = "Option::is_none"
    )]
    pub status_code: Option<u16>,
    /// Every sample's status, in the order they were sent.
    #[serde(
        default,
        deserialize_with = "lenient_vec",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub status_codes: Vec<u16>,
    /// The URL (shown redacted) or host a result is about.
    #[serde(
        default,
        deserialize_with = "lenient",
        skip_serializing_if = "Option::is_none"
    )]
    pub target: Option<String>,
    /// How many requests were sent.
    #[serde(
        default,
        deserialize_with = "lenient",
        skip_serializing_if = "Option::is_none"
    )]
    pub samples: Option<u32>,
    #[serde(
        default,
        deserialize_with = "lenient",
        skip_serializing_if = "Option::is_none"
    )]
    pub error_kind: Option<ErrorKind>,
    /// TLS: the chain is untrusted, or its issuer is not an expected one.
    #[serde(
        default,
        deserialize_with = "lenient",
        skip_serializing_if = "Option::is_none"
    )]
    pub intercepted: Option<bool>,
    /// A QuickBooks reply took over `slow_ms`.
    #[serde(
        default,
        deserialize_with = "lenient",
        skip_serializing_if = "Option::is_none"
    )]
    pub slow: Option<bool>,
    /// Status page: an incident, maintenance or a component that is not operational.
    #[serde(
        default,
        deserialize_with = "lenient",
        skip_serializing_if = "Option::is_none"
    )]
    pub outage: Option<bool>,
    /// A Wi-Fi sign-in page answered in place of the site.
    #[serde(
        default,
        deserialize_with = "lenient",
        skip_serializing_if = "Option::is_none"
    )]
    pub captive_portal: Option<bool>,
    /// The host a reply redirected to, when it was another host.
    #[serde(
        default,
        deserialize_with = "lenient",
        skip_serializing_if = "Option::is_none"
    )]
    pub redirected_to: Option<String>,
    /// The proxy the request went through (`host:port`, never credentials); unset: direct.
    #[serde(
        default,
        deserialize_with = "lenient",
        skip_serializing_if = "Option::is_none"
    )]
    pub proxy: Option<String>,
    /// Who gave the answer reported here.
    #[serde(
        default,
        deserialize_with = "lenient",
        skip_serializing_if = "Option::is_none"
    )]
    pub answered_by: Option<Answerer>,
    /// What the proxy itself answered (to `CONNECT`, or 407), apart from the site's answer.
    #[serde(
        default,
        deserialize_with = "lenient",
        skip_serializing_if = "Option::is_none"
    )]
    pub proxy_status: Option<u16>,
    /// The proxy's failure in plain words ("refused the connection", "asked for a password").
    #[serde(
        default,
        deserialize_with = "lenient",
        skip_serializing_if = "Option::is_none"
    )]
    pub proxy_error: Option<String>,
    /// The proxy software its marks named ("squid", from `X-Squid-Error`, `Proxy-Status` or
    /// `Server`), when the proxy answered for itself.
    #[serde(
        default,
        deserialize_with = "lenient",
        skip_serializing_if = "Option::is_none"
    )]
    pub proxy_product: Option<String>,
    /// The proxy's own error code ("ERR_CONNECT_FAIL", a `Proxy-Status` `error=`), verbatim.
    #[serde(
        default,
        deserialize_with = "lenient",
        skip_serializing_if = "Option::is_none"
    )]
    pub proxy_error_code: Option<String>,
    /// TLS: a certificate was presented (whatever became of it).
    #[serde(
        default,
        deserialize_with = "lenient",
        skip_serializing_if = "Option::is_none"
    )]
    pub cert_seen: Option<bool>,
    /// TLS: why the presented certificate was refused.
    #[serde(
        default,
        deserialize_with = "lenient",
        skip_serializing_if = "Option::is_none"
    )]
    pub cert_problem: Option<CertProblem>,
    /// TLS: the security product the certificate's issuer names ("Avast Web/Mail Shield").
    #[serde(
        default,
        deserialize_with = "lenient",
        skip_serializing_if = "Option::is_none"
    )]
    pub product: Option<String>,
    /// The `slow_ms` this result was judged by (on `http` and `connectivity` results).
    #[serde(
        default,
        deserialize_with = "lenient",
        skip_serializing_if = "Option::is_none"
    )]
    pub slow_ms: Option<u64>,
    /// A short digest of the body that answered (to tell a sign-in page answering for
    /// QuickBooks from QuickBooks' own page: the same digest as a portal's page).
    #[serde(
        default,
        deserialize_with = "lenient",
        skip_serializing_if = "Option::is_none"
    )]
    pub body_digest: Option<String>,
    #[serde(
        default,
        deserialize_with = "lenient",
        skip_serializing_if = "Option::is_none"
    )]
    pub dns_ms: Option<u64>,
    #[serde(
        default,
        deserialize_with = "lenient",
        skip_serializing_if = "Option::is_none"
    )]
    pub connect_ms: Option<u64>,
    #[serde(
        default,
        deserialize_with = "lenient",
        skip_serializing_if = "Option::is_none"
    )]
    pub tls_ms: Option<u64>,
    #[serde(
        default,
        deserialize_with = "lenient",
        skip_serializing_if = "Option::is_none"
    )]
    pub ttfb_ms: Option<u64>,
    #[serde(
        default,
        deserialize_with = "lenient",
        skip_serializing_if = "Option::is_none"
    )]
    pub total_ms: Option<u64>,
}

/// A value of the wrong shape reads as unset rather than failing the whole read.
fn lenient<'de, D: Deserializer<'de>, T: DeserializeOwned>(d: D) -> Result<Option<T>, D::Error> {
    let v = Value::deserialize(d)?;
    Ok(serde_json::from_value(v).ok())
}

fn lenient_vec<'de, D: Deserializer<'de>, T: DeserializeOwned>(d: D) -> Result<Vec<T>, D::Error> {
    let v = Value::deserialize(d)?;
    Ok(serde_json::from_value(v).unwrap_or_default())
}

impl Facts {
    /// The facts found in a `details` object.
    pub fn read(details: &Map<String, Value>) -> Facts {
        serde_json::from_value(Value::Object(details.clone())).unwrap_or_default()
    }

    /// Writes every set fact into `details`, replacing what was there under the same key.
    pub fn write_into(&self, details: &mut Map<String, Value>) {
        if let Ok(Value::Object(map)) = serde_json::to_value(self) {
            details.extend(map);
        }
    }

    /// These facts, with every fact unset here taken from `other`.
    pub fn merged(self, other: Facts) -> Facts {
        let mut map = Map::new();
        other.write_into(&mut map);
        self.write_into(&mut map);
        Facts::read(&map)
    }

    /// The site answered (any HTTP status), whoever else was in the path.
    pub fn site_answered(&self) -> bool {
        self.status_code.is_some() && self.answered_by != Some(Answerer::Proxy)
    }

    /// Every status the site answered: all samples, or the one status.
    pub fn all_statuses(&self) -> Vec<u16> {
        if self.status_codes.is_empty() {
            self.status_code.into_iter().collect()
        } else {
            self.status_codes.clone()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facts_round_trip_through_the_details_keys() {
        let facts = Facts {
            status_code: Some(502),
            status_codes: vec![200, 502, 200],
            samples: Some(3),
            error_kind: Some(ErrorKind::BodyStalled),
            proxy: Some("proxy.corp:3128".into()),
            answered_by: Some(Answerer::Proxy),
            ..Facts::default()
        };
        let mut map = Map::new();
        facts.write_into(&mut map);
        assert_eq!(map["error_kind"], "body_stalled");
        assert_eq!(map["answered_by"], "proxy");
        assert_eq!(map["status_codes"], serde_json::json!([200, 502, 200]));
        assert!(!map.contains_key("intercepted"), "unset facts are not written");
        assert_eq!(Facts::read(&map), facts);
    }

    #[test]
    fn unknown_or_malformed_values_read_as_unset_or_other() {
        let map = serde_json::json!({
            "error_kind": "gremlins", "status_code": "five hundred", "slow": true, "extra": 1
        });
        let Value::Object(map) = map else { unreachable!() };
        let f = Facts::read(&map);
        assert_eq!(f.error_kind, Some(ErrorKind::Other));
        assert_eq!(f.status_code, None);
        assert_eq!(f.slow, Some(true));
    }
}
