//! The "whose problem is it" card: from the verdict, who has to act (your connection, your
//! network's security, Intuit, your bank, your browser) and one "do this now" line naming the
//! step that can fix it by number and title. Told apart by words and a symbol first; drivers
//! may add a colour per [`Side`] as a third cue.

use crate::evidence::{Side, Verdict};
use crate::flow::Flow;

use super::{Wizard, route};

/// What the card says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    pub who: Side,
    /// "⇄ Whose problem: your connection".
    pub headline: String,
    /// "Do this now: step 2, Check your internet connection." (when the flow names the step).
    pub do_now: Option<String>,
}

/// The card for `verdict` on `flow` (its steps numbered along the verdict's route).
pub fn card_for(flow: &Flow, verdict: &Verdict) -> Card {
    let who = verdict.id.side();
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
