//! The wizard: a pure state machine over a [`Flow`] and the [`Session`] it records.
//! `Wizard::update(msg)` changes state and returns [`Effect`]s for a thin driver (TUI or
//! plain mode) to carry out. No I/O, no clock reads (times arrive inside messages), no UI.
//! Here: the messages, the effects, the state and what it answers; `update` is in
//! `update.rs`, moving through the flow in `moves.rs`, the session to continue that the
//! start step offers in `offer.rs`. What a step says for the verdict: one decision per step
//! (`decision.rs`: notice, Skip and call script; `tone.rs`: the notice's mark), who can help
//! on the contact-support step (`support.rs`), the card's next step (`card.rs`), the
//! status page's incident (`incident.rs`) and the browsers found (`browsers.rs`).

mod bank;
mod browsers;
mod card;
mod decision;
mod finish;
mod hold;
mod incident;
mod moves;
mod offer;
mod records;
mod route;
mod support;
mod tone;
mod update;
mod view;

#[cfg(test)]
mod tests;

use std::sync::Arc;

use jiff::Timestamp;

use crate::evidence::{CheckResult, Verdict};
use crate::flow::{Flow, StepKind};
use crate::session::Session;

pub use bank::{BANK_PROMPT, BankTest};
pub use card::{Card, card_for};
pub use finish::{Again, FINAL_HINT};
pub use hold::Waiting;
pub use incident::{INCIDENTS_SHOWN, Incident};
pub use offer::ResumeOffer;
/// The steps in the order the screen numbers them, for a verdict (reports number steps by it).
pub use route::route as route_for;
pub use tone::Tone;
pub use view::{Script, StepView, ThisComputer, tips_for};

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
    /// Confirm the selected answer (on the summary: leave).
    Confirm {
        at: Timestamp,
    },
    /// Go back one step; answers stay as they were, editable.
    Back,
    /// Set (or, when empty, clear) the current step's note; on the summary, append a closing
    /// note made at `at`.
    Note {
        text: String,
        at: Timestamp,
    },
    /// The program is ending while the current step's note is being typed: keep `text` as
    /// the note, marked draft (an empty draft leaves the note as it was).
    DraftNote {
        text: String,
        at: Timestamp,
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
    /// The bank's sign-in address typed at the bank question (empty: skipped).
    BankAddress {
        text: String,
    },
    /// Helpdesk: go straight to this step (recorded in the session).
    Jump {
        to: String,
        at: Timestamp,
    },
    /// Save and leave; the session can be resumed.
    Quit,
    /// An unfinished session the start step offers to continue (`None`: no offer).
    Offer(Option<ResumeOffer>),
    /// Helpdesk: the case code the session was given is already used here; this one is not.
    CaseCode {
        code: String,
    },
}

/// What the driver must do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Write the session to disk now.
    Save,
    /// Start these checks.
    RunChecks(Vec<String>),
    /// Test this bank sign-in address (an http or https URL) with the bank check.
    TestBank(String),
    /// The session is finished: the summary is reached and its checks are in (the driver
    /// writes the saved reports; plain mode prints the summary).
    Finished,
    /// Write the saved reports again (a closing note was added to the finished session).
    WriteReports,
    /// Leave the program (after saving).
    Quit,
    /// Continue the session with this id instead (the start step's offer was chosen): the
    /// driver opens it as `--resume ID` does; this session, with nothing recorded, is not kept.
    Resume(String),
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
    /// The bank question was answered (an address, or skipped) in this session.
    bank_asked: bool,
    /// Open, finishing on the summary, or finished: a record.
    phase: finish::Phase,
    /// `r` on the finished summary: checked again, beside the record.
    again: Option<Again>,
    /// The session the start step offers to continue.
    offer: Option<offer::Offered>,
    /// Where the summary will save the HTML report (the driver knows; see
    /// [`Wizard::set_report_path`]).
    report_path: Option<String>,
}

impl Wizard {
    /// A wizard over `session` (new or resumed). Returns the effects to run first: start the
    /// checks (not on the customer's results, nor on a record) and save the session.
    pub fn new(flow: Arc<Flow>, mut session: Session) -> (Wizard, Vec<Effect>) {
        // A session whose current step no longer exists (flow changed) restarts at the start.
        if session.history.iter().any(|id| flow.step(id).is_none()) || session.history.is_empty() {
            session.history = vec![flow.start().id.clone()];
        }
        let finished = session.is_finished();
        // Ended while its last checks were finishing: the last answer is asked again.
        let at_summary = |s: &Session| s.current_step() == Some(flow.summary().id.as_str());
        if !finished && at_summary(&session) && session.history.len() > 1 {
            session.history.pop();
        }
        let mut wizard = Wizard {
            flow,
            session,
            cursor: 0,
            pending: Vec::new(),
            moved: false,
            hold: None,
            hint: None,
            bank_asked: false,
            phase: if finished {
                finish::Phase::Finished
            } else {
                finish::Phase::Open
            },
            again: None,
            offer: None,
            report_path: None,
        };
        wizard.enter_current();
        let effects = if finished {
            // A record: nothing to run, nothing to save.
            Vec::new()
        } else if wizard.theirs() {
            // The customer's results are what matter: nothing runs on this computer unless
            // the agent asks for it (`r`).
            vec![Effect::Save]
        } else {
            vec![Effect::RunChecks(wizard.check_ids()), Effect::Save]
        };
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
}
