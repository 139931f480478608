//! The two text fields, both edited by a ratatui-textarea `TextArea` the app keeps. The note
//! editor: a popup over the step, its rows laid out around the cursor by
//! [`crate::tui::note`] (only those are wrapped, however long the note); Enter saves the note
//! to the step, Esc cancels, Alt-Enter (or Ctrl-J) starts a new line. The bank address field: while the step asks for the bank's
//! web address (bank downloads fail and no address is known), the step shows the question and
//! a one-line field in place of its answers, the wizard's hint above them for an address it
//! could not use; drawn here as a line with its cursor. Enter tests the address, Esc (or an
//! empty Enter) skips; the step then shows the test running and its result line.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::{Ui, centered, hanging};
use crate::tui::app::BANK_PLACEHOLDER;
use crate::tui::note::NoteEditor;

/// What the empty note editor shows.
pub const NOTE_PLACEHOLDER: &str = "What did you try or see? (e.g. \"works in a private window\")";

/// Draws the note editor over the middle of `area`.
pub fn render(f: &mut Frame, ui: &Ui, editor: &NoteEditor, area: Rect) {
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
    f.render_widget(Paragraph::new(note_lines(ui, editor, inner)), inner);
}

/// The editor's rows in `inner`: one column is kept for the cursor after a row's text.
fn note_lines(ui: &Ui, editor: &NoteEditor, inner: Rect) -> Vec<Line<'static>> {
    let theme = ui.app.theme;
    let cursor = Style::new().add_modifier(Modifier::REVERSED);
    if editor.is_empty() {
        return vec![Line::from(vec![
            Span::styled(" ", cursor),
            Span::styled(NOTE_PLACEHOLDER, theme.dim()),
        ])];
    }
    let layout = editor.layout(inner.width.saturating_sub(1).max(1), inner.height);
    let lines = editor.lines();
    let selection = editor.selection_range().map(|((r1, c1), (r2, c2))| {
        let byte = |row: usize, col: usize| {
            let line = &lines[row];
            (row, line.char_indices().nth(col).map_or(line.len(), |(i, _)| i))
        };
        (byte(r1, c1), byte(r2, c2))
    });
    layout
        .rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let text = &lines[row.line][row.start..row.end];
            let at = (i == layout.cursor_row).then_some(layout.cursor_byte);
            let mut spans: Vec<(String, Style)> = Vec::new();
            let mut push = |c: char, style: Style| match spans.last_mut() {
                Some((s, st)) if *st == style => s.push(c),
                _ => spans.push((c.to_string(), style)),
            };
            for (j, c) in text.char_indices() {
                let byte = row.start + j;
                let c = if c == '\t' { ' ' } else { c };
                let selected =
                    selection.is_some_and(|(from, to)| (row.line, byte) >= from && (row.line, byte) < to);
                let style = match (at == Some(byte), selected) {
                    (true, _) => cursor,
                    (false, true) => theme.selected(),
                    (false, false) => Style::new(),
                };
                push(c, style);
            }
            if at == Some(row.end) {
                push(' ', cursor);
            }
            Line::from(
                spans
                    .into_iter()
                    .map(|(text, style)| Span::styled(text, style))
                    .collect::<Vec<_>>(),
            )
        })
        .collect()
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
