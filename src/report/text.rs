//! The plain-text report: for email and ticket systems that show text as it is. No Markdown
//! escapes; every line at most [`WIDTH`] columns, list items hanging under their first word.

use super::document::{Document, Item, SectionKind};

/// The widest line.
pub const WIDTH: usize = 72;

/// Greedy word wrap of `text` into lines of at most `width` characters: the first starts with
/// `first`, the rest with `rest` (spaces). A word longer than a line is cut.
pub fn wrap(text: &str, first: &str, rest: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = first.to_string();
    let mut empty = true;
    let prefix_len = |lines: &Vec<String>| if lines.is_empty() { first } else { rest }.chars().count();
    for word in text.split_whitespace() {
        let mut word: Vec<char> = word.chars().collect();
        loop {
            let used = line.chars().count();
            let need = word.len() + usize::from(!empty);
            if used + need <= width {
                if !empty {
                    line.push(' ');
                }
                line.extend(word.iter());
                empty = false;
                break;
            }
            if !empty {
                lines.push(std::mem::replace(&mut line, rest.to_string()));
                empty = true;
                continue;
            }
            // A word wider than a whole line: cut it.
            let room = width.saturating_sub(prefix_len(&lines)).max(1);
            let cut: String = word.drain(..room.min(word.len())).collect();
            line.push_str(&cut);
            lines.push(std::mem::replace(&mut line, rest.to_string()));
            if word.is_empty() {
                break;
            }
        }
    }
    if !empty || lines.is_empty() {
        lines.push(line.trim_end().to_string());
    }
    lines
}

/// One item as "✓ pass  Internet connection: …" text.
pub fn item_text(item: &Item) -> String {
    let mut text = String::new();
    if let Some(mark) = item.mark {
        text.push_str(&format!("[{} {}] ", mark.symbol(), mark.word()));
    }
    if let Some(lead) = item.lead() {
        text.push_str(&lead);
        if !item.text.is_empty() {
            text.push(' ');
        }
    }
    text.push_str(&item.text);
    if let Some(t) = &item.time {
        text.push_str(&format!(" ({t})"));
    }
    text
}

/// Adds `item` as a hanging list entry (and its note) to `out`.
pub fn push_item(out: &mut Vec<String>, item: &Item, bullet: &str) {
    // Lines after the first hang under the bullet's first word ("- Step 6 " hangs by 2).
    let lead = bullet.find(|c: char| c.is_alphanumeric()).unwrap_or(bullet.len());
    let hang = " ".repeat(bullet[..lead].chars().count());
    out.extend(wrap(&item_text(item), bullet, &hang, WIDTH));
    if let Some(note) = &item.note {
        let lead = format!("{hang}Note: ");
        let more = " ".repeat(lead.chars().count());
        out.extend(wrap(note, &lead, &more, WIDTH));
    }
}

/// Renders the whole document.
pub fn render(doc: &Document) -> String {
    let mut lines = Vec::new();
    let title = match &doc.case_code {
        Some(code) => format!("{} (case {code})", doc.title),
        None => doc.title.clone(),
    };
    lines.extend(wrap(&title, "", "", WIDTH));
    lines.push("=".repeat(title.chars().count().min(WIDTH)));
    for section in &doc.sections {
        lines.push(String::new());
        if section.kind != SectionKind::Overview {
            lines.push(section.heading.to_string());
            lines.push("-".repeat(section.heading.chars().count()));
        }
        if section.items.is_empty() {
            lines.extend(wrap(section.empty, "", "", WIDTH));
        }
        for item in &section.items {
            let bullet = match item.number {
                Some(n) => format!("- Step {n} "),
                None => "- ".to_string(),
            };
            push_item(&mut lines, item, &bullet);
        }
    }
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_the_width_with_a_hanging_indent() {
        let text = "word ".repeat(40);
        let lines = wrap(&text, "- ", "  ", 20);
        assert!(lines.iter().all(|l| l.chars().count() <= 20), "{lines:?}");
        assert!(lines[0].starts_with("- word") && lines[1].starts_with("  word"));
        let long = wrap(&"x".repeat(50), "", "", 20);
        assert_eq!(long.len(), 3);
        assert!(long.iter().all(|l| l.chars().count() <= 20));
        assert_eq!(wrap("", "- ", "  ", 20), vec!["-".to_string()]);
    }
}
