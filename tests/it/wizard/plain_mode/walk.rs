//! Walking the steps in plain mode: answering 2 everywhere reaches the summary with the checks
//! attached; "yes" re-runs the network checks and asks once while they still fail; bad input
//! gets a hint and the prompt again; an outage moves the server status step forward; piped
//! answers are echoed; a custom flow file runs.

use super::answers;
use crate::support::{Env, is_clean};

#[test]
fn answering_two_everywhere_reaches_the_summary_with_checks_attached() {
    let env = Env::new();
    let out = env
        .cmd()
        .arg("--plain")
        .write_stdin(answers(&["2"; 12]))
        .assert()
        .success();
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(stdout.contains("Step 1 of 10: What do you see?"), "{stdout}");
    assert!(stdout.contains("Summary"), "{stdout}");
    assert!(!stdout.contains('\u{1b}'), "no escape codes in plain mode");
    assert!(is_clean(&stdout));

    let sessions = env.sessions();
    assert_eq!(sessions.len(), 1);
    let s = &sessions[0];
    let answered = s["steps"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|st| !st["answer"].is_null())
        .count();
    assert!(answered >= 9, "{answered} answered steps");
    assert_eq!(s["verdict"]["id"], "local_ok");
    assert_eq!(
        s["outcome"], "escalated",
        "2 at the support step hands over to support"
    );
    let connection = s["steps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|st| st["id"] == "connection")
        .unwrap();
    let ids: Vec<&str> = connection["checks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&"connectivity") && ids.contains(&"http"), "{ids:?}");
    assert!(
        stdout.contains("answered 200"),
        "check results are printed at their step: {stdout}"
    );
}

#[test]
fn yes_re_runs_the_network_checks_and_resolves_when_they_pass() {
    let env = Env::new();
    let out = env
        .cmd()
        .arg("--plain")
        .write_stdin(answers(&["1", "1"]))
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout);
    assert!(
        stdout.contains("(running the network checks again to see it working …)"),
        "{stdout}"
    );
    // Healthy checks: the browser is the likely cause, so its step comes first.
    assert!(
        stdout.contains("Outcome: Resolved (fixed by: Clear your browser's cache and cookies)"),
        "{stdout}"
    );
    let s = &env.sessions()[0];
    assert_eq!(s["outcome"], "resolved");
    assert_eq!(s["resolved_by"], "cache");
    assert!(!s["finished_at"].is_null());
    assert_eq!(s["check_runs"].as_array().unwrap().len(), 2);
    assert_eq!(s["check_runs"][1]["verdict"]["id"], "local_ok");
}

#[test]
fn yes_while_the_checks_still_fail_asks_once_with_numbered_answers() {
    let env = Env::with_qbo_status(502);
    let out = env
        .cmd()
        .arg("--plain")
        .write_stdin(answers(&["1", "1", "2", "b", "1", "1"]))
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout);
    let question = "The checks still can't reach QuickBooks — is it really working now?";
    assert_eq!(stdout.matches(question).count(), 2, "{stdout}");
    assert_eq!(
        stdout.matches("  1) Yes, it really works now").count(),
        2,
        "{stdout}"
    );
    assert_eq!(
        stdout.matches("  2) No, it is still failing").count(),
        2,
        "{stdout}"
    );
    assert!(!stdout.contains("(y/n)"), "{stdout}");
    // "2" (still failing) moves on to the next step.
    let no = stdout.find("Answer 1 or 2: 2").expect(&stdout);
    assert!(
        stdout[no..].contains("Step 3 of 10: Check your internet connection"),
        "{stdout}"
    );
    let s = &env.sessions()[0];
    assert_eq!(s["outcome"], "resolved", "recorded only after 1");
    assert_eq!(s["resolved_by"], "server_status");
}

#[test]
fn bad_input_gets_a_hint_and_the_prompt_again() {
    let env = Env::new();
    let out = env
        .cmd()
        .arg("--plain")
        .write_stdin("7\nhello\n\u{1b}[2J\n?\nb\n2\nb\n")
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout);
    assert_eq!(
        stdout
            .matches("There is no answer 7 here: press a number from 1 to 4.")
            .count(),
        1,
        "{stdout}"
    );
    assert_eq!(
        stdout
            .matches("Please type the number of an answer, or ? for help.")
            .count(),
        2,
        "{stdout}"
    );
    assert!(stdout.contains("b         go back one step"), "{stdout}");
    assert!(
        stdout.contains("(earlier answer: I can't sign in to QuickBooks Online)"),
        "{stdout}"
    );
    assert!(!stdout.contains('\u{1b}'));
}

#[test]
fn an_outage_moves_server_status_forward() {
    let env = Env::with_qbo_status(502);
    let out = env.cmd().arg("--plain").write_stdin("1\n").assert().success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout);
    assert!(
        stdout.contains("Step 2 of 10: Check whether Intuit or your bank is down"),
        "{stdout}"
    );
    assert!(stdout.contains("502 Bad Gateway"), "{stdout}");
    assert_eq!(env.sessions()[0]["verdict"]["id"], "service_outage");
}

#[test]
fn answers_are_echoed_after_their_prompt_when_piped() {
    let env = Env::new();
    let out = env.cmd().arg("--plain").write_stdin("3\n").assert().success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout);
    assert!(
        stdout.contains("Answer 1-4 (b back, n note, q quit, ? help): 3\n"),
        "{stdout}"
    );
}

#[test]
fn a_custom_flow_file_runs() {
    let env = Env::new();
    let flow = env.dir().join("mini.toml");
    std::fs::write(
        &flow,
        "id = \"mini\"\ntitle = \"Mini\"\n[[step]]\nid = \"only\"\nkind = \"fix\"\ntitle = \"Reload the page\"\ntext = \"Press F5.\"\nchecks = [\"http\"]\nnext = \"end\"\n[[step]]\nid = \"end\"\nkind = \"summary\"\ntitle = \"Done\"\ntext = \"Bye.\"\n",
    )
    .unwrap();
    let out = env
        .cmd()
        .arg("--plain")
        .arg("--flow")
        .arg(&flow)
        .write_stdin("2\n")
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout);
    assert!(stdout.contains("Step 1 of 2: Reload the page"), "{stdout}");
    assert_eq!(env.sessions()[0]["flow"], "mini");
    assert_eq!(env.sessions()[0]["outcome"], "unresolved");
}
