//! The status-page reader on a corpus of real-shaped and broken `summary.json` documents
//! (`tests/data/status/`): what each one must come out as, and that none panics or is taken
//! for "all operational" unless it says so completely.

use std::path::Path;

use qbfix::checks::status_doc::{DocError, parse};
use qbfix::checks::status_page::judge;
use qbfix::evidence::Status;

fn read(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/status")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Parses and judges one corpus file: (status, outage, summary).
fn outcome(name: &str) -> (Status, bool, String) {
    let doc = parse(&read(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    let r = judge(&doc);
    (r.status, r.detail_bool("outage"), r.summary)
}

#[test]
fn every_corpus_file_is_read_without_panic() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/status");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        if let Ok(doc) = parse(&bytes) {
            let _ = judge(&doc);
        }
        seen += 1;
    }
    assert!(seen >= 15, "corpus has only {seen} files");
}

#[test]
fn all_operational_passes() {
    let (status, outage, summary) = outcome("operational.json");
    assert_eq!((status, outage), (Status::Pass, false), "{summary}");
    for calm in [
        "upcoming_maintenance.json",
        "resolved_incident_listed.json",
        "odd_entries.json",
    ] {
        let (status, outage, summary) = outcome(calm);
        assert_eq!((status, outage), (Status::Pass, false), "{calm}: {summary}");
    }
}

#[test]
fn minor_incident_names_component_and_incident() {
    let (status, outage, summary) = outcome("incident_minor.json");
    assert_eq!((status, outage), (Status::Warn, true));
    assert_eq!(
        summary,
        "Intuit reports: Bank Feeds — degraded performance; incident 'Bank feeds delayed'"
    );
    let doc = parse(&read("incident_minor.json")).unwrap();
    let incidents = doc.incidents.unwrap();
    assert!(
        incidents[0]
            .update
            .as_deref()
            .unwrap()
            .starts_with("Some bank transactions")
    );
}

#[test]
fn major_or_critical_outage_fails() {
    let (status, outage, summary) = outcome("major_outage.json");
    assert_eq!((status, outage), (Status::Fail, true));
    assert!(summary.contains("QuickBooks Online — major outage"), "{summary}");
    assert!(summary.contains("Sign in — partial outage"), "{summary}");
    let (status, outage, summary) = outcome("indicator_only_major.json");
    assert_eq!((status, outage), (Status::Fail, true));
    assert_eq!(summary, "Intuit reports: Partial System Outage");
}

#[test]
fn maintenance_in_progress_is_a_minor_outage() {
    let (status, outage, summary) = outcome("maintenance_in_progress.json");
    assert_eq!((status, outage), (Status::Warn, true));
    assert!(summary.contains("Reports — under maintenance"), "{summary}");
    assert!(
        summary.contains("maintenance 'Reports database upgrade'"),
        "{summary}"
    );
}

#[test]
fn problems_count_even_when_the_indicator_says_none() {
    let (status, outage, summary) = outcome("inconsistent_none_but_degraded.json");
    assert_eq!((status, outage), (Status::Warn, true), "{summary}");
    let (status, outage, summary) = outcome("incident_without_updates.json");
    assert_eq!((status, outage), (Status::Warn, true));
    assert!(summary.contains("Intermittent 502 errors"), "{summary}");
}

#[test]
fn incomplete_documents_warn_and_never_claim_all_operational() {
    for name in [
        "missing_incidents.json",
        "missing_status.json",
        "unknown_component_status.json",
    ] {
        let (status, outage, summary) = outcome(name);
        assert_eq!((status, outage), (Status::Warn, false), "{name}: {summary}");
        assert!(!summary.contains("no problems"), "{name}: {summary}");
    }
}

#[test]
fn broken_documents_are_errors_not_verdicts() {
    let cases = [
        ("empty.json", DocError::Empty),
        ("page.html", DocError::Html),
        ("garbage.txt", DocError::NotJson),
        ("truncated.json", DocError::NotJson),
        ("array.json", DocError::WrongShape),
        ("wrong_types.json", DocError::WrongShape),
    ];
    for (name, expected) in cases {
        assert_eq!(parse(&read(name)), Err(expected), "{name}");
    }
}

#[test]
fn hostile_input_is_bounded_and_deep_nesting_does_not_overflow() {
    let deep = "[".repeat(200_000);
    assert_eq!(parse(deep.as_bytes()), Err(DocError::NotJson));
    let long = "x".repeat(100_000);
    let doc = format!(
        r#"{{"status":{{"indicator":"minor"}},"components":[{{"name":"{long}","status":"major_outage"}}],"incidents":[]}}"#
    );
    let r = judge(&parse(doc.as_bytes()).unwrap());
    assert!(r.summary.chars().count() < 400, "{}", r.summary.len());
    assert_eq!(r.status, Status::Fail);
    assert_eq!(parse(&[0xff, 0xfe, 0x00]), Err(DocError::NotJson));
}

#[test]
fn many_components_are_summarised() {
    let comps: Vec<String> = (0..200)
        .map(|i| format!(r#"{{"name":"Part {i}","status":"partial_outage"}}"#))
        .collect();
    let doc = format!(
        r#"{{"status":{{"indicator":"minor"}},"components":[{}],"incidents":[]}}"#,
        comps.join(",")
    );
    let r = judge(&parse(doc.as_bytes()).unwrap());
    assert!(r.summary.ends_with("and 197 more"), "{}", r.summary);
    assert!(r.details["components"].as_array().unwrap().len() <= 50);
}
