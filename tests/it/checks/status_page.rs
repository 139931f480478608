//! The `status_page` check end to end: a loopback server plays Intuit's status page with an
//! incident, a major outage, garbage, HTML, hostile strings (escape sequences, bidi controls),
//! an oversized body, a body that stops arriving and an error status.

use crate::support::{Reply, Setup, World};

fn corpus(name: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/status")
        .join(name);
    std::fs::read(path).unwrap()
}

/// A healthy world whose status page gives `reply`.
fn with_page(world: &World, reply: Reply) -> Setup {
    Setup {
        status_page: world.http(reply),
        ..world.healthy()
    }
}

fn page(body: &[u8]) -> Reply {
    Reply::ok().header("Content-Type", "application/json").body(body)
}

#[test]
fn open_incident_is_service_outage_and_named() {
    let world = World::new();
    let run = world.check(&with_page(&world, page(&corpus("incident_minor.json"))));
    assert_eq!(run.verdict(), "service_outage", "{}", run.dump());
    assert_eq!(run.status("status_page"), "warn");
    assert_eq!(
        run.summary("status_page"),
        "Intuit reports: Bank Feeds — degraded performance; incident 'Bank feeds delayed'"
    );
    let details = &run.results("status_page")[0]["details"];
    assert_eq!(details["outage"], true);
    assert_eq!(details["incidents"][0]["name"], "Bank feeds delayed");
    assert_eq!(details["components"][0]["status"], "degraded_performance");
    assert!(
        run.report["verdict"]["advice"]
            .as_str()
            .unwrap()
            .contains("Bank feeds delayed")
    );
    assert_eq!(run.code, Some(1));
    run.assert_clean();
}

#[test]
fn major_outage_fails_the_status_page_check() {
    let world = World::new();
    let run = world.check(&with_page(&world, page(&corpus("major_outage.json"))));
    assert_eq!(run.verdict(), "service_outage", "{}", run.dump());
    assert_eq!(run.status("status_page"), "fail");
    assert!(
        run.summary("status_page").contains("major outage"),
        "{}",
        run.dump()
    );
    run.assert_clean();
}

/// A reply that is not a status summary: a warning (it says nothing about the path to
/// QuickBooks), never an outage, an error or "all fine".
fn unreadable(reply: Reply, expect_in_summary: &str) {
    let world = World::new();
    let run = world.check(&with_page(&world, reply));
    assert_eq!(run.status("status_page"), "warn", "{}", run.dump());
    assert!(
        run.summary("status_page").contains(expect_in_summary),
        "{}",
        run.dump()
    );
    assert_eq!(run.results("status_page")[0]["details"]["outage"], false);
    assert_eq!(run.verdict(), "local_ok", "{}", run.dump());
    assert_eq!(run.code, Some(1), "an unreadable status page is worth a look");
    run.assert_clean();
}

#[test]
fn garbage_status_page_is_a_warning() {
    unreadable(page(b"\x00\x01 not json at all {{{"), "could not be read");
}

#[test]
fn html_status_page_is_a_warning() {
    let html = corpus("page.html");
    unreadable(
        Reply::status(200).header("Content-Type", "text/html").body(&html),
        "web page",
    );
}

#[test]
fn oversized_status_page_is_not_read() {
    let mut body = b"{\"status\":{\"indicator\":\"none\"},\"pad\":\"".to_vec();
    body.extend(std::iter::repeat_n(b'x', 2 * 1024 * 1024));
    body.extend(b"\"}");
    unreadable(page(&body), "more than 1024 KiB");
}

#[test]
fn status_page_body_that_stops_arriving_times_out() {
    // The headers and the start of the body arrive, the rest never does: no race with a clock.
    let world = World::new();
    let stalled = world.raw_then_hang(
        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{\"page\":",
    );
    let setup = Setup {
        status_page: format!("{stalled}api/v2/summary.json"),
        ..world.healthy()
    };
    let run = world.check(&setup);
    assert_eq!(run.status("status_page"), "warn", "{}", run.dump());
    assert!(
        run.summary("status_page").contains("did not finish within"),
        "{}",
        run.dump()
    );
    assert_eq!(run.results("status_page")[0]["details"]["outage"], false);
}

#[test]
fn status_page_error_status_is_an_error() {
    unreadable(Reply::status(500).body(b"oops"), "answered 500");
}

#[test]
fn hostile_strings_are_sanitized_in_json_and_table() {
    let world = World::new();
    let setup = with_page(&world, page(&corpus("hostile.json")));
    let run = world.check(&setup);
    assert_eq!(run.verdict(), "service_outage", "{}", run.dump());
    assert_eq!(run.status("status_page"), "fail");
    run.assert_clean();
    let summary = run.summary("status_page");
    assert!(summary.contains("Bankinggnikna — major outage"), "{summary}");
    assert!(summary.contains("Feeds down evil"), "{summary}");
    let table = world.check_table(&setup);
    table.assert_clean();
    assert!(table.stdout.contains("Bankinggnikna"), "{}", table.stdout);
    assert_eq!(table.code, Some(1));
}
