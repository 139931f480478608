//! One decision per step and verdict drives what the step says, what it preselects and what
//! the helpdesk script asks: checked over every step of the embedded flow × every verdict.

use std::sync::Arc;

use super::*;
use crate::evidence::Verdict;

/// A wizard on `step`, with `verdict` reached (in a helpdesk call when `call`).
fn at(step: &str, verdict: VerdictId, call: bool) -> Wizard {
    let flow = Arc::new(default_flow().unwrap());
    let mut session = Session::new("id1".into(), &flow.id, t(0), SystemFacts::default());
    session.verdict = Some(Verdict {
        id: verdict,
        title: String::new(),
        advice: String::new(),
        actions: Vec::new(),
    });
    if call {
        session.case_code = Some("QB-7K3M-9TQ2".into());
    }
    session.history = vec![flow.start().id.clone()];
    if step != flow.start().id {
        session.history.push(step.to_string());
    }
    Wizard::new(flow, session).0
}

fn every_step_and_verdict() -> Vec<(String, VerdictId)> {
    let flow = default_flow().unwrap();
    let mut all = Vec::new();
    for step in flow
        .steps
        .iter()
        .filter(|s| s.kind != crate::flow::StepKind::Summary)
    {
        for v in VerdictId::ALL {
            all.push((step.id.clone(), v));
        }
    }
    all
}

#[test]
fn a_step_that_says_it_cannot_help_never_asks_the_customer_to_do_it() {
    let mut seen = 0;
    for (step, verdict) in every_step_and_verdict() {
        let w = at(&step, verdict, true);
        let view = w.view();
        let Some(notice) = view.notice.clone() else {
            continue;
        };
        if !notice.contains("cannot help") {
            continue;
        }
        seen += 1;
        let script = w.script();
        assert!(
            script.ask.is_none(),
            "{step} × {verdict:?}: the notice says {notice:?} but the script asks {:?}",
            script.ask
        );
        let say = script.say.as_deref().unwrap_or_default();
        assert!(say.contains("cannot help"), "{step} × {verdict:?}: say {say:?}");
        assert!(
            script.listen.iter().all(|l| l.answer == "skip"),
            "{step} × {verdict:?}: listens for {:?}",
            script.listen
        );
        assert_eq!(
            view.answers[w.cursor()].id,
            "skip",
            "{step} × {verdict:?}: Skip preselected"
        );
    }
    assert!(seen >= 15, "the embedded flow has such notices ({seen})");
}

#[test]
fn a_step_the_checks_passed_says_so_in_the_script_and_preselects_skip() {
    let mut seen = 0;
    for (step, verdict) in every_step_and_verdict() {
        let w = at(&step, verdict, true);
        let view = w.view();
        let Some(notice) = view.notice.clone() else {
            continue;
        };
        if !notice.contains("checks passed") {
            continue;
        }
        seen += 1;
        assert_eq!(view.notice_tone, Some(Tone::Good), "{step} × {verdict:?}");
        let script = w.script();
        assert!(script.ask.is_none(), "{step} × {verdict:?}: {:?}", script.ask);
        assert!(
            script
                .say
                .as_deref()
                .unwrap_or_default()
                .contains("nothing wrong"),
            "{step} × {verdict:?}: {:?}",
            script.say
        );
        assert_eq!(view.answers[w.cursor()].id, "skip", "{step} × {verdict:?}");
    }
    assert!(seen >= 3, "{seen}");
}

#[test]
fn without_a_notice_the_script_is_the_steps_own() {
    let flow = default_flow().unwrap();
    for (step, verdict) in every_step_and_verdict() {
        let w = at(&step, verdict, true);
        if w.view().notice.is_some() {
            continue;
        }
        let s = flow.step(&step).unwrap();
        let script = w.script();
        assert_eq!(script.say.as_deref(), s.say.as_deref(), "{step} × {verdict:?}");
        assert_eq!(script.ask, s.ask.as_deref(), "{step} × {verdict:?}");
    }
}

#[test]
fn good_news_is_not_marked_as_a_warning() {
    for (step, verdict) in every_step_and_verdict() {
        let view_of = at(&step, verdict, false);
        let view = view_of.view();
        let (Some(notice), Some(tone)) = (view.notice.clone(), view.notice_tone) else {
            continue;
        };
        let good = notice.contains("checks passed") || notice.contains("you can skip this.");
        if good && !notice.contains("cannot help") {
            assert_eq!(tone, Tone::Good, "{step} × {verdict:?}: {notice}");
        }
        if notice.contains("cannot help") {
            assert_eq!(tone, Tone::Warning, "{step} × {verdict:?}: {notice}");
        }
    }
}
