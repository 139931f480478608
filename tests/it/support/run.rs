//! What one `qbfix check` run did, and assertions on it: verdict, per-check results, and that
//! no stream or JSON string carries an escape, control or bidi character; and the codes
//! `qbfix` prints for a person to read out.

use std::time::Duration;

use serde_json::Value;

/// What one `qbfix check` run did.
#[derive(Debug)]
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
    pub report: Value,
    pub elapsed: Duration,
}

impl Run {
    pub fn verdict(&self) -> &str {
        self.report["verdict"]["id"].as_str().unwrap_or("")
    }

    /// Every result with this check id.
    pub fn results(&self, id: &str) -> Vec<&Value> {
        self.report["checks"]
            .as_array()
            .map(|list| list.iter().filter(|r| r["id"] == id).collect())
            .unwrap_or_default()
    }

    /// The status of the only (or first) result with this id.
    pub fn status(&self, id: &str) -> String {
        let results = self.results(id);
        let first = results
            .first()
            .unwrap_or_else(|| panic!("no {id} result in {}", self.stdout));
        first["status"].as_str().unwrap_or("").to_string()
    }

    /// The summary of the first result with this id.
    pub fn summary(&self, id: &str) -> String {
        self.results(id)
            .first()
            .and_then(|r| r["summary"].as_str())
            .unwrap_or("")
            .to_string()
    }

    /// Asserts that neither stream, nor any string inside the JSON, carries an escape,
    /// another control character or a bidi control.
    pub fn assert_clean(&self) {
        for (name, text) in [("stdout", &self.stdout), ("stderr", &self.stderr)] {
            if let Some(c) = text.chars().find(|c| is_dirty(*c)) {
                panic!("{name} contains {c:?}:\n{text}");
            }
        }
        assert_clean_value(&self.report);
    }

    /// A compact dump for assertion messages.
    pub fn dump(&self) -> String {
        format!("exit {:?}\n{}\n{}", self.code, self.stdout, self.stderr)
    }
}

/// An escape, control (but newline) or bidi character: never allowed in any output.
pub fn is_dirty(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(c, '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
}

fn assert_clean_value(v: &Value) {
    match v {
        Value::String(s) => assert!(!s.chars().any(is_dirty), "dirty string in JSON: {s:?}"),
        Value::Array(items) => items.iter().for_each(assert_clean_value),
        Value::Object(map) => {
            for (k, v) in map {
                assert!(!k.chars().any(is_dirty), "dirty key in JSON: {k:?}");
                assert_clean_value(v);
            }
        }
        _ => {}
    }
}

/// The case code `qbfix import` printed ("… as session ID (QB-XXXX-XXXX).").
pub fn printed_case_code(stdout: &str) -> String {
    stdout
        .split_whitespace()
        .find(|w| w.starts_with("QB-"))
        .map(|w| w.trim_end_matches([')', '.']).to_string())
        .unwrap_or_else(|| panic!("no case code printed: {stdout}"))
}

/// The result code on the "Result code: …" line of `qbfix check`'s table.
pub fn printed_result_code(stdout: &str) -> String {
    stdout
        .lines()
        .find_map(|l| l.trim().strip_prefix("Result code: "))
        .and_then(|l| l.split_whitespace().next())
        .unwrap_or_else(|| panic!("no result code in\n{stdout}"))
        .to_string()
}
