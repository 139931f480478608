//! The full-screen wizard (ratatui + crossterm). Placeholder until the TUI lands.

use crate::driver::Driver;
use crate::wizard::Effect;

/// How the TUI ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exit {
    pub session_id: String,
    /// The summary was reached.
    pub finished: bool,
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
pub async fn run(driver: Driver, first: Vec<Effect>) -> Result<Exit, TuiError> {
    let _ = first;
    Err(TuiError::Io(std::io::Error::other(format!(
        "the full-screen wizard is not built yet; use --plain (session {})",
        driver.wizard.session().id
    ))))
}
