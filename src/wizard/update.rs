//! [`Wizard::update`]: how each [`Msg`] changes the wizard, and the effects it asks for. On
//! the summary every message goes to `update_closed` (`finish.rs`) instead.

use jiff::Timestamp;

use crate::evidence::CheckResult;
use crate::session::{CheckRun, Origin};

use super::{Effect, Msg, Wizard};

/// A note as typed, as it is kept: trimmed, control characters out, line breaks kept.
pub(super) fn note_text(text: &str) -> String {
    crate::text::sanitize::clean_multiline(text.trim())
}

impl Wizard {
    /// Applies one message.
    pub fn update(&mut self, msg: Msg) -> Vec<Effect> {
        self.hint = None;
        if !self.is_open() {
            return self.update_closed(msg);
        }
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
            Msg::Confirm { at } => self.choose(self.cursor, at),
            Msg::Back if self.hold.is_some() => {
                self.cancel_hold();
                vec![]
            }
            Msg::Back => self.back(),
            Msg::Jump { to, at } => self.jump(&to, at),
            Msg::BankAddress { text } => self.bank_address(&text),
            Msg::Note { text, .. } => {
                let text = self.within_note_limit(note_text(&text));
                let id = self.current_id().to_string();
                let record = self.record_mut(&id);
                record.note = (!text.is_empty()).then_some(text);
                record.note_draft = false;
                vec![Effect::Save]
            }
            Msg::DraftNote { text, .. } => {
                let text = self.within_note_limit(note_text(&text));
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
                    from: self.theirs().then_some(Origin::ThisComputer),
                });
                vec![]
            }
            Msg::CheckFinished { id, results } => self.check_finished(id, results),
            Msg::ChecksDone { at, duration_ms } => self.checks_done(at, duration_ms),
            Msg::RerunChecks => {
                if self.pending.is_empty() {
                    vec![Effect::RunChecks(self.check_ids())]
                } else {
                    vec![]
                }
            }
            Msg::Quit => vec![Effect::Save, Effect::Quit],
            Msg::Offer(offer) => self.set_offer(offer),
            Msg::CaseCode { code } => self.renew_case_code(code),
        }
    }
}

impl Wizard {
    /// The session holds the customer's results: checks run here are this (the agent's)
    /// computer's, kept apart; the verdict and the route stay the customer's.
    pub(super) fn theirs(&self) -> bool {
        self.session.customer.is_some()
    }

    /// One check of the record's run finished.
    pub(super) fn check_finished(&mut self, id: String, results: Vec<CheckResult>) -> Vec<Effect> {
        self.pending.retain(|p| *p != id);
        if self.theirs() {
            let ours = &mut self.session.this_computer_checks;
            ours.retain(|r| r.id != id);
            ours.extend(results);
            crate::evidence::catalog::sort(ours);
            return vec![];
        }
        self.session.checks.retain(|r| r.id != id);
        self.session.checks.extend(results);
        crate::evidence::catalog::sort(&mut self.session.checks);
        self.attach_results();
        vec![]
    }

    /// The record's run ended: its verdict, and the answer that waited for it (in a call,
    /// this computer's run: its own verdict only).
    pub(super) fn checks_done(&mut self, at: Timestamp, duration_ms: u64) -> Vec<Effect> {
        self.pending.clear();
        let theirs = self.theirs();
        let measured = if theirs {
            &self.session.this_computer_checks
        } else {
            &self.session.checks
        };
        let verdict = crate::evidence::decide(measured);
        if let Some(run) = self.session.check_runs.last_mut() {
            run.finished_at = Some(at);
            run.duration_ms = Some(duration_ms);
            run.verdict = Some(verdict.clone());
        }
        if theirs {
            // This computer's verdict is its run's: the session's stays the customer's.
            return vec![Effect::Save];
        }
        self.session.verdict = Some(verdict);
        if !self.moved && self.hold.is_none() {
            self.enter_current();
        }
        let mut effects = vec![Effect::Save];
        effects.extend(self.release_hold());
        effects
    }

    /// `text` cut to the one note limit (what the session reader accepts); the hint says so.
    pub(super) fn within_note_limit(&mut self, mut text: String) -> String {
        if crate::files::limits::cut(&mut text, crate::files::limits::NOTE_BYTES) {
            self.hint = Some(crate::files::limits::note_cut());
        }
        text
    }
}
