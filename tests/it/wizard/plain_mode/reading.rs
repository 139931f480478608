//! What plain mode prints at each step for a person reading line by line: the verdict's
//! paragraph once (then a one-line reminder), good news not marked as a warning, and the
//! status page's incident on the status step.

use super::answers;
use crate::support::Env;

#[test]
fn the_verdict_paragraph_is_printed_once_then_a_short_reminder() {
    let env = Env::with_qbo_status(502);
    let out = env
        .cmd()
        .arg("--plain")
        .env("COLUMNS", "400")
        .write_stdin(answers(&["1", "2", "2", "2"]))
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout);
    let s = &env.sessions()[0];
    let advice = s["verdict"]["advice"].as_str().unwrap();
    let title = s["verdict"]["title"].as_str().unwrap();
    assert_eq!(stdout.matches(advice).count(), 1, "{stdout}");
    // Four steps shown, each still names the verdict in one line.
    assert!(stdout.matches(title).count() >= 4, "{stdout}");
}

/// An incident on Intuit's status page: the status step names it and its latest update.
#[test]
fn the_status_step_names_the_incident_and_its_latest_update() {
    use crate::support::servers::Reply;
    use crate::support::setup::Setup;
    use crate::support::world::World;
    let world = World::new();
    let page = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/status/incident_minor.json"
    ))
    .unwrap();
    let setup = Setup {
        status_page: world.http(Reply::json(&page)),
        ..world.healthy()
    };
    world.write_config(&setup);
    let env = Env { world };
    let out = env
        .cmd()
        .arg("--plain")
        .env("COLUMNS", "400")
        .write_stdin(answers(&["4"]))
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout);
    let status = stdout
        .find("Check whether Intuit or your bank is down\n")
        .expect(&stdout);
    let step = &stdout[status..];
    assert!(step.contains("Intuit reports: Bank feeds delayed"), "{stdout}");
    assert!(
        step.contains("Latest update: Some bank transactions are taking longer than usual"),
        "{stdout}"
    );
}

/// "The checks passed" is good news, not "Important:".
#[test]
fn good_news_is_not_marked_important() {
    let env = Env::new();
    let out = env
        .cmd()
        .arg("--plain")
        .env("COLUMNS", "400")
        .write_stdin(answers(&["1", "2"]))
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout);
    assert!(
        stdout.contains("Good news: The checks passed: you can skip this."),
        "{stdout}"
    );
    assert!(!stdout.contains("Important: The checks passed"), "{stdout}");
}

/// The firewall step's safety line comes before the instructions it guards.
#[test]
fn the_safety_line_comes_before_the_instructions() {
    let env = Env::new();
    let out = env
        .cmd()
        .arg("--plain")
        .env("COLUMNS", "400")
        .write_stdin(answers(&["1", "2", "2", "2", "2", "2"]))
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout);
    let step = &stdout[stdout
        .find(": Check your firewall and security software")
        .expect(&stdout)..];
    let safety = step
        .find("Safety: Turn the protection back on after the test")
        .expect(&stdout);
    let first = step.find("1. Turn off the firewall").expect(&stdout);
    assert!(safety < first, "{step}");
}
