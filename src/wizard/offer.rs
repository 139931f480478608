//! The session to continue: when an unfinished session with answers exists, the start step
//! offers it as its last answer ("Continue the session from 10:14, at step 5"), so a person
//! who double-clicked qbfix, and cannot type `--resume`, can go on. The driver finds the
//! session and gives it here as data ([`Msg::Offer`]); choosing it asks the driver to switch
//! to it ([`Effect::Resume`]). It is offered only while this session has nothing recorded.
//!
//! [`Msg::Offer`]: super::Msg::Offer
//! [`Effect::Resume`]: super::Effect::Resume

use std::borrow::Cow;

use crate::evidence::VerdictId;
use crate::flow::Answer;

use super::{Effect, Wizard, route};

/// The answer's id (no flow answer may use it: it is not recorded).
pub const CONTINUE: &str = "continue_session";

/// An unfinished session that can be continued.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResumeOffer {
    pub id: String,
    /// When it started, as the person reads the time ("10:14", or with the date when it was
    /// not today): the driver knows the clock and the time zone.
    pub started: String,
    /// The step it is at, and its verdict: the route, and so the step's number, depend on it.
    pub step: Option<String>,
    pub verdict: Option<VerdictId>,
}

/// The offer, with the start step's answers and the offer's as the last.
#[derive(Debug, Clone)]
pub(super) struct Offered {
    id: String,
    answers: Vec<Answer>,
}

impl Wizard {
    /// Takes the driver's offer (`None` withdraws it).
    pub(super) fn set_offer(&mut self, offer: Option<ResumeOffer>) -> Vec<Effect> {
        self.offer = offer.map(|o| {
            let verdict = o.verdict.map(VerdictId::as_str);
            let route = route::route(&self.flow, verdict);
            let number = o
                .step
                .as_deref()
                .and_then(|step| route.iter().position(|s| *s == step))
                .map_or(1, |i| i + 1);
            let mut answers = self.flow.start().answers.clone();
            answers.push(Answer {
                id: CONTINUE.to_string(),
                label: format!("Continue the session from {}, at step {number}", o.started),
                next: None,
                outcome: None,
            });
            Offered { id: o.id, answers }
        });
        vec![]
    }

    /// The offer, while it is on screen: on the start step, nothing recorded yet.
    fn offered(&self) -> Option<&Offered> {
        let at_start = self.current_id() == self.flow.start().id;
        self.offer
            .as_ref()
            .filter(|_| at_start && !self.session.has_input())
    }

    /// The answers on the current step: the flow's, with the offer last while it is shown.
    pub(super) fn answers_here(&self) -> Cow<'_, [Answer]> {
        match self.offered() {
            Some(o) => Cow::Borrowed(&o.answers),
            None => self
                .flow
                .step(self.current_id())
                .map_or(Cow::Borrowed(&[]), |s| self.answers_of(s)),
        }
    }

    /// When answer `index` is the offer: the driver is asked to continue that session.
    pub(super) fn take_offer(&mut self, index: usize) -> Option<Vec<Effect>> {
        let offered = self.offered()?;
        if index + 1 != offered.answers.len() {
            return None;
        }
        let id = offered.id.clone();
        self.hold = None;
        Some(vec![Effect::Resume(id)])
    }

    /// A case code of the helpdesk session's own, when the driver found the one given at the
    /// start already used here: taken only while nothing is recorded (nothing saved with it).
    pub(super) fn renew_case_code(&mut self, code: String) -> Vec<Effect> {
        let valid = crate::session::is_valid_case_code(&code);
        if valid && self.session.case_code.is_some() && !self.session.has_input() {
            self.session.case_code = Some(code);
        }
        vec![]
    }
}
