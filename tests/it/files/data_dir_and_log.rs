//! The data dir and the support log, through the real binary: a read-only data dir still
//! lists sessions and prints reports; a file where the data dir or its sessions folder should
//! be is one clear error (exit 2) for every command, root included, and the file is untouched; a sessions folder open to others is made private; an
//! empty `QBFIX_CONFIG` / `QBFIX_DATA_DIR` counts as unset; an error is said once; and every
//! run leaves a capped, rotated log in the data dir that names no user, home or host.
#![cfg(unix)]

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use crate::support;
use crate::support::Env;

const USER: &str = "zelda-logtest";

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

fn set_mode(p: &Path, mode: u32) {
    std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// True when running as root, which ignores permission bits.
fn is_root() -> bool {
    let probe = tempfile::tempdir().unwrap();
    set_mode(probe.path(), 0o500);
    let writable = std::fs::write(probe.path().join("x"), "x").is_ok();
    set_mode(probe.path(), 0o700);
    writable
}

#[test]
fn a_read_only_data_dir_still_lists_and_reports() {
    let env = Env::new();
    env.cmd().arg("--plain").write_stdin("1\nq\n").assert().success();
    let id = env.sessions()[0]["id"].as_str().unwrap().to_string();
    let sessions = env.data_dir().join("sessions");
    set_mode(&sessions, 0o500);
    set_mode(&env.data_dir(), 0o500);
    let listed = env.cmd().arg("sessions").assert();
    let report = env.cmd().args(["report", "latest"]).assert();
    let wizard = env.cmd().arg("--plain").write_stdin("q\n").assert();
    set_mode(&env.data_dir(), 0o700);
    set_mode(&sessions, 0o700);
    let stdout = String::from_utf8_lossy(&listed.get_output().stdout).to_string();
    assert!(
        listed.get_output().status.success() && stdout.contains(&id),
        "{stdout}"
    );
    assert!(report.get_output().status.success());
    assert!(String::from_utf8_lossy(&report.get_output().stdout).contains(&id));
    if !is_root() {
        // Only a run that must save needs a writable data dir.
        assert_eq!(wizard.get_output().status.code(), Some(2));
    }
}

/// The one line `qbfix ARGS` says on stderr with `--data-dir data_dir`, having exited 2.
fn refused(env: &Env, data_dir: &Path, args: &[&str]) -> String {
    let mut cmd = assert_cmd::Command::cargo_bin("qbfix").unwrap();
    support::clean_env(&mut cmd);
    cmd.env("HOME", env.home())
        .arg("--config")
        .arg(env.config_path())
        .arg("--data-dir")
        .arg(data_dir)
        .args(args)
        .write_stdin("1\n2\nq\n");
    let out = cmd.assert().code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
    stderr
}

#[test]
fn a_data_dir_through_a_file_or_a_file_for_sessions_is_one_clear_error_even_for_root() {
    // Where a folder is needed there is a file: no permission bit is involved, so this holds
    // for root too (CI runs as root). The file is the person's: it must come out unchanged.
    let env = Env::new();
    let file = env.dir().join("notes.txt");
    std::fs::write(&file, "my notes\n").unwrap();
    set_mode(&file, 0o644);
    let through = file.join("qbfix");
    for args in [&["--plain"][..], &["sessions"], &["report", "latest"]] {
        let said = refused(&env, &through, args);
        assert!(
            said.contains(&format!("data dir {} is not usable", through.display()))
                && said.contains(&format!("{} is a file, not a folder", file.display())),
            "{args:?}: {said}"
        );
    }
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "my notes\n");
    assert_eq!(mode(&file), 0o644);

    // A data dir whose `sessions` is a file.
    let data = env.dir().join("other-data");
    std::fs::create_dir(&data).unwrap();
    let sessions = data.join("sessions");
    std::fs::write(&sessions, "not a folder\n").unwrap();
    set_mode(&sessions, 0o644);
    for args in [&["--plain"][..], &["sessions"], &["report", "latest"]] {
        let said = refused(&env, &data, args);
        assert!(
            said.contains(&format!("{} is a file, not a folder", sessions.display())),
            "{args:?}: {said}"
        );
    }
    assert_eq!(std::fs::read_to_string(&sessions).unwrap(), "not a folder\n");
    assert_eq!(mode(&sessions), 0o644, "left as it was");
    // No session was saved anywhere else instead.
    let saved: Vec<_> = support::files_under(env.dir())
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    assert!(saved.is_empty(), "{saved:?}");
}

#[test]
fn a_sessions_folder_open_to_others_is_made_private() {
    let env = Env::new();
    env.cmd().arg("--plain").write_stdin("q\n").assert().success();
    let sessions = env.data_dir().join("sessions");
    set_mode(&sessions, 0o777);
    env.cmd().arg("sessions").assert().success();
    assert_eq!(mode(&sessions), 0o700);
    set_mode(&sessions, 0o755);
    env.cmd().arg("--plain").write_stdin("q\n").assert().success();
    assert_eq!(mode(&sessions), 0o700);
}

#[test]
fn empty_qbfix_config_and_data_dir_count_as_unset() {
    let env = Env::new();
    let home = env.dir().join("home");
    let mut cmd = assert_cmd::Command::cargo_bin("qbfix").unwrap();
    support::clean_env(&mut cmd);
    cmd.env("QBFIX_CONFIG", "")
        .env("QBFIX_DATA_DIR", "")
        .env("HOME", &home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .arg("sessions")
        .assert()
        .success()
        .stdout(predicates::str::contains("No saved sessions yet"));
    assert!(home.join("data/qbfix").is_dir(), "the platform data dir was used");
}

#[test]
fn an_error_is_said_once() {
    let env = Env::new();
    env.cmd().arg("--plain").write_stdin("1\nq\n").assert().success();
    let id = env.sessions()[0]["id"].as_str().unwrap().to_string();
    // A folder where the session's lock file belongs: the OS error appears in the message once.
    let lock = env.data_dir().join("sessions").join(format!(".{id}.lock"));
    std::fs::remove_file(&lock).unwrap();
    std::fs::create_dir(&lock).unwrap();
    let out = env
        .cmd()
        .args(["--plain", "--resume", &id])
        .write_stdin("q\n")
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("cannot lock session file"), "{stderr}");
    let cause = stderr.rsplit(": ").next().unwrap().trim();
    assert!(cause.contains("os error"), "{stderr}");
    assert_eq!(stderr.matches(cause).count(), 1, "said twice: {stderr}");
}

fn log_path(env: &Env) -> std::path::PathBuf {
    env.data_dir().join("logs").join("qbfix.log")
}

/// A run as the user `USER` with home `home` and config `config`, at debug level.
fn logged_run(env: &Env, home: &Path, config: &Path, args: &[&str], stdin: &str) -> std::process::Output {
    let mut cmd = assert_cmd::Command::cargo_bin("qbfix").unwrap();
    support::clean_env(&mut cmd);
    cmd.env("USER", USER)
        .env("HOME", home)
        .env("QBFIX_LOG", "debug")
        .arg("--config")
        .arg(config)
        .arg("--data-dir")
        .arg(env.data_dir())
        .args(args)
        .write_stdin(stdin);
    cmd.output().unwrap()
}

#[test]
fn each_run_leaves_a_log_without_user_or_host_names_and_none_on_the_terminal() {
    let env = Env::new();
    let home = env.dir().join("home").join(USER);
    // The config lives in the user's home, so its path would name the user.
    let config = home.join("qbfix.toml");
    std::fs::create_dir_all(&home).unwrap();
    std::fs::copy(env.config_path(), &config).unwrap();
    let out = logged_run(
        &env,
        &home,
        &config,
        &["--plain"],
        &format!("1\nn I am {USER} at 192.168.55.1\nq\n"),
    );
    assert!(out.status.success());
    let log = std::fs::read_to_string(log_path(&env)).unwrap();
    assert!(
        log.contains("qbfix started") && log.contains("session opened"),
        "{log}"
    );
    assert!(
        log.contains("check=connectivity"),
        "debug shows each check: {log}"
    );
    let host = sysinfo::System::host_name().unwrap_or_default();
    for secret in [USER, home.to_str().unwrap(), "192.168.55.1"] {
        assert!(!log.contains(secret), "the log shows {secret:?}:\n{log}");
    }
    if host.len() >= 2 && host != "localhost" {
        let words: Vec<&str> = log
            .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_'))
            .collect();
        assert!(
            !words.iter().any(|w| w.eq_ignore_ascii_case(&host)),
            "the log names the host:\n{log}"
        );
    }
    assert_eq!(mode(&log_path(&env)), 0o600);
    let terminal = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        !terminal.contains("session opened") && !terminal.contains("qbfix started"),
        "{terminal}"
    );
}

/// `-v check` logs each check's result (its id, status and summary), and still no user name,
/// home, host or password (one is in the bank's address).
#[test]
fn v_check_logs_each_result_without_names_or_passwords() {
    let env = Env::new();
    let home = env.dir().join("home").join(USER);
    std::fs::create_dir_all(&home).unwrap();
    let mut setup = env.world.healthy();
    let bank = env.world.http(support::Reply::ok());
    setup.bank = vec![bank.replace("http://", &format!("http://{USER}:s3cret-pw@"))];
    let config = home.join("qbfix.toml");
    std::fs::write(&config, setup.to_toml_string()).unwrap();
    let mut cmd = assert_cmd::Command::cargo_bin("qbfix").unwrap();
    support::clean_env(&mut cmd);
    cmd.env("USER", USER)
        .env("HOME", &home)
        .env_remove("QBFIX_LOG")
        .arg("--config")
        .arg(&config)
        .arg("--data-dir")
        .arg(env.data_dir())
        .args(["-v", "check", "--only", "connectivity", "--only", "bank"]);
    let out = cmd.output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let log = std::fs::read_to_string(log_path(&env)).unwrap();
    for id in ["connectivity", "bank"] {
        let line = log
            .lines()
            .find(|l| l.contains(&format!("check={id}")))
            .unwrap_or_else(|| panic!("no result of {id} in the log:\n{log}"));
        assert!(line.contains("status=pass"), "{line}");
    }
    for secret in [USER, home.to_str().unwrap(), "s3cret-pw"] {
        assert!(!log.contains(secret), "the log shows {secret:?}:\n{log}");
    }
}

#[test]
fn the_log_is_capped_and_rotated() {
    let env = Env::new();
    let home = env.dir().join("home");
    std::fs::create_dir_all(env.data_dir().join("logs")).unwrap();
    let old = "x".repeat(99) + "\n";
    let full = old.repeat((qbfix::files::limits::LOG_BYTES / 100) as usize);
    std::fs::write(log_path(&env), &full).unwrap();
    assert!(
        logged_run(&env, &home, &env.config_path(), &["sessions"], "")
            .status
            .success()
    );
    let rotated = env.data_dir().join("logs").join("qbfix.log.1");
    assert_eq!(
        std::fs::read_to_string(&rotated).unwrap(),
        full,
        "the full log moved aside whole"
    );
    let now = std::fs::read_to_string(log_path(&env)).unwrap();
    assert!(
        now.starts_with(|c: char| c.is_ascii_digit()) && now.contains("qbfix started"),
        "{now}"
    );
    for _ in 0..3 {
        std::fs::write(log_path(&env), &full).unwrap();
        assert!(
            logged_run(&env, &home, &env.config_path(), &["sessions"], "")
                .status
                .success()
        );
    }
    let logs: Vec<String> = std::fs::read_dir(env.data_dir().join("logs"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(logs.len(), 3, "the current log and two old ones: {logs:?}");
    for name in logs {
        let size = std::fs::metadata(env.data_dir().join("logs").join(&name))
            .unwrap()
            .len();
        assert!(size <= qbfix::files::limits::LOG_BYTES, "{name} is {size} bytes");
    }
}
