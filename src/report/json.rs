//! The JSON report: the stable `schema_version: 1` shape of DESIGN.md.

use jiff::Timestamp;
use serde::Serialize;

use crate::evidence::{CheckResult, Verdict};
use crate::session::{CheckRun, ClosingNote, Outcome, Session, StepRecord, SystemFacts};

/// The report object. [`json`] cleans every string in it before printing.
#[derive(Debug, Serialize)]
pub struct ReportJson<'a> {
    pub schema_version: u32,
    pub id: &'a str,
    pub flow: &'a str,
    pub started_at: Timestamp,
    pub finished_at: Option<Timestamp>,
    pub outcome: Outcome,
    pub resolved_by: Option<&'a str>,
    pub verdict: Option<&'a Verdict>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub case_code: Option<&'a str>,
    /// `redacted` or `none`: whether names and private addresses were hidden.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub redaction: Option<crate::text::redact::Redaction>,
    /// Where an imported session came from (absent for sessions run here).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub imported: Option<&'a crate::session::Imported>,
    pub steps: Vec<ReportStep<'a>>,
    /// Notes added on the summary after the session was finished, in order.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub closing_notes: &'a [ClosingNote],
    pub checks: &'a [CheckResult],
    pub check_runs: &'a [CheckRun],
    pub system: &'a SystemFacts,
}

/// One step in the report.
#[derive(Debug, Serialize)]
pub struct ReportStep<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub answer: Option<&'a str>,
    pub answer_id: Option<&'a str>,
    pub note: Option<String>,
    pub answered_at: Option<Timestamp>,
    pub checks: &'a [CheckResult],
}

impl<'a> ReportJson<'a> {
    pub fn new(session: &'a Session) -> Self {
        ReportJson {
            schema_version: 1,
            id: &session.id,
            flow: &session.flow,
            started_at: session.started_at,
            finished_at: session.finished_at,
            outcome: session.outcome,
            resolved_by: session.resolved_by.as_deref(),
            verdict: session.verdict.as_ref(),
            case_code: session.case_code.as_deref(),
            redaction: session.redaction,
            imported: session.imported.as_ref(),
            steps: session.steps.iter().map(step).collect(),
            closing_notes: &session.closing_notes,
            checks: &session.checks,
            check_runs: &session.check_runs,
            system: &session.system,
        }
    }
}

fn step(r: &StepRecord) -> ReportStep<'_> {
    ReportStep {
        id: &r.id,
        title: &r.title,
        answer: r.answer.as_deref(),
        answer_id: r.answer_id.as_deref(),
        note: r.note.clone(),
        answered_at: r.answered_at,
        checks: &r.checks,
    }
}

/// The report as pretty JSON with a final newline.
pub fn json(session: &Session) -> Result<String, serde_json::Error> {
    let mut value = serde_json::to_value(ReportJson::new(session))?;
    crate::text::sanitize::clean_json(&mut value, true);
    let mut text = serde_json::to_string_pretty(&value)?;
    text.push('\n');
    Ok(text)
}
