//! The TUI end to end: the real binary in a real pseudo-terminal at 100×30 (`support::pty`),
//! every target on a loopback server. Keys are typed as a person would; each test waits for
//! what a person would see (generous deadline), never for a fixed time.
#![cfg(unix)]

use crate::support;
use crate::support::Env;
use crate::support::pty::{COLS, ROWS, Tui};

#[test]
fn number_keys_walk_the_flow_to_the_summary_and_q_quits() {
    let mut tui = Tui::start();
    tui.wait_for("Step 1 of 10");
    tui.keys("1");
    for step in 2..=9 {
        tui.wait_for(&format!("Step {step} of 10"));
        tui.keys("2");
    }
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
    assert!(tui.wait_for("qbfix report").contains("saved"));
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
    tui.wait_for(&format!("Resume with: qbfix --resume {id}"));
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
fn ctrl_c_saves_quits_at_once_and_restores_the_terminal() {
    let mut tui = Tui::start();
    tui.wait_for("Step 1 of 10");
    tui.keys("1");
    tui.wait_for("Step 2 of 10");
    tui.keys("\x03");
    assert_eq!(tui.wait_exit(), 130, "interrupted");
    let session = tui.session();
    assert_eq!(session["outcome"], "in_progress");
    assert_eq!(Tui::step(&session, "symptom")["answer_id"], "bad_gateway");
    tui.wait_for("Resume with: qbfix --resume");
    tui.assert_restored();
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
    tui.keys("\r");
    tui.wait_for("Did this fix it?");
    tui.keys("\x03");
    assert_eq!(tui.wait_exit(), 130);
    let session = tui.session();
    assert_eq!(session["outcome"], "in_progress");
    assert!(Tui::step(&session, "connection")["answer"].is_null());
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

/// Opens the note editor on step 2 and types `draft` into it (not saved).
fn draft_on_step_two(tui: &mut Tui, draft: &str) {
    tui.wait_for("Step 1 of 10");
    tui.keys("1");
    tui.wait_for("Step 2 of 10");
    tui.keys("n");
    tui.wait_for("Note for: ");
    tui.keys(draft);
    tui.wait_for(draft);
}

/// The record of the second step taken.
fn second_step(session: &serde_json::Value) -> &serde_json::Value {
    let id = session["history"][1].as_str().expect("a second step");
    Tui::step(session, id)
}

#[test]
fn every_signal_keeps_the_draft_note_saves_restores_and_exits_128_plus_n() {
    for (signal, code) in [("INT", 130), ("QUIT", 131), ("TERM", 143), ("HUP", 129)] {
        let mut tui = Tui::start();
        draft_on_step_two(&mut tui, "hotspot works too");
        tui.signal(signal);
        assert_eq!(tui.wait_exit(), code, "SIG{signal}");
        tui.wait_for("Resume with: qbfix --resume");
        tui.assert_restored();
        let session = tui.session();
        let step = second_step(&session);
        assert_eq!(step["note"], "hotspot works too", "SIG{signal}");
        assert_eq!(step["note_draft"], true, "SIG{signal}");
        assert_eq!(session["outcome"], "in_progress");
    }
}

#[test]
fn ctrl_c_in_the_note_editor_keeps_the_draft() {
    let mut tui = Tui::start();
    draft_on_step_two(&mut tui, "half a thought");
    tui.keys("\x03");
    assert_eq!(tui.wait_exit(), 130);
    tui.assert_restored();
    let session = tui.session();
    assert_eq!(second_step(&session)["note"], "half a thought");
    assert_eq!(second_step(&session)["note_draft"], true);
}

#[test]
fn a_bracketed_paste_goes_into_the_note_whole_and_answers_no_step() {
    let mut tui = Tui::start();
    tui.wait_for("Step 1 of 10");
    tui.keys("1");
    tui.wait_for("Step 2 of 10");
    tui.keys("n");
    tui.wait_for("Note for: ");
    tui.keys("\x1b[200~Error 502 Bad Gateway\r2 of my 3 bank accounts fail since 9am\r\x1b[201~");
    tui.wait_for("2 of my 3 bank accounts fail since 9am");
    tui.keys("\r");
    let screen = tui.wait_for("Your note: Error 502 Bad Gateway");
    assert!(
        screen.contains("Step 2 of 10"),
        "a pasted line answered a step:\n{screen}"
    );
    // Outside the editor a paste answers nothing either, and the footer says why.
    tui.keys("\x1b[200~2\r3\r\x1b[201~");
    let screen = tui.wait_for("Pasting works only in the note editor");
    assert!(screen.contains("Step 2 of 10"), "{screen}");
    tui.keys("q");
    tui.wait_for("q quit now");
    tui.keys("q");
    assert_eq!(tui.wait_exit(), 0);
    let session = tui.session();
    assert_eq!(
        session["history"].as_array().unwrap().len(),
        2,
        "no step answered"
    );
    let step = second_step(&session);
    assert_eq!(
        step["note"],
        "Error 502 Bad Gateway\n2 of my 3 bank accounts fail since 9am"
    );
    assert!(step["answer"].is_null(), "{step}");
    assert!(
        step.get("note_draft").is_none(),
        "a saved note is not a draft: {step}"
    );
}

#[test]
fn a_long_paste_into_the_note_keeps_every_character() {
    let mut tui = Tui::start();
    tui.wait_for("Step 1 of 10");
    tui.keys("n");
    tui.wait_for("Note for:");
    let text: String = (0..2_000).map(|i| format!("w{i} ")).collect();
    tui.keys(&format!("\x1b[200~{text}\x1b[201~"));
    tui.keys("\r");
    tui.wait_for("Your note: w0 w1 w2");
    tui.keys("\x03");
    assert_eq!(tui.wait_exit(), 130);
    assert_eq!(Tui::step(&tui.session(), "symptom")["note"], text.trim());
}

#[test]
fn y_copies_the_ticket_summary_with_the_case_code_by_osc_52() {
    let mut tui = Tui::start_with(&["--helpdesk"], &[]);
    let screen = tui.wait_for("Step 1 of 10");
    tui.keys("1");
    tui.wait_for("Step 2 of 10");
    tui.keys("y");
    tui.wait_for("copied");
    let copied = tui.clipboard();
    assert_eq!(copied.len(), 1, "one OSC 52 sequence");
    let code = copied[0]
        .split_whitespace()
        .find(|w| w.starts_with("QB-"))
        .map(|w| {
            w.trim_matches(|c: char| !c.is_ascii_alphanumeric() && c != '-')
                .to_string()
        })
        .unwrap_or_else(|| panic!("no case code in the summary:\n{}", copied[0]));
    assert!(
        screen.contains(&code) || tui.contents().contains(&code),
        "the header shows {code}"
    );
    assert_eq!(tui.session()["case_code"], code.as_str());
    tui.keys("\x03");
    assert_eq!(tui.wait_exit(), 130);
}

#[test]
fn y_inside_tmux_wraps_the_sequence_for_it() {
    let mut tui = Tui::start_with(&["--helpdesk"], &[("TMUX", "/tmp/tmux-0/default,1,0")]);
    tui.wait_for("Step 1 of 10");
    tui.keys("y");
    tui.wait_for("copied");
    let raw = String::from_utf8_lossy(&tui.seen.0.lock().unwrap().raw).into_owned();
    assert!(
        raw.contains("\u{1b}Ptmux;\u{1b}\u{1b}]52;c;"),
        "not wrapped for tmux"
    );
    let code = tui.session()["case_code"].as_str().unwrap().to_string();
    assert!(tui.clipboard()[0].contains(&code));
    tui.keys("\x03");
    assert_eq!(tui.wait_exit(), 130);
}

#[test]
fn plain_mode_in_a_terminal_saves_and_exits_128_plus_n_on_signals() {
    for (how, code) in [("ctrl-c", 130), ("TERM", 143), ("HUP", 129)] {
        let mut tui = Tui::start_with(&["--plain"], &[]);
        tui.wait_for("Answer 1-");
        tui.keys("1\r");
        tui.wait_for("2) No, still failing");
        match how {
            "ctrl-c" => tui.keys("\x03"),
            signal => tui.signal(signal),
        }
        assert_eq!(tui.wait_exit(), code, "{how}");
        tui.wait_for("Resume with: qbfix --resume");
        tui.assert_restored();
        let session = tui.session();
        assert_eq!(
            Tui::step(&session, "symptom")["answer_id"],
            "bad_gateway",
            "{how}"
        );
    }
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
