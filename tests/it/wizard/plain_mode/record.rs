//! Finished means finished in plain mode too: the summary is the last thing plain mode prints
//! (DESIGN: "The last step prints the summary and exits 0"), so lines typed after it — `b`, a
//! number, a note — change nothing in the record.

use super::answers;
use crate::support::Env;

#[test]
fn lines_after_the_summary_change_nothing_in_the_record() {
    let env = Env::new();
    let _documents = env.documents("Documents");
    let mut lines = vec!["1"];
    lines.extend(["2"; 8]);
    lines.extend(["b", "1", "n a note after the end", "r"]);
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
    assert!(s["resolved_by"].is_null(), "{s}");
    assert_eq!(s["history"].as_array().unwrap().last().unwrap(), "summary");
    assert!(!s.to_string().contains("a note after the end"), "{s}");
    assert_eq!(s["check_runs"].as_array().unwrap().len(), 1, "{s}");
    assert!(stdout.contains("Summary"), "{stdout}");
}
