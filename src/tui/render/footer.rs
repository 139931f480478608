//! The footer: the keys that work on this screen (from the screen's [`keys::table`], the same
//! table that dispatches them), after a one-line status when there is one ("copied"; after
//! one `q`: the session is saved).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Ui;
use crate::tui::context;
use crate::tui::keys;
use crate::tui::screen::Screen;

/// Shown after the first `q`, before the keys that quit or go on.
pub const CONFIRM_QUIT: &str = "Session saved: start qbfix again and choose Continue";

/// Draws the footer of a frame of `frame` size.
pub fn render(f: &mut Frame, ui: &Ui, area: Rect, frame: Rect) {
    let theme = ui.app.theme;
    let mut spans = vec![Span::raw(" ")];
    let mut width = usize::from(area.width.saturating_sub(2));
    let status = match ui.app.screen {
        Screen::ConfirmQuit => Some(CONFIRM_QUIT),
        _ => ui.app.status.as_deref(),
    };
    if let Some(status) = status {
        width = width.saturating_sub(status.chars().count() + 3);
        spans.push(Span::styled(status.to_string(), theme.notice()));
        spans.push(Span::styled(" · ", theme.dim()));
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
    f.render_widget(Paragraph::new(Line::from(spans)), area);
}
