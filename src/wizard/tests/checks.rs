//! Check results on the steps, the verdict's route, resuming and the tips.

use super::*;

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
    // The notice says what the checks found, in the verdict's own words.
    let notice = w.view().notice.unwrap().to_string();
    assert!(
        notice.contains("Something on this network is blocking QuickBooks"),
        "{notice}"
    );
    assert!(!notice.contains('{'), "{notice}");
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
