//! Leaving at once: Ctrl-C saves, quits and restores the terminal; every signal (INT, QUIT, TERM,
//! HUP) keeps the draft note, saves, restores and exits 128+n, and so does Ctrl-C in the note
//! editor; plain mode in a terminal saves and exits 128+n too.

use super::{draft_on_step_two, second_step};
use crate::support::pty::Tui;

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
    tui.wait_for("start qbfix again and choose Continue");
    tui.assert_restored();
}

#[test]
fn every_signal_keeps_the_draft_note_saves_restores_and_exits_128_plus_n() {
    for (signal, code) in [("INT", 130), ("QUIT", 131), ("TERM", 143), ("HUP", 129)] {
        let mut tui = Tui::start();
        draft_on_step_two(&mut tui, "hotspot works too");
        tui.signal(signal);
        assert_eq!(tui.wait_exit(), code, "SIG{signal}");
        tui.wait_for("start qbfix again and choose Continue");
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
