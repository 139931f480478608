//! What the TUI and plain mode share around the wizard: starting or resuming a session,
//! carrying out effects (saving, starting checks) and feeding check events back in.

use std::sync::Arc;

use jiff::Timestamp;
use tokio::sync::mpsc::UnboundedReceiver;

use crate::checks::{CheckEvent, runner};
use crate::config::Config;
use crate::flow::Flow;
use crate::session::{Session, SessionLock, SessionStore, StoreError, StoreWarning, SystemFacts};
use crate::wizard::{Effect, Msg, Wizard};

/// How to start.
#[derive(Debug, Clone)]
pub struct StartOptions {
    pub config: Arc<Config>,
    pub flow: Arc<Flow>,
    /// `Some("latest")` or `Some(id)` to resume.
    pub resume: Option<String>,
    pub helpdesk: bool,
}

/// A running wizard with its store and settings.
#[derive(Debug)]
pub struct Driver {
    pub wizard: Wizard,
    store: SessionStore,
    config: Arc<Config>,
    /// A one-line hint for the header (an unfinished session exists).
    pub resume_hint: Option<String>,
    /// Warnings from reading the session folder (damaged files moved aside).
    pub warnings: Vec<StoreWarning>,
    /// This process is the session's only writer while the driver lives.
    _lock: SessionLock,
}

impl Driver {
    /// Opens a new or resumed session; returns the driver and the first effects to run.
    pub fn start(store: SessionStore, options: StartOptions) -> Result<(Driver, Vec<Effect>), StoreError> {
        let now = Timestamp::now();
        let (session, lock, resume_hint, warnings) = match options.resume.as_deref() {
            Some(wanted) => {
                let (found, warnings) = match wanted {
                    "latest" => match store.latest_unfinished() {
                        (Some(s), w) => (s, w),
                        (None, _) => return Err(StoreError::NothingToResume),
                    },
                    id => crate::case_code::find_session(&store, id)?,
                };
                // Lock first, then read again: a window that just let go may have saved since.
                let lock = store.lock(&found.id)?;
                let (session, _) = store.load(&found.id)?;
                (session, lock, None, warnings)
            }
            None => {
                let (unfinished, warnings) = store.latest_unfinished();
                let hint = unfinished.map(|s| {
                    format!(
                        "An unfinished session from {} exists: qbfix --resume",
                        s.started_at.strftime("%Y-%m-%d %H:%M UTC")
                    )
                });
                let id = store.reserve_id(now)?;
                let lock = store.lock(&id)?;
                let mut session = Session::new(id, &options.flow.id, now, SystemFacts::current());
                if options.helpdesk {
                    session.case_code = Some(crate::case_code::generate_unique(&crate::case_code::taken(
                        &store,
                    )));
                }
                (session, lock, hint, warnings)
            }
        };
        if session.flow != options.flow.id {
            return Err(StoreError::OtherFlow {
                id: session.id,
                flow: session.flow,
            });
        }
        let imported = session.imported.is_some();
        let (wizard, mut effects) = Wizard::new(options.flow, session);
        if imported {
            // The customer's results are what matter: nothing runs on this computer unless
            // the agent asks for it (`r`).
            effects.retain(|e| !matches!(e, Effect::RunChecks(_)));
        }
        let driver = Driver {
            wizard,
            store,
            config: options.config,
            resume_hint,
            warnings,
            _lock: lock,
        };
        Ok((driver, effects))
    }

    pub fn save(&self) -> Result<(), StoreError> {
        self.store.save(self.wizard.session())
    }

    /// Starts the checks named by `ids` that exist; call from inside a tokio runtime.
    pub fn start_checks(&mut self, ids: &[String]) -> UnboundedReceiver<CheckEvent> {
        let specs = runner::select(ids);
        let started: Vec<String> = specs.iter().map(|s| s.id.to_string()).collect();
        self.wizard.update(Msg::ChecksStarted {
            ids: started,
            at: Timestamp::now(),
        });
        runner::spawn_run(self.config.clone(), specs)
    }

    /// Feeds one runner event to the wizard.
    pub fn on_check_event(&mut self, event: CheckEvent) -> Vec<Effect> {
        match event {
            CheckEvent::Finished { id, results } => self.wizard.update(Msg::CheckFinished {
                id: id.to_string(),
                results,
            }),
            CheckEvent::AllDone { duration_ms } => self.wizard.update(Msg::ChecksDone {
                at: Timestamp::now(),
                duration_ms,
            }),
        }
    }
}
