//! What a step is worth now, decided once: the flow's notice for the verdict says whether the
//! step can fix the cause, cannot help while it lasts, or is not needed because the checks
//! passed ([`Means`]). That one decision drives the notice's mark, the preselected answer
//! (Skip for the last two, set when the flow is loaded) and the helpdesk script: a step that
//! cannot help or is not needed never asks the customer to do it; the script says why it is
//! skipped instead.

use std::borrow::Cow;

use crate::evidence::VerdictId;
use crate::flow::{Means, Step};

use super::Wizard;
use super::view::Script;

/// How long a step cannot help, said to the customer: "While Intuit's servers are failing".
fn while_it_lasts(verdict: Option<VerdictId>) -> &'static str {
    match verdict {
        Some(VerdictId::Offline) => "Until your computer is back online",
        Some(VerdictId::CaptivePortal) => "Until you have signed in to the Wi-Fi",
        Some(VerdictId::ProxyFailing) => "Until the proxy your computer uses works again",
        Some(VerdictId::QuickbooksBlocked) => "Until your network lets QuickBooks through",
        Some(VerdictId::HttpsIntercepted) => {
            "Until your security software stops opening QuickBooks' connection"
        }
        Some(VerdictId::ClockWrong) => "Until your computer's clock is right",
        Some(VerdictId::ServiceOutage) => "While Intuit's servers are failing",
        Some(VerdictId::BankUnreachable) => "While your bank's website is failing",
        Some(VerdictId::QuickbooksSlow) => "While QuickBooks is slow on Intuit's side",
        Some(VerdictId::SlowConnection) => "Until your connection is faster",
        Some(VerdictId::Unexplained | VerdictId::LocalOk) | None => "Right now",
    }
}

/// What the agent says on a step the checks passed.
pub(super) const PASSED_SAY: &str = "The checks found nothing wrong here, so we can skip this step.";

/// The step's own script.
fn own(step: &Step) -> Script<'_> {
    Script {
        say: step.say.as_deref().map(Cow::Borrowed),
        ask: step.ask.as_deref(),
        listen: Cow::Borrowed(&step.listen),
    }
}

impl Wizard {
    /// The current step's helpdesk script, as the step's notice decides it: the step's own
    /// say, ask and listen, or, when the step cannot help or is not needed, one sentence
    /// saying why it is skipped and nothing asked of the customer.
    pub fn script(&self) -> Script<'_> {
        let step = self.flow.step(self.current_id()).unwrap_or(self.flow.start());
        let Some(notice) = self.notice_for(step) else {
            return own(step);
        };
        if super::support::hands_on(step) {
            return self.handing_on_script(step, &notice).unwrap_or_else(|| own(step));
        }
        let say = match notice.means {
            Some(Means::CannotHelp) => format!(
                "{}, this step cannot help, so we skip it.",
                while_it_lasts(self.session.verdict.as_ref().map(|v| v.id))
            ),
            Some(Means::Passed) => notice.say.unwrap_or_else(|| PASSED_SAY.to_string()),
            Some(Means::Fixes) | None => return own(step),
        };
        Script {
            say: Some(Cow::Owned(say)),
            ask: None,
            listen: Cow::Borrowed(&[]),
        }
    }
}
