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
