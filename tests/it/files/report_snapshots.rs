//! Snapshots of every format of one fixed session (Markdown, text, JSON, HTML, the plain-mode
//! summary and the ticket summary), built through the public wizard API with fixed times, a
//! fixed time zone and synthetic check results (one hostile); and a property test that every
//! section of the Document appears in Markdown, text and HTML whatever the session holds.

use std::sync::Arc;

use jiff::Timestamp;
use jiff::tz::{Offset, TimeZone};
use proptest::prelude::*;
use qbfix::evidence::{CheckResult, Status};
use qbfix::report::Document;
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
    let mut session = Session::new("20261218-101320-c0ffee".into(), &flow.id, t(0), system);
    session.case_code = Some("QB-7K3M-9TQ2".into());
    let (mut w, _) = Wizard::new(flow, session);
    run_checks(&mut w, 1);
    w.update(Msg::Pick { n: 1, at: t(30) });
    // Healthy checks: the browser steps come first.
    w.update(Msg::Note {
        text: "Customer on <office> Wi-Fi [link](http://x)".into(),
        at: t(50),
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
    let results = vec![
        CheckResult::new(
            "connectivity",
            Status::Pass,
            "Internet works: example answered in 41 ms",
        )
        .with("status_code", 204)
        .with_duration(std::time::Duration::from_millis(41)),
        CheckResult::new(
            "http",
            Status::Pass,
            "qbo.intuit.com answered 200 OK in 310 ms | *x*",
        )
        .with("status_code", 200)
        .with_duration(std::time::Duration::from_millis(310)),
    ];
    crate::support::feed::check_run(w, t(at), results, t(at + 1), 320);
}

/// Times in the snapshots: UTC+01:00, whatever the machine's zone.
fn tz() -> TimeZone {
    TimeZone::fixed(Offset::constant(1))
}

fn document() -> Document {
    let flow = flow::default_flow().unwrap();
    Document::new(&session(), Some(&flow), &tz())
}

#[test]
fn markdown_report() {
    insta::assert_snapshot!(document().markdown());
}

#[test]
fn text_report() {
    let text = document().text();
    assert!(text.lines().all(|l| l.chars().count() <= 72), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn json_report() {
    insta::assert_snapshot!(report::json(&session()).unwrap());
}

#[test]
fn html_report() {
    insta::assert_snapshot!(document().html());
}

#[test]
fn plain_summary() {
    insta::assert_snapshot!(document().plain_summary().join("\n"));
}

#[test]
fn ticket_summary() {
    let ticket = document().ticket();
    assert!(ticket.contains("QB-7K3M-9TQ2"));
    insta::assert_snapshot!(ticket);
}

/// A session with arbitrary answers, notes, check results and helpdesk jumps.
fn arbitrary_session(
    notes: Vec<String>,
    summaries: Vec<(usize, usize, String)>,
    picks: Vec<usize>,
) -> Session {
    let flow = Arc::new(flow::default_flow().unwrap());
    let session = Session::new(
        "20261218-101320-abcdef".into(),
        &flow.id,
        t(0),
        SystemFacts::default(),
    );
    let (mut w, _) = Wizard::new(flow, session);
    let ids = qbfix::evidence::result_code::CHECKS;
    w.update(Msg::ChecksStarted {
        ids: ids.iter().map(|s| s.to_string()).collect(),
        at: t(1),
    });
    for (check, status, summary) in summaries {
        let status = [
            Status::Pass,
            Status::Warn,
            Status::Fail,
            Status::Skip,
            Status::Error,
        ][status % 5];
        let id = ids[check % ids.len()];
        w.update(Msg::CheckFinished {
            id: id.into(),
            results: vec![CheckResult::new(id, status, summary)],
        });
    }
    w.update(Msg::ChecksDone {
        at: t(2),
        duration_ms: 5,
    });
    for (i, pick) in picks.into_iter().enumerate() {
        // Picks past the answers' numbers are helpdesk jumps (`g`) to a step of the flow.
        if pick >= 12 {
            let to = w.flow().steps[pick % w.flow().steps.len()].id.clone();
            w.update(Msg::Jump {
                to,
                at: t(20 + i as i64),
            });
            continue;
        }
        if let Some(note) = notes.get(i) {
            w.update(Msg::Note {
                text: note.clone(),
                at: t(50),
            });
        }
        w.update(Msg::Pick {
            n: 1 + pick % 2,
            at: t(10 + i as i64),
        });
    }
    w.session().clone()
}

/// `s` with runs of whitespace made single spaces (text wraps lines).
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    #[test]
    fn every_section_appears_in_markdown_text_and_html(
        notes in proptest::collection::vec("\\PC{0,30}", 0..4),
        summaries in proptest::collection::vec((0usize..12, 0usize..5, "\\PC{1,40}"), 0..8),
        picks in proptest::collection::vec(0usize..24, 0..8),
    ) {
        let flow = flow::default_flow().unwrap();
        let doc = Document::new(&arbitrary_session(notes, summaries, picks), Some(&flow), &tz());
        let (md, text, html) = (doc.markdown(), doc.text(), doc.html());
        let text_flat = squash(&text);
        for section in &doc.sections {
            if section.kind != report::SectionKind::Overview {
                let md_heading = format!("## {}", section.heading);
                let html_heading = format!("<h2>{}</h2>", qbfix::text::sanitize::html(section.heading));
                prop_assert!(md.contains(&md_heading), "md lacks {}", md_heading);
                prop_assert!(text.contains(section.heading), "text lacks {}", section.heading);
                prop_assert!(html.contains(&html_heading), "html lacks {}", html_heading);
            }
            for item in &section.items {
                prop_assert!(md.contains(&report::markdown_escape(&item.text)), "md lacks {:?}", item.text);
                prop_assert!(html.contains(&qbfix::text::sanitize::html(&item.text)), "html lacks {:?}", item.text);
                prop_assert!(text_flat.contains(&squash(&item.text)), "text lacks {:?}", item.text);
                if let Some(note) = &item.note {
                    prop_assert!(md.contains(&report::markdown_escape(note)));
                    prop_assert!(html.contains(&qbfix::text::sanitize::html(note)));
                    prop_assert!(text_flat.contains(&squash(note)));
                }
            }
        }
        prop_assert!(text.lines().all(|l| l.chars().count() <= 72));
    }
}
