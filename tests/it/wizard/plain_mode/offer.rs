//! The resume trap (issue 16, item 6), in plain mode: opening qbfix and quitting keeps no
//! session; `--resume` takes the latest unfinished session that has answers; step 1 offers
//! that session as its last answer, and choosing it continues it, as `--resume ID` does.

use super::answers;
use crate::support::Env;

/// Every file in the data dir's sessions folder.
fn files(env: &Env) -> Vec<String> {
    let dir = env.data_dir().join("sessions");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
}

/// An unfinished session with the symptom answered (so at step 2); its id.
fn answered_session(env: &Env) -> String {
    env.cmd().arg("--plain").write_stdin("1\n").assert().success();
    let sessions = env.sessions();
    assert_eq!(sessions.len(), 1);
    sessions[0]["id"].as_str().unwrap().to_string()
}

fn local_time(started_at: &str) -> String {
    let at: jiff::Timestamp = started_at.parse().unwrap();
    at.to_zoned_datetime(jiff::tz::TimeZone::system())
        .strftime("%H:%M")
        .to_string()
}

#[test]
fn open_and_quit_keeps_no_session() {
    let env = Env::new();
    for input in ["q\n", ""] {
        let out = env.cmd().arg("--plain").write_stdin(input).assert().success();
        let stdout = String::from_utf8_lossy(&out.get_output().stdout).to_string();
        assert!(stdout.contains("Step 1 of 10"), "{stdout}");
        assert!(!stdout.contains("Resume with"), "nothing to resume: {stdout}");
        assert!(
            stdout.contains("Nothing was answered, so no session was kept."),
            "{stdout}"
        );
        assert_eq!(files(&env), Vec::<String>::new(), "input {input:?}");
    }
    // With an answer, the session is kept.
    answered_session(&env);
}

#[test]
fn resume_takes_the_latest_session_with_answers() {
    let env = Env::new();
    let id = answered_session(&env);
    // A newer session with nothing answered (as every start used to leave behind).
    let dir = env.data_dir().join("sessions");
    let mut empty = env.sessions().remove(0);
    let newer = "20990101-000000-0000e1";
    empty["id"] = newer.into();
    empty["started_at"] = "2099-01-01T00:00:00Z".into();
    empty["steps"] = serde_json::json!([]);
    empty["history"] = serde_json::json!(["symptom"]);
    std::fs::write(
        dir.join(format!("{newer}.json")),
        serde_json::to_vec_pretty(&empty).unwrap(),
    )
    .unwrap();

    let out = env
        .cmd()
        .args(["--plain", "--resume"])
        .write_stdin(answers(&["n picked up again", "q"]))
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(stdout.contains("Step 2 of 10"), "{stdout}");
    let saved: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join(format!("{id}.json"))).unwrap()).unwrap();
    assert_eq!(saved["steps"][1]["note"], "picked up again", "{saved:#}");
}

#[test]
fn step_one_offers_the_unfinished_session_and_choosing_it_continues_it() {
    let env = Env::new();
    let id = answered_session(&env);
    let started = env.sessions()[0]["started_at"].as_str().unwrap().to_string();
    let out = env
        .cmd()
        .arg("--plain")
        .write_stdin(answers(&["5", "n went on", "q"]))
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    // The hint stays, and the offer is step 1's last answer.
    assert!(stdout.contains("exists: qbfix --resume)"), "{stdout}");
    let offer = stdout
        .lines()
        .find(|l| l.starts_with("  5) "))
        .unwrap_or_else(|| panic!("no answer 5 on step 1:\n{stdout}"));
    assert!(
        offer.starts_with("  5) Continue the session from ") && offer.ends_with(", at step 2"),
        "{offer}"
    );
    assert!(offer.contains(&local_time(&started)), "{offer}");
    assert!(stdout.contains("Answer 1-5"), "{stdout}");
    // Choosing it continues that session where it stopped.
    let after = &stdout[stdout.find("Answer 1-5").unwrap()..];
    // (The checks found nothing wrong: the browser's step comes second.)
    assert!(
        after.contains("Step 2 of 10: Clear your browser's cache and cookies"),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!("Resume with: qbfix --resume {id}")),
        "{stdout}"
    );
    let sessions = env.sessions();
    assert_eq!(sessions.len(), 1, "no new session: {sessions:#?}");
    assert_eq!(sessions[0]["id"], id.as_str());
    assert_eq!(sessions[0]["steps"][1]["note"], "went on");
}

#[test]
fn no_offer_without_a_session_to_continue() {
    let env = Env::new();
    let out = env.cmd().arg("--plain").write_stdin("q\n").assert().success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(stdout.contains("Answer 1-4"), "{stdout}");
    assert!(!stdout.contains("Continue the session"), "{stdout}");
    // A finished session is a record, never offered.
    env.cmd()
        .arg("--plain")
        .write_stdin(answers(&["1", "1"]))
        .assert()
        .success();
    assert_eq!(env.sessions()[0]["outcome"], "resolved");
    let out = env.cmd().arg("--plain").write_stdin("q\n").assert().success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(!stdout.contains("Continue the session"), "{stdout}");
    assert!(!stdout.contains("qbfix --resume)"), "{stdout}");
}
