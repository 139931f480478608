//! The troubleshooting flow as data: steps, their texts, answers and where each leads, and
//! which checks belong to each step. Loaded from TOML (the default flow is embedded) and
//! validated so a broken flow file is reported with its line and column, never run.

mod load;
mod validate;

use serde::Serialize;

use crate::checks::VerdictId;

pub use load::{FlowError, load_file, parse};

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
    /// Preselected while the checks show an outage.
    pub default_in_outage: bool,
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

/// Moves a step forward when the checks reach one of these verdicts: it is then taken right
/// after `after`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Promote {
    pub after: String,
    pub verdicts: Vec<VerdictId>,
}

/// One step of the flow.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Step {
    pub id: String,
    pub kind: StepKind,
    pub title: String,
    pub text: String,
    /// The closing question ("Did this fix it?").
    pub question: Option<String>,
    /// Shown instead of `text`'s first paragraph when the checks show an outage.
    pub outage_note: Option<String>,
    /// What helpdesk staff read aloud.
    pub script: Option<String>,
    pub checks: Vec<String>,
    pub answers: Vec<Answer>,
    /// The next step along the route.
    pub next: Option<String>,
    /// A local fix that cannot help while Intuit or the bank is down.
    pub local_fix: bool,
    pub tips: Vec<Tip>,
    pub promote: Option<Promote>,
}

impl Flow {
    pub fn step(&self, id: &str) -> Option<&Step> {
        self.steps.iter().find(|s| s.id == id)
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
        let mut at = Some(self.start());
        while let Some(step) = at {
            if route.contains(&step.id.as_str()) {
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
mod tests {
    use super::*;

    #[test]
    fn embedded_flow_is_valid_and_in_design_order() {
        let flow = default_flow().unwrap();
        let ids: Vec<&str> = flow.steps.iter().map(|s| s.id.as_str()).collect();
        let expected = [
            "symptom",
            "connection",
            "server_status",
            "cache",
            "browser",
            "firewall",
            "update",
            "restart",
            "support",
            "summary",
        ];
        assert_eq!(ids, expected);
        assert_eq!(flow.route(), expected);
    }

    #[test]
    fn fix_steps_answer_yes_no_skip_in_order() {
        let flow = default_flow().unwrap();
        for step in flow.steps.iter().filter(|s| s.kind == StepKind::Fix) {
            let labels: Vec<&str> = step.answers.iter().take(3).map(|a| a.label.as_str()).collect();
            assert_eq!(
                labels,
                ["Yes, it works now", "No, still failing", "Skip this step"],
                "{}",
                step.id
            );
            assert_eq!(step.answers[0].outcome, Some(AnswerOutcome::Resolved));
            assert_eq!(step.question.as_deref(), Some("Did this fix it?"), "{}", step.id);
        }
    }

    #[test]
    fn symptom_offers_the_four_symptoms() {
        let flow = default_flow().unwrap();
        assert_eq!(flow.start().answers.len(), 4);
    }

    #[test]
    fn texts_ship_no_phone_numbers() {
        let digits = regex_free_phone_like(DEFAULT_FLOW);
        assert!(digits.is_none(), "phone-number-like text: {digits:?}");
    }

    /// Finds a run of 7+ digits (ignoring spaces, dashes, dots, parentheses) in the text.
    fn regex_free_phone_like(text: &str) -> Option<String> {
        let mut run = String::new();
        for c in text.chars() {
            if c.is_ascii_digit() {
                run.push(c);
                if run.len() >= 7 {
                    return Some(run);
                }
            } else if !matches!(c, ' ' | '-' | '.' | '(' | ')') || run.is_empty() {
                run.clear();
            }
        }
        None
    }
    #[test]
    fn every_step_carries_the_articles_sub_steps() {
        let flow = default_flow().unwrap();
        let text = |id: &str| {
            let s = flow.step(id).unwrap();
            format!("{} {}", s.title, s.text)
        };
        let expect = [
            (
                "connection",
                &["router", "another network", "internet provider"][..],
            ),
            (
                "server_status",
                &[
                    "status.quickbooks.intuit.com",
                    "bank",
                    "wait",
                    "error 102",
                    "error 103",
                ][..],
            ),
            (
                "cache",
                &[
                    "private window",
                    "Sign out",
                    "Cookies",
                    "Cached images",
                    "Chrome",
                    "Firefox",
                    "Edge",
                    "Safari",
                ][..],
            ),
            (
                "browser",
                &[
                    "Chrome",
                    "Firefox",
                    "Edge",
                    "Safari",
                    "Internet Explorer",
                    "extensions",
                ][..],
            ),
            (
                "firewall",
                &[
                    "Turn off",
                    "Try QuickBooks again",
                    "back on",
                    "Never leave it off",
                    "exception",
                ][..],
            ),
            (
                "update",
                &[
                    "web app",
                    "nothing to download or install",
                    "reload",
                    "Update your browser",
                ][..],
            ),
            ("restart", &["Save your work", "qbfix --resume"][..]),
            ("support", &["Help > Contact Us", "qbfix report", "scam"][..]),
        ];
        for (id, phrases) in expect {
            let t = text(id);
            for p in phrases {
                assert!(t.contains(p), "step {id} should mention {p:?}");
            }
        }
        assert_eq!(flow.summary().tips.len(), 5, "the article's five prevention tips");
    }
}
