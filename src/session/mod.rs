//! A session: everything one run of the wizard recorded (answers, notes, check results, the
//! verdict and the outcome), in the file format of DESIGN.md, plus where sessions live on disk.

pub(crate) mod case_code;
pub mod customer;
pub mod import;
mod index;
pub mod record;
pub(crate) mod redacted;
mod store;
mod valid;
pub use redacted::redacted;
pub use valid::plain_web_address;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::evidence::{CheckResult, Verdict};

pub use customer::{Customer, ImportSource, Origin};
pub use index::{Entry, Stamp};
pub use record::ClosingNote;
pub use store::{SessionStore, StoreError, StoreWarning};
pub use valid::{CASE_ALPHABET, is_valid_case_code, is_valid_id};

/// The session file format's version.
pub const SCHEMA_VERSION: u32 = 1;

/// How the session ended (so far).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Resolved,
    Unresolved,
    Escalated,
    InProgress,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Resolved => "resolved",
            Outcome::Unresolved => "unresolved",
            Outcome::Escalated => "escalated",
            Outcome::InProgress => "in_progress",
        }
    }

    /// Words for people.
    pub fn describe(self) -> &'static str {
        match self {
            Outcome::Resolved => "Resolved",
            Outcome::Unresolved => "Not resolved yet",
            Outcome::Escalated => "Handed to QuickBooks support",
            Outcome::InProgress => "In progress",
        }
    }

    /// Words for people, knowing the verdict: a session handed on to whoever can help with
    /// it says to whom ("Handed to your internet provider").
    pub fn describe_for(self, verdict: Option<crate::evidence::VerdictId>) -> String {
        match (self, handed_to(verdict)) {
            (Outcome::Escalated, Some(who)) => format!("Handed to {who}"),
            _ => self.describe().to_string(),
        }
    }
}

/// Whom a session is handed on to with this verdict, when that is not QuickBooks support:
/// the party that can help ([`crate::evidence::who_can_help`]). `None` when QuickBooks
/// support is the one, or nobody can be called (a wrong clock; an outage Intuit knows of).
pub fn handed_to(verdict: Option<crate::evidence::VerdictId>) -> Option<&'static str> {
    let help = crate::evidence::who_can_help(verdict);
    (!help.quickbooks_support && help.someone_to_call).then_some(help.who)
}

/// One visited step and what was said there.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StepRecord {
    pub id: String,
    pub title: String,
    /// The answer's label as shown, or `None` while unanswered.
    pub answer: Option<String>,
    /// The answer's stable id from the flow (`yes`, `no`, `skip`, …).
    #[serde(default)]
    pub answer_id: Option<String>,
    pub note: Option<String>,
    /// The note was still being typed when qbfix ended (window closed, signal, Ctrl-C): it
    /// was kept as it stood, unconfirmed.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub note_draft: bool,
    pub answered_at: Option<Timestamp>,
    /// The check results that belong to this step.
    #[serde(default)]
    pub checks: Vec<CheckResult>,
}

/// One run of the automated checks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckRun {
    pub started_at: Timestamp,
    pub finished_at: Option<Timestamp>,
    pub duration_ms: Option<u64>,
    /// The verdict this run produced (kept: a later run never changes it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verdict: Option<Verdict>,
    /// Whose computer it measured, in a session that holds the customer's results.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Origin>,
}

/// A helpdesk jump (`g`) from one step straight to another.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Jump {
    pub from: String,
    pub to: String,
    pub at: Timestamp,
}

/// Facts about the computer, for the helpdesk. Never user or host names.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SystemFacts {
    pub os: String,
    pub os_version: String,
    pub arch: String,
    pub qbfix_version: String,
}

impl SystemFacts {
    /// This computer's facts.
    pub fn current() -> SystemFacts {
        SystemFacts {
            os: sysinfo::System::name().unwrap_or_else(|_| std::env::consts::OS.to_string()),
            os_version: sysinfo::System::long_os_version()
                .or_else(|_| sysinfo::System::os_version())
                .unwrap_or_default(),
            arch: std::env::consts::ARCH.to_string(),
            qbfix_version: env!("CARGO_PKG_VERSION").to_string(),
        }
    }
}

/// A whole session, as saved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub schema_version: u32,
    pub id: String,
    /// The flow's id.
    pub flow: String,
    pub started_at: Timestamp,
    pub finished_at: Option<Timestamp>,
    pub outcome: Outcome,
    pub resolved_by: Option<String>,
    pub verdict: Option<Verdict>,
    /// Visited steps in the order they were first visited.
    pub steps: Vec<StepRecord>,
    /// The way back: step ids from the start to the current step.
    pub history: Vec<String>,
    /// The latest result of every check.
    #[serde(default)]
    pub checks: Vec<CheckResult>,
    #[serde(default)]
    pub check_runs: Vec<CheckRun>,
    pub system: SystemFacts,
    /// Helpdesk case code, when the session was started in helpdesk mode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case_code: Option<String>,
    /// Helpdesk jumps, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub jumps: Vec<Jump>,
    /// Set only on the copy [`crate::session::redacted`] makes for a report or log; a session
    /// with this set is never saved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub redaction: Option<crate::text::redact::Redaction>,
    /// Set when the session holds the customer's results (made by `qbfix import` or
    /// `--helpdesk --customer`): its checks and verdict are theirs. Older files call it
    /// `imported`.
    #[serde(default, alias = "imported", skip_serializing_if = "Option::is_none")]
    pub customer: Option<Customer>,
    /// In a call on the customer's results: the latest results of the checks run on this
    /// (the agent's) computer, kept apart from the customer's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub this_computer_checks: Vec<CheckResult>,
    /// The bank's sign-in address typed at the bank question (never one with a user name or
    /// password: the wizard refuses those), tested again whenever the session is resumed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bank_address: Option<String>,
    /// Notes added on the summary once the session was finished, in order (see [`record`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub closing_notes: Vec<ClosingNote>,
}

impl Session {
    /// A fresh session of `flow`, started at `now`.
    pub fn new(id: String, flow: &str, now: Timestamp, system: SystemFacts) -> Session {
        Session {
            schema_version: SCHEMA_VERSION,
            id,
            flow: flow.to_string(),
            started_at: now,
            finished_at: None,
            outcome: Outcome::InProgress,
            resolved_by: None,
            verdict: None,
            steps: Vec::new(),
            history: Vec::new(),
            checks: Vec::new(),
            check_runs: Vec::new(),
            system,
            case_code: None,
            jumps: Vec::new(),
            redaction: None,
            customer: None,
            this_computer_checks: Vec::new(),
            bank_address: None,
            closing_notes: Vec::new(),
        }
    }

    pub fn step(&self, id: &str) -> Option<&StepRecord> {
        self.steps.iter().find(|s| s.id == id)
    }

    /// The step the person is at.
    pub fn current_step(&self) -> Option<&str> {
        self.history.last().map(String::as_str)
    }

    /// The title of the step that fixed the problem, when one did.
    pub fn fixed_by(&self) -> Option<&str> {
        match (&self.resolved_by, self.outcome) {
            (Some(id), Outcome::Resolved) => Some(self.step(id).map_or(id.as_str(), |r| r.title.as_str())),
            _ => None,
        }
    }

    /// Steps with an answer.
    pub fn answered(&self) -> usize {
        self.steps.iter().filter(|s| s.answer.is_some()).count()
    }

    pub fn is_finished(&self) -> bool {
        self.outcome != Outcome::InProgress
    }

    /// The person recorded something: an answer or a note.
    pub fn has_input(&self) -> bool {
        self.steps.iter().any(|s| s.answer.is_some() || s.note.is_some())
    }

    /// Worth a file: something recorded, or the customer's results. A session opened and
    /// left without a word is not kept.
    pub fn worth_keeping(&self) -> bool {
        self.has_input() || self.customer.is_some()
    }
}

/// A new session id: sortable by start time, unique across instances started in the same
/// second (random suffix; the store also refuses to reuse an existing id).
pub fn new_id(now: Timestamp) -> String {
    let stamp = now.strftime("%Y%m%d-%H%M%S");
    format!("{stamp}-{:06x}", fastrand::u32(..0x100_0000))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_sort_by_time_and_differ_within_a_second() {
        let t = Timestamp::from_second(1_790_000_000).unwrap();
        let a = new_id(t);
        let b = new_id(t);
        let later = new_id(Timestamp::from_second(1_790_000_001).unwrap());
        assert_ne!(a, b);
        assert!(later > a && later > b);
        assert_eq!(a.len(), "20260911-012640-abcdef".len());
    }

    #[test]
    fn outcome_names_match_design() {
        for (o, s) in [
            (Outcome::Resolved, "resolved"),
            (Outcome::Unresolved, "unresolved"),
            (Outcome::Escalated, "escalated"),
            (Outcome::InProgress, "in_progress"),
        ] {
            assert_eq!(serde_json::to_value(o).unwrap(), s);
            assert_eq!(o.as_str(), s);
        }
    }
}
