//! The helpdesk screen drawn by the real render code into a test backend: at 80 and 100
//! columns the header keeps "Case QB-…" apart from "Step N of M"; an imported session's checks
//! panel says the results are the customer's.

use std::sync::Arc;

use jiff::Timestamp;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use qbfix::checks::{CheckResult, Status};
use qbfix::flow;
use qbfix::session::{ImportSource, Imported, Session, SystemFacts};
use qbfix::tui::app::App;
use qbfix::tui::render::{self, Ui};
use qbfix::tui::theme::Theme;
use qbfix::wizard::Wizard;

fn session(imported: bool) -> Session {
    let flow = flow::default_flow().unwrap();
    let t = Timestamp::from_second(1_795_000_000).unwrap();
    let mut s = Session::new(
        "20261218-101320-c0ffee".into(),
        &flow.id,
        t,
        SystemFacts::default(),
    );
    s.case_code = Some("QB-7K3M-9TQ2".into());
    if imported {
        s.checks = vec![
            CheckResult::new("http", Status::Fail, "qbo.intuit.com answered 502 Bad Gateway")
                .with("status_code", 502),
        ];
        s.imported = Some(Imported {
            source: ImportSource::ResultCode,
            imported_at: t,
        });
    }
    s
}

fn screen(s: Session, width: u16, height: u16) -> String {
    let (w, _) = Wizard::new(Arc::new(flow::default_flow().unwrap()), s);
    let app = App::new(Theme::monochrome());
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    let ui = Ui {
        wizard: &w,
        app: &app,
        resume_hint: None,
    };
    terminal.draw(|f| render::draw(f, &ui)).unwrap();
    let buffer = terminal.backend().buffer().clone();
    (0..height)
        .map(|y| {
            (0..width)
                .map(|x| buffer[(x, y)].symbol().to_string())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_header_keeps_the_case_code_apart_from_the_step_count() {
    for (width, height) in [(80, 24), (100, 30)] {
        let text = screen(session(false), width, height);
        let header = text.lines().next().unwrap();
        let case = header
            .find("Case QB-7K3M-9TQ2")
            .unwrap_or_else(|| panic!("{width}: {header}"));
        let step = header
            .find("Step ")
            .unwrap_or_else(|| panic!("{width}: {header}"));
        let between = &header[case + "Case QB-7K3M-9TQ2".len()..step];
        assert!(between.starts_with(' '), "{width} columns: {header:?}");
    }
}

#[test]
fn an_imported_sessions_checks_panel_says_whose_results_they_are() {
    let text = screen(session(true), 120, 40);
    assert!(text.contains("The customer's results (from code at "), "{text}");
    let text = screen(session(true), 100, 30);
    assert!(text.contains("The customer's results (from"), "{text}");
    assert!(!screen(session(false), 100, 30).contains("customer's results"));
}
