//! Word wrapping of styled lines with a hanging indent: "  1. Restart your router: unplug it, …"
//! continues under "Restart", not at column 0. Where a line breaks is decided by
//! [`crate::text::wrap::breaks`] (textwrap), the rule `check` and plain mode use too; here the
//! line's spans are only cut at those places, their styles kept. Lines are wrapped per item, to
//! the width they are drawn at; the paragraphs that show them keep `Wrap { trim: false }` only
//! as a fallback for a single word wider than the area, so `Paragraph::line_count` (and so
//! scrolling) still counts exactly the rows drawn.

use std::ops::Range;

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::text::wrap;

/// The parts of `spans` within the byte range `range` of their joined text.
fn slice(spans: &[(String, Style)], range: Range<usize>) -> Vec<Span<'static>> {
    let mut out = Vec::new();
    let mut at = 0;
    for (text, style) in spans {
        let (start, end) = (at, at + text.len());
        at = end;
        let from = range.start.max(start);
        let to = range.end.min(end);
        if from < to {
            out.push(Span::styled(text[from - start..to - start].to_string(), *style));
        }
    }
    out
}

/// `line` wrapped into `width` columns; continuation rows start `indent` columns in (at most
/// half the width, so a long marker cannot squeeze the text into a sliver). The first row
/// keeps the line's leading spaces.
pub fn hanging(line: Line<'_>, indent: usize, width: u16) -> Vec<Line<'static>> {
    let width = usize::from(width);
    let hang = indent.min(width / 2);
    // Tabs count as one space each, as the terminal is not asked to expand them.
    let spans: Vec<(String, Style)> = line
        .spans
        .iter()
        .map(|s| (s.content.replace('\t', " "), s.style))
        .collect();
    let plain: String = spans.iter().map(|(t, _)| t.as_str()).collect();
    let lead = plain.len() - plain.trim_start_matches(' ').len();
    let rows = wrap::breaks(
        &plain[lead..],
        width.saturating_sub(lead),
        width.saturating_sub(hang),
    );
    rows.into_iter()
        .enumerate()
        .map(|(i, row)| {
            let row = lead + row.start..lead + row.end;
            let mut parts = Vec::new();
            if i == 0 {
                parts.extend(slice(&spans, 0..row.end));
            } else {
                if hang > 0 {
                    parts.push(Span::raw(" ".repeat(hang)));
                }
                parts.extend(slice(&spans, row));
            }
            let mut out = Line::from(parts).style(line.style);
            out.alignment = line.alignment;
            out
        })
        .collect()
}

/// `line` wrapped with the hanging indent of its list marker ([`wrap::hang_of`]).
pub fn item(line: Line<'_>, width: u16) -> Vec<Line<'static>> {
    let plain: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
    let indent = wrap::hang_of(&plain);
    hanging(line, indent, width)
}

/// Every line of `lines` wrapped as an item.
pub fn items<'a>(lines: impl IntoIterator<Item = Line<'a>>, width: u16) -> Vec<Line<'static>> {
    lines.into_iter().flat_map(|l| item(l, width)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(lines: &[Line<'_>]) -> Vec<String> {
        lines.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn numbered_items_hang_under_their_text() {
        let line = Line::raw("  1. Restart your router: unplug it, wait 30 seconds, plug it back in");
        assert_eq!(
            texts(&item(line, 30)),
            [
                "  1. Restart your router:",
                "     unplug it, wait 30",
                "     seconds, plug it back in",
            ]
        );
    }

    #[test]
    fn plain_lines_and_the_same_rows_as_the_line_output() {
        assert_eq!(
            texts(&item(Line::raw("Then open QuickBooks Online again"), 12)),
            ["Then open", "QuickBooks", "Online again"]
        );
        let text = "  - For bank feeds, sign in to your bank's own website and look for maintenance notices.";
        assert_eq!(
            texts(&item(Line::raw(text), 40)),
            wrap::wrap_line(text, 40),
            "one wrapping rule for the TUI and the line output"
        );
    }

    #[test]
    fn styles_survive_across_rows_and_empty_lines_stay() {
        let line = Line::from(vec![
            Span::raw("→ "),
            Span::styled("Bold title here", Style::new().bold()),
        ]);
        let out = item(line, 10);
        assert_eq!(texts(&out), ["→ Bold", "  title", "  here"]);
        assert_eq!(out[1].spans[1].style, Style::new().bold());
        assert_eq!(texts(&item(Line::raw(""), 10)), [""]);
        // A word made of two styles stays whole.
        let line = Line::from(vec![
            Span::raw("aa bb"),
            Span::styled("cc dd", Style::new().bold()),
        ]);
        assert_eq!(texts(&hanging(line, 0, 6)), ["aa", "bbcc", "dd"]);
    }

    #[test]
    fn wide_characters_count_as_two_columns() {
        let out = item(Line::raw("- 日本語 日本語 日本語"), 10);
        assert_eq!(texts(&out), ["- 日本語", "  日本語", "  日本語"]);
    }

    #[test]
    fn a_word_wider_than_the_row_is_left_to_the_paragraph() {
        // Whole: the paragraph breaks it. The marker stays with it.
        let out = item(Line::raw("- abcdefghijklmnop end"), 8);
        assert_eq!(texts(&out), ["- abcdefghijklmnop", "  end"]);
    }
}
