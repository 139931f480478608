//! The verdict table on synthetic results built from typed facts: [`table`] row by row,
//! [`cases`] the cases seen on hostile networks (issue 15), [`props`] the invariant under
//! proptest (the verdict never contradicts the evidence).

use super::*;
use crate::evidence::Status;
use crate::evidence::facts::{Answerer, ErrorKind, Facts};

mod cases;
mod props;
mod table;

pub(super) fn with_facts(id: &str, status: Status, summary: &str, f: Facts) -> CheckResult {
    CheckResult::new(id, status, summary).with_facts(&f)
}

pub(super) fn portal_control() -> CheckResult {
    with_facts(
        "connectivity",
        Status::Warn,
        "A Wi-Fi sign-in page is intercepting your traffic (redirected to login.hotel.invalid): open a browser and sign in to the network",
        Facts {
            status_code: Some(302),
            captive_portal: Some(true),
            redirected_to: Some("login.hotel.invalid".into()),
            answered_by: Some(Answerer::Origin),
            ..Facts::default()
        },
    )
}

pub(super) fn through_proxy(id: &str, status: Status, summary: &str, f: Facts) -> CheckResult {
    with_facts(
        id,
        status,
        summary,
        Facts {
            proxy: Some("proxy.corp.invalid:3128".into()),
            ..f
        },
    )
}

/// A control site answering its 204 through the proxy.
pub(super) fn proxied_control() -> CheckResult {
    through_proxy(
        "connectivity",
        Status::Pass,
        "ok",
        Facts {
            status_code: Some(204),
            ..Facts::default()
        },
    )
}

pub(super) fn proxy_said(code: Option<u16>) -> CheckResult {
    through_proxy(
        "http",
        Status::Fail,
        "the proxy answered 502 to CONNECT",
        Facts {
            error_kind: Some(ErrorKind::Proxy),
            proxy_status: code,
            answered_by: Some(Answerer::Proxy),
            ..Facts::default()
        },
    )
}

pub(super) fn ok(id: &str) -> CheckResult {
    CheckResult::new(id, Status::Pass, format!("{id} fine")).with("status_code", 200)
}

pub(super) fn down(id: &str, kind: &str) -> CheckResult {
    CheckResult::new(id, Status::Fail, format!("{id} {kind}")).with("error_kind", kind)
}

/// A `tls` result where a certificate was shown and judged an interception.
pub(super) fn seen_tls(summary: &str) -> CheckResult {
    with_facts(
        "tls",
        Status::Fail,
        summary,
        Facts {
            intercepted: Some(true),
            cert_seen: Some(true),
            ..Facts::default()
        },
    )
}
