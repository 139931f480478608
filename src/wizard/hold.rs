//! The safe-answer policy, the same for every driver: an answer picked while the checks run
//! waits for their verdict (the route depends on it); "Yes, it works now" re-runs the network
//! checks first, and when they still show the problem asks once before recording the fix
//! ("No" there records "No, still failing" and moves on).

use std::sync::LazyLock;

use jiff::Timestamp;

use crate::evidence::VerdictId;
use crate::flow::{Answer, AnswerOutcome};

use super::{Effect, Wizard};

/// Checks that read this computer rather than the network: a "Yes" does not re-run them.
const LOCAL_FACTS: &[&str] = &["browsers", "firewall", "system"];

/// The answer id of "No, still failing" on a fix step.
const NO: &str = "no";

/// The two answers of the "is it really working?" question.
pub static CONFIRM_ANSWERS: LazyLock<Vec<Answer>> = LazyLock::new(|| {
    let answer = |id: &str, label: &str| Answer {
        id: id.to_string(),
        label: label.to_string(),
        next: None,
        outcome: None,
    };
    vec![
        answer("really_yes", "Yes, it really works now"),
        answer("not_yet", "No, it is still failing"),
    ]
});

/// An answer not recorded yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Hold {
    /// Picked while the checks run: recorded once their verdict is in.
    Answer { index: usize, at: Timestamp },
    /// A "Yes": the network checks run again before it is recorded.
    Recheck { index: usize, at: Timestamp },
    /// The re-run still shows the problem: asking once whether it really works.
    Confirm { index: usize, at: Timestamp },
}

/// What the wizard waits for, for drivers to say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Waiting {
    /// An answer is picked; the checks' verdict decides where it leads.
    Verdict,
    /// "Yes" was picked; the network checks run again to see it.
    Recheck,
    /// The checks still show the problem: the person is asked to confirm (answers 1/2).
    Confirm,
}

/// True when a verdict still means QuickBooks (or the bank) cannot be used.
fn still_failing(id: VerdictId) -> bool {
    !matches!(
        id,
        VerdictId::LocalOk | VerdictId::SlowConnection | VerdictId::QuickbooksSlow
    )
}

impl Wizard {
    /// What the wizard waits for, if anything.
    pub fn waiting(&self) -> Option<Waiting> {
        self.hold.map(|h| match h {
            Hold::Answer { .. } => Waiting::Verdict,
            Hold::Recheck { .. } => Waiting::Recheck,
            Hold::Confirm { .. } => Waiting::Confirm,
        })
    }

    /// The question asked before recording a fix the checks contradict.
    pub fn confirm_question(&self) -> Option<&'static str> {
        matches!(self.hold, Some(Hold::Confirm { .. })).then(|| match self.session.verdict.as_ref() {
            Some(v) if v.id == VerdictId::BankUnreachable => {
                "The checks still can't reach your bank's website — is it really working now?"
            }
            _ => "The checks still can't reach QuickBooks — is it really working now?",
        })
    }

    /// The answers on screen now: the step's, or the confirmation's.
    pub(super) fn answer_count(&self) -> usize {
        match self.hold {
            Some(Hold::Confirm { .. }) => CONFIRM_ANSWERS.len(),
            _ => self.current_answers(),
        }
    }

    /// Answer `index` was picked (or confirmed) by the person.
    pub(super) fn choose(&mut self, index: usize, at: Timestamp) -> Vec<Effect> {
        if let Some(Hold::Confirm {
            index: yes,
            at: yes_at,
        }) = self.hold
        {
            self.hold = None;
            if index == 0 {
                return self.record(yes, yes_at);
            }
            // "No, it is still failing": the step's own "No" is recorded and the walk goes on.
            let no = self
                .flow
                .step(self.current_id())
                .and_then(|s| s.answers.iter().position(|a| a.id == NO));
            return match no {
                Some(no) => self.record(no, at),
                None => {
                    self.cancel_hold();
                    vec![]
                }
            };
        }
        if let Some(effects) = self.take_offer(index) {
            return effects;
        }
        let claims_fix = self
            .flow
            .step(self.current_id())
            .and_then(|s| s.answers.get(index))
            .is_some_and(|a| a.outcome == Some(AnswerOutcome::Resolved));
        // In a call the checks that could see it are on the customer's computer: their word
        // is recorded, and no answer waits for a run on this computer.
        let theirs = self.theirs();
        if claims_fix && !theirs {
            self.hold = Some(Hold::Recheck { index, at });
            if self.pending.is_empty() {
                return vec![Effect::RunChecks(self.network_check_ids())];
            }
            return vec![];
        }
        if !self.pending.is_empty() && !theirs {
            self.hold = Some(Hold::Answer { index, at });
            return vec![];
        }
        self.hold = None;
        self.record(index, at)
    }

    /// The verdict is in: acts on the answer that waited for it.
    pub(super) fn release_hold(&mut self) -> Vec<Effect> {
        match self.hold {
            Some(Hold::Answer { index, at }) => {
                self.hold = None;
                self.record(index, at)
            }
            Some(Hold::Recheck { index, at }) => {
                let failing = self.session.verdict.as_ref().is_some_and(|v| still_failing(v.id));
                if failing {
                    self.hold = Some(Hold::Confirm { index, at });
                    // The safe answer first: Enter alone does not record the fix.
                    self.cursor = 1;
                    vec![]
                } else {
                    self.hold = None;
                    self.record(index, at)
                }
            }
            Some(Hold::Confirm { .. }) | None => vec![],
        }
    }

    /// Drops the waiting answer; the selection goes to "No, still failing" where there is one.
    pub(super) fn cancel_hold(&mut self) {
        self.hold = None;
        let step = self.flow.step(self.current_id());
        self.cursor = step
            .and_then(|s| s.answers.iter().position(|a| a.id == NO))
            .unwrap_or(self.cursor);
        self.moved = true;
    }

    /// The flow's checks but those that read this computer.
    fn network_check_ids(&self) -> Vec<String> {
        self.check_ids()
            .into_iter()
            .filter(|id| !LOCAL_FACTS.contains(&id.as_str()))
            .collect()
    }
}
