//! What the TUI and plain mode share around the wizard: starting or resuming a session,
//! carrying out effects (saving, starting checks) and feeding check events back in.

use std::sync::Arc;

use jiff::Timestamp;
use tokio::sync::mpsc::UnboundedReceiver;

use crate::checks::{CheckEvent, runner};
use crate::config::Config;
use crate::flow::Flow;
use crate::report_files::{self, SavedReports};
use crate::session::{Session, SessionStore, StoreError, StoreWarning, SystemFacts};
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
    /// Where the summary's reports went, or why they could not be written (in words).
    pub reports: Option<Result<SavedReports, String>>,
    /// What happened when the person asked to open the report (shown on the summary).
    pub opened: Option<Result<(), String>>,
}

impl Driver {
    /// Opens a new or resumed session; returns the driver and the first effects to run.
    pub fn start(store: SessionStore, options: StartOptions) -> Result<(Driver, Vec<Effect>), StoreError> {
        let now = Timestamp::now();
        let (session, resume_hint, warnings) = match options.resume.as_deref() {
            Some("latest") => {
                let (found, warnings) = store.latest_unfinished();
                (found.ok_or(StoreError::NothingToResume)?, None, warnings)
            }
            Some(id) => {
                let (session, warnings) = store.load(id)?;
                (session, None, warnings)
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
                let mut session = Session::new(id, &options.flow.id, now, SystemFacts::current());
                if options.helpdesk {
                    session.case_code = Some(case_code());
                }
                (session, hint, warnings)
            }
        };
        if session.flow != options.flow.id {
            return Err(StoreError::OtherFlow {
                id: session.id,
                flow: session.flow,
            });
        }
        let (wizard, effects) = Wizard::new(options.flow, session);
        let driver = Driver {
            wizard,
            store,
            config: options.config,
            resume_hint,
            warnings,
            reports: None,
            opened: None,
        };
        Ok((driver, effects))
    }

    pub fn save(&self) -> Result<(), StoreError> {
        self.store.save(self.wizard.session())
    }

    /// Writes the HTML and JSON reports where a person finds them (`Documents/qbfix`, else
    /// the data dir); call when the summary is reached (again).
    pub fn save_reports(&mut self) {
        let data_dir = self.store.dir().parent().unwrap_or(self.store.dir());
        let documents = report_files::documents_dir();
        let folders = report_files::folders(documents.as_deref(), data_dir);
        let session = self.wizard.session();
        self.reports = Some(report_files::write(session, self.wizard.flow(), &folders));
        self.opened = None;
    }

    /// Opens the saved HTML report in the default browser.
    pub fn open_report(&mut self) {
        self.opened = match &self.reports {
            Some(Ok(saved)) => Some(report_files::open_in_browser(&saved.html)),
            Some(Err(e)) => Some(Err(e.clone())),
            None => None,
        };
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

/// A helpdesk case code such as `QB-7K3M-9TQ2` (no 0/O or 1/I to misread on the phone).
pub fn case_code() -> String {
    const ALPHABET: &[u8] = b"23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    let part = || -> String {
        (0..4)
            .map(|_| char::from(ALPHABET[fastrand::usize(..ALPHABET.len())]))
            .collect()
    };
    format!("QB-{}-{}", part(), part())
}
