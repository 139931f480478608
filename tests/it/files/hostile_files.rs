//! Files that are not what they claim, through the real binary: a device, a FIFO or a
//! symlink to one as the config, the CA file, a flow or a session file. Each gives one plain
//! message naming the path and the reason (exit 2) or is moved aside, and nothing hangs or
//! reads without limit.
#![cfg(unix)]

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::support;
use crate::support::Env;

/// A guard so that a regression fails the test instead of hanging the suite.
const GUARD: Duration = Duration::from_secs(60);

fn mkfifo(path: &Path) -> PathBuf {
    let made = std::process::Command::new("mkfifo").arg(path).status().unwrap();
    assert!(made.success(), "mkfifo {}", path.display());
    path.to_path_buf()
}

fn stderr_of(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).to_string()
}

/// Runs `cmd` (within the guard), which must exit 2; returns what it said on stderr.
fn refused(cmd: &mut assert_cmd::Command) -> String {
    let out = cmd.timeout(GUARD).output().unwrap();
    let stderr = stderr_of(&out);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    stderr
}

#[test]
fn a_device_as_config_is_refused_at_once() {
    let env = Env::new();
    for args in [vec!["check"], vec!["--plain"]] {
        let mut cmd = assert_cmd::Command::cargo_bin("qbfix").unwrap();
        support::clean_env(&mut cmd);
        let stderr = refused(
            cmd.args(["--config", "/dev/zero", "--data-dir"])
                .arg(env.data_dir())
                .args(&args)
                .write_stdin(""),
        );
        assert_eq!(
            stderr.trim_end(),
            "qbfix: /dev/zero: cannot read config: is a device, not a regular file",
            "{args:?}"
        );
    }
}

#[test]
fn a_fifo_as_config_does_not_hang() {
    let env = Env::new();
    std::fs::remove_file(env.config_path()).unwrap();
    mkfifo(&env.config_path());
    let stderr = refused(env.cmd().arg("check"));
    assert!(
        stderr.contains("config.toml: cannot read config: is a named pipe (FIFO), not a regular file"),
        "{stderr}"
    );
}

#[test]
fn a_fifo_or_device_as_ca_file_is_a_located_config_error() {
    let env = Env::new();
    let fifo = mkfifo(&env.dir().join("ca.fifo"));
    let base = std::fs::read_to_string(env.config_path()).unwrap();
    let base = base
        .lines()
        .filter(|l| !l.starts_with("extra_ca_file"))
        .collect::<Vec<_>>()
        .join("\n");
    for (file, reason) in [
        (
            fifo.display().to_string(),
            "is a named pipe (FIFO), not a regular file",
        ),
        ("/dev/zero".to_string(), "is a device, not a regular file"),
    ] {
        let config = if base.contains("[tls]") {
            base.replace("[tls]", &format!("[tls]\nextra_ca_file = {file:?}"))
        } else {
            format!("{base}\n[tls]\nextra_ca_file = {file:?}\n")
        };
        std::fs::write(env.config_path(), &config).unwrap();
        let stderr = refused(env.cmd().arg("check"));
        assert!(
            stderr.contains("config.toml:") && stderr.contains("tls.extra_ca_file: cannot read"),
            "{stderr}"
        );
        assert!(stderr.contains(&format!("{file}: {reason}")), "{stderr}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
    }
}

#[test]
fn flow_validate_refuses_devices_and_fifos() {
    let env = Env::new();
    let fifo = mkfifo(&env.dir().join("flow.fifo"));
    for (file, reason) in [
        (PathBuf::from("/dev/zero"), "is a device, not a regular file"),
        (fifo, "is a named pipe (FIFO), not a regular file"),
    ] {
        let stderr = refused(env.cmd().args(["flow", "validate"]).arg(&file));
        assert!(
            stderr.contains(&format!("{}: cannot read flow file: {reason}", file.display())),
            "{stderr}"
        );
        refused(env.cmd().arg("--plain").arg("--flow").arg(&file).write_stdin(""));
    }
}

#[test]
fn a_huge_flow_file_is_refused_by_size() {
    let env = Env::new();
    let big = env.dir().join("big.toml");
    let file = std::fs::File::create(&big).unwrap();
    file.set_len(qbfix::files::limits::FLOW_BYTES + 1).unwrap();
    let stderr = refused(env.cmd().args(["flow", "validate"]).arg(&big));
    assert!(
        stderr.contains("big.toml: cannot read flow file: is larger than 32 MiB"),
        "{stderr}"
    );
}

#[test]
fn planted_device_links_and_fifos_in_sessions_are_moved_aside() {
    let env = Env::new();
    env.cmd().arg("--plain").write_stdin("1\nq\n").assert().success();
    let dir = env.data_dir().join("sessions");
    std::os::unix::fs::symlink("/dev/zero", dir.join("20200101-000000-000001.json")).unwrap();
    mkfifo(&dir.join("20200101-000000-000002.json"));
    for args in [
        vec!["sessions"],
        vec!["report", "latest"],
        vec!["--plain", "--resume"],
    ] {
        let out = env
            .cmd()
            .args(&args)
            .write_stdin("q\n")
            .timeout(GUARD)
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}: {}", stderr_of(&out));
    }
    let names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    for planted in ["20200101-000000-000001.json", "20200101-000000-000002.json"] {
        assert!(
            !names.iter().any(|n| n == planted),
            "{planted} still there: {names:?}"
        );
        assert!(
            names
                .iter()
                .any(|n| n.starts_with(&format!("{planted}.corrupt-"))),
            "{planted} not moved aside: {names:?}"
        );
    }
    // The warning said why, once, on the first command.
    assert_eq!(env.sessions().len(), 1);
}

#[test]
fn the_warning_for_a_planted_fifo_says_what_it_is() {
    let env = Env::new();
    env.cmd().arg("--plain").write_stdin("q\n").assert().success();
    let dir = env.data_dir().join("sessions");
    mkfifo(&dir.join("20200101-000000-000003.json"));
    let out = env.cmd().arg("sessions").timeout(GUARD).output().unwrap();
    let stderr = stderr_of(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains(
            "20200101-000000-000003.json is damaged (is a named pipe (FIFO), not a regular file); moved it to"
        ),
        "{stderr}"
    );
}
