//! The `http` judging of sampled probes: every outcome a user can meet.

use super::*;
use crate::probe::{Failure, Reply};
use url::Url;

fn answered(code: u16, ttfb_ms: u64) -> Sample {
    Sample {
        answer: Some(Reply {
            status: code,
            reason: hyper::StatusCode::from_u16(code)
                .ok()
                .and_then(|c| c.canonical_reason())
                .map(str::to_string),
            ttfb: Duration::from_millis(ttfb_ms),
            ..Reply::default()
        }),
        body: Some((Vec::new(), false)),
        ..Sample::default()
    }
}

fn judged(samples: Vec<Sample>) -> CheckResult {
    let probe = UrlProbe {
        url: Url::parse("https://alice:s3cret@qbo.invalid/").unwrap(),
        samples,
        bypassed: false,
    };
    judge(ID, "QuickBooks", &probe, Duration::from_millis(1000))
}

#[test]
fn all_samples_fine_pass_with_median_times() {
    let r = judged(vec![answered(200, 30), answered(200, 10), answered(200, 20)]);
    assert_eq!(r.status, Status::Pass);
    let f = r.facts();
    assert_eq!(
        (f.status_code, f.ttfb_ms, f.samples),
        (Some(200), Some(20), Some(3))
    );
    assert_eq!(f.status_codes, [200, 200, 200]);
    assert_eq!(f.answered_by, Some(Answerer::Origin));
    assert_eq!(r.detail_str("target"), Some("https://***@qbo.invalid/"));
}

#[test]
fn one_gateway_error_of_three_is_an_intermittent_failure() {
    let r = judged(vec![answered(200, 10), answered(502, 10), answered(200, 10)]);
    assert_eq!(r.status, Status::Fail);
    assert!(
        r.summary
            .contains("fails intermittently: 1 of 3 requests answered 502"),
        "{}",
        r.summary
    );
    assert_eq!(r.facts().status_code, Some(502));
}

#[test]
fn every_sample_a_gateway_error_is_named() {
    let r = judged(vec![answered(503, 10)]);
    assert!(r.summary.contains("503 Service Unavailable"), "{}", r.summary);
    let r = judged(vec![answered(500, 10)]);
    assert!(r.summary.contains("server error"), "{}", r.summary);
}

#[test]
fn slow_median_warns() {
    let r = judged(vec![answered(200, 1500), answered(200, 1200), answered(200, 10)]);
    assert_eq!(r.status, Status::Warn);
    assert_eq!(r.facts().slow, Some(true));
}

#[test]
fn a_stalled_body_fails_in_plain_words() {
    let mut s = answered(200, 5);
    s.failure = Some(Failure {
        layer: Layer::Body,
        kind: ErrorKind::BodyStalled,
        text: "the page started to arrive and then stopped: 10 of 1000000 bytes in 1.5 s".into(),
        dns: None,
    });
    let r = judged(vec![s]);
    assert_eq!(r.status, Status::Fail);
    assert_eq!(r.facts().error_kind, Some(ErrorKind::BodyStalled));
    assert!(
        r.summary.contains("started to arrive and then stopped"),
        "{}",
        r.summary
    );
}

#[test]
fn nothing_answering_keeps_the_kind_and_the_proxys_own_answer() {
    let r = judged(vec![Sample::failing(
        Layer::Connect,
        ErrorKind::Refused,
        "the connection was refused",
    )]);
    assert_eq!(r.status, Status::Fail);
    assert_eq!(r.facts().error_kind, Some(ErrorKind::Refused));
    let mut s = Sample::failing(
        Layer::Proxy,
        ErrorKind::Proxy,
        "the proxy p:1 asks for a password (407 Proxy Authentication Required)",
    );
    s.via = Some("p:1".into());
    s.proxy_status = Some(407);
    let f = judged(vec![s]).facts();
    assert_eq!(
        (f.error_kind, f.proxy_status),
        (Some(ErrorKind::Proxy), Some(407))
    );
    assert_eq!(f.answered_by, Some(Answerer::Proxy));
    assert_eq!(f.status_code, None, "the proxy's answer is not the site's");
    assert!(f.proxy_error.unwrap().contains("password"));
}

#[test]
fn a_sample_without_answer_among_answers_is_intermittent() {
    let r = judged(vec![
        answered(200, 5),
        Sample::failing(Layer::Connect, ErrorKind::Timeout, "no answer within 1 s"),
    ]);
    assert_eq!(r.status, Status::Fail);
    assert!(
        r.summary.contains("1 of 2 requests got no answer"),
        "{}",
        r.summary
    );
}

#[test]
fn possessives_read_as_the_project_writes_them() {
    assert_eq!(possessive("QuickBooks"), "QuickBooks'");
    assert_eq!(possessive("your bank"), "your bank's");
}
