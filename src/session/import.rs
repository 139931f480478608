//! The customer's results as a new local session of the agent's — the call — from a
//! `check --json` document, a session JSON as `report --format json` (or the wizard's summary)
//! writes it, or a result code read aloud (`qbfix import` reads the file). The call carries
//! the customer's checks and verdict as its own, and in [`Customer`] where they came from and,
//! from a session, the customer's own answers, notes and outcome; its steps are the agent's,
//! unanswered, and it is never finished, even when the customer's session was. Anything else
//! is refused with one line and nothing is written.

use jiff::Timestamp;
use serde::Deserialize;

use crate::evidence::result_code;
use crate::evidence::{CheckResult, Status, Verdict, VerdictId};
use crate::session::{
    CheckRun, ClosingNote, Customer, ImportSource, Origin, Outcome, SCHEMA_VERSION, Session, SessionStore,
    StepRecord, SystemFacts,
};

/// Why an import was refused (each is one line; exit 2).
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("cannot import {0}")]
    File(crate::files::read::ReadError),
    #[error("cannot import {0}: it is larger than 5 MB, which no qbfix result is")]
    TooBig(String),
    #[error("cannot read {name}: {error}")]
    Read { name: String, error: std::io::Error },
    #[error("cannot import {name}: not JSON ({problem})")]
    NotJson { name: String, problem: String },
    #[error("cannot import {name}: schema_version {found} is not the {SCHEMA_VERSION} this qbfix reads")]
    Version { name: String, found: String },
    #[error("cannot import {name}: {problem}")]
    Shape { name: String, problem: String },
    #[error("cannot import: {0}")]
    Code(result_code::CodeError),
    #[error(
        "cannot import: {0} is a case code, which names a session; --code takes the result code \
         the customer reads from their screen, like 7K3M-9TQ2-5. To open the session of a case \
         code: qbfix --helpdesk --customer {0}, or print its report: qbfix report {0}"
    )]
    CaseCode(String),
    #[error(transparent)]
    Store(#[from] crate::session::StoreError),
}

/// `check --json` output.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CheckDoc {
    #[allow(dead_code)]
    schema_version: u32,
    verdict: Verdict,
    /// The result code `check --json` carries (older ones have none): the code is made
    /// again from the verdict and results, so it is only read past.
    #[serde(default)]
    #[allow(dead_code)]
    result_code: Option<String>,
    checks: Vec<CheckResult>,
    #[serde(default)]
    duration_ms: u64,
}

/// A session as `report --format json` writes it.
#[derive(Deserialize)]
struct SessionDoc {
    flow: String,
    started_at: Timestamp,
    finished_at: Option<Timestamp>,
    outcome: Outcome,
    resolved_by: Option<String>,
    verdict: Option<Verdict>,
    #[serde(default)]
    case_code: Option<String>,
    steps: Vec<StepRecord>,
    #[serde(default)]
    checks: Vec<CheckResult>,
    #[serde(default)]
    check_runs: Vec<CheckRun>,
    system: SystemFacts,
    #[serde(default)]
    closing_notes: Vec<ClosingNote>,
}

/// Turns the bytes of a customer's file into a session (not saved, id and case code unset),
/// with how many of its texts were cut to the session limit (so that it loads back). A
/// UTF-8 byte-order mark at the start (Notepad and PowerShell write one) is skipped.
pub fn session_from_json(name: &str, bytes: &[u8], now: Timestamp) -> Result<(Session, usize), ImportError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut value: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| ImportError::NotJson {
        name: name.to_string(),
        problem: format!("line {}, column {}: {e}", e.line(), e.column()),
    })?;
    let cut = crate::files::limits::cut_json(&mut value);
    let shape = |problem: String| ImportError::Shape {
        name: name.to_string(),
        problem,
    };
    let Some(obj) = value.as_object() else {
        return Err(shape("it is not a qbfix result: expected a JSON object".into()));
    };
    match obj.get("schema_version") {
        Some(v) if v.as_u64() == Some(u64::from(SCHEMA_VERSION)) => {}
        Some(v) => {
            return Err(ImportError::Version {
                name: name.to_string(),
                found: v.to_string(),
            });
        }
        None => {
            return Err(shape(
                "it has no schema_version, so it is not a qbfix result".into(),
            ));
        }
    }
    let mut session = Session::new(String::new(), "qbo-502", now, SystemFacts::default());
    if obj.contains_key("steps") {
        let doc: SessionDoc =
            serde_json::from_value(value).map_err(|e| shape(format!("not a qbfix session: {e}")))?;
        session.flow = doc.flow;
        session.verdict = doc.verdict;
        session.case_code = doc
            .case_code
            .as_deref()
            .and_then(crate::session::case_code::parse);
        session.checks = doc.checks;
        session.check_runs = doc.check_runs;
        session.system = doc.system;
        let steps = doc
            .steps
            .into_iter()
            .map(|step| StepRecord {
                // Their results are the call's own checks: not repeated per step.
                checks: Vec::new(),
                ..step
            })
            .collect();
        session.customer = Some(Customer {
            started_at: Some(doc.started_at),
            finished_at: doc.finished_at,
            outcome: Some(doc.outcome),
            resolved_by: doc.resolved_by,
            steps,
            closing_notes: doc.closing_notes,
            ..Customer::results(ImportSource::SessionJson, now)
        });
    } else {
        let doc: CheckDoc =
            serde_json::from_value(value).map_err(|e| shape(format!("not a qbfix check result: {e}")))?;
        session.system = system_facts(&doc.checks);
        session.verdict = Some(doc.verdict);
        session.checks = doc.checks;
        session.check_runs = vec![CheckRun {
            started_at: now,
            finished_at: Some(now),
            duration_ms: Some(doc.duration_ms),
            verdict: session.verdict.clone(),
            from: None,
        }];
        session.customer = Some(Customer::results(ImportSource::CheckJson, now));
    }
    for run in &mut session.check_runs {
        run.from = Some(Origin::Customer);
    }
    session.checks = std::mem::take(&mut session.checks)
        .into_iter()
        .map(CheckResult::cleaned)
        .collect();
    Ok((session, cut))
}

/// What the `system` check said about the customer's computer.
fn system_facts(checks: &[CheckResult]) -> SystemFacts {
    let sys = checks.iter().find(|r| r.id == "system");
    let get = |k: &str| {
        sys.and_then(|r| r.detail_str(k))
            .map(crate::text::sanitize::clean)
            .unwrap_or_default()
    };
    SystemFacts {
        os: get("os"),
        os_version: get("kernel"),
        arch: get("arch"),
        qbfix_version: String::new(),
    }
}

/// Turns a result code into a session (not saved, id and case code unset).
pub fn session_from_code(code: &str, now: Timestamp) -> Result<Session, ImportError> {
    if let Some(case) = crate::session::case_code::parse(code) {
        return Err(ImportError::CaseCode(case));
    }
    let decoded = result_code::decode(code).map_err(ImportError::Code)?;
    let mut session = Session::new(String::new(), "qbo-502", now, SystemFacts::default());
    session.checks = decoded
        .statuses
        .iter()
        .filter_map(|(id, status)| status.map(|s| (id, s)))
        .map(|(id, s)| {
            let word = match s {
                Status::Pass => "Passed",
                Status::Warn => "Warned",
                Status::Fail => "Failed",
                Status::Skip => "Skipped",
                Status::Error => "Could not run",
            };
            // Shown beside the check's name; where it came from is said once, by the
            // report's heading, not on each result.
            CheckResult::new(id, s, word)
        })
        .collect();
    session.verdict = match &decoded.verdict {
        Some(name) => {
            let id: VerdictId = serde_json::from_value(serde_json::Value::String(name.clone()))
                .map_err(|_| ImportError::Code(result_code::CodeError::Unknown))?;
            Some(crate::evidence::verdict_words::generic(id))
        }
        None => None,
    };
    session.check_runs = vec![CheckRun {
        started_at: now,
        finished_at: Some(now),
        duration_ms: None,
        verdict: session.verdict.clone(),
        from: Some(Origin::Customer),
    }];
    session.customer = Some(Customer::results(ImportSource::ResultCode, now));
    Ok(session)
}

/// A new call on the customer's results that `earlier` (a session imported here, finished
/// since) holds: their checks, verdict, runs and what they sent, none of the earlier call's
/// answers or this computer's runs (not saved, id and case code unset). `None` when `earlier`
/// holds no customer's results.
pub fn call_from(earlier: &Session, now: Timestamp) -> Option<Session> {
    let customer = earlier.customer.clone()?;
    let mut session = Session::new(String::new(), &earlier.flow, now, earlier.system.clone());
    session.verdict = earlier.verdict.clone();
    session.checks = earlier.checks.clone();
    session.check_runs = earlier
        .check_runs
        .iter()
        .filter(|r| r.from != Some(Origin::ThisComputer))
        .cloned()
        .collect();
    session.customer = Some(customer);
    Some(session)
}

/// Gives `session` a fresh id and a case code of its own (the customer's when it is free),
/// and saves it. Returns the saved session.
pub fn save_new(store: &SessionStore, mut session: Session, now: Timestamp) -> Result<Session, ImportError> {
    let taken = store.case_codes();
    session.case_code = match session.case_code.take() {
        Some(code) if !taken.contains(&code) => Some(code),
        _ => Some(crate::session::case_code::generate_unique(&taken)),
    };
    // Saved while its id's lock is held: no other process can take the id meanwhile.
    let (id, _lock) = store.claim_id(now)?;
    session.id = id;
    store.save(&session)?;
    Ok(session)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: i64) -> Timestamp {
        Timestamp::from_second(1_790_000_000 + s).unwrap()
    }

    /// The customer's finished session, as their summary saved it.
    fn their_session() -> Session {
        let mut s = Session::new(
            "20260911-012640-abcdef".into(),
            "qbo-502",
            at(0),
            SystemFacts::default(),
        );
        s.steps.push(StepRecord {
            id: "symptom".into(),
            title: "What do you see?".into(),
            answer: Some("A 502".into()),
            answer_id: Some("bad_gateway".into()),
            note: Some("since Monday".into()),
            note_draft: false,
            answered_at: Some(at(5)),
            checks: vec![CheckResult::new("http", Status::Fail, "502")],
        });
        s.history = vec!["symptom".into(), "summary".into()];
        s.checks = vec![CheckResult::new("http", Status::Fail, "502")];
        s.verdict = Some(crate::evidence::decide(&s.checks));
        s.outcome = Outcome::Unresolved;
        s.finished_at = Some(at(9));
        s.closing_notes.push(ClosingNote {
            at: at(20),
            text: "called the bank".into(),
            draft: false,
        });
        s
    }

    #[test]
    fn a_finished_session_becomes_an_open_call_carrying_their_answers_and_notes() {
        let bytes = serde_json::to_vec(&their_session()).unwrap();
        let (call, _) = session_from_json("theirs.json", &bytes, at(100)).unwrap();
        assert!(!call.is_finished() && call.finished_at.is_none());
        assert!(
            call.steps.is_empty() && call.history.is_empty(),
            "the call's steps are the agent's"
        );
        assert_eq!(call.started_at, at(100));
        assert_eq!(call.checks, their_session().checks);
        assert_eq!(call.verdict, their_session().verdict);
        let c = call.customer.as_ref().unwrap();
        assert_eq!(c.source, ImportSource::SessionJson);
        assert_eq!(
            (c.started_at, c.finished_at, c.outcome),
            (Some(at(0)), Some(at(9)), Some(Outcome::Unresolved))
        );
        assert_eq!(c.steps[0].note.as_deref(), Some("since Monday"));
        assert!(
            c.steps[0].checks.is_empty(),
            "their results are the call's checks"
        );
        assert_eq!(c.closing_notes[0].text, "called the bank");
        assert!(call.check_runs.iter().all(|r| r.from == Some(Origin::Customer)));
    }

    #[test]
    fn a_finished_call_gives_a_new_call_on_the_same_results() {
        let bytes = serde_json::to_vec(&their_session()).unwrap();
        let (mut first, _) = session_from_json("theirs.json", &bytes, at(100)).unwrap();
        first.this_computer_checks = vec![CheckResult::new("http", Status::Pass, "200")];
        first.check_runs.push(CheckRun {
            started_at: at(110),
            finished_at: Some(at(111)),
            duration_ms: Some(5),
            verdict: None,
            from: Some(Origin::ThisComputer),
        });
        first.outcome = Outcome::Escalated;
        let again = call_from(&first, at(200)).unwrap();
        assert_eq!(again.customer, first.customer);
        assert_eq!(again.checks, first.checks);
        assert!(again.this_computer_checks.is_empty() && !again.is_finished());
        assert!(again.check_runs.iter().all(|r| r.from == Some(Origin::Customer)));
        let plain = Session::new(String::new(), "qbo-502", at(0), SystemFacts::default());
        assert!(call_from(&plain, at(200)).is_none());
    }
}
