//! Every wizard transition, on the embedded flow: moving through it ([`moves`]), check results
//! and the verdict's route ([`checks`]), the safe-answer policy ([`policy`]), and the
//! session the start step offers to continue ([`offer`]). The helpers here are
//! shared by all.

use std::sync::Arc;

use jiff::Timestamp;

use super::*;
use crate::evidence::{CheckResult, Status, VerdictId};
use crate::flow::default_flow;
use crate::session::{Outcome, SystemFacts};

fn t(s: i64) -> Timestamp {
    Timestamp::from_second(1_790_000_000 + s).unwrap()
}

fn wizard() -> Wizard {
    let flow = Arc::new(default_flow().unwrap());
    let session = Session::new("id1".into(), &flow.id, t(0), SystemFacts::default());
    Wizard::new(flow, session).0
}

/// A new session of the embedded flow whose checks already reached verdict `id` (its words
/// left empty), in a helpdesk call when `call`; not yet opened.
fn reached(id: VerdictId, call: bool) -> (Arc<Flow>, Session) {
    let flow = Arc::new(default_flow().unwrap());
    let mut session = Session::new("id1".into(), &flow.id, t(0), SystemFacts::default());
    session.verdict = Some(crate::evidence::Verdict {
        id,
        title: String::new(),
        advice: String::new(),
        actions: Vec::new(),
    });
    if call {
        session.case_code = Some("QB-7K3M-9TQ2".into());
    }
    (flow, session)
}

fn pick(w: &mut Wizard, n: usize) -> Vec<Effect> {
    w.update(Msg::Pick { n, at: t(10) })
}

fn finish_checks(w: &mut Wizard, results: Vec<CheckResult>) -> Vec<Effect> {
    w.update(Msg::ChecksStarted {
        ids: vec!["http".into(), "status_page".into()],
        at: t(1),
    });
    for id in ["http", "status_page"] {
        let r: Vec<_> = results.iter().filter(|r| r.id == id).cloned().collect();
        w.update(Msg::CheckFinished {
            id: id.into(),
            results: r,
        });
    }
    w.update(Msg::ChecksDone {
        at: t(2),
        duration_ms: 900,
    })
}

/// A run of the checks of one check only, which gave `result`.
fn run_one(w: &mut Wizard, result: CheckResult) -> Vec<Effect> {
    let id = result.id.clone();
    w.update(Msg::ChecksStarted {
        ids: vec![id.clone()],
        at: t(1),
    });
    w.update(Msg::CheckFinished {
        id,
        results: vec![result],
    });
    w.update(Msg::ChecksDone {
        at: t(2),
        duration_ms: 1,
    })
}

fn healthy() -> Vec<CheckResult> {
    vec![CheckResult::new("http", Status::Pass, "fine").with("status_code", 200)]
}

/// Picks "Yes, it works now": the network checks run again first; they finish with
/// `results`. Returns the effects of the run's end.
fn yes_with(w: &mut Wizard, results: Vec<CheckResult>) -> Vec<Effect> {
    let effects = pick(w, 1);
    assert!(matches!(&effects[..], [Effect::RunChecks(_)]), "{effects:?}");
    assert_eq!(w.waiting(), Some(Waiting::Recheck));
    finish_checks(w, results)
}

fn gateway_502() -> CheckResult {
    CheckResult::new("http", Status::Fail, "qbo answered 502").with("status_code", 502)
}

mod browsers;
mod card;
mod checks;
mod decision;
mod moves;
mod offer;
mod origin;
mod policy;
mod record;
mod record_props;
mod support;
