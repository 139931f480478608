//! The wizard's bookkeeping of visited steps: one record per visited step (the summary has
//! none), the selection when a step is entered, and the check results each step shows.

use crate::flow::{AnswerOutcome, StepKind};
use crate::session::StepRecord;

use super::Wizard;

impl Wizard {
    /// When the session was last worked on: its latest answer, jump, check run or start (a
    /// resumed session says "continuing from" this time).
    pub fn left_at(&self) -> jiff::Timestamp {
        let s = &self.session;
        let answers = s.steps.iter().filter_map(|r| r.answered_at);
        let runs = s
            .check_runs
            .iter()
            .flat_map(|r| [Some(r.started_at), r.finished_at])
            .flatten();
        let jumps = s.jumps.iter().map(|j| j.at);
        answers.chain(runs).chain(jumps).fold(s.started_at, std::cmp::max)
    }

    /// Makes sure the current step has a record (but the summary) and puts the selection on
    /// its answer.
    pub(super) fn enter_current(&mut self) {
        let current = self.current_id().to_string();
        let step = self.flow.step(&current);
        // The summary is not a step with an answer: it gets no record.
        let previous = match step {
            Some(s) if s.kind == StepKind::Summary => None,
            _ => self.record_mut(&current).answer_id.clone(),
        };
        let step = self.flow.step(&current);
        self.cursor = step
            .and_then(|s| previous.and_then(|p| s.answers.iter().position(|a| a.id == p)))
            .unwrap_or_else(|| self.default_cursor());
        self.attach_results();
    }

    /// Where the selection starts: the answer the step's notice preselects (Skip when the
    /// step cannot help, "I'll wait" during an outage), else the first answer that does not
    /// claim a fix ("No, still failing" on a fix step): Enter alone never claims a fix.
    pub(super) fn default_cursor(&self) -> usize {
        let Some(step) = self.flow.step(self.current_id()) else {
            return 0;
        };
        let position = |id: &str| step.answers.iter().position(|a| a.id == id);
        self.notice_for(step)
            .and_then(|n| n.preselect)
            .and_then(|p| position(&p))
            .or_else(|| {
                step.answers
                    .iter()
                    .position(|a| a.outcome != Some(AnswerOutcome::Resolved))
            })
            .unwrap_or(0)
    }

    pub(super) fn record_mut(&mut self, id: &str) -> &mut StepRecord {
        if let Some(i) = self.session.steps.iter().position(|r| r.id == id) {
            return &mut self.session.steps[i];
        }
        let title = self.flow.step(id).map(|s| s.title.clone()).unwrap_or_default();
        self.session.steps.push(StepRecord {
            id: id.to_string(),
            title,
            answer: None,
            answer_id: None,
            note: None,
            note_draft: false,
            answered_at: None,
            checks: Vec::new(),
        });
        let last = self.session.steps.len() - 1;
        &mut self.session.steps[last]
    }

    /// Gives every visited step the latest results of the checks its flow entry names.
    pub(super) fn attach_results(&mut self) {
        for record in &mut self.session.steps {
            if let Some(step) = self.flow.step(&record.id) {
                record.checks = self
                    .session
                    .checks
                    .iter()
                    .filter(|r| step.checks.contains(&r.id))
                    .cloned()
                    .collect();
            }
        }
    }
}
