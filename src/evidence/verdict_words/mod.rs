//! The verdict's words: for each row's [`Finding`], its title and advice; for a verdict known
//! only by its id (a result code carries no evidence), the generic words; and whose side each
//! verdict puts the problem on ([`Side`]), for the card and the reports. Rules live in
//! [`super::verdict`]; nothing here decides.

use super::verdict::{Finding, Verdict, VerdictId};

mod generic;
pub mod limits;
mod support;
#[cfg(test)]
pub(crate) mod tests;
mod words;

pub use generic::generic;
pub use support::{WhoCanHelp, who_can_help};

/// Whose side the problem is on: who has to act.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Connection,
    Security,
    Intuit,
    Bank,
    Browser,
    /// This computer's own settings (its clock).
    Computer,
    /// Not placed: a failure no row explains.
    Unplaced,
}

impl VerdictId {
    /// Whose side this verdict puts the problem on.
    pub fn side(self) -> Side {
        match self {
            VerdictId::Offline | VerdictId::CaptivePortal | VerdictId::SlowConnection => Side::Connection,
            VerdictId::ProxyFailing | VerdictId::QuickbooksBlocked | VerdictId::HttpsIntercepted => {
                Side::Security
            }
            VerdictId::ServiceOutage | VerdictId::QuickbooksSlow => Side::Intuit,
            VerdictId::BankUnreachable => Side::Bank,
            VerdictId::ClockWrong => Side::Computer,
            VerdictId::Unexplained => Side::Unplaced,
            VerdictId::LocalOk => Side::Browser,
        }
    }
}

impl Side {
    /// In words, as the card's first line says it ("Whose problem: your connection").
    pub fn label(self) -> &'static str {
        match self {
            Side::Connection => "your connection",
            Side::Security => "your network's security",
            Side::Intuit => "Intuit",
            Side::Bank => "your bank",
            Side::Browser => "your browser",
            Side::Computer => "this computer's clock",
            Side::Unplaced => "not found yet",
        }
    }

    /// A symbol of one column that no other side uses.
    pub fn symbol(self) -> &'static str {
        match self {
            Side::Connection => "⇄",
            Side::Security => "⊘",
            Side::Intuit => "☁",
            Side::Bank => "⌂",
            Side::Browser => "◆",
            Side::Computer => "◷",
            Side::Unplaced => "?",
        }
    }

    /// True when the problem is on this computer's side (its connection, network or browser).
    pub fn is_local(self) -> bool {
        !matches!(self, Side::Intuit | Side::Bank)
    }

    /// Where the reports say the problem is ("On Intuit's side", "On your side: the browser");
    /// `None`: no verdict yet. `theirs`: the results are a customer's, read by the helpdesk, so
    /// the side is the customer's, not the reader's.
    pub fn place(side: Option<Side>, theirs: bool) -> String {
        let whose = if theirs { "the customer's" } else { "your" };
        let local = |what: &str| format!("On {whose} side: {what}");
        match side {
            None => "Not known yet".into(),
            Some(Side::Intuit) => "On Intuit's side".into(),
            Some(Side::Bank) => format!("On {whose} bank's side"),
            Some(Side::Unplaced) => "Not placed: see the failing checks".into(),
            Some(Side::Connection) => local("the internet connection"),
            Some(Side::Security) => local("the network's security (firewall, proxy or security software)"),
            Some(Side::Browser) => local("the browser"),
            Some(Side::Computer) => local("the computer's clock"),
        }
    }
}

/// The verdict a finding comes to, in words.
pub fn verdict(finding: &Finding) -> Verdict {
    let (title, advice) = words::words(finding);
    Verdict {
        id: finding.id(),
        title,
        advice,
        actions: words::finding_actions(finding),
    }
}

/// What to do now, in order, for each verdict (1–4 short imperative lines), when the evidence
/// names no product or proxy.
pub fn actions(id: VerdictId) -> &'static [&'static str] {
    match id {
        VerdictId::Offline => &[
            "Check the cable or the Wi-Fi",
            "Restart your router: unplug it for 30 seconds",
            "Try another network, such as a phone hotspot",
            "Call your internet provider if nothing works",
        ],
        VerdictId::CaptivePortal => &[
            "Open any website, such as example.com, in your browser",
            "Accept the terms or sign in on the page that appears",
            "Try QuickBooks again",
        ],
        VerdictId::ProxyFailing => &[
            "Give this report to whoever runs your network",
            "Ask them to fix the proxy or let QuickBooks bypass it",
        ],
        VerdictId::QuickbooksBlocked => &[
            "Turn off your security program or VPN for a moment and try again",
            "Turn the protection back on straight after",
            "Ask your IT to allow *.intuit.com and *.quickbooks.com",
        ],
        VerdictId::ClockWrong => &[
            "Set the date and time automatically in the system settings",
            "Check the time zone",
            "Try QuickBooks again",
        ],
        VerdictId::HttpsIntercepted => &[
            "Turn off HTTPS scanning in your security software for a moment",
            "Try QuickBooks again, then turn the protection back on",
            "Add an exception for intuit.com",
        ],
        VerdictId::ServiceOutage => &[
            "Wait: nothing on this computer will fix it",
            "Follow the fix on status.quickbooks.intuit.com",
            "Try QuickBooks again once it says the problem is fixed",
        ],
        VerdictId::BankUnreachable => &[
            "Sign in to your bank's website and look for notices",
            "Try Update in QuickBooks again later",
            "Contact your bank if it lasts; QuickBooks support after 48 hours",
        ],
        VerdictId::QuickbooksSlow => &[
            "Wait a while and try again",
            "Look for news on status.quickbooks.intuit.com",
        ],
        VerdictId::SlowConnection => &[
            "Close large downloads and video calls",
            "Use a cable or move closer to the Wi-Fi router",
            "Restart the router",
            "Ask your internet provider if it stays slow",
        ],
        VerdictId::Unexplained => &[
            "Walk through every step",
            "Give the report to QuickBooks support if nothing helps",
        ],
        VerdictId::LocalOk => &[
            "Clear the browser's cache and cookies for QuickBooks",
            "Try a private window, then another up-to-date browser",
            "Sign out of QuickBooks and back in",
        ],
    }
}
