//! `report` through the real binary: JSON with the design's schema, paste-ready escaped
//! Markdown, one escaped HTML file, `-o` written atomically (confirmed on stderr, a folder
//! refused), and exit 2 without sessions or with an unknown id.

use predicates::prelude::*;

use super::finished_session;
use crate::support::{Env, is_clean};

#[test]
fn report_json_has_the_design_schema() {
    let env = Env::new();
    let id = finished_session(&env);
    let out = env
        .cmd()
        .args(["report", "latest", "--format", "json"])
        .assert()
        .success();
    let report: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    for key in [
        "id",
        "flow",
        "started_at",
        "finished_at",
        "outcome",
        "resolved_by",
        "verdict",
        "steps",
        "system",
    ] {
        assert!(report.get(key).is_some(), "missing {key}");
    }
    assert_eq!(report["schema_version"], 1);
    assert_eq!(report["id"], id.as_str());
    assert_eq!(report["flow"], "qbo-502");
    assert_eq!(report["outcome"], "resolved");
    assert_eq!(report["resolved_by"], "server_status");
    assert_eq!(report["verdict"]["id"], "local_ok");
    let step = &report["steps"][1];
    for key in ["id", "title", "answer", "note", "answered_at", "checks"] {
        assert!(step.get(key).is_some(), "step missing {key}");
    }
    assert_eq!(
        step["note"], "Wi-Fi <b>router</b> red",
        "escape and bidi characters are stripped"
    );
    assert!(report["system"]["os"].is_string());
    assert!(is_clean(&String::from_utf8_lossy(&out.get_output().stdout)));
}

#[test]
fn report_markdown_is_paste_ready_and_escaped() {
    let env = Env::new();
    let id = finished_session(&env);
    let out = env.cmd().args(["report", &id]).assert().success();
    let md = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(
        md.starts_with("# QuickBooks Online 502 troubleshooting report"),
        "{md}"
    );
    assert!(
        md.contains("**Outcome:** Resolved (fixed by: Check whether Intuit or your bank is down)"),
        "{md}"
    );
    assert!(
        md.contains("## Checks") && md.contains("- ✓ pass: **Internet connection:** "),
        "friendly check names, marks in words: {md}"
    );
    assert!(md.contains("Note: Wi-Fi \\<b>router\\</b> red"), "{md}");
    assert!(!md.contains("connectivity"), "ids only in JSON: {md}");
    assert!(md.contains("## Next steps"), "{md}");
    assert!(is_clean(&md));
}

#[test]
fn report_html_is_one_escaped_file_and_o_writes_it() {
    let env = Env::new();
    finished_session(&env);
    let file = env.dir().join("report.html");
    env.cmd()
        .args(["report", "--format", "html", "-o"])
        .arg(&file)
        .assert()
        .success()
        .stdout("");
    let html = std::fs::read_to_string(&file).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("Wi-Fi &lt;b&gt;router&lt;/b&gt; red"), "{html}");
    assert!(
        !html.contains("<script") && !html.contains("src=\"http"),
        "self-contained, no scripts"
    );
    assert!(is_clean(&html));
}

#[test]
fn report_o_is_atomic_confirmed_on_stderr_and_refuses_a_folder() {
    let env = Env::new();
    finished_session(&env);
    let file = env.dir().join("report.txt");
    std::fs::write(&file, "old").unwrap();
    let out = env
        .cmd()
        .args(["report", "--format", "text", "-o"])
        .arg(&file)
        .assert()
        .success()
        .stdout("");
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(
        stderr.contains("Report written to") && stderr.contains("report.txt"),
        "{stderr}"
    );
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        text.starts_with("QuickBooks Online 502 troubleshooting report"),
        "{text}"
    );
    assert!(
        text.lines().all(|l| l.chars().count() <= 72),
        "wrapped at 72:\n{text}"
    );
    assert!(
        !text.contains("**") && !text.contains("\\<"),
        "no Markdown: {text}"
    );
    let leftovers: Vec<_> = std::fs::read_dir(env.dir())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temp file left behind");

    let folder = env.dir().join("out");
    std::fs::create_dir(&folder).unwrap();
    env.cmd()
        .args(["report", "-o"])
        .arg(&folder)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is a folder"));
    assert_eq!(std::fs::read_dir(&folder).unwrap().count(), 0);
}

#[test]
fn report_without_sessions_or_with_unknown_id() {
    let env = Env::new();
    env.cmd()
        .arg("report")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no saved sessions yet"));
    env.cmd()
        .args(["report", "nope"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no saved session with id"));
}
