//! The summary's first screen, which fits 80×24 without scrolling, in this order: the outcome
//! (and the case code in a call), the verdict's title, the result code, where the HTML and JSON
//! reports were saved (`o` opens the HTML), and the next steps for this verdict, its actions. At
//! an outage: nothing to change on this computer, the incident's latest update, and `w`, which
//! waits here and rings when QuickBooks answers again.

use ratatui::text::{Line, Span};

use super::super::{Ui, hanging};
use crate::evidence::VerdictId;
use crate::report::{Document, SectionKind};
use crate::session::Outcome;

/// Said at an outage, before its next steps.
const NOTHING_TO_CHANGE: &str = "Nothing to change on your computer: the trouble is on QuickBooks' side.";

/// What `w` does, before it is pressed.
const PRESS_W: &str =
    "wait here: qbfix checks every 30 seconds and rings when QuickBooks answers again, as qbfix watch does.";

/// Verdicts whose summary offers `w`: QuickBooks itself is down or slow.
pub fn offers_wait(id: Option<VerdictId>) -> bool {
    matches!(id, Some(VerdictId::ServiceOutage | VerdictId::QuickbooksSlow))
}

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

/// "What to do now": at an outage first that nothing on this computer needs changing and what
/// Intuit last said, then the verdict's actions, then `w` (or what waiting has found).
fn next_steps(ui: &Ui<'_>, doc: &Document, add: &mut impl FnMut(Line<'_>)) {
    let theme = ui.app.theme;
    let actions = ui
        .wizard
        .verdict()
        .map(|v| v.actions.as_slice())
        .unwrap_or_default();
    let outage = offers_wait(doc.verdict_id);
    if actions.is_empty() && !outage {
        return;
    }
    add(Line::raw(""));
    add(Line::styled("What to do now", theme.title()));
    if outage && doc.outcome != Outcome::Resolved {
        add(Line::styled(NOTHING_TO_CHANGE, theme.bold()));
        if let Some(incident) = doc.items(SectionKind::StatusPage).first() {
            add(Line::raw(format!(
                "Intuit says: {} — {}",
                incident.label, incident.text
            )));
        }
    }
    // Local fixes the person already followed are not repeated: that they were tried, then who
    // can help. (An outage's actions are waiting: never "tried".)
    let local_ok = doc.verdict_id == Some(VerdictId::LocalOk);
    let tried = match &doc.advice_tried {
        _ if outage || doc.outcome == Outcome::Resolved => None,
        Some(step) => Some(format!("Already tried, and it still fails: {step}.")),
        None if local_ok && doc.tried().next().is_some() => {
            Some("The browser steps were tried, and it still fails.".to_string())
        }
        None => None,
    };
    match tried {
        Some(tried) => {
            add(Line::raw(format!("• {tried}")));
            let who = crate::evidence::who_can_help(doc.verdict_id);
            add(Line::raw(format!("• {}", who.says)));
        }
        None => {
            for action in actions {
                add(Line::raw(format!("• {}", crate::text::sanitize::clean(action))));
            }
        }
    }
    if outage && doc.outcome != Outcome::Resolved {
        add(match &ui.app.watch {
            None => Line::from(vec![
                Span::raw("Press "),
                Span::styled("w", theme.key()),
                Span::raw(format!(" to {PRESS_W}")),
            ]),
            Some(watch) => Line::styled(watch.words(), theme.notice()),
        });
    }
}
