//! The troubleshooting flow as data: steps, their texts, answers and where each leads, and
//! which checks belong to each step. Loaded from TOML (the default flow is embedded) and
//! validated so a broken flow file is reported with its line and column, never run.

mod load;
mod raw;
mod validate;

/// In a notice's text, the verdict's title (it names the product or proxy the checks found).
pub use validate::VERDICT as NOTICE_VERDICT;

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use crate::evidence::VerdictId;

pub use load::{FlowError, load_file, parse};

/// Every verdict id a flow may name, in the order the checks try them.
pub fn verdict_ids() -> impl Iterator<Item = &'static str> {
    VerdictId::ALL.into_iter().map(VerdictId::as_str)
}
/// The flow shipped in the binary.
pub const DEFAULT_FLOW: &str = include_str!("../../assets/flows/qbo-502.toml");
/// The name error messages use for the embedded flow.
pub const DEFAULT_FLOW_NAME: &str = "<embedded>/qbo-502.toml";

/// Loads the embedded flow.
pub fn default_flow() -> Result<Flow, FlowError> {
    parse(DEFAULT_FLOW, DEFAULT_FLOW_NAME)
}

/// A validated flow.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Flow {
    pub id: String,
    pub title: String,
    pub steps: Vec<Step>,
    /// For each verdict id, the step that can fix its cause: taken right after the start.
    pub first_step: BTreeMap<String, String>,
    /// Step index by id.
    #[serde(skip)]
    index: HashMap<String, usize>,
}

/// What kind of step this is, which decides its standard answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum StepKind {
    /// A question whose answers the flow lists (the symptom).
    Question,
    /// A suggested fix ending "Did this fix it?": answers Yes / No / Skip, then any extra.
    Fix,
    /// The last step: the summary. Exactly one per flow.
    Summary,
}

/// What an answer does to the session's outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum AnswerOutcome {
    Resolved,
    Escalated,
}

/// One answer a person can pick.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Answer {
    /// Stable id recorded in sessions (`yes`, `no`, `skip`, …).
    pub id: String,
    pub label: String,
    /// Where it leads; `None` means "continue along the route".
    pub next: Option<String>,
    pub outcome: Option<AnswerOutcome>,
}

/// A prevention tip on the summary, shown when it applies.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tip {
    pub text: String,
    /// Verdicts that make this tip apply.
    pub verdicts: Vec<VerdictId>,
    /// Step ids that make it apply when they fixed the problem or were tried.
    pub steps: Vec<String>,
}

/// A line a step shows while the checks reach one of `verdicts` (e.g. "this cannot help
/// while Intuit is down"), and the answer it then preselects.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Notice {
    /// Verdict ids (`offline`, `local_ok`, …).
    pub verdicts: Vec<String>,
    pub text: String,
    /// Answer id the selection starts on (`skip`, `wait`, …): always `skip` when the notice
    /// says the step cannot help or is not needed.
    pub preselect: Option<String>,
    /// What the notice says of the step, which decides the helpdesk script too.
    pub means: Option<Means>,
}

/// What a notice says of its step (`means = "…"` in the flow file). The one decision the
/// notice, the preselected answer and the helpdesk script all follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Means {
    /// This is the step that can fix the cause.
    Fixes,
    /// The step cannot help while the cause lasts: Skip is preselected and the script asks
    /// nothing of the customer.
    CannotHelp,
    /// The checks passed for what this step tests: Skip is preselected, and it is good news.
    Passed,
}

impl Means {
    /// The value in a flow file.
    pub fn parse(s: &str) -> Option<Means> {
        match s {
            "fixes" => Some(Means::Fixes),
            "cannot_help" => Some(Means::CannotHelp),
            "passed" => Some(Means::Passed),
            _ => None,
        }
    }

    /// True when the step is better skipped (its notice preselects Skip).
    pub fn skips(self) -> bool {
        matches!(self, Means::CannotHelp | Means::Passed)
    }
}

/// One browser's instructions on a step (`[[step.browser]]`): shown whole when the `browsers`
/// check found it, else folded into one line with the others.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BrowserHelp {
    /// "Chrome".
    pub label: String,
    /// The browsers check's names this applies to ("Google Chrome", "Chromium").
    pub names: Vec<String>,
    /// The whole instructions.
    pub text: String,
    /// The folded form: a shortcut or menu path.
    pub short: String,
}

/// For helpdesk staff: what a customer may say, and which answer it means.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Listen {
    pub hear: String,
    /// The answer id it means.
    pub answer: String,
}

/// One step of the flow.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Step {
    pub id: String,
    pub kind: StepKind,
    pub title: String,
    /// The line that keeps a person safe ("Turn the protection back on after the test"),
    /// shown before the text by every driver.
    pub safety: Option<String>,
    pub text: String,
    /// The closing question ("Did this fix it?").
    pub question: Option<String>,
    /// Helpdesk script: what to say, what to ask the customer to do, what to listen for.
    pub say: Option<String>,
    pub ask: Option<String>,
    pub listen: Vec<Listen>,
    pub checks: Vec<String>,
    pub answers: Vec<Answer>,
    /// The next step along the route.
    pub next: Option<String>,
    /// Lines shown (and answers preselected) while the checks reach given verdicts.
    pub notices: Vec<Notice>,
    /// The restart step: when the computer was started less than this many minutes ago, it
    /// says so and preselects Skip.
    pub recent_restart_minutes: Option<u64>,
    /// Asks for the bank's sign-in address (when the symptom was this answer id and no bank
    /// address is known yet), to test it in this session.
    pub ask_bank_when: Option<String>,
    pub tips: Vec<Tip>,
    /// Per-browser instructions, after the text.
    pub browsers: Vec<BrowserHelp>,
}

impl Flow {
    /// A flow of these steps (indexes them by id).
    pub fn new(id: String, title: String, steps: Vec<Step>, first_step: BTreeMap<String, String>) -> Flow {
        let index = steps.iter().enumerate().map(|(i, s)| (s.id.clone(), i)).collect();
        Flow {
            id,
            title,
            steps,
            first_step,
            index,
        }
    }

    pub fn step(&self, id: &str) -> Option<&Step> {
        self.index.get(id).and_then(|&i| self.steps.get(i))
    }

    /// The step taken first for `verdict` (after the start), if the flow names one.
    pub fn first_for(&self, verdict: &str) -> Option<&Step> {
        self.first_step.get(verdict).and_then(|id| self.step(id))
    }

    /// The notice `step` shows for `verdict`, if any.
    pub fn notice<'a>(step: &'a Step, verdict: &str) -> Option<&'a Notice> {
        step.notices
            .iter()
            .find(|n| n.verdicts.iter().any(|v| v == verdict))
    }

    /// The first step.
    pub fn start(&self) -> &Step {
        &self.steps[0]
    }

    /// The summary step (validation guarantees there is one).
    pub fn summary(&self) -> &Step {
        self.steps
            .iter()
            .find(|s| s.kind == StepKind::Summary)
            .unwrap_or(&self.steps[self.steps.len() - 1])
    }

    /// The steps in route order: from the start, following each step's `next` (or, for a
    /// question without one, its first answer's).
    pub fn route(&self) -> Vec<&str> {
        let mut route = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let mut at = Some(self.start());
        while let Some(step) = at {
            if !seen.insert(step.id.as_str()) {
                break;
            }
            route.push(step.id.as_str());
            let next = step
                .next
                .as_deref()
                .or_else(|| step.answers.first().and_then(|a| a.next.as_deref()));
            at = next.and_then(|n| self.step(n));
        }
        route
    }
}

#[cfg(test)]
mod tests;
