//! The safe-answer policy, one route for both drivers, every verdict's routing, the card and
//! the helpdesk jump.

use super::*;
use crate::evidence::{CheckResult, Side, Status, VerdictId};
use crate::flow::{default_flow, verdict_ids};
use crate::session::Outcome;

fn enter(w: &mut Wizard) -> Vec<Effect> {
    w.update(Msg::Confirm { at: t(10) })
}

fn offline() -> Vec<CheckResult> {
    let down = |id: &str| {
        CheckResult::new(id, Status::Fail, "no answer: connection refused").with("error_kind", "refused")
    };
    vec![down("connectivity"), down("http")]
}

fn healthy() -> Vec<CheckResult> {
    vec![
        CheckResult::new("connectivity", Status::Pass, "ok").with("status_code", 204),
        CheckResult::new("http", Status::Pass, "fine").with("status_code", 200),
    ]
}

fn start(w: &mut Wizard) {
    w.update(Msg::ChecksStarted {
        ids: vec!["connectivity".into(), "http".into()],
        at: t(1),
    });
}

fn finish(w: &mut Wizard, results: Vec<CheckResult>) -> Vec<Effect> {
    for id in ["connectivity", "http"] {
        let r: Vec<_> = results.iter().filter(|r| r.id == id).cloned().collect();
        w.update(Msg::CheckFinished {
            id: id.into(),
            results: r,
        });
    }
    w.update(Msg::ChecksDone {
        at: t(2),
        duration_ms: 9,
    })
}

fn run(w: &mut Wizard, results: Vec<CheckResult>) -> Vec<Effect> {
    start(w);
    finish(w, results)
}

#[test]
fn the_highlight_starts_on_no_on_every_fix_step() {
    let mut w = wizard();
    pick(&mut w, 1);
    for _ in 0..7 {
        let view = w.view();
        assert_eq!(view.answers[w.cursor()].id, "no", "{}", view.step.id);
        enter(&mut w);
    }
    assert_eq!(w.current_id(), "support");
    assert_ne!(w.view().answers[w.cursor()].id, "yes");
}

#[test]
fn enter_alone_never_claims_a_fix_while_offline() {
    let mut w = wizard();
    run(&mut w, offline());
    for _ in 0..40 {
        let effects = enter(&mut w);
        if effects.iter().any(|e| matches!(e, Effect::RunChecks(_))) {
            run(&mut w, offline());
        }
        if w.at_summary() {
            break;
        }
    }
    assert!(w.at_summary());
    assert_ne!(w.session().outcome, Outcome::Resolved);
    assert_eq!(w.session().resolved_by, None);
}

#[test]
fn yes_with_failing_checks_asks_once_before_recording() {
    let mut w = wizard();
    run(&mut w, offline());
    pick(&mut w, 1);
    assert_eq!(w.current_id(), "connection");
    let effects = pick(&mut w, 1);
    assert!(
        matches!(&effects[..], [Effect::RunChecks(ids)] if ids.contains(&"http".to_string()) && !ids.contains(&"browsers".to_string()))
    );
    assert!(
        w.session().step("connection").unwrap().answer.is_none(),
        "not recorded yet"
    );
    run(&mut w, offline());
    assert_eq!(w.waiting(), Some(Waiting::Confirm));
    let view = w.view();
    assert!(view.confirming);
    assert_eq!(
        view.question,
        Some("The checks still can't reach QuickBooks — is it really working now?")
    );
    assert_eq!(view.answers.len(), 2);
    assert_eq!(w.cursor(), 1, "the confirmation starts on No");
    // Enter keeps the safe answer: "No, still failing" is recorded and the walk goes on.
    assert_eq!(enter(&mut w), vec![Effect::Save]);
    assert_eq!(w.waiting(), None);
    assert_ne!(w.current_id(), "connection", "No moves on to the next step");
    let record = w.session().step("connection").unwrap();
    assert_eq!(record.answer_id.as_deref(), Some("no"));
    // Back on the step, asked again and confirmed: the fix is recorded.
    w.update(Msg::Back);
    assert_eq!(w.current_id(), "connection");
    assert_eq!(w.view().answers[w.cursor()].id, "no");
    pick(&mut w, 1);
    run(&mut w, offline());
    assert_eq!(pick(&mut w, 1), vec![Effect::Save, Effect::Finished]);
    assert_eq!(w.session().outcome, Outcome::Resolved);
    assert_eq!(w.session().resolved_by.as_deref(), Some("connection"));
}

#[test]
fn yes_with_passing_checks_resolves() {
    let mut w = wizard();
    run(&mut w, offline());
    pick(&mut w, 1);
    pick(&mut w, 1);
    let effects = run(&mut w, healthy());
    assert_eq!(effects, vec![Effect::Save, Effect::Save, Effect::Finished]);
    assert_eq!(w.session().outcome, Outcome::Resolved);
    assert_eq!(w.session().check_runs.len(), 2);
    assert_eq!(
        w.session().check_runs[0].verdict.as_ref().unwrap().id,
        VerdictId::Offline
    );
    assert_eq!(
        w.session().check_runs[1].verdict.as_ref().unwrap().id,
        VerdictId::LocalOk
    );
}

#[test]
fn a_number_with_no_answer_gets_a_hint() {
    let mut w = wizard();
    assert!(pick(&mut w, 7).is_empty());
    assert_eq!(w.current_id(), "symptom");
    assert_eq!(
        w.view().hint,
        Some("There is no answer 7 here: press a number from 1 to 4.")
    );
    w.update(Msg::Down);
    assert_eq!(w.view().hint, None, "the hint goes with the next key");
}

/// The TUI sends an answer as soon as it is pressed; plain mode used to wait for the checks
/// first. Either order now takes the same route.
#[test]
fn the_same_answers_take_the_same_route_whenever_the_checks_finish() {
    let mut early = wizard();
    start(&mut early);
    pick(&mut early, 1);
    assert_eq!(early.waiting(), Some(Waiting::Verdict));
    assert_eq!(early.current_id(), "symptom");
    finish(&mut early, offline());
    pick(&mut early, 2);

    let mut late = wizard();
    run(&mut late, offline());
    pick(&mut late, 1);
    pick(&mut late, 2);

    assert_eq!(early.session().history, late.session().history);
    assert_eq!(early.session().history[1], "connection");
    assert_eq!(early.current_id(), late.current_id());
}

fn verdict(id: VerdictId) -> crate::evidence::Verdict {
    crate::evidence::Verdict {
        id,
        title: "t".into(),
        advice: "a".into(),
        actions: Vec::new(),
    }
}

#[test]
fn every_verdict_has_its_first_step_and_a_card_naming_it() {
    let flow = default_flow().unwrap();
    let expect = [
        (VerdictId::Offline, "connection", Side::Connection),
        (VerdictId::QuickbooksBlocked, "firewall", Side::Security),
        (VerdictId::HttpsIntercepted, "firewall", Side::Security),
        (VerdictId::ServiceOutage, "server_status", Side::Intuit),
        (VerdictId::BankUnreachable, "server_status", Side::Bank),
        (VerdictId::SlowConnection, "connection", Side::Connection),
        (VerdictId::LocalOk, "cache", Side::Browser),
    ];
    for (id, first, who) in expect {
        let route = route::route(&flow, Some(id.as_str()));
        assert_eq!(route[1], first, "{id:?}");
        let card = card_for(&flow, &verdict(id));
        assert_eq!(card.who, who);
        let title = &flow.step(first).unwrap().title;
        assert_eq!(card.do_now, Some(format!("Do this now: step 2, {title}.")));
    }
    for id in verdict_ids() {
        assert!(flow.first_for(id).is_some(), "{id} has a first step");
    }
    for new in ["captive_portal", "proxy_failing"] {
        let route = route::route(&flow, Some(new));
        assert_eq!(
            route[1],
            if new == "captive_portal" {
                "connection"
            } else {
                "firewall"
            }
        );
    }
    let symbols: std::collections::HashSet<&str> = [
        Side::Connection,
        Side::Security,
        Side::Intuit,
        Side::Bank,
        Side::Browser,
    ]
    .iter()
    .map(|w| w.symbol())
    .collect();
    assert_eq!(symbols.len(), 5, "one symbol per card");
}

#[test]
fn steps_that_cannot_help_say_so_and_preselect_skip() {
    let mut w = wizard();
    run(&mut w, offline());
    pick(&mut w, 1);
    assert_eq!(w.current_id(), "connection");
    assert!(w.view().notice.unwrap().contains("not online"));
    assert_eq!(w.view().answers[w.cursor()].id, "no", "the step that can fix it");
    pick(&mut w, 2);
    pick(&mut w, 2);
    assert_eq!(w.current_id(), "cache");
    assert!(w.view().notice.unwrap().contains("cannot help"));
    assert_eq!(w.view().answers[w.cursor()].id, "skip");
}

#[test]
fn passing_checks_let_network_steps_be_skipped() {
    let mut w = wizard();
    run(&mut w, healthy());
    pick(&mut w, 1);
    assert_eq!(w.current_id(), "cache", "the browser is the likely cause");
    pick(&mut w, 2);
    assert_eq!(w.current_id(), "connection");
    assert_eq!(
        w.view().notice.as_deref(),
        Some("The checks passed: you can skip this.")
    );
    assert_eq!(w.view().answers[w.cursor()].id, "skip");
}

#[test]
fn a_recent_restart_says_the_restart_can_be_skipped() {
    let mut w = wizard();
    run_one(
        &mut w,
        CheckResult::new("system", Status::Pass, "up").with("uptime_s", 600),
    );
    w.update(Msg::Jump {
        to: "restart".into(),
        at: t(3),
    });
    assert_eq!(
        w.view().notice.as_deref(),
        Some("This computer was restarted 10 minutes ago: you can skip this.")
    );
    assert_eq!(w.view().answers[w.cursor()].id, "skip");
}

#[test]
fn a_late_verdict_moves_the_untouched_selection_to_skip() {
    let mut w = wizard();
    start(&mut w);
    pick(&mut w, 1);
    finish(&mut w, healthy());
    // Now at cache (local_ok first), visit the connection step while a re-run goes.
    w.update(Msg::Jump {
        to: "connection".into(),
        at: t(4),
    });
    assert_eq!(w.view().answers[w.cursor()].id, "skip");
}

#[test]
fn the_jump_is_recorded_and_leads_to_the_step() {
    let mut w = wizard();
    pick(&mut w, 1);
    assert_eq!(
        w.update(Msg::Jump {
            to: "firewall".into(),
            at: t(5)
        }),
        vec![Effect::Save]
    );
    assert_eq!(w.current_id(), "firewall");
    let jump = &w.session().jumps[0];
    assert_eq!(
        (jump.from.as_str(), jump.to.as_str(), jump.at),
        ("connection", "firewall", t(5))
    );
    assert!(
        w.update(Msg::Jump {
            to: "nowhere".into(),
            at: t(6)
        })
        .is_empty()
    );
    assert!(
        w.update(Msg::Jump {
            to: "summary".into(),
            at: t(6)
        })
        .is_empty()
    );
    assert_eq!(w.session().jumps.len(), 1);
    w.update(Msg::Back);
    assert_eq!(w.current_id(), "connection", "back undoes the jump");
}

#[test]
fn the_helpdesk_script_names_answers_the_step_has() {
    let flow = default_flow().unwrap();
    for step in flow
        .steps
        .iter()
        .filter(|s| s.kind != crate::flow::StepKind::Summary)
    {
        assert!(step.say.is_some() && step.ask.is_some(), "{}", step.id);
        assert!(!step.listen.is_empty(), "{}", step.id);
        for l in &step.listen {
            assert!(step.answers.iter().any(|a| a.id == l.answer), "{}", step.id);
        }
    }
}
