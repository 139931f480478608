//! `qbfix check` against real network software, each started by its test in the foreground on
//! 127.0.0.1 with its own temp config ([`crate::support::squid`], [`crate::support::nginx`]):
//! the verdicts of DESIGN.md's table on what squid and nginx really answer, not on what the
//! loopback test proxy imitates.
//!
//! - `squid`: an office proxy — an ACL refusing QuickBooks' port (403), a password (407), a dead
//!   upstream for QuickBooks only and for everything (503 `ERR_CONNECT_FAIL`), a site's own 502
//!   relayed over plain http.
//! - `nginx`: a front end (`proxy_pass` to a dead upstream: a genuine 502; `return 503`), a
//!   Wi-Fi portal, and a `stream` filter that drops connections by the site name.
//!
//! Outside CI each test says SKIPPED and passes when the software is not installed; under
//! `CI=true` (`.ci/run`, after `.ci/packages.sh` installed it) it fails instead. Every target
//! is a loopback server, the proxy is set explicitly, and nothing looks a name up but
//! `localhost`.

mod nginx;
mod squid;

use crate::support::run::Run;
use crate::support::tls::{CA_ORG, TestCa};
use crate::support::{OPERATIONAL, Reply, Setup, World};

/// The settings of these tests: generous time limits (a real daemon on a busy machine must not
/// turn into a timeout or a "slow" verdict), the test CA trusted and expected.
fn setup(world: &World, ca: &TestCa, proxy: String) -> Setup {
    Setup {
        extra_ca_file: Some(ca.write_pem(world.dir.path())),
        expected_issuers: vec![CA_ORG.to_lowercase()],
        timeout_ms: 8000,
        dns_timeout_ms: 3000,
        slow_ms: 60_000,
        samples: 3,
        proxy,
        ..Setup::default()
    }
}

/// Healthy control site, status page and bank (plain http, on loopback servers), `quickbooks`
/// as given, on `proxy`.
fn healthy_but(world: &World, ca: &TestCa, quickbooks: String, proxy: String) -> Setup {
    Setup {
        quickbooks: vec![quickbooks],
        control: vec![control(world)],
        status_page: world.http(Reply::json(OPERATIONAL)),
        bank: vec![world.http(Reply::ok())],
        ..setup(world, ca, proxy)
    }
}

/// A control URL answering its empty 204.
fn control(world: &World) -> String {
    format!("{}generate_204", world.http(Reply::status(204).body(b"")))
}

/// The verdict's words, all of them (title, advice, actions).
fn verdict_words(run: &Run) -> String {
    let v = &run.report["verdict"];
    let mut words = vec![v["title"].as_str().unwrap_or("").to_string()];
    words.push(v["advice"].as_str().unwrap_or("").to_string());
    if let Some(actions) = v["actions"].as_array() {
        words.extend(actions.iter().filter_map(|a| a.as_str()).map(str::to_string));
    }
    words.join("\n")
}

/// The `details` of the first result with this id.
fn details<'a>(run: &'a Run, id: &str) -> &'a serde_json::Value {
    &run.results(id)
        .first()
        .unwrap_or_else(|| panic!("no {id} result:\n{}", run.dump()))["details"]
}

/// No Rust error text in any summary a person reads.
fn assert_plain_summaries(run: &Run) {
    for r in run.report["checks"].as_array().unwrap() {
        let s = r["summary"].as_str().unwrap_or("");
        for rust in ["Other(", "os error", "Custom {", "Kind("] {
            assert!(!s.contains(rust), "Rust error text in a summary: {s}");
        }
    }
}
