//! Word wrapping with a hanging indent: "  1. Restart your router: unplug it, …" continues
//! under "Restart", not at column 0. Lines are wrapped here, per item, to the width they are
//! drawn at; the paragraphs that show them keep `Wrap { trim: false }` only as a fallback for a
//! single word wider than the area, so `Paragraph::line_count` (and so scrolling) still counts
//! exactly the rows drawn. Widths are measured as ratatui measures them (`Span::width`).

use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// Columns of `text` on screen.
fn width_of(text: &str) -> usize {
    Span::raw(text).width()
}

/// The hanging indent of a list item: its leading spaces, a marker ("1.", "2)", "-", "*",
/// "•", "⚠", "→") and the spaces after it. For other lines, just the leading spaces.
pub fn list_indent(text: &str) -> usize {
    let rest = text.trim_start_matches(' ');
    let leading = text.len() - rest.len();
    let Some(marker) = rest.split(' ').next().filter(|m| is_marker(m)) else {
        return leading;
    };
    let after = &rest[marker.len()..];
    let gap = after.len() - after.trim_start_matches(' ').len();
    if gap == 0 || after.trim().is_empty() {
        return leading;
    }
    leading + width_of(marker) + gap
}

fn is_marker(word: &str) -> bool {
    if matches!(word, "-" | "*" | "•" | "⚠" | "→") {
        return true;
    }
    let digits = word.trim_end_matches(['.', ')']);
    digits.len() + 1 == word.len()
        && !digits.is_empty()
        && digits.len() <= 2
        && digits.bytes().all(|b| b.is_ascii_digit())
}

/// One wrapped line's parts, with the columns used so far.
#[derive(Default)]
struct Row {
    spans: Vec<Span<'static>>,
    width: usize,
}

impl Row {
    fn push(&mut self, text: &str, style: Style) {
        if text.is_empty() {
            return;
        }
        self.width += width_of(text);
        match self.spans.last_mut() {
            Some(last) if last.style == style => last.content.to_mut().push_str(text),
            _ => self.spans.push(Span::styled(text.to_string(), style)),
        }
    }
}

/// A word (no whitespace inside; it may cross spans of different styles) and the whitespace
/// before it.
struct Word {
    space: Vec<(String, Style)>,
    parts: Vec<(String, Style)>,
}

impl Word {
    fn width(&self) -> usize {
        self.parts.iter().map(|(t, _)| width_of(t)).sum()
    }
    fn space_width(&self) -> usize {
        self.space.iter().map(|(t, _)| width_of(t)).sum()
    }
}

/// Where a row may break: spaces and tabs, not the no-break space ("120\u{a0}ms").
fn is_blank(c: char) -> bool {
    c == ' ' || c == '\t'
}

fn words(line: &Line<'_>) -> Vec<Word> {
    let mut words = Vec::new();
    let mut current = Word {
        space: Vec::new(),
        parts: Vec::new(),
    };
    for span in &line.spans {
        let mut rest = span.content.as_ref();
        while !rest.is_empty() {
            let is_space = rest.starts_with(is_blank);
            let end = rest.find(|c: char| is_blank(c) != is_space).unwrap_or(rest.len());
            let (piece, tail) = rest.split_at(end);
            rest = tail;
            if is_space {
                if !current.parts.is_empty() {
                    words.push(std::mem::replace(
                        &mut current,
                        Word {
                            space: Vec::new(),
                            parts: Vec::new(),
                        },
                    ));
                }
                // Tabs and other blanks count as one space each, as the terminal is not asked
                // to expand them.
                let spaces: String = piece.chars().map(|_| ' ').collect();
                current.space.push((spaces, span.style));
            } else {
                current.parts.push((piece.to_string(), span.style));
            }
        }
    }
    if !current.parts.is_empty() || !current.space.is_empty() {
        words.push(current);
    }
    words
}

/// `line` wrapped into `width` columns; continuation rows start `indent` columns in (at most
/// half the width, so a long marker cannot squeeze the text into a sliver).
pub fn hanging(line: Line<'_>, indent: usize, width: u16) -> Vec<Line<'static>> {
    let width = usize::from(width);
    let indent = " ".repeat(indent.min(width / 2));
    let mut rows = Vec::new();
    let mut row = Row::default();
    let mut has_word = false;
    for word in words(&line) {
        if word.parts.is_empty() && has_word {
            // Blanks at the end of the line.
            continue;
        }
        if has_word && row.width + word.space_width() + word.width() > width {
            rows.push(std::mem::take(&mut row));
            row.push(&indent, Style::default());
            has_word = false;
        } else if has_word || rows.is_empty() {
            // The first row keeps its leading blanks; a continuation row starts at the indent.
            for (text, style) in &word.space {
                row.push(text, *style);
            }
        }
        // A word too wide for any row stays whole here; the paragraph breaks it.
        for (text, style) in &word.parts {
            row.push(text, *style);
            has_word = true;
        }
    }
    rows.push(row);
    rows.into_iter()
        .map(|row| {
            let mut out = Line::from(row.spans).style(line.style);
            out.alignment = line.alignment;
            out
        })
        .collect()
}

/// `line` wrapped with the hanging indent of its list marker (see [`list_indent`]).
pub fn item(line: Line<'_>, width: u16) -> Vec<Line<'static>> {
    let plain: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
    let indent = list_indent(&plain);
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
    fn bullets_and_plain_lines() {
        assert_eq!(list_indent("• What was tried"), 2);
        assert_eq!(list_indent("  - For bank feeds"), 4);
        assert_eq!(list_indent("    Note: x"), 4);
        assert_eq!(list_indent("Then open it"), 0);
        assert_eq!(list_indent("2026. A year"), 0);
        assert_eq!(list_indent("-"), 0);
        assert_eq!(
            texts(&item(Line::raw("Then open QuickBooks Online again"), 12)),
            ["Then open", "QuickBooks", "Online again"]
        );
    }

    #[test]
    fn styles_survive_and_empty_lines_stay() {
        let line = Line::from(vec![
            Span::raw("→ "),
            Span::styled("Bold title here", Style::new().bold()),
        ]);
        let out = item(line, 10);
        assert_eq!(texts(&out), ["→ Bold", "  title", "  here"]);
        assert_eq!(out[1].spans[1].style, Style::new().bold());
        assert_eq!(texts(&item(Line::raw(""), 10)), [""]);
    }

    #[test]
    fn a_word_wider_than_the_row_is_left_to_the_paragraph() {
        let out = item(Line::raw("- abcdefghijklmnop end"), 8);
        assert_eq!(texts(&out), ["-", "  abcdefghijklmnop", "  end"]);
    }
}
