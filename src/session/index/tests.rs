//! Tests of the index: built on the first listing, trusted while the folder's stamps match,
//! a changed, new or gone file noticed, a lost or damaged index rebuilt, saves from many
//! threads at once leaving it whole, and entries from a tampered index checked.

use std::fs;

use jiff::Timestamp;

use super::*;
use crate::session::{StepRecord, StoreError, SystemFacts};

fn store() -> (tempfile::TempDir, SessionStore) {
    let dir = tempfile::tempdir().unwrap();
    let store = SessionStore::open(dir.path()).unwrap();
    (dir, store)
}

/// A session started at `second`, step 1 answered.
fn saved(store: &SessionStore, second: i64) -> Session {
    let now = Timestamp::from_second(second).unwrap();
    let (id, _lock) = store.claim_id(now).unwrap();
    let mut s = Session::new(id, "qbo-502", now, SystemFacts::default());
    s.steps.push(StepRecord {
        id: "symptom".into(),
        title: "What do you see?".into(),
        answer: Some("A 502".into()),
        answer_id: Some("bad_gateway".into()),
        note: None,
        note_draft: false,
        answered_at: Some(now),
        checks: Vec::new(),
    });
    s.history = vec!["symptom".into()];
    store.save(&s).unwrap();
    s
}

/// Overwrites `path` with as many `#` as it has bytes, keeping its time: damage that the
/// folder's listing cannot see.
fn damage_in_place(path: &Path) {
    let meta = fs::metadata(path).unwrap();
    let garbage = vec![b'#'; usize::try_from(meta.len()).unwrap()];
    let mut file = fs::OpenOptions::new().write(true).open(path).unwrap();
    std::io::Write::write_all(&mut file, &garbage).unwrap();
    file.set_modified(meta.modified().unwrap()).unwrap();
}

fn path(store: &SessionStore, id: &str) -> PathBuf {
    store.dir().join(format!("{id}.json"))
}

#[test]
fn saves_keep_the_index_and_a_listing_trusts_it_while_the_stamps_match() {
    let (_dir, store) = store();
    // No index yet: the first listing reads the files and writes it.
    let a = saved(&store, 1_790_000_000);
    let b = saved(&store, 1_790_000_100);
    assert!(
        !store.index_path().exists(),
        "a save never builds a missing index"
    );
    let (entries, warnings) = store.list();
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(entries.iter().map(|e| &e.id).collect::<Vec<_>>(), [&b.id, &a.id]);
    assert!(store.index_path().is_file());
    // From now on a save updates its entry.
    let c = saved(&store, 1_790_000_200);
    let known = store.read_index().unwrap();
    assert_eq!(
        known[&c.id],
        Entry::of(&c, Stamp::of(&fs::metadata(path(&store, &c.id)).unwrap()))
    );
    assert!(known[&c.id].has_input && !known[&c.id].is_finished());

    // Damaged in place, stamps unchanged: trusted, so never read.
    for s in [&a, &b, &c] {
        damage_in_place(&path(&store, &s.id));
    }
    let (entries, warnings) = store.list();
    assert_eq!(entries.len(), 3);
    assert!(warnings.is_empty(), "a file was read: {warnings:?}");
    assert_eq!(store.latest_unfinished().0.unwrap().id, c.id);
    assert!(store.case_codes().is_empty());
    // Reading one finds the damage, moves it aside, and it leaves the index.
    assert!(matches!(store.load(&c.id), Err(StoreError::Corrupt(_))));
    assert!(!store.read_index().unwrap().contains_key(&c.id));
}

#[test]
fn a_changed_new_or_gone_file_is_noticed() {
    let (_dir, store) = store();
    let mut a = saved(&store, 1_790_000_000);
    let b = saved(&store, 1_790_000_100);
    store.list();
    // Another program (an older qbfix) rewrites a, adds c, deletes b: none of it indexed.
    a.case_code = Some("QB-2222-3333".into());
    fs::write(path(&store, &a.id), serde_json::to_vec(&a).unwrap()).unwrap();
    fs::remove_file(path(&store, &b.id)).unwrap();
    let c = Session::new(
        "20270101-000000-00000c".into(),
        "qbo-502",
        Timestamp::from_second(1_800_000_000).unwrap(),
        SystemFacts::default(),
    );
    fs::write(path(&store, &c.id), serde_json::to_vec(&c).unwrap()).unwrap();
    let (entries, _) = store.list();
    assert_eq!(entries.iter().map(|e| &e.id).collect::<Vec<_>>(), [&c.id, &a.id]);
    assert_eq!(entries[1].case_code.as_deref(), Some("QB-2222-3333"));
    assert_eq!(
        store.case_codes().into_iter().collect::<Vec<_>>(),
        ["QB-2222-3333"]
    );
    // Unanswered: listed, but not what `--resume` takes.
    assert!(!entries[0].has_input);
    assert_eq!(store.latest_unfinished().0.unwrap().id, a.id);
    // An empty file is a reservation being written: not listed, not damaged.
    fs::write(store.dir().join("20270101-000000-0000ff.json"), b"").unwrap();
    let (entries, warnings) = store.list();
    assert_eq!((entries.len(), warnings.len()), (2, 0));
}

#[test]
fn a_lost_damaged_or_foreign_index_is_rebuilt_from_the_files() {
    let (_dir, store) = store();
    let a = saved(&store, 1_790_000_000);
    for index in [
        None,
        Some(&b"{\"format\": 1, \"sess"[..]),
        Some(&b"{\"format\": 99, \"sessions\": []}"[..]),
    ] {
        match index {
            None => {
                let _ = fs::remove_file(store.index_path());
            }
            Some(bytes) => fs::write(store.index_path(), bytes).unwrap(),
        }
        let (entries, warnings) = store.list();
        assert_eq!(
            entries.iter().map(|e| &e.id).collect::<Vec<_>>(),
            [&a.id],
            "{index:?}"
        );
        assert!(warnings.is_empty());
        assert_eq!(store.read_index().unwrap().len(), 1, "written again");
    }
}

#[test]
fn entries_of_a_tampered_index_are_checked() {
    let (_dir, store) = store();
    let a = saved(&store, 1_790_000_000);
    store.list();
    let mut text = fs::read_to_string(store.index_path()).unwrap();
    text = text.replace("What do you see?", "What \\u001b]52;c;eA==\\u0007 do you see?");
    let stamp = &text[text.find("\"stamp\"").unwrap()..];
    let stamp = &stamp[..stamp.find('}').unwrap() + 1];
    let planted = format!(
        "{{\"id\":\"../../x\",\"started_at\":\"2026-01-01T00:00:00Z\",\"flow\":\"qbo-502\",\"outcome\":\"in_progress\",{stamp}}},"
    );
    text = text.replacen("\"sessions\":[", &format!("\"sessions\":[{planted}"), 1);
    fs::write(store.index_path(), &text).unwrap();
    let known = store.read_index().unwrap();
    assert_eq!(known.len(), 1, "{known:?}");
    assert!(
        crate::text::sanitize::is_clean(&known[&a.id].step_title),
        "{:?}",
        known[&a.id]
    );
}

#[test]
fn saves_from_many_windows_at_once_leave_the_index_whole() {
    let (_dir, store) = store();
    saved(&store, 1_790_000_000);
    store.list();
    let threads: Vec<_> = (0..8)
        .map(|i| {
            let store = store.clone();
            std::thread::spawn(move || {
                for j in 0..5 {
                    saved(&store, 1_790_001_000 + i * 100 + j);
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    // Whole at all times; entries a busy lock made a save skip are read by the next listing.
    assert!(store.read_index().is_some());
    let (entries, warnings) = store.list();
    assert_eq!((entries.len(), warnings.len()), (41, 0));
    assert_eq!(store.read_index().unwrap().len(), 41);
}
