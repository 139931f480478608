//! The facts the verdict's rows read, as the checks write them: `slow_ms`, the times and a
//! digest of the page on every `http` and `connectivity` result (the same sign-in page has the
//! same digest); the clock read from any answer with a `Date` (a control site's, when every
//! QuickBooks certificate is refused), failing past 5 minutes; and a dead IPv6 path named in
//! `details.fallback`, not failed.

use crate::support::tls::TestCa;
use crate::support::{Reply, Setup, World, http_date};

#[test]
fn http_and_connectivity_results_carry_slow_ms_times_and_a_body_digest() {
    let world = World::new();
    let page: &[u8] = b"<html>Sign in to Hotel Wi-Fi</html>";
    let portal = world.http(Reply::ok().body(page));
    let setup = Setup {
        quickbooks: vec![portal.clone(), world.http(Reply::ok().body(b"QuickBooks"))],
        control: vec![format!("{portal}generate_204")],
        slow_ms: 1234,
        ..world.healthy()
    };
    let run = world.check(&setup);
    let control = &run.results("connectivity")[0]["details"];
    let http: Vec<_> = run.results("http").iter().map(|r| &r["details"]).collect();
    for d in http.iter().copied().chain([control]) {
        assert_eq!(d["slow_ms"], 1234, "{d}");
        assert!(d["ttfb_ms"].is_u64() && d["total_ms"].is_u64(), "{d}");
        let digest = d["body_digest"].as_str().unwrap();
        assert!(
            digest.len() == 16 && digest.chars().all(|c| c.is_ascii_hexdigit()),
            "{digest}"
        );
    }
    assert_eq!(http[0]["body_digest"], control["body_digest"], "the same page");
    assert_ne!(http[1]["body_digest"], control["body_digest"], "another page");
}

#[test]
fn the_clock_is_read_from_a_control_site_when_every_certificate_is_refused() {
    let world = World::new();
    let untrusted = TestCa::new("Nobody Trusts Me");
    let three_hours_ago = jiff::Timestamp::now() - jiff::SignedDuration::from_hours(3);
    let control = world.http(
        Reply::status(204)
            .body(b"")
            .header("Date", &http_date(three_hours_ago)),
    );
    let setup = Setup {
        quickbooks: vec![world.https(&untrusted.server_cert(), Reply::ok())],
        control: vec![format!("{control}generate_204")],
        ..world.healthy()
    };
    let run = world.check(&setup);
    assert_eq!(run.status("tls"), "fail", "{}", run.dump());
    assert_eq!(run.status("clock"), "fail", "{}", run.dump());
    assert!(run.summary("clock").contains("3 hours ahead"), "{}", run.dump());
    let target = run.results("clock")[0]["details"]["target"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(target.ends_with("generate_204"), "{target}");
}

#[test]
fn a_clock_off_by_more_than_five_minutes_fails() {
    let world = World::new();
    let seven_minutes_ago = jiff::Timestamp::now() - jiff::SignedDuration::from_mins(7);
    let setup = Setup {
        quickbooks: vec![world.http(Reply::ok().header("Date", &http_date(seven_minutes_ago)))],
        ..world.healthy()
    };
    let run = world.check(&setup);
    assert_eq!(run.status("clock"), "fail", "{}", run.dump());
    assert!(run.summary("clock").contains("7 minutes ahead"), "{}", run.dump());
}

#[test]
fn an_ipv6_address_that_does_not_connect_is_named_and_ipv4_is_used() {
    // The server listens on 127.0.0.1 only; `localhost` is ::1 and 127.0.0.1, IPv6 first.
    let world = World::new();
    let setup = Setup {
        quickbooks: vec![world.http(Reply::ok()).replace("127.0.0.1", "localhost")],
        ..world.healthy()
    };
    let run = world.check(&setup);
    assert_eq!(run.status("tcp"), "pass", "{}", run.dump());
    let tcp = &run.results("tcp")[0]["details"];
    let fallback = tcp["fallback"].as_str().unwrap_or_else(|| panic!("{tcp}"));
    assert!(
        fallback.starts_with("IPv6 address ::1 ") && fallback.ends_with("; connected over IPv4"),
        "{fallback}"
    );
    assert!(
        tcp["address"].as_str().unwrap().starts_with("127.0.0.1:"),
        "{tcp}"
    );
}
