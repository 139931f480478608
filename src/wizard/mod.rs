//! The wizard: a pure state machine over a [`Flow`] and the [`Session`] it records.
//! `Wizard::update(msg)` changes state and returns [`Effect`]s for a thin driver (TUI or
//! plain mode) to carry out. No I/O, no clock reads (times arrive inside messages), no UI.

mod card;
mod hold;
mod records;
mod route;
mod view;

#[cfg(test)]
mod policy_tests;
#[cfg(test)]
mod tests;

use std::sync::Arc;

use jiff::Timestamp;

use crate::checks::{self, CheckResult, Verdict, verdict};
use crate::flow::{AnswerOutcome, Flow, StepKind};
use crate::session::{CheckRun, Jump, Outcome, Session};

pub use card::{Card, Who, card_for};
pub use hold::Waiting;
pub use view::{Script, StepView, tips_for};

/// Everything that can happen to the wizard.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// Move the selection up / down.
    Up,
    Down,
    /// Pick answer `n` (1-based) and confirm it at once.
    Pick {
        n: usize,
        at: Timestamp,
    },
    /// Confirm the selected answer (on the summary: finish).
    Confirm {
        at: Timestamp,
    },
    /// Go back one step; answers stay as they were, editable.
    Back,
    /// Set (or, when empty, clear) the current step's note.
    Note {
        text: String,
    },
    /// The program is ending while the current step's note is being typed: keep `text` as
    /// the note, marked draft (an empty draft leaves the note as it was).
    DraftNote {
        text: String,
    },
    /// The driver started a check run.
    ChecksStarted {
        ids: Vec<String>,
        at: Timestamp,
    },
    /// One check finished.
    CheckFinished {
        id: String,
        results: Vec<CheckResult>,
    },
    /// The run ended.
    ChecksDone {
        at: Timestamp,
        duration_ms: u64,
    },
    /// Run the checks again.
    RerunChecks,
    /// Helpdesk: go straight to this step (recorded in the session).
    Jump {
        to: String,
        at: Timestamp,
    },
    /// Save and leave; the session can be resumed.
    Quit,
}

/// What the driver must do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Write the session to disk now.
    Save,
    /// Start these checks.
    RunChecks(Vec<String>),
    /// The summary was reached (plain mode prints it and ends).
    Finished,
    /// Leave the program (after saving).
    Quit,
}

/// The state machine.
#[derive(Debug, Clone)]
pub struct Wizard {
    flow: Arc<Flow>,
    session: Session,
    /// Selected answer on the current step (0-based).
    cursor: usize,
    /// Checks of the current run not finished yet.
    pending: Vec<String>,
    /// The person moved the selection on this step (a late verdict then leaves it alone).
    moved: bool,
    /// An answer waiting for the checks, or for a second "yes".
    hold: Option<hold::Hold>,
    /// A one-line hint for the last key that did nothing (a number with no answer).
    hint: Option<String>,
}

impl Wizard {
    /// A wizard over `session` (new or resumed). Returns the effects to run first: start the
    /// checks and save the session.
    pub fn new(flow: Arc<Flow>, mut session: Session) -> (Wizard, Vec<Effect>) {
        // A session whose current step no longer exists (flow changed) restarts at the start.
        if session.history.iter().any(|id| flow.step(id).is_none()) || session.history.is_empty() {
            session.history = vec![flow.start().id.clone()];
        }
        let mut wizard = Wizard {
            flow,
            session,
            cursor: 0,
            pending: Vec::new(),
            moved: false,
            hold: None,
            hint: None,
        };
        wizard.enter_current();
        let effects = vec![Effect::RunChecks(wizard.check_ids()), Effect::Save];
        (wizard, effects)
    }

    pub fn session(&self) -> &Session {
        &self.session
    }

    pub fn flow(&self) -> &Flow {
        &self.flow
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// Checks of the current run still running.
    pub fn pending(&self) -> &[String] {
        &self.pending
    }

    pub fn verdict(&self) -> Option<&Verdict> {
        self.session.verdict.as_ref()
    }

    /// The id of the current step.
    pub fn current_id(&self) -> &str {
        self.session.current_step().unwrap_or(&self.flow.start().id)
    }

    pub fn at_summary(&self) -> bool {
        self.flow
            .step(self.current_id())
            .is_some_and(|s| s.kind == StepKind::Summary)
    }

    /// Every check id the flow names (the driver runs those it knows).
    pub fn check_ids(&self) -> Vec<String> {
        let mut ids: Vec<String> = Vec::new();
        for step in &self.flow.steps {
            for c in &step.checks {
                if !ids.contains(c) {
                    ids.push(c.clone());
                }
            }
        }
        ids
    }

    /// The steps in the order they will be taken now.
    pub fn route(&self) -> Vec<&str> {
        route::route(&self.flow, self.verdict_id())
    }

    fn verdict_id(&self) -> Option<&'static str> {
        self.session.verdict.as_ref().map(|v| v.id.as_str())
    }

    /// The hint for the last key that did nothing, if any.
    pub fn hint(&self) -> Option<&str> {
        self.hint.as_deref()
    }

    /// Applies one message.
    pub fn update(&mut self, msg: Msg) -> Vec<Effect> {
        self.hint = None;
        match msg {
            Msg::Up => {
                self.cursor = self.cursor.saturating_sub(1);
                self.moved = true;
                vec![]
            }
            Msg::Down => {
                let answers = self.answer_count();
                if answers > 0 {
                    self.cursor = (self.cursor + 1).min(answers - 1);
                }
                self.moved = true;
                vec![]
            }
            Msg::Pick { n, at } => {
                let count = self.answer_count();
                if n == 0 || n > count {
                    self.hint = Some(format!(
                        "There is no answer {n} here: press a number from 1 to {count}."
                    ));
                    return vec![];
                }
                self.cursor = n - 1;
                self.choose(n - 1, at)
            }
            Msg::Confirm { at } => {
                if self.at_summary() {
                    vec![Effect::Save, Effect::Quit]
                } else {
                    self.choose(self.cursor, at)
                }
            }
            Msg::Back if self.hold.is_some() => {
                self.cancel_hold();
                vec![]
            }
            Msg::Back => self.back(),
            Msg::Jump { to, at } => self.jump(&to, at),
            Msg::Note { text } => {
                let text = crate::sanitize::clean_multiline(text.trim());
                let id = self.current_id().to_string();
                let record = self.record_mut(&id);
                record.note = (!text.is_empty()).then_some(text);
                record.note_draft = false;
                vec![Effect::Save]
            }
            Msg::DraftNote { text } => {
                let text = crate::sanitize::clean_multiline(text.trim());
                let id = self.current_id().to_string();
                let record = self.record_mut(&id);
                if text.is_empty() || record.note.as_deref() == Some(text.as_str()) {
                    return vec![];
                }
                record.note = Some(text);
                record.note_draft = true;
                vec![Effect::Save]
            }
            Msg::ChecksStarted { ids, at } => {
                self.pending = ids;
                self.session.check_runs.push(CheckRun {
                    started_at: at,
                    finished_at: None,
                    duration_ms: None,
                    verdict: None,
                });
                vec![]
            }
            Msg::CheckFinished { id, results } => {
                self.pending.retain(|p| *p != id);
                self.session.checks.retain(|r| r.id != id);
                self.session.checks.extend(results);
                checks::sort_by_registry(&mut self.session.checks);
                self.attach_results();
                vec![]
            }
            Msg::ChecksDone { at, duration_ms } => {
                self.pending.clear();
                let verdict = verdict::decide(&self.session.checks);
                if let Some(run) = self.session.check_runs.last_mut() {
                    run.finished_at = Some(at);
                    run.duration_ms = Some(duration_ms);
                    run.verdict = Some(verdict.clone());
                }
                self.session.verdict = Some(verdict);
                if !self.moved && self.hold.is_none() {
                    self.enter_current();
                }
                let mut effects = vec![Effect::Save];
                effects.extend(self.release_hold());
                effects
            }
            Msg::RerunChecks => {
                if self.pending.is_empty() {
                    vec![Effect::RunChecks(self.check_ids())]
                } else {
                    vec![]
                }
            }
            Msg::Quit => vec![Effect::Save, Effect::Quit],
        }
    }

    fn current_answers(&self) -> usize {
        self.flow.step(self.current_id()).map_or(0, |s| s.answers.len())
    }

    /// Helpdesk jump to `to` (any step but the summary), recorded in the session.
    fn jump(&mut self, to: &str, at: Timestamp) -> Vec<Effect> {
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
    fn record(&mut self, index: usize, at: Timestamp) -> Vec<Effect> {
        let current = self.current_id().to_string();
        let Some(step) = self.flow.step(&current) else {
            return vec![];
        };
        let Some(answer) = step.answers.get(index).cloned() else {
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
        if next == summary {
            self.session.finished_at = Some(at);
            match answer.outcome {
                Some(AnswerOutcome::Resolved) => {
                    self.session.outcome = Outcome::Resolved;
                    self.session.resolved_by = Some(current);
                }
                Some(AnswerOutcome::Escalated) => {
                    self.session.outcome = Outcome::Escalated;
                    self.session.resolved_by = None;
                }
                None => {
                    self.session.outcome = Outcome::Unresolved;
                    self.session.resolved_by = None;
                }
            }
            vec![Effect::Save, Effect::Finished]
        } else {
            vec![Effect::Save]
        }
    }

    fn back(&mut self) -> Vec<Effect> {
        if self.session.history.len() <= 1 {
            return vec![];
        }
        let leaving_summary = self.at_summary();
        self.session.history.pop();
        if leaving_summary {
            self.session.outcome = Outcome::InProgress;
            self.session.finished_at = None;
            self.session.resolved_by = None;
        }
        self.enter_current();
        self.moved = false;
        vec![Effect::Save]
    }
}
