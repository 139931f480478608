//! What qbfix writes loads back (DESIGN.md "Sessions and reports": one table of limits),
//! as properties over the real writing paths and the store's real reader:
//!
//! - the wizard: any sequence of messages — answers, back, notes and drafts of any length and
//!   any characters, bank addresses, jumps, check results as the runner hands them over
//!   (cleaned) with texts of any length — leaves, whenever it asks to be saved and at the end,
//!   a session that the store saves and loads back as it was;
//! - `import`: any `check --json` or session document with texts of any length and any
//!   characters that import accepts becomes a saved session that loads back without a warning.

use jiff::Timestamp;
use proptest::prelude::*;
use serde_json::{Value, json};

use qbfix::evidence::{CheckResult, Status};
use qbfix::session::{Session, SessionStore, SystemFacts};
use qbfix::wizard::{Effect, Msg, Wizard};

fn now() -> Timestamp {
    Timestamp::from_second(1_790_000_000).unwrap()
}

/// Any text: short ones of any characters, and long ones (past 64 KiB, in bytes, often).
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => any::<String>(),
        1 => (any::<String>(), 1usize..12_000).prop_map(|(s, n)| s.repeat(n.min(300_000 / (s.len() + 1)))),
        1 => (1usize..30_000).prop_map(|n| "é\u{1b}[31m\n".repeat(n)),
    ]
}

fn status() -> impl Strategy<Value = Status> {
    prop_oneof![
        Just(Status::Pass),
        Just(Status::Warn),
        Just(Status::Fail),
        Just(Status::Skip),
        Just(Status::Error)
    ]
}

/// A check result as the runner hands it to the wizard: made by a check, then cleaned.
fn result() -> impl Strategy<Value = CheckResult> {
    let ids = prop_oneof![Just("http"), Just("dns"), Just("status_page"), Just("bank")];
    (ids, status(), text(), text(), text()).prop_map(|(id, status, summary, server, error)| {
        CheckResult::new(id, status, summary)
            .with("error", error)
            .with("server", json!([server, {"said": "x"}]))
            .cleaned()
    })
}

fn msg() -> impl Strategy<Value = Msg> {
    prop_oneof![
        4 => (0usize..6).prop_map(|n| Msg::Pick { n, at: now() }),
        1 => Just(Msg::Back),
        1 => Just(Msg::Up),
        1 => Just(Msg::Down),
        1 => Just(Msg::Confirm { at: now() }),
        3 => text().prop_map(|text| Msg::Note { text, at: jiff::Timestamp::UNIX_EPOCH }),
        1 => text().prop_map(|text| Msg::DraftNote { text, at: jiff::Timestamp::UNIX_EPOCH }),
        1 => text().prop_map(|text| Msg::BankAddress { text }),
        1 => prop_oneof![Just("https://mybank.com/login".to_string()), "https://[a-z]{1,9}\\.com/[ -~]{0,40}"]
            .prop_map(|text| Msg::BankAddress { text }),
        1 => "[a-z_]{1,12}".prop_map(|to| Msg::Jump { to, at: now() }),
        2 => proptest::collection::vec(result(), 1..3).prop_map(|results| Msg::CheckFinished {
            id: results[0].id.clone(),
            results,
        }),
        1 => Just(Msg::ChecksDone { at: now(), duration_ms: 7 }),
        1 => Just(Msg::RerunChecks),
    ]
}

fn flow() -> std::sync::Arc<qbfix::flow::Flow> {
    static FLOW: std::sync::OnceLock<std::sync::Arc<qbfix::flow::Flow>> = std::sync::OnceLock::new();
    FLOW.get_or_init(|| std::sync::Arc::new(qbfix::flow::default_flow().unwrap()))
        .clone()
}

/// Saves `session` and reads it back through the store: it loads, without a warning, as saved.
fn round_trip(store: &SessionStore, session: &Session) -> Result<(), TestCaseError> {
    store
        .save(session)
        .map_err(|e| TestCaseError::fail(format!("not saved: {e}")))?;
    let (loaded, warnings) = store
        .load(&session.id)
        .map_err(|e| TestCaseError::fail(format!("does not load back: {e}")))?;
    prop_assert!(warnings.is_empty(), "{warnings:?}");
    prop_assert_eq!(&loaded, session);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn any_session_the_wizard_makes_loads_back(helpdesk: bool, msgs in proptest::collection::vec(msg(), 1..24)) {
        let dir = tempfile::tempdir().unwrap();
        let store = SessionStore::open(dir.path()).unwrap();
        let mut session = Session::new("20260101-000001-abcdef".into(), "qbo-502", now(), SystemFacts::default());
        if helpdesk {
            session.case_code = Some("QB-7K3M-9TQ2".into());
        }
        let (mut wizard, _) = Wizard::new(flow(), session);
        wizard.update(Msg::ChecksStarted { ids: vec!["http".into()], at: now() });
        // Saved when the wizard asks (as the driver does), and at the end (as on quit).
        for msg in msgs {
            if wizard.update(msg).contains(&Effect::Save) {
                round_trip(&store, wizard.session())?;
            }
        }
        round_trip(&store, wizard.session())?;
    }
}

/// A `check --json` document with these texts.
fn check_doc(texts: &[String], status: &str) -> Value {
    json!({
        "schema_version": 1,
        "verdict": {"id": "local_ok", "title": texts[0], "advice": texts[1]},
        "checks": [
            {"id": texts[2], "status": status, "summary": texts[3], "details": {texts[4].clone(): texts[5], "n": [texts[6], 5]}},
            {"id": "system", "status": "pass", "summary": "ok", "details": {"os": texts[7], "arch": texts[0]}}
        ],
        "duration_ms": 12
    })
}

/// A session document (`report --format json`) with these texts.
fn session_doc(texts: &[String], case: &str) -> Value {
    json!({
        "schema_version": 1,
        "id": "20260101-000001-abcdef",
        "flow": texts[0],
        "started_at": "2026-01-01T00:00:01Z",
        "finished_at": null,
        "outcome": "unresolved",
        "resolved_by": texts[1],
        "verdict": {"id": "offline", "title": texts[2], "advice": texts[3]},
        "case_code": case,
        "steps": [
            {"id": texts[4], "title": texts[5], "answer": texts[6], "answer_id": "yes", "note": texts[7], "answered_at": "2026-01-01T00:00:02Z", "checks": []},
            {"id": "b", "title": "t", "answer": null, "note": null, "answered_at": null}
        ],
        "checks": [{"id": "http", "status": "fail", "summary": texts[1], "details": {"error": texts[3]}}],
        "check_runs": [{"started_at": "2026-01-01T00:00:01Z", "finished_at": null, "duration_ms": 3}],
        "system": {"os": texts[6], "os_version": texts[7], "arch": "x86_64", "qbfix_version": texts[0]}
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn any_import_loads_back(
        texts in proptest::collection::vec(text(), 8),
        as_session: bool,
        bom: bool,
        case in prop_oneof![Just("QB-7K3M-9TQ2".to_string()), any::<String>()],
    ) {
        let doc = if as_session { session_doc(&texts, &case) } else { check_doc(&texts, "warn") };
        let mut bytes = if bom { b"\xEF\xBB\xBF".to_vec() } else { Vec::new() };
        bytes.extend(serde_json::to_vec(&doc).unwrap());
        let (session, _cut) = qbfix::session::import::session_from_json("c.json", &bytes, now())
            .map_err(|e| TestCaseError::fail(format!("refused: {e}")))?;
        let dir = tempfile::tempdir().unwrap();
        let store = SessionStore::open(dir.path()).unwrap();
        let saved = qbfix::session::import::save_new(&store, session, now())
            .map_err(|e| TestCaseError::fail(format!("not saved: {e}")))?;
        let (_, warnings) = store
            .load(&saved.id)
            .map_err(|e| TestCaseError::fail(format!("does not load back: {e}")))?;
        prop_assert!(warnings.is_empty(), "{warnings:?}");
    }
}
