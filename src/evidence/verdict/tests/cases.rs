//! The cases issue 15 saw on hostile networks, each as the facts the probe now records and the
//! verdict DESIGN's table gives them.

use super::*;
use crate::evidence::{CertProblem, decide};

/// A QuickBooks `http` result that failed with `kind` after connecting.
fn qb_cut(kind: ErrorKind) -> CheckResult {
    with_facts(
        "http",
        Status::Fail,
        "Could not load qbo.intuit.invalid: the server closed the connection without answering",
        Facts {
            error_kind: Some(kind),
            target: Some("https://qbo.intuit.invalid/".into()),
            ..Facts::default()
        },
    )
}

#[test]
fn case_1_quickbooks_cut_off_after_connecting_is_blocked_never_fine() {
    for kind in [ErrorKind::Closed, ErrorKind::Reset, ErrorKind::Http] {
        let v = decide(&[ok("connectivity"), ok("status_page"), qb_cut(kind)]);
        assert_eq!(v.id, VerdictId::QuickbooksBlocked, "{kind:?}");
    }
}

#[test]
fn case_2_a_proxy_that_drops_every_connection_is_proxy_failing() {
    let dropped = |id: &str| {
        through_proxy(
            id,
            Status::Fail,
            "the proxy closed the connection without answering",
            Facts {
                error_kind: Some(ErrorKind::Proxy),
                proxy_error: Some("closed the connection without answering".into()),
                ..Facts::default()
            },
        )
    };
    let v = decide(&[
        dropped("connectivity"),
        dropped("http"),
        dropped("status_page"),
        CheckResult::new("proxy", Status::Warn, "a proxy is set"),
    ]);
    assert_eq!(v.id, VerdictId::ProxyFailing);
    assert!(v.advice.contains("proxy.corp.invalid:3128"), "{}", v.advice);
}

#[test]
fn case_3_a_handshake_cut_before_any_certificate_is_blocked_not_interception() {
    let cut = with_facts(
        "tls",
        Status::Fail,
        "the secure connection was cut off before the site showed a certificate",
        Facts {
            error_kind: Some(ErrorKind::TlsCut),
            cert_seen: Some(false),
            intercepted: Some(false),
            ..Facts::default()
        },
    );
    let v = decide(&[ok("connectivity"), cut.clone(), qb_cut(ErrorKind::TlsCut)]);
    assert_eq!(v.id, VerdictId::QuickbooksBlocked);
    // Even if an older probe had called it intercepted: no certificate, no interception.
    let claimed = cut.with("intercepted", true);
    let v = decide(&[ok("connectivity"), claimed]);
    assert_ne!(v.id, VerdictId::HttpsIntercepted);
}

#[test]
fn case_5_a_portal_answering_200_for_control_and_plain_http_quickbooks_is_captive() {
    let page = Facts {
        status_code: Some(200),
        captive_portal: Some(true),
        body_digest: Some("9f1c0a".into()),
        answered_by: Some(Answerer::Origin),
        ..Facts::default()
    };
    let control = with_facts(
        "connectivity",
        Status::Warn,
        "A Wi-Fi sign-in page answered",
        page.clone(),
    );
    let qb = with_facts(
        "http",
        Status::Pass,
        "qbo answered 200",
        Facts {
            captive_portal: None,
            target: Some("http://qbo.intuit.invalid/".into()),
            ..page
        },
    );
    assert_eq!(decide(&[control, qb]).id, VerdictId::CaptivePortal);
}

/// squid's own answer for QuickBooks (with its marks), to CONNECT.
fn squid_said(code: u16, error: &str) -> CheckResult {
    through_proxy(
        "http",
        Status::Fail,
        &format!("the proxy answered {code}"),
        Facts {
            error_kind: Some(ErrorKind::Proxy),
            proxy_status: Some(code),
            proxy_error: Some(format!(
                "the proxy proxy.corp.invalid:3128 answered {code} ({error})"
            )),
            proxy_error_code: Some(error.into()),
            proxy_product: Some("squid".into()),
            answered_by: Some(Answerer::Proxy),
            ..Facts::default()
        },
    )
}

#[test]
fn case_6_who_said_it_through_a_proxy() {
    // The site's own 502, relayed by squid over plain http: Intuit's.
    let relayed = through_proxy(
        "http",
        Status::Fail,
        "qbo answered 502",
        Facts {
            status_code: Some(502),
            answered_by: Some(Answerer::Origin),
            ..Facts::default()
        },
    );
    assert_eq!(decide(&[proxied_control(), relayed]).id, VerdictId::ServiceOutage);
    // squid carries the control sites but cannot reach QuickBooks: blocked, naming squid.
    for (code, error) in [
        (503, "ERR_CONNECT_FAIL"),
        (500, "ERR_CANNOT_FORWARD"),
        (403, "ERR_ACCESS_DENIED"),
    ] {
        let v = decide(&[proxied_control(), squid_said(code, error)]);
        assert_eq!(v.id, VerdictId::QuickbooksBlocked, "{code}");
        assert!(v.advice.contains("squid"), "{}", v.advice);
        assert!(v.advice.contains(error), "{}", v.advice);
        assert!(v.advice.contains("proxy.corp.invalid:3128"), "{}", v.advice);
    }
    // The same errors for the control sites too: the proxy fails as a whole.
    let control = through_proxy(
        "connectivity",
        Status::Fail,
        "the proxy answered 503",
        Facts {
            error_kind: Some(ErrorKind::Proxy),
            proxy_status: Some(503),
            answered_by: Some(Answerer::Proxy),
            ..Facts::default()
        },
    );
    let v = decide(&[control, squid_said(503, "ERR_CONNECT_FAIL")]);
    assert_eq!(v.id, VerdictId::ProxyFailing);
    // A password request is always the proxy's.
    assert_eq!(
        decide(&[proxied_control(), squid_said(407, "ERR_CACHE_ACCESS_DENIED")]).id,
        VerdictId::ProxyFailing
    );
}

#[test]
fn case_8_a_wrong_clock_is_named_before_interception() {
    let clock = CheckResult::new(
        "clock",
        Status::Fail,
        "Your clock is 3 hours behind QuickBooks' servers",
    )
    .with("offset_seconds", -10800);
    let dates = with_facts(
        "tls",
        Status::Fail,
        "qbo's certificate is not valid yet",
        Facts {
            intercepted: Some(false),
            cert_seen: Some(true),
            cert_problem: Some(CertProblem::NotYetValid),
            error_kind: Some(ErrorKind::Tls),
            ..Facts::default()
        },
    );
    let v = decide(&[ok("connectivity"), dates, clock.clone()]);
    assert_eq!(v.id, VerdictId::ClockWrong);
    // Even when the certificate was also called an interception, the clock comes first.
    let v = decide(&[ok("connectivity"), seen_tls("untrusted"), clock]);
    assert_eq!(v.id, VerdictId::ClockWrong);
}

/// A result answering after `ms`, judged against `slow_ms` 1000.
fn timed(id: &str, ms: u64) -> CheckResult {
    with_facts(
        id,
        Status::Pass,
        &format!("{id} answered in {ms} ms"),
        Facts {
            status_code: Some(200),
            ttfb_ms: Some(ms),
            total_ms: Some(ms),
            slow: (id == "http").then_some(ms > 1000),
            slow_ms: Some(1000),
            ..Facts::default()
        },
    )
}

#[test]
fn case_9_only_quickbooks_slow_is_quickbooks_side_not_the_connection() {
    let v = decide(&[
        timed("connectivity", 5),
        timed("connectivity", 48),
        timed("http", 2500),
    ]);
    assert_eq!(v.id, VerdictId::QuickbooksSlow);
    assert_eq!(v.id.side(), crate::evidence::Side::Intuit);
    // Control sites slow too (over a fifth of slow_ms): the connection.
    let v = decide(&[timed("connectivity", 600), timed("http", 2500)]);
    assert_eq!(v.id, VerdictId::SlowConnection);
    // Exactly a fifth is not "under a fifth".
    let v = decide(&[timed("connectivity", 200), timed("http", 2500)]);
    assert_eq!(v.id, VerdictId::SlowConnection);
}

#[test]
fn case_10_a_bank_typo_warns_and_the_verdict_follows_the_other_checks() {
    let typo = CheckResult::new(
        "bank",
        Status::Warn,
        "No such address: mybank.invalid — check the spelling",
    )
    .with("error_kind", "dns");
    assert_eq!(
        decide(&[ok("connectivity"), ok("http"), typo]).id,
        VerdictId::LocalOk
    );
}

#[test]
fn case_11_a_named_product_is_named_in_the_words() {
    let avast = with_facts(
        "tls",
        Status::Warn,
        "qbo presented a certificate from Avast Web/Mail Shield Root",
        Facts {
            intercepted: Some(true),
            cert_seen: Some(true),
            product: Some("Avast Web Shield".into()),
            ..Facts::default()
        },
    );
    let v = decide(&[ok("connectivity"), ok("http"), avast]);
    assert_eq!(v.id, VerdictId::HttpsIntercepted);
    assert!(v.advice.starts_with("Avast Web Shield"), "{}", v.advice);
}

#[test]
fn an_unreadable_status_page_warns_and_a_healthy_path_stays_fine() {
    let unreadable = CheckResult::new("status_page", Status::Warn, "The status page could not be read");
    assert_eq!(
        decide(&[ok("connectivity"), ok("http"), unreadable]).id,
        VerdictId::LocalOk
    );
}

#[test]
fn a_failure_no_row_explains_is_unexplained_and_names_the_check() {
    let odd = CheckResult::new("status_page", Status::Error, "the status page check crashed");
    let v = decide(&[ok("connectivity"), ok("http"), odd]);
    assert_eq!(v.id, VerdictId::Unexplained);
    assert!(v.advice.contains("Intuit status page"), "{}", v.advice);
}
