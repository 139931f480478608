//! The two text fields, both edited by a ratatui-textarea `TextArea` the app keeps. The note
//! editor: a text area over the step; Enter saves the note to the step, Esc cancels, Alt-Enter
//! (or Ctrl-J) starts a new line. The bank address field: while the step asks for the bank's
//! web address (bank downloads fail and no address is known), the step shows the question and
//! a one-line field in place of its answers, the wizard's hint above them for an address it
//! could not use; drawn here as a line with its cursor. Enter tests the address, Esc (or an
//! empty Enter) skips.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear};
use ratatui_textarea::TextArea;

use super::{Ui, centered, hanging};
use crate::tui::app::BANK_PLACEHOLDER;

/// Draws the note editor over the middle of `area`.
pub fn render(f: &mut Frame, ui: &Ui, editor: &TextArea<'static>, area: Rect) {
    let theme = ui.app.theme;
    let popup = centered(area, 70, 8);
    let title = if ui.wizard.at_summary() {
        " Closing note (added to the finished session, with its time) ".to_string()
    } else {
        format!(" Note for: {} ", ui.wizard.view().step.title)
    };
    let block = Block::bordered()
        .border_style(theme.title())
        .title(Line::styled(title, theme.title()));
    let inner = block.inner(popup);
    f.render_widget(Clear, popup);
    f.render_widget(block, popup);
    f.render_widget(editor, inner);
}

/// Starts the field's line.
const MARK: &str = "› ";

/// The question and the field, wrapped into `width` columns.
pub fn bank_lines(ui: &Ui, question: &str, width: u16) -> Vec<Line<'static>> {
    let theme = ui.app.theme;
    let mut lines = hanging::item(Line::styled(question.to_string(), theme.bold()), width);
    let field = &ui.app.bank_field;
    let text = field.lines().first().map_or("", String::as_str);
    let at = field.cursor().1;
    let split = text.char_indices().nth(at).map_or(text.len(), |(i, _)| i);
    let (before, rest) = text.split_at(split);
    let mut under = rest.chars();
    let cursor = under.next().map_or(" ".to_string(), String::from);
    let mut spans = vec![
        Span::styled(MARK, theme.key()),
        Span::raw(before.to_string()),
        Span::styled(cursor, theme.selected()),
        Span::raw(under.as_str().to_string()),
    ];
    if text.is_empty() {
        spans.push(Span::styled(BANK_PLACEHOLDER, theme.dim()));
    }
    lines.extend(hanging::hanging(Line::from(spans), MARK.chars().count(), width));
    lines
}
