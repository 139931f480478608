//! The signals that end qbfix from outside, for both drivers: SIGINT, SIGQUIT, SIGTERM and
//! SIGHUP (the window was closed) on Unix; Ctrl-C, Ctrl-Break and closing the console (or
//! logging off, shutting down) on Windows. Each is caught, so the driver can keep a draft
//! note, save the session and put the terminal back before exiting with `128 + n`.

/// A caught signal: its name and the number its exit code is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Caught {
    pub name: &'static str,
    pub number: u8,
}

/// SIGINT: also what Ctrl-C typed in the TUI counts as (raw mode turns it into a key).
pub const INTERRUPT: Caught = Caught {
    name: "SIGINT",
    number: 2,
};
/// SIGQUIT (Ctrl-\ on a terminal; Ctrl-Break on Windows).
pub const QUIT: Caught = Caught {
    name: "SIGQUIT",
    number: 3,
};
/// SIGTERM.
pub const TERMINATE: Caught = Caught {
    name: "SIGTERM",
    number: 15,
};
/// SIGHUP: the terminal went away (on Windows: the console was closed).
pub const HANG_UP: Caught = Caught {
    name: "SIGHUP",
    number: 1,
};

impl Caught {
    /// The exit code the shell convention gives a death by this signal.
    pub fn exit_code(self) -> u8 {
        128 + self.number
    }
}

#[cfg(unix)]
type Listener = tokio::signal::unix::Signal;
#[cfg(windows)]
enum Listener {
    CtrlC(tokio::signal::windows::CtrlC),
    CtrlBreak(tokio::signal::windows::CtrlBreak),
    Close(tokio::signal::windows::CtrlClose),
    Logoff(tokio::signal::windows::CtrlLogoff),
    Shutdown(tokio::signal::windows::CtrlShutdown),
}

#[cfg(windows)]
impl Listener {
    async fn recv(&mut self) -> Option<()> {
        match self {
            Listener::CtrlC(s) => s.recv().await,
            Listener::CtrlBreak(s) => s.recv().await,
            Listener::Close(s) => s.recv().await,
            Listener::Logoff(s) => s.recv().await,
            Listener::Shutdown(s) => s.recv().await,
        }
    }
}

/// The hooked signals. Create inside a tokio runtime, before anything could be lost: from
/// then on these signals no longer kill the process, they wait in [`Signals::recv`].
pub struct Signals {
    hooked: Vec<(Caught, Listener)>,
}

impl Signals {
    /// Hooks every signal it can; one that cannot be hooked keeps its default action.
    pub fn new() -> Signals {
        let mut hooked = Vec::new();
        #[cfg(unix)]
        {
            use tokio::signal::unix::{SignalKind, signal};
            for (caught, kind) in [
                (INTERRUPT, SignalKind::interrupt()),
                (QUIT, SignalKind::quit()),
                (TERMINATE, SignalKind::terminate()),
                (HANG_UP, SignalKind::hangup()),
            ] {
                if let Ok(listener) = signal(kind) {
                    hooked.push((caught, listener));
                }
            }
        }
        #[cfg(windows)]
        {
            use tokio::signal::windows as w;
            if let Ok(s) = w::ctrl_c() {
                hooked.push((INTERRUPT, Listener::CtrlC(s)));
            }
            if let Ok(s) = w::ctrl_break() {
                hooked.push((QUIT, Listener::CtrlBreak(s)));
            }
            if let Ok(s) = w::ctrl_close() {
                hooked.push((HANG_UP, Listener::Close(s)));
            }
            if let Ok(s) = w::ctrl_logoff() {
                hooked.push((HANG_UP, Listener::Logoff(s)));
            }
            if let Ok(s) = w::ctrl_shutdown() {
                hooked.push((TERMINATE, Listener::Shutdown(s)));
            }
        }
        Signals { hooked }
    }

    /// Waits for the next hooked signal (forever when none is hooked).
    pub async fn recv(&mut self) -> Caught {
        if self.hooked.is_empty() {
            return std::future::pending().await;
        }
        let waits = self.hooked.iter_mut().map(|(caught, listener)| {
            let caught = *caught;
            Box::pin(async move {
                match listener.recv().await {
                    Some(()) => caught,
                    // The listener is gone: never report from it.
                    None => std::future::pending().await,
                }
            })
        });
        futures::future::select_all(waits).await.0
    }
}

impl Default for Signals {
    fn default() -> Self {
        Signals::new()
    }
}

impl std::fmt::Debug for Signals {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let names: Vec<&str> = self.hooked.iter().map(|(c, _)| c.name).collect();
        f.debug_struct("Signals").field("hooked", &names).finish()
    }
}

/// Held while a session is being written, so an exit on a signal never cuts a save short.
static SAVING: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Holds off [`exit_on_signal`]'s exit until the guard is dropped (wrap every save in it).
pub fn saving() -> std::sync::MutexGuard<'static, ()> {
    SAVING.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// For plain mode, whose session is saved after every answer: from now on a signal waits for
/// any save under way, says on stderr how to resume the session (`kept`: its id once it has a
/// file; a new one with nothing recorded has none), and exits with `128 + n`. (Check results
/// not yet shown are run again on resume.)
pub fn exit_on_signal(handle: &tokio::runtime::Handle, kept: super::Kept) {
    let _runtime = handle.enter();
    let mut signals = Signals::new();
    handle.spawn(async move {
        let caught = signals.recv().await;
        let _saving = saving();
        let kept = kept
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone();
        match kept {
            Some(id) => eprintln!(
                "\nqbfix: {}: session saved. Resume with: qbfix --resume {id}",
                caught.name
            ),
            None => eprintln!("\nqbfix: {}: {}", caught.name, super::NOTHING_KEPT),
        }
        std::process::exit(i32::from(caught.exit_code()));
    });
}
