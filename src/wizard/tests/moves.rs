//! Moving through the flow: answers, back, skip, notes, quitting.

use super::*;

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
fn notes_are_per_step_and_clearable() {
    let mut w = wizard();
    assert_eq!(
        w.update(Msg::Note {
            text: "  customer on Wi-Fi ".into(),
            at: t(5),
        }),
        vec![Effect::Save]
    );
    assert_eq!(w.view().note, Some("customer on Wi-Fi"));
    pick(&mut w, 1);
    assert_eq!(w.view().note, None);
    w.update(Msg::Back);
    assert_eq!(w.view().note, Some("customer on Wi-Fi"));
    w.update(Msg::Note {
        text: String::new(),
        at: t(5),
    });
    assert_eq!(w.session().step("symptom").unwrap().note, None);
}

#[test]
fn a_draft_note_is_kept_marked_draft_and_a_confirmed_note_clears_the_mark() {
    let mut w = wizard();
    w.update(Msg::Note {
        text: "first".into(),
        at: t(5),
    });
    // An empty draft or one equal to the note changes nothing.
    assert_eq!(
        w.update(Msg::DraftNote {
            text: " ".into(),
            at: t(5)
        }),
        vec![]
    );
    assert_eq!(
        w.update(Msg::DraftNote {
            text: "first".into(),
            at: t(5)
        }),
        vec![]
    );
    assert!(!w.session().step("symptom").unwrap().note_draft);
    assert_eq!(
        w.update(Msg::DraftNote {
            text: "first, then\u{1b}[31m more".into(),
            at: t(5),
        }),
        vec![Effect::Save]
    );
    let record = w.session().step("symptom").unwrap();
    assert_eq!(record.note.as_deref(), Some("first, then more"));
    assert!(record.note_draft);
    w.update(Msg::Note {
        text: "done".into(),
        at: t(5),
    });
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
