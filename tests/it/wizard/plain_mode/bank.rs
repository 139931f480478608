//! The bank step in plain mode with no bank configured: it asks for the bank's address and
//! tests it; the typed address is kept and tested again on resume; Enter skips the question.

use super::answers;
use crate::support;
use crate::support::Env;

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
