//! The TUI's keys, through the real key table over the real wizard (embedded flow), drawn on a
//! TestBackend: each key of DESIGN.md's "Keys in the TUI" does what it says, releases are
//! ignored, `q` asks once, Ctrl-C leaves from anywhere; every key the footer or help shows
//! does something, and every key that does something is shown; 500 random keys never panic
//! and leave a session that loads.
//!
//! The rig (a wizard, the UI state and the frame size, driven as the TUI drives them) is here;
//! the tests are by subject:
//!
//! - `steps`: the keys on a step — answers, back, rerun, scrolling, copy, open.
//! - `screens`: the quit question, the help, the checks view and the jump list.
//! - `typing`: the note editor, the bank field and pastes.
//! - `long_note`: a key press with a 64 KiB or 1 MiB note wraps no more than a screenful.
//! - `every_key`: every key on every screen is shown, does something, and never panics.

mod every_key;
mod long_note;
mod screens;
mod steps;
mod typing;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use jiff::Timestamp;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

use qbfix::flow;
use qbfix::session::{Session, SystemFacts};
use qbfix::tui::app::{Action, App};
use qbfix::tui::keys::KeyContext;
use qbfix::tui::render::{self, Ui};
use qbfix::tui::screen::Screen;
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
