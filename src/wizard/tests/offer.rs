//! The session to continue, offered as the start step's last answer (issue 16, item 6).

use super::*;

fn offer(step: &str, verdict: Option<VerdictId>) -> ResumeOffer {
    ResumeOffer {
        id: "20260101-101400-abcdef".into(),
        started: "10:14".into(),
        step: Some(step.into()),
        verdict,
    }
}

fn labels(w: &Wizard) -> Vec<String> {
    w.view().answers.iter().map(|a| a.label.clone()).collect()
}

#[test]
fn the_offer_is_the_start_steps_last_answer_and_picking_it_asks_to_continue() {
    let mut w = wizard();
    let flow_answers = w.view().answers.len();
    assert!(w.update(Msg::Offer(Some(offer("connection", None)))).is_empty());
    let shown = labels(&w);
    assert_eq!(shown.len(), flow_answers + 1);
    assert_eq!(
        shown.last().unwrap(),
        "Continue the session from 10:14, at step 2"
    );
    // The selection stays where it was: Enter alone does not switch sessions.
    assert_ne!(w.cursor(), flow_answers);
    assert_eq!(
        pick(&mut w, flow_answers + 1),
        [Effect::Resume("20260101-101400-abcdef".into())]
    );
    // Nothing was recorded here.
    assert!(!w.session().has_input());
    assert_eq!(w.current_id(), "symptom");
    // Or by moving to it and confirming, also while the checks still run.
    let mut w = wizard();
    w.update(Msg::ChecksStarted {
        ids: vec!["http".into()],
        at: t(1),
    });
    w.update(Msg::Offer(Some(offer("connection", None))));
    for _ in 0..flow_answers {
        w.update(Msg::Down);
    }
    assert_eq!(
        w.update(Msg::Confirm { at: t(3) }),
        [Effect::Resume("20260101-101400-abcdef".into())]
    );
}

#[test]
fn the_step_number_is_the_one_the_session_will_show() {
    let mut w = wizard();
    let outage_route = route::route(w.flow(), Some(VerdictId::ServiceOutage.as_str()));
    let at = outage_route.iter().position(|s| *s == "connection").unwrap() + 1;
    assert_eq!(at, 3, "the status step comes first during an outage");
    w.update(Msg::Offer(Some(offer(
        "connection",
        Some(VerdictId::ServiceOutage),
    ))));
    assert_eq!(
        labels(&w).last().unwrap(),
        &format!("Continue the session from 10:14, at step {at}")
    );
}

#[test]
fn the_offer_goes_once_anything_is_recorded_or_it_is_withdrawn() {
    let mut w = wizard();
    let n = w.view().answers.len();
    w.update(Msg::Offer(Some(offer("connection", None))));
    w.update(Msg::Note {
        text: "typed first".into(),
        at: jiff::Timestamp::UNIX_EPOCH,
    });
    assert_eq!(w.view().answers.len(), n, "a note on step 1 keeps this session");
    assert_eq!(pick(&mut w, n + 1), [], "no answer {}", n + 1);

    let mut w = wizard();
    w.update(Msg::Offer(Some(offer("connection", None))));
    pick(&mut w, 1);
    w.update(Msg::Back);
    assert_eq!(w.current_id(), "symptom");
    assert_eq!(w.view().answers.len(), n, "answered: this session goes on");

    let mut w = wizard();
    w.update(Msg::Offer(Some(offer("connection", None))));
    w.update(Msg::Offer(None));
    assert_eq!(w.view().answers.len(), n);
}

#[test]
fn a_case_code_already_used_is_renewed_only_before_anything_is_recorded() {
    let mut w = wizard();
    w.update(Msg::CaseCode {
        code: "QB-2222-2222".into(),
    });
    assert_eq!(w.session().case_code, None, "not a helpdesk session");
    let flow = Arc::new(default_flow().unwrap());
    let mut session = Session::new("id1".into(), &flow.id, t(0), SystemFacts::default());
    session.case_code = Some("QB-3333-3333".into());
    let (mut w, _) = Wizard::new(flow, session);
    w.update(Msg::CaseCode {
        code: "QB-2222-2222".into(),
    });
    assert_eq!(w.session().case_code.as_deref(), Some("QB-2222-2222"));
    pick(&mut w, 1);
    w.update(Msg::CaseCode {
        code: "QB-4444-4444".into(),
    });
    assert_eq!(w.session().case_code.as_deref(), Some("QB-2222-2222"));
}
