//! Walking the flow in a real terminal: number keys to the summary and `q` quits; `q` midway
//! asks once and another key cancels; `n` adds a note saved with the step; offline, Enter never
//! claims a fix and "yes" asks first; resuming a finished session changes nothing in its file;
//! `b` goes back with the answer kept; a resize redraws; `TERM=dumb` gets plain mode; `g` lists
//! every step and Enter jumps there, recorded in the session.

use crate::support::Env;
use crate::support::pty::{COLS, ROWS, Tui};

#[test]
fn number_keys_walk_the_flow_to_the_summary_and_q_quits() {
    let mut tui = Tui::start();
    tui.walk_every_step_answering_no();
    let summary = tui.wait_for("Handed to QuickBooks support");
    assert!(summary.contains("What was tried"), "{summary}");
    tui.keys("q");
    assert_eq!(tui.wait_exit(), 0);
    let session = tui.session();
    assert_eq!(session["outcome"], "escalated");
    let answered = session["steps"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| !s["answer"].is_null())
        .count();
    assert!(answered >= 9, "{answered} answered steps");
    // The quit line names the saved report, for someone who double-clicked and types nothing.
    let id = session["id"].as_str().unwrap();
    let screen = tui.wait_for(&format!("{id}.html"));
    let line = screen
        .lines()
        .find(|l| l.contains("Your report is saved"))
        .unwrap_or_else(|| panic!("no quit line naming the report:\n{screen}"));
    let path = line.split("saved: ").nth(1).unwrap().trim();
    assert!(std::path::Path::new(path).is_file(), "{path}");
    assert!(!screen.contains("qbfix report"), "{screen}");
}

#[test]
fn q_midway_asks_once_and_the_second_q_quits() {
    let mut tui = Tui::start();
    tui.wait_for("Step 1 of 10");
    tui.keys("1");
    tui.wait_for("Step 2 of 10");
    tui.keys("q");
    tui.wait_for("q quit now");
    // Saved before asking.
    assert_eq!(tui.session()["history"].as_array().unwrap().len(), 2);
    tui.keys("q");
    assert_eq!(tui.wait_exit(), 0);
    let session = tui.session();
    assert_eq!(session["outcome"], "in_progress");
    let id = session["id"].as_str().unwrap();
    let screen = tui.wait_for("start qbfix again and choose Continue");
    assert!(!screen.contains("--resume"), "{screen} ({id})");
}

#[test]
fn another_key_cancels_the_quit_question() {
    let mut tui = Tui::start();
    tui.wait_for("Step 1 of 10");
    tui.keys("q");
    tui.wait_for("q quit now");
    tui.keys("j");
    tui.wait_for("q quit");
    tui.keys("1");
    tui.wait_for("Step 2 of 10");
    tui.keys("\x03");
    assert_eq!(tui.wait_exit(), 130);
}

#[test]
fn n_adds_a_note_that_is_saved_with_the_step() {
    let mut tui = Tui::start();
    tui.wait_for("Step 1 of 10");
    tui.keys("1");
    tui.wait_for("Step 2 of 10");
    tui.keys("n");
    // Healthy checks: the browser is the likely cause, so its step is second.
    tui.wait_for("Note for: Clear your browser's cache and cookies");
    tui.keys("tried the phone hotspot");
    tui.wait_for("tried the phone hotspot");
    tui.keys("\r");
    tui.wait_for("Your note: tried the phone hotspot");
    tui.keys("q");
    tui.wait_for("q quit now");
    tui.keys("q");
    assert_eq!(tui.wait_exit(), 0);
    let session = tui.session();
    assert_eq!(Tui::step(&session, "cache")["note"], "tried the phone hotspot");
}

#[test]
fn offline_enter_enter_never_claims_a_fix() {
    let mut tui = Tui::start_in(Env::offline(), &[]);
    tui.wait_for("Step 1 of 10");
    // Enter on every screen, as a person in a hurry would: it walks on, never to "Resolved".
    tui.keys("\r");
    tui.wait_for("Step 2 of 10");
    let screen = tui.wait_for("┌ Check your internet connection ");
    assert!(screen.contains("not online"), "{screen}");
    for step in 3..=9 {
        tui.keys("\r");
        tui.wait_for(&format!("Step {step} of 10"));
    }
    tui.keys("\r");
    let summary = tui.wait_for("What was tried");
    assert!(!summary.contains("Resolved"), "{summary}");
    tui.keys("q");
    assert_eq!(tui.wait_exit(), 0);
    let session = tui.session();
    assert_ne!(session["outcome"], "resolved");
    assert!(session["resolved_by"].is_null());
}

#[test]
fn yes_while_offline_asks_before_recording_the_fix() {
    let mut tui = Tui::start_in(Env::offline(), &[]);
    tui.wait_for("Step 1 of 10");
    tui.keys("1");
    tui.wait_for("Step 2 of 10");
    tui.wait_for("┌ Check your internet connection ");
    tui.keys("1");
    tui.wait_for("still can't reach QuickBooks — is it really");
    // Enter keeps the safe answer: "No, still failing", and the walk goes on.
    tui.keys("\r");
    tui.wait_for("Step 3 of 10");
    tui.keys("\x03");
    assert_eq!(tui.wait_exit(), 130);
    let session = tui.session();
    assert_eq!(session["outcome"], "in_progress");
    assert_eq!(Tui::step(&session, "connection")["answer_id"], "no");
}

#[test]
fn resume_of_a_finished_session_changes_nothing_in_its_file() {
    let env = Env::with_qbo_status(502);
    env.cmd().arg("--plain").write_stdin("1\n4\n").assert().success();
    let sessions = env.data_dir().join("sessions");
    let file = std::fs::read_dir(&sessions)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "json"))
        .unwrap();
    let before = std::fs::read(&file).unwrap();
    let id = file.file_stem().unwrap().to_string_lossy().to_string();
    // Resumed with a healthy network's config, in the full-screen UI.
    let healthy = Env::new();
    std::fs::copy(healthy.config_path(), env.config_path()).unwrap();
    let mut tui = Tui::start_in(env, &["--resume", &id]);
    tui.wait_for(&format!("Session {id} is finished"));
    tui.wait_for(&format!("qbfix report {id}"));
    assert_eq!(tui.wait_exit(), 0);
    assert_eq!(
        std::fs::read(&file).unwrap(),
        before,
        "the record is byte-identical"
    );
}

#[test]
fn b_goes_back_with_the_answer_kept() {
    let mut tui = Tui::start();
    tui.wait_for("Step 1 of 10");
    tui.keys("3");
    tui.wait_for("Step 2 of 10");
    tui.keys("b");
    let screen = tui.wait_for("Step 1 of 10");
    tui.wait_for("▶ 3  QuickBooks is very slow or stops responding ✓");
    assert!(screen.contains("What do you see?"), "{screen}");
    tui.keys("\x03");
    assert_eq!(tui.wait_exit(), 130);
    let session = tui.session();
    assert_eq!(session["history"], serde_json::json!(["symptom"]));
    assert_eq!(Tui::step(&session, "symptom")["answer_id"], "slow");
}

#[test]
fn resizing_the_window_redraws_the_layout() {
    let mut tui = Tui::start();
    tui.wait_for("Step 1 of 10");
    tui.resize(30, 8);
    tui.wait_for("enlarge");
    tui.resize(ROWS, COLS);
    tui.wait_for("What do you see?");
    tui.keys("q");
    tui.wait_for("q quit now");
    tui.keys("q");
    assert_eq!(tui.wait_exit(), 0);
}

#[test]
fn term_dumb_gets_plain_mode() {
    let mut tui = Tui::start_with(&[], &[("TERM", "dumb")]);
    tui.wait_for("Step 1 of 10: What do you see?");
    tui.wait_for("Answer 1-4 (b back, n note, q quit, ? help):");
    assert!(
        !tui.seen.0.lock().unwrap().screen.screen().alternate_screen(),
        "no full-screen UI on a dumb terminal"
    );
    tui.keys("q\r");
    assert_eq!(tui.wait_exit(), 0);
}

#[test]
fn g_lists_every_step_and_enter_jumps_there_recorded_in_the_session() {
    let mut tui = Tui::start_with(&["--helpdesk"], &[]);
    tui.wait_for("Step 1 of 10");
    tui.keys("1");
    tui.wait_for("Step 2 of 10");
    tui.keys("g");
    tui.wait_for("Jump to a step");
    // Down twice from the current step (row 2) and Enter: step 4.
    tui.keys("j");
    tui.keys("j");
    tui.keys("\r");
    tui.wait_for("Step 4 of 10");
    tui.keys("\x03");
    assert_eq!(tui.wait_exit(), 130);
    let session = tui.session();
    let jumps = session["jumps"].as_array().expect("jumps recorded");
    assert_eq!(jumps.len(), 1, "{session:#}");
    assert_eq!(jumps[0]["from"], session["history"][1]);
    assert_eq!(jumps[0]["to"], session["history"][2]);
}
