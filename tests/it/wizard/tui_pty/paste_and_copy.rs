//! Pasting and copying in a real terminal: a bracketed paste goes into the note whole and answers
//! no step, a long paste keeps every character; `y` sends the ticket summary with the case
//! code by plain OSC 52 (and inside tmux its passthrough too), saves it as
//! `<case code>-ticket.md` beside the reports, and says both without claiming "copied".

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

/// What the footer says after `y`.
const SENT: &str = "sent to the clipboard (if your terminal allows it)";

#[test]
fn y_sends_plain_osc_52_and_saves_the_ticket_beside_the_reports() {
    let env = crate::support::Env::new();
    let documents = env.documents("Documents");
    // `support::pty` starts qbfix with neither TMUX nor STY set.
    let mut tui = Tui::start_full(env, &["--helpdesk"], &[]);
    let screen = tui.wait_for("Step 1 of 10");
    tui.keys("1");
    tui.wait_for("Step 2 of 10");
    tui.keys("y");
    let shown = tui.wait_for(SENT);
    // The footer's last rows, the status wrapped above the keys, as one line of words.
    let rows: Vec<&str> = shown.lines().collect();
    let footer = rows[rows.len().saturating_sub(4)..]
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(!footer.contains("copied"), "{footer}");
    let raw = String::from_utf8_lossy(&tui.seen.0.lock().unwrap().raw).into_owned();
    assert!(raw.contains("\u{1b}]52;c;"), "plain OSC 52");
    assert!(
        !raw.contains("\u{1b}Ptmux;"),
        "no passthrough outside a multiplexer"
    );
    let copied = tui.clipboard();
    assert_eq!(copied.len(), 1, "one OSC 52 sequence");
    let code = tui.session()["case_code"].as_str().unwrap().to_string();
    assert!(copied[0].contains(&code), "{}", copied[0]);
    assert!(
        screen.contains(&code) || shown.contains(&code),
        "the header shows {code}"
    );
    let name = format!("{code}-ticket.md");
    assert!(footer.contains(&format!("saved as {name}")), "{footer}");
    let file = documents.join("qbfix").join(&name);
    assert_eq!(
        std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display())),
        copied[0],
        "the file holds what was sent"
    );
    tui.keys("\x03");
    assert_eq!(tui.wait_exit(), 130);
}

#[test]
fn y_inside_tmux_sends_the_plain_sequence_and_the_passthrough() {
    let mut tui = Tui::start_with(&["--helpdesk"], &[("TMUX", "/tmp/tmux-0/default,1,0")]);
    tui.wait_for("Step 1 of 10");
    // Answered, so the session is kept (its file holds the case code).
    tui.keys("1");
    tui.wait_for("Step 2 of 10");
    tui.keys("y");
    tui.wait_for(SENT);
    let raw = String::from_utf8_lossy(&tui.seen.0.lock().unwrap().raw).into_owned();
    assert!(
        raw.contains("\u{7}\u{1b}Ptmux;\u{1b}\u{1b}]52;c;"),
        "the plain sequence, then the one wrapped for tmux"
    );
    let code = tui.session()["case_code"].as_str().unwrap().to_string();
    let copied = tui.clipboard();
    assert_eq!(copied.len(), 2, "plain and passthrough");
    assert!(copied.iter().all(|c| c.contains(&code)));
    tui.keys("\x03");
    assert_eq!(tui.wait_exit(), 130);
}
