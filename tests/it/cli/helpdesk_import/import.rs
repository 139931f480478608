//! `import` through the real binary: a real `check --json` taken during an outage, a session
//! JSON and a result code each become a session to report on; a byte-order mark is accepted;
//! every bad import exits 2 with one line and writes nothing; arbitrary bytes or JSON objects
//! as an import never panic.

use assert_cmd::Command;
use proptest::prelude::*;

use super::{data_dir, listing, outage, qbfix, stdout};
use crate::support;
use crate::support::{Setup, World, clean_env};

#[test]
fn a_real_check_json_from_an_outage_imports_and_reports() {
    let world = World::new();
    let setup = outage(&world);
    let run = world.check(&setup);
    assert_eq!(run.verdict(), "service_outage", "{}", run.dump());
    let file = support::write_file(world.dir.path(), "customer.json", &run.stdout);
    let config = world.write_config(&setup);

    let out = qbfix(&world, &config).arg("import").arg(&file).assert().success();
    let text = stdout(&out);
    let case = support::printed_case_code(&text);
    assert!(text.contains("Imported as session"), "{text}");

    let out = qbfix(&world, &config)
        .args(["report", &case, "--format", "json"])
        .assert()
        .success();
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(report["verdict"]["id"], "service_outage");
    assert_eq!(report["customer"]["source"], "check_json");
    assert_eq!(report["case_code"], case.as_str());
    let checks = report["checks"].as_array().unwrap();
    assert_eq!(checks.len(), run.report["checks"].as_array().unwrap().len());
    assert!(
        checks.iter().any(|c| c["id"] == "http" && c["status"] == "fail"),
        "{report}"
    );
    // The customer's system facts come from their `system` check (when it had them).
    let sys = &run.results("system")[0]["details"];
    for (fact, detail) in [("os", "os"), ("arch", "arch")] {
        let want = sys[detail].as_str().unwrap_or("");
        assert_eq!(report["system"][fact], want, "{}", run.results("system")[0]);
    }

    let out = qbfix(&world, &config).args(["report", &case]).assert().success();
    let md = stdout(&out);
    assert!(
        md.contains("QuickBooks is having trouble on Intuit's side"),
        "{md}"
    );
    assert!(md.contains("from the customer's check results file"), "{md}");
    assert!(
        md.contains("QuickBooks Online unavailable"),
        "the incident's name: {md}"
    );
    assert!(
        md.contains("Customers may see 502 Bad Gateway errors."),
        "its latest update: {md}"
    );

    let out = qbfix(&world, &config).arg("sessions").assert().success();
    let table = stdout(&out);
    assert!(table.contains(&case) && table.contains("(imported)"), "{table}");
}

#[test]
fn a_session_json_and_a_result_code_import_too() {
    let world = World::new();
    let setup = outage(&world);
    let config = world.write_config(&setup);
    // The customer's own session (their data dir), exported as report JSON.
    let customer_dir = world.dir.path().join("customer-data");
    let mut cmd = Command::cargo_bin("qbfix").unwrap();
    clean_env(&mut cmd);
    cmd.arg("--config")
        .arg(&config)
        .arg("--data-dir")
        .arg(&customer_dir);
    cmd.args(["--plain"])
        .write_stdin("1\nn printer <b>office</b>\n")
        .assert()
        .success();
    let mut cmd = Command::cargo_bin("qbfix").unwrap();
    clean_env(&mut cmd);
    cmd.arg("--data-dir").arg(&customer_dir);
    let out = cmd.args(["report", "--format", "json"]).assert().success();
    let exported = stdout(&out);
    let out = qbfix(&world, &config)
        .args(["import", "-"])
        .write_stdin(exported.clone())
        .assert()
        .success();
    let case = support::printed_case_code(&stdout(&out));
    let out = qbfix(&world, &config)
        .args(["report", &case, "--format", "json"])
        .assert()
        .success();
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let original: serde_json::Value = serde_json::from_str(&exported).unwrap();
    // A call of the agent's that carries the customer's session: their times, answers and
    // notes under `customer`, their verdict and results as the call's.
    let customer = &report["customer"];
    assert_eq!(customer["source"], "session_json");
    assert_eq!(customer["started_at"], original["started_at"], "times kept");
    assert_eq!(customer["steps"][0]["answer"], original["steps"][0]["answer"]);
    assert_eq!(customer["steps"][1]["note"], "printer <b>office</b>");
    assert_eq!(report["verdict"], original["verdict"]);
    assert_eq!(report["outcome"], "in_progress", "the call is open");

    // The result code `check` prints, read back by the agent.
    let table = world.check_table(&setup);
    let code = support::printed_result_code(&table.stdout);
    let typed = code.to_lowercase().replace('-', "");
    let out = qbfix(&world, &config)
        .args(["import", "--code", &typed])
        .assert()
        .success();
    let case = support::printed_case_code(&stdout(&out));
    let out = qbfix(&world, &config)
        .args(["report", &case, "--format", "text"])
        .assert()
        .success();
    let text = stdout(&out);
    assert!(text.contains("reported by the customer's result code"), "{text}");
    assert!(text.contains("Intuit's side"), "{text}");
    assert!(text.contains(&code), "the same result code: {text}");
}

#[test]
fn a_byte_order_mark_at_the_start_of_a_file_or_stdin_is_accepted() {
    let world = World::new();
    let config = world.write_config(&Setup::default());
    let doc = "{\"schema_version\": 1, \"verdict\": {\"id\": \"offline\", \"title\": \"t\", \"advice\": \"a\"}, \"checks\": []}";
    // Notepad and PowerShell start a UTF-8 file with EF BB BF.
    let with_bom = format!("\u{feff}{doc}");
    let file = support::write_file(world.dir.path(), "notepad.json", &with_bom);
    let out = qbfix(&world, &config).arg("import").arg(&file).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = qbfix(&world, &config)
        .args(["import", "-"])
        .write_stdin(with_bom)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        support::session_files(&data_dir(&world).join("sessions")).len(),
        2,
        "both imported"
    );
}

#[test]
fn every_bad_import_exits_2_with_one_line_and_writes_nothing() {
    let world = World::new();
    let config = world.write_config(&Setup::default());
    // The data dir exists with one session, so "nothing written" is about the store itself.
    qbfix(&world, &config)
        .args(["import", "--code"])
        .arg(qbfix::evidence::result_code::encode(
            Some(qbfix::evidence::VerdictId::LocalOk),
            &[],
        ))
        .assert()
        .success();
    let before = listing(&data_dir(&world));
    let dir = world.dir.path();
    let big = dir.join("big.json");
    std::fs::write(
        &big,
        format!(
            "{{\"schema_version\":1,\"pad\":\"{}\"}}",
            "x".repeat(5 * 1024 * 1024)
        ),
    )
    .unwrap();
    let cases: Vec<(Vec<String>, &str)> = vec![
        (
            vec![
                support::write_file(dir, "a.txt", "not json at all")
                    .display()
                    .to_string(),
            ],
            "not JSON",
        ),
        (
            vec![
                support::write_file(
                    dir,
                    "b.json",
                    "{\"schema_version\": 2, \"verdict\": {}, \"checks\": []}",
                )
                .display()
                .to_string(),
            ],
            "schema_version 2",
        ),
        (
            vec![
                support::write_file(dir, "c.json", "{\"schema_version\": 1, \"checks\": 5}")
                    .display()
                    .to_string(),
            ],
            "not a qbfix check result",
        ),
        (
            vec![support::write_file(dir, "d.json", "[1, 2]").display().to_string()],
            "expected a JSON object",
        ),
        (
            vec![
                support::write_file(dir, "e.json", "{\"verdict\": 1}")
                    .display()
                    .to_string(),
            ],
            "no schema_version",
        ),
        (vec![big.display().to_string()], "larger than 5"),
        (vec![dir.display().to_string()], "not a regular file"),
        (
            vec![dir.join("missing.json").display().to_string()],
            "no such file",
        ),
        (vec!["--code".into(), "7K3M-9TQ2-5".into()], "result code"),
        (vec!["--code".into(), "ZZZZ".into()], "9 characters"),
    ];
    for (args, want) in cases {
        let out = qbfix(&world, &config).arg("import").args(&args).assert().code(2);
        let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
        assert!(err.contains(want), "{args:?}: {err}");
        assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
        let first = err.find(want).unwrap();
        assert!(!err[first + want.len()..].contains(want), "said twice: {err}");
        assert!(stdout(&out).is_empty());
        assert_eq!(listing(&data_dir(&world)), before, "{args:?} wrote something");
    }
}

/// A case code given to `--code` (which takes a result code) is named for what it is, with
/// where each belongs, not "has 10 characters".
#[test]
fn a_case_code_given_as_a_result_code_is_named_as_one() {
    let world = World::new();
    let config = world.write_config(&world.healthy());
    let out = qbfix(&world, &config)
        .args(["import", "--code", "QB-PMRB-4KK4"])
        .assert()
        .code(2);
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(err.contains("QB-PMRB-4KK4 is a case code"), "{err}");
    assert!(err.contains("the result code"), "{err}");
    assert!(err.contains("like 7K3M-9TQ2-5"), "{err}");
    assert!(err.contains("--customer QB-PMRB-4KK4"), "{err}");
    assert!(!err.contains("characters"), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
    assert!(stdout(&out).is_empty());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]
    #[test]
    fn arbitrary_bytes_as_an_import_file_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = qbfix::session::import::session_from_json("x.json", &bytes, jiff::Timestamp::UNIX_EPOCH);
    }

    #[test]
    fn arbitrary_json_objects_never_panic(body in "\\PC{0,80}", v in 0u64..3) {
        let text = format!("{{\"schema_version\": {v}, \"steps\": [{body}], \"checks\": [{body}]}}");
        let _ = qbfix::session::import::session_from_json("x.json", text.as_bytes(), jiff::Timestamp::UNIX_EPOCH);
    }
}
