//! The TUI's key mapping: each key of DESIGN.md's "Keys in the TUI" gives the right wizard
//! message or screen, releases are ignored, `q` asks once, Ctrl-C quits from anywhere.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};
use jiff::Timestamp;

use qbfix::tui::app::{Action, App, KeyContext, Screen};
use qbfix::tui::theme::Theme;
use qbfix::wizard::Msg;

fn now() -> Timestamp {
    Timestamp::from_second(1_790_000_000).unwrap()
}

fn ctx(at_summary: bool) -> KeyContext<'static> {
    KeyContext {
        at_summary,
        note: Some("earlier note"),
        now: now(),
    }
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn press(app: &mut App, code: KeyCode) -> Action {
    app.on_key(key(code), &ctx(false))
}

fn app() -> App {
    App::new(Theme::monochrome())
}

#[test]
fn step_keys_map_to_wizard_messages() {
    let cases = [
        (KeyCode::Up, Msg::Up),
        (KeyCode::Char('k'), Msg::Up),
        (KeyCode::Down, Msg::Down),
        (KeyCode::Char('j'), Msg::Down),
        (KeyCode::Enter, Msg::Confirm { at: now() }),
        (KeyCode::Backspace, Msg::Back),
        (KeyCode::Char('b'), Msg::Back),
        (KeyCode::Char('r'), Msg::RerunChecks),
    ];
    for (code, msg) in cases {
        let mut app = app();
        assert_eq!(press(&mut app, code), Action::Send(msg), "{code:?}");
        assert!(matches!(app.screen, Screen::Step));
    }
}

#[test]
fn number_keys_pick_and_confirm() {
    for n in 1..=9 {
        let c = char::from(b'0' + n as u8);
        assert_eq!(
            press(&mut app(), KeyCode::Char(c)),
            Action::Send(Msg::Pick { n, at: now() })
        );
    }
    assert_eq!(press(&mut app(), KeyCode::Char('0')), Action::Nothing);
}

#[test]
fn releases_and_repeats_are_ignored() {
    for kind in [KeyEventKind::Release, KeyEventKind::Repeat] {
        let mut app = app();
        let event = KeyEvent {
            code: KeyCode::Char('1'),
            modifiers: KeyModifiers::NONE,
            kind,
            state: KeyEventState::NONE,
        };
        assert_eq!(app.on_key(event, &ctx(false)), Action::Nothing);
    }
}

#[test]
fn q_asks_once_saving_first_then_quits() {
    let mut app = app();
    assert_eq!(press(&mut app, KeyCode::Char('q')), Action::Save);
    assert!(matches!(app.screen, Screen::ConfirmQuit));
    assert_eq!(press(&mut app, KeyCode::Char('q')), Action::Send(Msg::Quit));
}

#[test]
fn any_other_key_cancels_the_quit_question() {
    let mut app = app();
    press(&mut app, KeyCode::Char('q'));
    assert_eq!(press(&mut app, KeyCode::Char('2')), Action::Nothing);
    assert!(matches!(app.screen, Screen::Step));
    // And the next q asks again.
    assert_eq!(press(&mut app, KeyCode::Char('q')), Action::Save);
}

#[test]
fn esc_at_top_level_behaves_like_q() {
    let mut app = app();
    assert_eq!(press(&mut app, KeyCode::Esc), Action::Save);
    assert!(matches!(app.screen, Screen::ConfirmQuit));
}

#[test]
fn q_at_the_summary_quits_at_once() {
    let mut app = app();
    assert_eq!(
        app.on_key(key(KeyCode::Char('q')), &ctx(true)),
        Action::Send(Msg::Quit)
    );
    assert_eq!(app.on_key(key(KeyCode::Esc), &ctx(true)), Action::Send(Msg::Quit));
}

#[test]
fn ctrl_c_saves_and_quits_from_every_screen() {
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    let mut screens = vec![app()];
    let mut help = app();
    press(&mut help, KeyCode::Char('?'));
    screens.push(help);
    let mut note = app();
    press(&mut note, KeyCode::Char('n'));
    screens.push(note);
    let mut confirm = app();
    press(&mut confirm, KeyCode::Char('q'));
    screens.push(confirm);
    for mut app in screens {
        assert_eq!(app.on_key(ctrl_c, &ctx(false)), Action::Send(Msg::Quit));
    }
}

#[test]
fn help_opens_with_question_mark_and_any_key_closes_it() {
    let mut app = app();
    assert_eq!(press(&mut app, KeyCode::Char('?')), Action::Nothing);
    assert!(matches!(app.screen, Screen::Help));
    assert_eq!(press(&mut app, KeyCode::Char('1')), Action::Nothing);
    assert!(matches!(app.screen, Screen::Step));
}

#[test]
fn note_editor_starts_with_the_note_enter_saves_esc_cancels() {
    let mut app = app();
    press(&mut app, KeyCode::Char('n'));
    let Screen::Note(editor) = &app.screen else {
        panic!("no editor");
    };
    assert_eq!(editor.lines(), ["earlier note"]);
    // Keys type into the note rather than answering or quitting.
    for c in [' ', 'q', '1'] {
        assert_eq!(press(&mut app, KeyCode::Char(c)), Action::Nothing);
    }
    let alt_enter = KeyEvent::new(KeyCode::Enter, KeyModifiers::ALT);
    assert_eq!(app.on_key(alt_enter, &ctx(false)), Action::Nothing);
    press(&mut app, KeyCode::Char('x'));
    assert_eq!(
        press(&mut app, KeyCode::Enter),
        Action::Send(Msg::Note {
            text: "earlier note q1\nx".into()
        })
    );
    assert!(matches!(app.screen, Screen::Step));

    press(&mut app, KeyCode::Char('n'));
    press(&mut app, KeyCode::Char('z'));
    assert_eq!(press(&mut app, KeyCode::Esc), Action::Nothing);
    assert!(matches!(app.screen, Screen::Step));
}

#[test]
fn note_text_is_sanitized() {
    let mut app = App::new(Theme::monochrome());
    app.on_key(
        key(KeyCode::Char('n')),
        &KeyContext {
            at_summary: false,
            note: Some("a\u{1b}[31mb\u{202e}c"),
            now: now(),
        },
    );
    assert_eq!(
        press(&mut app, KeyCode::Enter),
        Action::Send(Msg::Note { text: "abc".into() })
    );
}

#[test]
fn page_keys_scroll_and_clamp() {
    let mut app = app();
    press(&mut app, KeyCode::PageDown);
    press(&mut app, KeyCode::PageDown);
    assert_eq!(app.scroll, 16);
    app.clamp_scroll(5);
    assert_eq!(app.scroll, 5);
    press(&mut app, KeyCode::PageUp);
    assert_eq!(app.scroll, 0);
}

#[test]
fn c_and_tab_open_the_checks_view_and_esc_tab_c_close_it() {
    for open in [KeyCode::Char('c'), KeyCode::Tab] {
        for close in [KeyCode::Esc, KeyCode::Tab, KeyCode::Char('c')] {
            let mut app = app();
            assert_eq!(press(&mut app, open), Action::Nothing, "{open:?}");
            assert!(matches!(app.screen, Screen::Checks { scroll: 0 }), "{open:?}");
            // Esc goes back to the step: it does not ask to quit here.
            assert_eq!(press(&mut app, close), Action::Nothing, "{close:?}");
            assert!(matches!(app.screen, Screen::Step), "{close:?}");
        }
    }
}

#[test]
fn checks_view_scrolls_on_its_own_and_keeps_the_step_scroll() {
    let mut app = app();
    press(&mut app, KeyCode::PageDown);
    assert_eq!(app.scroll, 8);
    press(&mut app, KeyCode::Char('c'));
    press(&mut app, KeyCode::PageDown);
    press(&mut app, KeyCode::PageDown);
    press(&mut app, KeyCode::Down);
    assert!(matches!(app.screen, Screen::Checks { scroll: 17 }));
    app.clamp_scroll(10);
    assert!(matches!(app.screen, Screen::Checks { scroll: 10 }));
    press(&mut app, KeyCode::PageUp);
    press(&mut app, KeyCode::Up);
    assert!(matches!(app.screen, Screen::Checks { scroll: 1 }));
    press(&mut app, KeyCode::Home);
    assert!(matches!(app.screen, Screen::Checks { scroll: 0 }));
    // Answer keys do nothing here.
    assert_eq!(press(&mut app, KeyCode::Char('1')), Action::Nothing);
    assert_eq!(press(&mut app, KeyCode::Enter), Action::Nothing);
    assert!(matches!(app.screen, Screen::Checks { .. }));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.scroll, 8, "the step's place is kept");
}

#[test]
fn checks_view_reruns_checks_and_quits_like_the_step() {
    let mut app = app();
    press(&mut app, KeyCode::Tab);
    assert_eq!(
        press(&mut app, KeyCode::Char('r')),
        Action::Send(Msg::RerunChecks)
    );
    assert!(matches!(app.screen, Screen::Checks { .. }));
    assert_eq!(press(&mut app, KeyCode::Char('q')), Action::Save);
    assert!(matches!(app.screen, Screen::ConfirmQuit));
    assert_eq!(press(&mut app, KeyCode::Char('q')), Action::Send(Msg::Quit));
}

#[test]
fn checks_key_does_nothing_at_the_summary() {
    let mut app = app();
    for code in [KeyCode::Char('c'), KeyCode::Tab] {
        assert_eq!(app.on_key(key(code), &ctx(true)), Action::Nothing);
        assert!(matches!(app.screen, Screen::Step));
    }
}
