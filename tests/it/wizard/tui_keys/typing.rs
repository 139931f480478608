//! Text typed or pasted: the note editor starts with the note, Enter saves and Esc cancels; the
//! bank field takes typed and pasted text, Enter tests it and Esc skips; a paste goes into the
//! note whole and answers nothing elsewhere; note text is sanitized; a note never grows past
//! the one limit (a 1 MiB paste keeps 64 KiB and says so), so the session always loads back.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use qbfix::files::limits::NOTE_BYTES;
use qbfix::session::SessionStore;
use qbfix::tui::app::{Action, PASTE_IGNORED};
use qbfix::tui::screen::Screen;
use qbfix::wizard::{Effect, Msg};

use super::{Rig, bank_step, ch, now};

#[test]
fn note_editor_starts_with_the_note_enter_saves_esc_cancels() {
    let mut rig = Rig::new();
    rig.w.update(Msg::Note {
        text: "earlier note".into(),
        at: now(),
    });
    rig.press(ch('n'));
    let Screen::Note(editor) = &rig.app.screen else {
        panic!("no editor");
    };
    assert_eq!(editor.lines(), ["earlier note"]);
    // Keys type into the note rather than answering or quitting.
    for c in [' ', 'q', '1'] {
        assert_eq!(rig.press(ch(c)), Action::Nothing);
    }
    rig.press(KeyEvent::new(KeyCode::Enter, KeyModifiers::ALT));
    rig.press(ch('x'));
    assert_eq!(
        rig.code(KeyCode::Enter),
        Action::Send(Msg::Note {
            text: "earlier note q1\nx".into(),
            at: now(),
        })
    );
    assert!(matches!(rig.app.screen, Screen::Step));
    assert_eq!(rig.w.view().note, Some("earlier note q1\nx"));

    rig.press(ch('n'));
    rig.press(ch('z'));
    assert_eq!(rig.code(KeyCode::Esc), Action::Nothing);
    assert!(matches!(rig.app.screen, Screen::Step));
    assert_eq!(rig.w.view().note, Some("earlier note q1\nx"));
}

#[test]
fn the_bank_field_takes_typed_and_pasted_text_enter_tests_it_esc_skips() {
    let mut rig = bank_step();
    let screen = rig.screen_text();
    assert!(
        screen.contains("Type your bank's web address to test it"),
        "{screen}"
    );
    assert!(rig.footer().contains("Enter test it"), "{}", rig.footer());
    // Keys that mean something elsewhere are typed here: q, ?, digits, b.
    for c in "q?1b".chars() {
        rig.press(ch(c));
    }
    assert_eq!(rig.app.bank_field.lines(), ["q?1b"]);
    for _ in 0..4 {
        rig.code(KeyCode::Backspace);
    }
    rig.app.paste("http://127.0.0.1:9/\r\n", true);
    rig.press(KeyEvent::new(KeyCode::Enter, KeyModifiers::ALT));
    assert_eq!(rig.app.bank_field.lines(), ["http://127.0.0.1:9/"], "one line");
    assert_eq!(
        rig.code(KeyCode::Enter),
        Action::Send(Msg::BankAddress {
            text: "http://127.0.0.1:9/".into()
        })
    );
    assert_eq!(rig.effects, [Effect::TestBank("http://127.0.0.1:9/".into())]);
    assert!(rig.w.bank_question().is_none());
    assert!(!rig.screen_text().contains("Your bank's web address"));

    // A bad address: a one-line hint, and the field stays with what was typed.
    let mut rig = bank_step();
    for c in "my bank".chars() {
        rig.press(ch(c));
    }
    rig.code(KeyCode::Enter);
    assert!(rig.effects.is_empty(), "{:?}", rig.effects);
    let hint = rig.w.hint().expect("a hint").to_string();
    assert!(rig.screen_text().contains(&hint[..30]), "{}", rig.screen_text());
    assert_eq!(rig.app.bank_field.lines(), ["my bank"]);
    assert!(rig.w.bank_question().is_some());

    // Esc skips: the step's answers take the keys again.
    assert_eq!(
        rig.code(KeyCode::Esc),
        Action::Send(Msg::BankAddress { text: String::new() })
    );
    assert!(rig.w.bank_question().is_none());
    assert!(rig.footer().contains("answer"), "{}", rig.footer());
}

#[test]
fn a_paste_goes_into_the_note_whole_and_answers_nothing_elsewhere() {
    let mut rig = Rig::new();
    let before = rig.fingerprint();
    rig.app
        .paste("Error 502 Bad Gateway\r2 of my 3 bank accounts fail\r", false);
    assert_eq!(rig.app.status.as_deref(), Some(PASTE_IGNORED));
    assert_eq!(rig.w.current_id(), "symptom", "nothing answered");
    assert!(rig.footer().contains(PASTE_IGNORED), "{}", rig.footer());
    assert_ne!(before, rig.fingerprint());

    rig.press(ch('n'));
    rig.app.paste(
        "Error 502 Bad Gateway\r\n2 of my 3 bank\u{1b}[31m accounts fail\r",
        false,
    );
    rig.app.type_text(" since 9am");
    assert_eq!(
        rig.code(KeyCode::Enter),
        Action::Send(Msg::Note {
            text: "Error 502 Bad Gateway\n2 of my 3 bank accounts fail\n since 9am".into(),
            at: now(),
        })
    );
    assert_eq!(rig.w.current_id(), "symptom");
}

#[test]
fn note_text_is_sanitized() {
    let mut rig = Rig::new();
    rig.w.update(Msg::Note {
        text: "a".into(),
        at: now(),
    });
    rig.press(ch('n'));
    rig.app.type_text("\u{1b}[31mb\u{202e}c");
    assert_eq!(
        rig.code(KeyCode::Enter),
        Action::Send(Msg::Note {
            text: "abc".into(),
            at: now(),
        })
    );
}

#[test]
fn a_paste_of_a_mebibyte_keeps_a_note_of_64_kib_and_says_so() {
    let mut rig = Rig::new();
    rig.press(ch('n'));
    rig.app.type_text("Seen at 9am: ");
    let paste = "Error 502 Bad Gateway, é\n".repeat((1 << 20) / 26);
    rig.app.paste(&paste, false);
    let said = rig.app.status.clone().expect("the footer says the note was cut");
    assert!(said.contains("64 KiB"), "{said}");
    assert!(rig.footer().contains("64 KiB"), "{}", rig.footer());
    // Typing on at the limit adds nothing; the note stays whole up to the limit.
    rig.press(ch('z'));
    let Action::Send(Msg::Note { text, .. }) = rig.code(KeyCode::Enter) else {
        panic!("Enter saves the note");
    };
    assert!(
        text.len() <= NOTE_BYTES && text.len() > NOTE_BYTES - 32,
        "{}",
        text.len()
    );
    assert!(text.starts_with("Seen at 9am: Error 502") && !text.ends_with('z'));
    let note = rig.w.view().note.expect("the note").to_string();
    assert!(note.len() <= NOTE_BYTES);

    // And what the wizard holds saves and loads back.
    let dir = tempfile::tempdir().unwrap();
    let store = SessionStore::open(dir.path()).unwrap();
    let mut session = rig.w.session().clone();
    session.id = "20260101-000001-abcdef".into();
    store.save(&session).unwrap();
    let (loaded, warnings) = store.load(&session.id).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(loaded.steps[0].note.as_deref(), Some(note.as_str()));
}
