//! The cache step's per-browser instructions: the browsers the `browsers` check found come
//! first, whole; the others are folded into one line. Without that check's result, every
//! browser's instructions are shown.

use super::*;

fn at_cache(found: &[&str]) -> Wizard {
    let mut w = wizard();
    if !found.is_empty() {
        let rows: Vec<serde_json::Value> = found
            .iter()
            .map(|n| serde_json::json!({ "name": n, "status": "current" }))
            .collect();
        run_one(
            &mut w,
            CheckResult::new("browsers", Status::Pass, "found")
                .with("browsers", serde_json::Value::Array(rows)),
        );
    }
    w.update(Msg::Jump {
        to: "cache".into(),
        at: t(3),
    });
    w
}

fn lines_starting(text: &str, word: &str) -> usize {
    text.lines().filter(|l| l.trim_start().starts_with(word)).count()
}

#[test]
fn the_browsers_found_come_first_and_the_others_fold_into_one_line() {
    let text = at_cache(&["Firefox"]).view().text.into_owned();
    let firefox = text.find("Firefox: Menu").expect(&text);
    let other = text.find("Instructions for other browsers").expect(&text);
    assert!(firefox < other, "{text}");
    assert_eq!(lines_starting(&text, "Chrome:"), 0, "{text}");
    assert_eq!(lines_starting(&text, "Safari:"), 0, "{text}");
    let folded = text[other..].lines().next().unwrap();
    for name in ["Chrome", "Edge", "Safari"] {
        assert!(folded.contains(name), "{name} in {folded:?}");
    }
    assert!(!folded.contains("Firefox"), "{folded}");
}

#[test]
fn chromium_and_brave_get_chromes_instructions() {
    let text = at_cache(&["Chromium", "Microsoft Edge"]).view().text.into_owned();
    assert_eq!(lines_starting(&text, "Chrome:"), 1, "{text}");
    assert_eq!(lines_starting(&text, "Edge:"), 1, "{text}");
    let other = &text[text.find("Instructions for other browsers").expect(&text)..];
    assert!(other.contains("Firefox") && other.contains("Safari"), "{other}");
}

#[test]
fn without_the_browsers_check_every_browser_is_shown() {
    let text = at_cache(&[]).view().text.into_owned();
    for name in ["Chrome:", "Firefox:", "Edge:", "Safari:"] {
        assert_eq!(lines_starting(&text, name), 1, "{name} in {text}");
    }
    assert!(!text.contains("other browsers"), "{text}");
}
