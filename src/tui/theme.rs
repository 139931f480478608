//! Every colour and text style of the TUI. With `NO_COLOR` set (non-empty) no colour is used at
//! all; the selection, notices and problems stay visible through bold/reversed modifiers and
//! the ▶ ✓ ! ✗ symbols.

use ratatui::style::{Color, Modifier, Style};

use crate::evidence::Side;
use crate::evidence::Status;

/// The styles in use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    color: bool,
}

impl Theme {
    /// Colours unless `NO_COLOR` is set to something non-empty.
    pub fn from_env() -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme { color: !no_color }
    }

    pub fn colored() -> Theme {
        Theme { color: true }
    }

    /// No colours at all (NO_COLOR).
    pub fn monochrome() -> Theme {
        Theme { color: false }
    }

    fn fg(self, color: Color) -> Style {
        if self.color {
            Style::new().fg(color)
        } else {
            Style::new()
        }
    }

    /// Titles of blocks and the app name.
    pub fn title(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn border(self) -> Style {
        self.fg(Color::DarkGray)
    }

    /// The selected answer.
    pub fn selected(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    /// Lines that must not be missed: outage notices, the quit question.
    pub fn notice(self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    /// Secondary text: durations, earlier answers, hints.
    pub fn dim(self) -> Style {
        if self.color {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }

    pub fn bold(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// Key names in the footer and help.
    pub fn key(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    /// A check's symbol.
    pub fn status(self, status: Status) -> Style {
        match status {
            Status::Pass => self.fg(Color::Green),
            Status::Warn => self.fg(Color::Yellow).add_modifier(Modifier::BOLD),
            Status::Fail | Status::Error => self.fg(Color::Red).add_modifier(Modifier::BOLD),
            Status::Skip => self.dim(),
        }
    }

    /// "3 ✓  1 ✗  " for `results`: how many passed, warned and failed (a mark of each kind
    /// only when there is one): the checks panel's tally, and this computer's run in a call.
    pub fn tally(self, results: &[crate::evidence::CheckResult]) -> Vec<ratatui::text::Span<'static>> {
        use ratatui::text::Span;
        let mut spans = Vec::new();
        for status in [Status::Pass, Status::Warn, Status::Fail] {
            let n = results
                .iter()
                .filter(|r| r.status.symbol() == status.symbol())
                .count();
            if n > 0 {
                spans.push(Span::raw(format!("{n} ")));
                spans.push(Span::styled(status.symbol(), self.status(status)));
                spans.push(Span::raw("  "));
            }
        }
        spans
    }

    /// The "whose problem" card: a colour per side, only as a third cue after its words and
    /// symbol (bold either way, so it reads first without colour too).
    pub fn card(self, who: Side) -> Style {
        let color = match who {
            Side::Connection => Color::Red,
            Side::Security => Color::Yellow,
            Side::Intuit => Color::Blue,
            Side::Bank => Color::Magenta,
            Side::Browser => Color::Green,
            Side::Computer => Color::Cyan,
            Side::Unplaced => Color::Gray,
        };
        self.fg(color).add_modifier(Modifier::BOLD)
    }

    /// The progress bar in the header.
    pub fn progress(self) -> Style {
        self.fg(Color::Cyan)
    }
}

impl Default for Theme {
    fn default() -> Self {
        Theme::from_env()
    }
}
