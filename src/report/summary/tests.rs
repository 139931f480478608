//! The summaries never repeat the verdict's advice once the step it is about was answered
//! "No, still failing": one test per verdict, and the advice kept while that step was not
//! tried.

use jiff::Timestamp;
use jiff::tz::TimeZone;

use super::{advice, plain, ticket};
use crate::evidence::{CheckId, CheckResult, Status, Verdict, VerdictId};
use crate::flow::{self, Flow};
use crate::report::{Document, SectionKind};
use crate::session::{Outcome, Session, StepRecord, SystemFacts};

const ADVICE: &str = "Do the thing this verdict advises, in these words.";

fn record(flow: &Flow, id: &str, answer_id: &str) -> StepRecord {
    let step = flow.step(id).expect("a step of the flow");
    let answer = step
        .answers
        .iter()
        .find(|a| a.id == answer_id)
        .expect("an answer of the step");
    StepRecord {
        id: id.to_string(),
        title: step.title.clone(),
        answer: Some(answer.label.clone()),
        answer_id: Some(answer_id.to_string()),
        note: None,
        note_draft: false,
        answered_at: Some(Timestamp::from_second(1_795_000_100).expect("a time")),
        checks: Vec::new(),
    }
}

/// A finished session whose verdict is `id`, with the step its advice is about answered
/// `answer_id` (or not visited, for `None`).
fn document(id: VerdictId, answer_id: Option<&str>) -> (Document, String) {
    let flow = flow::default_flow().expect("the embedded flow");
    let step = flow
        .first_for(id.as_str())
        .expect("every verdict has a first step");
    let mut s = Session::new(
        "20261218-101320-c0ffee".into(),
        &flow.id,
        Timestamp::from_second(1_795_000_000).expect("a time"),
        SystemFacts::default(),
    );
    s.verdict = Some(Verdict {
        id,
        title: "What the checks found".into(),
        advice: ADVICE.into(),
        actions: Vec::new(),
    });
    s.steps.push(record(&flow, "symptom", "bad_gateway"));
    if let Some(answer_id) = answer_id {
        s.steps.push(record(&flow, &step.id, answer_id));
    }
    s.outcome = Outcome::Unresolved;
    (Document::new(&s, Some(&flow), &TimeZone::UTC), step.title.clone())
}

fn assert_not_repeated(id: VerdictId) {
    let (doc, title) = document(id, Some("no"));
    let said = advice(&doc).expect("a verdict has advice");
    assert!(!said.contains(ADVICE), "{id:?}: {said}");
    assert!(said.contains(&title), "{id:?} names what was tried: {said}");
    assert!(!ticket(&doc).contains(ADVICE), "{id:?}: {}", ticket(&doc));
    let summary = plain(&doc).join(" ");
    assert!(!summary.contains("in these words"), "{id:?}: {summary}");

    // Not tried (not visited, or skipped): the advice stands.
    for answer in [None, Some("skip")] {
        let (doc, _) = document(id, answer);
        assert_eq!(advice(&doc).as_deref(), Some(ADVICE), "{id:?} {answer:?}");
    }
}

macro_rules! per_verdict {
    ($($name:ident: $id:expr,)*) => {$(
        #[test]
        fn $name() {
            assert_not_repeated($id);
        }
    )*};
}

per_verdict! {
    offline_advice_not_repeated: VerdictId::Offline,
    captive_portal_advice_not_repeated: VerdictId::CaptivePortal,
    proxy_failing_advice_not_repeated: VerdictId::ProxyFailing,
    quickbooks_blocked_advice_not_repeated: VerdictId::QuickbooksBlocked,
    https_intercepted_advice_not_repeated: VerdictId::HttpsIntercepted,
    service_outage_advice_not_repeated: VerdictId::ServiceOutage,
    bank_unreachable_advice_not_repeated: VerdictId::BankUnreachable,
    slow_connection_advice_not_repeated: VerdictId::SlowConnection,
    local_ok_advice_not_repeated: VerdictId::LocalOk,
}

#[test]
fn no_verdict_repeats_advice_already_tried() {
    // Also any verdict added later than the list above.
    for id in VerdictId::ALL {
        assert_not_repeated(id);
    }
}

#[test]
fn reports_name_every_check_by_its_registry_label() {
    let mut s = Session::new(
        "20261218-101320-c0ffee".into(),
        "qbo-502",
        Timestamp::from_second(1_795_000_000).expect("a time"),
        SystemFacts::default(),
    );
    s.checks = CheckId::ALL
        .iter()
        .map(|c| CheckResult::new(c.as_str(), Status::Warn, "something to say"))
        .collect();
    let doc = Document::new(&s, None, &TimeZone::UTC);
    let labels: Vec<&str> = doc
        .items(SectionKind::Checks)
        .iter()
        .map(|i| i.label.as_str())
        .collect();
    let want: Vec<&str> = CheckId::ALL.iter().map(|c| c.label()).collect();
    assert_eq!(labels, want);
    let (md, text, html, ticket) = (doc.markdown(), doc.text(), doc.html(), ticket(&doc));
    for c in CheckId::ALL {
        for (format, out) in [("md", &md), ("text", &text), ("html", &html), ("ticket", &ticket)] {
            assert!(out.contains(c.label()), "{format} lacks {:?}:\n{out}", c.label());
        }
    }
    // Ids are for JSON only.
    for id in ["status_page", "connectivity", "firewall"] {
        assert!(!md.contains(id) && !text.contains(id), "{id}");
    }
}

#[test]
fn the_ticket_names_each_failing_check_then_how_it_failed() {
    let mut s = Session::new(
        "20261218-101320-c0ffee".into(),
        "qbo-502",
        Timestamp::from_second(1_795_000_000).expect("a time"),
        SystemFacts::default(),
    );
    s.checks = vec![
        CheckResult::new("connectivity", Status::Fail, "Could not reach the test sites"),
        CheckResult::new(
            "status_page",
            Status::Error,
            "Could not read Intuit's status page",
        ),
        CheckResult::new("dns", Status::Pass, "Names resolve"),
    ];
    let doc = Document::new(&s, None, &TimeZone::UTC);
    let ticket = ticket(&doc);
    let line = ticket
        .lines()
        .find(|l| l.contains("Failing checks"))
        .unwrap_or_else(|| panic!("{ticket}"));
    assert!(
        line.contains("Internet connection (fail): Could not reach the test sites"),
        "{line}"
    );
    assert!(
        line.contains("Intuit status page (error): Could not read Intuit's status page"),
        "{line}"
    );
    assert!(
        !line.contains("Names resolve"),
        "passing checks are not failing: {line}"
    );
}

#[test]
fn an_unresolved_report_lists_the_verdict_s_actions_first_in_next_steps() {
    let mut s = Session::new(
        "20261218-101320-c0ffee".into(),
        "qbo-502",
        Timestamp::from_second(1_795_000_000).expect("a time"),
        SystemFacts::default(),
    );
    s.verdict = Some(crate::evidence::verdict_words::generic(VerdictId::Offline));
    s.outcome = Outcome::Unresolved;
    let next = crate::report::next_steps(&s);
    let actions = &s.verdict.as_ref().expect("a verdict").actions;
    assert_eq!(next[0], format!("{}.", actions[0]), "{next:#?}");
    assert_eq!(
        next[actions.len() - 1],
        format!("{}.", actions[actions.len() - 1])
    );
    // Once resolved, nothing more to do.
    s.outcome = Outcome::Resolved;
    assert_eq!(crate::report::next_steps(&s).len(), 1);
}
