//! Keys on a step: ↑/↓/j/k, Enter, r and b/Backspace send the wizard's messages; the number
//! keys pick only the answers there are; releases and repeats are ignored; the scroll keys are
//! shown and work only while there is more to read; `y` asks for a copy everywhere but in the
//! editor; `o` opens a report only on the summary.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};

use qbfix::tui::app::Action;
use qbfix::tui::screen::Screen;
use qbfix::wizard::Msg;

use super::{Rig, ch, now};

#[test]
fn step_keys_map_to_wizard_messages() {
    let cases = [
        (KeyCode::Up, Msg::Up),
        (KeyCode::Char('k'), Msg::Up),
        (KeyCode::Down, Msg::Down),
        (KeyCode::Char('j'), Msg::Down),
        (KeyCode::Enter, Msg::Confirm { at: now() }),
        (KeyCode::Char('r'), Msg::RerunChecks),
    ];
    for (code, msg) in cases {
        let mut rig = Rig::new();
        assert_eq!(rig.code(code), Action::Send(msg), "{code:?}");
        assert!(matches!(rig.app.screen, Screen::Step));
    }
    for code in [KeyCode::Backspace, KeyCode::Char('b')] {
        let mut rig = Rig::new();
        // Nothing to go back to on the first step: the key is neither shown nor handled.
        assert_eq!(rig.code(code), Action::Nothing);
        rig.press(ch('1'));
        assert_eq!(rig.code(code), Action::Send(Msg::Back), "{code:?}");
    }
}

#[test]
fn number_keys_pick_and_confirm_only_the_answers_there_are() {
    let rig = Rig::new();
    let answers = rig.w.view().answers.len();
    for n in 1..=9 {
        let mut rig = Rig::new();
        let c = char::from(b'0' + n as u8);
        let expected = if n <= answers {
            Action::Send(Msg::Pick { n, at: now() })
        } else {
            Action::Nothing
        };
        assert_eq!(rig.press(ch(c)), expected, "{c}");
    }
    assert_eq!(Rig::new().press(ch('0')), Action::Nothing);
}

#[test]
fn releases_and_repeats_are_ignored() {
    for kind in [KeyEventKind::Release, KeyEventKind::Repeat] {
        let mut rig = Rig::new();
        let event = KeyEvent {
            code: KeyCode::Char('1'),
            modifiers: KeyModifiers::NONE,
            kind,
            state: KeyEventState::NONE,
        };
        assert_eq!(rig.press(event), Action::Nothing);
    }
}

#[test]
fn scroll_keys_are_shown_and_work_only_while_there_is_more_to_read() {
    // At 100×30 the first step fits: no scroll keys.
    let mut rig = Rig::new();
    assert!(!rig.footer().contains("PgDn"), "{}", rig.footer());
    assert_eq!(rig.code(KeyCode::PageDown), Action::Nothing);
    assert_eq!(rig.app.scroll, 0);

    // Short: the text scrolls, and the screen says how: the line above the answers always, the
    // footer when the answers' keys, `n`, `r` and `y` leave it room.
    let mut rig = Rig::sized(80, 14);
    let max = rig.ctx().facts.max_scroll;
    assert!(max > 0, "the step text should not fit in 80×14");
    assert!(
        rig.screen_text().contains("↓ more: Space"),
        "{}",
        rig.screen_text()
    );
    let footer = rig.roomy_footer();
    assert!(footer.contains("PgDn/Space more"), "{footer}");
    assert!(!footer.contains("PgUp"), "{footer}");
    rig.press(ch(' '));
    assert_eq!(rig.app.scroll, 8.min(max));
    assert!(rig.roomy_footer().contains("⇧Space up"), "{}", rig.roomy_footer());
    rig.press(KeyEvent::new(KeyCode::Char(' '), KeyModifiers::SHIFT));
    assert_eq!(rig.app.scroll, 0);
    for _ in 0..50 {
        rig.code(KeyCode::PageDown);
    }
    assert_eq!(rig.app.scroll, max, "kept within the text");
    assert!(!rig.roomy_footer().contains(" more"), "{}", rig.roomy_footer());
    assert!(
        rig.screen_text().contains("↑ back up: Shift-Space"),
        "{}",
        rig.screen_text()
    );
    rig.code(KeyCode::Home);
    assert_eq!(rig.app.scroll, 0);
}

#[test]
fn y_asks_for_a_copy_everywhere_but_in_the_editor() {
    let mut rig = Rig::new();
    assert_eq!(rig.press(ch('y')), Action::Copy);
    rig.press(ch('c'));
    assert_eq!(rig.press(ch('y')), Action::Copy);
    rig.code(KeyCode::Esc);
    rig.press(ch('n'));
    assert_eq!(rig.press(ch('y')), Action::Nothing, "typed into the note");
}

#[test]
fn o_opens_the_report_only_on_the_summary() {
    let mut rig = Rig::new();
    assert_ne!(rig.press(ch('o')), Action::OpenReport, "a step has no report yet");
}
