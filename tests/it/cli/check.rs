//! The `qbfix check` command line: `--only`, exit code 2 for unknown ids and broken config,
//! the human table on a pipe (no colour, no escapes), and JSON that is the only thing on stdout.

use crate::support;
use crate::support::{Reply, Setup, World, clean_env};
use assert_cmd::Command;
use predicates::prelude::*;

fn qbfix(world: &World, setup: &Setup) -> Command {
    let config = world.write_config(setup);
    let mut cmd = Command::cargo_bin("qbfix").unwrap();
    clean_env(&mut cmd);
    cmd.arg("--config")
        .arg(config)
        .arg("--data-dir")
        .arg(world.dir.path().join("data"));
    cmd
}

#[test]
fn unknown_only_id_exits_2_listing_valid_ids() {
    let world = World::new();
    qbfix(&world, &Setup::default())
        .args(["check", "--only", "bogus"])
        .assert()
        .code(2)
        .stdout(predicate::str::is_empty())
        .stderr(
            predicate::str::contains("bogus")
                .and(predicate::str::contains("dns"))
                .and(predicate::str::contains("status_page"))
                .and(predicate::str::contains("clock")),
        );
}

#[test]
fn broken_config_exits_2_naming_file_and_line() {
    let world = World::new();
    let path = support::write_file(world.dir.path(), "bad.toml", "[network]\ntimeout_ms = \"x\"\n");
    let mut cmd = Command::cargo_bin("qbfix").unwrap();
    clean_env(&mut cmd);
    cmd.arg("--config")
        .arg(&path)
        .args(["check", "--json"])
        .assert()
        .code(2)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains("bad.toml:2:"));
}

#[test]
fn only_runs_the_named_checks_in_registry_order() {
    let world = World::new();
    let setup = world.healthy();
    let out = qbfix(&world, &setup)
        .args(["check", "--json", "--only", "clock", "--only", "dns"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["dns", "clock"]);
}

#[test]
fn json_output_has_exactly_the_documented_keys() {
    let world = World::new();
    let out = qbfix(&world, &world.healthy())
        .args(["check", "--json"])
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut keys: Vec<&String> = report.as_object().unwrap().keys().collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "checks",
            "duration_ms",
            "result_code",
            "schema_version",
            "verdict"
        ]
    );
    // The code the customer reads aloud: the same one the table shows.
    let code = report["result_code"].as_str().unwrap();
    let table = world.check_table(&world.healthy());
    assert_eq!(crate::support::printed_result_code(&table.stdout), code);
    let mut verdict: Vec<&String> = report["verdict"].as_object().unwrap().keys().collect();
    verdict.sort();
    assert_eq!(verdict, ["actions", "advice", "id", "title"]);
    for r in report["checks"].as_array().unwrap() {
        let mut keys: Vec<&String> = r.as_object().unwrap().keys().collect();
        keys.sort();
        assert_eq!(keys, ["details", "duration_ms", "id", "status", "summary"], "{r}");
        let summary = r["summary"].as_str().unwrap();
        assert!(!summary.is_empty() && !summary.contains('\n'), "{r}");
    }
    assert!(out.stderr.is_empty(), "no progress on a non-terminal stderr");
}

#[test]
fn table_on_a_pipe_has_symbols_and_no_escapes() {
    let world = World::new();
    let setup = Setup {
        quickbooks: vec![world.http(Reply::status(502))],
        ..world.healthy()
    };
    let run = world.check_table(&setup);
    assert_eq!(run.code, Some(1));
    assert!(run.stdout.contains("✗ QuickBooks sites"), "{}", run.stdout);
    assert!(run.stdout.contains("✓ Internet"), "{}", run.stdout);
    assert!(
        run.stdout.contains("- Bank website") || run.stdout.contains("✓ Bank website"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.starts_with(
            "☁ Whose problem: Intuit\n  Do this now: step 2, Check whether Intuit or your bank is down."
        ),
        "{}",
        run.stdout
    );
    assert!(
        !run.stdout.contains("service_outage"),
        "no verdict ids: {}",
        run.stdout
    );
    // The verdict's actions, numbered, after its advice (issue 17: what to do now).
    assert!(
        run.stdout
            .contains("What to do now:\n1. Wait: nothing on this computer will fix it\n2. "),
        "{}",
        run.stdout
    );
    run.assert_clean();
}
