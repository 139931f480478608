//! The summary: the outcome in words, what was tried (each step's answer and note), the
//! verdict and its advice, the check results, the prevention tips that apply, and how to print
//! the report. One scrollable page, full width.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Block;

use super::{Ui, checks, wrap, wrapped_height};
use crate::flow::StepKind;
use crate::sanitize;
use crate::session::Outcome;

fn heading<'a>(ui: &Ui, text: &'a str) -> [Line<'a>; 2] {
    [Line::raw(""), Line::styled(text, ui.app.theme.title())]
}

/// Lines of the summary, wrapped into `width` columns (bullets hang under their text).
fn lines(ui: &Ui<'_>, width: u16) -> Vec<Line<'static>> {
    let theme = ui.app.theme;
    let session = ui.wizard.session();
    let flow = ui.wizard.flow();
    let mut lines = Vec::new();
    let add = |lines: &mut Vec<Line<'static>>, line: Line<'_>| lines.extend(wrap::item(line, width));

    let outcome_style = match session.outcome {
        Outcome::Resolved => theme.status(crate::checks::Status::Pass).patch(theme.bold()),
        _ => theme.notice(),
    };
    add(
        &mut lines,
        Line::from(vec![
            Span::styled("Outcome: ", theme.bold()),
            Span::styled(session.outcome.describe(), outcome_style),
        ]),
    );
    if let Some(step) = session.resolved_by.as_deref().and_then(|id| flow.step(id)) {
        add(&mut lines, Line::raw(format!("Fixed by: {}", step.title)));
    }
    add(
        &mut lines,
        Line::from(vec![
            Span::raw("This session is saved. For support or a ticket, run "),
            Span::styled("qbfix report", theme.key()),
            Span::raw(" after quitting."),
        ]),
    );

    lines.extend(heading(ui, "What was tried"));
    for record in &session.steps {
        if flow.step(&record.id).is_some_and(|s| s.kind == StepKind::Summary) {
            continue;
        }
        let answer = record.answer.as_deref().unwrap_or("(no answer)");
        add(
            &mut lines,
            Line::from(vec![
                Span::raw("• "),
                Span::styled(record.title.as_str(), theme.bold()),
                Span::raw(" — "),
                Span::raw(answer),
            ]),
        );
        if let Some(note) = &record.note {
            let note = sanitize::clean_multiline(note).replace('\n', " / ");
            let line = Line::styled(format!("{NOTE_LABEL}{note}"), theme.dim());
            lines.extend(wrap::hanging(line, NOTE_LABEL.len(), width));
        }
    }

    lines.extend(heading(ui, "What the checks found"));
    match ui.wizard.verdict() {
        Some(verdict) => {
            add(&mut lines, Line::styled(verdict.title.as_str(), theme.bold()));
            add(&mut lines, Line::raw(verdict.advice.as_str()));
        }
        None => add(
            &mut lines,
            Line::styled("The checks have not finished.", theme.dim()),
        ),
    }
    let mut results: Vec<_> = session.checks.iter().collect();
    results.sort_by_key(|r| checks::registry_order(&r.id));
    for r in results {
        lines.extend(checks::result_lines(ui, r, width));
    }

    let tips = ui.wizard.tips();
    if !tips.is_empty() {
        lines.extend(heading(ui, "To prevent it next time"));
        for tip in tips {
            add(&mut lines, Line::raw(format!("• {tip}")));
        }
    }

    lines.extend(heading(ui, "The report"));
    for text in flow.summary().text.lines() {
        add(&mut lines, Line::raw(text));
    }
    if !ui.app.report_lines.is_empty() {
        add(&mut lines, Line::raw(""));
        for text in &ui.app.report_lines {
            add(&mut lines, Line::raw(text.clone()));
        }
    }
    lines
}

/// Starts a step's note; its later rows line up after it.
const NOTE_LABEL: &str = "    Note: ";

fn block(ui: &Ui) -> Block<'static> {
    super::panel(ui.app.theme, "Summary")
}

/// How far the summary can scroll in `area`.
pub fn max_scroll(ui: &Ui, area: Rect) -> u16 {
    let inner = block(ui).inner(area);
    wrapped_height(&lines(ui, inner.width), inner.width).saturating_sub(inner.height)
}

pub fn render(f: &mut Frame, ui: &Ui, area: Rect) {
    let max = max_scroll(ui, area);
    let scroll = ui.app.scroll.min(max);
    let block = block(ui);
    let width = block.inner(area).width;
    super::scrolled(f, ui, area, block, lines(ui, width), scroll, max);
}
