//! The checks panel: a spinner while checks run (naming those still running after 1.5 s), one
//! line per result (✓ ! ✗, its plain summary, how long it took), then the verdict in plain words.
//! A step without checks of its own shows the whole run, so the panel is never empty.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Padding, Paragraph, Wrap};

use super::{Ui, wrap};
use crate::checks::{self, CheckResult, Status};

/// Spinner frames (braille dots).
const SPINNER: &[&str] = &["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

/// The results this panel lists: the step's own, or all of them when the step has none; in
/// registry order, so they do not move about as checks finish.
fn results<'a>(ui: &Ui<'a>) -> Vec<&'a CheckResult> {
    let view = ui.wizard.view();
    let mut shown = if view.results.is_empty() && view.pending.is_empty() {
        ui.wizard.session().checks.iter().collect()
    } else {
        view.results
    };
    shown.sort_by_key(|r| registry_order(&r.id));
    shown
}

/// Where a check id stands in the registry (unknown ids last).
pub fn registry_order(id: &str) -> usize {
    checks::REGISTRY
        .iter()
        .position(|c| c.id == id)
        .unwrap_or(usize::MAX)
}

/// Human labels of the checks still running.
fn waiting_on(ui: &Ui) -> String {
    let labels: Vec<&str> = ui
        .wizard
        .pending()
        .iter()
        .map(|id| checks::find(id).map_or(id.as_str(), |c| c.label))
        .collect();
    labels.join(", ")
}

/// One result as a line: symbol, summary, and the duration unless the summary names a time.
pub fn result_line<'a>(ui: &Ui, r: &'a CheckResult) -> Line<'a> {
    let theme = ui.app.theme;
    let mut spans = vec![
        Span::styled(r.status.symbol(), theme.status(r.status)),
        Span::raw(" "),
        Span::raw(r.summary.as_str()),
    ];
    if !names_a_time(&r.summary) {
        spans.push(Span::styled(format!(" · {} ms", r.duration_ms), theme.dim()));
    }
    Line::from(spans)
}

/// One result wrapped into `width` columns, its later rows under the summary's text.
pub fn result_lines(ui: &Ui, r: &CheckResult, width: u16) -> Vec<Line<'static>> {
    let indent = Span::raw(r.status.symbol()).width() + 1;
    wrap::hanging(result_line(ui, r), indent, width)
}

/// "… answered in 41 ms" already says how long it took.
fn names_a_time(summary: &str) -> bool {
    summary
        .split_whitespace()
        .collect::<Vec<_>>()
        .windows(2)
        .any(|w| {
            w[0].chars().any(|c| c.is_ascii_digit())
                && matches!(w[1].trim_end_matches([',', '.', ';', ')']), "ms" | "s")
        })
}

/// The panel's lines.
fn lines<'a>(ui: &Ui<'a>) -> Vec<Line<'a>> {
    let theme = ui.app.theme;
    let mut lines = Vec::new();
    let running = !ui.wizard.pending().is_empty();
    if running {
        let frame = SPINNER[ui.app.spinner % SPINNER.len()];
        lines.push(Line::from(vec![
            Span::styled(frame, theme.key()),
            Span::raw(" Checking your connection…"),
        ]));
        if ui.app.waiting_long() {
            lines.push(Line::styled(
                format!("Still waiting on: {}", waiting_on(ui)),
                theme.dim(),
            ));
        }
    }
    let shown = results(ui);
    for r in &shown {
        lines.push(result_line(ui, r));
    }
    if !running && shown.is_empty() {
        lines.push(Line::styled("No check results for this step.", theme.dim()));
    }
    if let Some(verdict) = ui.wizard.verdict() {
        lines.push(Line::raw(""));
        lines.push(Line::from(vec![
            Span::styled("→ ", theme.key()),
            Span::styled(verdict.title.as_str(), theme.bold()),
        ]));
        lines.push(Line::raw(verdict.advice.as_str()));
    }
    lines
}

pub fn render(f: &mut Frame, ui: &Ui, area: Rect) {
    let theme = ui.app.theme;
    let block = Block::bordered()
        .padding(Padding::horizontal(1))
        .border_style(theme.border())
        .title(Line::from(vec![
            Span::raw(" "),
            Span::styled("Checks", theme.title()),
            Span::raw(" "),
        ]));
    f.render_widget(
        Paragraph::new(lines(ui)).wrap(Wrap { trim: false }).block(block),
        area,
    );
}

/// A one-line status for when the panel does not fit: "Checks: 2 ✓ 1 !".
pub fn compact<'a>(ui: &Ui<'a>) -> Line<'a> {
    let theme = ui.app.theme;
    if !ui.wizard.pending().is_empty() {
        let frame = SPINNER[ui.app.spinner % SPINNER.len()];
        return Line::from(vec![
            Span::raw(" "),
            Span::styled(frame, theme.key()),
            Span::raw(" checking… "),
        ]);
    }
    let shown = results(ui);
    let mut spans = vec![Span::raw(" Checks:")];
    for status in [Status::Pass, Status::Warn, Status::Fail] {
        let n = shown
            .iter()
            .filter(|r| r.status.symbol() == status.symbol())
            .count();
        if n > 0 {
            spans.push(Span::raw(format!(" {n}")));
            spans.push(Span::styled(status.symbol(), theme.status(status)));
        }
    }
    spans.push(Span::raw(" "));
    Line::from(spans)
}
