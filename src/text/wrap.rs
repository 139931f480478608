//! Word wrapping with the `textwrap` crate, one rule for every output: [`breaks`] says where a
//! line breaks (the TUI slices its styled spans there), and the line output of `check` and
//! plain mode is wrapped with it at the terminal's width (the drivers measure it),
//! never splitting a word, list items and status lines hanging under their text.

use std::cell::Cell;
use std::ops::Range;

use textwrap::core::display_width;
use textwrap::{Options, WordSplitter};

/// Narrowest width wrapped to: below it, lines are left as they are.
pub const MIN_WIDTH: usize = 20;

/// The one wrapping rule of every output (`check`, plain mode, the TUI): whole words, never
/// split or hyphenated, broken at spaces, rows balanced by textwrap's optimal fit.
fn options(width: usize) -> Options<'static> {
    Options::new(width)
        .break_words(false)
        .word_splitter(WordSplitter::NoHyphenation)
}

thread_local! {
    /// Bytes given to the wrapping functions on this thread, ever.
    static WRAPPED: Cell<u64> = const { Cell::new(0) };
}

/// How many bytes of text this thread has wrapped so far: the measure of the work a frame
/// does, for tests that must not time it (a long note must cost a key press no more than a
/// short one).
pub fn wrapped_bytes() -> u64 {
    WRAPPED.with(Cell::get)
}

fn count(text: &str) {
    WRAPPED.with(|w| w.set(w.get().saturating_add(text.len() as u64)));
}

/// Where `text` (one line) breaks into rows: each row's byte range in `text`, its trailing
/// spaces left out. The first row has `first` columns, every later row `rest`; a word wider
/// than its row gets a row of its own. An empty `text` is one empty row.
pub fn breaks(text: &str, first: usize, rest: usize) -> Vec<Range<usize>> {
    count(text);
    let options = options(first.max(rest));
    let words: Vec<_> = options.word_separator.find_words(text).collect();
    let mut at = 0;
    let mut rows: Vec<Range<usize>> = options
        .wrap_algorithm
        .wrap(&words, &[first, rest])
        .into_iter()
        .map(|row| {
            // The words of a row are contiguous in `text`.
            let len: usize = row.iter().map(|w| w.word.len() + w.whitespace.len()).sum();
            let trailing = row.last().map_or(0, |w| w.whitespace.len());
            let range = at..at + len - trailing;
            at += len;
            range
        })
        .collect();
    if rows.is_empty() {
        rows.push(0..0);
    }
    rows
}

/// Columns `c` takes on a terminal (a tab is drawn as one space).
pub fn char_width(c: char) -> usize {
    match c {
        '\t' => 1,
        c => display_width(c.encode_utf8(&mut [0; 4])),
    }
}

/// Columns `text` takes on a terminal.
pub fn width(text: &str) -> usize {
    text.chars().map(char_width).sum()
}

/// Rows of `text` (one line) at most `width` columns wide, filled the way an editor fills
/// them while typing: a row ends after its last space that fits, a word wider than a row is
/// cut between characters, and typing at the end never moves earlier rows. Unlike
/// [`breaks`], every byte belongs to a row (spaces too, so a cursor on one has a place);
/// the rows are contiguous. An empty `text` is one empty row.
pub fn greedy(text: &str, width: usize) -> Vec<Range<usize>> {
    count(text);
    let width = width.max(1);
    let mut rows = Vec::new();
    let (mut start, mut used) = (0, 0);
    // Where a row may end: just after the last space on this row, and the columns up to it.
    let mut after_space: Option<(usize, usize)> = None;
    for (i, c) in text.char_indices() {
        let w = char_width(c);
        while used + w > width && i > start {
            match after_space.take().filter(|(at, _)| *at > start) {
                Some((at, cols)) => {
                    rows.push(start..at);
                    start = at;
                    used -= cols;
                }
                None => {
                    rows.push(start..i);
                    start = i;
                    used = 0;
                }
            }
        }
        used += w;
        if c == ' ' {
            after_space = Some((i + 1, used));
        }
    }
    rows.push(start..text.len());
    rows
}

/// How wide the marker that starts `body` is, with the spaces after it ("1. ", "- ", "✓ "):
/// a number or a letter or two with "." or ")", or a symbol of one or two characters,
/// followed by text.
fn marker_width(body: &str) -> usize {
    let Some((first, after)) = body.split_once(' ') else {
        return 0;
    };
    let numbered = first.len() <= 4
        && first.ends_with(['.', ')'])
        && first[..first.len() - 1]
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_ascii_lowercase())
        && first.len() > 1;
    let symbol = first.chars().count() <= 2 && !first.chars().any(char::is_alphanumeric);
    let text = after.trim_start_matches(' ');
    if (numbered || symbol) && !first.is_empty() && !text.is_empty() {
        display_width(first) + 1 + (after.len() - text.len())
    } else {
        0
    }
}

/// The hanging indent of `line`: its leading spaces and, for a list item or a status line,
/// its marker and the spaces after it (continuation rows start under the text).
pub fn hang_of(line: &str) -> usize {
    let body = line.trim_start_matches(' ');
    (line.len() - body.len()) + marker_width(body)
}

/// `text` in rows of `width` columns: the first starts with `indent` (counted in its width),
/// the later ones with `hang` spaces.
fn rows(indent: &str, text: &str, hang: usize, width: usize) -> Vec<String> {
    let spaces = " ".repeat(hang);
    breaks(
        text,
        width.saturating_sub(display_width(indent)),
        width.saturating_sub(hang),
    )
    .into_iter()
    .enumerate()
    .map(|(i, range)| {
        let lead = if i == 0 { indent } else { spaces.as_str() };
        format!("{lead}{}", &text[range]).trim_end().to_string()
    })
    .collect()
}

/// One line wrapped at `width`: its indent kept, continuation rows under its text.
pub fn wrap_line(line: &str, width: usize) -> Vec<String> {
    let body = line.trim_start();
    let indent = &line[..line.len() - body.len()];
    if body.is_empty() {
        return vec![line.trim_end().to_string()];
    }
    let hang = display_width(indent) + marker_width(body);
    rows(indent, body, hang, width)
}

/// Every line of `text` wrapped at `width`, joined with newlines.
pub fn fill(text: &str, width: usize) -> String {
    text.lines()
        .flat_map(|l| wrap_line(l, width))
        .collect::<Vec<_>>()
        .join("\n")
}

/// `text` wrapped at `width` with every row after the first indented by `hang` columns (the
/// rows of a line after a line break too).
pub fn hanging(text: &str, hang: usize, width: usize) -> Vec<String> {
    let spaces = " ".repeat(hang);
    text.split('\n')
        .enumerate()
        .flat_map(|(i, line)| rows(if i == 0 { "" } else { &spaces }, line, hang, width))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_items_hang_under_their_text_and_words_stay_whole() {
        let lines = wrap_line(
            "  1. Restart your router: unplug it, wait 30 seconds, plug it back in.",
            30,
        );
        assert_eq!(
            lines,
            [
                "  1. Restart your router:",
                "     unplug it, wait 30",
                "     seconds, plug it back in."
            ]
        );
    }

    #[test]
    fn breaks_are_byte_ranges_of_whole_words() {
        let text = "Restart your router: unplug it, wait 30 seconds";
        let rows: Vec<&str> = breaks(text, 20, 16).into_iter().map(|r| &text[r]).collect();
        assert_eq!(rows, ["Restart your router:", "unplug it, wait", "30 seconds"]);
        assert_eq!(breaks("", 10, 10), vec![Range { start: 0, end: 0 }]);
        // Wide characters count as two columns; a word wider than the row stays whole.
        let text = "日本語のテキスト abc";
        let rows: Vec<&str> = breaks(text, 8, 8).into_iter().map(|r| &text[r]).collect();
        assert_eq!(rows, ["日本語のテキスト", "abc"]);
    }

    #[test]
    fn greedy_rows_fill_up_to_the_width_and_hold_every_byte() {
        let text = "Restart your router: unplug it, wait 30 seconds";
        let rows: Vec<&str> = greedy(text, 16).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            rows,
            ["Restart your ", "router: unplug ", "it, wait 30 ", "seconds"]
        );
        assert_eq!(rows.concat(), text);
        // A word wider than the row is cut; wide characters count two columns.
        let rows: Vec<&str> = greedy("abcdefghij kl", 4)
            .into_iter()
            .map(|r| &"abcdefghij kl"[r])
            .collect();
        assert_eq!(rows, ["abcd", "efgh", "ij ", "kl"]);
        let text = "日本語のテキスト";
        let rows: Vec<&str> = greedy(text, 5).into_iter().map(|r| &text[r]).collect();
        assert_eq!(rows, ["日本", "語の", "テキ", "スト"]);
        assert_eq!(greedy("", 10), vec![Range { start: 0, end: 0 }]);
        // Typing at the end never moves the rows before.
        let a = greedy("one two three four", 9);
        let b = greedy("one two three fourteen", 9);
        assert_eq!(a[..a.len() - 1], b[..a.len() - 1]);
    }

    #[test]
    fn the_hang_of_a_line_is_its_indent_and_marker() {
        assert_eq!(hang_of("• What was tried"), 2);
        assert_eq!(hang_of("  - For bank feeds"), 4);
        assert_eq!(hang_of("  1.  Two spaces"), 6);
        assert_eq!(hang_of("    Note: x"), 4);
        assert_eq!(hang_of("Then open it"), 0);
        assert_eq!(hang_of("2026. A year"), 0);
        assert_eq!(hang_of("-"), 0);
        assert_eq!(hang_of("- "), 0);
    }

    #[test]
    fn status_lines_hang_after_the_symbol() {
        let lines = wrap_line("✓ Internet: two neutral sites answered quickly", 24);
        assert_eq!(lines, ["✓ Internet: two neutral", "  sites answered quickly"]);
    }
}
