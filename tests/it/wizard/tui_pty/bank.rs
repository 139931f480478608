//! The bank step in a real terminal with no bank configured: the address, typed or pasted, goes
//! into the field and Enter tests it in this session.

use crate::support;
use crate::support::Env;
use crate::support::pty::Tui;

#[test]
fn the_bank_step_takes_the_banks_address_and_tests_it_in_this_session() {
    bank_walk(|tui, bank| {
        tui.keys(bank);
        tui.wait_for(&format!("› {bank}"));
    });
}

#[test]
fn a_bank_address_pasted_goes_into_the_field() {
    bank_walk(|tui, bank| {
        // Bracketed paste, with the line break a copied address often ends in.
        tui.keys(&format!("\x1b[200~{bank}\r\n\x1b[201~"));
        tui.wait_for(&format!("› {bank}"));
    });
}

/// Bank downloads fail and no bank address is configured: the walk reaches the bank step,
/// `send` puts the address of a counting loopback bank (answering 503) into the field, Enter
/// tests it; its result is on screen and in the saved session.
fn bank_walk(send: impl FnOnce(&mut Tui, &str)) {
    let env = Env::without_bank();
    let (bank, requests) = env.world.counted(
        support::Reply::status(503),
        usize::MAX,
        support::Reply::status(503),
    );
    let mut tui = Tui::start_in(env, &[]);
    tui.wait_for("Step 1 of 10");
    // Bank downloads fail; healthy checks bring the browser steps first.
    tui.keys("4");
    tui.wait_for("Step 2 of 10");
    tui.keys("2");
    tui.wait_for("Step 3 of 10");
    tui.keys("2");
    tui.wait_for("Type your bank's web address to test it");
    let screen = tui.wait_for("Enter test it");
    assert!(screen.contains("Esc skip"), "{screen}");
    assert_eq!(requests.get(), 0, "nothing sent before the address is typed");
    send(&mut tui, &bank);
    tui.keys("\r");
    // The card and the bank's result line may come in two frames: wait for both.
    let screen = tui.wait_until("the card and the bank's result", |seen| {
        let now = seen.screen.screen().contents();
        (now.contains("Whose problem: your bank") && now.contains("answered 503")).then_some(now)
    });
    assert!(!screen.contains("Type your bank's web address"), "{screen}");
    assert!(requests.get() >= 1, "the bank's server was asked");
    // Saved when the run ended, before the card was drawn.
    let session = tui.session();
    assert_eq!(session["verdict"]["id"], "bank_unreachable", "{session:#}");
    let bank_results: Vec<_> = session["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["id"] == "bank")
        .collect();
    assert_eq!(bank_results.len(), 1, "{session:#}");
    assert_eq!(bank_results[0]["status"], "fail", "{:#}", bank_results[0]);
    tui.keys("q");
    tui.wait_for("q quit now");
    tui.keys("q");
    assert_eq!(tui.wait_exit(), 0);
}
