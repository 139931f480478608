//! The JSON report: the stable `schema_version: 1` shape of DESIGN.md.

use jiff::Timestamp;
use serde::Serialize;

use crate::evidence::{CheckResult, Verdict};
use crate::session::{
    CheckRun, ClosingNote, Customer, ImportSource, Jump, Origin, Outcome, Session, StepRecord, SystemFacts,
};

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
    /// In a session made from the customer's results: where they came from, when, and what
    /// the customer's own session recorded (absent for sessions run here).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customer: Option<CustomerJson<'a>>,
    pub steps: Vec<ReportStep<'a>>,
    /// Helpdesk jumps (`g`), in order: from which step to which, and when.
    pub jumps: &'a [Jump],
    /// Notes added on the summary after the session was finished, in order.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub closing_notes: &'a [ClosingNote],
    pub checks: &'a [CheckResult],
    /// In a call: the latest results of the checks run on the agent's own computer (`r`).
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub this_computer_checks: &'a [CheckResult],
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
            customer: session.customer.as_ref().map(CustomerJson::new),
            steps: session.steps.iter().map(step).collect(),
            jumps: &session.jumps,
            closing_notes: &session.closing_notes,
            checks: &session.checks,
            this_computer_checks: &session.this_computer_checks,
            check_runs: &session.check_runs,
            system: &session.system,
        }
    }
}

/// The customer's side of a call.
#[derive(Debug, Serialize)]
pub struct CustomerJson<'a> {
    pub source: ImportSource,
    pub imported_at: Timestamp,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub started_at: Option<Timestamp>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub finished_at: Option<Timestamp>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Outcome>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resolved_by: Option<&'a str>,
    /// Their answers and notes (their check results are the report's `checks`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<CustomerStep<'a>>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub closing_notes: &'a [ClosingNote],
}

/// One of the customer's answers.
#[derive(Debug, Serialize)]
pub struct CustomerStep<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub answer: Option<&'a str>,
    pub answer_id: Option<&'a str>,
    pub note: Option<&'a str>,
    pub answered_at: Option<Timestamp>,
}

impl<'a> CustomerJson<'a> {
    fn new(c: &'a Customer) -> Self {
        CustomerJson {
            source: c.source,
            imported_at: c.imported_at,
            started_at: c.started_at,
            finished_at: c.finished_at,
            outcome: c.outcome,
            resolved_by: c.resolved_by.as_deref(),
            steps: c
                .steps
                .iter()
                .map(|r| CustomerStep {
                    id: &r.id,
                    title: &r.title,
                    answer: r.answer.as_deref(),
                    answer_id: r.answer_id.as_deref(),
                    note: r.note.as_deref(),
                    answered_at: r.answered_at,
                })
                .collect(),
            closing_notes: &c.closing_notes,
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
    if session.customer.is_some() {
        mark_origins(&mut value);
    }
    crate::text::sanitize::clean_json(&mut value, true);
    let mut text = serde_json::to_string_pretty(&value)?;
    text.push('\n');
    Ok(text)
}

/// In a call both computers' results can be in the report: every check result says whose it
/// is, `"from": "customer"` or `"this_computer"`.
fn mark_origins(report: &mut serde_json::Value) {
    let mark = |list: Option<&mut serde_json::Value>, from: Origin| {
        for result in list.and_then(|l| l.as_array_mut()).into_iter().flatten() {
            if let Some(obj) = result.as_object_mut() {
                obj.insert("from".into(), from.as_str().into());
            }
        }
    };
    mark(report.get_mut("checks"), Origin::Customer);
    mark(report.get_mut("this_computer_checks"), Origin::ThisComputer);
    for step in report
        .get_mut("steps")
        .and_then(|s| s.as_array_mut())
        .into_iter()
        .flatten()
    {
        mark(step.get_mut("checks"), Origin::Customer);
    }
}
