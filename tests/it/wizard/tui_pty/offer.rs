//! The resume trap (issue 16, item 6), in a real terminal: opening qbfix and quitting keeps no
//! session; with an unfinished session that has answers, step 1 offers it as its last answer,
//! and choosing it continues that session (the TUI looks it up after its first frame), saying
//! "Welcome back"; so does `--resume`, until the person moves on.

use crate::support::Env;
use crate::support::pty::Tui;

#[test]
fn open_and_quit_keeps_no_session() {
    let mut tui = Tui::start();
    tui.wait_for("Step 1 of 10");
    tui.keys("q");
    tui.wait_for("q quit now");
    tui.keys("q");
    assert_eq!(tui.wait_exit(), 0);
    tui.wait_for("Nothing was answered, so no session was kept.");
    let dir = tui.env.data_dir().join("sessions");
    let left: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| d.map(|e| e.unwrap().file_name()).collect())
        .unwrap_or_default();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn step_one_offers_the_unfinished_session_and_choosing_it_continues_it() {
    let env = Env::new();
    env.cmd().arg("--plain").write_stdin("1\n").assert().success();
    let id = env.sessions()[0]["id"].as_str().unwrap().to_string();
    let mut tui = Tui::start_in(env, &[]);
    tui.wait_for("Step 1 of 10");
    let screen = tui.wait_for("5  Continue the session from");
    assert!(screen.contains(", at step 2"), "{screen}");
    tui.keys("5");
    tui.wait_for("Step 2 of 10");
    // Continued: welcomed back, with the local time it was left at.
    tui.wait_for("Welcome back, continuing from ");
    tui.keys("n");
    tui.wait_for("Note for: ");
    tui.keys("continued in the TUI");
    tui.wait_for("continued in the TUI");
    tui.keys("\r");
    tui.wait_for("Your note: continued in the TUI");
    tui.keys("qq");
    assert_eq!(tui.wait_exit(), 0);
    tui.wait_for("start qbfix again and choose Continue");
    let session = tui.session();
    assert_eq!(session["id"], id.as_str());
    // (The checks found nothing wrong: the browser's step comes second.)
    assert_eq!(Tui::step(&session, "cache")["note"], "continued in the TUI");
}

#[test]
fn resume_says_welcome_back_and_from_when() {
    let env = Env::new();
    env.cmd().arg("--plain").write_stdin("1\n").assert().success();
    let mut tui = Tui::start_in(env, &["--resume"]);
    tui.wait_for("Step 2 of 10");
    tui.wait_for("Welcome back, continuing from ");
    // It is for the first screen: the next step gives the header's row back.
    tui.keys("2");
    let screen = tui.wait_for("Step 3 of 10");
    assert!(!screen.contains("Welcome back"), "{screen}");
    tui.keys("q");
    tui.wait_for("q quit now");
    tui.keys("q");
    assert_eq!(tui.wait_exit(), 0);
}
