//! How config, flags and data dirs are found and refused: a bad config exits 2 naming key and
//! line; a missing config and an unusable data dir exit 2; bad flags exit 2; `QBFIX_CONFIG` and
//! `QBFIX_DATA_DIR` are read from the environment, and the platform's dirs are used when
//! nothing is given.

use predicates::prelude::*;

use crate::support;
use crate::support::Env;

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
        .write_stdin("1\nq\n")
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
    run.arg("--plain").write_stdin("1\nq\n").assert().success();
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
