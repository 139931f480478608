//! What is on screen: the step, or one of the screens over it (help, the note editor, the quit
//! question, the full checks view, the helpdesk jump list). One enum, not a bundle of flags.

use super::note::NoteEditor;

/// What is on screen.
#[derive(Debug, Clone, Default)]
pub enum Screen {
    /// The current step (or the summary).
    #[default]
    Step,
    /// The key help overlay over the screen it was opened on; any key closes it.
    Help(Box<Screen>),
    /// The note editor over the step.
    Note(Box<NoteEditor>),
    /// `q` was pressed once: the session is saved, a second `q` quits.
    ConfirmQuit,
    /// Every check result and the whole verdict, full height (`c` or `Tab`; `Esc` goes back).
    Checks {
        /// First visible line.
        scroll: u16,
    },
    /// Helpdesk: the list of every step with its answer (`g`), this row selected.
    Jump { selected: usize },
}
