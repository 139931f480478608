//! Helpdesk jump list (`g`): every step of the route with its answer so far, numbered by its
//! place on the route (as the header and the reports number it), over the right side of the
//! screen; arrows choose, Enter goes there, Esc closes.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, List, ListItem, ListState};

use super::Ui;
use crate::flow::StepKind;
use crate::text::sanitize;
use crate::wizard::Wizard;

/// One row of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub id: String,
    /// The step's place on the route, as the header and the reports number it.
    pub number: usize,
    pub title: String,
    /// The answer given on it, if any.
    pub answer: Option<String>,
    /// The step on screen now.
    pub current: bool,
}

/// The steps one can jump to, in route order (the summary is not one of them).
pub fn rows(wizard: &Wizard) -> Vec<Row> {
    let current = wizard.current_id();
    let order = wizard.route();
    wizard
        .route()
        .into_iter()
        .filter_map(|id| wizard.flow().step(id))
        .filter(|s| s.kind != StepKind::Summary)
        .map(|s| Row {
            id: s.id.clone(),
            number: order.iter().position(|id| *id == s.id).map_or(0, |i| i + 1),
            title: sanitize::clean(&s.title),
            answer: wizard
                .session()
                .step(&s.id)
                .and_then(|r| r.answer.as_deref())
                .map(sanitize::clean),
            current: s.id == current,
        })
        .collect()
}

/// Draws the list with row `selected` highlighted, over the right part of `area`.
pub fn render(f: &mut Frame, ui: &Ui, area: Rect, selected: usize) {
    let theme = ui.app.theme;
    let width = area.width.clamp(30, 60).min(area.width);
    let [_, side] = Layout::horizontal([Constraint::Min(0), Constraint::Length(width)]).areas(area);
    let items: Vec<ListItem> = rows(ui.wizard)
        .into_iter()
        .map(|row| {
            let mark = if row.current { "● " } else { "  " };
            let mut lines = vec![Line::from(vec![
                Span::raw(mark),
                Span::styled(format!("{}. {}", row.number, row.title), theme.bold()),
            ])];
            let answer = row.answer.unwrap_or_else(|| "(not answered)".to_string());
            lines.push(Line::styled(format!("     {answer}"), theme.dim()));
            ListItem::new(lines)
        })
        .collect();
    let block = Block::bordered()
        .border_style(theme.title())
        .title(Line::styled(" Jump to a step ", theme.title()));
    let list = List::new(items)
        .block(block)
        .highlight_style(theme.selected())
        .highlight_symbol("▶");
    let mut state = ListState::default().with_selected(Some(selected));
    f.render_widget(Clear, side);
    f.render_stateful_widget(list, side, &mut state);
}
