//! Plain mode for the helpdesk (`--helpdesk`): a case code and read-aloud scripts (Say, Ask,
//! Listen for) at each step, and `y` printing the ticket summary with the case code.

use super::answers;
use crate::support::Env;

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
        // The checks passed for the connection: the script says so and asks nothing.
        "Good news: The checks passed: you can skip this.",
        "Say: The checks found nothing wrong here, so we can skip this step.",
    ] {
        assert!(stdout.contains(expected), "{expected:?} in {stdout}");
    }
    assert!(!stdout.contains("Ask: Please open another website"), "{stdout}");
    assert_eq!(stdout.matches("Listen for:").count(), 2, "{stdout}");
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

/// During an outage the firewall step cannot help: the plain script says so and never asks
/// the customer to pause their protection.
#[test]
fn an_outage_script_never_asks_for_a_step_that_cannot_help() {
    let env = crate::support::Env::with_qbo_status(502);
    let out = env
        .cmd()
        .args(["--plain", "--helpdesk"])
        .env("COLUMNS", "400")
        .write_stdin(answers(&["1", "2", "3", "3", "3", "3"]))
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout);
    let firewall = &stdout[stdout
        .find(": Check your firewall and security software")
        .expect(&stdout)..];
    let firewall = &firewall[..firewall.find("Answer 1-").unwrap()];
    assert!(
        firewall.contains("Say: While Intuit's servers are failing, this step cannot help, so we skip it."),
        "{firewall}"
    );
    assert!(!firewall.contains("Ask:"), "{firewall}");
    assert!(!firewall.contains("Please pause your antivirus"), "{firewall}");
}
