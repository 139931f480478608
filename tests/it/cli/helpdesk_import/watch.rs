//! `watch` through the real binary, piped: one line per poll, exit 0 with a bell once QuickBooks
//! recovers; exit 1 when it gives up at the timeout; a short interval refused.

use predicates::prelude::*;

use super::{MAJOR_OUTAGE, qbfix};
use crate::support::{Reply, Setup, World};

fn watch(world: &World, setup: &Setup, args: &[&str]) -> (Option<i32>, String) {
    let config = world.write_config(setup);
    let out = qbfix(world, &config).arg("watch").args(args).output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).to_string(),
    )
}

#[test]
fn watch_exits_0_with_a_bell_once_quickbooks_recovers() {
    let world = World::new();
    // Two polls' worth of 502s (3 samples each), then 200.
    let (qbo, counter) = world.counted(Reply::status(502), 6, Reply::ok());
    let setup = Setup {
        quickbooks: vec![qbo],
        ..world.healthy()
    };
    let (code, out) = watch(&world, &setup, &["--interval", "1", "--timeout", "50"]);
    assert_eq!(code, Some(0), "{out}");
    assert!(
        counter.get() >= 7,
        "recovered only after the 502s: {}",
        counter.get()
    );
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines.len() >= 3, "one line per poll when not a terminal: {out}");
    assert!(
        lines[0].starts_with("Still down: QuickBooks sites") && lines[0].contains("next"),
        "{out}"
    );
    assert!(
        out.contains("QuickBooks answers normally again") && out.contains('\u{7}'),
        "{out}"
    );
}

#[test]
fn watch_gives_up_at_the_timeout_and_refuses_a_short_interval() {
    let world = World::new();
    let setup = Setup {
        status_page: world.http(Reply::json(MAJOR_OUTAGE)),
        ..world.healthy()
    };
    let (code, out) = watch(&world, &setup, &["--interval", "1", "--timeout", "2"]);
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains("QuickBooks Online unavailable — latest update: Customers may see 502"),
        "{out}"
    );
    assert!(out.contains("Gave up after"), "{out}");
    let config = world.write_config(&setup);
    qbfix(&world, &config)
        .args(["watch", "--interval", "0.5"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("between 1 and 86400 seconds"));
}

/// Every refused `--interval` or `--timeout` says the range it must be in, with its cap, in
/// one line of qbfix's own (a negative number too, not a usage dump).
#[test]
fn a_refused_interval_or_timeout_states_the_range_and_its_cap() {
    let world = World::new();
    let config = world.write_config(&world.healthy());
    for (args, want) in [
        (["--interval", "100000"], "between 1 and 86400 seconds (one day)"),
        (["--interval", "-5"], "between 1 and 86400 seconds (one day)"),
        (
            ["--timeout", "99999999999"],
            "at most 31536000 seconds (one year)",
        ),
        (["--timeout", "0"], "at most 31536000 seconds (one year)"),
    ] {
        let out = qbfix(&world, &config).arg("watch").args(args).assert().code(2);
        let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
        assert!(err.contains(want), "{args:?}: {err}");
        assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: one line: {err}");
    }
}
