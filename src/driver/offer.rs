//! The session to continue, for both drivers: after the first frame (the TUI) or before step 1
//! is printed (plain mode) a [`LookUp`] reads the store's index — off the TUI's thread, as a
//! rebuild of a lost index reads every file — for the newest unfinished session with answers
//! (the header's hint and step 1's last answer) and, in helpdesk mode, the case codes already
//! used. Choosing the offer switches the driver to that session as `--resume ID` opens it:
//! locked, read again, its wizard made afresh; the check run already going on this computer
//! is handed to it instead of starting another.

use std::collections::HashSet;

use jiff::{Timestamp, tz::TimeZone};

use super::{Driver, Stop, with_bank_address};
use crate::evidence::CheckResult;
use crate::session::{SessionStore, StoreError, StoreWarning};
use crate::wizard::{Effect, Msg, ResumeOffer, Wizard};

/// The work of finding what to offer (runs on any thread).
#[derive(Debug)]
pub struct LookUp {
    store: SessionStore,
    flow: String,
    helpdesk: bool,
}

/// What a [`LookUp`] found.
#[derive(Debug, Default)]
pub struct Found {
    hint: Option<String>,
    offer: Option<ResumeOffer>,
    /// Case codes already used here (helpdesk only).
    taken: HashSet<String>,
    warnings: Vec<StoreWarning>,
}

impl LookUp {
    pub fn run(self) -> Found {
        let (entries, warnings) = self.store.list();
        let latest = entries.iter().find(|e| !e.is_finished() && e.has_input);
        let hint = latest.map(|e| {
            format!(
                "An unfinished session from {} exists: qbfix --resume",
                e.started_at.strftime("%Y-%m-%d %H:%M UTC")
            )
        });
        // Offered when it can be opened here: this flow, and no other window has it.
        let offer = latest
            .filter(|e| e.flow == self.flow && self.store.lock(&e.id).is_ok())
            .map(|e| ResumeOffer {
                id: e.id.clone(),
                started: local_time(e.started_at, Timestamp::now(), &TimeZone::system()),
                step: e.step.clone(),
                verdict: e.verdict,
            });
        let taken = match self.helpdesk {
            true => entries.iter().filter_map(|e| e.case_code.clone()).collect(),
            false => HashSet::new(),
        };
        Found {
            hint,
            offer,
            taken,
            warnings,
        }
    }
}

/// `at` as a person reads it: "10:14" today, "3 Mar 10:14" this year, else with the year.
pub fn local_time(at: Timestamp, now: Timestamp, tz: &TimeZone) -> String {
    let (at, now) = (
        at.to_zoned_datetime(tz.clone()),
        now.to_zoned_datetime(tz.clone()),
    );
    let format = if at.date() == now.date() {
        "%H:%M"
    } else if at.year() == now.year() {
        "%-d %b %H:%M"
    } else {
        "%-d %b %Y %H:%M"
    };
    at.strftime(format).to_string()
}

impl Driver {
    /// The look-up to run for a new session (a resumed one offers nothing), once.
    pub fn look_up(&mut self) -> Option<LookUp> {
        if !std::mem::take(&mut self.fresh) {
            return None;
        }
        Some(LookUp {
            store: self.store.clone(),
            flow: self.wizard.flow().id.clone(),
            helpdesk: self.wizard.session().case_code.is_some(),
        })
    }

    /// Takes what the look-up found: the header's hint, step 1's offer, and a new case code
    /// when the one given at the start is already used here.
    pub fn found(&mut self, found: Found) -> Vec<Effect> {
        self.resume_hint = found.hint;
        self.warnings.extend(found.warnings);
        let mut effects = Vec::new();
        if self
            .wizard
            .session()
            .case_code
            .as_ref()
            .is_some_and(|c| found.taken.contains(c))
        {
            let code = crate::session::case_code::generate_unique(&found.taken);
            effects.extend(self.wizard.update(Msg::CaseCode { code }));
        }
        effects.extend(self.wizard.update(Msg::Offer(found.offer)));
        effects
    }

    /// A line for the person, once (a session that could not be continued).
    pub fn take_notice(&mut self) -> Option<String> {
        self.notice.take()
    }

    /// What a person continuing this session is told: from when, and where it goes on.
    pub fn welcome_back(&self) -> String {
        let session = self.wizard.session();
        let started = local_time(session.started_at, Timestamp::now(), &TimeZone::system());
        let view = self.wizard.view();
        format!(
            "Welcome back: continuing the session from {started}, at step {}",
            view.number
        )
    }

    /// Continues session `id` in place of this one, which has nothing recorded and is not
    /// kept. When that cannot be done, this session goes on and the offer is withdrawn.
    pub(super) fn switch_to(&mut self, id: &str) -> Result<Option<Stop>, StoreError> {
        let opened = self.store.lock(id).and_then(|lock| {
            let (session, _) = self.store.load(id)?;
            if session.is_finished() {
                return Err(StoreError::Corrupt(super::finished_line(&session)));
            }
            if session.flow != self.wizard.flow().id {
                return Err(StoreError::OtherFlow {
                    id: session.id,
                    flow: session.flow,
                });
            }
            Ok((session, lock))
        });
        let (session, lock) = match opened {
            Ok(opened) => opened,
            Err(e) => {
                self.notice = Some(format!("That session cannot be continued: {e}"));
                self.wizard.update(Msg::Offer(None));
                return Ok(None);
            }
        };
        tracing::info!(session = %session.id, "session continued from step 1's offer");
        let imported = session.customer.is_some();
        self.config = with_bank_address(self.config.clone(), session.bank_address.as_deref());
        let (wizard, mut effects) = Wizard::new(self.flow.clone(), session);
        let old = std::mem::replace(&mut self.wizard, wizard);
        if imported {
            // The customer's results: nothing of this computer's goes into them.
            effects.retain(|e| !matches!(e, Effect::RunChecks(_)));
        } else if hand_over_run(&old, &mut self.wizard) {
            effects.retain(|e| !matches!(e, Effect::RunChecks(_)));
        }
        self.set_lock(lock);
        self.resume_hint = None;
        self.notice = Some(self.welcome_back());
        for effect in effects {
            if let Some(stop) = self.apply(effect)? {
                return Ok(Some(stop));
            }
        }
        Ok(None)
    }
}

/// Gives `to` the check run `from` started (results so far, the ones still running, its end
/// if it ended), as the driver fed them; the run's later events then reach `to`. False when
/// `from` started none.
fn hand_over_run(from: &Wizard, to: &mut Wizard) -> bool {
    let Some(run) = from.session().check_runs.last() else {
        return false;
    };
    let mut done: Vec<(String, Vec<CheckResult>)> = Vec::new();
    for r in &from.session().checks {
        match done.iter_mut().find(|(id, _)| *id == r.id) {
            Some((_, results)) => results.push(r.clone()),
            None => done.push((r.id.clone(), vec![r.clone()])),
        }
    }
    let mut ids: Vec<String> = done.iter().map(|(id, _)| id.clone()).collect();
    ids.extend(from.pending().iter().cloned());
    to.update(Msg::ChecksStarted {
        ids,
        at: run.started_at,
    });
    for (id, results) in done {
        to.update(Msg::CheckFinished { id, results });
    }
    if let (Some(at), Some(duration_ms), true) = (run.finished_at, run.duration_ms, from.pending().is_empty())
    {
        to.update(Msg::ChecksDone { at, duration_ms });
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_say_the_date_only_when_it_is_not_today() {
        let tz = TimeZone::UTC;
        let now: Timestamp = "2026-03-05T18:00:00Z".parse().unwrap();
        let at = |s: &str| local_time(s.parse().unwrap(), now, &tz);
        assert_eq!(at("2026-03-05T10:14:00Z"), "10:14");
        assert_eq!(at("2026-03-03T10:14:00Z"), "3 Mar 10:14");
        assert_eq!(at("2025-12-30T09:05:00Z"), "30 Dec 2025 09:05");
    }
}
