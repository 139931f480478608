//! Properties of everything qbfix reads and writes: any bytes as a config, flow or session file
//! give a value or an error, never a panic; the sanitizer's output never holds a control, bidi
//! or invisible formatting character; the redactor never panics and never lets a known value
//! through.

use std::path::Path;

use proptest::prelude::*;
use qbfix::config::Config;
use qbfix::session::{Session, SessionStore, SystemFacts};
use qbfix::text::redact::Redactor;
use qbfix::text::sanitize;

fn bytes() -> impl Strategy<Value = Vec<u8>> {
    proptest::collection::vec(any::<u8>(), 0..1024)
}

/// TOML-shaped noise: tables, keys and values qbfix knows, in any order and nesting.
fn tomlish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("[network]\n".to_string()),
        Just("[targets]\n".to_string()),
        Just("[tls]\n".to_string()),
        Just("[[step]]\n".to_string()),
        Just("[[step.answer]]\n".to_string()),
        "(timeout_ms|slow_ms|dns_timeout_ms|quickbooks|extra_ca_file|id|title|next|checks|kind) = ",
        Just("\"http://127.0.0.1:9/\"\n".to_string()),
        Just("[\"https://a.invalid/\", 3]\n".to_string()),
        "[0-9]{1,12}\n",
        "\"[ -~]{0,12}\"\n",
        Just("\"\\u001b]52;c;eA==\\u0007\"\n".to_string()),
        any::<String>(),
    ];
    proptest::collection::vec(piece, 0..24).prop_map(|p| p.concat())
}

fn a_session() -> Session {
    let now = jiff::Timestamp::from_second(1_790_000_000).unwrap();
    let mut s = Session::new(
        "20260911-012640-abcdef".into(),
        "qbo-502",
        now,
        SystemFacts::default(),
    );
    s.case_code = Some("QB-7K3M-9TQ2".into());
    s
}

fn all_strings_clean(v: &serde_json::Value) -> bool {
    use serde_json::Value;
    match v {
        Value::String(s) => sanitize::is_clean(s),
        Value::Array(items) => items.iter().all(all_strings_clean),
        Value::Object(map) => map
            .iter()
            .all(|(k, v)| sanitize::is_clean(k) && all_strings_clean(v)),
        _ => true,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn any_bytes_as_a_config_give_an_error_or_a_config(data in bytes(), text in tomlish()) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        for content in [data, text.into_bytes()] {
            std::fs::write(&path, &content).unwrap();
            if let Err(e) = Config::load(&path) {
                let shown = e.to_string();
                prop_assert!(sanitize::is_clean(&shown), "{shown:?}");
                prop_assert!(shown.starts_with(&path.display().to_string()));
            }
        }
    }

    #[test]
    fn any_bytes_as_a_flow_give_an_error_or_a_flow(data in bytes(), text in tomlish()) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("flow.toml");
        for content in [data, text.into_bytes()] {
            std::fs::write(&path, &content).unwrap();
            let _ = qbfix::flow::load_file(&path);
        }
    }

    #[test]
    fn any_bytes_as_a_session_file_load_or_are_moved_aside(data in bytes()) {
        let dir = tempfile::tempdir().unwrap();
        let store = SessionStore::open(dir.path()).unwrap();
        let path = store.dir().join("20260911-012640-abcdef.json");
        std::fs::write(&path, &data).unwrap();
        let (sessions, warnings) = store.list();
        prop_assert!(sessions.len() <= 1);
        prop_assert!(warnings.iter().all(|w| sanitize::is_clean(&w.0)));
        let _ = store.load("20260911-012640-abcdef");
    }

    /// A real session file with a few bytes changed: deeper than random bytes get.
    #[test]
    fn a_damaged_real_session_file_never_panics(edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..6)) {
        let dir = tempfile::tempdir().unwrap();
        let store = SessionStore::open(dir.path()).unwrap();
        let mut bytes = serde_json::to_vec_pretty(&a_session()).unwrap();
        for (at, b) in edits {
            let i = at.index(bytes.len());
            bytes[i] = b;
        }
        std::fs::write(store.dir().join("20260911-012640-abcdef.json"), &bytes).unwrap();
        if let Ok((s, _)) = store.load("20260911-012640-abcdef") {
            prop_assert_eq!(s.id.as_str(), "20260911-012640-abcdef");
            prop_assert!(s.case_code.as_deref().is_none_or(qbfix::session::is_valid_case_code));
            let v = serde_json::to_value(&s).unwrap();
            prop_assert!(all_strings_clean(&v), "a raw character kept: {}", v);
        }
    }

    #[test]
    fn sanitized_text_has_no_control_bidi_or_invisible_character(s in any::<String>(), noise in "[\u{0}-\u{9f}\u{200b}-\u{200f}\u{202a}-\u{202e}\u{2066}-\u{2069}\u{feff}\u{ad}\u{e0001}a-z]{0,64}") {
        for input in [s, noise] {
            let one = sanitize::clean(&input);
            prop_assert!(sanitize::is_clean(&one) && !one.contains('\n'), "{one:?}");
            prop_assert!(sanitize::is_clean(&sanitize::clean_multiline(&input)));
            prop_assert!(sanitize::is_clean(&sanitize::html(&input)));
            prop_assert!(sanitize::is_clean(&sanitize::markdown(&input)));
        }
    }

    #[test]
    fn the_redactor_never_panics_and_hides_what_it_knows(s in any::<String>(), ascii in "[ -~]{0,80}", a in 0u8..=255, b in 0u8..=255) {
        let r = Redactor::with(&["zelda".to_string()], Some("/home/zelda"), Some("zelda-pc"));
        for input in [s, ascii] {
            let _ = r.text(&input);
            let planted = format!("{input} zelda 192.168.{a}.{b} /home/zelda/x {input}");
            let shown = r.text(&planted);
            prop_assert!(!shown.contains(&format!(" 192.168.{a}.{b} ")), "{shown}");
            prop_assert!(!shown.contains(" zelda ") && !shown.contains("/home/zelda/"), "{shown}");
        }
    }
}

#[test]
fn the_strategies_reach_real_errors() {
    // Not a property: the config strategy's pieces do reach the validator, not only the parser.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.toml");
    std::fs::write(&path, "[network]\ntimeout_ms = 0\n").unwrap();
    let e = Config::load(Path::new(&path)).unwrap_err().to_string();
    assert!(e.contains("timeout_ms must be between"), "{e}");
}
