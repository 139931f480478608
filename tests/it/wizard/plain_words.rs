//! What a person reads outside `--json`: `check` and plain mode wrapped at the terminal width
//! (COLUMNS=60) with no word split, and no config syntax, verdict id or address said twice
//! in one sentence — on a healthy, an offline and an outage network.

use std::collections::HashSet;

use crate::support::Env;

const COLUMNS: usize = 60;

fn width(line: &str) -> usize {
    line.chars().count()
}

fn words(text: &str) -> HashSet<String> {
    text.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
        .filter(|w| !w.is_empty() && !w.chars().any(|c| c.is_ascii_digit()))
        .collect()
}

/// Every line fits in 60 columns (but a single word longer than that), and every word of
/// `source` appears whole.
fn assert_wrapped(out: &str, source: &str) {
    for line in out.lines() {
        assert!(
            width(line) <= COLUMNS || !line.trim().contains(' '),
            "line over {COLUMNS} columns: {line:?}\n{out}"
        );
    }
    let shown = words(out);
    for w in words(source) {
        assert!(shown.contains(&w), "{w:?} split or missing in:\n{out}");
    }
}

fn check_table(env: &Env) -> String {
    let out = env.cmd().arg("check").env("COLUMNS", "60").output().unwrap();
    String::from_utf8(out.stdout).unwrap()
}

fn check_json(env: &Env) -> serde_json::Value {
    let out = env.cmd().args(["check", "--json"]).output().unwrap();
    serde_json::from_slice(&out.stdout).unwrap()
}

fn plain(env: &Env, input: &str) -> String {
    let out = env
        .cmd()
        .arg("--plain")
        .env("COLUMNS", "60")
        .write_stdin(input)
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn check_is_wrapped_at_60_columns_with_no_word_split() {
    for env in [Env::new(), Env::offline(), Env::with_qbo_status(502)] {
        let table = check_table(&env);
        let json = check_json(&env);
        let mut source = String::new();
        source.push_str(json["verdict"]["advice"].as_str().unwrap());
        for r in json["checks"].as_array().unwrap() {
            source.push(' ');
            source.push_str(r["summary"].as_str().unwrap());
        }
        assert_wrapped(&table, &source);
    }
}

#[test]
fn plain_mode_is_wrapped_at_60_columns_with_no_word_split() {
    let flow = qbfix::flow::default_flow().unwrap();
    let env = Env::new();
    let out = plain(&env, "2\n2\n2\n");
    let mut source = String::new();
    for id in ["symptom", "cache", "connection", "server_status"] {
        source.push_str(&flow.step(id).unwrap().text);
        source.push(' ');
    }
    assert_wrapped(&out, &source);
}

/// "127.0.0.1:4242"-like addresses and host names in one sentence.
fn addresses(sentence: &str) -> Vec<String> {
    sentence
        .split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | ',' | ';' | '"'))
        .map(|w| w.trim_end_matches([':', '.']))
        .filter(|w| w.contains(':') && w.chars().filter(|c| *c == '.').count() >= 1)
        .map(str::to_string)
        .collect()
}

fn assert_plain_words(text: &str) {
    assert!(!text.contains("[targets]"), "config syntax in:\n{text}");
    for id in qbfix::evidence::VerdictId::ALL {
        let id = id.as_str();
        if id.contains('_') {
            assert!(!text.contains(id), "verdict id {id} in:\n{text}");
        }
    }
    // Sentences: a new item (a status line, a list entry, a paragraph) starts a new one.
    let mut marked = String::new();
    for line in text.lines() {
        let starts_item = line.is_empty()
            || line
                .trim_start()
                .starts_with(['✓', '✗', '!', '-', '⇄', '⊘', '☁', '⌂', '◆'])
            || !line.starts_with(' ');
        marked.push_str(if starts_item { ". " } else { " " });
        marked.push_str(line.trim());
    }
    let joined = marked.split_whitespace().collect::<Vec<_>>().join(" ");
    for sentence in joined.split(". ") {
        let found = addresses(sentence);
        let unique: HashSet<&String> = found.iter().collect();
        assert_eq!(
            unique.len(),
            found.len(),
            "an address said twice in: {sentence:?}"
        );
    }
}

#[test]
fn no_text_outside_json_has_config_syntax_ids_or_an_address_twice() {
    for env in [Env::new(), Env::offline(), Env::with_qbo_status(502)] {
        assert_plain_words(&check_table(&env));
        assert_plain_words(&plain(&env, &"2\n".repeat(10)));
    }
}

#[test]
fn a_config_type_error_names_the_key_in_words() {
    let env = Env::new();
    // The config the command reads, now with a word where a number belongs.
    std::fs::write(env.config_path(), "[network]\ntimeout_ms = \"fast\"\n").unwrap();
    let out = env.cmd().arg("check").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.ends_with(
            "config.toml:2:14: network.timeout_ms: expected a whole number of milliseconds, found the text \"fast\"\n"
        ),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}
