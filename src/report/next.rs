//! What to do now, decided once for a session and said by every output: the summary's first
//! screen in the TUI, and the "Next steps" of every report. Who can help follows the verdict
//! (`verdict_words::who_can_help`, DESIGN's list); a fix the person already followed is said to
//! have been tried, never suggested again; an outage says nothing on this computer needs
//! changing, what Intuit last said, and that waiting is offered.

use crate::evidence::{VerdictId, who_can_help};
use crate::session::{Outcome, Session};
use crate::text::sanitize::clean;

/// Said at an outage, before its next steps.
pub const NOTHING_TO_CHANGE: &str = "Nothing to change on your computer: the trouble is on QuickBooks' side.";

/// How to reach QuickBooks support safely, said wherever support is the next contact.
pub const SUPPORT_SAFELY: &str = "Reach QuickBooks support only through Help > Contact Us in QuickBooks \
                                  Online or quickbooks.intuit.com/learn-support, and attach this report. \
                                  Never call a number found by a web search: they are a common scam.";

/// How waiting is offered in a report (the TUI offers `w` instead).
pub const WATCH: &str = "The status page status.quickbooks.intuit.com shows when it is fixed, and qbfix \
                         watch rings when QuickBooks answers normally again.";

/// What to do now, in the order it is said.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NextSteps {
    /// At an outage, not fixed: nothing on this computer needs changing.
    pub nothing_to_change: bool,
    /// At an outage: "Intuit says: <incident> — latest update: …".
    pub incident: Option<String>,
    /// The fix the verdict is about was followed and it still fails: said instead of it.
    pub tried: Option<String>,
    /// What to do, in order, each a sentence.
    pub steps: Vec<String>,
    /// QuickBooks itself is down or slow, not fixed: waiting is offered.
    pub wait: bool,
    /// QuickBooks support is (or will be) the next contact: how to reach it safely.
    pub support_safely: bool,
}

/// Verdicts whose next step is waiting for QuickBooks: it is down or slow on Intuit's side.
pub fn offers_wait(id: Option<VerdictId>) -> bool {
    matches!(id, Some(VerdictId::ServiceOutage | VerdictId::QuickbooksSlow))
}

/// The next steps of `s`. `advice_tried`: the step the verdict's advice is about, when it was
/// answered "No, still failing"; `any_tried`: some fix step was answered; `incident`: the
/// status page's first open incident: its name, and its latest update in words.
pub fn decide(
    s: &Session,
    advice_tried: Option<&str>,
    any_tried: bool,
    incident: Option<(&str, &str)>,
) -> NextSteps {
    let verdict = s.verdict.as_ref().map(|v| v.id);
    let who = who_can_help(verdict);
    match s.outcome {
        Outcome::Resolved => NextSteps {
            steps: vec![
                "Nothing more to do. If the error comes back, run qbfix again: the checks show at once \
                 whether it is your side or Intuit's."
                    .into(),
            ],
            ..NextSteps::default()
        },
        Outcome::InProgress => NextSteps {
            steps: vec![format!(
                "Continue the troubleshooting with: qbfix --resume {}",
                clean(s.case_code.as_deref().unwrap_or(&s.id))
            )],
            ..NextSteps::default()
        },
        Outcome::Escalated | Outcome::Unresolved => {
            let outage = offers_wait(verdict);
            // Waiting is never "tried"; a local fix is, once its step was answered "No".
            let tried = match advice_tried {
                _ if outage => None,
                Some(step) => Some(format!("Already tried, and it still fails: {step}.")),
                None if verdict == Some(VerdictId::LocalOk) && any_tried => {
                    Some("The browser steps were tried, and it still fails.".to_string())
                }
                None => None,
            };
            // At an outage who can help says it all: Intuit knows, support cannot speed it
            // up, wait and follow the status page (the verdict's actions, in one sentence).
            let mut steps: Vec<String> = match (&tried, &s.verdict) {
                (None, Some(v)) if !outage => v.actions.iter().map(|a| format!("{}.", clean(a))).collect(),
                _ => Vec::new(),
            };
            // Who can help: after a tried fix always; else unless it is QuickBooks support
            // (said below, with how to reach it safely).
            if tried.is_some() || !who.quickbooks_support {
                steps.push(who.says.to_string());
            }
            NextSteps {
                nothing_to_change: outage,
                incident: incident
                    .filter(|_| outage)
                    .map(|(name, update)| format!("Intuit says: {name} — {update}")),
                tried,
                steps,
                wait: outage,
                support_safely: who.quickbooks_support || verdict == Some(VerdictId::BankUnreachable),
            }
        }
    }
}

impl NextSteps {
    /// As a report says them: one sentence (or short paragraph) per line.
    pub fn lines(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.nothing_to_change {
            out.push(NOTHING_TO_CHANGE.to_string());
        }
        out.extend(self.incident.clone());
        out.extend(self.tried.clone());
        out.extend(self.steps.iter().cloned());
        if self.wait {
            out.push(WATCH.to_string());
        }
        if self.support_safely {
            out.push(SUPPORT_SAFELY.to_string());
        }
        out
    }
}
