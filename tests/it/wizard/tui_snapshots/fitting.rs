//! What does not fit: wrapped list items hang under their text and scroll to the end; every step
//! at 80×24 shows its whole list or a "more" marker; a 40×12 screen marks what is below.

use crossterm::event::KeyCode;

use qbfix::flow;
use qbfix::tui::app::App;
use qbfix::tui::render::{self, Ui};
use qbfix::tui::theme::Theme;
use qbfix::wizard::Msg;

use super::{draw, finish_checks, healthy_http, outage_step, press_in, start_checks, t, wizard};

#[test]
fn wrapped_list_items_hang_under_their_text_and_scroll_to_the_end() {
    let w = outage_step();
    let mut app = App::new(Theme::colored());
    let text = draw(&w, &app, None, 100, 30).backend().to_string();
    assert!(
        text.contains("│   1. Restart your router: unplug it, wait 30 seconds,    │"),
        "{text}"
    );
    assert!(
        text.contains("│      plug it back in and wait until its lights settle (a │"),
        "{text}"
    );
    // Scrolling as far as it goes shows the text's last line, above the answers.
    let area = ratatui::layout::Rect::new(0, 0, 80, 24);
    for _ in 0..10 {
        press_in(&mut app, &w, KeyCode::PageDown, area);
    }
    let ui = Ui {
        wizard: &w,
        app: &app,
        resume_hint: None,
    };
    let max = render::max_scroll(&ui, area);
    app.clamp_scroll(max);
    let text = draw(&w, &app, None, 80, 24).backend().to_string();
    assert!(
        text.contains("Then open QuickBooks Online again and repeat what failed."),
        "{text}"
    );
    assert!(
        text.contains("│      wait until its lights settle (a few minutes).") || !text.contains("wait until"),
        "{text}"
    );
}

/// The border's "more ↓" marker, or the "↓ more: Space" line above the answers.
fn says_more(text: &str) -> bool {
    text.contains("more ↓") || text.contains("↓ more: Space")
}

/// Every step at 80×24 (healthy checks, reached by the helpdesk jump): its numbered list and
/// its answers are all on screen, or a "more ↓" marker says there is more.
#[test]
fn every_step_at_80x24_shows_its_whole_list_or_a_more_marker() {
    let mut w = wizard();
    finish_checks(&mut w, healthy_http());
    let flow = flow::default_flow().unwrap();
    let app = App::new(Theme::colored());
    for step in flow.steps.iter().filter(|s| s.kind != flow::StepKind::Summary) {
        if w.current_id() != step.id {
            w.update(Msg::Jump {
                to: step.id.clone(),
                at: t(30),
            });
        }
        assert_eq!(w.current_id(), step.id);
        let text = draw(&w, &app, None, 80, 24).backend().to_string();
        let more = says_more(&text);
        let items: Vec<&str> = step
            .text
            .lines()
            .map(str::trim_start)
            .filter(|l| l.len() > 3 && l.as_bytes()[0].is_ascii_digit() && &l[1..3] == ". ")
            .collect();
        for item in &items {
            let start: String = item.chars().take(20).collect();
            assert!(
                more || text.contains(&start),
                "{}: {start:?} or more ↓ in\n{text}",
                step.id
            );
        }
        for (i, a) in step.answers.iter().enumerate() {
            let row = format!("{}  {}", i + 1, a.label);
            let row: String = row.chars().take(30).collect();
            assert!(more || text.contains(&row), "{}: {row:?} in\n{text}", step.id);
        }
        insta::assert_snapshot!(format!("step_{}_80x24", step.id), text);
    }
}

/// At 40×12 the first step keeps its question in reach and never cuts an answer unmarked.
#[test]
fn a_40x12_screen_marks_what_is_below() {
    let mut w = wizard();
    start_checks(&mut w);
    let text = draw(&w, &App::new(Theme::colored()), None, 40, 12)
        .backend()
        .to_string();
    assert!(says_more(&text), "{text}");
    insta::assert_snapshot!("first_step_40x12", text);
    let w = outage_step();
    let text = draw(&w, &App::new(Theme::colored()), None, 40, 12)
        .backend()
        .to_string();
    assert!(says_more(&text), "{text}");
    insta::assert_snapshot!("outage_40x12", text);
}
