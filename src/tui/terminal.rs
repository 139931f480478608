//! Terminal setup and restore, in one place: raw mode, the alternate screen and bracketed
//! paste on the way in; the exact reverse on every way out (quit, error, panic, signal). Like `ratatui::init()` /
//! `restore()`, but cleanup never prints and never panics, so it is safe when the terminal is
//! already gone.

use std::io::{self, Stdout, stdout};
use std::sync::Once;

use crossterm::cursor::Show;
use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use crossterm::execute;
use crossterm::terminal::{
    EndSynchronizedUpdate, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
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

/// Raw mode, alternate screen, bracketed paste (a pasted text arrives as one `Event::Paste`,
/// so its line breaks are not Enter), a ratatui terminal over stdout. On failure the terminal is put
/// back before the error is returned.
pub fn try_init() -> io::Result<Tui> {
    set_panic_hook();
    let entered = enable_raw_mode()
        .and_then(|()| execute!(stdout(), EnterAlternateScreen, EnableBracketedPaste))
        .and_then(|()| Terminal::new(CrosstermBackend::new(stdout())));
    if entered.is_err() {
        let _ = try_restore();
    }
    entered
}

/// Leaves raw mode, bracketed paste and the alternate screen and shows the cursor. Every step is tried even if
/// an earlier one fails; the first error is returned. Prints nothing.
pub fn try_restore() -> io::Result<()> {
    // Raw mode first: it has the most visible side effects when left on.
    let raw = disable_raw_mode();
    // A frame cut short (an error mid-draw) must not leave the terminal holding its updates.
    let screen = execute!(
        stdout(),
        EndSynchronizedUpdate,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        Show
    );
    raw.and(screen)
}

/// Restores and ignores errors: for exit paths where nothing more can be done.
pub fn restore() {
    let _ = try_restore();
}
