//! What the height of the text on screen depends on ([`TextShape`]): the event loop lays the
//! text out again (to know how far it scrolls) only when this changes.

use ratatui::layout::Rect;

use super::app::App;
use super::screen::Screen;
use crate::driver::Driver;

/// What the height of the text on screen depends on: while this stays the same (moving the
/// selection, say), the text need not be laid out again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct TextShape {
    area: Rect,
    step: String,
    history: usize,
    checks_view: bool,
    answers: usize,
    results: usize,
    pending: usize,
    verdict: Option<String>,
    note: Option<usize>,
    /// The summary: closing notes, what `r` found there, and a refusal's hint.
    closing_notes: usize,
    again: Option<(usize, bool)>,
    hint: bool,
    /// The summary's lines about the saved reports (`o` adds one) and what `w` found.
    report_lines: usize,
    watch: Option<String>,
    /// The footer's status: a long one takes rows from the text.
    status: Option<usize>,
}

impl TextShape {
    pub(super) fn of(app: &App, driver: &Driver, area: Rect) -> TextShape {
        let wizard = &driver.wizard;
        TextShape {
            area,
            step: wizard.current_id().to_string(),
            history: wizard.session().history.len(),
            checks_view: matches!(app.base(), Screen::Checks { .. }),
            answers: wizard.view().answers.len(),
            results: wizard.session().checks.len(),
            pending: wizard.pending().len(),
            verdict: wizard.verdict().map(|v| format!("{:?}", v.id)),
            note: wizard.view().note.map(str::len),
            closing_notes: wizard.session().closing_notes.len(),
            again: wizard.again().map(|a| (a.results.len(), a.finished_at.is_some())),
            hint: wizard.hint().is_some(),
            report_lines: app.report_lines.len(),
            watch: app.watch.as_ref().map(super::watching::Watch::words),
            status: app.status.as_ref().map(String::len),
        }
    }
}
