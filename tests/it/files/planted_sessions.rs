//! Session files planted in the data dir, through the real binary: an id naming another
//! session or a path outside the data dir, a case code holding a terminal escape, a byte-order
//! mark. A file is trusted only as the session its name says; anything else is moved aside
//! as damaged, and nothing from a file reaches the terminal raw.

use std::path::PathBuf;

use crate::support::{Env, is_clean};
use serde_json::Value;

/// One saved, unfinished session: its id, file and parsed contents.
fn saved(env: &Env) -> (String, PathBuf, Value) {
    env.cmd().arg("--plain").write_stdin("1\n").assert().success();
    let v = env.sessions().into_iter().next().unwrap();
    let id = v["id"].as_str().unwrap().to_string();
    let path = env.data_dir().join("sessions").join(format!("{id}.json"));
    (id, path, v)
}

fn plant(env: &Env, name: &str, v: &Value) -> PathBuf {
    let path = env.data_dir().join("sessions").join(name);
    std::fs::write(&path, serde_json::to_vec_pretty(v).unwrap()).unwrap();
    path
}

fn names(env: &Env) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(env.data_dir().join("sessions"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
}

fn out(o: &assert_cmd::assert::Assert) -> (String, String) {
    let o = o.get_output();
    (
        String::from_utf8_lossy(&o.stdout).to_string(),
        String::from_utf8_lossy(&o.stderr).to_string(),
    )
}

#[test]
fn a_file_claiming_another_sessions_id_never_overwrites_it() {
    let env = Env::new();
    let (id, path, mut v) = saved(&env);
    let before = std::fs::read(&path).unwrap();
    // …-000012.json whose id says it is the real session.
    v["steps"][0]["note"] = "planted".into();
    let planted = plant(&env, "20200101-000000-000012.json", &v);
    let run = env
        .cmd()
        .args(["--plain", "--resume", "20200101-000000-000012"])
        .write_stdin("2\nq\n")
        .assert()
        .code(2);
    let (_, stderr) = out(&run);
    assert!(stderr.contains("does not match the file name"), "{stderr}");
    assert!(!planted.exists(), "moved aside");
    assert!(
        names(&env)
            .iter()
            .any(|n| n.starts_with("20200101-000000-000012.json.corrupt-")),
        "{:?}",
        names(&env)
    );
    // Resuming "latest" cannot reach it either; the real session is untouched by all this.
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "session {id} was rewritten"
    );
}

#[test]
fn an_id_with_a_path_never_writes_outside_the_data_dir() {
    let env = Env::new();
    let (_, _, mut v) = saved(&env);
    v["id"] = "./../../x".into();
    plant(&env, "20200101-000000-00000a.json", &v);
    for args in [vec!["sessions"], vec!["--plain", "--resume"]] {
        env.cmd().args(&args).write_stdin("2\nq\n").assert().success();
    }
    for dir in [
        env.dir().to_path_buf(),
        env.data_dir(),
        env.data_dir().join("sessions"),
    ] {
        assert!(
            !dir.join("x.json").exists(),
            "x.json written in {}",
            dir.display()
        );
    }
    assert!(
        names(&env)
            .iter()
            .any(|n| n.starts_with("20200101-000000-00000a.json.corrupt-")),
        "{:?}",
        names(&env)
    );
}

#[test]
fn a_case_code_holding_an_escape_is_never_printed() {
    let env = Env::new();
    let (_, _, mut v) = saved(&env);
    let evil = "QB-\u{1b}]52;c;ZXZpbA==\u{7}";
    v["id"] = "20200101-000000-00000b".into();
    v["case_code"] = evil.into();
    plant(&env, "20200101-000000-00000b.json", &v);
    let (stdout, stderr) = out(&env
        .cmd()
        .args(["--plain", "--resume", "20200101-000000-00000b"])
        .write_stdin("q\n")
        .assert()
        .code(2));
    assert!(is_clean(&stdout) && is_clean(&stderr), "{stdout:?} {stderr:?}");
    assert!(stderr.contains("case code is not a qbfix case code"), "{stderr}");
    let (stdout, stderr) = out(&env.cmd().arg("sessions").assert().success());
    assert!(is_clean(&stdout) && is_clean(&stderr), "{stdout:?} {stderr:?}");
}

#[test]
fn strings_from_a_session_file_are_cleaned_before_any_output() {
    let env = Env::new();
    let (id, path, mut v) = saved(&env);
    v["steps"][0]["title"] = "Symptom \u{1b}]52;c;ZXZpbA==\u{7}\u{202e}evil".into();
    v["steps"][0]["note"] = "note \u{1b}[2J\u{9b}31m".into();
    std::fs::write(&path, serde_json::to_vec(&v).unwrap()).unwrap();
    for args in [
        vec!["sessions"],
        vec!["report", id.as_str()],
        vec!["report", id.as_str(), "--format", "json"],
        vec!["report", id.as_str(), "--format", "html"],
        vec!["--plain", "--resume", id.as_str()],
    ] {
        let (stdout, stderr) = out(&env.cmd().args(&args).write_stdin("b\nq\n").assert().success());
        assert!(
            is_clean(&stdout) && is_clean(&stderr),
            "{args:?}: {stdout:?} {stderr:?}"
        );
    }
}

#[test]
fn a_session_file_with_a_byte_order_mark_loads() {
    let env = Env::new();
    let (id, path, _) = saved(&env);
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(std::fs::read(&path).unwrap());
    std::fs::write(&path, bytes).unwrap();
    let (stdout, stderr) = out(&env.cmd().arg("sessions").assert().success());
    assert!(stdout.contains(&id), "{stdout}");
    assert!(!stderr.contains("damaged"), "{stderr}");
    env.cmd()
        .args(["--plain", "--resume", &id])
        .write_stdin("q\n")
        .assert()
        .success();
}

#[test]
fn a_case_code_finds_its_session() {
    let env = Env::new();
    env.cmd()
        .args(["--plain", "--helpdesk"])
        .write_stdin("1\n")
        .assert()
        .success();
    let v = env.sessions().into_iter().next().unwrap();
    let code = v["case_code"].as_str().unwrap().to_string();
    let (stdout, _) = out(&env
        .cmd()
        .args(["report", &code.to_lowercase()])
        .assert()
        .success());
    assert!(stdout.contains(&code), "{stdout}");
}
