//! Runs carry their origin: in a call on the customer's results the checks the agent runs
//! (`r`) are this computer's, kept apart; the verdict, the route and the result code stay the
//! customer's, and no answer waits for (or re-runs) a check on this computer.

use super::*;
use crate::session::{Customer, ImportSource, Origin};

/// A call on an offline customer's results.
fn call() -> Wizard {
    let flow = Arc::new(default_flow().unwrap());
    let mut session = Session::new("id1".into(), &flow.id, t(0), SystemFacts::default());
    session.checks = vec![CheckResult::new("http", Status::Fail, "refused").with("error_kind", "refused")];
    session.verdict = Some(crate::evidence::decide(&session.checks));
    session.customer = Some(Customer::results(ImportSource::CheckJson, t(0)));
    let (w, effects) = Wizard::new(flow, session);
    assert_eq!(
        effects,
        vec![Effect::Save],
        "nothing runs on this computer unasked"
    );
    w
}

#[test]
fn r_in_a_call_measures_this_computer_apart_and_the_verdict_stays_the_customers() {
    let mut w = call();
    let theirs = w.session().clone();
    assert!(w.this_computer().is_none());
    assert!(matches!(&w.update(Msg::RerunChecks)[..], [Effect::RunChecks(_)]));
    let effects = finish_checks(&mut w, healthy());
    assert_eq!(effects, vec![Effect::Save]);
    let s = w.session();
    assert_eq!(s.checks, theirs.checks);
    assert_eq!(s.verdict, theirs.verdict);
    assert_eq!(s.this_computer_checks, healthy());
    let run = s.check_runs.last().unwrap();
    assert_eq!(run.from, Some(Origin::ThisComputer));
    assert_eq!(run.verdict.as_ref().map(|v| v.id), Some(VerdictId::LocalOk));
    let ours = w.this_computer().expect("shown apart");
    assert_eq!(ours.results, healthy().as_slice());
    assert!(!ours.running);
    // The route is still the customer's: offline puts the connection step next.
    pick(&mut w, 1);
    assert_eq!(w.current_id(), "connection");
}

#[test]
fn in_a_call_answers_never_wait_for_this_computer_and_yes_is_the_customers_word() {
    let mut w = call();
    w.update(Msg::RerunChecks);
    w.update(Msg::ChecksStarted {
        ids: vec!["http".into()],
        at: t(1),
    });
    // While the agent's run goes on, answers are recorded at once.
    pick(&mut w, 1);
    assert_eq!(w.current_id(), "connection");
    assert_eq!(w.waiting(), None);
    // "Yes, it works now" is recorded without re-running anything here.
    let effects = pick(&mut w, 1);
    assert_eq!(effects, vec![Effect::Save]);
    assert!(
        w.at_summary() && w.finishing(),
        "the agent's run finishes into the record"
    );
    let effects = finish_checks_only_done(&mut w);
    assert_eq!(effects, vec![Effect::Save, Effect::Finished]);
    assert_eq!(w.session().outcome, Outcome::Resolved);
    assert_eq!(w.session().resolved_by.as_deref(), Some("connection"));
}

fn finish_checks_only_done(w: &mut Wizard) -> Vec<Effect> {
    w.update(Msg::CheckFinished {
        id: "http".into(),
        results: healthy(),
    });
    w.update(Msg::ChecksDone {
        at: t(2),
        duration_ms: 9,
    })
}
