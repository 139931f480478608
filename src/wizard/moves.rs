//! Moving through the flow: recording an answer and taking the next step on the route
//! (reaching the summary with its outcome: `finish.rs`), going back, and the helpdesk jump.

use jiff::Timestamp;

use crate::flow::{AnswerOutcome, StepKind};
use crate::session::{Jump, Outcome};

use super::finish::Ending;
use super::{Effect, Wizard, route};

impl Wizard {
    pub(super) fn current_answers(&self) -> usize {
        self.answers_here().len()
    }

    /// Helpdesk jump to `to` (any step but the summary), recorded in the session.
    pub(super) fn jump(&mut self, to: &str, at: Timestamp) -> Vec<Effect> {
        let from = self.current_id().to_string();
        let allowed = self.flow.step(to).is_some_and(|s| s.kind != StepKind::Summary);
        if !allowed || to == from || self.at_summary() {
            return vec![];
        }
        self.hold = None;
        self.session.jumps.push(Jump {
            from,
            to: to.to_string(),
            at,
        });
        self.session.history.push(to.to_string());
        self.enter_current();
        vec![Effect::Save]
    }

    /// Records answer `index` on the current step and moves on.
    pub(super) fn record(&mut self, index: usize, at: Timestamp) -> Vec<Effect> {
        let current = self.current_id().to_string();
        let Some(step) = self.flow.step(&current) else {
            return vec![];
        };
        let Some(answer) = self.answers_of(step).get(index).cloned() else {
            return vec![];
        };
        let changed = self
            .session
            .step(&current)
            .is_none_or(|r| r.answer_id.as_deref() != Some(answer.id.as_str()));
        let record = self.record_mut(&current);
        record.answer = Some(answer.label.clone());
        record.answer_id = Some(answer.id.clone());
        record.answered_at = Some(at);
        if changed {
            // A different answer re-routes from here: later answers no longer apply.
            let history = self.session.history.clone();
            self.session.steps.retain(|r| history.contains(&r.id));
        }
        let summary = self.flow.summary().id.clone();
        let next = match (answer.outcome, &answer.next) {
            (Some(_), _) => summary.clone(),
            (None, Some(target)) => target.clone(),
            (None, None) => route::next_unvisited(&self.route(), &self.session.history, &summary),
        };
        self.session.history.push(next.clone());
        self.enter_current();
        self.moved = false;
        if next != summary {
            return vec![Effect::Save];
        }
        let (outcome, resolved_by) = match answer.outcome {
            Some(AnswerOutcome::Resolved) => (Outcome::Resolved, Some(current)),
            Some(AnswerOutcome::Escalated) => (Outcome::Escalated, None),
            None => (Outcome::Unresolved, None),
        };
        self.reach_summary(Ending {
            outcome,
            resolved_by,
            at,
        })
    }

    pub(super) fn back(&mut self) -> Vec<Effect> {
        if self.session.history.len() <= 1 {
            return vec![];
        }
        self.session.history.pop();
        self.enter_current();
        self.moved = false;
        vec![Effect::Save]
    }
}
