//! Keys that open and leave the screens over a step: `q` asks once (saving first) and quits at
//! once on the summary, Ctrl-C leaves from every screen, `?` opens the help over the screen it
//! explains, `c`/Tab open the checks view (which reruns and quits like the step but answers
//! nothing), and `g` is a helpdesk key listing every step to jump to.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use qbfix::tui::app::Action;
use qbfix::tui::screen::Screen;
use qbfix::wizard::{Effect, Msg};

use super::{Rig, ch};

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

#[test]
fn the_summary_offers_no_back_and_b_changes_nothing() {
    let mut rig = Rig::new();
    while !rig.w.at_summary() {
        rig.press(ch('2'));
    }
    let record = rig.w.session().clone();
    let footer = rig.roomy_footer();
    assert!(!footer.contains("back"), "{footer}");
    assert!(!rig.roomy_help().contains("Backspace"), "{}", rig.roomy_help());
    for code in [KeyCode::Char('b'), KeyCode::Backspace] {
        assert_eq!(rig.code(code), Action::Nothing, "{code:?}");
        assert!(rig.w.at_summary());
    }
    // Then "1" (what turned a finished session "resolved") has no answer to pick.
    rig.press(ch('1'));
    assert_eq!(rig.w.session(), &record);
}
