//! The footer: the keys that work on this screen (from the screen's [`keys::table`], the same
//! table that dispatches them), after a status when there is one (after one `q`: the session is
//! saved). A status too long to share the row (where `y` saved the ticket) takes up to three
//! rows of its own above the keys, so a file's path is never cut.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::Ui;
use crate::tui::context;
use crate::tui::keys;
use crate::tui::screen::Screen;

/// Shown after the first `q`, before the keys that quit or go on.
pub const CONFIRM_QUIT: &str = "Session saved: start qbfix again and choose Continue";

/// Room the keys that matter most need beside a status on one row.
const KEYS_ROOM: usize = 24;

/// At most this many rows for a long status (a saved file's path), above the keys.
const STATUS_ROWS: usize = 3;

/// The status line on screen: after one `q`, that the session is saved; else the last message.
fn status<'a>(ui: &Ui<'a>) -> Option<&'a str> {
    match ui.app.screen {
        Screen::ConfirmQuit => Some(CONFIRM_QUIT),
        _ => ui.app.status.as_deref(),
    }
}

/// Rows of a status too long to share a row with the keys, wrapped into `width`; 0 when it
/// shares the row.
fn status_rows(ui: &Ui, width: u16) -> u16 {
    let width = usize::from(width.saturating_sub(2)).max(1);
    match status(ui) {
        Some(s) if s.chars().count() + 3 + KEYS_ROOM > width => {
            let rows = s.chars().count().div_ceil(width).clamp(1, STATUS_ROWS);
            u16::try_from(rows).unwrap_or(1)
        }
        _ => 0,
    }
}

/// Rows the footer takes in `width` columns: one for the keys, and a long status above them.
pub fn height(ui: &Ui, width: u16) -> u16 {
    1 + status_rows(ui, width)
}

/// Draws the footer of a frame of `frame` size.
pub fn render(f: &mut Frame, ui: &Ui, area: Rect, frame: Rect) {
    let theme = ui.app.theme;
    let mut spans = vec![Span::raw(" ")];
    let mut width = usize::from(area.width.saturating_sub(2));
    let above = status_rows(ui, area.width);
    let [top, keys_row] = Layout::vertical([Constraint::Length(above), Constraint::Length(1)]).areas(area);
    match status(ui) {
        Some(status) if above > 0 => f.render_widget(
            Paragraph::new(Line::styled(format!(" {status}"), theme.notice())).wrap(Wrap { trim: false }),
            top,
        ),
        Some(status) => {
            width = width.saturating_sub(status.chars().count() + 3);
            spans.push(Span::styled(status.to_string(), theme.notice()));
            spans.push(Span::styled(" · ", theme.dim()));
        }
        None => {}
    }
    let table = keys::table(&ui.app.screen, &context::facts(ui, frame));
    let hints = keys::fitting(keys::hints(&table), width);
    for (i, hint) in hints.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" · ", theme.dim()));
        }
        spans.push(Span::styled(hint.keys, theme.key()));
        spans.push(Span::raw(" "));
        spans.push(Span::raw(hint.does));
    }
    f.render_widget(Paragraph::new(Line::from(spans)), keys_row);
}
