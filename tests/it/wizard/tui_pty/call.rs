//! Runs carry their origin, in a real terminal: in a call on an offline customer's results,
//! `r` runs the checks on the agent's (healthy) computer and draws them apart, "This computer
//! (yours)", while the panel keeps the customer's title, results and verdict; the start-up note
//! about whose results these are is said inside the screen, not below it once it closes.

use crate::support::pty::Tui;
use crate::support::{Env, World, write_file};

#[test]
fn r_in_a_call_draws_this_computer_apart_from_the_customers_results() {
    let world = World::new();
    let customer = world.check(&world.offline());
    let env = Env::new();
    let file = write_file(env.dir(), "customer.json", &customer.stdout);
    let file = file.display().to_string();
    let mut tui = Tui::start_in(env, &["--helpdesk", "--customer", &file]);
    // The start-up note is said inside the call's screen, not left below it once it closes.
    tui.wait_for("no checks run on this computer");
    tui.wait_for("The customer's results");
    tui.wait_for("Whose problem: your connection");
    tui.keys("r");
    let screen = tui.wait_for("This computer (yours)");
    assert!(screen.contains("The customer's results"), "{screen}");
    // Every result of both in the checks view, this computer's apart after the customer's.
    tui.keys("c");
    tui.wait_for("What was checked");
    for _ in 0..6 {
        tui.keys(" ");
    }
    tui.wait_for("Here: Your connection to QuickBooks looks fine");
    tui.keys("\x1b");
    tui.wait_for("┌ What do you see?");
    tui.keys("q");
    tui.wait_for("q quit now");
    tui.keys("q");
    assert_eq!(tui.wait_exit(), 0);
    let after = tui.contents();
    assert!(
        !after.contains("no checks run on this computer"),
        "the start-up note is below the closed screen:\n{after}"
    );
    let session = tui.session();
    assert_eq!(
        session["verdict"]["id"], "offline",
        "the customer's verdict stays"
    );
    assert_eq!(
        session["checks"], customer.report["checks"],
        "and so do their results"
    );
    let ours = session["this_computer_checks"]
        .as_array()
        .expect("this computer's run");
    assert!(
        ours.iter().any(|c| c["id"] == "http" && c["status"] == "pass"),
        "{ours:?}"
    );
}
