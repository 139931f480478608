//! The one table of limits: how much qbfix reads from each kind of file it is pointed at, how
//! long a text in a session may be, and how large the files it writes may grow. Every reader
//! and writer takes its number from here, so a limit is stated once — and input longer than a
//! limit is cut *where it comes in* (the note editor, plain mode's line reader, `import`, the
//! checks' results) with a plain message, so what qbfix writes always loads back: the session
//! reader ([`crate::session`]'s validation) refuses a text over [`SESSION_TEXT_BYTES`] and a
//! file over [`SESSION_BYTES`], and the store never writes one.

/// A settings file (`config.toml`).
pub const CONFIG_BYTES: u64 = 1024 * 1024;
/// A flow file (a 30,000-step flow is about 6 MB).
pub const FLOW_BYTES: u64 = 32 * 1024 * 1024;
/// A PEM file of extra trusted roots.
pub const CA_BYTES: u64 = 4 * 1024 * 1024;
/// One session file.
pub const SESSION_BYTES: u64 = 16 * 1024 * 1024;
/// The store's index of sessions (about 300 bytes a session: 200,000 of them).
pub const INDEX_BYTES: u64 = 64 * 1024 * 1024;
/// A file given to `qbfix import` (DESIGN: "a file over 5 MB" is refused).
pub const IMPORT_BYTES: u64 = 5 * 1024 * 1024;
/// One text (a note, a summary, any string) inside a session file.
pub const SESSION_TEXT_BYTES: usize = 64 * 1024;
/// A note: one text of a session.
pub const NOTE_BYTES: usize = SESSION_TEXT_BYTES;
/// One line plain mode reads: a note command (`n ` and the longest note). The rest of a longer
/// line is read past, never held.
pub const PLAIN_LINE_BYTES: usize = NOTE_BYTES + 2;
/// The support log, before it is rotated.
pub const LOG_BYTES: u64 = 1024 * 1024;
/// Rotated logs kept beside the current one.
pub const LOG_KEEP: usize = 2;
/// A lock file's content (the holder's process id).
pub const LOCK_BYTES: u64 = 64;

/// What a note cut at its limit says (the wizard's hint, the TUI's footer).
pub fn note_cut() -> String {
    format!(
        "A note can be at most {}: the rest was left out.",
        human_size(NOTE_BYTES as u64)
    )
}

/// What plain mode says when a line was longer than it reads.
pub fn line_cut() -> String {
    format!(
        "That line was longer than {}: only its start was read.",
        human_size(NOTE_BYTES as u64)
    )
}

/// What `import` says when it cut `count` texts of `name` to fit a session.
pub fn import_cut(name: &str, count: usize) -> String {
    let (texts, were) = if count == 1 {
        ("text", "was")
    } else {
        ("texts", "were")
    };
    format!(
        "{count} {texts} in {name} {were} longer than {} and {were} cut there, so the session can be read again.",
        human_size(SESSION_TEXT_BYTES as u64)
    )
}

/// Cuts `text` to at most `max` bytes, at a character boundary; true when it was cut.
pub fn cut(text: &mut String, max: usize) -> bool {
    if text.len() <= max {
        return false;
    }
    let end = text.floor_char_boundary(max);
    text.truncate(end);
    true
}

/// `text`'s start of at most `max` bytes, at a character boundary.
pub fn cut_str(text: &str, max: usize) -> &str {
    &text[..text.floor_char_boundary(max.min(text.len()))]
}

/// Cuts every string and key in `v` to [`SESSION_TEXT_BYTES`]; returns how many were cut.
pub fn cut_json(v: &mut serde_json::Value) -> usize {
    use serde_json::Value;
    match v {
        Value::String(s) => usize::from(cut(s, SESSION_TEXT_BYTES)),
        Value::Array(items) => items.iter_mut().map(cut_json).sum(),
        Value::Object(map) => {
            let mut count = 0;
            let entries = std::mem::take(map);
            for (mut key, mut value) in entries {
                count += usize::from(cut(&mut key, SESSION_TEXT_BYTES));
                count += cut_json(&mut value);
                // Two keys cut to the same start: the first is kept, as a parser keeps one.
                map.entry(key).or_insert(value);
            }
            count
        }
        _ => 0,
    }
}

/// A size in words: "64 KiB", "5 MiB", "100 bytes".
pub fn human_size(bytes: u64) -> String {
    if bytes >= 1024 * 1024 && bytes.is_multiple_of(1024 * 1024) {
        format!("{} MiB", bytes / (1024 * 1024))
    } else if bytes >= 1024 && bytes.is_multiple_of(1024) {
        format!("{} KiB", bytes / 1024)
    } else {
        format!("{bytes} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_cut_at_a_character_boundary() {
        let mut s = "aé".to_string();
        assert!(cut(&mut s, 2));
        assert_eq!(s, "a");
        let mut s = "abc".to_string();
        assert!(!cut(&mut s, 3));
        assert_eq!(cut_str("aéb", 2), "a");
        assert_eq!(cut_str("ab", 10), "ab");
    }

    #[test]
    fn every_string_and_key_in_json_is_cut_and_counted() {
        let long = "x".repeat(SESSION_TEXT_BYTES + 1);
        let mut v = serde_json::json!({"a": [long.clone(), "ok", {"b": long.clone()}], long.clone(): 1});
        assert_eq!(cut_json(&mut v), 3);
        assert_eq!(v["a"][0].as_str().unwrap().len(), SESSION_TEXT_BYTES);
        assert_eq!(v["a"][1], "ok");
        assert!(
            v.as_object()
                .unwrap()
                .keys()
                .all(|k| k.len() <= SESSION_TEXT_BYTES)
        );
    }

    #[test]
    fn messages_name_the_limit() {
        assert_eq!(note_cut(), "A note can be at most 64 KiB: the rest was left out.");
        assert!(import_cut("c.json", 2).starts_with("2 texts in c.json were longer than 64 KiB"));
        assert_eq!(human_size(5 * 1024 * 1024), "5 MiB");
    }
}
