//! The contact-support step follows the verdict: who can help (DESIGN's list), what it
//! preselects, what the call script asks, and where the summary will save the report.

use super::*;
use crate::flow::AnswerOutcome;

fn with_verdict(id: VerdictId, call: bool) -> Wizard {
    let (flow, session) = reached(id, call);
    Wizard::new(flow, session).0
}

/// The support step: the one whose answer hands the session on.
fn support_id(w: &Wizard) -> String {
    w.flow()
        .steps
        .iter()
        .find(|s| {
            s.answers
                .iter()
                .any(|a| a.outcome == Some(AnswerOutcome::Escalated))
        })
        .unwrap()
        .id
        .clone()
}

fn enter_until_support(w: &mut Wizard) {
    let support = support_id(w);
    let mut guard = 0;
    while w.current_id() != support {
        w.update(Msg::Confirm { at: t(10) });
        guard += 1;
        assert!(guard < 20, "never reached {support}");
    }
}

#[test]
fn enter_only_offline_is_not_handed_to_quickbooks_support() {
    let mut w = with_verdict(VerdictId::Offline, false);
    enter_until_support(&mut w);
    let view = w.view();
    let notice = view.notice.clone().expect("who can help, on the support step");
    assert!(notice.contains("internet provider"), "{notice}");
    w.update(Msg::Confirm { at: t(11) });
    assert!(w.at_summary());
    assert_ne!(
        w.session().outcome,
        Outcome::Escalated,
        "Enter alone hands nothing on"
    );
}

#[test]
fn the_support_step_preselects_contacting_support_only_when_it_can_help() {
    for id in VerdictId::ALL {
        let mut w = with_verdict(id, true);
        let support = support_id(&w);
        w.update(Msg::Jump {
            to: support,
            at: t(10),
        });
        let help = crate::evidence::who_can_help(Some(id));
        let view = w.view();
        let picked = &view.answers[w.cursor()];
        let hands_on = picked.outcome == Some(AnswerOutcome::Escalated);
        assert_eq!(hands_on, help.quickbooks_support, "{id:?}: {}", picked.label);
        let script = w.script();
        if help.quickbooks_support {
            assert_eq!(view.notice, None, "{id:?}: the step itself is the way to support");
            assert!(script.ask.is_some(), "{id:?}");
        } else {
            assert!(
                view.notice.as_deref().is_some_and(|n| n.contains(help.says)),
                "{id:?}"
            );
            assert_eq!(script.ask, None, "{id:?}: never asks to call QuickBooks support");
            assert!(
                script.say.as_deref().unwrap_or_default().contains(help.says),
                "{id:?}"
            );
            assert!(
                script.listen.iter().all(|l| l.answer != picked.id || !hands_on),
                "{id:?}"
            );
        }
    }
}

#[test]
fn the_support_step_names_the_file_the_summary_will_save() {
    let mut w = with_verdict(VerdictId::Unexplained, false);
    w.set_report_path("/home/sam/Documents/qbfix/20260911-0126.html".into());
    enter_until_support(&mut w);
    let text = w.view().text.into_owned();
    assert!(!text.contains("qbfix report -o"), "{text}");
    assert!(
        text.contains("/home/sam/Documents/qbfix/20260911-0126.html"),
        "{text}"
    );
    // Before the driver says where, the folder is named in words.
    let mut w = with_verdict(VerdictId::Unexplained, false);
    enter_until_support(&mut w);
    let text = w.view().text.into_owned();
    assert!(!text.contains('{'), "{text}");
    assert!(text.contains("qbfix folder of your Documents"), "{text}");
}

/// Offline, the person may still hand the report on: to whoever can help, said so in the
/// answer and in what the session records.
#[test]
fn handing_on_names_who_can_help() {
    let mut w = with_verdict(VerdictId::Offline, false);
    let support = support_id(&w);
    w.update(Msg::Jump {
        to: support.clone(),
        at: t(10),
    });
    let view = w.view();
    let n = view
        .answers
        .iter()
        .position(|a| a.outcome == Some(AnswerOutcome::Escalated))
        .unwrap();
    assert_eq!(
        view.answers[n].label,
        "I'll contact your internet provider with this report"
    );
    w.update(Msg::Pick { n: n + 1, at: t(11) });
    assert_eq!(w.session().outcome, Outcome::Escalated);
    assert_eq!(
        w.session().step(&support).unwrap().answer.as_deref(),
        Some("I'll contact your internet provider with this report")
    );
    // Where QuickBooks support is the one (or nobody else can be called), the flow's words.
    for id in [
        VerdictId::Unexplained,
        VerdictId::ServiceOutage,
        VerdictId::ClockWrong,
    ] {
        let mut w = with_verdict(id, false);
        w.update(Msg::Jump {
            to: support.clone(),
            at: t(10),
        });
        assert!(
            w.view()
                .answers
                .iter()
                .any(|a| a.label == "I'll contact QuickBooks support with this report"),
            "{id:?}"
        );
    }
}

/// What the reports say of a session handed on: to whom, by verdict.
#[test]
fn a_session_handed_on_says_to_whom() {
    assert_eq!(
        Outcome::Escalated.describe_for(Some(VerdictId::Offline)),
        "Handed to your internet provider"
    );
    assert_eq!(
        Outcome::Escalated.describe_for(Some(VerdictId::Unexplained)),
        "Handed to QuickBooks support"
    );
    assert_eq!(
        Outcome::Escalated.describe_for(Some(VerdictId::ServiceOutage)),
        "Handed to QuickBooks support"
    );
    assert_eq!(
        Outcome::Resolved.describe_for(Some(VerdictId::Offline)),
        "Resolved"
    );
}
