//! `qbfix check` on a real terminal (the binary in a pseudo-terminal, `support::pty`): it says
//! "Checking…" at once, and after 1.5 s names what it still waits on by the names a person
//! reads ("Intuit status page"), never by ids ("status_page").
#![cfg(unix)]

use crate::support::Env;
use crate::support::Setup;
use crate::support::pty::Tui;

#[test]
fn checking_shows_at_once_then_names_what_it_waits_on() {
    let env = Env::new();
    let setup = Setup {
        status_page: env.world.hang(),
        timeout_ms: 4000,
        ..env.world.healthy()
    };
    env.world.write_config(&setup);
    let mut tui = Tui::start_sized(env, &["check"], &[], (30, 120));
    tui.wait_for("Checking…");
    let screen = tui.wait_for("Still waiting on:");
    let line = screen
        .lines()
        .find(|l| l.contains("Still waiting on:"))
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(line.contains("Intuit status page"), "{line}");
    assert!(!line.contains("status_page"), "no ids: {line}");
    tui.wait_exit();
    let screen = tui.contents();
    assert!(screen.contains("Result code:"), "the table follows:\n{screen}");
}
