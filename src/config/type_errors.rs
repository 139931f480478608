//! Config errors in words, named by the key's path as the deserializer walked it
//! (`serde_path_to_error`: `network.timeout_ms`, inline tables and list items too —
//! `tls.expected_issuers[1]`): which key, what it expects, what it found —
//! `qbfix.toml:2:14: network.timeout_ms: expected a whole number of milliseconds, found the
//! text "fast"` rather than serde's `invalid type: string "fast", expected u64`. A key set
//! twice is found before any deserializing (the TOML parser refuses the file): its path is
//! found by parsing the file again with that one key renamed ([`duplicate_path`]).

/// What each key expects, in words; `item` for one entry of a list.
fn expected(key: &str, item: bool) -> &'static str {
    match (key, item) {
        ("quickbooks" | "control" | "bank", true) => "a web address in quotes, like \"https://…\"",
        ("expected_issuers", true) => "a name in quotes, like \"DigiCert\"",
        ("timeout_ms" | "dns_timeout_ms" | "slow_ms", _) => "a whole number of milliseconds",
        ("samples", _) => "a whole number",
        ("quickbooks" | "control" | "bank", _) => "a list of web addresses in quotes, like [\"https://…\"]",
        ("status_page", _) => "a web address in quotes, like \"https://…\"",
        ("proxy", _) => "\"system\", \"none\" or a proxy address in quotes",
        ("extra_ca_file", _) => "a file name in quotes",
        ("expected_issuers", _) => "a list of names in quotes, like [\"DigiCert\"]",
        ("network" | "targets" | "tls", _) => "a table (a [section] heading)",
        _ => "another kind of value",
    }
}

/// serde's "string \"fast\"" / "integer `5`" / "boolean `true`" / "sequence" in words.
fn found(what: &str) -> String {
    let what = what.trim();
    if let Some(s) = what.strip_prefix("string ") {
        return format!("the text {s}");
    }
    for (serde, words) in [("integer ", "the number "), ("floating point ", "the number ")] {
        if let Some(n) = what.strip_prefix(serde) {
            return format!("{words}{}", n.trim_matches('`'));
        }
    }
    if let Some(b) = what.strip_prefix("boolean ") {
        return format!("{} (a yes/no value)", b.trim_matches('`'));
    }
    match what {
        "sequence" => "a list".to_string(),
        "map" => "a table".to_string(),
        other => other.to_string(),
    }
}

/// The last key of `path` (`expected_issuers` of `tls.expected_issuers[1]`), and whether the
/// path ends at one item of a list.
fn last_key(path: &str) -> (&str, bool) {
    let last = path.rsplit('.').next().unwrap_or(path);
    match last.split_once('[') {
        Some((key, _)) => (key, true),
        None => (last, false),
    }
}

/// The one problem of the deserializer's `message` at key `path` (empty or `.` at the top),
/// in words and named by the key.
pub fn describe(path: &str, message: &str) -> String {
    let message = message.trim();
    let path = path.trim_matches('.');
    let (key, item) = last_key(path);
    let mismatch = message
        .strip_prefix("invalid type: ")
        .or_else(|| message.strip_prefix("invalid value: "))
        .and_then(|rest| rest.split_once(", expected"));
    if let Some((what, _)) = mismatch {
        return format!("{path}: expected {}, found {}", expected(key, item), found(what));
    }
    if let Some(rest) = message.strip_prefix("unknown field `")
        && let Some((field, known)) = rest.split_once('`')
    {
        // The path may end at the unknown key already (serde_path_to_error records it).
        let named = match path {
            "" => field.to_string(),
            _ if key == field => path.to_string(),
            _ => format!("{path}.{field}"),
        };
        let known = known
            .trim_start_matches(", expected one of ")
            .trim_start_matches(", expected ")
            .replace('`', "");
        return format!("{named}: unknown key (the keys here: {known})");
    }
    if path.is_empty() {
        message.to_string()
    } else {
        format!("{path}: {message}")
    }
}

/// A bare key no config has, standing in for the key set twice.
const PROBE: &str = "qbfix_duplicate_key_probe";

/// The path of the key written at `span` in `text` that the parser found set twice: the file
/// is parsed again with that key renamed to [`PROBE`], and the probe is looked for.
pub fn duplicate_path(text: &str, span: std::ops::Range<usize>) -> Option<String> {
    let written = text.get(span.clone())?.trim();
    let name = written.trim_matches(['"', '\'']);
    let renamed = format!("{}{PROBE}{}", &text[..span.start], &text[span.end..]);
    let table: toml::Table = toml::from_str(&renamed).ok()?;
    let mut path = find_probe(&toml::Value::Table(table))?;
    path.pop();
    path.push(name.to_string());
    Some(path.join("."))
}

/// The keys leading to [`PROBE`] in `value`, the probe last.
fn find_probe(value: &toml::Value) -> Option<Vec<String>> {
    match value {
        toml::Value::Table(table) => table.iter().find_map(|(key, v)| {
            if key == PROBE {
                return Some(vec![key.clone()]);
            }
            let mut path = find_probe(v)?;
            path.insert(0, key.clone());
            Some(path)
        }),
        toml::Value::Array(items) => items.iter().find_map(find_probe),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_errors_name_the_key_and_say_what_is_expected() {
        assert_eq!(
            describe(
                "network.timeout_ms",
                "invalid type: string \"fast\", expected u64"
            ),
            "network.timeout_ms: expected a whole number of milliseconds, found the text \"fast\""
        );
        assert_eq!(
            describe(
                "targets.bank",
                "invalid type: string \"https://bank.example/\", expected a sequence"
            ),
            "targets.bank: expected a list of web addresses in quotes, like [\"https://…\"], found the text \"https://bank.example/\""
        );
        assert_eq!(
            describe("targets.bank[0]", "invalid type: integer `5`, expected a string"),
            "targets.bank[0]: expected a web address in quotes, like \"https://…\", found the number 5"
        );
        assert_eq!(
            describe("network", "unknown field `x`, expected one of `a`, `b`"),
            "network.x: unknown key (the keys here: a, b)"
        );
        assert_eq!(
            describe("network.x", "unknown field `x`, expected `a`"),
            "network.x: unknown key (the keys here: a)"
        );
    }

    #[test]
    fn a_duplicate_is_found_at_its_path() {
        let text = "[network]\nsamples = 1\nsamples = 2\n";
        let at = text.rfind("samples").unwrap();
        assert_eq!(
            duplicate_path(text, at..at + 7).as_deref(),
            Some("network.samples")
        );
        let text = "targets = { bank = [], \"bank\" = [] }\n";
        let at = text.find("\"bank\"").unwrap();
        assert_eq!(duplicate_path(text, at..at + 6).as_deref(), Some("targets.bank"));
    }
}
