//! The tree's shape, beside its arrows: the `src/` root holds only the edge's files
//! (`main.rs`, `lib.rs`, `cli.rs`, `logging.rs`), every file opens with a `//!` header saying
//! what it owns, and none is over 400 lines (STYLE.md: 50–300, none over 400).

use super::real_tree;

/// The only files allowed at the root of `src/`.
const ROOT_FILES: [&str; 4] = ["main.rs", "lib.rs", "cli.rs", "logging.rs"];

/// The most lines a file of `src/` may have.
const MAX_LINES: usize = 400;

/// What is wrong with the shape of a tree given as (path relative to `src`, text).
pub fn problems(files: &[(String, String)]) -> Vec<String> {
    let mut out = Vec::new();
    for (rel, text) in files {
        if !rel.contains('/') && !ROOT_FILES.contains(&rel.as_str()) {
            out.push(format!(
                "src/{rel}: the src/ root holds only {}; put it in the folder of its floor",
                ROOT_FILES.join(", ")
            ));
        }
        if !text.starts_with("//!") {
            out.push(format!(
                "src/{rel}: opens without a `//!` header saying what it owns"
            ));
        }
        let lines = text.lines().count();
        if lines > MAX_LINES {
            out.push(format!(
                "src/{rel}: {lines} lines, over {MAX_LINES}: split it by concern"
            ));
        }
    }
    out
}

#[test]
fn the_tree_keeps_its_shape() {
    let found = problems(&real_tree());
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn a_loose_root_file_a_missing_header_and_a_long_file_are_named() {
    let file = |rel: &str, text: String| (rel.to_string(), text);
    let long = format!("//! Long.\n{}", "fn f() {}\n".repeat(MAX_LINES));
    let found = problems(&[
        file("lib.rs", "//! The map.\n".into()),
        file("helpers.rs", "//! Loose.\n".into()),
        file("probe/tunnel.rs", "use std::io;\n".into()),
        file("report/build.rs", long),
        file(
            "report/text.rs",
            format!("//! Fits.\n{}", "fn f() {}\n".repeat(MAX_LINES - 1)),
        ),
    ]);
    assert_eq!(found.len(), 3, "{found:#?}");
    assert!(
        found[0].starts_with("src/helpers.rs: the src/ root"),
        "{}",
        found[0]
    );
    assert!(
        found[1].starts_with("src/probe/tunnel.rs: opens without"),
        "{}",
        found[1]
    );
    assert!(
        found[2].starts_with("src/report/build.rs: 401 lines"),
        "{}",
        found[2]
    );
}
