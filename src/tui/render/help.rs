//! The help overlay: every key, explained, over the current screen. Any key closes it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::{Ui, centered};
use crate::tui::keys;

pub fn render(f: &mut Frame, ui: &Ui, area: Rect) {
    let theme = ui.app.theme;
    let entries = keys::help_lines(ui.wizard);
    let key_width = entries.iter().map(|h| h.keys.chars().count()).max().unwrap_or(0);
    let mut lines: Vec<Line> = entries
        .into_iter()
        .map(|h| {
            let pad = key_width.saturating_sub(h.keys.chars().count());
            Line::from(vec![
                Span::raw(" "),
                Span::styled(h.keys, theme.key()),
                Span::raw(" ".repeat(pad + 2)),
                Span::raw(h.does),
            ])
        })
        .collect();
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        " Your answers are saved as you go: qbfix --resume continues later.",
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
