//! The plain line mode, driven through the real binary with answers on stdin, against a
//! loopback server standing in for every target.

use crate::support;
use crate::support::{Env, is_clean};
use predicates::prelude::*;

fn answers(lines: &[&str]) -> String {
    lines.iter().map(|l| format!("{l}\n")).collect()
}

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
fn yes_while_the_checks_still_fail_asks_once_with_a_y_n_line() {
    let env = Env::with_qbo_status(502);
    let out = env
        .cmd()
        .arg("--plain")
        .write_stdin(answers(&["1", "1", "n", "1", "y"]))
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout);
    let question = "The checks still can't reach QuickBooks — is it really working now? (y/n): ";
    assert_eq!(stdout.matches(question).count(), 2, "{stdout}");
    let s = &env.sessions()[0];
    assert_eq!(s["outcome"], "resolved", "recorded only after y");
    assert_eq!(s["resolved_by"], "server_status");
}

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
    let first = env.cmd().arg("--plain").write_stdin("q\n").assert().success();
    assert!(!String::from_utf8_lossy(&first.get_output().stdout).contains("qbfix --resume)"));
    let second = env.cmd().arg("--plain").write_stdin("q\n").assert().success();
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
fn helpdesk_mode_gives_a_case_code_and_read_aloud_scripts() {
    let env = Env::new();
    let out = env
        .cmd()
        .args(["--plain", "--helpdesk"])
        .write_stdin("1\n")
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout);
    let code = env.sessions()[0]["case_code"].as_str().unwrap().to_string();
    assert!(code.starts_with("QB-") && code.len() == 12, "{code}");
    assert!(stdout.contains(&format!("Case code: {code}")), "{stdout}");
    assert!(
        stdout.contains("Say: I'll help you with the QuickBooks error."),
        "{stdout}"
    );
    let plain = env.cmd().arg("--plain").write_stdin("1\n").assert().success();
    let plain = String::from_utf8_lossy(&plain.get_output().stdout).to_string();
    assert!(
        !plain.contains("Say:") && !plain.contains("Listen for:"),
        "{plain}"
    );
}

#[test]
fn a_helpdesk_walk_shows_say_ask_and_listen_for_each_step() {
    let env = Env::new();
    let out = env
        .cmd()
        .args(["--plain", "--helpdesk"])
        .env("COLUMNS", "200")
        .write_stdin(answers(&["1", "2", "2"]))
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout);
    for expected in [
        "Say: I'll help you with the QuickBooks error. First, tell me what you see.",
        "Ask: Please try again the thing that failed. What is on your screen?",
        "  - \"502\" or \"Bad Gateway\": answer 1 (A \"502\" or \"Bad Gateway\" error message)",
        // Healthy checks: the browser step is second, then the connection.
        "Say: Old stored pages in the browser often cause this.",
        "  - \"It works in the private window, or after clearing\": answer 1 (Yes, it works now)",
        "Say: Let's check your internet connection first.",
        "  - \"They can't restart the router right now\": answer 3 (Skip this step)",
    ] {
        assert!(stdout.contains(expected), "{expected:?} in {stdout}");
    }
    assert!(stdout.matches("Listen for:").count() >= 3, "{stdout}");
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

#[test]
fn the_bank_step_asks_for_the_banks_address_and_tests_it() {
    let env = Env::without_bank();
    let bank = env.world.http(support::Reply::status(503));
    // Bank downloads fail; healthy checks bring the browser steps first, then the
    // connection, then the bank step.
    let out = env
        .cmd()
        .arg("--plain")
        .env("COLUMNS", "200")
        .write_stdin(answers(&["4", "2", "2", &bank, "4"]))
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout);
    assert!(
        stdout.contains("Type your bank's web address to test it, or press Enter to skip: "),
        "{stdout}"
    );
    assert!(stdout.contains("(testing your bank's website …)"), "{stdout}");
    assert!(stdout.contains("⌂ Whose problem: your bank"), "{stdout}");
    assert!(!stdout.contains("[targets]"), "{stdout}");
    let s = &env.sessions()[0];
    assert_eq!(s["verdict"]["id"], "bank_unreachable");
    let bank: Vec<_> = s["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["id"] == "bank")
        .collect();
    assert_eq!(bank.len(), 1);
    assert_eq!(bank[0]["status"], "fail", "{:#}", bank[0]);
}

#[test]
fn the_typed_bank_address_is_kept_and_tested_again_on_resume() {
    let env = Env::without_bank();
    let (bank, requests) = env
        .world
        .counted(support::Reply::status(503), usize::MAX, support::Reply::ok());
    env.cmd()
        .arg("--plain")
        .write_stdin(answers(&["4", "2", "2", &bank, "q"]))
        .assert()
        .success();
    let first = requests.get();
    assert!(first >= 1, "the bank was tested in the first run");
    let s = &env.sessions()[0];
    assert_eq!(s["bank_address"], bank.as_str(), "{s:#}");

    let out = env
        .cmd()
        .args(["--plain", "--resume", "latest"])
        .env("COLUMNS", "200")
        .write_stdin("q\n")
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout);
    assert!(
        !stdout.contains("Type your bank's web address"),
        "not asked again: {stdout}"
    );
    assert!(requests.get() > first, "tested again on resume: {stdout}");
    let s = &env.sessions()[0];
    let bank_results: Vec<_> = s["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["id"] == "bank")
        .collect();
    assert_eq!(bank_results.len(), 1, "{s:#}");
    assert_eq!(
        bank_results[0]["status"], "fail",
        "still the bank's 503: {:#}",
        bank_results[0]
    );
}

#[test]
fn enter_at_the_bank_question_skips_it() {
    let env = Env::without_bank();
    let out = env
        .cmd()
        .arg("--plain")
        .write_stdin(answers(&["4", "2", "2", "", "2"]))
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout);
    assert_eq!(
        stdout.matches("Type your bank's web address").count(),
        1,
        "{stdout}"
    );
    assert!(!stdout.contains("testing your bank"), "{stdout}");
    assert_eq!(env.sessions()[0]["steps"][3]["answer_id"], "no");
}

#[test]
fn y_prints_the_ticket_summary_with_the_case_code() {
    let env = Env::new();
    let out = env
        .cmd()
        .args(["--plain", "--helpdesk"])
        .env("COLUMNS", "200")
        .write_stdin(answers(&["1", "2", "y", "q"]))
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout);
    let code = stdout
        .split("Case code: ")
        .nth(1)
        .and_then(|rest| rest.get(..12))
        .expect("plain helpdesk mode prints its case code");
    let ticket = stdout
        .split("--- ticket summary ---")
        .nth(1)
        .and_then(|rest| rest.split("--- end of ticket summary ---").next())
        .expect("y prints the ticket summary");
    assert!(ticket.contains(code), "case code {code} in the ticket:\n{ticket}");
    assert!(
        !stdout.contains("Please type the number"),
        "y is a command: {stdout}"
    );
}
