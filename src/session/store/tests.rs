//! Tests of the session store: round trips, privacy of files, listing, damaged files.

use super::*;
use crate::session::{Outcome, SystemFacts};

fn session(store: &SessionStore, second: i64) -> Session {
    let now = Timestamp::from_second(second).unwrap();
    let (id, _lock) = store.claim_id(now).unwrap();
    Session::new(id, "qbo-502", now, SystemFacts::default())
}

/// `session` with step 1 answered.
fn answered(store: &SessionStore, second: i64) -> Session {
    let mut s = session(store, second);
    s.steps.push(crate::session::StepRecord {
        id: "symptom".into(),
        title: "What do you see?".into(),
        answer: Some("A 502".into()),
        answer_id: Some("bad_gateway".into()),
        note: None,
        note_draft: false,
        answered_at: Some(s.started_at),
        checks: Vec::new(),
    });
    s.history = vec!["symptom".into(), "connection".into()];
    s
}

#[test]
fn save_and_load_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let store = SessionStore::open(dir.path()).unwrap();
    let mut s = session(&store, 1_790_000_000);
    s.outcome = Outcome::Escalated;
    store.save(&s).unwrap();
    let (back, warnings) = store.load(&s.id).unwrap();
    assert_eq!(back, s);
    assert!(warnings.is_empty());
    // Nothing but the session file (and its lock's) is left behind.
    let names: Vec<_> = fs::read_dir(store.dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(names.contains(&format!("{}.json", s.id)) && names.contains(&format!(".{}.lock", s.id)));
}

#[cfg(unix)]
#[test]
fn files_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let store = SessionStore::open(&dir.path().join("data")).unwrap();
    let s = session(&store, 1_790_000_000);
    store.save(&s).unwrap();
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&store.dir().join(format!("{}.json", s.id))), 0o600);
    assert_eq!(mode(store.dir()), 0o700);
    assert_eq!(mode(&dir.path().join("data")), 0o700);
}

#[test]
fn list_is_newest_first_and_latest_unfinished_skips_finished_and_unanswered() {
    let dir = tempfile::tempdir().unwrap();
    let store = SessionStore::open(dir.path()).unwrap();
    let old = answered(&store, 1_790_000_000);
    let mut new = answered(&store, 1_790_000_100);
    new.outcome = Outcome::Resolved;
    let newest = session(&store, 1_790_000_200);
    store.save(&old).unwrap();
    store.save(&new).unwrap();
    store.save(&newest).unwrap();
    let (list, _) = store.list();
    assert_eq!(
        list.iter().map(|s| &s.id).collect::<Vec<_>>(),
        [&newest.id, &new.id, &old.id]
    );
    assert_eq!(store.latest_unfinished().0.unwrap().id, old.id);
    assert_eq!(store.find("latest").unwrap().0.id, newest.id);
}

#[test]
fn corrupt_file_is_moved_aside_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let store = SessionStore::open(dir.path()).unwrap();
    let good = session(&store, 1_790_000_000);
    store.save(&good).unwrap();
    let bad = store.dir().join("20260101-000000-bad000.json");
    fs::write(&bad, b"{\"schema_version\": 1, \"id\": \"trunc").unwrap();
    let (list, warnings) = store.list();
    assert_eq!(list.len(), 1);
    assert_eq!(warnings.len(), 1);
    assert!(warnings[0].0.contains("moved it to"), "{}", warnings[0]);
    assert!(!bad.exists());
    let aside: Vec<_> = fs::read_dir(store.dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.contains(".corrupt-"))
        .collect();
    assert_eq!(aside.len(), 1);
    assert_eq!(
        fs::read(store.dir().join(&aside[0])).unwrap(),
        b"{\"schema_version\": 1, \"id\": \"trunc"
    );
}

#[test]
fn unknown_ids_and_unusable_dirs_are_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    let store = SessionStore::open(dir.path()).unwrap();
    assert!(matches!(store.load("nope"), Err(StoreError::NotFound(_))));
    assert!(matches!(store.load("../x"), Err(StoreError::NotFound(_))));
    assert!(matches!(store.find("latest"), Err(StoreError::NoSessions)));
    let file = dir.path().join("file");
    fs::write(&file, b"x").unwrap();
    let e = SessionStore::open(&file).unwrap_err().to_string();
    assert!(e.contains(&file.display().to_string()), "{e}");
}

#[test]
fn a_second_damaged_copy_never_replaces_the_first() {
    let dir = tempfile::tempdir().unwrap();
    let store = SessionStore::open(dir.path()).unwrap();
    let path = store.dir().join("20260911-012640-abcdef.json");
    for text in ["first {", "second {"] {
        fs::write(&path, text).unwrap();
        let (_, warnings) = store.list();
        assert_eq!(warnings.len(), 1, "{warnings:?}");
    }
    let mut kept: Vec<String> = fs::read_dir(store.dir())
        .unwrap()
        .map(|e| fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    kept.sort();
    assert_eq!(kept, ["first {", "second {"]);
}

#[test]
fn a_finished_session_is_never_rewritten_by_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let store = SessionStore::open(dir.path()).unwrap();
    let mut s = session(&store, 1_790_000_000);
    // Unfinished: saved as often as it changes.
    store.save(&s).unwrap();
    s.history = vec!["symptom".into(), "summary".into()];
    s.outcome = Outcome::Escalated;
    s.finished_at = Some(Timestamp::from_second(1_790_000_100).unwrap());
    store.save(&s).unwrap();
    let path = store.dir().join(format!("{}.json", s.id));
    let record = fs::read(&path).unwrap();
    // The same record again is fine (nothing changes).
    store.save(&s).unwrap();
    assert_eq!(fs::read(&path).unwrap(), record);
    // Any other change is refused, and the file stays as it was.
    let mut reopened = s.clone();
    reopened.outcome = Outcome::Resolved;
    reopened.resolved_by = Some("connection".into());
    let err = store.save(&reopened).unwrap_err().to_string();
    assert!(err.contains("finished") && err.contains("record"), "{err}");
    let mut back_in_progress = s.clone();
    back_in_progress.outcome = Outcome::InProgress;
    back_in_progress.finished_at = None;
    assert!(store.save(&back_in_progress).is_err());
    assert_eq!(fs::read(&path).unwrap(), record);
}
