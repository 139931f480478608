//! Passwords in configured URLs through a whole wizard session on the real binary: every
//! target (QuickBooks, control sites, status page, bank) is a loopback server reached as
//! `http://alice:s3cret@127.0.0.1:…`; the session is finished in plain mode and its report
//! rendered in every format. Neither the password nor the user name appears in anything qbfix
//! wrote: stdout, stderr, the session file, the reports (printed and saved), the support log.

use std::path::PathBuf;

use crate::support;
use crate::support::Env;

const PASSWORD: &str = "s3cret";
const USER: &str = "alice";

/// Fails if `text` (from `what`) holds the password or the user name.
fn assert_clean(what: &str, text: &str) {
    assert!(!text.contains(PASSWORD), "the password in {what}:\n{text}");
    assert!(!text.contains(USER), "the user name in {what}:\n{text}");
}

#[test]
fn a_finished_wizard_session_with_passwords_in_every_url_leaks_none() {
    let env = Env::new();
    let config = std::fs::read_to_string(env.config_path()).unwrap();
    let with_passwords = config.replace(
        "http://127.0.0.1:",
        &format!("http://{USER}:{PASSWORD}@127.0.0.1:"),
    );
    // QuickBooks, a control site, the status page and the bank.
    assert_eq!(with_passwords.matches(PASSWORD).count(), 4, "{with_passwords}");
    std::fs::write(env.config_path(), &with_passwords).unwrap();

    // "The 502 error", then "No, still failing" at every step, to the summary.
    let answers = format!("1\n{}", "2\n".repeat(12));
    let wizard = env
        .cmd()
        .env("QBFIX_LOG", "debug")
        .arg("--plain")
        .write_stdin(answers)
        .assert()
        .success();
    let out = wizard.get_output();
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(
        stdout.contains("Handed to QuickBooks support"),
        "not finished:\n{stdout}"
    );
    assert_clean("the wizard's stdout", &stdout);
    assert_clean("the wizard's stderr", &String::from_utf8_lossy(&out.stderr));

    let session = env.sessions().remove(0);
    assert_eq!(session["outcome"], "escalated", "{session:#}");
    let checks = session["checks"].as_array().expect("check results");
    assert!(!checks.is_empty());
    // The checks did reach the servers with the credentials.
    assert!(
        checks.iter().any(|c| c["id"] == "http" && c["status"] == "pass"),
        "{session:#}"
    );

    // The targets are recorded, without their credentials.
    let text = session.to_string();
    assert!(text.contains("http://***@127.0.0.1:"), "{session:#}");

    for format in ["md", "text", "json", "html"] {
        let report = env
            .cmd()
            .args(["report", "latest", "--format", format])
            .assert()
            .success();
        let report = report.get_output();
        let text = String::from_utf8_lossy(&report.stdout).to_string();
        assert!(text.contains(session["id"].as_str().unwrap()), "{format}: {text}");
        assert_clean(&format!("the {format} report"), &text);
        assert_clean("report's stderr", &String::from_utf8_lossy(&report.stderr));
    }

    // Everything written: the session file, the log, the saved reports in the home folder.
    let written: Vec<PathBuf> = support::files_under(&env.data_dir())
        .into_iter()
        .chain(support::files_under(&env.home()))
        .collect();
    let log = env.data_dir().join("logs").join("qbfix.log");
    assert!(written.contains(&log), "a log: {written:?}");
    assert!(
        written
            .iter()
            .any(|p| p.extension().is_some_and(|e| e == "json")
                && p.starts_with(env.data_dir().join("sessions"))),
        "{written:?}"
    );
    for path in written {
        let bytes = std::fs::read(&path).unwrap();
        assert_clean(&path.display().to_string(), &String::from_utf8_lossy(&bytes));
    }
}
