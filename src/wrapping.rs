//! Word wrapping for line output (`check`, plain mode) with the `textwrap` crate: at the
//! terminal's width (`COLUMNS`, else the tty's, else 80), never splitting a word, list items
//! and status lines hanging under their text.

use std::io::IsTerminal;

use textwrap::{Options, WordSplitter};

/// Narrowest width wrapped to: below it, lines are left as they are.
const MIN_WIDTH: usize = 20;

/// The width to wrap stdout's lines at.
pub fn terminal_width() -> usize {
    let columns = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|c| *c > 0);
    let tty = || {
        std::io::stdout()
            .is_terminal()
            .then(|| crossterm::terminal::size().ok())
            .flatten()
            .map(|(w, _)| usize::from(w))
            .filter(|w| *w > 0)
    };
    columns.or_else(tty).unwrap_or(80).max(MIN_WIDTH)
}

/// How wide the marker that starts `body` is ("1. ", "- ", "✓ "), for the hanging indent.
fn marker_width(body: &str) -> usize {
    let Some((first, _)) = body.split_once(' ') else {
        return 0;
    };
    let numbered = first.len() <= 4
        && first.ends_with(['.', ')'])
        && first[..first.len() - 1]
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_ascii_lowercase())
        && first.len() > 1;
    let symbol = first.chars().count() <= 2 && !first.chars().any(char::is_alphanumeric);
    if numbered || symbol {
        textwrap::core::display_width(first) + 1
    } else {
        0
    }
}

/// One line wrapped at `width`: its indent kept, continuation rows under its text.
pub fn wrap_line(line: &str, width: usize) -> Vec<String> {
    let body = line.trim_start();
    let indent = &line[..line.len() - body.len()];
    if body.is_empty() {
        return vec![line.trim_end().to_string()];
    }
    let hang = " ".repeat(textwrap::core::display_width(indent) + marker_width(body));
    let options = Options::new(width)
        .initial_indent(indent)
        .subsequent_indent(&hang)
        .break_words(false)
        .word_splitter(WordSplitter::NoHyphenation);
    textwrap::wrap(body, options)
        .into_iter()
        .map(|l| l.trim_end().to_string())
        .collect()
}

/// Every line of `text` wrapped at `width`, joined with newlines.
pub fn fill(text: &str, width: usize) -> String {
    text.lines()
        .flat_map(|l| wrap_line(l, width))
        .collect::<Vec<_>>()
        .join("\n")
}

/// `text` wrapped at `width` with every row after the first indented by `hang` columns.
pub fn hanging(text: &str, hang: usize, width: usize) -> Vec<String> {
    let indent = " ".repeat(hang);
    let options = Options::new(width)
        .subsequent_indent(&indent)
        .break_words(false)
        .word_splitter(WordSplitter::NoHyphenation);
    textwrap::wrap(text, options)
        .into_iter()
        .map(|l| l.trim_end().to_string())
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
    fn status_lines_hang_after_the_symbol() {
        let lines = wrap_line("✓ Internet: two neutral sites answered quickly", 24);
        assert_eq!(lines, ["✓ Internet: two neutral", "  sites answered quickly"]);
    }
}
