//! The full-screen wizard (ratatui + crossterm), the only module that knows about terminals.
//!
//! [`run`] starts the first checks, sets the terminal up, and runs one event loop in the shape
//! of ratatui's event-driven-async template: a `tokio::select!` (biased, input first) over
//! the terminal's input events ([`input`]), the check runner's channel, a tick for the spinner, and the
//! signals that end the program. Each wake takes every input event already waiting (a burst
//! or a paste is acted on at once, then drawn once). Keys become wizard [`Msg`]s through the
//! key table; the wizard's [`Effect`]s are carried out here; views are drawn from state. On
//! every way out a note being typed is kept (as a draft), the session is saved and the
//! terminal restored.

pub mod app;
pub(crate) mod clipboard;
pub(crate) mod context;
mod event_loop;
pub(crate) mod input;
pub mod keys;
pub mod note;
pub mod render;
pub mod screen;
pub(crate) mod terminal;
mod text_shape;
pub mod theme;
pub mod watching;

use ratatui::layout::Rect;

use crate::driver::Driver;
use crate::driver::signals::{Caught, Signals};
use crate::wizard::Effect;
use app::App;
use event_loop::State;
use theme::Theme;

/// How the TUI ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ended {
    pub session_id: String,
    /// The helpdesk case code, when the session has one.
    pub case_code: Option<String>,
    /// The summary was reached.
    pub finished: bool,
    /// Where the HTML report was saved at the summary, if it could be.
    pub report: Option<std::path::PathBuf>,
    /// The session has a file (one left without a word has none).
    pub kept: bool,
    /// Warnings from reading the store while the screen was up, to say once it is gone.
    pub warnings: Vec<String>,
    /// Ended by a signal (or Ctrl-C): exit with its `128 + n`.
    pub signal: Option<Caught>,
}

/// Errors that end the TUI (the session is saved before they are returned).
#[derive(Debug, thiserror::Error)]
pub enum TuiError {
    #[error("terminal error")]
    Io(#[from] std::io::Error),
    #[error(transparent)]
    Store(#[from] crate::session::StoreError),
}

/// Runs the wizard full-screen until the person quits.
pub async fn run(mut driver: Driver, first: Vec<Effect>) -> Result<Ended, TuiError> {
    // Hooked before anything else, so no signal from here on ends the program unsaved.
    let mut signals = Signals::new();
    let mut app = App::new(Theme::from_env());
    // A note from start-up (whose results a call is on) is said on the screen, not below it.
    app.status = driver.take_notice();
    let mut state = State::new(app);
    state.checks = driver.take_events();
    // The checks start before the first frame, so they run while the person reads; their child
    // processes wait until that frame is drawn.
    crate::machine::process::hold();
    let carried = state.carry_out(&mut driver, first);
    if !matches!(carried, Ok(None)) {
        crate::machine::process::release();
    }
    if let Some(exit) = carried? {
        return Ok(exit);
    }
    let mut terminal = match terminal::try_init() {
        Ok(t) => t,
        Err(e) => {
            crate::machine::process::release();
            return Err(e.into());
        }
    };
    if let Ok(size) = terminal.size() {
        state.area = Rect::new(0, 0, size.width, size.height);
    }
    let result = state.event_loop(&mut terminal, &mut driver, &mut signals).await;
    crate::machine::process::release();
    terminal::restore();
    result
}

fn ended(driver: &mut Driver, signal: Option<Caught>) -> Ended {
    Ended {
        session_id: driver.wizard.session().id.clone(),
        case_code: driver.wizard.session().case_code.clone(),
        finished: driver.wizard.at_summary(),
        report: match &driver.reports {
            Some(Ok(saved)) => Some(saved.html.clone()),
            _ => None,
        },
        kept: driver.kept_id().is_some(),
        warnings: std::mem::take(&mut driver.warnings)
            .into_iter()
            .map(|w| w.to_string())
            .collect(),
        signal,
    }
}
