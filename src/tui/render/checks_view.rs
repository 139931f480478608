//! The full checks view (`c` or `Tab`): the whole verdict and advice, then every result of the
//! run with its check's name and summary, full height and scrollable with PgUp/PgDn. For when
//! the panel beside or under the step is too small to say it all, or hidden. In a call, this
//! computer's own results follow, apart.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Block;

use super::{Ui, card, checks, hanging, wrapped_height};
use crate::evidence::CheckResult;

/// Every result of the session, in registry order.
fn all_results<'a>(ui: &Ui<'a>) -> Vec<&'a CheckResult> {
    let mut results: Vec<_> = ui.wizard.session().checks.iter().collect();
    results.sort_by_key(|r| crate::evidence::catalog::order(&r.id));
    results
}

fn label(r: &CheckResult) -> &str {
    crate::evidence::catalog::label(&r.id)
}

/// The view's lines, wrapped into `width` columns.
fn lines(ui: &Ui, width: u16) -> Vec<Line<'static>> {
    let theme = ui.app.theme;
    let mut lines = checks::running_lines(ui, width);
    let verdict = card::verdict_lines(ui, width);
    if !lines.is_empty() && !verdict.is_empty() {
        lines.push(Line::raw(""));
    }
    lines.extend(verdict);
    let results = all_results(ui);
    let mut ours = super::this_computer::heading(ui, width);
    for r in ui.wizard.this_computer().map_or(&[][..], |t| t.results) {
        ours.extend(checks::result_lines(ui, r, width));
    }
    if results.is_empty() {
        if ui.wizard.pending().is_empty() {
            lines.push(Line::styled("No checks have run yet.", theme.dim()));
        }
        lines.extend(ours);
        return lines;
    }
    if !lines.is_empty() {
        lines.push(Line::raw(""));
    }
    lines.push(Line::styled("What was checked", theme.title()));
    // Names in a column, so the summaries line up (and wrap under themselves).
    let name_width = results
        .iter()
        .map(|r| Span::raw(label(r)).width())
        .max()
        .unwrap_or(0);
    let name_width = name_width.min(usize::from(width) / 2);
    for r in results {
        let mut line = checks::result_line(ui, r);
        let name = label(r);
        let pad = name_width.saturating_sub(Span::raw(name).width());
        line.spans.insert(
            1,
            Span::styled(format!(" {name}{}", " ".repeat(pad)), theme.bold()),
        );
        let indent = Span::raw(r.status.symbol()).width() + 1 + name_width + 1;
        lines.extend(hanging::hanging(line, indent, width));
    }
    lines.extend(ours);
    lines
}

fn block(ui: &Ui) -> Block<'static> {
    super::panel(ui.app.theme, "Checks")
}

/// How far the view can scroll in `area`.
pub fn max_scroll(ui: &Ui, area: Rect) -> u16 {
    let inner = block(ui).inner(area);
    wrapped_height(&lines(ui, inner.width), inner.width).saturating_sub(inner.height)
}

pub fn render(f: &mut Frame, ui: &Ui, area: Rect, scroll: u16) {
    let max = max_scroll(ui, area);
    let scroll = scroll.min(max);
    let block = block(ui);
    let width = block.inner(area).width;
    super::scrolled(f, ui, area, block, lines(ui, width), scroll, max);
}
