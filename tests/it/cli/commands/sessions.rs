//! `sessions` through the real binary: newest first; case codes known to `sessions`, `report`
//! and `--resume`; a corrupt session file moved aside with a warning.

use predicates::prelude::*;

use super::finished_session;
use crate::support::Env;

#[test]
fn sessions_lists_newest_first() {
    let env = Env::new();
    env.cmd()
        .arg("sessions")
        .assert()
        .success()
        .stdout(predicate::str::contains("No saved sessions yet"));
    let first = finished_session(&env);
    env.cmd().arg("--plain").write_stdin("2\n").assert().success();
    let out = env.cmd().arg("sessions").assert().success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(
        lines[0].starts_with("ID") && lines[0].contains("OUTCOME"),
        "{stdout}"
    );
    assert_eq!(lines.len(), 3, "{stdout}");
    assert!(
        lines[1].contains("in_progress") && lines[1].contains("Clear your browser's cache and cookies"),
        "{stdout}"
    );
    assert!(
        lines[2].starts_with(&first) && lines[2].contains("resolved"),
        "{stdout}"
    );
}

/// A finished helpdesk session; returns (id, case code).
fn helpdesk_session(env: &Env, input: &str) -> (String, String) {
    let out = env
        .cmd()
        .args(["--helpdesk", "--plain"])
        .write_stdin(input.to_string())
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    let session = &env.sessions()[0];
    let code = session["case_code"].as_str().unwrap().to_string();
    assert!(
        stdout.contains(&code),
        "plain mode prints the case code: {stdout}"
    );
    (session["id"].as_str().unwrap().to_string(), code)
}

#[test]
fn report_resume_and_sessions_know_case_codes() {
    let env = Env::new();
    let (id, code) = helpdesk_session(&env, "1\n");
    let out = env.cmd().arg("sessions").assert().success();
    let table = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(table.lines().next().unwrap().contains("CASE"), "{table}");
    assert!(table.contains(&code), "{table}");
    // By case code, in any case and without dashes.
    let loose = code.to_lowercase().replace('-', "");
    for key in [code.as_str(), loose.as_str()] {
        let out = env
            .cmd()
            .args(["report", key, "--format", "json"])
            .assert()
            .success();
        let report: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
        assert_eq!(report["id"], id.as_str(), "{key}");
        assert_eq!(report["case_code"], code.as_str());
    }
    let out = env
        .cmd()
        .args(["report", &code, "--format", "html"])
        .assert()
        .success();
    let html = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(html.contains(&format!("<title>Case {code}")), "{html}");
    // --resume by case code picks the unfinished session up where it stopped.
    let out = env
        .cmd()
        .args(["--plain", "--resume", &loose])
        .write_stdin("q\n")
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(stdout.contains(&code) && stdout.contains("Step 2 of"), "{stdout}");
    env.cmd()
        .args(["report", "QB-2222-2222"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("QB-2222-2222"));
}

#[test]
fn a_corrupt_session_is_moved_aside_with_a_warning() {
    let env = Env::new();
    finished_session(&env);
    let dir = env.data_dir().join("sessions");
    std::fs::write(
        dir.join("20200101-000000-000000.json"),
        "{\"schema_version\": 1, \"id\"",
    )
    .unwrap();
    env.cmd()
        .arg("sessions")
        .assert()
        .success()
        .stderr(predicate::str::contains("is damaged").and(predicate::str::contains("moved it to")));
    let names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert!(
        names
            .iter()
            .any(|n| n.starts_with("20200101-000000-000000.json.corrupt-")),
        "{names:?}"
    );
    assert_eq!(env.sessions().len(), 1);
}
