//! Terminal setup and restore, in one place: raw mode and the alternate screen on the way in;
//! the exact reverse on every way out (quit, error, panic, signal). Like `ratatui::init()` /
//! `restore()`, but cleanup never prints and never panics, so it is safe when the terminal is
//! already gone.

use std::io::{self, Stdout, stdout};
use std::sync::Once;

use crossterm::cursor::Show;
use crossterm::execute;
use crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

/// The terminal the wizard draws on.
pub type Tui = Terminal<CrosstermBackend<Stdout>>;

static PANIC_HOOK: Once = Once::new();

/// Installs (once) a panic hook that restores the terminal FIRST, then runs the previous hook
/// so the panic message lands on a sane screen.
fn set_panic_hook() {
    PANIC_HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let _ = try_restore();
            previous(info);
        }));
    });
}

/// Raw mode, alternate screen, a ratatui terminal over stdout. On failure the terminal is put
/// back before the error is returned.
pub fn try_init() -> io::Result<Tui> {
    set_panic_hook();
    let entered = enable_raw_mode()
        .and_then(|()| execute!(stdout(), EnterAlternateScreen))
        .and_then(|()| Terminal::new(CrosstermBackend::new(stdout())));
    if entered.is_err() {
        let _ = try_restore();
    }
    entered
}

/// Leaves raw mode and the alternate screen and shows the cursor. Every step is tried even if
/// an earlier one fails; the first error is returned. Prints nothing.
pub fn try_restore() -> io::Result<()> {
    // Raw mode first: it has the most visible side effects when left on.
    let raw = disable_raw_mode();
    let screen = execute!(stdout(), LeaveAlternateScreen, Show);
    raw.and(screen)
}

/// Restores and ignores errors: for exit paths where nothing more can be done.
pub fn restore() {
    let _ = try_restore();
}

/// Signals that end the wizard politely (save, restore, exit): SIGTERM and SIGHUP (the
/// terminal window was closed). Ctrl-C arrives as a key in raw mode, not as SIGINT.
pub struct Signals {
    #[cfg(unix)]
    term: Option<tokio::signal::unix::Signal>,
    #[cfg(unix)]
    hup: Option<tokio::signal::unix::Signal>,
}

impl Signals {
    /// Starts listening; a signal that cannot be hooked is simply not watched.
    pub fn new() -> Signals {
        #[cfg(unix)]
        {
            use tokio::signal::unix::{SignalKind, signal};
            Signals {
                term: signal(SignalKind::terminate()).ok(),
                hup: signal(SignalKind::hangup()).ok(),
            }
        }
        #[cfg(not(unix))]
        {
            Signals {}
        }
    }

    /// Waits for the next signal (forever when none is watched).
    pub async fn recv(&mut self) {
        #[cfg(unix)]
        {
            let term = async {
                match self.term.as_mut() {
                    Some(s) => s.recv().await,
                    None => std::future::pending().await,
                }
            };
            let hup = async {
                match self.hup.as_mut() {
                    Some(s) => s.recv().await,
                    None => std::future::pending().await,
                }
            };
            tokio::select! {
                _ = term => {}
                _ = hup => {}
            }
        }
        #[cfg(not(unix))]
        std::future::pending::<()>().await
    }
}

impl Default for Signals {
    fn default() -> Self {
        Signals::new()
    }
}
