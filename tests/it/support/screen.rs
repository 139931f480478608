//! The TUI drawn into a `TestBackend` of a chosen size and read back as text, one line per
//! row: what a person would see, for the tests that look at whole screens.

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use qbfix::tui::app::App;
use qbfix::tui::render::{self, Ui};
use qbfix::wizard::Wizard;

/// The screen of `app` over `wizard` at `width`×`height`, rows joined by newlines.
pub fn text(wizard: &Wizard, app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
    let ui = Ui {
        wizard,
        app,
        resume_hint: None,
    };
    terminal
        .draw(|f| render::draw(f, &ui))
        .expect("drawing into a test terminal");
    let buffer = terminal.backend().buffer().clone();
    (0..height)
        .map(|y| {
            (0..width)
                .map(|x| buffer[(x, y)].symbol().to_string())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}
