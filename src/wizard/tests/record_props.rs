//! The model-based property: after the summary is reached, any sequence of messages — keys,
//! notes, check runs starting and ending, jumps, bank addresses — leaves the record as it was,
//! but for closing notes appended in order; every save it asks for is one the store accepts.

use proptest::prelude::*;

use super::*;
use crate::session::ClosingNote;

/// One message, as generated.
#[derive(Debug, Clone)]
enum Op {
    Up,
    Down,
    Pick(usize),
    Confirm,
    Back,
    Note(String),
    DraftNote(String),
    Started(Vec<&'static str>),
    Finished(&'static str, Status),
    Done,
    Rerun,
    Bank(String),
    Jump(usize),
    Quit,
}

const IDS: &[&str] = &["http", "status_page", "connectivity", "dns", "bank"];

fn status() -> impl Strategy<Value = Status> {
    prop_oneof![
        Just(Status::Pass),
        Just(Status::Warn),
        Just(Status::Fail),
        Just(Status::Skip),
        Just(Status::Error)
    ]
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        Just(Op::Up),
        Just(Op::Down),
        (0usize..12).prop_map(Op::Pick),
        Just(Op::Confirm),
        Just(Op::Back),
        "[ a-z\u{1b}\n]{0,12}".prop_map(Op::Note),
        "[ a-z]{0,6}".prop_map(Op::DraftNote),
        proptest::sample::subsequence(IDS, 0..=IDS.len()).prop_map(Op::Started),
        (proptest::sample::select(IDS), status()).prop_map(|(id, s)| Op::Finished(id, s)),
        Just(Op::Done),
        Just(Op::Rerun),
        "[a-z.:/]{0,14}".prop_map(Op::Bank),
        (0usize..12).prop_map(Op::Jump),
        Just(Op::Quit),
    ]
}

fn msg(w: &Wizard, op: Op, at: Timestamp) -> Msg {
    match op {
        Op::Up => Msg::Up,
        Op::Down => Msg::Down,
        Op::Pick(n) => Msg::Pick { n, at },
        Op::Confirm => Msg::Confirm { at },
        Op::Back => Msg::Back,
        Op::Note(text) => Msg::Note { text, at },
        Op::DraftNote(text) => Msg::DraftNote { text, at },
        Op::Started(ids) => Msg::ChecksStarted {
            ids: ids.into_iter().map(String::from).collect(),
            at,
        },
        Op::Finished(id, s) => Msg::CheckFinished {
            id: id.into(),
            results: vec![CheckResult::new(id, s, "again")],
        },
        Op::Done => Msg::ChecksDone { at, duration_ms: 7 },
        Op::Rerun => Msg::RerunChecks,
        Op::Bank(text) => Msg::BankAddress { text },
        Op::Jump(i) => Msg::Jump {
            to: w.flow().steps[i % w.flow().steps.len()].id.clone(),
            at,
        },
        Op::Quit => Msg::Quit,
    }
}

/// A wizard walked to the summary: a run with `first` results, then `answers` (each 1–3,
/// a check run started and ended whenever the wizard asks for one) until the summary.
fn finished(first: Status, answers: &[usize]) -> Wizard {
    let mut w = wizard();
    let results = vec![CheckResult::new("http", first, "first run")];
    finish_checks(&mut w, results.clone());
    for (i, n) in answers.iter().cycle().take(60).enumerate() {
        if w.at_summary() {
            break;
        }
        let effects = w.update(Msg::Pick {
            n: *n,
            at: t(20 + i as i64),
        });
        if effects.iter().any(|e| matches!(e, Effect::RunChecks(_))) {
            finish_checks(&mut w, results.clone());
        }
    }
    while !w.at_summary() {
        pick(&mut w, 2);
    }
    w
}

/// The model: the record as it was when finished, and the closing notes that every message
/// so far should have appended.
struct Model {
    record: Session,
    notes: Vec<ClosingNote>,
}

impl Model {
    /// What `msg` should do to the record: append a closing note, or nothing.
    fn apply(&mut self, msg: &Msg) {
        let (text, at, draft) = match msg {
            Msg::Note { text, at } => (text, *at, false),
            Msg::DraftNote { text, at } => (text, *at, true),
            _ => return,
        };
        let text = crate::text::sanitize::clean_multiline(text.trim());
        let repeat = draft && self.notes.last().is_some_and(|n| n.text == text);
        if !text.is_empty() && !repeat {
            self.notes.push(ClosingNote { at, text, draft });
        }
    }

    fn expected(&self) -> Session {
        let mut s = self.record.clone();
        s.closing_notes = self.notes.clone();
        s
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn after_the_summary_nothing_changes_the_record_but_appended_closing_notes(
        first in status(),
        answers in proptest::collection::vec(1usize..=3, 1..6),
        ops in proptest::collection::vec(op(), 0..40),
    ) {
        let mut w = finished(first, &answers);
        prop_assert!(w.is_finished());
        let mut model = Model { record: w.session().clone(), notes: Vec::new() };
        prop_assert!(model.record.is_finished());
        // What the store holds: every Save the wizard asks for must be one it accepts.
        let mut saved = crate::session::record::file_bytes(w.session()).unwrap();
        for (i, op) in ops.into_iter().enumerate() {
            let msg = msg(&w, op, t(1000 + i as i64));
            model.apply(&msg);
            let effects = w.update(msg.clone());
            prop_assert!(w.at_summary(), "{:?} left the summary", msg);
            prop_assert_eq!(w.session(), &model.expected(), "{:?} changed the record ({:?})", msg, effects);
            for effect in &effects {
                prop_assert!(
                    !matches!(effect, Effect::TestBank(_) | Effect::Finished),
                    "{:?} asked for {:?}", msg, effect
                );
                if let Effect::RunChecks(_) = effect {
                    prop_assert_eq!(&msg, &Msg::RerunChecks);
                }
                if *effect == Effect::Save {
                    let refused = crate::session::record::may_replace(&saved, w.session());
                    prop_assert!(refused.is_ok(), "{:?}: the store refuses the save", msg);
                    saved = crate::session::record::file_bytes(w.session()).unwrap();
                }
            }
        }
    }
}
