//! The customer's results as a new local session marked imported — from a `check --json`
//! document, a session JSON as `report --format json` writes it, or a result code read
//! aloud (`qbfix import` reads the file). Anything else is refused with one line and nothing
//! is written.

use jiff::Timestamp;
use serde::Deserialize;

use crate::evidence::result_code;
use crate::evidence::{CheckResult, Status, Verdict, VerdictId};
use crate::session::{
    CheckRun, ImportSource, Imported, Outcome, SCHEMA_VERSION, Session, SessionStore, StepRecord, SystemFacts,
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
}

/// Turns the bytes of a customer's file into a session (not saved, id and case code unset).
pub fn session_from_json(name: &str, bytes: &[u8], now: Timestamp) -> Result<Session, ImportError> {
    let value: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| ImportError::NotJson {
        name: name.to_string(),
        problem: format!("line {}, column {}: {e}", e.line(), e.column()),
    })?;
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
        session.started_at = doc.started_at;
        session.finished_at = doc.finished_at;
        session.outcome = doc.outcome;
        session.resolved_by = doc.resolved_by;
        session.verdict = doc.verdict;
        session.case_code = doc
            .case_code
            .as_deref()
            .and_then(crate::session::case_code::parse);
        session.history = doc.steps.iter().map(|s| s.id.clone()).collect();
        session.steps = doc.steps;
        session.checks = doc.checks;
        session.check_runs = doc.check_runs;
        session.system = doc.system;
        session.imported = Some(Imported {
            source: ImportSource::SessionJson,
            imported_at: now,
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
        }];
        session.imported = Some(Imported {
            source: ImportSource::CheckJson,
            imported_at: now,
        });
    }
    session.checks = std::mem::take(&mut session.checks)
        .into_iter()
        .map(CheckResult::cleaned)
        .collect();
    Ok(session)
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
    let decoded = result_code::decode(code).map_err(ImportError::Code)?;
    let how = ImportSource::ResultCode.describe();
    let mut session = Session::new(String::new(), "qbo-502", now, SystemFacts::default());
    session.checks = decoded
        .statuses
        .iter()
        .filter_map(|(id, status)| status.map(|s| (id, s)))
        .map(|(id, s)| {
            let word = match s {
                Status::Pass => "passed",
                Status::Warn => "warned",
                Status::Fail => "failed",
                Status::Skip => "was skipped",
                Status::Error => "could not run",
            };
            CheckResult::new(
                id,
                s,
                format!("{} {word} ({how})", crate::evidence::catalog::label(id)),
            )
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
    }];
    session.imported = Some(Imported {
        source: ImportSource::ResultCode,
        imported_at: now,
    });
    Ok(session)
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
