//! A long note costs a key press no more than a short one (issue 16, item 9): the step shows
//! the note's beginning, and the note editor wraps only the rows it draws. Measured without
//! a clock: the bytes given to the wrapping functions by one key and the frame after it
//! (`qbfix::text::wrap::wrapped_bytes`), the same bound for a 64 KiB and a 1 MiB note.

use crossterm::event::KeyCode;

use qbfix::text::wrap::wrapped_bytes;
use qbfix::tui::screen::Screen;
use qbfix::wizard::Msg;

use super::{Rig, ch, key};

/// More than one screen of text needs, far less than the notes below.
const BOUND: u64 = 32 * 1024;

/// About `bytes` of note: paragraphs of `paragraph` sentences, a blank line between them
/// (or one line, as a paste without line breaks: up to 60 KiB here, as the editor moves
/// Up/Down by the text area's jump, which reaches 65,535 characters into a line).
fn note(bytes: usize, paragraph: usize) -> String {
    let sentence = "The bank feed failed again at 9:14 with Error 502 Bad Gateway on two accounts. ";
    let mut text = String::new();
    for n in 1.. {
        text.push_str(sentence);
        if n % paragraph == 0 {
            text.push_str("\n\n");
        }
        if text.len() >= bytes {
            break;
        }
    }
    text.trim_end().to_string()
}

/// The bytes wrapped by pressing `event` and drawing the frame after it.
fn wrapped_by(rig: &mut Rig, event: crossterm::event::KeyEvent) -> u64 {
    let before = wrapped_bytes();
    rig.press(event);
    rig.screen_text();
    wrapped_bytes() - before
}

#[test]
fn a_key_with_a_long_note_wraps_only_what_is_drawn() {
    // Notes are cut at the one note limit (64 KiB), so the longest note a person can have is
    // just under it; a 1 MiB note no longer exists past the wizard.
    for (size, paragraph) in [(60 * 1024, 10), (64 * 1024 - 200, 10), (60 * 1024, usize::MAX)] {
        let text = note(size, paragraph);
        let mut rig = Rig::new();
        rig.w.update(Msg::Note {
            text: text.clone(),
            at: jiff::Timestamp::UNIX_EPOCH,
        });
        let screen = rig.screen_text();
        assert!(
            screen.contains("Your note: The bank feed failed") && screen.contains("(n shows the whole note)"),
            "the step shows the note's beginning:\n{screen}"
        );
        for event in [key(KeyCode::PageDown), key(KeyCode::Down)] {
            let used = wrapped_by(&mut rig, event);
            assert!(
                used < BOUND,
                "{size} B note, on the step: {event:?} wrapped {used} B"
            );
        }
        rig.press(ch('n'));
        rig.screen_text();
        for event in [
            ch('x'),
            key(KeyCode::Backspace),
            key(KeyCode::Up),
            key(KeyCode::PageUp),
            key(KeyCode::Down),
            ch('y'),
        ] {
            let used = wrapped_by(&mut rig, event);
            assert!(
                used < BOUND,
                "{size} B note, in the editor: {event:?} wrapped {used} B"
            );
        }
        let Screen::Note(editor) = &rig.app.screen else {
            panic!("the editor closed");
        };
        assert_eq!(
            editor.lines().join("\n").len(),
            text.len() + 1,
            "one character more"
        );
    }
}
