//! The layered probe end to end: samples on separate connections (counted at a relay), a
//! front end failing every second request, a Wi-Fi sign-in page redirecting everything, a body
//! that stalls after its headers, and slowness judged without racing a clock.

use std::sync::atomic::Ordering;
use std::time::Duration;

use crate::support;
use crate::support::{Reply, Setup, World};

#[test]
fn connections_per_quickbooks_url_equal_samples() {
    for samples in [1, 3, 5] {
        let world = World::new();
        let (qb, count) = world.relay(&world.http(Reply::ok()), Duration::ZERO);
        let setup = Setup {
            quickbooks: vec![qb],
            samples,
            ..world.healthy()
        };
        let run = world.check(&setup);
        assert_eq!(run.status("http"), "pass", "{}", run.dump());
        assert_eq!(
            count.load(Ordering::SeqCst),
            samples as usize,
            "one connection per sample, none for tcp/tls/clock"
        );
        assert_eq!(run.results("http")[0]["details"]["samples"], samples);
    }
}

#[test]
fn a_front_end_failing_every_second_request_is_a_service_outage() {
    let world = World::new();
    let setup = Setup {
        quickbooks: vec![world.alternating(Reply::ok(), Reply::status(502))],
        ..world.healthy()
    };
    let run = world.check(&setup);
    assert_eq!(run.verdict(), "service_outage", "{}", run.dump());
    let summary = run.summary("http");
    assert!(
        summary.contains("fails intermittently") && summary.contains("of 3 requests answered 502"),
        "{summary}"
    );
    let codes = run.results("http")[0]["details"]["status_codes"]
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(codes.len(), 3);
    assert!(
        codes.contains(&502.into()) && codes.contains(&200.into()),
        "{codes:?}"
    );
}

#[test]
fn a_captive_portal_redirecting_everything_is_named_with_its_host() {
    let world = World::new();
    let portal = world.http(
        Reply::status(302)
            .header("Location", "http://login.portal.invalid/welcome")
            .body(b""),
    );
    let setup = Setup {
        quickbooks: vec![portal.clone()],
        control: vec![format!("{portal}generate_204")],
        status_page: format!("{portal}summary.json"),
        ..Setup::default()
    };
    let run = world.check(&setup);
    assert_eq!(run.verdict(), "captive_portal", "{}", run.dump());
    let advice = run.report["verdict"]["advice"].as_str().unwrap();
    assert!(advice.contains("login.portal.invalid"), "{advice}");
    assert!(advice.contains("sign-in"), "{advice}");
    assert_eq!(run.results("connectivity")[0]["details"]["captive_portal"], true);
}

#[test]
fn a_body_that_stalls_after_its_headers_fails_in_plain_words() {
    let world = World::new();
    let stalled = world.raw_then_hang(b"HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\n0123456789");
    let setup = Setup {
        quickbooks: vec![stalled],
        timeout_ms: 1000,
        // A stalled body is slow whatever the threshold; with this one the control sites are
        // "under a fifth of slow_ms" however busy the machine.
        slow_ms: 600_000,
        ..world.healthy()
    };
    let run = world.check(&setup);
    assert_eq!(run.status("http"), "fail", "{}", run.dump());
    let http = &run.results("http")[0]["details"];
    assert_eq!(http["error_kind"], "body_stalled");
    assert!(
        run.summary("http")
            .contains("started to arrive and then stopped: 10 of 1000000 bytes"),
        "{}",
        run.dump()
    );
    // The control sites answered at once: the slowness is QuickBooks' (or the way to it).
    assert_eq!(run.verdict(), "quickbooks_slow", "{}", run.dump());
    assert_eq!(run.code, Some(1));
}

#[test]
fn a_delayed_reply_within_slow_ms_is_not_slow() {
    // The server waits 50 ms, which `checks::verdicts::slow_quickbooks_reply_is_slow_connection`
    // finds slow against slow_ms = 1; with a threshold no loopback reply can reach, the same
    // server is not slow.
    let world = World::new();
    let setup = Setup {
        quickbooks: vec![world.http(Reply::ok().delay(Duration::from_millis(50)))],
        slow_ms: 600_000,
        timeout_ms: 600_000,
        ..world.healthy()
    };
    let run = world.check(&setup);
    assert_eq!(run.verdict(), "local_ok", "{}", run.dump());
}

#[test]
fn passwords_in_configured_urls_never_leave_memory() {
    let world = World::new();
    let with_password = |u: String| u.replace("http://", "http://alice:s3cret@");
    let healthy = world.healthy();
    let setup = Setup {
        quickbooks: healthy.quickbooks.iter().cloned().map(with_password).collect(),
        control: healthy.control.iter().cloned().map(with_password).collect(),
        status_page: with_password(healthy.status_page.clone()),
        bank: healthy.bank.iter().cloned().map(with_password).collect(),
        ..healthy
    };
    for run in [world.check(&setup), world.check_table(&setup)] {
        assert!(
            !run.stdout.contains("s3cret") && !run.stderr.contains("s3cret"),
            "{}",
            run.dump()
        );
        assert!(!run.stdout.contains("alice"), "{}", run.dump());
    }
    let run = world.check(&setup);
    assert_eq!(
        run.verdict(),
        "local_ok",
        "credentials are still used: {}",
        run.dump()
    );
    let target = run.results("http")[0]["details"]["target"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(target.starts_with("http://***@127.0.0.1:"), "{target}");
    for entry in support::files_under(&world.dir.path().join("data")) {
        let text = std::fs::read_to_string(&entry).unwrap_or_default();
        assert!(!text.contains("s3cret"), "{}", entry.display());
    }
}
