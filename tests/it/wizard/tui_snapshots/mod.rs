//! Snapshots of the real TUI views (`qbfix::tui::render::draw`) on a `TestBackend`, at
//! 80×24, 120×40 and 30×8 (too small), for every screen a person meets. Wizard states are built
//! through the public API with fixed times and synthetic check results, spinners frozen, so
//! every snapshot is deterministic.
//!
//! The builders of those states are here; the snapshots are by subject:
//!
//! - `screens`: every screen a person meets — first step, bank field, fix step, outage, help,
//!   note, quit question, summary — and colour off.
//! - `checks_panel`: the checks panel, its card and tally, and the full checks view.
//! - `fitting`: what does not fit — wrapped list items, a "more" marker, a 40×12 screen.

mod checks_panel;
mod fitting;
mod footer;
mod screens;
mod side_list;
mod steps;
mod summary;

use std::sync::Arc;
use std::time::Duration;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use jiff::Timestamp;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use qbfix::evidence::{CheckResult, Status};
use qbfix::flow;
use qbfix::session::{Session, SystemFacts};
use qbfix::tui::app::{Action, App};
use qbfix::tui::keys::KeyContext;
use qbfix::tui::render::{self, Ui};
use qbfix::wizard::{Msg, Wizard};

const SIZES: [(u16, u16); 3] = [(80, 24), (120, 40), (30, 8)];

fn t(s: i64) -> Timestamp {
    Timestamp::from_second(1_790_000_000 + s).unwrap()
}

/// The embedded flow and a new session on it, as every snapshot starts.
fn flow_and_session() -> (Arc<flow::Flow>, Session) {
    let flow = Arc::new(flow::default_flow().unwrap());
    let session = Session::new(
        "20260911-012640-abcdef".into(),
        &flow.id,
        t(0),
        SystemFacts::default(),
    );
    (flow, session)
}

fn wizard() -> Wizard {
    let (flow, session) = flow_and_session();
    Wizard::new(flow, session).0
}

/// A helpdesk call (its case code), nothing run or answered yet.
fn call_wizard() -> Wizard {
    let (flow, mut session) = flow_and_session();
    session.case_code = Some("QB-7K3M-9TQ2".into());
    Wizard::new(flow, session).0
}

fn start_checks(w: &mut Wizard) {
    w.update(Msg::ChecksStarted {
        ids: vec!["connectivity".into(), "http".into()],
        at: t(1),
    });
}

fn finish_checks(w: &mut Wizard, http: CheckResult) {
    let connectivity = CheckResult::new(
        "connectivity",
        Status::Pass,
        "Internet works: 127.0.0.1:8080 answered in 41 ms",
    )
    .with("status_code", 204)
    .with_duration(Duration::from_millis(41));
    crate::support::feed::check_run(w, t(1), vec![connectivity, http], t(2), 350);
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
        at: Timestamp::UNIX_EPOCH,
    });
    w
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
