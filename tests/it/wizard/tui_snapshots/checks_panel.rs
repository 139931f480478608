//! The checks panel and the checks view: on a stacked screen the panel shrinks to the card and
//! a tally; the full view shows every result and the whole advice and scrolls within its text;
//! a short, narrow screen keeps the card and the checks key; the card for each verdict.

use crossterm::event::KeyCode;

use qbfix::flow;
use qbfix::tui::app::{Action, App};
use qbfix::tui::render::{self, Ui};
use qbfix::tui::screen::Screen;
use qbfix::tui::theme::Theme;

use super::{OUTAGE_TITLE, draw, fix_step, outage_step, press, press_in};

#[test]
fn stacked_panel_shrinks_to_the_card_and_a_tally_at_80x24() {
    let w = outage_step();
    let text = draw(&w, &App::new(Theme::colored()), None, 80, 24)
        .backend()
        .to_string();
    assert!(text.contains("☁ Whose problem: Intuit"), "{text}");
    // Step 2 (the status step) was answered "No, still failing", and every other step says
    // it cannot help during an outage.
    assert!(
        text.contains("Every step that can help now has been tried."),
        "{text}"
    );
    assert!(text.contains("1 ✓  1 ✗  c checks"), "{text}");
    assert!(
        !text.contains(OUTAGE_TITLE),
        "the whole verdict is one key away: {text}"
    );
    // The step keeps its answers.
    assert!(text.contains("▶ 3  Skip this step"), "{text}");
    insta::assert_snapshot!("outage_80x24", text);
}

#[test]
fn checks_view_shows_every_result_and_the_full_advice() {
    for w in [fix_step(), outage_step()] {
        let mut app = App::new(Theme::colored());
        assert_eq!(press(&mut app, &w, KeyCode::Char('c')), Action::Nothing);
        assert!(matches!(app.screen, Screen::Checks { scroll: 0 }));
        let text = draw(&w, &app, None, 120, 40).backend().to_string();
        for needle in [
            "Internet works",
            "qbo.intuit.com answered",
            "Esc back to the step",
        ] {
            assert!(text.contains(needle), "{needle}: {text}");
        }
    }
    let w = outage_step();
    let mut app = App::new(Theme::colored());
    press(&mut app, &w, KeyCode::Tab);
    for (width, height) in [(80, 24), (120, 40)] {
        let terminal = draw(&w, &app, None, width, height);
        insta::assert_snapshot!(format!("checks_view_{width}x{height}"), terminal.backend());
    }
}

#[test]
fn checks_view_scrolls_within_its_text() {
    let w = outage_step();
    let mut app = App::new(Theme::colored());
    press(&mut app, &w, KeyCode::Char('c'));
    let area = ratatui::layout::Rect::new(0, 0, 50, 12);
    let ui = Ui {
        wizard: &w,
        app: &app,
        resume_hint: None,
    };
    let max = render::max_scroll(&ui, area);
    assert!(max > 0, "the view should need scrolling at 50×12");
    for _ in 0..10 {
        press_in(&mut app, &w, KeyCode::PageDown, area);
    }
    app.clamp_scroll(max);
    assert!(matches!(app.screen, Screen::Checks { scroll } if scroll == max));
    // At the end, the last result is on screen and nothing more is promised.
    let text = draw(&w, &app, None, 50, 12).backend().to_string();
    assert!(text.contains("─ PgUp ↑ ┘"), "{text}");
    assert!(!text.contains("PgDn more"), "{text}");
    assert!(text.contains("computer · 120\u{a0}ms"), "{text}");
}

#[test]
fn short_narrow_screen_keeps_the_card_and_the_checks_key() {
    let w = outage_step();
    let mut app = App::new(Theme::colored());
    let text = draw(&w, &app, None, 80, 14).backend().to_string();
    assert!(!text.contains("┌ Checks"), "no panel at 80×14: {text}");
    assert!(text.contains("☁ Whose problem: Intuit"), "{text}");
    assert!(text.contains("c checks"), "{text}");
    insta::assert_snapshot!("outage_80x14", text);
    // Even at 40 columns, where most hints are left out, the checks key stays.
    let narrow = draw(&w, &app, None, 40, 14).backend().to_string();
    assert!(narrow.contains(" c checks · "), "{narrow}");
    assert!(narrow.contains("q quit"), "{narrow}");
    press(&mut app, &w, KeyCode::Char('c'));
    let text = draw(&w, &app, None, 80, 14).backend().to_string();
    assert!(text.contains("┌ Checks"), "{text}");
    assert!(text.contains(OUTAGE_TITLE), "{text}");
    insta::assert_snapshot!("checks_view_80x14", text);
}

/// The card for every verdict, as the checks panel draws it: told apart by words and symbol.
#[test]
fn the_card_for_each_verdict() {
    let flow = flow::default_flow().unwrap();
    let mut seen = Vec::new();
    for id in qbfix::evidence::VerdictId::ALL {
        let verdict = qbfix::evidence::Verdict {
            id,
            title: String::new(),
            advice: String::new(),
            actions: Vec::new(),
        };
        let card = qbfix::wizard::card_for(&flow, &verdict);
        let lines = render::card::card_of(Theme::monochrome(), card, 40);
        let text: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        let text = text.join("\n");
        assert!(
            text.contains("Whose problem: ") && text.contains("Do this now: step 2, "),
            "{text}"
        );
        seen.push(format!("{}:\n{text}", id.as_str()));
    }
    insta::assert_snapshot!("cards_40", seen.join("\n\n"));
}
