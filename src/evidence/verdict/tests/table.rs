//! The rows of the verdict table one by one, and their order.

use super::*;
use crate::evidence::decide;

#[test]
fn nothing_answering_is_offline() {
    let v = decide(&[down("connectivity", "dns"), down("http", "timeout")]);
    assert_eq!(v.id, VerdictId::Offline);
    // Issue 17: the advice says what failed in plain words, never the checks' own lines.
    assert!(!v.advice.contains("http timeout"), "{}", v.advice);
    assert!(
        v.advice.starts_with("Neither test sites nor QuickBooks answer"),
        "{}",
        v.advice
    );
    let names = decide(&[down("connectivity", "dns"), down("http", "dns")]);
    assert!(
        names.advice.contains("no web address can be looked up"),
        "{}",
        names.advice
    );
}

#[test]
fn the_advice_names_how_the_network_failed_not_each_target() {
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
    assert!(!v.advice.contains("Could not reach"), "{}", v.advice);
    assert!(v.advice.contains("connections are refused"), "{}", v.advice);
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
    let tls = seen_tls("issuer Avast");
    assert_eq!(
        decide(&[ok("connectivity"), ok("http"), tls]).id,
        VerdictId::HttpsIntercepted
    );
    // An https request that failed on TLS, with no certificate seen, is no interception.
    let v = decide(&[ok("connectivity"), ok("http"), down("http", "tls")]);
    assert_eq!(v.id, VerdictId::Unexplained);
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
    // A plain 500 is not a gateway failure, but it failed: never "looks fine".
    let plain_500 = CheckResult::new("http", Status::Fail, "500").with("status_code", 500);
    assert_eq!(
        decide(&[ok("connectivity"), plain_500]).id,
        VerdictId::Unexplained
    );
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
    // A bank result alone, with QuickBooks not tested, is not this verdict (nor "fine").
    assert_eq!(decide(&[ok("connectivity"), bank]).id, VerdictId::Unexplained);
}

#[test]
fn slow_reply_is_slow_connection() {
    let slow = ok("http").with("slow", true);
    assert_eq!(decide(&[ok("connectivity"), slow]).id, VerdictId::SlowConnection);
}

#[test]
fn first_match_wins() {
    let gateway = CheckResult::new("http", Status::Fail, "502").with("status_code", 502);
    let tls = seen_tls("x");
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
            "clock_wrong",
            "https_intercepted",
            "service_outage",
            "bank_unreachable",
            "quickbooks_slow",
            "slow_connection",
            "unexplained",
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
        seen_tls("untrusted"),
    ] {
        let v = decide(&[portal_control(), qb]);
        assert_eq!(v.id, VerdictId::CaptivePortal);
        assert_eq!(
            v.advice.matches("login.hotel.invalid").count(),
            1,
            "the sign-in host is named once: {}",
            v.advice
        );
        assert!(v.advice.contains("sign-in"), "{}", v.advice);
    }
    // With QuickBooks answering fine over trusted https, a redirected control site is not a
    // sign-in page in the way.
    let https_ok = ok("http").with("target", "https://qbo.intuit.invalid/");
    assert_eq!(decide(&[portal_control(), https_ok]).id, VerdictId::LocalOk);
}

#[test]
fn captive_portal_comes_before_proxy_blocked_interception_and_outage() {
    let gateway = CheckResult::new("http", Status::Fail, "502").with("status_code", 502);
    let tls = seen_tls("x");
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
    // Down (no answer) or asking for a password: the proxy as a whole, whatever else passed.
    for code in [Some(407), None] {
        let control = proxied_control();
        let v = decide(&[control, proxy_said(code)]);
        assert_eq!(v.id, VerdictId::ProxyFailing, "{code:?}");
        assert_eq!(
            v.advice.matches("proxy.corp.invalid:3128").count(),
            1,
            "the proxy's address is said once: {}",
            v.advice
        );
        assert!(v.advice.contains("Whoever runs your network"), "{}", v.advice);
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
        decide(&[control, proxy_said(None), down("tcp", "refused")]).id,
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
    // The proxy fails the control sites too: the proxy as a whole.
    let control = through_proxy(
        "connectivity",
        Status::Fail,
        "the proxy answered 502",
        Facts {
            error_kind: Some(ErrorKind::Proxy),
            proxy_status: Some(502),
            answered_by: Some(Answerer::Proxy),
            ..Facts::default()
        },
    );
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
    // Issue 17: no list of hosts in the advice; what the proxy said, once.
    assert!(!v.advice.contains("intuit.invalid"), "{}", v.advice);
    assert_eq!(
        v.advice.matches("answered 502 Bad Gateway").count(),
        1,
        "{}",
        v.advice
    );
}
