//! In a call on the customer's results, what `r` found on the agent's own computer: drawn
//! apart under its own title, "This computer (yours)", below the customer's results (which keep
//! their title and their verdict) — in short in the checks panel (its verdict and a tally),
//! with every result in the full checks view.

use ratatui::text::{Line, Span};

use super::{Ui, hanging};
use crate::session::customer::THIS_COMPUTER;

/// The title, whether it still runs and its verdict, wrapped into `width` columns; nothing
/// before the agent's first run.
pub fn heading(ui: &Ui, width: u16) -> Vec<Line<'static>> {
    let theme = ui.app.theme;
    let Some(ours) = ui.wizard.this_computer() else {
        return Vec::new();
    };
    let mut lines = vec![Line::raw(""), Line::styled(THIS_COMPUTER, theme.title())];
    if ours.running {
        lines.push(Line::styled("Checking this computer…", theme.dim()));
    }
    if let Some(v) = ours.verdict {
        let line = Line::from(vec![
            Span::styled("Here: ", theme.bold()),
            Span::raw(v.title.clone()),
        ]);
        lines.extend(hanging::hanging(line, 6, width));
    }
    lines
}

/// The heading and a tally of the results ("5 ✓  1 ✗"), for the panel beside the step.
pub fn short(ui: &Ui, width: u16) -> Vec<Line<'static>> {
    let theme = ui.app.theme;
    let mut lines = heading(ui, width);
    let Some(ours) = ui.wizard.this_computer() else {
        return lines;
    };
    let spans = theme.tally(ours.results);
    if !spans.is_empty() {
        lines.push(Line::from(spans));
    }
    lines
}
