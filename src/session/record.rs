//! A finished session is a record: the one rule of what may replace a saved session file.
//! While the session is unfinished anything may; once it is finished only closing notes may
//! be appended — its answers, outcome, times, verdict and check runs never change. The store
//! applies [`may_replace`] to every save, so no caller (a driver, a command, a bug) can rewrite
//! a record. [`file_bytes`] is the one way a session is written, so the comparison is exact.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::Session;

/// A note added on the summary of a finished session: appended with its time, never changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClosingNote {
    pub at: Timestamp,
    pub text: String,
    /// Still being typed when qbfix ended (window closed, signal, Ctrl-C): kept as it stood.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub draft: bool,
}

/// Why a save was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("session {id} is finished: it is a record, and only closing notes can be added to it")]
pub struct RecordChanged {
    pub id: String,
}

/// The bytes a session file holds: pretty JSON and a final newline.
pub fn file_bytes(session: &Session) -> Result<Vec<u8>, serde_json::Error> {
    let mut bytes = serde_json::to_vec_pretty(session)?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// Whether `next` may replace the session file that holds `saved`. A file that is empty (a
/// reserved id), not JSON, or an unfinished session may be replaced; a finished one only by
/// the same session with closing notes appended.
pub fn may_replace(saved: &[u8], next: &Session) -> Result<(), RecordChanged> {
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(saved) else {
        return Ok(());
    };
    let finished = value
        .get("outcome")
        .and_then(serde_json::Value::as_str)
        .is_some_and(|o| o != super::Outcome::InProgress.as_str());
    if !finished {
        return Ok(());
    }
    let refused = || RecordChanged { id: next.id.clone() };
    let kept = value
        .get("closing_notes")
        .and_then(serde_json::Value::as_array)
        .map_or(0, Vec::len);
    if next.closing_notes.len() < kept {
        return Err(refused());
    }
    // The record as it was saved, with the closing notes it had then: byte for byte the same.
    let mut earlier = next.clone();
    earlier.closing_notes.truncate(kept);
    match file_bytes(&earlier) {
        Ok(bytes) if bytes == saved => Ok(()),
        _ => Err(refused()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::{Outcome, SystemFacts};

    fn finished() -> Session {
        let at = Timestamp::from_second(1_790_000_000).unwrap();
        let mut s = Session::new(
            "20260911-012640-abcdef".into(),
            "qbo-502",
            at,
            SystemFacts::default(),
        );
        s.outcome = Outcome::Unresolved;
        s.finished_at = Some(at);
        s
    }

    #[test]
    fn only_appended_closing_notes_change_a_finished_session() {
        let s = finished();
        let saved = file_bytes(&s).unwrap();
        assert_eq!(may_replace(&saved, &s), Ok(()));
        let note = |text: &str| ClosingNote {
            at: Timestamp::from_second(1_790_000_100).unwrap(),
            text: text.into(),
            draft: false,
        };
        let mut noted = s.clone();
        noted.closing_notes.push(note("called back"));
        assert_eq!(may_replace(&saved, &noted), Ok(()));
        let saved = file_bytes(&noted).unwrap();
        let mut more = noted.clone();
        more.closing_notes.push(note("and again"));
        assert_eq!(may_replace(&saved, &more), Ok(()));
        // An earlier note changed, dropped, or anything else: refused.
        let mut edited = more.clone();
        edited.closing_notes[0].text = "rewritten".into();
        assert!(may_replace(&saved, &edited).is_err());
        assert!(may_replace(&saved, &s).is_err());
        let mut resolved = noted.clone();
        resolved.outcome = Outcome::Resolved;
        assert!(may_replace(&saved, &resolved).is_err());
        let mut checks = noted.clone();
        checks.checks.push(crate::evidence::CheckResult::new(
            "http",
            crate::evidence::Status::Pass,
            "fine",
        ));
        assert!(may_replace(&saved, &checks).is_err());
    }

    #[test]
    fn an_unfinished_or_reserved_file_may_be_replaced() {
        let mut s = finished();
        s.outcome = Outcome::InProgress;
        s.finished_at = None;
        let saved = file_bytes(&s).unwrap();
        assert_eq!(may_replace(&saved, &finished()), Ok(()));
        assert_eq!(may_replace(b"", &finished()), Ok(()));
    }
}
