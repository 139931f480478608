//! The summary's first screen, which fits 80×24 without scrolling, in this order: the outcome
//! (and the case code in a call), the verdict's title, the result code, where the HTML and JSON
//! reports were saved (`o` opens the HTML), and the next steps for this verdict, its actions. At
//! an outage: nothing to change on this computer, the incident's latest update, and `w`, which
//! waits here and rings when QuickBooks answers again.

use ratatui::text::{Line, Span};

use super::super::{Ui, hanging};
use crate::report::{Document, SectionKind, next};
use crate::session::Outcome;

/// What `w` does, before it is pressed.
const PRESS_W: &str =
    "wait here: qbfix checks every 30 seconds and rings when QuickBooks answers again, as qbfix watch does.";

/// Appends the first screen's lines, wrapped into `width`.
pub fn lines(ui: &Ui<'_>, doc: &Document, width: u16, lines: &mut Vec<Line<'static>>) {
    let theme = ui.app.theme;
    let mut add = |line: Line<'_>| lines.extend(hanging::item(line, width));
    let labelled = |label: &str, text: &str, style| {
        Line::from(vec![
            Span::styled(format!("{label}: "), theme.bold()),
            Span::styled(text.to_string(), style),
        ])
    };
    let plain = ratatui::style::Style::default();
    for item in doc.items(SectionKind::Overview) {
        let style = match (item.label.as_str(), doc.outcome) {
            ("Outcome", Outcome::Resolved) => theme.status(crate::evidence::Status::Pass).patch(theme.bold()),
            ("Outcome", _) => theme.notice(),
            _ => plain,
        };
        if matches!(item.label.as_str(), "Outcome" | "Case code" | "Imported") {
            add(labelled(&item.label, &item.text, style));
        }
    }
    match doc.verdict() {
        Some((title, _)) => add(labelled("The checks found", title, plain)),
        None => add(Line::styled("The checks have not finished.", theme.dim())),
    }
    for item in doc.items(SectionKind::Overview) {
        if item.label == "Result code" {
            add(labelled(&item.label, &item.text, plain));
        }
    }
    if !ui.app.report_lines.is_empty() {
        add(Line::raw(""));
        for text in &ui.app.report_lines {
            add(report_line(ui, text));
        }
    }
    next_steps(ui, doc, &mut add);
}

/// A line about the saved reports, its key (`o`) in the key colour.
fn report_line(ui: &Ui<'_>, text: &str) -> Line<'static> {
    match text.split_once("press o ") {
        Some((before, after)) => Line::from(vec![
            Span::raw(format!("{before}press ")),
            Span::styled("o", ui.app.theme.key()),
            Span::raw(format!(" {after}")),
        ]),
        None => Line::raw(text.to_string()),
    }
}

/// "What to do now", as the report's next steps decide it (`report::next`): at an outage first
/// that nothing on this computer needs changing and what Intuit last said; a fix already tried,
/// then who can help, or the verdict's actions; then `w` (or what waiting has found) where the
/// report names `qbfix watch`, and how to reach support safely.
fn next_steps(ui: &Ui<'_>, doc: &Document, add: &mut impl FnMut(Line<'_>)) {
    let theme = ui.app.theme;
    let next = &doc.next;
    if next.steps.is_empty() && next.tried.is_none() && !next.nothing_to_change {
        return;
    }
    add(Line::raw(""));
    add(Line::styled("What to do now", theme.title()));
    if next.nothing_to_change {
        add(Line::styled(next::NOTHING_TO_CHANGE, theme.bold()));
    }
    if let Some(incident) = &next.incident {
        add(Line::raw(incident.clone()));
    }
    for step in next.tried.iter().chain(&next.steps) {
        add(Line::raw(format!("• {step}")));
    }
    if next.wait {
        add(match &ui.app.watch {
            None => Line::from(vec![
                Span::raw("Press "),
                Span::styled("w", theme.key()),
                Span::raw(format!(" to {PRESS_W}")),
            ]),
            Some(watch) => Line::styled(watch.words(), theme.notice()),
        });
    }
    if next.support_safely {
        add(Line::raw(format!("• {}", next::SUPPORT_SAFELY)));
    }
}
