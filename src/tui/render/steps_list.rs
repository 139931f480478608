//! Helpdesk at 120 columns or more: the side list of every step with its answer, numbered as
//! the header and the reports number them (their place on the route), the step on screen
//! marked. The rows are the jump list's ([`super::jump::rows`]); `g` still jumps. On a short
//! screen the list scrolls to keep the current step in view.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Ui, hanging, jump};

/// From this width on, a call keeps the list on screen.
pub const MIN_WIDTH: u16 = 120;

/// Columns the list takes in a body `width` wide (a little more on wide screens).
pub fn width(width: u16) -> u16 {
    (28 + width.saturating_sub(MIN_WIDTH) / 4).min(40)
}

/// Whether the list is shown in a body `width` wide.
pub fn shown(ui: &Ui, width: u16) -> bool {
    ui.wizard.session().case_code.is_some() && width >= MIN_WIDTH && !ui.wizard.at_summary()
}

pub fn render(f: &mut Frame, ui: &Ui, area: Rect) {
    let theme = ui.app.theme;
    let block = super::panel(theme, "Steps");
    let inner = block.inner(area).width;
    let mut lines = Vec::new();
    // The first row of the step on screen, to keep it in view on a short screen.
    let mut current = 0;
    for row in jump::rows(ui.wizard) {
        if row.current {
            current = lines.len();
        }
        let (mark, style) = if row.current {
            ("● ", theme.selected())
        } else {
            ("  ", theme.bold())
        };
        let title = Line::from(vec![
            Span::raw(mark),
            Span::styled(format!("{}. {}", row.number, row.title), style),
        ]);
        let indent = 2 + row.number.to_string().len() + 2;
        lines.extend(hanging::hanging(title, indent, inner));
        if let Some(answer) = row.answer {
            let answer = Line::styled(format!("{}{answer}", " ".repeat(indent)), theme.dim());
            lines.extend(hanging::hanging(answer, indent, inner));
        }
    }
    let rows = usize::from(block.inner(area).height);
    // Scrolled only when the list is taller than the panel: the current step stays in view.
    let top = current
        .saturating_sub(rows / 2)
        .min(lines.len().saturating_sub(rows));
    let top = u16::try_from(top).unwrap_or(0);
    f.render_widget(Paragraph::new(lines).block(block).scroll((top, 0)), area);
}
