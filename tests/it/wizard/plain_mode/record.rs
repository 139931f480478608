//! Finished means finished in plain mode too: after the summary, `b` and a number change
//! nothing, `n TEXT` appends a closing note with its time (the saved reports are written
//! again), and `r` checks again beside the record without saving it.

use super::answers;
use crate::support::Env;

#[test]
fn after_the_summary_back_changes_nothing_and_n_appends_a_closing_note() {
    let env = Env::new();
    let documents = env.documents("Documents");
    let mut lines = vec!["1"];
    lines.extend(["2"; 8]);
    lines.extend([
        "b",
        "1",
        "n called the bank, they see it too",
        "n and a second one",
        "r",
    ]);
    let out = env
        .cmd()
        .arg("--plain")
        .write_stdin(answers(&lines))
        .assert()
        .success();
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let sessions = env.sessions();
    assert_eq!(sessions.len(), 1, "{stdout}");
    let s = &sessions[0];
    assert_eq!(s["outcome"], "escalated", "{stdout}");
    assert_eq!(s["history"].as_array().unwrap().last().unwrap(), "summary");
    let notes = s["closing_notes"].as_array().expect("closing notes");
    let texts: Vec<&str> = notes.iter().map(|n| n["text"].as_str().unwrap()).collect();
    assert_eq!(
        texts,
        ["called the bank, they see it too", "and a second one"],
        "{stdout}"
    );
    assert!(notes.iter().all(|n| n["at"].is_string()), "{notes:?}");
    assert!(stdout.contains("is a record"), "b is refused in words: {stdout}");
    assert!(stdout.contains("Checked again at "), "{stdout}");
    assert!(stdout.contains("not saved"), "{stdout}");
    assert_eq!(
        s["check_runs"].as_array().unwrap().len(),
        1,
        "r ran no check into the record"
    );
    // The saved reports were written again with the closing notes.
    let id = s["id"].as_str().unwrap();
    let html = std::fs::read_to_string(documents.join(format!("qbfix/{id}.html"))).unwrap();
    assert!(html.contains("and a second one"), "{html}");
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(documents.join(format!("qbfix/{id}.json"))).unwrap()).unwrap();
    assert_eq!(json["closing_notes"][1]["text"], "and a second one");
}
