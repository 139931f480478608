//! `w` on an outage's summary, in a real terminal: the first screen says there is nothing to
//! change on this computer and offers `w`; `w` looks at QuickBooks and the status page at once
//! (as `qbfix watch` does) and says what it found, without touching the record; once Intuit is
//! back it says so and rings the bell. QuickBooks and the status page are loopback servers that
//! answer 502 and a major outage until the test flips them.

use crate::support::pty::Tui;
use crate::support::{Env, Switch, World};

/// The wizard on an outage, walked to its summary by "I'll wait"; the switches bring
/// QuickBooks and the status page back.
fn outage_summary() -> (Tui, [Switch; 2]) {
    let world = World::new();
    let (setup, [qbo_back, status_back]) = world.outage_until_flipped();
    world.write_config(&setup);
    let mut tui = Tui::start_in(Env { world }, &[]);
    tui.wait_for("Step 1 of 10");
    tui.keys("1");
    tui.wait_for("Step 2 of 10");
    tui.wait_for("I'll wait");
    tui.keys("4");
    let screen = tui.wait_for("Not resolved yet");
    assert!(screen.contains("Nothing to change on your computer"), "{screen}");
    assert!(screen.contains("Press w to wait here"), "{screen}");
    let footer = screen.lines().last().unwrap_or_default();
    assert!(footer.contains("w wait"), "{footer}");
    (tui, [qbo_back, status_back])
}

fn bells(tui: &Tui) -> usize {
    tui.seen
        .0
        .lock()
        .unwrap()
        .raw
        .iter()
        .filter(|b| **b == 0x07)
        .count()
}

#[test]
fn w_while_quickbooks_is_down_says_so_and_changes_nothing_in_the_record() {
    let (mut tui, _back) = outage_summary();
    let before = tui.session();
    tui.keys("w");
    let screen = tui.wait_for("still not answering normally at");
    assert!(screen.contains("qbfix rings when it answers again"), "{screen}");
    let footer = screen.lines().last().unwrap_or_default();
    assert!(!footer.contains("w wait"), "already waiting: {footer}");
    tui.keys("q");
    assert_eq!(tui.wait_exit(), 0);
    assert_eq!(tui.session(), before, "the record is unchanged");
}

#[test]
fn w_rings_once_quickbooks_answers_again() {
    let (mut tui, back) = outage_summary();
    for switch in &back {
        switch.flip();
    }
    let rang = bells(&tui);
    tui.keys("w");
    tui.wait_for("QuickBooks answers normally again");
    assert!(bells(&tui) > rang, "the bell rings");
    tui.keys("q");
    assert_eq!(tui.wait_exit(), 0);
}
