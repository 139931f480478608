//! The TUI's keys, through the real key table over the real wizard (embedded flow), drawn on a
//! TestBackend: each key of DESIGN.md's "Keys in the TUI" does what it says, releases are
//! ignored, `q` asks once, Ctrl-C leaves from anywhere; every key the footer or help shows
//! does something, and every key that does something is shown; 500 random keys never panic
//! and leave a session that loads.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};
use jiff::Timestamp;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

use qbfix::flow;
use qbfix::session::{Session, SessionStore, SystemFacts};
use qbfix::tui::app::{Action, App, KeyContext, PASTE_IGNORED, Screen};
use qbfix::tui::keys::{self, HELP_ONLY};
use qbfix::tui::render::{self, Ui};
use qbfix::tui::theme::Theme;
use qbfix::wizard::{Effect, Msg, Wizard};

fn now() -> Timestamp {
    Timestamp::from_second(1_790_000_000).unwrap()
}

/// The embedded flow, parsed once.
fn flow() -> std::sync::Arc<flow::Flow> {
    static FLOW: std::sync::OnceLock<std::sync::Arc<flow::Flow>> = std::sync::OnceLock::new();
    FLOW.get_or_init(|| std::sync::Arc::new(flow::default_flow().unwrap()))
        .clone()
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn ch(c: char) -> KeyEvent {
    key(KeyCode::Char(c))
}

/// A wizard, the UI state and the frame size, driven the way the TUI drives them.
#[derive(Clone)]
struct Rig {
    w: Wizard,
    app: App,
    area: Rect,
    /// Effects of the last key (RunChecks, Save, Quit).
    effects: Vec<Effect>,
}

impl Rig {
    fn new() -> Rig {
        Rig::sized(100, 30)
    }

    fn sized(width: u16, height: u16) -> Rig {
        let flow = flow();
        let session = Session::new("20260101-000001".into(), &flow.id, now(), SystemFacts::default());
        let (mut w, _) = Wizard::new(flow, session);
        finish_checks(&mut w);
        Rig {
            w,
            app: App::new(Theme::monochrome()),
            area: Rect::new(0, 0, width, height),
            effects: Vec::new(),
        }
    }

    fn helpdesk() -> Rig {
        let flow = flow();
        let mut session = Session::new("20260101-000001".into(), &flow.id, now(), SystemFacts::default());
        session.case_code = Some("QB-7K3M-9TQ2".into());
        let (mut w, _) = Wizard::new(flow, session);
        finish_checks(&mut w);
        Rig {
            w,
            app: App::new(Theme::monochrome()),
            area: Rect::new(0, 0, 100, 30),
            effects: Vec::new(),
        }
    }

    fn ctx(&self) -> KeyContext<'_> {
        KeyContext::of(&self.w, &self.app, self.area, now())
    }

    /// One key press, carried out as the TUI does (messages go to the wizard).
    fn press(&mut self, event: KeyEvent) -> Action {
        let ctx = KeyContext::of(&self.w, &self.app, self.area, now());
        let before = self.w.current_id().to_string();
        let action = self.app.on_key(event, &ctx);
        self.effects = match &action {
            Action::Send(msg) => self.w.update(msg.clone()),
            _ => Vec::new(),
        };
        if self.w.current_id() != before {
            self.app.step_changed();
        }
        if self.effects.contains(&Effect::Finished) {
            self.app.screen = Screen::Step;
        }
        let ui = Ui {
            wizard: &self.w,
            app: &self.app,
            resume_hint: None,
        };
        let max = render::max_scroll(&ui, self.area);
        self.app.clamp_scroll(max);
        action
    }

    fn code(&mut self, code: KeyCode) -> Action {
        self.press(key(code))
    }

    fn screen_text(&self) -> String {
        self.drawn(self.area, render::draw)
    }

    fn footer(&self) -> String {
        self.screen_text().lines().last().unwrap_or_default().to_string()
    }

    /// The footer of this frame drawn with room for every hint.
    fn roomy_footer(&self) -> String {
        let area = Rect::new(0, 0, 300, 1);
        self.drawn(area, |f, ui| render::footer::render(f, ui, area, self.area))
    }

    /// The help overlay of this frame drawn with room for every line.
    fn roomy_help(&self) -> String {
        let area = Rect::new(0, 0, 120, 60);
        self.drawn(area, |f, ui| render::help::render(f, ui, area, self.area))
    }

    fn drawn(&self, area: Rect, draw: impl FnOnce(&mut ratatui::Frame, &Ui)) -> String {
        let mut terminal = Terminal::new(TestBackend::new(area.width, area.height)).unwrap();
        let ui = Ui {
            wizard: &self.w,
            app: &self.app,
            resume_hint: None,
        };
        terminal.draw(|f| draw(f, &ui)).unwrap();
        let buffer = terminal.backend().buffer();
        let mut out = String::new();
        for y in 0..buffer.area.height {
            for x in 0..buffer.area.width {
                out.push_str(buffer[(x, y)].symbol());
            }
            out.push('\n');
        }
        out
    }

    /// Everything about the state a key could change.
    fn fingerprint(&self) -> String {
        format!(
            "{:?}|{:?}|{:?}|{:?}|{}|{}|{:?}|{}|{}|{:?}|{:?}",
            self.app.bank_field.lines(),
            self.w.bank_question(),
            self.w.hint(),
            self.app.screen,
            self.app.scroll,
            self.app.script_page,
            self.app.status,
            serde_json::to_string(self.w.session()).unwrap(),
            self.w.cursor(),
            self.w.pending(),
            self.effects,
        )
    }
}

fn finish_checks(w: &mut Wizard) {
    w.update(Msg::ChecksStarted {
        ids: vec!["http".into()],
        at: now(),
    });
    w.update(Msg::ChecksDone {
        at: now(),
        duration_ms: 10,
    });
}

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
fn q_asks_once_saving_first_then_quits_and_another_key_cancels() {
    let mut rig = Rig::new();
    assert_eq!(rig.press(ch('q')), Action::Save);
    assert!(matches!(rig.app.screen, Screen::ConfirmQuit));
    assert_eq!(rig.press(ch('q')), Action::Send(Msg::Quit));

    let mut rig = Rig::new();
    rig.press(ch('q'));
    assert_eq!(rig.press(ch('2')), Action::Nothing);
    assert!(matches!(rig.app.screen, Screen::Step));
    assert_eq!(rig.press(ch('q')), Action::Save);
    // Esc at the top level asks too.
    let mut rig = Rig::new();
    assert_eq!(rig.code(KeyCode::Esc), Action::Save);
    assert!(matches!(rig.app.screen, Screen::ConfirmQuit));
}

#[test]
fn q_esc_and_enter_at_the_summary_quit_at_once() {
    for code in [KeyCode::Char('q'), KeyCode::Esc, KeyCode::Enter] {
        let mut rig = Rig::new();
        while !rig.w.at_summary() {
            rig.press(ch('2'));
        }
        let action = rig.code(code);
        assert!(
            matches!(action, Action::Send(Msg::Quit | Msg::Confirm { .. })),
            "{code:?}: {action:?}"
        );
        assert!(rig.effects.contains(&Effect::Quit), "{code:?}");
    }
}

#[test]
fn ctrl_c_leaves_from_every_screen() {
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    for open in ['?', 'n', 'q', 'c', 'g'] {
        let mut rig = Rig::helpdesk();
        rig.press(ch(open));
        assert_eq!(rig.press(ctrl_c), Action::Interrupt, "after {open}");
    }
}

#[test]
fn help_opens_over_the_screen_it_explains_and_any_key_closes_it() {
    let mut rig = Rig::new();
    rig.press(ch('?'));
    assert!(matches!(rig.app.screen, Screen::Help(_)));
    let help = rig.screen_text();
    assert!(help.contains("pick an answer and confirm it at once"), "{help}");
    assert_eq!(
        rig.press(ch('1')),
        Action::Nothing,
        "the key only closes the help"
    );
    assert!(matches!(rig.app.screen, Screen::Step));

    rig.press(ch('c'));
    rig.press(ch('?'));
    let help = rig.screen_text();
    assert!(help.contains("Esc, c, Tab  or  Backspace"), "{help}");
    assert!(!help.contains("pick an answer"), "{help}");
    rig.press(ch('x'));
    assert!(
        matches!(rig.app.screen, Screen::Checks { .. }),
        "back to the checks view"
    );
}

#[test]
fn note_editor_starts_with_the_note_enter_saves_esc_cancels() {
    let mut rig = Rig::new();
    rig.w.update(Msg::Note {
        text: "earlier note".into(),
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
            text: "earlier note q1\nx".into()
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

/// Bank downloads fail: the walk reaches the step that asks for the bank's address.
fn bank_step() -> Rig {
    let mut rig = Rig::new();
    rig.press(ch('4'));
    for _ in 0..10 {
        if rig.w.bank_question().is_some() {
            break;
        }
        rig.press(ch('2'));
    }
    assert!(rig.w.bank_question().is_some(), "{}", rig.screen_text());
    rig
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
            text: "Error 502 Bad Gateway\n2 of my 3 bank accounts fail\n since 9am".into()
        })
    );
    assert_eq!(rig.w.current_id(), "symptom");
}

#[test]
fn note_text_is_sanitized() {
    let mut rig = Rig::new();
    rig.w.update(Msg::Note { text: "a".into() });
    rig.press(ch('n'));
    rig.app.type_text("\u{1b}[31mb\u{202e}c");
    assert_eq!(
        rig.code(KeyCode::Enter),
        Action::Send(Msg::Note { text: "abc".into() })
    );
}

#[test]
fn scroll_keys_are_shown_and_work_only_while_there_is_more_to_read() {
    // At 100×30 the first step fits: no scroll keys.
    let mut rig = Rig::new();
    assert!(!rig.footer().contains("PgDn"), "{}", rig.footer());
    assert_eq!(rig.code(KeyCode::PageDown), Action::Nothing);
    assert_eq!(rig.app.scroll, 0);

    // Short and narrow: the text scrolls, and the footer says how.
    let mut rig = Rig::sized(60, 14);
    let max = rig.ctx().facts.max_scroll;
    assert!(max > 0, "the step text should not fit in 60×14");
    let footer = rig.footer();
    assert!(footer.contains("PgDn/Space more"), "{footer}");
    assert!(!footer.contains("PgUp"), "{footer}");
    rig.press(ch(' '));
    assert_eq!(rig.app.scroll, 8.min(max));
    assert!(rig.footer().contains("PgUp/⇧Space up"), "{}", rig.footer());
    rig.press(KeyEvent::new(KeyCode::Char(' '), KeyModifiers::SHIFT));
    assert_eq!(rig.app.scroll, 0);
    for _ in 0..50 {
        rig.code(KeyCode::PageDown);
    }
    assert_eq!(rig.app.scroll, max, "kept within the text");
    assert!(!rig.footer().contains("PgDn"), "{}", rig.footer());
    rig.code(KeyCode::Home);
    assert_eq!(rig.app.scroll, 0);
}

#[test]
fn c_and_tab_open_the_checks_view_and_esc_tab_c_backspace_close_it() {
    for open in [KeyCode::Char('c'), KeyCode::Tab] {
        for close in [KeyCode::Esc, KeyCode::Tab, KeyCode::Char('c'), KeyCode::Backspace] {
            let mut rig = Rig::new();
            assert_eq!(rig.code(open), Action::Nothing, "{open:?}");
            assert!(matches!(rig.app.screen, Screen::Checks { scroll: 0 }), "{open:?}");
            // Esc goes back to the step: it does not ask to quit here.
            assert_eq!(rig.code(close), Action::Nothing, "{close:?}");
            assert!(matches!(rig.app.screen, Screen::Step), "{close:?}");
        }
    }
    let footer = {
        let mut rig = Rig::new();
        rig.press(ch('c'));
        rig.footer()
    };
    assert!(footer.contains("Esc back to the step"), "{footer}");
}

#[test]
fn checks_view_reruns_checks_and_quits_like_the_step_but_answers_nothing() {
    let mut rig = Rig::new();
    rig.code(KeyCode::Tab);
    assert_eq!(rig.press(ch('r')), Action::Send(Msg::RerunChecks));
    assert!(matches!(rig.app.screen, Screen::Checks { .. }));
    assert_eq!(rig.press(ch('1')), Action::Nothing);
    assert_eq!(rig.code(KeyCode::Enter), Action::Nothing);
    assert_eq!(rig.press(ch('q')), Action::Save);
    assert!(matches!(rig.app.screen, Screen::ConfirmQuit));
    assert_eq!(rig.press(ch('q')), Action::Send(Msg::Quit));
}

#[test]
fn checks_key_does_nothing_at_the_summary() {
    let mut rig = Rig::new();
    while !rig.w.at_summary() {
        rig.press(ch('2'));
    }
    for code in [KeyCode::Char('c'), KeyCode::Tab] {
        assert_eq!(rig.code(code), Action::Nothing);
        assert!(matches!(rig.app.screen, Screen::Step));
    }
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
fn g_is_a_helpdesk_key_listing_every_step() {
    let mut rig = Rig::new();
    assert_eq!(rig.press(ch('g')), Action::Nothing);
    assert!(matches!(rig.app.screen, Screen::Step));

    let mut rig = Rig::helpdesk();
    rig.press(ch('1'));
    rig.press(ch('g'));
    assert!(
        matches!(rig.app.screen, Screen::Jump { selected: 1 }),
        "starts on the current step"
    );
    let screen = rig.screen_text();
    assert!(screen.contains("Jump to a step"), "{screen}");
    rig.code(KeyCode::Up);
    assert!(matches!(rig.app.screen, Screen::Jump { selected: 0 }));
    rig.code(KeyCode::Up);
    assert!(matches!(rig.app.screen, Screen::Jump { selected: 0 }));
    rig.code(KeyCode::Down);
    rig.code(KeyCode::Down);
    assert_eq!(rig.code(KeyCode::Enter), Action::Jump(2));
    rig.press(ch('g'));
    rig.code(KeyCode::Esc);
    assert!(matches!(rig.app.screen, Screen::Step));
}

/// A named way to set a situation up.
type Situation = (&'static str, fn() -> Rig);

/// Situations covering every screen and the facts its table depends on.
fn situations() -> Vec<Situation> {
    /// The selection on the second of several answers, so ↑ and ↓ both move it.
    fn middle(rig: &mut Rig) {
        for _ in 0..9 {
            rig.press(key(KeyCode::Up));
        }
        rig.press(key(KeyCode::Down));
    }
    fn second_step() -> Rig {
        let mut rig = Rig::new();
        rig.press(ch('1'));
        middle(&mut rig);
        rig
    }
    vec![
        ("first step", || {
            let mut rig = Rig::new();
            middle(&mut rig);
            rig
        }),
        ("bank field", || {
            let mut rig = bank_step();
            rig.press(ch('x'));
            rig
        }),
        ("second step", second_step),
        ("scrolled step", || {
            let mut rig = Rig::sized(60, 14);
            rig.press(ch('1'));
            middle(&mut rig);
            rig.press(ch(' '));
            rig
        }),
        ("checks view", || {
            let mut rig = Rig::sized(60, 14);
            rig.press(ch('c'));
            rig.press(key(KeyCode::PageDown));
            rig.press(key(KeyCode::Down));
            rig
        }),
        ("help", || {
            let mut rig = second_step();
            rig.press(ch('?'));
            rig
        }),
        ("note editor", || {
            let mut rig = second_step();
            rig.press(ch('n'));
            rig
        }),
        ("quit question", || {
            let mut rig = second_step();
            rig.press(ch('q'));
            rig
        }),
        ("jump list", || {
            let mut rig = Rig::helpdesk();
            rig.press(ch('1'));
            rig.press(ch('g'));
            rig
        }),
        ("helpdesk call script with more pages", || {
            let mut rig = Rig::helpdesk();
            rig.area = Rect::new(0, 0, 80, 24);
            middle(&mut rig);
            rig
        }),
        ("helpdesk call script on its last page", || {
            let mut rig = Rig::helpdesk();
            rig.area = Rect::new(0, 0, 80, 24);
            middle(&mut rig);
            rig.press(ch('s'));
            rig
        }),
        ("summary", || {
            let mut rig = Rig::sized(60, 14);
            while !rig.w.at_summary() {
                rig.press(ch('2'));
            }
            rig.press(ch(' '));
            rig
        }),
    ]
}

/// A key that the binding answers to, as an event.
fn event_of(k: keys::Key) -> KeyEvent {
    match k {
        keys::Key::Code(code, mods) => KeyEvent::new(code, mods),
        keys::Key::Shifted(code) => KeyEvent::new(code, KeyModifiers::SHIFT),
        keys::Key::Any => ch('x'),
    }
}

#[test]
fn every_key_in_a_table_changes_state_or_screen() {
    for (name, make) in situations() {
        let start = make();
        let table = keys::table(&start.app.screen, &start.ctx().facts);
        assert!(!table.is_empty(), "{name}");
        for binding in &table {
            for &k in &binding.keys {
                let mut rig = start.clone();
                let before = rig.fingerprint();
                let action = rig.press(event_of(k));
                let outside = matches!(
                    action,
                    Action::Save | Action::Interrupt | Action::Copy | Action::OpenReport | Action::Jump(_)
                );
                assert!(
                    outside || rig.fingerprint() != before,
                    "{name}: {:?} ({} {}) did nothing",
                    k,
                    binding.label,
                    binding.does
                );
            }
        }
    }
}

/// Every key a person could press, more or less.
fn all_keys() -> Vec<KeyEvent> {
    let mut out = Vec::new();
    for c in ' '..='~' {
        out.push(ch(c));
        out.push(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
        out.push(KeyEvent::new(KeyCode::Char(c), KeyModifiers::ALT));
    }
    out.push(KeyEvent::new(KeyCode::Char(' '), KeyModifiers::SHIFT));
    for code in [
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::Enter,
        KeyCode::Esc,
        KeyCode::Tab,
        KeyCode::BackTab,
        KeyCode::Backspace,
        KeyCode::Delete,
        KeyCode::Insert,
        KeyCode::Home,
        KeyCode::End,
        KeyCode::PageUp,
        KeyCode::PageDown,
        KeyCode::F(1),
        KeyCode::F(5),
        KeyCode::F(12),
    ] {
        out.push(key(code));
        out.push(KeyEvent::new(code, KeyModifiers::ALT));
        out.push(KeyEvent::new(code, KeyModifiers::SHIFT));
    }
    out
}

#[test]
fn every_key_that_does_something_is_shown_in_the_footer_or_the_help() {
    // The help of the step screen: where keys that work everywhere (Ctrl-C) are explained.
    let step_help = {
        let mut rig = situations()[1].1();
        rig.press(ch('?'));
        rig.roomy_help()
    };
    for (name, make) in situations() {
        let shown = {
            let mut rig = make();
            let footer = rig.roomy_footer();
            let help = if matches!(rig.app.screen, Screen::Step | Screen::Checks { .. }) {
                rig.press(ch('?'));
                rig.roomy_help()
            } else {
                step_help.clone()
            };
            (footer, help)
        };
        let start = make();
        for event in all_keys() {
            let mut rig = start.clone();
            let before = rig.fingerprint();
            let table = keys::table(&rig.app.screen, &rig.ctx().facts);
            let binding = keys::lookup(&table, &event).cloned();
            let action = rig.press(event);
            if action == Action::Nothing && rig.fingerprint() == before {
                continue;
            }
            let binding = binding.unwrap_or_else(|| panic!("{name}: {event:?} acted outside the table"));
            let footer_hint = format!("{} {}", binding.label, binding.does);
            // The start of the explanation (a long one wraps in the overlay).
            let said: String = binding.help.chars().take(24).collect();
            let in_help = shown.1.contains(&binding.help_keys) && shown.1.contains(&said);
            let hinted = if binding.priority == HELP_ONLY {
                in_help
            } else {
                shown.0.contains(&footer_hint)
                    && (in_help
                        || !matches!(
                            name,
                            "first step" | "second step" | "scrolled step" | "checks view" | "summary"
                        ))
            };
            assert!(
                hinted,
                "{name}: {event:?} ({footer_hint}) works but is not shown:\n{}\n{}",
                shown.0, shown.1
            );
        }
    }
}

#[test]
fn five_hundred_random_keys_never_panic_and_leave_a_session_that_loads() {
    let dir = tempfile::tempdir().unwrap();
    let store = SessionStore::open(dir.path()).unwrap();
    let keys = all_keys();
    for seed in [7_u64, 502] {
        let mut rng = fastrand::Rng::with_seed(seed);
        let mut rig = Rig::helpdesk();
        let id = store.reserve_id(now()).unwrap();
        let flow = flow();
        let mut session = rig.w.session().clone();
        session.id = id.clone();
        rig.w = Wizard::new(flow, session).0;
        finish_checks(&mut rig.w);
        for _ in 0..500 {
            if rng.u8(..20) == 0 {
                rig.area = Rect::new(0, 0, rng.u16(1..160), rng.u16(1..50));
            }
            if rng.u8(..40) == 0 {
                let bank = rig.w.bank_question().is_some();
                rig.app.paste("pasted\rtext\u{1b}[2J", bank);
            }
            let action = rig.press(keys[rng.usize(..keys.len())]);
            if matches!(action, Action::Interrupt | Action::Save) {
                store.save(rig.w.session()).unwrap();
            }
            for effect in std::mem::take(&mut rig.effects) {
                match effect {
                    Effect::Save => store.save(rig.w.session()).unwrap(),
                    Effect::RunChecks(_) => finish_checks(&mut rig.w),
                    Effect::TestBank(_) | Effect::Finished | Effect::Quit => {}
                }
            }
            rig.screen_text();
        }
        store.save(rig.w.session()).unwrap();
        let (loaded, warnings) = store.load(&id).unwrap();
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(&loaded, rig.w.session());
    }
}

#[test]
fn o_opens_the_report_only_on_the_summary() {
    let mut rig = Rig::new();
    assert_ne!(rig.press(ch('o')), Action::OpenReport, "a step has no report yet");
}
