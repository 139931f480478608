//! What a session read from disk must satisfy before qbfix trusts it: its id has the shape
//! qbfix gives ids and matches the file's name (so saving it can only rewrite that same file,
//! never another session or a path outside the data dir), its case code has the shape of a
//! case code, a bank address in it is a plain web address, and every string in it is stripped of terminal control, bidi and invisible
//! characters (so nothing from a file reaches a terminal, report or log raw).

use serde_json::Value;

/// Longest string kept from a session file (a note is at most this long): the one table's.
use crate::files::limits::SESSION_TEXT_BYTES;

/// `YYYYMMDD-HHMMSS-xxxxxx` (hex suffix), as [`super::new_id`] makes them.
pub fn is_valid_id(id: &str) -> bool {
    let b = id.as_bytes();
    b.len() == 22
        && b[8] == b'-'
        && b[15] == b'-'
        && b[..8].iter().chain(&b[9..15]).all(u8::is_ascii_digit)
        && b[16..]
            .iter()
            .all(|c| c.is_ascii_digit() || (b'a'..=b'f').contains(c))
}

/// The letters case codes use: no 0/O or 1/I to misread on the phone.
pub const CASE_ALPHABET: &[u8] = b"23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

/// `QB-XXXX-XXXX` in [`CASE_ALPHABET`].
pub fn is_valid_case_code(code: &str) -> bool {
    let b = code.as_bytes();
    b.len() == 12
        && b.starts_with(b"QB-")
        && b[7] == b'-'
        && b[3..7].iter().chain(&b[8..]).all(|c| CASE_ALPHABET.contains(c))
}

/// `url` when it is an http(s) address with a host and no user name or password in it: what
/// the bank question accepts, and what a session file may hold as its bank address.
pub fn plain_web_address(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    if !matches!(scheme.to_ascii_lowercase().as_str(), "http" | "https") || url.len() > 2048 {
        return None;
    }
    let host = rest.split(['/', '?', '#']).next()?;
    let valid = !host.is_empty()
        && !host.contains('@')
        && host.contains('.')
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'));
    let clean = url.chars().all(|c| c.is_ascii_graphic());
    (valid && clean).then(|| url.to_string())
}

/// Checks a parsed session file named `<stem>.json`; on success every string in `v` has been
/// cleaned. The error says what is wrong, for the "damaged" warning.
pub fn check(v: &mut Value, stem: &str) -> Result<(), String> {
    let id = v.get("id").and_then(Value::as_str).unwrap_or_default();
    if !is_valid_id(id) {
        return Err("its id is not a qbfix session id".to_string());
    }
    if id != stem {
        return Err(format!("its id {id} does not match the file name"));
    }
    match v.get("case_code") {
        None | Some(Value::Null) => {}
        Some(Value::String(code)) if is_valid_case_code(code) => {}
        Some(_) => return Err("its case code is not a qbfix case code".to_string()),
    }
    match v.get("bank_address") {
        None | Some(Value::Null) => {}
        Some(Value::String(url)) if plain_web_address(url).is_some() => {}
        Some(_) => return Err("its bank address is not a plain web address".to_string()),
    }
    if too_long(v) {
        return Err(format!(
            "a text in it is longer than {}",
            crate::files::limits::human_size(SESSION_TEXT_BYTES as u64)
        ));
    }
    // Only a report's copy carries a redaction mark; a file claiming one is taken as recorded.
    if let Some(map) = v.as_object_mut() {
        map.remove("redaction");
    }
    crate::text::sanitize::clean_json(v, true);
    Ok(())
}

fn too_long(v: &Value) -> bool {
    match v {
        Value::String(s) => s.len() > SESSION_TEXT_BYTES,
        Value::Array(items) => items.iter().any(too_long),
        Value::Object(map) => map
            .iter()
            .any(|(k, v)| k.len() > SESSION_TEXT_BYTES || too_long(v)),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_case_codes_have_one_shape() {
        assert!(is_valid_id("20261218-101320-c0ffee"));
        for bad in [
            "./../../x",
            "20261218-101320-C0FFEE",
            "20261218-101320-c0ffee/",
            "",
            "20261218_101320-c0ffee",
        ] {
            assert!(!is_valid_id(bad), "{bad}");
        }
        assert!(is_valid_case_code("QB-7K3M-9TQ2"));
        for bad in [
            "QB-7K3M-9TQ0",
            "qb-7k3m-9tq2",
            "QB-7K3M-9TQ2\u{1b}]52;c;eA==\u{7}",
            "QB-7K3M9TQ2",
        ] {
            assert!(!is_valid_case_code(bad), "{bad:?}");
        }
    }

    #[test]
    fn the_id_must_be_the_file_name() {
        let mut v = serde_json::json!({"id": "20261218-101320-c0ffee"});
        assert!(check(&mut v, "20261218-101320-c0ffee").is_ok());
        let e = check(&mut v, "20261218-101320-c0ffef").unwrap_err();
        assert!(e.contains("does not match"), "{e}");
        let mut v = serde_json::json!({"id": "./../../x"});
        assert!(check(&mut v, "x").is_err());
    }

    #[test]
    fn strings_are_cleaned_and_bad_case_codes_refused() {
        let mut v = serde_json::json!({
            "id": "20261218-101320-c0ffee",
            "steps": [{"note": "a\u{1b}[2Jb\u{202e}\nc"}],
        });
        check(&mut v, "20261218-101320-c0ffee").unwrap();
        assert_eq!(v["steps"][0]["note"], "ab\nc");
        v["case_code"] = "QB-\u{1b}]52;c;eA==\u{7}".into();
        assert!(check(&mut v, "20261218-101320-c0ffee").is_err());
    }

    #[test]
    fn a_bank_address_must_be_a_plain_web_address() {
        let id = "20261218-101320-c0ffee";
        let mut v = serde_json::json!({"id": id, "bank_address": "https://mybank.com/login"});
        assert!(check(&mut v, id).is_ok());
        for bad in [
            "https://alice:s3cret@mybank.com/",
            "file:///etc/passwd",
            "https://mybank.com/\u{1b}]52;c;eA==\u{7}",
            "mybank.com",
        ] {
            let mut v = serde_json::json!({"id": id, "bank_address": bad});
            let e = check(&mut v, id).unwrap_err();
            assert!(e.contains("bank address"), "{bad:?}: {e}");
        }
        let mut v = serde_json::json!({"id": id, "bank_address": 7});
        assert!(check(&mut v, id).is_err());
    }
}
