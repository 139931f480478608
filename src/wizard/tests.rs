//! Every wizard transition, on the embedded flow.

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

#[test]
fn starts_at_symptom_and_asks_for_checks_and_a_save() {
    let flow = Arc::new(default_flow().unwrap());
    let session = Session::new("id1".into(), &flow.id, t(0), SystemFacts::default());
    let (w, effects) = Wizard::new(flow, session);
    assert_eq!(w.current_id(), "symptom");
    assert!(matches!(&effects[0], Effect::RunChecks(ids) if ids.contains(&"http".to_string())));
    assert_eq!(effects[1], Effect::Save);
    assert_eq!(w.view().number, 1);
    assert_eq!(w.view().total, 10);
}

#[test]
fn answering_two_everywhere_walks_to_the_summary_unresolved() {
    let mut w = wizard();
    let mut seen = vec![w.current_id().to_string()];
    for _ in 0..9 {
        let effects = pick(&mut w, 2);
        assert!(effects.contains(&Effect::Save));
        seen.push(w.current_id().to_string());
    }
    assert_eq!(
        seen,
        [
            "symptom",
            "connection",
            "server_status",
            "cache",
            "browser",
            "firewall",
            "update",
            "restart",
            "support",
            "summary"
        ]
    );
    assert!(w.at_summary());
    // "2" at support means "I'll contact support".
    assert_eq!(w.session().outcome, Outcome::Escalated);
    assert_eq!(w.session().answered(), 9);
    assert_eq!(w.session().finished_at, Some(t(10)));
}

#[test]
fn later_at_support_is_unresolved() {
    let mut w = wizard();
    for _ in 0..8 {
        pick(&mut w, 2);
    }
    assert_eq!(w.current_id(), "support");
    assert_eq!(pick(&mut w, 3), vec![Effect::Save, Effect::Finished]);
    assert_eq!(w.session().outcome, Outcome::Unresolved);
    assert_eq!(w.session().resolved_by, None);
}

#[test]
fn yes_resolves_with_resolved_by() {
    let mut w = wizard();
    pick(&mut w, 1);
    assert_eq!(w.current_id(), "connection");
    let effects = yes_with(&mut w, healthy());
    assert_eq!(effects, vec![Effect::Save, Effect::Save, Effect::Finished]);
    assert!(w.at_summary());
    assert_eq!(w.session().outcome, Outcome::Resolved);
    assert_eq!(w.session().resolved_by.as_deref(), Some("connection"));
}

#[test]
fn skip_moves_on_and_is_recorded() {
    let mut w = wizard();
    pick(&mut w, 4);
    pick(&mut w, 3);
    assert_eq!(w.current_id(), "server_status");
    let rec = w.session().step("connection").unwrap();
    assert_eq!(rec.answer.as_deref(), Some("Skip this step"));
    assert_eq!(rec.answer_id.as_deref(), Some("skip"));
    assert_eq!(
        w.session().step("symptom").unwrap().answer_id.as_deref(),
        Some("bank_download")
    );
}

#[test]
fn wait_at_server_status_goes_to_the_summary() {
    let mut w = wizard();
    pick(&mut w, 1);
    pick(&mut w, 2);
    assert_eq!(pick(&mut w, 4), vec![Effect::Save, Effect::Finished]);
    assert!(w.at_summary());
    assert_eq!(w.session().outcome, Outcome::Unresolved);
}

#[test]
fn cursor_moves_and_enter_confirms_it() {
    let mut w = wizard();
    w.update(Msg::Up);
    assert_eq!(w.cursor(), 0);
    for _ in 0..10 {
        w.update(Msg::Down);
    }
    assert_eq!(w.cursor(), 3, "clamped to the last answer");
    w.update(Msg::Up);
    w.update(Msg::Confirm { at: t(5) });
    assert_eq!(
        w.session().step("symptom").unwrap().answer_id.as_deref(),
        Some("slow")
    );
    assert_eq!(w.session().step("symptom").unwrap().answered_at, Some(t(5)));
}

#[test]
fn out_of_range_picks_do_nothing() {
    let mut w = wizard();
    assert!(pick(&mut w, 0).is_empty());
    assert!(pick(&mut w, 5).is_empty());
    assert_eq!(w.current_id(), "symptom");
}

#[test]
fn back_keeps_answers_and_preselects_them() {
    let mut w = wizard();
    pick(&mut w, 3);
    pick(&mut w, 2);
    assert_eq!(w.current_id(), "server_status");
    assert_eq!(w.update(Msg::Back), vec![Effect::Save]);
    assert_eq!(w.current_id(), "connection");
    assert_eq!(w.cursor(), 1, "the earlier answer is selected");
    assert_eq!(w.view().answered, Some("No, still failing"));
    w.update(Msg::Back);
    assert_eq!(w.current_id(), "symptom");
    assert_eq!(w.cursor(), 2);
    assert!(w.update(Msg::Back).is_empty(), "nothing before the first step");
}

#[test]
fn changing_an_earlier_answer_reroutes_and_drops_later_answers() {
    let mut w = wizard();
    for _ in 0..4 {
        pick(&mut w, 2);
    }
    assert_eq!(w.current_id(), "browser");
    w.update(Msg::Back);
    w.update(Msg::Back);
    assert_eq!(w.current_id(), "server_status");
    yes_with(&mut w, healthy());
    assert!(w.at_summary());
    assert_eq!(w.session().resolved_by.as_deref(), Some("server_status"));
    assert!(
        w.session().step("cache").is_none(),
        "the old later answer no longer applies"
    );
}

#[test]
fn same_answer_again_keeps_later_answers() {
    let mut w = wizard();
    for _ in 0..3 {
        pick(&mut w, 2);
    }
    w.update(Msg::Back);
    w.update(Msg::Back);
    pick(&mut w, 2);
    assert_eq!(w.current_id(), "server_status");
    assert!(w.session().step("cache").is_some());
}

#[test]
fn back_from_the_summary_reopens_the_session() {
    let mut w = wizard();
    pick(&mut w, 1);
    yes_with(&mut w, healthy());
    assert_eq!(w.session().outcome, Outcome::Resolved);
    w.update(Msg::Back);
    assert_eq!(w.current_id(), "connection");
    assert_eq!(w.session().outcome, Outcome::InProgress);
    assert_eq!(w.session().resolved_by, None);
    assert_eq!(w.session().finished_at, None);
}

#[test]
fn notes_are_per_step_and_clearable() {
    let mut w = wizard();
    assert_eq!(
        w.update(Msg::Note {
            text: "  customer on Wi-Fi ".into()
        }),
        vec![Effect::Save]
    );
    assert_eq!(w.view().note, Some("customer on Wi-Fi"));
    pick(&mut w, 1);
    assert_eq!(w.view().note, None);
    w.update(Msg::Back);
    assert_eq!(w.view().note, Some("customer on Wi-Fi"));
    w.update(Msg::Note { text: String::new() });
    assert_eq!(w.session().step("symptom").unwrap().note, None);
}

#[test]
fn a_draft_note_is_kept_marked_draft_and_a_confirmed_note_clears_the_mark() {
    let mut w = wizard();
    w.update(Msg::Note { text: "first".into() });
    // An empty draft or one equal to the note changes nothing.
    assert_eq!(w.update(Msg::DraftNote { text: " ".into() }), vec![]);
    assert_eq!(w.update(Msg::DraftNote { text: "first".into() }), vec![]);
    assert!(!w.session().step("symptom").unwrap().note_draft);
    assert_eq!(
        w.update(Msg::DraftNote {
            text: "first, then\u{1b}[31m more".into()
        }),
        vec![Effect::Save]
    );
    let record = w.session().step("symptom").unwrap();
    assert_eq!(record.note.as_deref(), Some("first, then more"));
    assert!(record.note_draft);
    w.update(Msg::Note { text: "done".into() });
    assert!(!w.session().step("symptom").unwrap().note_draft);
}

#[test]
fn quit_saves_and_leaves_in_progress() {
    let mut w = wizard();
    pick(&mut w, 1);
    assert_eq!(w.update(Msg::Quit), vec![Effect::Save, Effect::Quit]);
    assert_eq!(w.session().outcome, Outcome::InProgress);
}

#[test]
fn confirm_on_the_summary_quits() {
    let mut w = wizard();
    pick(&mut w, 1);
    yes_with(&mut w, healthy());
    assert_eq!(
        w.update(Msg::Confirm { at: t(20) }),
        vec![Effect::Save, Effect::Quit]
    );
}

#[test]
fn results_attach_to_the_steps_that_name_them_and_set_the_verdict() {
    let mut w = wizard();
    pick(&mut w, 1);
    let ok = CheckResult::new("http", Status::Pass, "fine").with("status_code", 200);
    finish_checks(&mut w, vec![ok]);
    assert_eq!(w.verdict().unwrap().id, VerdictId::LocalOk);
    assert_eq!(w.view().results.len(), 1, "connection names http");
    assert!(
        w.session().step("symptom").unwrap().checks.is_empty(),
        "symptom does not"
    );
    assert_eq!(w.session().check_runs.len(), 1);
    assert_eq!(w.session().check_runs[0].duration_ms, Some(900));
    assert!(w.pending().is_empty());
}

#[test]
fn pending_checks_are_tracked_and_rerun_waits_for_them() {
    let mut w = wizard();
    w.update(Msg::ChecksStarted {
        ids: vec!["http".into(), "connectivity".into()],
        at: t(1),
    });
    assert_eq!(w.pending(), ["http", "connectivity"]);
    assert_eq!(
        w.view().pending,
        Vec::<&str>::new(),
        "the symptom step runs neither"
    );
    assert!(
        w.update(Msg::RerunChecks).is_empty(),
        "no second run while one is going"
    );
    w.update(Msg::CheckFinished {
        id: "http".into(),
        results: vec![],
    });
    assert_eq!(w.pending(), ["connectivity"]);
    w.update(Msg::ChecksDone {
        at: t(3),
        duration_ms: 10,
    });
    assert!(matches!(&w.update(Msg::RerunChecks)[..], [Effect::RunChecks(_)]));
}

#[test]
fn results_are_kept_in_registry_order_whatever_order_they_finish_in() {
    let mut w = wizard();
    w.update(Msg::ChecksStarted {
        ids: vec![],
        at: t(1),
    });
    for id in ["system", "http", "connectivity", "dns"] {
        let r = CheckResult::new(id, Status::Pass, "ok");
        w.update(Msg::CheckFinished {
            id: id.into(),
            results: vec![r],
        });
    }
    let ids: Vec<&str> = w.session().checks.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["connectivity", "dns", "http", "system"]);
}

#[test]
fn rerun_results_replace_the_old_ones() {
    let mut w = wizard();
    finish_checks(&mut w, vec![gateway_502()]);
    assert_eq!(w.verdict().unwrap().id, VerdictId::ServiceOutage);
    finish_checks(
        &mut w,
        vec![CheckResult::new("http", Status::Pass, "ok").with("status_code", 200)],
    );
    assert_eq!(w.session().checks.len(), 1);
    assert_eq!(w.verdict().unwrap().id, VerdictId::LocalOk);
    assert_eq!(w.session().check_runs.len(), 2);
}

#[test]
fn an_outage_brings_server_status_forward_and_skips_local_fixes_by_default() {
    let mut w = wizard();
    finish_checks(&mut w, vec![gateway_502()]);
    assert_eq!(&w.route()[..3], ["symptom", "server_status", "connection"]);
    pick(&mut w, 1);
    assert_eq!(w.current_id(), "server_status");
    assert_eq!(w.view().number, 2);
    assert!(w.view().notice.unwrap().contains("wait"));
    assert_eq!(w.cursor(), 3, "\"I'll wait\" is preselected during an outage");
    pick(&mut w, 2);
    assert_eq!(w.current_id(), "connection");
    assert_eq!(
        w.cursor(),
        2,
        "Skip is preselected on a local fix during an outage"
    );
    assert!(w.view().notice.is_some());
}

#[test]
fn a_late_verdict_still_visits_the_promoted_step() {
    let mut w = wizard();
    pick(&mut w, 1);
    assert_eq!(w.current_id(), "connection");
    finish_checks(&mut w, vec![gateway_502()]);
    pick(&mut w, 2);
    assert_eq!(w.current_id(), "server_status");
    pick(&mut w, 2);
    assert_eq!(w.current_id(), "cache");
}

#[test]
fn a_blocked_connection_brings_firewall_forward() {
    let mut w = wizard();
    let blocked = CheckResult::new("http", Status::Fail, "refused").with("error_kind", "refused");
    let control = CheckResult::new("connectivity", Status::Pass, "ok").with("status_code", 204);
    w.update(Msg::ChecksStarted {
        ids: vec![],
        at: t(1),
    });
    w.update(Msg::CheckFinished {
        id: "http".into(),
        results: vec![blocked],
    });
    w.update(Msg::CheckFinished {
        id: "connectivity".into(),
        results: vec![control],
    });
    w.update(Msg::ChecksDone {
        at: t(2),
        duration_ms: 5,
    });
    assert_eq!(w.verdict().unwrap().id, VerdictId::QuickbooksBlocked);
    assert_eq!(&w.route()[..3], ["symptom", "firewall", "connection"]);
    pick(&mut w, 1);
    assert_eq!(w.current_id(), "firewall");
    assert_eq!(w.view().number, 2);
    assert!(w.view().notice.unwrap().contains("blocks QuickBooks"));
}

#[test]
fn resuming_continues_where_it_stopped() {
    let mut w = wizard();
    pick(&mut w, 1);
    pick(&mut w, 2);
    let saved = w.session().clone();
    let (resumed, effects) = Wizard::new(Arc::new(default_flow().unwrap()), saved);
    assert_eq!(resumed.current_id(), "server_status");
    assert!(matches!(effects[0], Effect::RunChecks(_)));
}

#[test]
fn tips_follow_the_session() {
    let mut w = wizard();
    pick(&mut w, 1);
    pick(&mut w, 2);
    pick(&mut w, 2);
    yes_with(&mut w, healthy());
    assert_eq!(w.session().resolved_by.as_deref(), Some("cache"));
    let tips = w.tips();
    assert!(tips.iter().any(|t| t.contains("cache")), "{tips:?}");
    assert!(!tips.iter().any(|t| t.contains("firewall")), "{tips:?}");
}
