//! Snapshots of the real TUI views (`qbfix::tui::render::draw`) on a `TestBackend`, at
//! 80×24, 120×40 and 30×8 (too small), for every screen a person meets. Wizard states are built
//! through the public API with fixed times and synthetic check results, spinners frozen, so
//! every snapshot is deterministic.

use std::sync::Arc;
use std::time::Duration;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use jiff::Timestamp;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::{Color, Modifier};

use qbfix::checks::{CheckResult, Status};
use qbfix::flow;
use qbfix::session::{ImportSource, Imported, Session, SystemFacts};
use qbfix::tui::app::{Action, App, KeyContext, Screen};
use qbfix::tui::render::{self, Ui};
use qbfix::tui::theme::Theme;
use qbfix::wizard::{Msg, Wizard};

const SIZES: [(u16, u16); 3] = [(80, 24), (120, 40), (30, 8)];

fn t(s: i64) -> Timestamp {
    Timestamp::from_second(1_790_000_000 + s).unwrap()
}

fn wizard() -> Wizard {
    let flow = Arc::new(flow::default_flow().unwrap());
    let session = Session::new(
        "20260911-012640-abcdef".into(),
        &flow.id,
        t(0),
        SystemFacts::default(),
    );
    Wizard::new(flow, session).0
}

fn start_checks(w: &mut Wizard) {
    w.update(Msg::ChecksStarted {
        ids: vec!["connectivity".into(), "http".into()],
        at: t(1),
    });
}

fn finish_checks(w: &mut Wizard, http: CheckResult) {
    start_checks(w);
    w.update(Msg::CheckFinished {
        id: "connectivity".into(),
        results: vec![
            CheckResult::new(
                "connectivity",
                Status::Pass,
                "Internet works: 127.0.0.1:8080 answered in 41 ms",
            )
            .with("status_code", 204)
            .with_duration(Duration::from_millis(41)),
        ],
    });
    w.update(Msg::CheckFinished {
        id: "http".into(),
        results: vec![http],
    });
    w.update(Msg::ChecksDone {
        at: t(2),
        duration_ms: 350,
    });
}

fn healthy_http() -> CheckResult {
    CheckResult::new("http", Status::Pass, "qbo.intuit.com answered 200 OK")
        .with("status_code", 200)
        .with_duration(Duration::from_millis(310))
}

fn pick(w: &mut Wizard, n: usize) {
    w.update(Msg::Pick { n, at: t(10) });
}

fn press(app: &mut App, w: &Wizard, code: KeyCode) -> Action {
    press_in(app, w, code, ratatui::layout::Rect::new(0, 0, 100, 30))
}

/// A key press in a frame of `area` (which keys work depends on what fits).
fn press_in(app: &mut App, w: &Wizard, code: KeyCode, area: ratatui::layout::Rect) -> Action {
    let ctx = KeyContext::of(w, app, area, t(20));
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE), &ctx)
}

fn draw(w: &Wizard, app: &App, hint: Option<&str>, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    let ui = Ui {
        wizard: w,
        app,
        resume_hint: hint,
    };
    terminal.draw(|f| render::draw(f, &ui)).unwrap();
    terminal
}

fn snapshot_all(name: &str, w: &Wizard, app: &App, hint: Option<&str>) {
    for (width, height) in SIZES {
        let terminal = draw(w, app, hint, width, height);
        insta::assert_snapshot!(format!("{name}_{width}x{height}"), terminal.backend());
    }
}

/// The connection step after healthy checks (they bring the cache step first), with a note.
fn fix_step() -> Wizard {
    let mut w = wizard();
    finish_checks(&mut w, healthy_http());
    pick(&mut w, 1);
    pick(&mut w, 2);
    w.update(Msg::Note {
        text: "Other sites load fine.\nTried the phone hotspot too.".into(),
    });
    w
}

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
    let flow = Arc::new(flow::default_flow().unwrap());
    let mut session = Session::new(
        "20260911-012640-abcdef".into(),
        &flow.id,
        t(0),
        SystemFacts::default(),
    );
    session.case_code = Some("QB-7K3M-9TQ2".into());
    session.checks = vec![healthy_http()];
    session.imported = Some(Imported {
        source: ImportSource::ResultCode,
        imported_at: t(0),
    });
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
    let mut w = wizard();
    let gateway = CheckResult::new(
        "http",
        Status::Fail,
        "qbo.intuit.com answered 502 Bad Gateway: Intuit's servers are failing, not your computer",
    )
    .with("status_code", 502)
    .with_duration(Duration::from_millis(120));
    finish_checks(&mut w, gateway);
    pick(&mut w, 1);
    pick(&mut w, 2);
    assert_eq!(w.current_id(), "connection");
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

/// The connection step during an Intuit outage (the gateway answers 502).
fn outage_step() -> Wizard {
    let mut w = wizard();
    let gateway = CheckResult::new(
        "http",
        Status::Fail,
        "qbo.intuit.com answered 502 Bad Gateway: Intuit's servers are failing, not your computer",
    )
    .with("status_code", 502)
    .with_duration(Duration::from_millis(120));
    finish_checks(&mut w, gateway);
    pick(&mut w, 1);
    pick(&mut w, 2);
    assert_eq!(w.current_id(), "connection");
    w
}

const OUTAGE_TITLE: &str = "QuickBooks is having trouble on Intuit's side";

#[test]
fn stacked_panel_shrinks_to_the_card_and_a_tally_at_80x24() {
    let w = outage_step();
    let text = draw(&w, &App::new(Theme::colored()), None, 80, 24)
        .backend()
        .to_string();
    assert!(text.contains("☁ Whose problem: Intuit"), "{text}");
    assert!(
        text.contains("Do this now: step 2, Check whether Intuit or your bank is down."),
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
        let more = text.contains("more ↓");
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

/// The card for every verdict, as the checks panel draws it: told apart by words and symbol.
#[test]
fn the_card_for_each_verdict() {
    let flow = flow::default_flow().unwrap();
    let mut seen = Vec::new();
    for id in qbfix::checks::VerdictId::ALL {
        let verdict = qbfix::checks::Verdict {
            id,
            title: String::new(),
            advice: String::new(),
        };
        let card = qbfix::wizard::card_for(&flow, &verdict);
        let lines = render::checks::card_of(Theme::monochrome(), card, 40);
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

/// At 40×12 the first step keeps its question in reach and never cuts an answer unmarked.
#[test]
fn a_40x12_screen_marks_what_is_below() {
    let mut w = wizard();
    start_checks(&mut w);
    let text = draw(&w, &App::new(Theme::colored()), None, 40, 12)
        .backend()
        .to_string();
    assert!(text.contains("more ↓"), "{text}");
    insta::assert_snapshot!("first_step_40x12", text);
    let w = outage_step();
    let text = draw(&w, &App::new(Theme::colored()), None, 40, 12)
        .backend()
        .to_string();
    assert!(text.contains("more ↓"), "{text}");
    insta::assert_snapshot!("outage_40x12", text);
}
