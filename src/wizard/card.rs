//! The "whose problem is it" card: from the verdict, who has to act (your connection, your
//! network's security, Intuit, your bank, your browser) and one "do this now" line naming the
//! step that can fix it by number and title; in a session, the next step that can still help
//! (never the one on screen, never one already answered). Told apart by words and a symbol first; drivers
//! may add a colour per [`Side`] as a third cue.

use crate::evidence::{Side, Verdict};
use crate::flow::{Flow, Means, StepKind};

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

/// Said when no step that can help is left untried.
pub const ALL_TRIED: &str = "Every step that can help now has been tried.";

impl Wizard {
    /// The card for the current verdict, once there is one. Its "Do this now" follows the
    /// session: the first step on the route that can still help and is not answered yet; none
    /// on that step itself; and when every such step is answered, it says so.
    pub fn card(&self) -> Option<Card> {
        let verdict = self.session.verdict.as_ref()?;
        let mut card = card_for(&self.flow, verdict);
        if self.at_summary() {
            card.do_now = None;
            return Some(card);
        }
        let route = self.route();
        let start = self.flow.start().id.as_str();
        let next = route.iter().copied().enumerate().find(|&(_, id)| {
            let Some(step) = self.flow.step(id) else {
                return false;
            };
            let answered = self.session.step(id).is_some_and(|r| r.answer_id.is_some());
            let helps = self
                .notice_for(step)
                .is_none_or(|n| !n.means.is_some_and(Means::skips));
            id != start && step.kind == StepKind::Fix && !answered && helps
        });
        card.do_now = match next {
            Some((_, id)) if id == self.current_id() => None,
            Some((i, id)) => self
                .flow
                .step(id)
                .map(|step| format!("Do this now: step {}, {}.", i + 1, step.title)),
            None => Some(ALL_TRIED.to_string()),
        };
        Some(card)
    }
}
