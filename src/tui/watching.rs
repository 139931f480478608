//! `w` on an outage's summary, on the TUI's side: what each look at QuickBooks found, as the
//! summary words it ([`Watch`]), and the bell when QuickBooks answers again. The looks
//! themselves are the driver's ([`crate::driver::Driver::watch`], the poll of `qbfix watch`).

use std::io::Write as _;

use jiff::Timestamp;
use tokio::sync::mpsc::UnboundedReceiver;

use super::terminal::Tui;
use crate::checks::watch::Poll;

/// What `w` on an outage's summary has found so far (not saved: the record stays as it is).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Watch {
    /// The first look is under way.
    Started,
    /// Still down at `checked` (local time), by name; the next look at `next`.
    Down {
        checked: String,
        next: String,
        names: Vec<String>,
    },
    /// QuickBooks answered normally at `checked`: the bell rang.
    Back { checked: String },
}

impl Watch {
    /// The line the summary shows.
    pub fn words(&self) -> String {
        match self {
            Watch::Started => "Waiting for QuickBooks: checking now…".to_string(),
            Watch::Down { checked, next, names } => format!(
                "Waiting for QuickBooks: still not answering normally at {checked} ({}); next look at {next}. qbfix rings when it answers again.",
                names.join(", ")
            ),
            Watch::Back { checked } => {
                format!("QuickBooks answers normally again (checked {checked}): try it now.")
            }
        }
    }
}

/// The next look of `w`; never resolves when not waiting.
pub(super) async fn next_poll(watching: &mut Option<UnboundedReceiver<Poll>>) -> Option<Poll> {
    match watching {
        Some(rx) => rx.recv().await,
        None => std::future::pending().await,
    }
}

/// A time of day in this computer's zone, as `qbfix watch` says it.
fn clock(at: Timestamp) -> String {
    at.to_zoned_datetime(jiff::tz::TimeZone::system())
        .strftime("%H:%M:%S")
        .to_string()
}

/// A look of `w`: still down, or back (the bell rings, as `qbfix watch` does).
pub(super) fn on_poll(watch: &mut Option<Watch>, terminal: &mut Tui, poll: &Poll) {
    let now = Timestamp::now();
    *watch = Some(if poll.recovered() {
        let backend = terminal.backend_mut();
        // The bell is a nicety: a terminal that refuses it changes nothing.
        let _ = backend.write_all(b"\x07").and_then(|()| backend.flush());
        Watch::Back { checked: clock(now) }
    } else {
        let next = now
            .checked_add(jiff::SignedDuration::try_from(crate::driver::WATCH_EVERY).unwrap_or_default())
            .unwrap_or(now);
        Watch::Down {
            checked: clock(now),
            next: clock(next),
            names: poll.names.clone(),
        }
    });
}
