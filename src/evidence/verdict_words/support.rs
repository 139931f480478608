//! Who can help, by verdict (DESIGN's list after the flow): for the contact-support step, its
//! script, and the outcome of a session handed on.

use crate::evidence::VerdictId;

/// Who can help with a verdict's cause, for the contact-support step and the outcome of a
/// session handed on (DESIGN's "who can help, by verdict").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WhoCanHelp {
    /// Who, as an outcome says it: "Handed to {who}".
    pub who: &'static str,
    /// One or two plain sentences for the contact-support step.
    pub says: &'static str,
    /// True when QuickBooks support is the right next contact now.
    pub quickbooks_support: bool,
    /// False when nobody needs to be called: the person sets the clock, or Intuit already
    /// knows and the answer is to wait.
    pub someone_to_call: bool,
}

/// Who can help, by verdict; `None` (no verdict yet) is QuickBooks support with the report.
pub fn who_can_help(id: Option<VerdictId>) -> WhoCanHelp {
    let (who, says, quickbooks_support) = match id {
        Some(VerdictId::Offline | VerdictId::CaptivePortal | VerdictId::SlowConnection) => (
            "your internet provider",
            "Your internet connection is the problem, so your internet provider can help, or \
             whoever runs this Wi-Fi. QuickBooks support cannot fix a connection.",
            false,
        ),
        Some(VerdictId::ProxyFailing | VerdictId::QuickbooksBlocked) => (
            "your network's IT",
            "Something on your network stops QuickBooks, so whoever runs your network or IT can \
             help: give them the report. QuickBooks support cannot change your network.",
            false,
        ),
        Some(VerdictId::HttpsIntercepted) => (
            "whoever manages your security software",
            "Your security software inspects QuickBooks' connection. At home, change it in the \
             program's own settings; at an office, ask your IT, who manage it.",
            false,
        ),
        Some(VerdictId::ClockWrong) => (
            "nobody: set the clock",
            "Nobody needs to be called: set this computer's date and time automatically, then \
             try QuickBooks again.",
            false,
        ),
        Some(VerdictId::ServiceOutage | VerdictId::QuickbooksSlow) => (
            "Intuit, who already know",
            "Intuit already knows about the problem and support cannot speed up the fix. Wait, \
             and try QuickBooks again when the status page says it is fixed.",
            false,
        ),
        Some(VerdictId::BankUnreachable) => (
            "your bank",
            "Contact your bank first. If bank feeds still fail after 48 hours, contact QuickBooks \
             support with the report.",
            false,
        ),
        Some(VerdictId::Unexplained | VerdictId::LocalOk) | None => (
            "QuickBooks support",
            "Contact QuickBooks support and give them the report.",
            true,
        ),
    };
    let someone_to_call = !matches!(
        id,
        Some(VerdictId::ClockWrong | VerdictId::ServiceOutage | VerdictId::QuickbooksSlow)
    );
    WhoCanHelp {
        who,
        says,
        quickbooks_support,
        someone_to_call,
    }
}
