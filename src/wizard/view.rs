//! Read-only projections of the wizard for drivers to draw: the current step with its
//! answers, selection, note, check results and any notice, and the summary's tips.

use crate::checks::{CheckResult, Verdict};
use crate::flow::{Answer, Step, StepKind};

use super::Wizard;

/// Said on a local fix while the checks show an outage.
pub const OUTAGE_LOCAL_FIX: &str = "The checks show trouble on Intuit's or your bank's side, so this step is unlikely to help. You can skip it.";

/// What a driver needs to draw the current step.
#[derive(Debug, Clone)]
pub struct StepView<'a> {
    pub step: &'a Step,
    /// 1-based position in the route, and the route's length.
    pub number: usize,
    pub total: usize,
    pub answers: &'a [Answer],
    pub cursor: usize,
    pub note: Option<&'a str>,
    /// The answer given earlier on this step, if any.
    pub answered: Option<&'a str>,
    /// Latest results of this step's checks.
    pub results: Vec<&'a CheckResult>,
    /// This step's checks still running.
    pub pending: Vec<&'a str>,
    /// A line to show above the text (e.g. during an outage).
    pub notice: Option<&'a str>,
    pub verdict: Option<&'a Verdict>,
}

impl Wizard {
    /// The current step, ready to draw.
    pub fn view(&self) -> StepView<'_> {
        let id = self.current_id();
        let step = self.flow.step(id).unwrap_or(self.flow.start());
        let route = self.route();
        let number = route.iter().position(|s| *s == id).map_or(route.len(), |i| i + 1);
        let record = self.session.step(id);
        let outage = self.session.verdict.as_ref().is_some_and(|v| v.id.is_outage());
        let notice = match (outage, step.outage_note.as_deref()) {
            (true, Some(note)) => Some(note),
            (true, None) if step.local_fix => Some(OUTAGE_LOCAL_FIX),
            _ => None,
        };
        StepView {
            step,
            number,
            total: route.len(),
            answers: &step.answers,
            cursor: self.cursor,
            note: record.and_then(|r| r.note.as_deref()),
            answered: record.and_then(|r| r.answer.as_deref()),
            results: self
                .session
                .checks
                .iter()
                .filter(|r| step.checks.contains(&r.id))
                .collect(),
            pending: self
                .pending
                .iter()
                .filter(|p| step.checks.contains(p))
                .map(String::as_str)
                .collect(),
            notice,
            verdict: self.session.verdict.as_ref(),
        }
    }

    /// The summary's prevention tips that apply to this session: those naming the verdict or a
    /// step that fixed the problem or was tried; all of them when none does.
    pub fn tips(&self) -> Vec<&str> {
        tips_for(self.flow.summary(), &self.session)
    }
}

/// The tips of `summary` that apply to `session` (shared with the reports).
pub fn tips_for<'a>(summary: &'a Step, session: &crate::session::Session) -> Vec<&'a str> {
    debug_assert_eq!(summary.kind, StepKind::Summary);
    let verdict = session.verdict.as_ref().map(|v| v.id);
    let tried = |id: &String| {
        session.resolved_by.as_ref() == Some(id)
            || session
                .step(id)
                .is_some_and(|r| matches!(r.answer_id.as_deref(), Some("yes" | "no")))
    };
    let applying: Vec<&str> = summary
        .tips
        .iter()
        .filter(|t| verdict.is_some_and(|v| t.verdicts.contains(&v)) || t.steps.iter().any(tried))
        .map(|t| t.text.as_str())
        .collect();
    if applying.is_empty() {
        summary.tips.iter().map(|t| t.text.as_str()).collect()
    } else {
        applying
    }
}
