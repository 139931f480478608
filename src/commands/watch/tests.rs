//! `watch`: the interval it accepts, when a poll counts as recovered, and the live line's fit.

use super::*;
use crate::checks::watch::judge;
use crate::evidence::{CheckResult, Status};

#[test]
fn interval_below_one_second_is_refused() {
    assert!(Options::new(0.5, None).is_err());
    assert!(Options::new(f64::NAN, None).is_err());
    assert!(Options::new(1.0, Some(0.0)).is_err());
    assert_eq!(
        Options::new(30.0, None).unwrap().interval,
        Duration::from_secs(30)
    );
}

#[test]
fn an_interval_too_long_is_refused_saying_what_is_allowed() {
    let e = Options::new(100_000.0, None).unwrap_err().to_string();
    assert_eq!(
        e,
        "--interval 100000: must be between 1 and 86400 seconds (one day)"
    );
    let e = Options::new(0.5, None).unwrap_err().to_string();
    assert!(e.contains("between 1 and 86400"), "{e}");
    assert!(Options::new(86_400.0, None).is_ok());
}

#[test]
fn recovered_only_when_the_page_passes_and_no_site_answers_5xx() {
    let page = CheckResult::new("status_page", Status::Pass, "fine");
    let ok = CheckResult::new("http", Status::Pass, "200").with("status_code", 200);
    let bad = CheckResult::new("http", Status::Fail, "502").with("status_code", 502);
    assert!(judge(&[page.clone(), ok.clone()]).recovered());
    assert!(!judge(&[page.clone(), ok.clone(), bad]).recovered());
    let incident = CheckResult::new("status_page", Status::Warn, "Intuit reports: incident 'Banking'").with(
        "incidents",
        serde_json::json!([{"name": "Banking", "update": "We are investigating"}]),
    );
    let poll = judge(&[incident, ok]);
    assert!(!poll.recovered());
    assert_eq!(
        poll.incident.as_deref(),
        Some("Banking — latest update: We are investigating")
    );
}

#[test]
fn the_live_line_fits_its_width_and_keeps_the_times_whole() {
    let poll = Poll {
        down: vec!["Intuit status page: a long summary".into()],
        names: vec!["Intuit status page".into()],
        incident: Some(format!("Outage — latest update: {}", "word ".repeat(40))),
        update: Some("word ".repeat(40)),
    };
    for width in [20, 40, 60, 80, 100, 250] {
        let line = live_line(&poll, "10:00:00", "10:00:30", width);
        assert!(line.chars().count() < width, "{width}: {line}");
        assert!(line.starts_with("Still down:"), "{line}");
        if width >= 60 {
            assert!(line.ends_with(" · checked 10:00:00 · next 10:00:30"), "{line}");
        }
        if width >= 80 {
            assert!(line.starts_with("Still down: Intuit status page · "), "{line}");
        }
    }
    let line = live_line(&poll, "10:00:00", "10:00:30", 80);
    assert!(line.contains(" · Intuit: w"), "{line}");
    let line = live_line(&poll, "10:00:00", "10:00:30", 100);
    assert!(line.contains(" · Intuit: word word"), "{line}");
    let short = Poll {
        incident: Some("Outage — latest update: fixed soon".into()),
        update: Some("fixed soon".into()),
        ..poll
    };
    let line = live_line(&short, "10:00:00", "10:00:30", 120);
    assert_eq!(
        line,
        "Still down: Intuit status page · Outage — latest update: fixed soon · checked 10:00:00 · next 10:00:30"
    );
}
