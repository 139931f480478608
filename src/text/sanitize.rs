//! The one sanitizer every output uses: strips terminal control characters (C0, DEL, C1,
//! whole ANSI escape sequences) and bidirectional-override characters from outside strings,
//! plus escapers for each report format.

/// Characters that reorder text (Trojan Source) or hide it: every Unicode format character
/// (general category Cf: bidi controls, zero-width characters, soft hyphen, invisible
/// operators, tag characters, …) and the fillers that draw as nothing.
pub fn is_bidi_or_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{0600}'..='\u{0605}'
            | '\u{061C}'
            | '\u{06DD}'
            | '\u{070F}'
            | '\u{0890}'..='\u{0891}'
            | '\u{08E2}'
            | '\u{115F}'..='\u{1160}'
            | '\u{17B4}'..='\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{110BD}'
            | '\u{110CD}'
            | '\u{13430}'..='\u{1343F}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0000}'..='\u{E007F}'
    )
}

/// `s` without escape sequences, control characters (tabs and newlines become spaces) or
/// bidi controls. Use for one-line strings from outside: server replies, hosts, headers.
pub fn clean(s: &str) -> String {
    clean_inner(s, false)
}

/// Like [`clean`] but keeps line breaks (for multi-line notes).
pub fn clean_multiline(s: &str) -> String {
    clean_inner(s, true)
}

fn clean_inner(s: &str, keep_newlines: bool) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => skip_escape(&mut chars),
            '\u{9b}' => skip_csi_body(&mut chars),
            '\n' | '\u{2028}' | '\u{2029}' if keep_newlines => out.push('\n'),
            '\r' if keep_newlines => {}
            '\t' | '\n' | '\r' | '\u{2028}' | '\u{2029}' => out.push(' '),
            c if c.is_control() || is_bidi_or_invisible(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// Skips what follows an ESC: a CSI, OSC/DCS/APC string, or a single character.
fn skip_escape(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    match chars.next() {
        Some('[') => skip_csi_body(chars),
        Some(']' | 'P' | '_' | '^' | 'X') => {
            // A string ended by BEL or ST (ESC \).
            while let Some(c) = chars.next() {
                if c == '\u{7}' || c == '\u{9c}' {
                    break;
                }
                if c == '\u{1b}' {
                    if chars.peek() == Some(&'\\') {
                        chars.next();
                    }
                    break;
                }
            }
        }
        _ => {}
    }
}

fn skip_csi_body(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    for c in chars.by_ref() {
        if ('\u{40}'..='\u{7e}').contains(&c) {
            break;
        }
    }
}

/// Escapes for HTML text and attribute values (after cleaning).
pub fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in clean_multiline(s).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Escapes for Markdown inline text (after cleaning, so on one line): no emphasis, code,
/// links, HTML, entities or table cells can be smuggled in.
pub fn markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in clean(s).chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Cleans every string (and key) inside a JSON value; `multiline` keeps line breaks.
pub fn clean_json(v: &mut serde_json::Value, multiline: bool) {
    use serde_json::Value;
    let f = if multiline { clean_multiline } else { clean };
    match v {
        Value::String(s) => *s = f(s),
        Value::Array(items) => items.iter_mut().for_each(|i| clean_json(i, multiline)),
        Value::Object(map) => {
            let cleaned: serde_json::Map<String, Value> = std::mem::take(map)
                .into_iter()
                .map(|(k, mut v)| {
                    clean_json(&mut v, multiline);
                    (f(&k), v)
                })
                .collect();
            *map = cleaned;
        }
        _ => {}
    }
}

/// True when `s` holds nothing [`clean_multiline`] would remove.
pub fn is_clean(s: &str) -> bool {
    !s.chars().any(|c| {
        (c.is_control() && c != '\n') || is_bidi_or_invisible(c) || matches!(c, '\u{2028}' | '\u{2029}')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_ansi_sequences_whole() {
        assert_eq!(clean("a\u{1b}[31mred\u{1b}[0m b"), "ared b");
        assert_eq!(clean("x\u{1b}]0;title\u{7}y"), "xy");
        assert_eq!(clean("x\u{1b}]52;c;ZXZpbA==\u{1b}\\y"), "xy");
        assert_eq!(clean("x\u{9b}2Jy"), "xy");
    }

    #[test]
    fn strips_controls_and_bidi() {
        assert_eq!(clean("a\u{7}b\u{0}c\u{7f}d"), "abcd");
        assert_eq!(clean("abc\u{202E}fed\u{2066}x\u{2069}"), "abcfedx");
        assert_eq!(clean("line1\nline2\tend"), "line1 line2 end");
        assert_eq!(clean_multiline("line1\r\nline2"), "line1\nline2");
        assert!(is_clean(&clean("\u{1b}[2J\u{202e}\u{85}ok")));
    }

    #[test]
    fn keeps_ordinary_text() {
        assert_eq!(clean("Café — 502 Bad Gateway ✓"), "Café — 502 Bad Gateway ✓");
    }

    #[test]
    fn escapes_html() {
        assert_eq!(html("<script>a&b\"'"), "&lt;script&gt;a&amp;b&quot;&#39;");
    }

    #[test]
    fn escapes_markdown() {
        assert_eq!(
            markdown("[x](http://e) | *b* <i>&amp;"),
            "\\[x\\](http://e) \\| \\*b\\* \\<i\\>\\&amp;"
        );
        assert_eq!(markdown("a\nb"), "a b");
    }
}
