//! Snapshots of the Markdown, JSON and HTML reports of one fixed session, built through the
//! public wizard API with fixed times and synthetic check results (one hostile).

use std::sync::Arc;

use jiff::Timestamp;
use qbfix::checks::{CheckResult, Status};
use qbfix::session::{Session, SystemFacts};
use qbfix::wizard::{Msg, Wizard};
use qbfix::{flow, report};

fn t(s: i64) -> Timestamp {
    Timestamp::from_second(1_795_000_000 + s).unwrap()
}

fn session() -> Session {
    let flow = Arc::new(flow::default_flow().unwrap());
    let system = SystemFacts {
        os: "Debian GNU/Linux".into(),
        os_version: "12".into(),
        arch: "x86_64".into(),
        qbfix_version: "0.1.0".into(),
    };
    let session = Session::new("20261218-101320-c0ffee".into(), &flow.id, t(0), system);
    let (mut w, _) = Wizard::new(flow, session);
    run_checks(&mut w, 1);
    w.update(Msg::Pick { n: 1, at: t(30) });
    // Healthy checks: the browser steps come first.
    w.update(Msg::Note {
        text: "Customer on <office> Wi-Fi [link](http://x)".into(),
    });
    w.update(Msg::Pick { n: 2, at: t(60) });
    w.update(Msg::Pick { n: 2, at: t(90) });
    // "Yes" re-runs the network checks; they pass, so the fix is recorded.
    w.update(Msg::Pick { n: 1, at: t(120) });
    run_checks(&mut w, 121);
    w.session().clone()
}

/// One run of the checks (a hostile summary among them) started at `at`.
fn run_checks(w: &mut Wizard, at: i64) {
    w.update(Msg::ChecksStarted {
        ids: vec!["connectivity".into(), "http".into()],
        at: t(at),
    });
    w.update(Msg::CheckFinished {
        id: "connectivity".into(),
        results: vec![
            CheckResult::new(
                "connectivity",
                Status::Pass,
                "Internet works: example answered in 41 ms",
            )
            .with("status_code", 204)
            .with_duration(std::time::Duration::from_millis(41)),
        ],
    });
    w.update(Msg::CheckFinished {
        id: "http".into(),
        results: vec![
            CheckResult::new(
                "http",
                Status::Pass,
                "qbo.intuit.com answered 200 OK in 310 ms | *x*",
            )
            .with("status_code", 200)
            .with_duration(std::time::Duration::from_millis(310)),
        ],
    });
    w.update(Msg::ChecksDone {
        at: t(at + 1),
        duration_ms: 320,
    });
}

#[test]
fn markdown_report() {
    let flow = flow::default_flow().unwrap();
    insta::assert_snapshot!(report::markdown(&session(), Some(&flow)));
}

#[test]
fn json_report() {
    insta::assert_snapshot!(report::json(&session()).unwrap());
}

#[test]
fn html_report() {
    let flow = flow::default_flow().unwrap();
    insta::assert_snapshot!(report::html(&session(), Some(&flow)));
}
