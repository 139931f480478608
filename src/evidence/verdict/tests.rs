//! The verdict table on synthetic results, row by row, built from typed facts.

use super::*;
use crate::evidence::facts::{Answerer, ErrorKind, Facts};
use crate::evidence::{Status, decide};

fn with_facts(id: &str, status: Status, summary: &str, f: Facts) -> CheckResult {
    CheckResult::new(id, status, summary).with_facts(&f)
}

fn portal_control() -> CheckResult {
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

fn through_proxy(id: &str, status: Status, summary: &str, f: Facts) -> CheckResult {
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
fn proxied_control() -> CheckResult {
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

fn proxy_said(code: Option<u16>) -> CheckResult {
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

fn ok(id: &str) -> CheckResult {
    CheckResult::new(id, Status::Pass, format!("{id} fine")).with("status_code", 200)
}

fn down(id: &str, kind: &str) -> CheckResult {
    CheckResult::new(id, Status::Fail, format!("{id} {kind}")).with("error_kind", kind)
}

#[test]
fn nothing_answering_is_offline() {
    let v = decide(&[down("connectivity", "dns"), down("http", "timeout")]);
    assert_eq!(v.id, VerdictId::Offline);
    assert!(v.advice.contains("http timeout"), "{}", v.advice);
}

#[test]
fn targets_failing_alike_are_named_once_in_the_advice() {
    let refused = |id: &str| {
        CheckResult::new(
            id,
            Status::Fail,
            "Could not reach the site: the connection was refused",
        )
        .with("error_kind", "refused")
    };
    let v = decide(&[refused("connectivity"), refused("connectivity"), refused("http")]);
    assert_eq!(v.id, VerdictId::Offline);
    assert_eq!(
        v.advice.matches("the connection was refused").count(),
        1,
        "{}",
        v.advice
    );
}

#[test]
fn control_ok_but_quickbooks_failing_is_blocked() {
    for kind in ["dns", "refused", "timeout"] {
        let v = decide(&[ok("connectivity"), down("http", kind)]);
        assert_eq!(v.id, VerdictId::QuickbooksBlocked, "{kind}");
    }
    let v = decide(&[ok("connectivity"), ok("http"), down("dns", "dns")]);
    assert_eq!(v.id, VerdictId::QuickbooksBlocked);
}

#[test]
fn untrusted_or_unexpected_issuer_is_intercepted() {
    let tls = CheckResult::new("tls", Status::Fail, "issuer Avast").with("intercepted", true);
    assert_eq!(
        decide(&[ok("connectivity"), ok("http"), tls]).id,
        VerdictId::HttpsIntercepted
    );
    let v = decide(&[ok("connectivity"), ok("http"), down("http", "tls")]);
    assert_eq!(v.id, VerdictId::HttpsIntercepted);
}

#[test]
fn gateway_errors_and_incidents_are_outages() {
    for code in [502, 503, 504] {
        let r = CheckResult::new("http", Status::Fail, format!("answered {code}")).with("status_code", code);
        let v = decide(&[ok("connectivity"), r]);
        assert_eq!(v.id, VerdictId::ServiceOutage);
        assert!(v.advice.contains(&format!("answered {code}")));
    }
    let page = CheckResult::new("status_page", Status::Warn, "Banking: degraded").with("outage", true);
    assert_eq!(
        decide(&[ok("connectivity"), ok("http"), page]).id,
        VerdictId::ServiceOutage
    );
    let plain_500 = CheckResult::new("http", Status::Fail, "500").with("status_code", 500);
    assert_eq!(decide(&[ok("connectivity"), plain_500]).id, VerdictId::LocalOk);
}

#[test]
fn bank_failing_while_quickbooks_answers() {
    let bank = CheckResult::new("bank", Status::Fail, "bank 503").with("status_code", 503);
    assert_eq!(
        decide(&[ok("connectivity"), ok("http"), bank.clone()]).id,
        VerdictId::BankUnreachable
    );
    assert_eq!(
        decide(&[ok("connectivity"), ok("http"), down("bank", "refused")]).id,
        VerdictId::BankUnreachable
    );
    // A bank result alone, with QuickBooks not answering, is not this verdict.
    assert_eq!(decide(&[ok("connectivity"), bank]).id, VerdictId::LocalOk);
}

#[test]
fn slow_reply_is_slow_connection() {
    let slow = ok("http").with("slow", true);
    assert_eq!(decide(&[ok("connectivity"), slow]).id, VerdictId::SlowConnection);
}

#[test]
fn first_match_wins() {
    let gateway = CheckResult::new("http", Status::Fail, "502").with("status_code", 502);
    let tls = CheckResult::new("tls", Status::Fail, "x").with("intercepted", true);
    assert_eq!(
        decide(&[ok("connectivity"), gateway, tls]).id,
        VerdictId::HttpsIntercepted
    );
}

#[test]
fn healthy_or_empty_is_local_ok() {
    assert_eq!(decide(&[ok("connectivity"), ok("http")]).id, VerdictId::LocalOk);
    let empty = decide(&[]);
    assert_eq!(empty.id, VerdictId::LocalOk);
    assert!(
        empty.title.contains("checks that ran"),
        "no claim about an untested connection"
    );
}

#[test]
fn ids_serialize_as_in_design_in_table_order() {
    let names: Vec<&str> = VerdictId::ALL.iter().map(|id| id.as_str()).collect();
    assert_eq!(
        names,
        [
            "offline",
            "captive_portal",
            "proxy_failing",
            "quickbooks_blocked",
            "https_intercepted",
            "service_outage",
            "bank_unreachable",
            "slow_connection",
            "local_ok"
        ]
    );
    for id in VerdictId::ALL {
        assert_eq!(serde_json::to_value(id).unwrap(), id.as_str());
    }
}

#[test]
fn sign_in_page_in_place_of_control_sites_is_captive_portal_and_names_the_host() {
    for qb in [
        down("http", "timeout"),
        with_facts(
            "http",
            Status::Warn,
            "redirected",
            Facts {
                status_code: Some(302),
                redirected_to: Some("login.hotel.invalid".into()),
                ..Facts::default()
            },
        ),
        CheckResult::new("tls", Status::Fail, "untrusted").with("intercepted", true),
    ] {
        let v = decide(&[portal_control(), qb]);
        assert_eq!(v.id, VerdictId::CaptivePortal);
        assert_eq!(
            v.advice.matches("login.hotel.invalid").count(),
            1,
            "the sign-in host is named once: {}",
            v.advice
        );
        assert!(v.advice.contains("sign in"), "{}", v.advice);
    }
    // With QuickBooks answering fine, a redirected control site is not a sign-in page in the way.
    assert_eq!(decide(&[portal_control(), ok("http")]).id, VerdictId::LocalOk);
}

#[test]
fn captive_portal_comes_before_proxy_blocked_interception_and_outage() {
    let gateway = CheckResult::new("http", Status::Fail, "502").with("status_code", 502);
    let tls = CheckResult::new("tls", Status::Fail, "x").with("intercepted", true);
    let v = decide(&[
        portal_control(),
        proxy_said(Some(502)),
        gateway,
        tls,
        down("dns", "dns"),
    ]);
    assert_eq!(v.id, VerdictId::CaptivePortal);
}

#[test]
fn proxy_failures_are_proxy_failing_with_its_address() {
    for code in [Some(502), Some(407), None] {
        let control = proxied_control();
        let v = decide(&[control, proxy_said(code)]);
        assert_eq!(v.id, VerdictId::ProxyFailing, "{code:?}");
        assert_eq!(
            v.advice.matches("proxy.corp.invalid:3128").count(),
            1,
            "the proxy's address is said once: {}",
            v.advice
        );
        assert!(v.advice.contains("whoever runs your network"), "{}", v.advice);
    }
}

#[test]
fn a_proxy_failing_everything_is_not_offline() {
    let control = through_proxy(
        "connectivity",
        Status::Fail,
        "proxy refused",
        Facts {
            error_kind: Some(ErrorKind::Proxy),
            ..Facts::default()
        },
    );
    let v = decide(&[control, proxy_said(None)]);
    assert_eq!(v.id, VerdictId::ProxyFailing);
    // The same failures with no proxy in the path are offline.
    assert_eq!(
        decide(&[down("connectivity", "refused"), down("http", "refused")]).id,
        VerdictId::Offline
    );
}

#[test]
fn proxy_forbidding_quickbooks_is_blocked_and_proxy_comes_before_blocked() {
    let control = proxied_control();
    assert_eq!(
        decide(&[control.clone(), proxy_said(Some(403))]).id,
        VerdictId::QuickbooksBlocked
    );
    assert_eq!(
        decide(&[control, proxy_said(Some(502)), down("tcp", "refused")]).id,
        VerdictId::ProxyFailing
    );
}

#[test]
fn a_502_from_inside_the_tunnel_is_intuits() {
    let control = proxied_control();
    let inside = through_proxy(
        "http",
        Status::Fail,
        "qbo answered 502",
        Facts {
            status_code: Some(502),
            answered_by: Some(Answerer::Origin),
            ..Facts::default()
        },
    );
    assert_eq!(decide(&[control, inside]).id, VerdictId::ServiceOutage);
}

#[test]
fn one_failing_sample_of_three_is_an_outage() {
    let sampled = with_facts(
        "http",
        Status::Fail,
        "fails intermittently: 1 of 3 requests answered 502",
        Facts {
            status_code: Some(200),
            status_codes: vec![200, 502, 200],
            samples: Some(3),
            ..Facts::default()
        },
    );
    let v = decide(&[ok("connectivity"), sampled]);
    assert_eq!(v.id, VerdictId::ServiceOutage);
    assert!(v.advice.contains("1 of 3"), "{}", v.advice);
}

#[test]
fn only_the_proxy_resolving_names_is_not_offline() {
    let control = proxied_control();
    let qb = through_proxy(
        "http",
        Status::Pass,
        "ok",
        Facts {
            status_code: Some(200),
            ..Facts::default()
        },
    );
    let dns = CheckResult::new("dns", Status::Skip, "names are looked up by the proxy");
    assert_eq!(decide(&[control, qb, dns]).id, VerdictId::LocalOk);
}

#[test]
fn a_stalled_body_is_not_a_healthy_answer() {
    let stalled = with_facts(
        "http",
        Status::Fail,
        "the page stopped loading",
        Facts {
            status_code: Some(200),
            error_kind: Some(ErrorKind::BodyStalled),
            ..Facts::default()
        },
    );
    let v = decide(&[ok("connectivity"), stalled]);
    assert_eq!(v.id, VerdictId::SlowConnection, "{v:?}");
    assert!(v.advice.contains("stopped loading"), "{}", v.advice);
}

#[test]
fn the_proxy_failing_advice_says_the_address_and_what_it_said_once() {
    let control = proxied_control();
    let failed = |host: &str| {
        let words = format!(
            "the proxy proxy.corp.invalid:3128 answered 502 Bad Gateway when asked to connect to {host}:443"
        );
        through_proxy(
            "http",
            Status::Fail,
            &format!("Could not reach {host}: {words}"),
            Facts {
                error_kind: Some(ErrorKind::Proxy),
                proxy_status: Some(502),
                proxy_error: Some(words.clone()),
                answered_by: Some(Answerer::Proxy),
                ..Facts::default()
            },
        )
    };
    let v = decide(&[
        control,
        failed("qbo.intuit.invalid"),
        failed("accounts.intuit.invalid"),
    ]);
    assert_eq!(v.id, VerdictId::ProxyFailing);
    assert_eq!(
        v.advice.matches("proxy.corp.invalid:3128").count(),
        1,
        "{}",
        v.advice
    );
    assert_eq!(v.advice.matches("qbo.intuit.invalid").count(), 1, "{}", v.advice);
    assert!(v.advice.contains("answered 502 Bad Gateway"), "{}", v.advice);
    assert!(v.advice.contains("1 more request"), "{}", v.advice);
}
