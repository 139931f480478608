//! The note editor: a text area over the step. Enter saves the note to the step, Esc cancels,
//! Alt-Enter (or Ctrl-J) starts a new line.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear};
use ratatui_textarea::TextArea;

use super::{Ui, centered};

pub fn render(f: &mut Frame, ui: &Ui, editor: &TextArea<'static>, area: Rect) {
    let theme = ui.app.theme;
    let popup = centered(area, 70, 8);
    let title = format!(" Note for: {} ", ui.wizard.view().step.title);
    let block = Block::bordered()
        .border_style(theme.title())
        .title(Line::styled(title, theme.title()));
    let inner = block.inner(popup);
    f.render_widget(Clear, popup);
    f.render_widget(block, popup);
    f.render_widget(editor, inner);
}
