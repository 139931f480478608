//! The Markdown report: what a person pastes into a ticket that renders Markdown. It reads
//! cleanly as plain text too, because [`escape`] escapes only what would change the rendering.

use std::fmt::Write;

use super::document::{Document, Item, SectionKind};

/// Escapes `s` (already cleaned, one line) for Markdown inline text: code spans, emphasis,
/// links, HTML tags, entities and strikethrough cannot be smuggled in; a `&` or `>` inside a
/// sentence stays as it is.
pub fn escape(s: &str) -> String {
    let chars: Vec<char> = crate::text::sanitize::clean(s).chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|j| chars[j]);
        let next = chars.get(i + 1).copied();
        let escape = match c {
            '`' | '*' | '[' | ']' | '|' => true,
            '\\' => next.is_some_and(|n| n.is_ascii_punctuation()),
            '_' => !(prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric)),
            '<' => next.is_some_and(|n| n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?')),
            '>' => i == 0,
            '#' | '+' | '-' | '=' => i == 0,
            '~' => prev == Some('~') || next == Some('~'),
            '&' => is_entity(&chars[i..]),
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// `&name;` or `&#123;` at the start of `rest`.
fn is_entity(rest: &[char]) -> bool {
    let body: Vec<char> = rest[1..]
        .iter()
        .copied()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '#')
        .collect();
    !body.is_empty() && rest.get(body.len() + 1) == Some(&';')
}

/// One item after its "- " bullet. A step leads with its place in the flow ("Step 6"); a
/// mark that would open a list of its own at the start of an item ("- skipped") is escaped.
fn item_line(item: &Item) -> String {
    let mut line = String::new();
    if let Some(n) = item.number {
        let _ = write!(line, "Step {n} ");
    }
    if let Some(mark) = item.mark {
        let symbol = match line.is_empty() {
            true => escape(mark.symbol()),
            false => mark.symbol().to_string(),
        };
        let _ = write!(line, "{symbol} {}: ", mark.word());
    }
    let mut words = Vec::new();
    if let Some(lead) = item.lead() {
        words.push(format!("**{}**", escape(&lead)));
    }
    if !item.text.is_empty() {
        words.push(escape(&item.text));
    }
    if let Some(t) = &item.time {
        words.push(format!("({})", escape(t)));
    }
    line.push_str(&words.join(" "));
    line
}

/// Renders the whole document.
pub fn render(doc: &Document) -> String {
    let mut out = String::new();
    let title = match &doc.case_code {
        Some(code) => format!("{} (case {code})", doc.title),
        None => doc.title.clone(),
    };
    let _ = writeln!(out, "# {}", escape(&title));
    for section in &doc.sections {
        out.push('\n');
        if section.kind != SectionKind::Overview {
            let _ = writeln!(out, "## {}\n", section.heading);
        }
        if section.items.is_empty() {
            let _ = writeln!(out, "{}", section.empty);
            continue;
        }
        // Bullets, never an ordered list: Markdown renumbers "6." after "1." as 2, and steps
        // keep the number the flow gives them.
        for item in &section.items {
            let _ = writeln!(out, "- {}", item_line(item));
            if let Some(note) = &item.note {
                let _ = writeln!(out, "  - Note: {}", escape(note));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escapes_only_what_changes_the_rendering() {
        assert_eq!(escape("Tom & Jerry > all"), "Tom & Jerry > all");
        assert_eq!(
            escape("status_page and under_score"),
            "status_page and under_score"
        );
        assert_eq!(
            escape("[x](http://e) *b* <i> &amp; `c` a|b ~~s~~"),
            "\\[x\\](http://e) \\*b\\* \\<i> \\&amp; \\`c\\` a\\|b \\~\\~s\\~\\~"
        );
        assert_eq!(escape("> quote"), "\\> quote");
        assert_eq!(escape("_lead"), "\\_lead");
        assert_eq!(escape("C:\\Users and a\\*"), "C:\\Users and a\\\\\\*");
        assert_eq!(escape("a\nb"), "a b");
        assert_eq!(escape("-"), "\\-", "a skipped mark opens no list");
    }
}
