//! The non-interactive commands through the real binary: `sessions`, `report`, `flow
//! validate`, and how bad config, flags and data dirs are reported.

use crate::support;
use crate::support::{Env, is_clean};
use predicates::prelude::*;

fn finished_session(env: &Env) -> String {
    env.cmd()
        .arg("--plain")
        // Healthy checks: the browser steps come first, then connection, then server status.
        .write_stdin("1\nn Wi-Fi <b>router</b> \u{1b}[31mred\u{202e}\n2\n2\n1\n")
        .assert()
        .success();
    env.sessions()[0]["id"].as_str().unwrap().to_string()
}

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
fn completions_and_man_page_generate() {
    let env = Env::new();
    for (shell, marker) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef qbfix"),
        ("fish", "complete -c qbfix"),
        ("powershell", "Register-ArgumentCompleter"),
        ("elvish", "edit:completion"),
    ] {
        let out = env.cmd().args(["completions", shell]).assert().success();
        let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
        assert!(text.contains(marker), "{shell}: {text}");
        assert!(
            text.contains("report") && text.contains("sessions"),
            "{shell} completes commands"
        );
    }
    env.cmd().args(["completions", "tcsh"]).assert().code(2);
    let out = env.cmd().arg("man").assert().success();
    let man = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(man.starts_with(".ie") || man.contains(".TH qbfix"), "{man}");
    assert!(man.contains("report") && man.contains("\\-\\-helpdesk"), "{man}");
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

#[test]
fn bad_config_exits_2_naming_key_and_line() {
    let env = Env::new();
    std::fs::write(env.config_path(), "[network]\ntimeout_ms = 100\ntimeot_ms = 5\n").unwrap();
    let out = env.cmd().arg("--plain").write_stdin("").assert().code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr);
    assert!(
        stderr.contains("config.toml:3:1:") && stderr.contains("timeot_ms"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "one plain line: {stderr}");

    std::fs::write(env.config_path(), "[targets]\nquickbooks = [\"ftp://x/\"]\n").unwrap();
    env.cmd()
        .arg("check")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("config.toml:2:"));
}

#[test]
fn missing_config_and_unusable_data_dir_exit_2() {
    let env = Env::new();
    std::fs::remove_file(env.config_path()).unwrap();
    env.cmd().arg("sessions").assert().success();
    env.cmd()
        .arg("--plain")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot read config"));
    let file = env.dir().join("not-a-dir");
    std::fs::write(&file, "x").unwrap();
    assert_cmd::Command::cargo_bin("qbfix")
        .unwrap()
        .arg("--data-dir")
        .arg(&file)
        .arg("sessions")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(file.display().to_string()));
}

#[test]
fn bad_flags_exit_2() {
    let env = Env::new();
    env.cmd().arg("--frobnicate").assert().code(2);
    env.cmd().args(["report", "--format", "pdf"]).assert().code(2);
    env.cmd()
        .args(["check", "--only", "ping"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("connectivity"));
}

#[test]
fn flow_validate_reports_ok_or_line_and_column() {
    let env = Env::new();
    let good = env.dir().join("good.toml");
    std::fs::write(&good, qbfix::flow::DEFAULT_FLOW).unwrap();
    env.cmd()
        .arg("flow")
        .arg("validate")
        .arg(&good)
        .assert()
        .success()
        .stdout("ok: 10 steps\n");
    let bad = env.dir().join("bad.toml");
    std::fs::write(
        &bad,
        qbfix::flow::DEFAULT_FLOW.replace("next = \"cache\"", "next = \"cahce\""),
    )
    .unwrap();
    let out = env.cmd().arg("flow").arg("validate").arg(&bad).assert().code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr);
    assert!(
        stderr.contains("bad.toml:") && stderr.contains("unknown step \"cahce\""),
        "{stderr}"
    );
    let line = qbfix::flow::DEFAULT_FLOW
        .lines()
        .position(|l| l == "next = \"cache\"")
        .unwrap()
        + 1;
    assert!(stderr.contains(&format!("bad.toml:{line}:8:")), "{stderr}");
    env.cmd().arg("--plain").arg("--flow").arg(&bad).assert().code(2);
}

/// `qbfix` with a clean environment and no `--config` / `--data-dir` flags.
fn bare_qbfix() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("qbfix").unwrap();
    support::clean_env(&mut cmd);
    cmd
}

#[test]
fn qbfix_config_and_qbfix_data_dir_are_read_from_the_environment() {
    let env = Env::new();
    let data = env.dir().join("from-env");
    bare_qbfix()
        .env("QBFIX_CONFIG", env.config_path())
        .env("QBFIX_DATA_DIR", &data)
        .arg("--plain")
        .write_stdin("q\n")
        .assert()
        .success();
    assert_eq!(support::session_files(&data.join("sessions")).len(), 1);
    std::fs::write(env.config_path(), "[network]\nslow = 1\n").unwrap();
    bare_qbfix()
        .env("QBFIX_CONFIG", env.config_path())
        .env("QBFIX_DATA_DIR", &data)
        .arg("check")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("config.toml:2:1:"));
}

#[cfg(target_os = "linux")]
#[test]
fn platform_config_and_data_dirs_are_used_when_nothing_is_given() {
    let env = Env::new();
    let config_home = env.dir().join("xdg-config");
    let data_home = env.dir().join("xdg-data");
    std::fs::create_dir_all(config_home.join("qbfix")).unwrap();
    std::fs::copy(env.config_path(), config_home.join("qbfix/config.toml")).unwrap();
    let xdg = |cmd: &mut assert_cmd::Command| {
        cmd.env("XDG_CONFIG_HOME", &config_home)
            .env("XDG_DATA_HOME", &data_home);
    };
    let mut run = bare_qbfix();
    xdg(&mut run);
    run.arg("--plain").write_stdin("q\n").assert().success();
    assert_eq!(support::session_files(&data_home.join("qbfix/sessions")).len(), 1);
    // The platform config file is really read: a broken one stops qbfix, naming it.
    std::fs::write(config_home.join("qbfix/config.toml"), "colour = 1\n").unwrap();
    let mut run = bare_qbfix();
    xdg(&mut run);
    run.arg("check")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("xdg-config/qbfix/config.toml:1:1:"));
}
