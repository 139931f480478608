//! End-to-end tests of the system checks (`proxy`, `browsers`, `firewall`, `system`) through
//! the real binary: `qbfix check --json --only …`, with every network target on loopback, a
//! temp data dir and no inherited proxy settings, so nothing touches the internet.

use std::path::Path;

use crate::support;
use assert_cmd::Command;
use serde_json::Value;

/// What the run must not inherit: `support::UNSET`, and `NO_PROXY` too, so the proxy check sees
/// only what a test sets.
fn unset() -> impl Iterator<Item = &'static &'static str> {
    support::UNSET.iter().chain(&["NO_PROXY", "no_proxy"])
}

/// A config whose every target is a closed loopback port.
fn loopback_config(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("config.toml");
    std::fs::write(
        &path,
        r#"[network]
timeout_ms = 3000
dns_timeout_ms = 1000
[targets]
quickbooks = ["http://127.0.0.1:9/"]
control = ["http://127.0.0.1:9/generate_204"]
status_page = "http://127.0.0.1:9/api/v2/summary.json"
bank = []
"#,
    )
    .unwrap();
    path
}

/// `qbfix check --json` with `args`, hermetic; returns (exit code, stdout JSON, raw stdout+stderr).
fn check(args: &[&str], env: &[(&str, &str)]) -> (i32, Value, String) {
    let tmp = tempfile::tempdir().unwrap();
    let config = loopback_config(tmp.path());
    let mut cmd = Command::cargo_bin("qbfix").unwrap();
    for var in unset() {
        cmd.env_remove(var);
    }
    cmd.env("NO_COLOR", "1")
        .arg("--config")
        .arg(&config)
        .arg("--data-dir")
        .arg(tmp.path().join("data"))
        .args(["check", "--json"])
        .args(args)
        .timeout(std::time::Duration::from_secs(30));
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let json: Value = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}\n{stderr}"));
    (out.status.code().unwrap_or(-1), json, format!("{stdout}{stderr}"))
}

fn has_escape_or_bidi(s: &str) -> bool {
    s.chars().any(|c| {
        (c.is_control() && c != '\n')
            || matches!(c, '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
    })
}

fn results<'a>(json: &'a Value, id: &str) -> Vec<&'a Value> {
    json["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["id"] == id)
        .collect()
}

#[test]
fn the_four_system_checks_report_plain_valid_results() {
    let only = [
        "--only", "proxy", "--only", "browsers", "--only", "firewall", "--only", "system",
    ];
    let (code, json, raw) = check(&only, &[("NO_PROXY", "*")]);
    assert!(code == 0 || code == 1, "exit {code}: {raw}");
    assert_eq!(json["schema_version"], 1);
    for id in ["proxy", "browsers", "firewall", "system"] {
        let found = results(&json, id);
        assert!(!found.is_empty(), "{id} missing: {raw}");
        for r in found {
            let status = r["status"].as_str().unwrap();
            assert!(["pass", "warn", "fail", "skip", "error"].contains(&status), "{r}");
            let summary = r["summary"].as_str().unwrap();
            assert!(!summary.trim().is_empty() && !summary.contains('\n'), "{r}");
            assert!(r["details"].is_object() && r["duration_ms"].is_u64(), "{r}");
        }
    }
    let ids: Vec<&str> = json["checks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["proxy", "browsers", "firewall", "system"], "registry order");
    assert!(!has_escape_or_bidi(&raw), "{raw:?}");
}

#[test]
fn a_proxy_with_credentials_warns_without_revealing_them() {
    // The QuickBooks stand-in is http://, so the proxy for http is the one it would use.
    let env = [("HTTP_PROXY", "http://user:secret@proxy.invalid:3128")];
    let (code, json, raw) = check(&["--only", "proxy"], &env);
    assert_eq!(code, 1, "a warning makes `check` exit 1: {raw}");
    let proxy = results(&json, "proxy");
    assert_eq!(proxy.len(), 1);
    assert_eq!(proxy[0]["status"], "warn", "{raw}");
    assert!(
        proxy[0]["summary"]
            .as_str()
            .unwrap()
            .contains("proxy.invalid:3128"),
        "{raw}"
    );
    assert!(!raw.contains("secret") && !raw.contains("user:"), "{raw}");
    assert!(!has_escape_or_bidi(&raw), "{raw:?}");
}

#[cfg(unix)]
#[test]
fn a_browser_on_the_search_path_is_found_with_its_version() {
    use std::os::unix::fs::PermissionsExt;
    let bin = tempfile::tempdir().unwrap();
    let firefox = bin.path().join("firefox");
    std::fs::write(&firefox, "#!/bin/sh\necho \"Mozilla Firefox 999.0\"\n").unwrap();
    std::fs::set_permissions(&firefox, std::fs::Permissions::from_mode(0o755)).unwrap();
    let path = bin.path().to_str().unwrap();
    let (_, json, raw) = check(&["--only", "browsers"], &[("PATH", path), ("NO_PROXY", "*")]);
    if cfg!(target_os = "macos") {
        return; // macOS looks in /Applications, not on PATH.
    }
    let browsers = results(&json, "browsers");
    assert_eq!(browsers[0]["status"], "pass", "{raw}");
    assert!(
        browsers[0]["summary"].as_str().unwrap().contains("Firefox 999"),
        "{raw}"
    );
    let rows = browsers[0]["details"]["browsers"].as_array().unwrap();
    assert!(
        rows.iter()
            .any(|b| b["version"] == "999.0" && b["status"] == "supported"),
        "{raw}"
    );
}
