//! Input that arrives all at once, through a real pseudo-terminal (`support::pty`): a burst of
//! keys and a long paste are acted on whole, with no key after them to wake the program (with
//! crossterm's reader, everything past the first 1 KB waited for the next key).
#![cfg(unix)]

use crate::support::pty::Tui;

#[test]
fn a_burst_of_5000_keys_then_an_answer_in_one_write_is_acted_on() {
    let mut tui = Tui::start();
    tui.wait_for("Step 1 of 10");
    tui.keys("1");
    tui.wait_for("Step 2 of 10");
    let mut burst = "jk".repeat(2_500);
    burst.push('2');
    tui.write_in_background(burst.into_bytes());
    // "2" (No, still failing) answers step 2: nothing is typed after it.
    tui.wait_for("Step 3 of 10");
    tui.wait_written();
    let session = tui.session();
    assert_eq!(session["history"].as_array().unwrap().len(), 3, "{session:#}");
    let second = session["history"][1].as_str().unwrap();
    assert_eq!(Tui::step(&session, second)["answer_id"], "no", "{session:#}");
    tui.keys("\x03");
    assert_eq!(tui.wait_exit(), 130);
}

/// The paste is longer than a note may be (64 KiB): the editor keeps its start, and says so
/// only once the whole paste has arrived.
#[test]
fn a_100_kb_paste_into_the_note_then_enter_keeps_the_note_limit() {
    let mut tui = Tui::start();
    tui.wait_for("Step 1 of 10");
    tui.keys("n");
    tui.wait_for("Note for:");
    // Multi-byte characters, so reads split inside them too; no line breaks (one line).
    let text: String = (0..9_000).map(|i| format!("é{i}—ü ")).collect::<String>() + "THE-END";
    assert!(text.len() > 100_000, "{} bytes", text.len());
    tui.write_in_background(format!("\x1b[200~{text}\x1b[201~").into_bytes());
    tui.wait_written();
    // All of it was taken in (the footer says where it was cut) before anything else is typed.
    tui.wait_for("A note can be at most 64 KiB");
    tui.keys("\r");
    tui.wait_for("Your note: é0—ü é1—ü");
    tui.keys("\x03");
    assert_eq!(tui.wait_exit(), 130);
    let session = tui.session();
    let note = Tui::step(&session, "symptom")["note"]
        .as_str()
        .unwrap()
        .to_string();
    let limit = qbfix::files::limits::NOTE_BYTES;
    assert!(
        note.len() <= limit && note.len() > limit - 16,
        "{} bytes",
        note.len()
    );
    assert!(text.starts_with(&note), "the paste's start, every byte of it");
}
