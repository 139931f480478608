//! The help overlay: every key of the screen under it, explained, from that screen's
//! [`keys::table`] (the one that dispatches them); an explanation too long for the popup goes
//! on under its own column. Any key closes it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::{Ui, centered, hanging};

/// The popup's width at most.
const POPUP_WIDTH: u16 = 72;
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
    // The popup's inside: an explanation too long for it goes on under its own column.
    let inner = area.width.min(POPUP_WIDTH).saturating_sub(2);
    let mut rows: Vec<Vec<Line<'static>>> = entries
        .into_iter()
        .map(|h| {
            let pad = key_width.saturating_sub(h.help_keys.chars().count());
            let line = Line::from(vec![
                Span::raw(" "),
                Span::styled(h.help_keys, theme.key()),
                Span::raw(" ".repeat(pad + 2)),
                Span::raw(h.help),
            ]);
            hanging::hanging(line, 1 + key_width + 2, inner)
        })
        .collect();
    // Ctrl-C comes first in the table (it works everywhere); in the help it reads best last.
    rows.rotate_left(1);
    let mut lines: Vec<Line<'static>> = rows.into_iter().flatten().collect();
    lines.push(Line::raw(""));
    lines.extend(hanging::hanging(
        Line::styled(
            " Answers are saved as you go: start qbfix again and choose Continue.",
            theme.dim(),
        ),
        1,
        inner,
    ));
    let height = u16::try_from(lines.len()).unwrap_or(u16::MAX).saturating_add(2);
    let popup = centered(area, POPUP_WIDTH, height);
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
