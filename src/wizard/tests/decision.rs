//! One decision per step and verdict drives what the step says, what it preselects and what
//! the helpdesk script asks: checked over every step of the embedded flow × every verdict.

use super::*;

/// A wizard on `step`, with `verdict` reached (in a helpdesk call when `call`).
fn at(step: &str, verdict: VerdictId, call: bool) -> Wizard {
    let (flow, mut session) = reached(verdict, call);
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

/// Every step × verdict whose notice says `words`, in a helpdesk call: the step, the verdict,
/// the wizard there and the notice.
fn notices_saying(words: &str) -> Vec<(String, VerdictId, Wizard, String)> {
    every_step_and_verdict()
        .into_iter()
        .filter_map(|(step, verdict)| {
            let w = at(&step, verdict, true);
            let notice = w.view().notice.filter(|n| n.contains(words))?.to_string();
            Some((step, verdict, w, notice))
        })
        .collect()
}

#[test]
fn a_step_that_says_it_cannot_help_never_asks_the_customer_to_do_it() {
    let cases = notices_saying("cannot help");
    for (step, verdict, w, notice) in &cases {
        let view = w.view();
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
    assert!(
        cases.len() >= 15,
        "the embedded flow has such notices ({})",
        cases.len()
    );
}

#[test]
fn a_step_the_checks_passed_says_so_in_the_script_and_preselects_skip() {
    let cases = notices_saying("checks passed");
    for (step, verdict, w, _) in &cases {
        let view = w.view();
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
    assert!(cases.len() >= 3, "{}", cases.len());
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
