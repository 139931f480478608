//! Pasting and copying in a real terminal: a bracketed paste goes into the note whole and answers
//! no step, a long paste keeps every character; `y` copies the ticket summary with the case
//! code by OSC 52, wrapped for tmux inside it.

use super::second_step;
use crate::support::pty::Tui;

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
    // Answered, so the session is kept (its file holds the case code).
    tui.keys("1");
    tui.wait_for("Step 2 of 10");
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
