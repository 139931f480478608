//! Leaving and coming back in plain mode: quit then resume finishes the same session; resume
//! by id, unknown ids, nothing to resume; end of input saves and says how to resume; a new
//! session hints at an unfinished one; a damaged session or another flow is refused.

use predicates::prelude::*;

use super::answers;
use crate::support::Env;

#[test]
fn quit_then_resume_finishes_the_same_session() {
    let env = Env::new();
    let out = env
        .cmd()
        .arg("--plain")
        .write_stdin(answers(&["1", "2", "q"]))
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    let id = env.sessions()[0]["id"].as_str().unwrap().to_string();
    assert!(
        stdout.contains(&format!("Resume with: qbfix --resume {id}")),
        "{stdout}"
    );
    assert_eq!(env.sessions()[0]["outcome"], "in_progress");

    let out = env
        .cmd()
        .args(["--plain", "--resume"])
        .write_stdin(answers(&["1"]))
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout);
    assert!(
        stdout.contains("Step 3 of 10: Check your internet connection"),
        "{stdout}"
    );
    // Welcomed back with the local time the session was left at ("10:14" today).
    let welcome = stdout
        .lines()
        .find(|l| l.contains("Welcome back, continuing from "))
        .unwrap_or_else(|| panic!("no welcome in {stdout}"));
    let time = welcome
        .split("from ")
        .nth(1)
        .unwrap()
        .trim_end_matches([')', '.']);
    assert!(
        time.len() == 5 && time.as_bytes()[2] == b':',
        "{welcome}: the local time, as 10:14"
    );
    let sessions = env.sessions();
    assert_eq!(sessions.len(), 1, "resuming does not start a new session");
    assert_eq!(sessions[0]["id"], id.as_str());
    assert_eq!(sessions[0]["outcome"], "resolved");
    assert_eq!(sessions[0]["resolved_by"], "connection");
}

#[test]
fn resume_by_id_and_unknown_ids() {
    let env = Env::new();
    env.cmd().arg("--plain").write_stdin("1\n").assert().success();
    let id = env.sessions()[0]["id"].as_str().unwrap().to_string();
    env.cmd()
        .args(["--plain", "--resume", &id])
        .write_stdin("")
        .assert()
        .success()
        .stdout(predicate::str::contains("Step 2 of 10"));
    env.cmd()
        .args(["--plain", "--resume", "20990101-000000-abcdef"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no saved session with id"));
}

#[test]
fn nothing_to_resume_is_a_clear_message() {
    let env = Env::new();
    env.cmd()
        .args(["--plain", "--resume"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no unfinished session to resume"));
}

#[test]
fn end_of_input_saves_and_says_how_to_resume() {
    let env = Env::new();
    let out = env
        .cmd()
        .arg("--plain")
        .write_stdin("4\nn customer uses Wi-Fi\n")
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout);
    assert!(stdout.contains("Note saved."), "{stdout}");
    assert!(
        stdout.contains("Session saved. Resume with: qbfix --resume "),
        "{stdout}"
    );
    let s = &env.sessions()[0];
    assert_eq!(s["outcome"], "in_progress");
    assert_eq!(s["steps"][0]["answer_id"], "bank_download");
    assert_eq!(s["steps"][1]["note"], "customer uses Wi-Fi");
}

#[test]
fn a_new_session_hints_at_an_unfinished_one() {
    let env = Env::new();
    let first = env.cmd().arg("--plain").write_stdin("1\nq\n").assert().success();
    assert!(!String::from_utf8_lossy(&first.get_output().stdout).contains("qbfix --resume)"));
    let second = env.cmd().arg("--plain").write_stdin("2\nq\n").assert().success();
    let stdout = String::from_utf8_lossy(&second.get_output().stdout);
    let hint = stdout.lines().next().unwrap();
    assert!(
        hint.starts_with("(An unfinished session from ") && hint.ends_with("exists: qbfix --resume)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("Step 1 of 10"),
        "a hint, not a blocking prompt: {stdout}"
    );
    assert_eq!(env.sessions().len(), 2, "plain qbfix starts a new session");
}

#[test]
fn resuming_a_damaged_session_says_so_and_keeps_the_file() {
    let env = Env::new();
    env.cmd().arg("--plain").write_stdin("1\n").assert().success();
    let id = env.sessions()[0]["id"].as_str().unwrap().to_string();
    let path = env.data_dir().join("sessions").join(format!("{id}.json"));
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, &text[..text.len() / 2]).unwrap();
    env.cmd()
        .args(["--plain", "--resume", &id])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is damaged").and(predicate::str::contains("moved it to")));
    let kept = std::fs::read_dir(env.data_dir().join("sessions"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .any(|n| n.starts_with(&format!("{id}.json.corrupt-")));
    assert!(kept, "the damaged file is kept aside");
}

#[test]
fn resuming_with_another_flow_is_refused() {
    let env = Env::new();
    env.cmd().arg("--plain").write_stdin("1\n").assert().success();
    let flow = env.dir().join("mini.toml");
    std::fs::write(
        &flow,
        "id = \"mini\"\ntitle = \"Mini\"\n[[step]]\nid = \"only\"\nkind = \"fix\"\ntitle = \"R\"\ntext = \"F5\"\nnext = \"end\"\n[[step]]\nid = \"end\"\nkind = \"summary\"\ntitle = \"Done\"\ntext = \"Bye.\"\n",
    )
    .unwrap();
    env.cmd()
        .args(["--plain", "--resume", "latest", "--flow"])
        .arg(&flow)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("belongs to flow \"qbo-502\""));
}
