//! The contact-support step (the step whose answer hands the session on) follows the verdict:
//! who can help ([`who_can_help`]) is its notice and, when QuickBooks support is not the one,
//! its call script, and the selection starts on the answer that hands nothing on. Its text
//! names the file the summary will save the report to (`{report}` in the flow's text).

use std::borrow::Cow;

use crate::evidence::who_can_help;
use crate::flow::{Answer, AnswerOutcome, Step};

use super::Wizard;
use super::view::{Script, StepNotice};

/// What `{report}` in a step's text becomes before the driver says where the summary saves.
const REPORT_FOLDER: &str = "a file in the qbfix folder of your Documents";

/// True when an answer of `step` hands the session on (to support, or whoever can help).
pub(super) fn hands_on(step: &Step) -> bool {
    step.answers
        .iter()
        .any(|a| a.outcome == Some(AnswerOutcome::Escalated))
}

impl Wizard {
    /// The answers of `step` as they read now: on the step that hands the session on, the
    /// answer that hands it on names whoever can help with this verdict, when that is not
    /// QuickBooks support ("I'll contact your internet provider with this report").
    pub(super) fn answers_of<'a>(&self, step: &'a Step) -> Cow<'a, [Answer]> {
        let verdict = self.session.verdict.as_ref().map(|v| v.id);
        let Some(who) = crate::session::handed_to(verdict).filter(|_| hands_on(step)) else {
            return Cow::Borrowed(&step.answers);
        };
        let mut answers = step.answers.clone();
        for a in answers
            .iter_mut()
            .filter(|a| a.outcome == Some(AnswerOutcome::Escalated))
        {
            a.label = format!("I'll contact {who} with this report");
        }
        Cow::Owned(answers)
    }

    /// Where the summary will save the HTML report: named on the contact-support step.
    pub fn set_report_path(&mut self, path: String) {
        self.report_path = Some(path);
    }

    /// `text` with `{report}` replaced by where the report will be saved.
    pub(super) fn with_report_path<'a>(&self, text: Cow<'a, str>) -> Cow<'a, str> {
        if !text.contains("{report}") {
            return text;
        }
        let at = self.report_path.as_deref().unwrap_or(REPORT_FOLDER);
        Cow::Owned(text.replace("{report}", at))
    }

    /// The notice of a step that hands the session on, when QuickBooks support is not who can
    /// help with this verdict: who can, and the answer that hands nothing on preselected.
    pub(super) fn who_can_help_notice(&self, step: &Step) -> Option<StepNotice> {
        if !hands_on(step) {
            return None;
        }
        let help = who_can_help(Some(self.session.verdict.as_ref()?.id));
        if help.quickbooks_support {
            // The step itself is the way to QuickBooks support: nothing to add above it.
            return None;
        }
        let preselect = step
            .answers
            .iter()
            .find(|a| a.outcome.is_none())
            .map(|a| a.id.clone());
        Some(StepNotice {
            text: help.says.to_string(),
            preselect,
            means: None,
            say: Some(help.says.to_string()),
        })
    }

    /// The call script of a step that hands the session on when QuickBooks support is not
    /// the one who can help: what to say instead, nothing asked, and only what the customer
    /// may answer that does not hand them to support.
    pub(super) fn handing_on_script<'a>(&self, step: &'a Step, notice: &StepNotice) -> Option<Script<'a>> {
        let say = notice.say.clone()?;
        if !hands_on(step) {
            return None;
        }
        let escalating: Vec<&str> = step
            .answers
            .iter()
            .filter(|a| a.outcome == Some(AnswerOutcome::Escalated))
            .map(|a| a.id.as_str())
            .collect();
        let listen = step
            .listen
            .iter()
            .filter(|l| !escalating.contains(&l.answer.as_str()))
            .cloned()
            .collect();
        Some(Script {
            say: Some(Cow::Owned(say)),
            ask: None,
            listen: Cow::Owned(listen),
        })
    }
}
