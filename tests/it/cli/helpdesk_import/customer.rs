//! `--helpdesk --customer FILE` on the agent's computer: no request to any target, the
//! customer's results shown, and step one saying the results are the customer's rather than
//! that qbfix is testing.

use super::{outage, qbfix, stdout};
use crate::support;
use crate::support::{Counter, Reply, Setup, World};

#[test]
fn helpdesk_customer_runs_no_check_on_the_agents_computer() {
    let world = World::new();
    // The customer's results, from a real check in an outage.
    let run = world.check(&outage(&world));
    let file = support::write_file(world.dir.path(), "customer.json", &run.stdout);
    // The agent's config: every target counts the requests it gets.
    let counted = |w: &World| w.counted(Reply::ok(), usize::MAX, Reply::ok());
    let (qbo, c1) = counted(&world);
    let (control, c2) = counted(&world);
    let (status, c3) = world.counted(Reply::json(support::OPERATIONAL), usize::MAX, Reply::ok());
    let (bank, c4) = counted(&world);
    let setup = Setup {
        quickbooks: vec![qbo],
        control: vec![control],
        status_page: status,
        bank: vec![bank],
        ..Setup::default()
    };
    let config = world.write_config(&setup);
    let out = qbfix(&world, &config)
        .args(["--helpdesk", "--customer"])
        .arg(&file)
        .write_stdin("1\n2\n")
        .assert()
        .success();
    let text = stdout(&out);
    let counters: [&Counter; 4] = [&c1, &c2, &c3, &c4];
    assert_eq!(
        counters.map(Counter::get),
        [0; 4],
        "requests from the agent's side:\n{text}"
    );
    assert!(text.contains("Case code: QB-"), "{text}");
    assert!(!text.contains("running checks"), "{text}");
    assert!(
        text.contains("Intuit reports"),
        "the customer's results are shown: {text}"
    );
}

#[test]
fn step_one_says_the_results_are_the_customers_not_that_qbfix_is_testing() {
    let world = World::new();
    let run = world.check(&outage(&world));
    let file = support::write_file(world.dir.path(), "customer.json", &run.stdout);
    let config = world.write_config(&world.healthy());
    let out = qbfix(&world, &config)
        .args(["--helpdesk", "--customer"])
        .arg(&file)
        .env("COLUMNS", "200")
        .write_stdin("q\n")
        .assert()
        .success();
    let text = stdout(&out);
    assert!(text.contains("Step 1 of"), "{text}");
    assert!(!text.contains("already testing"), "{text}");
    assert!(
        text.contains(
            "qbfix is showing the results the customer's computer found (loaded from their check results file): \
             no checks run on this computer unless you ask for them."
        ),
        "{text}"
    );
    // The agent's own session (no --customer) still says the checks run now.
    let out = qbfix(&world, &config)
        .args(["--plain", "--helpdesk"])
        .env("COLUMNS", "200")
        .write_stdin("q\n")
        .assert()
        .success();
    assert!(
        stdout(&out).contains("qbfix is already testing"),
        "{}",
        stdout(&out)
    );
}
