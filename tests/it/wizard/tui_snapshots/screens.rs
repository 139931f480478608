//! Snapshots of every screen a person meets: the first step while the checks run and with the
//! customer's results, the bank address field, still waiting, a fix step with results and
//! verdict, an outage, the help, the note editor, the quit question and the summary; and with
//! colour off, no colours but the selection still visible.

use std::time::Duration;

use crossterm::event::KeyCode;
use ratatui::style::{Color, Modifier};

use qbfix::session::{Customer, ImportSource};
use qbfix::tui::app::{Action, App};
use qbfix::tui::screen::Screen;
use qbfix::tui::theme::Theme;
use qbfix::wizard::Wizard;

use super::{
    draw, finish_checks, fix_step, healthy_http, outage_step, pick, press, press_in, snapshot_all,
    start_checks, t, wizard,
};

#[test]
fn first_step_while_checks_run() {
    let mut w = wizard();
    start_checks(&mut w);
    let app = App::new(Theme::colored());
    snapshot_all(
        "first_step",
        &w,
        &app,
        Some("An unfinished session from 2026-09-10 09:12 UTC exists: qbfix --resume"),
    );
}

#[test]
fn first_step_with_the_customers_results_says_whose_they_are() {
    let (flow, mut session) = super::flow_and_session();
    session.case_code = Some("QB-7K3M-9TQ2".into());
    session.checks = vec![healthy_http()];
    session.customer = Some(Customer::results(ImportSource::ResultCode, t(0)));
    let (w, _) = Wizard::new(flow, session);
    let terminal = draw(&w, &App::new(Theme::monochrome()), None, 80, 24);
    let buffer = terminal.backend().buffer();
    let text: String = (0..24)
        .map(|y| (0..80).map(|x| buffer[(x, y)].symbol()).collect::<String>() + "\n")
        .collect();
    assert!(!text.contains("already testing"), "{text}");
    // The panel's title gives the local time of the import: the snapshot does not depend on
    // the time zone.
    let at = text.find("from code at ").expect("the panel title") + "from code at ".len();
    let text = format!("{}HH:MM{}", &text[..at], &text[at + 5..]);
    insta::assert_snapshot!("first_step_customer_80x24", text);
}

#[test]
fn the_bank_address_field_at_80x24() {
    let mut w = wizard();
    finish_checks(&mut w, healthy_http());
    pick(&mut w, 4);
    while w.bank_question().is_none() {
        assert!(!w.at_summary(), "the bank step asks");
        pick(&mut w, 2);
    }
    let mut app = App::new(Theme::monochrome());
    let empty = draw(&w, &app, None, 80, 24);
    insta::assert_snapshot!("bank_field_empty_80x24", empty.backend());
    for c in "my bank".chars() {
        press_in(
            &mut app,
            &w,
            KeyCode::Char(c),
            ratatui::layout::Rect::new(0, 0, 80, 24),
        );
    }
    let action = press_in(
        &mut app,
        &w,
        KeyCode::Enter,
        ratatui::layout::Rect::new(0, 0, 80, 24),
    );
    let Action::Send(msg) = action else {
        panic!("{action:?}")
    };
    assert!(w.update(msg).is_empty(), "not a web address");
    insta::assert_snapshot!(
        "bank_field_bad_address_80x24",
        draw(&w, &app, None, 80, 24).backend()
    );
}

#[test]
fn still_waiting_names_the_slow_checks() {
    let mut w = wizard();
    start_checks(&mut w);
    let mut app = App::new(Theme::colored());
    app.waited = Duration::from_millis(1600);
    let terminal = draw(&w, &app, None, 100, 24);
    insta::assert_snapshot!("still_waiting_100x24", terminal.backend());
}

#[test]
fn fix_step_with_results_and_verdict() {
    let w = fix_step();
    assert_eq!(w.current_id(), "connection");
    snapshot_all("fix_step", &w, &App::new(Theme::colored()), None);
}

#[test]
fn outage_shows_the_notice_and_skips_by_default() {
    let w = outage_step();
    let terminal = draw(&w, &App::new(Theme::colored()), None, 100, 30);
    insta::assert_snapshot!("outage_100x30", terminal.backend());
}

#[test]
fn help_overlay() {
    let w = fix_step();
    let mut app = App::new(Theme::colored());
    press(&mut app, &w, KeyCode::Char('?'));
    assert!(matches!(app.screen, Screen::Help(_)));
    snapshot_all("help", &w, &app, None);
}

#[test]
fn note_editor() {
    let w = fix_step();
    let mut app = App::new(Theme::colored());
    press(&mut app, &w, KeyCode::Char('n'));
    for c in " Works in a private window.".chars() {
        press(&mut app, &w, KeyCode::Char(c));
    }
    assert!(matches!(app.screen, Screen::Note(_)));
    snapshot_all("note", &w, &app, None);
}

#[test]
fn quit_confirmation() {
    let w = fix_step();
    let mut app = App::new(Theme::colored());
    assert_eq!(press(&mut app, &w, KeyCode::Char('q')), Action::Save);
    snapshot_all("confirm_quit", &w, &app, None);
}

#[test]
fn summary_after_contacting_support() {
    let mut w = fix_step();
    for _ in 0..6 {
        pick(&mut w, 2);
    }
    assert_eq!(w.current_id(), "support");
    pick(&mut w, 2);
    assert!(w.at_summary());
    snapshot_all("summary", &w, &App::new(Theme::colored()), None);
}

#[test]
fn no_color_uses_no_colours_but_keeps_the_selection_visible() {
    let w = fix_step();
    let terminal = draw(&w, &App::new(Theme::monochrome()), None, 100, 24);
    let buffer = terminal.backend().buffer();
    for cell in buffer.content() {
        assert_eq!(cell.fg, Color::Reset, "coloured cell {cell:?}");
        assert_eq!(cell.bg, Color::Reset, "coloured cell {cell:?}");
    }
    let selected = buffer
        .content()
        .iter()
        .filter(|c| c.modifier.contains(Modifier::REVERSED))
        .count();
    assert!(selected > 0, "the selected answer is not highlighted");
    let text = terminal.backend().to_string();
    assert!(text.contains("▶ 3  Skip this step"), "{text}");
    assert!(text.contains("◆ Whose problem: your browser"), "{text}");
}
