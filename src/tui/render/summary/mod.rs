//! The summary: drawn from the one report [`Document`]. Its first screen (80×24, no
//! scrolling, [`first`]) says what a person needs: the outcome, the verdict's title, the result
//! code, where the reports were saved and the next steps; then what was tried (skipped steps are
//! not), notes, the verdict's advice, the check results, the status page's incidents and the
//! prevention tips. One scrollable page, full width.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Block;

mod first;

pub use crate::report::next::offers_wait;

use super::{Ui, hanging, wrapped_height};
use crate::report::{self, Document, Mark, SectionKind};

pub(super) fn heading<'a>(ui: &Ui, text: &'a str) -> [Line<'a>; 2] {
    [Line::raw(""), Line::styled(text, ui.app.theme.title())]
}

/// Lines of the summary, wrapped into `width` columns (bullets hang under their text).
fn lines(ui: &Ui<'_>, width: u16) -> Vec<Line<'static>> {
    let theme = ui.app.theme;
    let flow = ui.wizard.flow();
    let doc: Document = report::document(ui.wizard.session(), Some(flow));
    let mut lines = Vec::new();
    let add = |lines: &mut Vec<Line<'static>>, line: Line<'_>| lines.extend(hanging::item(line, width));
    let first_screen = first::lines;
    if let Some(hint) = ui.wizard.hint() {
        add(&mut lines, Line::styled(hint.to_string(), theme.notice()));
    }
    if ui.wizard.finishing() {
        add(
            &mut lines,
            Line::styled(
                "Finishing the checks… (their results belong to this record)",
                theme.dim(),
            ),
        );
    }

    first_screen(ui, &doc, width, &mut lines);
    checked_again(ui, width, &mut lines);

    lines.extend(heading(ui, "What was tried"));
    let tried: Vec<_> = doc.tried().collect();
    if tried.is_empty() {
        add(&mut lines, Line::styled("Nothing yet.", theme.dim()));
    }
    for item in tried {
        add(
            &mut lines,
            Line::from(vec![
                Span::raw("• "),
                Span::styled(item.label.clone(), theme.bold()),
                Span::raw(" — "),
                Span::raw(item.text.clone()),
            ]),
        );
    }
    let notes = report::summary::notes(&doc);
    if !notes.is_empty() {
        lines.extend(heading(ui, "Notes"));
        for note in notes {
            let line = Line::styled(format!("{NOTE_LABEL}{}: {}", note.label, note.text), theme.dim());
            lines.extend(hanging::hanging(line, NOTE_LABEL.len(), width));
        }
    }

    lines.extend(heading(ui, "What the checks found"));
    match (doc.verdict(), report::summary::advice(&doc)) {
        (Some((title, _)), Some(advice)) => {
            add(&mut lines, Line::styled(title.to_string(), theme.bold()));
            add(&mut lines, Line::raw(advice));
        }
        _ => add(
            &mut lines,
            Line::styled("The checks have not finished.", theme.dim()),
        ),
    }
    for item in doc.items(SectionKind::Checks) {
        lines.extend(check_line(ui, item, width));
    }
    if let Some(section) = doc.section(SectionKind::ThisComputer) {
        lines.extend(heading(ui, section.heading));
        for item in &section.items {
            match item.mark {
                Some(_) => lines.extend(check_line(ui, item, width)),
                None => add(&mut lines, Line::raw(format!("{}: {}", item.label, item.text))),
            }
        }
    }
    for item in doc.items(SectionKind::StatusPage) {
        add(
            &mut lines,
            Line::raw(format!("• Intuit status page: {} — {}", item.label, item.text)),
        );
    }

    let tips = doc.items(SectionKind::Tips);
    if !tips.is_empty() {
        lines.extend(heading(ui, "To prevent it next time"));
        for tip in tips {
            add(&mut lines, Line::raw(format!("• {}", tip.text)));
        }
    }

    lines
}

/// `r` on the summary: what it found, beside the record and saying it is not saved.
fn checked_again(ui: &Ui, width: u16, lines: &mut Vec<Line<'static>>) {
    let Some(again) = ui.wizard.again() else {
        return;
    };
    let theme = ui.app.theme;
    let words = report::checked_again(again, ui.wizard.session().customer.is_some());
    lines.push(Line::raw(""));
    lines.extend(hanging::item(Line::styled(words.headline, theme.bold()), width));
    lines.extend(hanging::item(Line::styled(words.aside, theme.dim()), width));
    for item in words.results {
        lines.extend(check_line(ui, &item, width));
    }
}

/// A check's item as "✓ Name: summary", its later rows under the name.
fn check_line(ui: &Ui, item: &report::Item, width: u16) -> Vec<Line<'static>> {
    let theme = ui.app.theme;
    let (symbol, style) = match item.mark {
        Some(Mark::Check(s)) => (s.symbol(), theme.status(s)),
        _ => ("•", theme.dim()),
    };
    let line = Line::from(vec![
        Span::styled(symbol, style),
        Span::raw(" "),
        Span::styled(format!("{}: ", item.label), theme.bold()),
        Span::raw(item.text.clone()),
    ]);
    hanging::hanging(line, 2, width)
}

/// Starts a note; its later rows line up after it.
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
