//! Helpdesk mode at 120 columns or more: a list of every step with its answer stays beside the
//! step, numbered by the step's place in the flow, the current step marked; `g` still opens
//! the jump list. Narrower, or outside helpdesk mode, there is no such list.

use crossterm::event::KeyCode;

use qbfix::tui::app::App;
use qbfix::tui::screen::Screen;
use qbfix::tui::theme::Theme;
use qbfix::wizard::Wizard;

use super::{draw, finish_checks, fix_step, healthy_http, pick, press_in};

/// A helpdesk call after healthy checks (the cache step comes second), two steps answered.
fn call() -> Wizard {
    let mut w = super::call_wizard();
    finish_checks(&mut w, healthy_http());
    pick(&mut w, 1);
    pick(&mut w, 2);
    w
}

#[test]
fn a_call_at_120_columns_keeps_the_steps_and_answers_on_screen() {
    let w = call();
    let app = App::new(Theme::monochrome());
    let text = draw(&w, &app, None, 120, 40).backend().to_string();
    assert!(text.contains(" Steps "), "{text}");
    // Numbered as the header numbers them: the route of this verdict puts the cache step
    // second, and the step on screen has the header's number.
    assert!(text.contains("1. What do you see?"), "{text}");
    assert!(text.contains("2. Clear your"), "{text}");
    assert!(text.contains("Step 3 of 10") && text.contains("● 3. "), "{text}");
    assert!(text.contains("No, still failing"), "the answers: {text}");
    let current = text
        .lines()
        .find(|l| l.contains("● "))
        .unwrap_or_else(|| panic!("no current step marked:\n{text}"));
    let now = w.flow().step(w.current_id()).unwrap().title.clone();
    let words: String = now.chars().take(12).collect();
    assert!(current.contains(&words), "{current} is not {now}");

    // `g` still opens the jump list.
    let mut app = App::new(Theme::monochrome());
    press_in(
        &mut app,
        &w,
        KeyCode::Char('g'),
        ratatui::layout::Rect::new(0, 0, 120, 40),
    );
    assert!(matches!(app.screen, Screen::Jump { .. }));
    insta::assert_snapshot!(
        "side_list_120x40",
        draw(&w, &App::new(Theme::colored()), None, 120, 40).backend()
    );
}

#[test]
fn on_a_short_screen_the_list_keeps_the_current_step_in_view() {
    let mut w = call();
    for _ in 0..5 {
        pick(&mut w, 2);
    }
    let now = w.flow().step(w.current_id()).unwrap().title.clone();
    let words: String = now.chars().take(12).collect();
    let text = draw(&w, &App::new(Theme::monochrome()), None, 120, 20)
        .backend()
        .to_string();
    let current = text
        .lines()
        .find(|l| l.contains("● "))
        .unwrap_or_else(|| panic!("the current step is out of view:\n{text}"));
    assert!(current.contains(&words), "{current} is not {now}");
}

#[test]
fn no_side_list_when_narrower_or_not_in_a_call() {
    let text = draw(&call(), &App::new(Theme::monochrome()), None, 100, 30)
        .backend()
        .to_string();
    assert!(!text.contains(" Steps "), "{text}");
    let text = draw(&fix_step(), &App::new(Theme::monochrome()), None, 120, 40)
        .backend()
        .to_string();
    assert!(!text.contains(" Steps "), "{text}");
}
