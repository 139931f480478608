//! The customer's side of a helpdesk call. A session made from the customer's results (a
//! `check --json` file, their session file, or a result code read aloud) carries them as its
//! own checks and verdict, and [`Customer`] says where they came from and when, and — when the
//! customer sent their session — how their own run went: their answers, notes and outcome.
//! Checks the agent runs in the call (`r`) are this computer's: kept apart
//! (`Session::this_computer_checks`), each run marked with its [`Origin`].

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::{ClosingNote, Outcome, StepRecord};

/// Where the customer's results came from, when, and what their own session recorded. Read
/// from older session files' `imported` (source and time only) too.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Customer {
    pub source: ImportSource,
    pub imported_at: Timestamp,
    /// Their session, when they sent it: when it ran and how it ended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started_at: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finished_at: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Outcome>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolved_by: Option<String>,
    /// Their answers and notes, step by step (their check results are the session's own).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<StepRecord>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub closing_notes: Vec<ClosingNote>,
}

impl Customer {
    /// Results only (a check file or a code), imported at `at`.
    pub fn results(source: ImportSource, at: Timestamp) -> Customer {
        Customer {
            source,
            imported_at: at,
            started_at: None,
            finished_at: None,
            outcome: None,
            resolved_by: None,
            steps: Vec::new(),
            closing_notes: Vec::new(),
        }
    }
}

/// What the customer sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ImportSource {
    /// `qbfix check --json` output.
    CheckJson,
    /// A session as `report --format json` writes it (or the session file itself).
    SessionJson,
    /// The result code read aloud.
    ResultCode,
}

impl ImportSource {
    /// "code", for the checks panel's title.
    pub fn short(self) -> &'static str {
        match self {
            ImportSource::CheckJson => "check file",
            ImportSource::SessionJson => "session file",
            ImportSource::ResultCode => "code",
        }
    }

    /// "reported by the customer's result code", for summaries.
    pub fn describe(self) -> &'static str {
        match self {
            ImportSource::CheckJson => "from the customer's check results file",
            ImportSource::SessionJson => "from the customer's session file",
            ImportSource::ResultCode => "reported by the customer's result code",
        }
    }
}

/// Whose computer a check run measured, in a session that holds the customer's results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// The customer's computer (imported).
    Customer,
    /// The agent's own computer (`r` in the call).
    ThisComputer,
}

impl Origin {
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::Customer => "customer",
            Origin::ThisComputer => "this_computer",
        }
    }
}

/// The title of the agent's own results in a call.
pub const THIS_COMPUTER: &str = "This computer (yours)";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_old_imported_field_reads_as_the_customer() {
        let at = Timestamp::from_second(1_790_000_000).unwrap();
        let mut s = crate::session::Session::new(
            "20260911-012640-abcdef".into(),
            "qbo-502",
            at,
            crate::session::SystemFacts::default(),
        );
        let mut old = serde_json::to_value(&s).unwrap();
        old["imported"] = serde_json::json!({"source": "result_code", "imported_at": at});
        let back: crate::session::Session = serde_json::from_value(old).unwrap();
        assert_eq!(
            back.customer,
            Some(Customer::results(ImportSource::ResultCode, at))
        );
        // Written back as `customer`.
        s.customer = back.customer;
        let new = serde_json::to_value(&s).unwrap();
        assert_eq!(new["customer"]["source"], "result_code");
        assert!(new.get("imported").is_none());
    }
}
