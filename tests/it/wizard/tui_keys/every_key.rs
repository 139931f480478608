//! Every key, on every screen: each key in a screen's table changes the state or the screen;
//! every key that does something is shown in the footer or the help; 500 random keys (with
//! pastes and resizes) never panic and leave a session that loads.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;

use qbfix::session::SessionStore;
use qbfix::tui::app::Action;
use qbfix::tui::keys::{self, HELP_ONLY};
use qbfix::tui::screen::Screen;
use qbfix::wizard::{Effect, Wizard};

use super::{Rig, bank_step, ch, finish_checks, flow, key, now};

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
        let (id, _lock) = store.claim_id(now()).unwrap();
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
                    Effect::TestBank(_)
                    | Effect::Finished
                    | Effect::WriteReports
                    | Effect::Quit
                    | Effect::Resume(_) => {}
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
