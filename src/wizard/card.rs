//! The "whose problem is it" card: from the verdict, who has to act (your connection, your
//! network's security, Intuit, your bank, your browser) and one "do this now" line naming the
//! step that can fix it by number and title. Told apart by words and a symbol first; drivers
//! may add a colour per [`Who`] as a third cue.

use crate::checks::{Verdict, VerdictId};
use crate::flow::Flow;

use super::{Wizard, route};

/// Whose side the problem is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Who {
    Connection,
    Security,
    Intuit,
    Bank,
    Browser,
}

impl Who {
    pub fn of(verdict: VerdictId) -> Who {
        match verdict {
            VerdictId::Offline | VerdictId::CaptivePortal | VerdictId::SlowConnection => Who::Connection,
            VerdictId::ProxyFailing | VerdictId::QuickbooksBlocked | VerdictId::HttpsIntercepted => {
                Who::Security
            }
            VerdictId::ServiceOutage => Who::Intuit,
            VerdictId::BankUnreachable => Who::Bank,
            VerdictId::LocalOk => Who::Browser,
        }
    }

    /// In words, as the card's first line says it.
    pub fn label(self) -> &'static str {
        match self {
            Who::Connection => "your connection",
            Who::Security => "your network's security",
            Who::Intuit => "Intuit",
            Who::Bank => "your bank",
            Who::Browser => "your browser",
        }
    }

    /// A symbol of one column that no other card uses.
    pub fn symbol(self) -> &'static str {
        match self {
            Who::Connection => "⇄",
            Who::Security => "⊘",
            Who::Intuit => "☁",
            Who::Bank => "⌂",
            Who::Browser => "◆",
        }
    }
}

/// What the card says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    pub who: Who,
    /// "⇄ Whose problem: your connection".
    pub headline: String,
    /// "Do this now: step 2, Check your internet connection." (when the flow names the step).
    pub do_now: Option<String>,
}

/// The card for `verdict` on `flow` (its steps numbered along the verdict's route).
pub fn card_for(flow: &Flow, verdict: &Verdict) -> Card {
    let who = Who::of(verdict.id);
    let headline = format!("{} Whose problem: {}", who.symbol(), who.label());
    let route = route::route(flow, Some(verdict.id.as_str()));
    let do_now = flow.first_for(verdict.id.as_str()).and_then(|step| {
        let number = route.iter().position(|id| *id == step.id)? + 1;
        Some(format!("Do this now: step {number}, {}.", step.title))
    });
    Card {
        who,
        headline,
        do_now,
    }
}

impl Wizard {
    /// The card for the current verdict, once there is one.
    pub fn card(&self) -> Option<Card> {
        self.session.verdict.as_ref().map(|v| card_for(&self.flow, v))
    }
}
