//! What the TUI and plain mode share around the wizard: starting or resuming a session (a
//! finished one is a record and is not reopened), carrying out every effect through one
//! [`Driver::apply`] (saving, starting checks) and feeding check events back in. A new session
//! gets a file only once something is recorded in it (an answer or a note); one left without
//! a word leaves nothing behind. What step 1 offers to continue is in [`offer`].

mod keeping;
pub mod offer;
pub mod saved_reports;
pub(crate) mod signals;

use std::sync::{Arc, Mutex, PoisonError};

use jiff::Timestamp;
use tokio::sync::mpsc::{self, UnboundedReceiver, UnboundedSender};

use crate::checks::{CheckEvent, runner};
use crate::config::Config;
use crate::files::lock::FileLock;
use crate::flow::Flow;
use crate::session::{Session, SessionStore, StoreError, StoreWarning, SystemFacts};
use crate::text::redact::Redactor;
use crate::wizard::{Effect, Msg, Wizard};
use saved_reports::SavedReports;

/// How to start.
#[derive(Debug, Clone)]
pub struct StartOptions {
    pub config: Arc<Config>,
    pub flow: Arc<Flow>,
    /// `Some("latest")` or `Some(id)` to resume.
    pub resume: Option<String>,
    pub helpdesk: bool,
    /// Applied to the reports saved at the summary (`--no-redact` keeps everything).
    pub redactor: Arc<Redactor>,
}

/// A running wizard with its store and settings.
#[derive(Debug)]
pub struct Driver {
    pub wizard: Wizard,
    flow: Arc<Flow>,
    store: SessionStore,
    config: Arc<Config>,
    redactor: Arc<Redactor>,
    /// A one-line hint for the header (an unfinished session exists).
    pub resume_hint: Option<String>,
    /// Warnings from reading the session folder (damaged files moved aside).
    pub warnings: Vec<StoreWarning>,
    /// The id of the session once it has a file (shared with plain mode's signal handler).
    kept: Kept,
    /// A new session: step 1's offer is still to be looked up.
    fresh: bool,
    /// A line for the person from the last effect (a session that could not be continued).
    notice: Option<String>,
    /// Every check run's events arrive here, for the driver that took the receiver.
    events: UnboundedSender<CheckEvent>,
    receiver: Option<UnboundedReceiver<CheckEvent>>,
    /// This process is the session's only writer while the driver lives.
    lock: Option<FileLock>,
    /// Where the summary's reports went, or why they could not be written (in words).
    pub reports: Option<Result<SavedReports, String>>,
    /// What happened when the person asked to open the report (shown on the summary).
    pub opened: Option<Result<(), String>>,
    /// Where `y` last saved the ticket summary, or why it could not (in words).
    pub ticket: Option<Result<std::path::PathBuf, String>>,
}

/// What [`Driver::start`] found.
#[derive(Debug)]
pub enum Started {
    /// A session to run, and the effects to carry out first.
    Ready(Box<Driver>, Vec<Effect>),
    /// `--resume` named a finished session: a record, left as it is.
    Finished(Box<Session>),
}

/// An effect that ends the driver's loop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// The summary was reached.
    Finished,
    /// Leave the program (the session is saved).
    Quit,
}

/// How often `w` on an outage's summary looks again (`qbfix watch`'s default interval).
pub const WATCH_EVERY: std::time::Duration = std::time::Duration::from_secs(30);

/// Said when an unfinished session is left: how to go on, for someone who double-clicked (step
/// 1 offers the session to continue).
pub const CONTINUE_LATER: &str = "Session saved. To go on later, start qbfix again and choose Continue.";

/// Said when a session ends with nothing recorded in it.
pub const NOTHING_KEPT: &str = "Nothing was answered, so no session was kept.";

/// The id a session is saved under once it has a file: what a signal's message names.
pub type Kept = Arc<Mutex<Option<String>>>;

/// `config` with the bank address the person typed as its bank target (the configured
/// banks, if any, are what the person did not have to type: they stay as they are).
fn with_bank_address(config: Arc<Config>, typed: Option<&str>) -> Arc<Config> {
    let Some(url) = typed.and_then(|u| u.parse().ok()) else {
        return config;
    };
    if !config.targets.bank.is_empty() {
        return config;
    }
    let mut changed = (*config).clone();
    changed.targets.bank = vec![url];
    Arc::new(changed)
}

/// The line `--resume` prints for a finished session.
pub fn finished_line(session: &Session) -> String {
    format!(
        "Session {} is finished: it is a record and is not changed. Print its report with: qbfix report {}",
        session.id, session.id
    )
}

impl Driver {
    /// Opens a new or resumed session; returns the driver and the first effects to run. A
    /// new session reads nothing of the store (step 1's offer and the hint come later, from
    /// [`Driver::look_up`]); its id is claimed by its lock alone.
    pub fn start(store: SessionStore, options: StartOptions) -> Result<Started, StoreError> {
        let now = Timestamp::now();
        let (session, lock, warnings) = match options.resume.as_deref() {
            Some(wanted) => {
                let (id, warnings) = match wanted {
                    "latest" => match store.latest_unfinished() {
                        (Some(entry), w) => (entry.id, w),
                        (None, _) => return Err(StoreError::NothingToResume),
                    },
                    key => {
                        let (found, w) = store.find_session(key)?;
                        (found.id, w)
                    }
                };
                // Lock first, then read: a window that just let go may have saved since.
                let lock = store.lock(&id)?;
                let (session, _) = store.load(&id)?;
                (session, lock, warnings)
            }
            None => {
                let (id, lock) = store.claim_id(now)?;
                let mut session = Session::new(id, &options.flow.id, now, SystemFacts::current());
                if options.helpdesk {
                    // Checked against the codes used here once the store is read.
                    session.case_code = Some(crate::session::case_code::generate());
                }
                (session, lock, Vec::new())
            }
        };
        let fresh = options.resume.is_none();
        if session.finished_at.is_some() || session.is_finished() {
            return Ok(Started::Finished(Box::new(session)));
        }
        if session.flow != options.flow.id {
            return Err(StoreError::OtherFlow {
                id: session.id,
                flow: session.flow,
            });
        }
        tracing::info!(session = %session.id, resumed = options.resume.is_some(), "session opened");
        let config = with_bank_address(options.config, session.bank_address.as_deref());
        // On the customer's results the wizard asks for no checks here (`r` runs them).
        let (wizard, effects) = Wizard::new(options.flow.clone(), session);
        let (events, receiver) = mpsc::unbounded_channel();
        let kept = (!fresh).then(|| wizard.session().id.clone());
        let mut driver = Driver {
            wizard,
            flow: options.flow,
            store,
            config,
            redactor: options.redactor,
            resume_hint: None,
            warnings,
            kept: Arc::new(Mutex::new(kept)),
            fresh,
            notice: None,
            events,
            receiver: Some(receiver),
            lock: Some(lock),
            reports: None,
            opened: None,
            ticket: None,
        };
        driver.tell_report_path();
        // Continued, not just opened (an imported session starts with nothing recorded).
        if !fresh && driver.wizard.session().has_input() {
            driver.resume_hint = Some(offer::welcome_back(&driver.wizard));
        }
        Ok(Started::Ready(Box::new(driver), effects))
    }

    /// A line for the person, shown once the screen is up (the TUI's status line).
    pub fn tell(&mut self, line: String) {
        self.notice = Some(line);
    }

    /// The receiver of every check run's events (once; the driver's loop keeps it).
    pub fn take_events(&mut self) -> Option<UnboundedReceiver<CheckEvent>> {
        self.receiver.take()
    }

    /// Carries out one effect; `Some` when it ends the loop. Starting checks needs a tokio
    /// runtime context (plain mode enters its handle).
    pub fn apply(&mut self, effect: Effect) -> Result<Option<Stop>, StoreError> {
        match effect {
            Effect::Save => self.save()?,
            Effect::RunChecks(ids) => {
                for effect in self.start_checks(&ids) {
                    if let Some(stop) = self.apply(effect)? {
                        return Ok(Some(stop));
                    }
                }
            }
            Effect::TestBank(url) => {
                // The bank's address is tested for the rest of this session (and on resume:
                // the wizard keeps it in the session).
                self.config = with_bank_address(self.config.clone(), Some(&url));
                for effect in self.start_checks(&["bank".to_string()]) {
                    if let Some(stop) = self.apply(effect)? {
                        return Ok(Some(stop));
                    }
                }
            }
            Effect::Finished => {
                self.save_reports();
                return Ok(Some(Stop::Finished));
            }
            Effect::WriteReports => self.save_reports(),
            Effect::Quit => {
                self.save()?;
                return Ok(Some(Stop::Quit));
            }
            Effect::Resume(id) => return self.switch_to(&id),
        }
        Ok(None)
    }

    /// `w` on an outage's summary: looks at the status page and QuickBooks now and then every
    /// [`WATCH_EVERY`] (as `qbfix watch` does), sending what each look found, until QuickBooks
    /// answers normally again or the receiver is dropped. The session is not touched. When
    /// the verdict is QuickBooks being slow, a slow reply is not "answering normally".
    pub fn watch(&self) -> UnboundedReceiver<crate::checks::watch::Poll> {
        let (tx, rx) = mpsc::unbounded_channel();
        let config = self.config.clone();
        let slow_too = self
            .wizard
            .verdict()
            .is_some_and(|v| v.id == crate::evidence::VerdictId::QuickbooksSlow);
        tokio::spawn(async move {
            loop {
                let poll = crate::checks::watch::poll(config.clone(), slow_too).await;
                let back = poll.recovered();
                if tx.send(poll).is_err() || back {
                    break;
                }
                tokio::time::sleep(WATCH_EVERY).await;
            }
        });
        rx
    }

    /// Saves the session: always once it has a file; a new one only once something is
    /// recorded in it (or it holds the customer's results).
    pub fn save(&mut self) -> Result<(), StoreError> {
        let session = self.wizard.session();
        if self.kept_id().is_none() && !session.worth_keeping() {
            return Ok(());
        }
        let _saving = signals::saving();
        let saved = self.store.save(session);
        match &saved {
            Ok(()) => {
                tracing::debug!(session = %session.id, "session saved");
                *self.kept.lock().unwrap_or_else(PoisonError::into_inner) = Some(session.id.clone());
            }
            Err(e) => tracing::warn!(
                "{}",
                crate::text::one_line::one_line([e as &(dyn std::error::Error + 'static)])
            ),
        }
        saved
    }

    /// The id the session is saved under, once it has a file.
    pub fn kept_id(&self) -> Option<String> {
        self.kept.lock().unwrap_or_else(PoisonError::into_inner).clone()
    }

    /// The same, shared: what plain mode's signal handler says.
    pub fn kept(&self) -> Kept {
        self.kept.clone()
    }

    /// This process's lock on the session now open; the lock of a session never saved goes
    /// with its file.
    fn set_lock(&mut self, lock: FileLock) {
        let unkept = self.kept_id().is_none();
        if let Some(old) = self.lock.replace(lock)
            && unkept
        {
            old.discard();
        }
        *self.kept.lock().unwrap_or_else(PoisonError::into_inner) = Some(self.wizard.session().id.clone());
    }

    /// Starts the checks named by `ids` that exist, their events forwarded to the driver's
    /// channel; returns what the wizard asks on hearing of it.
    fn start_checks(&mut self, ids: &[String]) -> Vec<Effect> {
        let specs = runner::select(ids);
        let started: Vec<String> = specs.iter().map(|s| s.id.to_string()).collect();
        let effects = self.wizard.update(Msg::ChecksStarted {
            ids: started,
            at: Timestamp::now(),
        });
        let mut run = runner::spawn_run(self.config.clone(), specs);
        let events = self.events.clone();
        tokio::spawn(async move {
            while let Some(event) = run.recv().await {
                if events.send(event).is_err() {
                    break;
                }
            }
        });
        effects
    }

    /// Feeds one runner event to the wizard.
    pub fn on_check_event(&mut self, event: CheckEvent) -> Vec<Effect> {
        match event {
            CheckEvent::Finished { id, results } => {
                // The runner logged each result.
                self.wizard.update(Msg::CheckFinished {
                    id: id.to_string(),
                    results,
                })
            }
            CheckEvent::AllDone { duration_ms } => self.wizard.update(Msg::ChecksDone {
                at: Timestamp::now(),
                duration_ms,
            }),
        }
    }
}

impl Drop for Driver {
    /// A new session left without a word leaves no file: not even its lock's.
    fn drop(&mut self) {
        if self.kept_id().is_none()
            && let Some(lock) = self.lock.take()
        {
            lock.discard();
        }
    }
}
