//! The step: its title, the notice line (marked by its tone: ⚠ a warning, ✓ good news, →
//! start here), the safety line before the instructions it guards, the wrapped text (scrollable
//! with PgUp/PgDn), and below it — visible whenever they fit — the note, the hint, the
//! question and the numbered answers with the selection and the earlier answer marked. When
//! they do not fit, text and answers scroll as one under a "more ↓" marker.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Padding, Paragraph, Wrap};

use super::{Ui, checks, hanging, wrapped_height};
use crate::evidence::Status;
use crate::text::sanitize;
use crate::wizard::{BankTest, INCIDENTS_SHOWN, StepView, Tone, Waiting};

/// The step text above the answers, wrapped into `width` columns (list items hang under their
/// text).
fn text_lines<'a>(ui: &Ui, view: &StepView<'a>, width: u16) -> Vec<Line<'a>> {
    let theme = ui.app.theme;
    let mut lines = Vec::new();
    if let Some(notice) = &view.notice {
        let tone = view.notice_tone.unwrap_or(Tone::Warning);
        let style = match tone {
            Tone::Warning => theme.notice(),
            Tone::Good => theme.status(Status::Pass),
            Tone::Start => theme.bold(),
        };
        lines.push(Line::styled(format!("{} {notice}", tone.mark()), style));
        lines.push(Line::raw(""));
    }
    for incident in view.incidents.iter().take(INCIDENTS_SHOWN) {
        lines.push(Line::styled(
            format!("Intuit reports: {}", sanitize::clean(&incident.name)),
            theme.bold(),
        ));
        if let Some(update) = &incident.update {
            lines.push(Line::raw(format!("Latest update: {}", sanitize::clean(update))));
        }
        lines.push(Line::raw(""));
    }
    if let Some(safety) = view.safety {
        // Before the instructions it guards, so it is on the first screen.
        lines.push(Line::styled(
            format!("{} {safety}", Tone::Warning.mark()),
            theme.notice(),
        ));
        lines.push(Line::raw(""));
    }
    lines.extend(view.text.lines().map(Line::raw));
    hanging::items(lines, width)
}

/// The note, the question and the answers, wrapped into `width` columns.
fn answer_lines<'a>(ui: &Ui, view: &StepView<'a>, width: u16) -> Vec<Line<'a>> {
    let theme = ui.app.theme;
    let mut lines = vec![Line::raw("")];
    if let Some(note) = view.note {
        let (start, cut) = note_start(note);
        let note = sanitize::clean_multiline(start);
        let count = note.lines().count();
        for (i, text) in note.lines().enumerate() {
            let label = if i == 0 { NOTE_LABEL } else { "           " };
            let more = if cut && i + 1 == count { " …" } else { "" };
            let line = Line::from(vec![
                Span::styled(label, theme.bold()),
                Span::styled(format!("{text}{more}"), theme.dim()),
            ]);
            lines.extend(hanging::hanging(line, NOTE_LABEL.len(), width));
        }
        if cut {
            let line = Line::styled(format!("{}{NOTE_CUT}", " ".repeat(NOTE_LABEL.len())), theme.dim());
            lines.extend(hanging::hanging(line, NOTE_LABEL.len(), width));
        }
    }
    if let Some(hint) = view.hint {
        lines.extend(hanging::item(
            Line::styled(hint.to_string(), theme.notice()),
            width,
        ));
    }
    if let Some(question) = ui.wizard.bank_question() {
        lines.extend(super::fields::bank_lines(ui, question, width));
        return lines;
    }
    match ui.wizard.bank_test() {
        Some(BankTest::Testing) => lines.push(Line::styled("Testing your bank's website…", theme.dim())),
        Some(BankTest::Done(r)) => lines.extend(hanging::hanging(
            Line::styled(
                format!("{} {}", r.status.symbol(), sanitize::clean(&r.summary)),
                theme.status(r.status),
            ),
            2,
            width,
        )),
        None => {}
    }
    match view.waiting {
        Some(Waiting::Verdict) => lines.push(Line::styled("Waiting for the checks to finish…", theme.dim())),
        Some(Waiting::Recheck) => lines.push(Line::styled(
            "Running the network checks again to see it working…",
            theme.dim(),
        )),
        Some(Waiting::Confirm) | None => {}
    }
    if let Some(question) = view.question {
        let style = if view.confirming {
            theme.notice()
        } else {
            theme.bold()
        };
        lines.extend(hanging::item(Line::styled(question, style), width));
    }
    for (i, answer) in view.answers.iter().enumerate() {
        let selected = i == view.cursor;
        let marker = if selected { "▶ " } else { "  " };
        let mut spans = vec![Span::raw(marker)];
        let label = format!("{}  {}", i + 1, answer.label);
        spans.push(if selected {
            Span::styled(label, theme.selected())
        } else {
            Span::raw(label)
        });
        if view.answered == Some(answer.label.as_str()) {
            // The long mark only where it fits on the answer's line.
            let used = Line::from(spans.clone()).width();
            let mark = if used + 15 <= usize::from(width) {
                "  ✓ your answer"
            } else {
                " ✓"
            };
            spans.push(Span::styled(mark, theme.dim()));
        }
        // Continuation rows start under the answer's text, after "▶ 1  ".
        lines.extend(hanging::hanging(Line::from(spans), 5, width));
    }
    lines
}

/// Starts the first row of the note; later rows line up after it.
const NOTE_LABEL: &str = "Your note: ";

/// The step shows a note's first lines, up to this many characters (the note editor shows
/// all of it): a long note costs a frame no more than a short one.
pub const NOTE_SHOWN_CHARS: usize = 480;
/// And at most this many of its lines.
pub const NOTE_SHOWN_LINES: usize = 4;
/// Said under a note shown in part.
pub const NOTE_CUT: &str = "(n shows the whole note)";

/// The part of `note` the step shows, and whether that is not all of it.
fn note_start(note: &str) -> (&str, bool) {
    let mut end = note.len();
    if let Some((i, _)) = note.match_indices('\n').nth(NOTE_SHOWN_LINES - 1) {
        end = i;
    }
    if let Some((i, _)) = note[..end].char_indices().nth(NOTE_SHOWN_CHARS) {
        end = i;
    }
    (&note[..end], end < note.trim_end().len())
}

fn frame_block() -> Block<'static> {
    Block::bordered().padding(Padding::horizontal(1))
}

struct StepLayout<'a> {
    text_area: Rect,
    /// The row between the text and the answers saying there is more, when the text is cut.
    more_area: Option<Rect>,
    answers_area: Rect,
    text: Vec<Line<'a>>,
    answers: Vec<Line<'a>>,
    text_rows: u16,
}

fn layout<'a>(ui: &Ui<'a>, area: Rect) -> StepLayout<'a> {
    let view = ui.wizard.view();
    let block_inner = frame_block().inner(area);
    let text = text_lines(ui, &view, block_inner.width);
    let answers = answer_lines(ui, &view, block_inner.width);
    let answers_rows = wrapped_height(&answers, block_inner.width);
    if answers_rows.saturating_add(1) > block_inner.height {
        // Too short to keep the answers in view: text and answers scroll as one, with the
        // "more ↓" marker, rather than answers cut off unseen.
        let mut all = text;
        all.extend(answers);
        let text_rows = wrapped_height(&all, block_inner.width);
        return StepLayout {
            text_area: block_inner,
            more_area: None,
            answers_area: Rect::new(block_inner.x, block_inner.bottom(), block_inner.width, 0),
            text: all,
            answers: Vec::new(),
            text_rows,
        };
    }
    let text_width = block_inner.width;
    let text_rows = wrapped_height(&text, text_width);
    // The answers follow the text, and keep their rows when the text must scroll.
    let text_room = block_inner.height.saturating_sub(answers_rows);
    // Text that does not fit gives its last row to a visible "more" line above the answers.
    let more_rows = u16::from(text_rows > text_room && text_room >= 2);
    let [text_area, more_area, answers_area, _] = Layout::vertical([
        Constraint::Length(text_rows.min(text_room - more_rows)),
        Constraint::Length(more_rows),
        Constraint::Length(answers_rows),
        Constraint::Min(0),
    ])
    .areas(block_inner);
    StepLayout {
        text_area,
        more_area: (more_rows > 0).then_some(more_area),
        answers_area,
        text,
        answers,
        text_rows,
    }
}

/// Rows the step needs in a frame `width` columns wide: its borders, its answers and at least
/// one row of its text (the rest scrolls).
pub fn min_height(ui: &Ui, width: u16) -> u16 {
    let inner = frame_block().inner(Rect::new(0, 0, width, 3)).width;
    let answers = answer_lines(ui, &ui.wizard.view(), inner);
    wrapped_height(&answers, inner).saturating_add(3)
}

/// How far the text can scroll in `area`.
pub fn max_scroll(ui: &Ui, area: Rect) -> u16 {
    let l = layout(ui, area);
    l.text_rows.saturating_sub(l.text_area.height)
}

/// Draws the step; `compact_checks` adds a one-line check status when the panel is hidden.
pub fn render(f: &mut Frame, ui: &Ui, area: Rect, compact_checks: bool) {
    let theme = ui.app.theme;
    let l = layout(ui, area);
    let max = l.text_rows.saturating_sub(l.text_area.height);
    let scroll = ui.app.scroll.min(max);

    let title = ui.wizard.view().step.title.clone();
    let mut block = frame_block().border_style(theme.border()).title(Line::from(vec![
        Span::raw(" "),
        Span::styled(title, theme.title()),
        Span::raw(" "),
    ]));
    // With the "more" line above the answers, the border's corner says nothing more.
    let more = if l.text_area.height > 0 && l.more_area.is_none() {
        super::scroll_hint(scroll, max)
    } else {
        None
    };
    if compact_checks {
        // Room left of the scroll hint, a gap and the corners.
        let hint = more.map_or(0, |m| Span::raw(m).width() + 1);
        let room = usize::from(area.width).saturating_sub(hint + 2);
        block = block.title_bottom(checks::compact(ui, u16::try_from(room).unwrap_or(u16::MAX)));
    }
    if let Some(more) = more {
        block = block.title_bottom(Line::styled(more, theme.key()).right_aligned());
    }
    f.render_widget(block, area);
    f.render_widget(
        Paragraph::new(l.text)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        l.text_area,
    );
    if let Some(area) = l.more_area {
        f.render_widget(Paragraph::new(more_line(ui, scroll, max)), area);
    }
    f.render_widget(
        Paragraph::new(l.answers).wrap(Wrap { trim: false }),
        l.answers_area,
    );
}

/// Said above the answers while the text is cut.
pub const MORE: &str = "↓ more: Space";
/// Said there once the end of the text is shown.
pub const BACK_UP: &str = "↑ back up: Shift-Space";

/// The line above the answers: more below, or back up from the end.
fn more_line(ui: &Ui, scroll: u16, max: u16) -> Line<'static> {
    let text = if scroll < max { MORE } else { BACK_UP };
    Line::styled(text, ui.app.theme.key())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_note_is_shown_in_part() {
        assert_eq!(note_start("short\nnote"), ("short\nnote", false));
        assert_eq!(note_start("trailing\n"), ("trailing\n", false));
        let lines = "a\nb\nc\nd\ne\nf";
        assert_eq!(note_start(lines), ("a\nb\nc\nd", true));
        let long = "é".repeat(NOTE_SHOWN_CHARS + 1);
        let (start, cut) = note_start(&long);
        assert!(cut);
        assert_eq!(start.chars().count(), NOTE_SHOWN_CHARS);
    }
}
