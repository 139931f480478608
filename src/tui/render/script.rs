//! Helpdesk: the call script in its own panel, in the order a call goes — Say, Ask, Listen for
//! (each thing the customer may answer with the answer key it means: "“It works now” → 1").
//! The script is cut into whole sentences; a page shows as many whole sentences as fit, never
//! part of one, and when some are left over the bottom border says "s more ↓" (`s` pages on,
//! and from the last page back to the top — the key is in the footer).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{Ui, hanging};
use crate::text::sanitize;

/// "Say: " and "Ask: " are this wide; later sentences line up after them.
const LABEL: usize = 5;
/// Listen lines hang after "  “".
const LISTEN_INDENT: usize = 4;

/// Columns inside a panel `width` wide.
fn inner_width(width: u16) -> u16 {
    width.saturating_sub(4)
}

/// The sentences of `text` ("Wait thirty seconds. Plug it back in." → two), each ending with
/// its own punctuation.
pub fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut chars = text.split_whitespace().peekable();
    while let Some(word) = chars.next() {
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(word);
        let ends = word.ends_with(['.', '?', '!']) || word.ends_with(".\"") || word.ends_with("?\"");
        if ends && chars.peek().is_some() {
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// The script's units in call order, each the wrapped rows of one sentence or listen line:
/// a page holds whole units only.
pub fn units(ui: &Ui, width: u16) -> Vec<Vec<Line<'static>>> {
    let theme = ui.app.theme;
    let width = inner_width(width);
    let script = ui.wizard.script();
    let mut units = Vec::new();
    for (label, text) in [("Say: ", script.say.as_deref()), ("Ask: ", script.ask)] {
        let Some(text) = text else { continue };
        for (i, sentence) in sentences(&sanitize::clean(text)).into_iter().enumerate() {
            let lead = if i == 0 { label } else { "     " };
            let line = Line::from(vec![Span::styled(lead, theme.bold()), Span::raw(sentence)]);
            units.push(hanging::hanging(line, LABEL, width));
        }
    }
    let answers = &ui.wizard.view().answers;
    let mut first = true;
    for listen in script.listen.iter() {
        let Some(n) = answers.iter().position(|a| a.id == listen.answer) else {
            continue;
        };
        let hear = sanitize::clean(&listen.hear);
        let hear = if hear.contains('"') {
            hear
        } else {
            format!("“{hear}”")
        };
        let mut rows = Vec::new();
        if first {
            rows.push(Line::styled("Listen for:", theme.bold()));
            first = false;
        }
        let line = Line::from(vec![
            Span::raw("  "),
            Span::raw(hear),
            Span::raw(" → "),
            Span::styled((n + 1).to_string(), theme.key()),
        ]);
        rows.extend(hanging::hanging(line, LISTEN_INDENT, width));
        units.push(rows);
    }
    units
}

/// True when the current step has a script to show (helpdesk mode only).
pub fn has_script(ui: &Ui) -> bool {
    let s = ui.wizard.script();
    ui.wizard.session().case_code.is_some() && (s.say.is_some() || s.ask.is_some() || !s.listen.is_empty())
}

/// Rows of a unit.
fn rows(unit: &[Line<'_>]) -> u16 {
    u16::try_from(unit.len()).unwrap_or(u16::MAX)
}

/// Rows the whole script takes in a panel `width` wide (borders included), and the rows of
/// its tallest unit (borders included): the least a panel may have.
pub fn heights(ui: &Ui, width: u16) -> (u16, u16) {
    let units = units(ui, width);
    let all: u16 = units.iter().map(|u| rows(u)).fold(0, u16::saturating_add);
    let tallest = units.iter().map(|u| rows(u)).max().unwrap_or(0);
    (all.saturating_add(2), tallest.saturating_add(2))
}

/// Where each page starts (a unit index), for a panel of `height` rows (borders included).
pub fn pages(units: &[Vec<Line<'_>>], height: u16) -> Vec<usize> {
    let room = height.saturating_sub(2).max(1);
    let mut starts = vec![0];
    let mut used = 0u16;
    for (i, unit) in units.iter().enumerate() {
        let r = rows(unit);
        if used > 0 && used.saturating_add(r) > room {
            starts.push(i);
            used = 0;
        }
        used = used.saturating_add(r);
    }
    starts
}

/// The number of pages in `area`.
pub fn page_count(ui: &Ui, area: Rect) -> usize {
    pages(&units(ui, area.width), area.height).len()
}

/// Draws page `page` of the script (clamped to the last one).
pub fn render(f: &mut Frame, ui: &Ui, area: Rect, page: usize) {
    let theme = ui.app.theme;
    let units = units(ui, area.width);
    let starts = pages(&units, area.height);
    let page = page.min(starts.len().saturating_sub(1));
    let start = starts.get(page).copied().unwrap_or(0);
    let end = starts.get(page + 1).copied().unwrap_or(units.len());
    let title = if starts.len() > 1 {
        format!("Call script {}/{}", page + 1, starts.len())
    } else {
        "Call script".to_string()
    };
    let mut block = super::panel(ui.app.theme, title);
    let marker = if end < units.len() {
        Some(" s more ↓ ")
    } else if page > 0 {
        Some(" s back to the top ↑ ")
    } else {
        None
    };
    if let Some(marker) = marker {
        block = block.title_bottom(Line::styled(marker, theme.key()).right_aligned());
    }
    let lines: Vec<Line> = units[start.min(units.len())..end.min(units.len())]
        .iter()
        .flatten()
        .cloned()
        .collect();
    f.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: false }).block(block),
        area,
    );
}
