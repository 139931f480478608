//! The store's index (issue 16, item 8): what start-up and `sessions` need is read from one
//! small file in the data dir, checked against the folder's listing (names, sizes, times),
//! never by parsing every session. The observable: 200 sessions whose contents are then
//! damaged in place, size and modification time kept. Start-up and `sessions` still work and
//! move nothing aside, so they parsed none of them; with the index deleted, the same command
//! parses every file and finds them all damaged, so the damage would have been seen.

use std::path::{Path, PathBuf};

use crate::support::Env;

const PLANTED: usize = 200;

/// The index file (its name is the store's; the tests only look inside it for ids).
fn index(env: &Env) -> PathBuf {
    env.data_dir().join("sessions.index")
}

fn session_paths(env: &Env) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(env.data_dir().join("sessions"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    paths
}

fn moved_aside(env: &Env) -> usize {
    std::fs::read_dir(env.data_dir().join("sessions"))
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .contains(".corrupt-")
        })
        .count()
}

/// One real unfinished session, and `PLANTED` copies of it (older, one minute apart).
fn plant(env: &Env) -> serde_json::Value {
    env.cmd().arg("--plain").write_stdin("1\n").assert().success();
    let real = env.sessions().remove(0);
    let dir = env.data_dir().join("sessions");
    for i in 0..PLANTED {
        let mut v = real.clone();
        let id = format!("20200101-{:02}{:02}00-{:06x}", i / 60, i % 60, i);
        v["id"] = id.clone().into();
        v["started_at"] = format!("2020-01-01T{:02}:{:02}:00Z", i / 60, i % 60).into();
        std::fs::write(
            dir.join(format!("{id}.json")),
            serde_json::to_vec_pretty(&v).unwrap(),
        )
        .unwrap();
    }
    real
}

/// Replaces every byte of `path` with `#`, in place: same file, same size, same time.
fn damage_in_place(path: &Path) {
    let meta = std::fs::metadata(path).unwrap();
    let modified = meta.modified().unwrap();
    let garbage = vec![b'#'; usize::try_from(meta.len()).unwrap()];
    let mut file = std::fs::OpenOptions::new().write(true).open(path).unwrap();
    std::io::Write::write_all(&mut file, &garbage).unwrap();
    file.set_modified(modified).unwrap();
    drop(file);
    let after = std::fs::metadata(path).unwrap();
    assert_eq!((after.len(), after.modified().unwrap()), (meta.len(), modified));
}

fn run(env: &Env, args: &[&str], input: &str) -> (String, String) {
    let out = env
        .cmd()
        .args(args)
        .write_stdin(input.to_string())
        .assert()
        .success();
    let o = out.get_output();
    (
        String::from_utf8_lossy(&o.stdout).to_string(),
        String::from_utf8_lossy(&o.stderr).to_string(),
    )
}

#[test]
fn start_up_and_sessions_parse_no_session_file() {
    let env = Env::new();
    let real = plant(&env);
    // The first listing reads them all (there is no index yet) and writes the index.
    let (table, _) = run(&env, &["sessions"], "");
    assert_eq!(table.lines().count(), PLANTED + 2, "{table}");
    assert!(index(&env).is_file());

    for path in session_paths(&env) {
        damage_in_place(&path);
    }

    let (table, stderr) = run(&env, &["sessions"], "");
    assert_eq!(table.lines().count(), PLANTED + 2, "{table}");
    assert!(table.contains(real["id"].as_str().unwrap()), "{table}");
    assert!(!stderr.contains("damaged"), "{stderr}");
    let (stdout, stderr) = run(&env, &["--plain"], "q\n");
    assert!(stdout.contains("exists: qbfix --resume)"), "{stdout}");
    assert!(stdout.contains("Continue the session from"), "{stdout}");
    assert!(!stderr.contains("damaged"), "{stderr}");
    assert_eq!(moved_aside(&env), 0, "start-up read a session file");

    // Without the index, every file is read: all damaged, all moved aside.
    std::fs::remove_file(index(&env)).unwrap();
    let (table, stderr) = run(&env, &["sessions"], "");
    assert!(table.contains("No saved sessions yet"), "{table}");
    assert_eq!(stderr.matches("is damaged").count(), PLANTED + 1, "{stderr}");
    assert_eq!(moved_aside(&env), PLANTED + 1);
}

#[test]
fn a_changed_added_damaged_or_removed_file_is_noticed() {
    let env = Env::new();
    plant(&env);
    run(&env, &["sessions"], "");
    let paths = session_paths(&env);

    // Changed by another program: read again.
    let mut v: serde_json::Value = serde_json::from_slice(&std::fs::read(&paths[0]).unwrap()).unwrap();
    let at = v["history"].as_array().unwrap().len() - 1;
    let current = v["history"][at].as_str().unwrap().to_string();
    for step in v["steps"].as_array_mut().unwrap() {
        if step["id"] == current.as_str() {
            step["title"] = "A title changed elsewhere".into();
        }
    }
    std::fs::write(&paths[0], serde_json::to_vec_pretty(&v).unwrap()).unwrap();
    // Removed.
    let removed = paths[1].file_stem().unwrap().to_string_lossy().to_string();
    std::fs::remove_file(&paths[1]).unwrap();
    // Damaged (and so a different size).
    let damaged = paths[2].file_stem().unwrap().to_string_lossy().to_string();
    std::fs::write(&paths[2], "{\"schema_version\": 1, \"id\"").unwrap();

    let (table, stderr) = run(&env, &["sessions"], "");
    assert!(table.contains("A title changed elsewhere"), "{table}");
    assert!(!table.contains(&removed) && !table.contains(&damaged), "{table}");
    assert_eq!(table.lines().count(), PLANTED, "{table}");
    assert_eq!(stderr.matches("is damaged").count(), 1, "{stderr}");
    // The file moved aside, and the removed one, have left the index.
    let index = std::fs::read_to_string(index(&env)).unwrap();
    assert!(!index.contains(&removed) && !index.contains(&damaged));
}

#[test]
fn a_session_resumed_by_case_code_is_found_through_the_index() {
    let env = Env::new();
    env.cmd()
        .args(["--plain", "--helpdesk"])
        .write_stdin("1\n")
        .assert()
        .success();
    let v = env.sessions().remove(0);
    let code = v["case_code"].as_str().unwrap().to_string();
    let index = std::fs::read_to_string(index(&env)).unwrap();
    assert!(index.contains(&code), "saving updates the index: {index}");
    let (stdout, _) = run(&env, &["report", &code], "");
    assert!(stdout.contains(&code), "{stdout}");
}
