//! `qbfix watch` on a real terminal (the binary in a pseudo-terminal, `support::pty`): one live
//! line naming what is still down and the status page incident's latest update, rewritten in
//! place at each poll; the bell and exit 0 once everything answers normally; exit 130 on
//! Ctrl-C. The status page and QuickBooks are loopback servers (every target overridden, proxy
//! "none"); the status page recovers only when the test, having seen the live line, says so.
#![cfg(unix)]

use crate::support::Env;
use crate::support::pty::Tui;
use crate::support::{OPERATIONAL, Reply, Setup, Switch};

const MAJOR_OUTAGE: &str = include_str!("../../data/status/major_outage.json");

/// A terminal too narrow for the incident's name and its update both: the update stays.
const SIZE: (u16, u16) = (8, 120);

/// `qbfix watch --interval 1` on a status page in a major outage (QuickBooks itself answers
/// 200) until the returned switch is flipped.
fn watching() -> (Tui, Switch) {
    let env = Env::new();
    let (status_page, switch) = env
        .world
        .switched(Reply::json(MAJOR_OUTAGE), Reply::json(OPERATIONAL));
    let setup = Setup {
        status_page,
        ..env.world.healthy()
    };
    env.world.write_config(&setup);
    let tui = Tui::start_sized(env, &["watch", "--interval", "1"], &[], SIZE);
    (tui, switch)
}

#[test]
fn the_live_line_names_what_is_down_and_the_latest_update_then_the_bell_on_recovery() {
    let (mut tui, switch) = watching();
    let screen = tui.wait_for("Customers may see 502 Bad Gateway errors.");
    let line = screen
        .lines()
        .find(|l| l.contains("Still down:"))
        .unwrap_or_else(|| panic!("no live line in\n{screen}"));
    assert!(line.starts_with("Still down: Intuit status page"), "{line}");
    assert!(
        line.contains(" · Intuit: Customers may see 502 Bad Gateway errors. · "),
        "the incident's latest update, whole: {line}"
    );
    assert!(line.chars().count() < 120, "one row: {line}");
    assert!(
        !line.contains("QuickBooks sites"),
        "QuickBooks itself answers: {line}"
    );
    assert!(
        line.contains(" · checked ") && line.contains(" · next "),
        "{line}"
    );

    // A second poll rewrites the same line rather than adding one.
    tui.wait_until("a second poll", |seen| {
        let raw = String::from_utf8_lossy(&seen.raw).into_owned();
        (raw.matches("Still down:").count() >= 2).then_some(())
    });
    let screen = tui.contents();
    assert_eq!(
        screen.matches("Still down:").count(),
        1,
        "one live line:\n{screen}"
    );

    switch.flip();
    assert_eq!(tui.wait_exit(), 0, "{}", tui.contents());
    let screen = tui.contents();
    assert!(screen.contains("QuickBooks answers normally again"), "{screen}");
    assert!(
        !screen.contains("Still down:"),
        "the live line gave way:\n{screen}"
    );
    let raw = tui.wait_for_output("QuickBooks answers normally again");
    let after = &raw[raw.rfind("QuickBooks answers normally again").unwrap()..];
    assert!(after.contains('\u{7}'), "the bell rings on recovery: {after:?}");
}

#[test]
fn ctrl_c_stops_watching_with_exit_130() {
    let (mut tui, _switch) = watching();
    tui.wait_for("Still down: Intuit status page");
    // The terminal turns Ctrl-C into SIGINT for the program, as for a person typing it.
    tui.write(b"\x03");
    assert_eq!(tui.wait_exit(), 130, "{}", tui.contents());
    assert!(tui.contents().contains("Stopped watching."), "{}", tui.contents());
}
