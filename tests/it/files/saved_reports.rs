//! Reports where a person finds them: at the summary the wizard (plain mode, the real binary)
//! writes `<case code or id>.html` and `.json` into the XDG documents folder of a temp `HOME`
//! (`~/.config/user-dirs.dirs`), under `qbfix/`, and prints both paths; with no documents
//! folder they go to the data dir.

use std::path::{Path, PathBuf};

use crate::support::Env;

/// Answers that resolve at the second step (the summary comes quickly).
const RESOLVE: &str = "1\n1\n";

fn walk(env: &Env, extra: &[&str]) -> String {
    let out = env
        .cmd()
        .arg("--plain")
        .args(extra)
        .write_stdin(RESOLVE)
        .assert()
        .success();
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

/// The two paths printed under "Reports saved", as written.
fn printed_paths(stdout: &str) -> Vec<PathBuf> {
    let (_, after) = stdout
        .split_once("Reports saved for you to keep or send:\n")
        .unwrap_or_else(|| panic!("no report paths in:\n{stdout}"));
    after.lines().take(2).map(|l| PathBuf::from(l.trim())).collect()
}

fn assert_reports(paths: &[PathBuf], folder: &Path, stem: &str) {
    assert_eq!(
        paths,
        [
            folder.join(format!("{stem}.html")),
            folder.join(format!("{stem}.json"))
        ]
    );
    let html = std::fs::read_to_string(&paths[0]).unwrap();
    assert!(html.contains("<html") && html.contains("Resolved"), "{html}");
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&paths[1]).unwrap()).unwrap();
    assert_eq!(json["outcome"], "resolved", "{json}");
}

#[test]
fn the_summary_writes_both_reports_to_the_documents_folder() {
    let env = Env::new();
    let papers = env.documents("Papers");
    let stdout = walk(&env, &[]);
    let id = env.sessions()[0]["id"].as_str().unwrap().to_string();
    let paths = printed_paths(&stdout);
    assert_reports(&paths, &papers.join("qbfix"), &id);
    assert!(
        !env.data_dir().join(format!("{id}.html")).exists(),
        "not also in the data dir"
    );
}

#[test]
fn without_a_documents_folder_the_reports_go_to_the_data_dir() {
    let env = Env::new();
    std::fs::create_dir_all(env.home()).unwrap();
    let stdout = walk(&env, &[]);
    let id = env.sessions()[0]["id"].as_str().unwrap().to_string();
    assert_reports(&printed_paths(&stdout), &env.data_dir(), &id);
}

#[test]
fn a_helpdesk_session_names_its_reports_by_the_case_code() {
    let env = Env::new();
    std::fs::create_dir_all(env.home()).unwrap();
    let stdout = walk(&env, &["--helpdesk"]);
    let code = env.sessions()[0]["case_code"].as_str().unwrap().to_string();
    assert!(code.starts_with("QB-"), "{code}");
    assert_reports(&printed_paths(&stdout), &env.data_dir(), &code);
}
