//! Finished means finished: once the summary is reached the session is a record. Back, answers,
//! jumps, the bank question and check runs change none of its answers, outcome, times or check
//! runs; a note there is a closing note, appended with its time; `r` checks again beside the
//! record, never into it; checks still running when the summary is reached finish into it.

use super::*;

/// Walks to the summary with "2" everywhere, after a run with `results`.
fn finished_with(results: Vec<CheckResult>) -> Wizard {
    let mut w = wizard();
    finish_checks(&mut w, results);
    while !w.at_summary() {
        pick(&mut w, 2);
    }
    w
}

fn outage() -> Vec<CheckResult> {
    vec![
        gateway_502(),
        CheckResult::new("status_page", Status::Fail, "Intuit reports a major outage")
            .with("indicator", "major"),
    ]
}

#[test]
fn back_on_the_summary_changes_nothing() {
    let mut w = finished_with(healthy());
    let record = w.session().clone();
    assert_eq!(w.update(Msg::Back), vec![]);
    assert!(w.at_summary());
    assert_eq!(w.session(), &record);
    assert!(w.hint().is_some_and(|h| h.contains("record")), "{:?}", w.hint());
    // Nor does a number, Enter-like picks, a jump or a bank address.
    for msg in [
        Msg::Pick { n: 1, at: t(30) },
        Msg::Jump {
            to: "connection".into(),
            at: t(30),
        },
        Msg::BankAddress {
            text: "mybank.com".into(),
        },
    ] {
        let effects = w.update(msg.clone());
        assert!(
            !effects
                .iter()
                .any(|e| matches!(e, Effect::RunChecks(_) | Effect::TestBank(_))),
            "{msg:?}"
        );
        assert_eq!(w.session(), &record, "{msg:?}");
    }
}

#[test]
fn checking_again_on_the_summary_shows_beside_the_record_and_never_saves_into_it() {
    let mut w = finished_with(outage());
    let record = w.session().clone();
    assert_eq!(
        record.verdict.as_ref().map(|v| v.id),
        Some(VerdictId::ServiceOutage)
    );
    let effects = w.update(Msg::RerunChecks);
    assert!(matches!(&effects[..], [Effect::RunChecks(_)]), "{effects:?}");
    // The outage ended: the run finds everything healthy.
    let after = finish_checks(&mut w, healthy());
    assert!(!after.contains(&Effect::Save), "{after:?}");
    assert_eq!(w.session(), &record, "the record is unchanged");
    let again = w.again().expect("shown beside the record");
    assert_eq!(again.finished_at, Some(t(2)));
    assert_eq!(again.verdict.as_ref().map(|v| v.id), Some(VerdictId::LocalOk));
    assert_eq!(again.results, healthy());
    // Again while a run goes on: nothing new starts.
    w.update(Msg::ChecksStarted {
        ids: vec!["http".into()],
        at: t(3),
    });
    assert_eq!(w.update(Msg::RerunChecks), vec![]);
}

#[test]
fn a_note_on_the_summary_is_a_closing_note_appended_with_its_time() {
    let mut w = finished_with(healthy());
    let record = w.session().clone();
    let effects = w.update(Msg::Note {
        text: "  called back: works\u{1b}[31m now ".into(),
        at: t(40),
    });
    assert_eq!(effects, vec![Effect::Save, Effect::WriteReports]);
    w.update(Msg::Note {
        text: "second".into(),
        at: t(41),
    });
    // An empty note adds nothing and removes nothing.
    assert_eq!(
        w.update(Msg::Note {
            text: " ".into(),
            at: t(42)
        }),
        vec![]
    );
    let notes: Vec<_> = w
        .session()
        .closing_notes
        .iter()
        .map(|n| (n.at, n.text.as_str()))
        .collect();
    assert_eq!(notes, [(t(40), "called back: works now"), (t(41), "second")]);
    // The steps' own notes and everything else are as they were.
    let mut without = w.session().clone();
    without.closing_notes.clear();
    assert_eq!(without, record);
}

#[test]
fn checks_running_when_the_summary_is_reached_finish_into_the_record() {
    let mut w = wizard();
    finish_checks(&mut w, vec![gateway_502()]);
    pick(&mut w, 1);
    // "Yes" while the checks still fail: asked once; meanwhile `r` starts a run.
    yes_with(&mut w, vec![gateway_502()]);
    assert_eq!(w.waiting(), Some(Waiting::Confirm));
    assert!(matches!(&w.update(Msg::RerunChecks)[..], [Effect::RunChecks(_)]));
    w.update(Msg::ChecksStarted {
        ids: vec!["http".into()],
        at: t(50),
    });
    let effects = pick(&mut w, 1);
    assert!(w.at_summary() && w.finishing() && !w.is_finished());
    assert_eq!(effects, vec![Effect::Save], "not finished while its checks run");
    // Not a record yet: what is saved is still in progress.
    assert_eq!(w.session().outcome, Outcome::InProgress);
    w.update(Msg::CheckFinished {
        id: "http".into(),
        results: healthy(),
    });
    let effects = w.update(Msg::ChecksDone {
        at: t(60),
        duration_ms: 10,
    });
    assert_eq!(effects, vec![Effect::Save, Effect::Finished]);
    assert!(w.is_finished());
    let s = w.session();
    assert_eq!(s.outcome, Outcome::Resolved);
    assert_eq!(s.finished_at, Some(t(10)), "when the summary was reached");
    assert_eq!(
        s.check_runs.last().unwrap().finished_at,
        Some(t(60)),
        "the run is the record's"
    );
    assert_eq!(s.checks, healthy());
    assert!(w.again().is_none());
}

#[test]
fn a_session_that_ended_while_finishing_asks_its_last_answer_again() {
    let mut w = wizard();
    for _ in 0..8 {
        pick(&mut w, 2);
    }
    let mut session = w.session().clone();
    session.history.push("summary".into());
    let flow = Arc::new(default_flow().unwrap());
    let (w, effects) = Wizard::new(flow.clone(), session);
    assert_eq!(w.current_id(), "support");
    assert!(!w.is_finished() && effects.contains(&Effect::Save));
    // A finished session stays a record: nothing to run or save.
    let (w, effects) = Wizard::new(flow, finished_with(healthy()).session().clone());
    assert!(w.is_finished() && effects.is_empty());
}
