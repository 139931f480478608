//! The footer: the keys that work on this screen (from [`keys::hints`]), or, after one `q`, the
//! status line that says the session is saved and how to quit or resume.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Ui;
use crate::tui::app::Screen;
use crate::tui::keys;

/// Shown after the first `q`.
pub const CONFIRM_QUIT: &str = "Session saved — press q again to quit, resume with qbfix --resume";

/// Draws the footer; `panel_hidden`: the step is drawn without its checks panel.
pub fn render(f: &mut Frame, ui: &Ui, area: Rect, panel_hidden: bool) {
    let theme = ui.app.theme;
    if matches!(ui.app.screen, Screen::ConfirmQuit) {
        let line = Line::from(vec![Span::raw(" "), Span::styled(CONFIRM_QUIT, theme.notice())]);
        f.render_widget(Paragraph::new(line), area);
        return;
    }
    let mut spans = vec![Span::raw(" ")];
    let hints = keys::fitting(
        keys::hints(ui.app, ui.wizard, panel_hidden),
        usize::from(area.width.saturating_sub(2)),
    );
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
