//! How a step's notice is marked, the same in every driver: ⚠ "Important:" for a warning,
//! ✓ "Good news:" when the checks passed, → "Start here:" on the step that can fix the cause.
//! Good news is never marked as a warning.

use crate::flow::Means;

/// How a notice is marked: a warning, good news, or "start here".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Something to heed (the step cannot help, the clock is wrong, …).
    Warning,
    /// Good news: the checks passed, the computer was just restarted.
    Good,
    /// This is the step that can fix the cause.
    Start,
}

impl Tone {
    /// The mark before the notice on a screen.
    pub fn mark(self) -> &'static str {
        match self {
            Tone::Warning => "⚠",
            Tone::Good => "✓",
            Tone::Start => "→",
        }
    }

    /// The word before the notice in plain text.
    pub fn label(self) -> &'static str {
        match self {
            Tone::Warning => "Important:",
            Tone::Good => "Good news:",
            Tone::Start => "Start here:",
        }
    }

    pub(super) fn of(means: Option<Means>) -> Tone {
        match means {
            Some(Means::Passed) => Tone::Good,
            Some(Means::Fixes) => Tone::Start,
            Some(Means::CannotHelp) | None => Tone::Warning,
        }
    }
}
