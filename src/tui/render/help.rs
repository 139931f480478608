//! The help overlay: every key of the screen under it, explained, from that screen's
//! [`keys::table`] (the one that dispatches them). Any key closes it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::{Ui, centered};
use crate::tui::keys;

/// Draws the help over `area`; `frame`: the size the key table is read for.
pub fn render(f: &mut Frame, ui: &Ui, area: Rect, frame: Rect) {
    let theme = ui.app.theme;
    let entries = keys::table(ui.app.base(), &crate::tui::context::facts(ui, frame));
    let key_width = entries
        .iter()
        .map(|h| h.help_keys.chars().count())
        .max()
        .unwrap_or(0);
    let mut lines: Vec<Line> = entries
        .into_iter()
        .map(|h| {
            let pad = key_width.saturating_sub(h.help_keys.chars().count());
            Line::from(vec![
                Span::raw(" "),
                Span::styled(h.help_keys, theme.key()),
                Span::raw(" ".repeat(pad + 2)),
                Span::raw(h.help),
            ])
        })
        .collect();
    // Ctrl-C comes first in the table (it works everywhere); in the help it reads best last.
    lines.rotate_left(1);
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        " Answers are saved as you go: start qbfix again and choose Continue.",
        theme.dim(),
    ));
    let height = u16::try_from(lines.len()).unwrap_or(u16::MAX).saturating_add(2);
    let popup = centered(area, 72, height);
    let block = Block::bordered()
        .border_style(theme.title())
        .title(Line::styled(" Keys ", theme.title()))
        .title_bottom(Line::styled(" any key closes ", theme.dim()).right_aligned());
    f.render_widget(Clear, popup);
    f.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: false }).block(block),
        popup,
    );
}
