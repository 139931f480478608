//! The invariant under proptest, over arbitrary results with arbitrary facts: the verdict is
//! the first matching row, never contradicts the evidence (`local_ok` only when no network check
//! failed or errored), and each row holds its precondition.

use proptest::prelude::*;

use super::*;
use crate::evidence::decide;
use crate::evidence::facts::CertProblem;
use rows::NETWORK_CHECKS;

const IDS: [&str; 10] = [
    "connectivity",
    "dns",
    "tcp",
    "tls",
    "http",
    "status_page",
    "bank",
    "clock",
    "proxy",
    "system",
];

fn status() -> impl Strategy<Value = Status> {
    prop_oneof![
        Just(Status::Pass),
        Just(Status::Warn),
        Just(Status::Fail),
        Just(Status::Skip),
        Just(Status::Error),
    ]
}

fn kind() -> impl Strategy<Value = ErrorKind> {
    prop_oneof![
        Just(ErrorKind::Dns),
        Just(ErrorKind::Refused),
        Just(ErrorKind::Unreachable),
        Just(ErrorKind::Timeout),
        Just(ErrorKind::Tls),
        Just(ErrorKind::Connect),
        Just(ErrorKind::Http),
        Just(ErrorKind::Proxy),
        Just(ErrorKind::Portal),
        Just(ErrorKind::BodyStalled),
        Just(ErrorKind::Closed),
        Just(ErrorKind::Reset),
        Just(ErrorKind::TlsCut),
        Just(ErrorKind::Other),
    ]
}

fn cert_problem() -> impl Strategy<Value = CertProblem> {
    prop_oneof![
        Just(CertProblem::SelfSigned),
        Just(CertProblem::Expired),
        Just(CertProblem::NotYetValid),
        Just(CertProblem::WrongName),
        Just(CertProblem::UnknownIssuer),
        Just(CertProblem::Other),
    ]
}

fn answerer() -> impl Strategy<Value = Answerer> {
    prop_oneof![Just(Answerer::Origin), Just(Answerer::Proxy)]
}

fn code() -> impl Strategy<Value = u16> {
    prop_oneof![
        Just(200u16),
        Just(204),
        Just(302),
        Just(403),
        Just(407),
        Just(451),
        Just(500),
        Just(502),
        Just(503),
        Just(504),
    ]
}

/// A product the `tls` check may name: every one of the data file, or one it does not know.
fn product() -> impl Strategy<Value = String> {
    let mut names: Vec<String> = crate::evidence::products::all()
        .iter()
        .map(|p| p.name.clone())
        .collect();
    names.push("Unheard-of Shield 9".into());
    proptest::sample::select(names)
}

/// What proxies say, as the probe words it, with the host they were asked for.
fn proxy_error() -> impl Strategy<Value = String> {
    proptest::sample::select(vec![
        "the proxy proxy.corp.invalid:3128 answered 502 Bad Gateway when asked to connect to qbo.intuit.invalid:443".to_string(),
        "the proxy proxy.corp.invalid:3128 asks for a password (407 Proxy Authentication Required)".into(),
        "the proxy proxy.corp.invalid:3128 could not be found (name lookup failed)".into(),
        "the proxy proxy.corp.invalid:3128 closed the connection without answering".into(),
        "the SOCKS proxy proxy.corp.invalid:3128 does not allow connections to qbo.intuit.invalid:443".into(),
        "the SOCKS proxy proxy.corp.invalid:3128 has no route to qbo.intuit.invalid".into(),
    ])
}

prop_compose! {
    fn facts()(
        (status_code, status_codes, error_kind, intercepted, slow, outage) in (
            proptest::option::of(code()),
            proptest::collection::vec(code(), 0..3),
            proptest::option::of(kind()),
            proptest::option::of(any::<bool>()),
            proptest::option::of(any::<bool>()),
            proptest::option::of(any::<bool>()),
        ),
        (captive_portal, proxied, answered_by, proxy_status, cert_seen, cert_problem) in (
            proptest::option::of(any::<bool>()),
            any::<bool>(),
            proptest::option::of(answerer()),
            proptest::option::of(code()),
            proptest::option::of(any::<bool>()),
            proptest::option::of(cert_problem()),
        ),
        (ttfb_ms, slow_ms, https, product, proxy_error, proxy_product, proxy_error_code, redirected_to) in (
            proptest::option::of(0u64..5000),
            proptest::option::of(100u64..3000),
            any::<bool>(),
            proptest::option::of(product()),
            proptest::option::of(proxy_error()),
            proptest::option::of(Just("squid".to_string())),
            proptest::option::of(Just("ERR_CONNECT_FAIL".to_string())),
            proptest::option::of(Just("login.portal.invalid".to_string())),
        ),
    ) -> Facts {
        Facts {
            status_code,
            status_codes,
            error_kind,
            intercepted,
            slow,
            outage,
            captive_portal,
            proxy: proxied.then(|| "proxy.corp.invalid:3128".to_string()),
            answered_by,
            proxy_status,
            cert_seen,
            cert_problem,
            product,
            proxy_error,
            proxy_product,
            proxy_error_code,
            redirected_to,
            ttfb_ms,
            slow_ms,
            target: Some(if https { "https://qbo.intuit.invalid/" } else { "http://qbo.intuit.invalid/" }.into()),
            ..Facts::default()
        }
    }
}

fn result() -> impl Strategy<Value = CheckResult> {
    (proptest::sample::select(IDS.to_vec()), status(), facts())
        .prop_map(|(id, status, f)| with_facts(id, status, &format!("{id} {status:?}"), f))
}

fn any_of(results: &[CheckResult], id: &str, test: impl Fn(&CheckResult, &Facts) -> bool) -> bool {
    results.iter().filter(|r| r.id == id).any(|r| test(r, &r.facts()))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn the_verdict_never_contradicts_the_evidence(results in proptest::collection::vec(result(), 0..10)) {
        let v = decide(&results);
        let failed = |r: &CheckResult, _: &Facts| matches!(r.status, Status::Fail | Status::Error);
        let network_failed = NETWORK_CHECKS.iter().any(|id| any_of(&results, id, failed));
        let proxied = results.iter().any(|r| r.facts().proxy.is_some());
        match v.id {
            VerdictId::LocalOk => prop_assert!(!network_failed, "local_ok with a failed network check"),
            VerdictId::Unexplained => prop_assert!(network_failed),
            VerdictId::HttpsIntercepted => prop_assert!(
                any_of(&results, "tls", |_, f| f.cert_seen == Some(true)),
                "interception without a certificate"
            ),
            VerdictId::ProxyFailing => prop_assert!(proxied, "proxy_failing with no proxy"),
            VerdictId::Offline => prop_assert!(!proxied, "offline with a proxy in the path"),
            VerdictId::ClockWrong => prop_assert!(any_of(&results, "clock", |r, _| r.status == Status::Fail)),
            VerdictId::CaptivePortal => prop_assert!(
                any_of(&results, "connectivity", |_, f| f.captive_portal == Some(true))
            ),
            VerdictId::QuickbooksSlow => {
                let slow_ms = results.iter().find_map(|r| r.facts().slow_ms);
                prop_assert!(slow_ms.is_some(), "quickbooks_slow without a threshold");
                let slow_ms = slow_ms.unwrap_or_default();
                let control: Vec<Facts> = results
                    .iter()
                    .filter(|r| r.id == "connectivity" && r.status != Status::Skip)
                    .map(CheckResult::facts)
                    .collect();
                prop_assert!(!control.is_empty(), "quickbooks_slow with no control site");
                for f in control {
                    let ms = f.ttfb_ms.or(f.total_ms);
                    prop_assert!(ms.is_some_and(|ms| ms * 5 < slow_ms), "a slow control site: {ms:?} of {slow_ms}");
                }
            }
            VerdictId::ServiceOutage => prop_assert!(
                any_of(&results, "status_page", |_, f| f.outage == Some(true))
                    || any_of(&results, "http", |_, f| f.answered_by != Some(Answerer::Proxy)
                        && f.all_statuses().iter().any(|c| (502..=504).contains(c)))
            ),
            VerdictId::BankUnreachable => prop_assert!(any_of(&results, "bank", failed)),
            VerdictId::QuickbooksBlocked | VerdictId::SlowConnection => {}
        }
        prop_assert!(!v.title.is_empty() && !v.advice.is_empty());
        prop_assert!((1..=4).contains(&v.actions.len()));
        // DESIGN's limits on the words, and no target's host in the advice.
        crate::evidence::verdict_words::tests::assert_limits(&v, &["qbo.intuit.invalid"]);
    }

    #[test]
    fn the_verdict_is_the_first_matching_row_whatever_the_order(results in proptest::collection::vec(result(), 0..10)) {
        let ev = rows::Evidence::new(&results);
        let first = ROWS.iter().find_map(|row| row(&ev)).unwrap_or(Finding::LocalOk);
        prop_assert_eq!(find(&results), first.clone());
        let mut reversed = results.clone();
        reversed.reverse();
        prop_assert_eq!(find(&reversed).id(), first.id());
    }
}
