//! The helpdesk screen drawn by the real render code into a test backend: at 80 and 100
//! columns the header keeps "Case QB-…" apart from "Step N of M"; an imported session's checks
//! panel says the results are the customer's.

use std::sync::Arc;

use jiff::Timestamp;

use crate::support::screen;
use qbfix::evidence::{CheckResult, Status};
use qbfix::flow;
use qbfix::session::{Customer, ImportSource, Session, SystemFacts};
use qbfix::tui::app::App;
use qbfix::tui::theme::Theme;
use qbfix::wizard::{Effect, Msg, Wizard};

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
        s.customer = Some(Customer::results(ImportSource::ResultCode, t));
    }
    s
}

fn screen(s: Session, width: u16, height: u16) -> String {
    let (w, _) = Wizard::new(Arc::new(flow::default_flow().unwrap()), s);
    screen::text(&w, &App::new(Theme::monochrome()), width, height)
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
    // (At 160 columns the checks panel beside the steps list is as wide as at 120 without it.)
    let text = screen(session(true), 160, 40);
    assert!(text.contains("The customer's results (from code at "), "{text}");
    assert!(!screen(session(false), 100, 30).contains("customer's results"));
}

/// Where the full title does not fit (the panel beside the step at 100×30), the title is
/// the short one, whole, and where the results came from and when is the panel's first line;
/// at 80×24 the panel is as wide as the screen and keeps the full title.
#[test]
fn the_customers_results_title_is_never_cut() {
    let text = screen(session(true), 100, 30);
    let title = text.lines().nth(1).unwrap();
    assert!(title.contains("┌ The customer's results ─"), "{text}");
    let first = text.lines().nth(2).unwrap();
    assert!(first.contains("│ From their result code, at "), "{text}");
    insta::assert_snapshot!("customer_results_100x30", local_time_masked(&text));

    let text = screen(session(true), 80, 24);
    let row = text
        .lines()
        .find(|l| l.contains("The customer's results"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(row.contains("┌ The customer's results (from code at "), "{text}");
    assert!(row.contains(") ─"), "the title ends whole: {row}");
    insta::assert_snapshot!("customer_results_80x24", local_time_masked(&text));
}

/// The screen with the import's local time (which depends on the machine's zone) as "HH:MM".
fn local_time_masked(text: &str) -> String {
    let at = Timestamp::from_second(1_795_000_000)
        .unwrap()
        .to_zoned_datetime(jiff::tz::TimeZone::system())
        .strftime("%H:%M")
        .to_string();
    text.replace(&format!("at {at}"), "at HH:MM")
}

/// `r` in a call runs the checks on the agent's computer: their results are drawn apart,
/// titled "This computer (yours)", under the customer's, which keep their title and results;
/// the session's verdict stays the customer's.
#[test]
fn the_agents_own_run_is_shown_apart_and_never_as_the_customers() {
    let (mut w, _) = Wizard::new(Arc::new(flow::default_flow().unwrap()), session(true));
    let at = Timestamp::from_second(1_795_000_100).unwrap();
    let customers = w.session().checks.clone();
    let verdict = w.session().verdict.clone();
    assert!(matches!(&w.update(Msg::RerunChecks)[..], [Effect::RunChecks(_)]));
    w.update(Msg::ChecksStarted {
        ids: vec!["http".into()],
        at,
    });
    w.update(Msg::CheckFinished {
        id: "http".into(),
        results: vec![
            CheckResult::new("http", Status::Pass, "qbo.intuit.com answered 200 OK").with("status_code", 200),
        ],
    });
    w.update(Msg::ChecksDone { at, duration_ms: 40 });
    assert_eq!(
        w.session().checks,
        customers,
        "the customer's results stay theirs"
    );
    assert_eq!(w.session().verdict, verdict, "so does the verdict");
    for (width, height) in [(160, 40), (100, 30)] {
        let text = screen::text(&w, &App::new(Theme::monochrome()), width, height);
        assert!(text.contains("The customer's results"), "{text}");
        assert!(text.contains("answered 502 Bad"), "{text}");
        assert!(text.contains("This computer (yours)"), "{text}");
    }
    let text = screen::text(&w, &App::new(Theme::monochrome()), 160, 40);
    assert!(text.contains("Here: Your connection to QuickBooks"), "{text}");
}
