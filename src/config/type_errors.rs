//! Config type errors in words: which key, what it expects, what it found —
//! `qbfix.toml:2:14: network.timeout_ms: expected a whole number of milliseconds, found the
//! text "fast"` rather than serde's `invalid type: string "fast", expected u64`.

/// What each key expects, in words.
fn expected(key: &str) -> &'static str {
    match key.rsplit('.').next().unwrap_or(key) {
        "timeout_ms" | "dns_timeout_ms" | "slow_ms" => "a whole number of milliseconds",
        "samples" => "a whole number",
        "quickbooks" | "control" | "bank" => "a list of web addresses in quotes, like [\"https://…\"]",
        "status_page" => "a web address in quotes, like \"https://…\"",
        "proxy" => "\"system\", \"none\" or a proxy address in quotes",
        "extra_ca_file" => "a file name in quotes",
        "expected_issuers" => "a list of names in quotes, like [\"DigiCert\"]",
        "network" | "targets" | "tls" => "a table (a [section] heading)",
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

/// The dotted key whose value starts at byte `offset`: the key on its line (or the nearest
/// line above with `=`, for a list spread over lines) under the last `[table]` heading.
fn key_at(text: &str, offset: usize) -> Option<String> {
    let before = text.get(..offset.min(text.len()))?;
    let mut key = None;
    let mut table = None;
    let line_end = text[before.len()..]
        .find('\n')
        .map_or(text.len(), |i| before.len() + i);
    let upto = &text[..line_end];
    for line in upto.lines().rev() {
        let line = line.trim();
        if key.is_none()
            && let Some((k, _)) = line.split_once('=')
            && !line.starts_with('[')
        {
            key = Some(k.trim().trim_matches('"').to_string());
        }
        if line.starts_with('[') {
            table = Some(line.trim_matches(['[', ']', ' ']).to_string());
            break;
        }
    }
    let key = key?;
    Some(match table {
        Some(t) if !t.is_empty() => format!("{t}.{key}"),
        _ => key,
    })
}

/// A plain message for serde's "invalid type: X, expected Y" at `offset`, if it is one.
pub fn describe(text: &str, offset: usize, message: &str) -> Option<String> {
    let rest = message.trim().strip_prefix("invalid type: ")?;
    let (what, _) = rest.split_once(", expected")?;
    let key = key_at(text, offset)?;
    Some(format!(
        "{key}: expected {}, found {}",
        expected(&key),
        found(what)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_errors_name_the_key_and_say_what_is_expected() {
        let text = "[network]\ntimeout_ms = \"fast\"\n";
        let offset = text.find("\"fast\"").unwrap();
        assert_eq!(
            describe(text, offset, "invalid type: string \"fast\", expected u64").as_deref(),
            Some("network.timeout_ms: expected a whole number of milliseconds, found the text \"fast\"")
        );
        let text = "[targets]\nbank = \"https://bank.example/\"\n";
        let offset = text.find('"').unwrap();
        assert_eq!(
            describe(
                text,
                offset,
                "invalid type: string \"https://bank.example/\", expected a sequence"
            )
            .as_deref(),
            Some(
                "targets.bank: expected a list of web addresses in quotes, like [\"https://…\"], found the text \"https://bank.example/\""
            )
        );
        assert_eq!(describe(text, 0, "unknown field `x`"), None);
    }
}
