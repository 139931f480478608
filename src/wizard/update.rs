//! [`Wizard::update`]: how each [`Msg`] changes the wizard, and the effects it asks for.

use crate::session::CheckRun;

use super::{Effect, Msg, Wizard};

impl Wizard {
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
            Msg::BankAddress { text } => self.bank_address(&text),
            Msg::Note { text } => {
                let text = crate::text::sanitize::clean_multiline(text.trim());
                let id = self.current_id().to_string();
                let record = self.record_mut(&id);
                record.note = (!text.is_empty()).then_some(text);
                record.note_draft = false;
                vec![Effect::Save]
            }
            Msg::DraftNote { text } => {
                let text = crate::text::sanitize::clean_multiline(text.trim());
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
                crate::evidence::catalog::sort(&mut self.session.checks);
                self.attach_results();
                vec![]
            }
            Msg::ChecksDone { at, duration_ms } => {
                self.pending.clear();
                let verdict = crate::evidence::decide(&self.session.checks);
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
            Msg::Offer(offer) => self.set_offer(offer),
            Msg::CaseCode { code } => self.renew_case_code(code),
        }
    }
}
