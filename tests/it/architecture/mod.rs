//! The crate's floors, enforced on the source text of `src/**/*.rs`: every `crate::`/`super::` path
//! (and `qbfix::` in `main.rs`) is an arrow from one module file to another; arrows point down only,
//! the two towers never meet, files never import each other in a circle, terminal crates stay in the
//! drivers and the edge, and `evidence`/`text` touch neither tokio, files nor sockets. This file owns
//! the table, rules 1-3 and the real test; `lexer` reads the source, `graph` resolves paths and finds
//! circles, `words` holds rules 4 and 5, `shape` the root, headers and file lengths, `rule_tests`
//! and `reading_tests` try it on made-up trees.
//! `QBFIX_ARCH_REPORT=1 cargo test architecture` prints every violation on the real tree.

mod graph;
mod lexer;
mod reading_tests;
mod rule_tests;
mod shape;
mod words;

use std::collections::{BTreeMap, BTreeSet};
use std::{fmt, fs, path::Path};

use graph::{Edge, circle_reports, module_of, related, resolve, top_of};

pub const HEADER: &str = "floors, top to bottom: edge (main, lib, cli, commands, logging) > drivers (tui, plain > \
    driver) > two towers that never import each other: domain (wizard, flow, report, session) | measuring \
    (checks > probe > machine) > core (evidence, config, text, files). Arrows point down only, no circles.";

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Rule {
    NoFloor,
    PathAttr,
    Up,
    Towers,
    Circle,
    Terminal,
    PureCore,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Violation {
    pub file: String,
    pub line: usize,
    pub rule: Rule,
    pub what: String,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let rule = match self.rule {
            Rule::NoFloor | Rule::PathAttr => "",
            Rule::Up => "rule 1 (arrow points up): ",
            Rule::Towers => "rule 2 (towers meet): ",
            Rule::Circle => "rule 3 (import circle): ",
            Rule::Terminal => "rule 4 (terminal crate off the drivers): ",
            Rule::PureCore => "rule 5 (I/O in a pure module): ",
        };
        let line = if self.line > 0 {
            format!(":{}", self.line)
        } else {
            String::new()
        };
        write!(f, "src/{}{line}: {rule}{}", self.file, self.what)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Floor {
    Edge,
    Drivers,
    Domain,
    Measuring,
    Core,
}

impl Floor {
    fn name(self) -> &'static str {
        match self {
            Floor::Edge => "the edge",
            Floor::Drivers => "the drivers",
            Floor::Domain => "the domain tower",
            Floor::Measuring => "the measuring tower",
            Floor::Core => "the core",
        }
    }

    fn height(self) -> u8 {
        match self {
            Floor::Edge => 3,
            Floor::Drivers => 2,
            Floor::Domain | Floor::Measuring => 1,
            Floor::Core => 0,
        }
    }
}

/// The table: a top-level module's floor, and its rank inside the floor (higher may import lower).
pub fn place(top: &str) -> Option<(Floor, u8)> {
    Some(match top {
        "main" | "lib" | "cli" | "commands" | "logging" => (Floor::Edge, 0),
        "tui" | "plain" => (Floor::Drivers, 1),
        "driver" => (Floor::Drivers, 0),
        "wizard" | "flow" | "report" | "session" => (Floor::Domain, 0),
        "checks" => (Floor::Measuring, 2),
        "probe" => (Floor::Measuring, 1),
        "machine" => (Floor::Measuring, 0),
        "evidence" | "config" | "text" | "files" => (Floor::Core, 0),
        _ => return None,
    })
}

/// Rules 1 and 2 for an arrow between two different top-level modules that both have a floor.
fn floor_rule(from: &str, to: &str) -> Option<(Rule, String)> {
    let ((fa, ra), (fb, rb)) = (place(from)?, place(to)?);
    Some(
        if matches!(
            (fa, fb),
            (Floor::Domain, Floor::Measuring) | (Floor::Measuring, Floor::Domain)
        ) {
            (
                Rule::Towers,
                "the domain and measuring towers never import each other".into(),
            )
        } else if fb.height() > fa.height() {
            (
                Rule::Up,
                format!("{to} is on {}, above {from} on {}", fb.name(), fa.name()),
            )
        } else if fa == fb && rb > ra {
            (Rule::Up, format!("{to} is above {from} inside {}", fa.name()))
        } else if fa == Floor::Drivers && fb == Floor::Drivers && ra == rb {
            (Rule::Up, "tui and plain must not import each other".into())
        } else {
            return None;
        },
    )
}

/// Every violation in a tree given as (path relative to `src`, e.g. `probe/tunnel.rs`, source text),
/// sorted by file and line; the disk is not read.
pub fn violations(files: &[(String, String)]) -> Vec<Violation> {
    let modules: Vec<Vec<String>> = files.iter().map(|(rel, _)| module_of(rel)).collect();
    let mods: BTreeMap<Vec<String>, usize> = (0..files.len())
        .filter(|&i| files[i].0 != "main.rs")
        .map(|i| (modules[i].clone(), i))
        .collect();
    let mut out = BTreeSet::new();
    let mut put = |file: &str, line: usize, rule: Rule, what: String| {
        out.insert(Violation {
            file: file.to_string(),
            line,
            rule,
            what,
        });
    };
    let (mut edges, mut unplaced, mut seen) = (Vec::new(), BTreeMap::new(), BTreeSet::new());
    for (i, (rel, src)) in files.iter().enumerate() {
        let top = top_of(&modules[i]);
        if place(top).is_none() {
            let first = unplaced.entry(top.to_string()).or_insert_with(|| rel.clone());
            if modules[i].len() == 1 {
                *first = rel.clone();
            }
        }
        let scan = lexer::scan(src);
        for &line in &scan.path_attrs {
            put(
                rel,
                line,
                Rule::PathAttr,
                "#[path] is not allowed: name the file after its module".into(),
            );
        }
        for p in &scan.paths {
            // One arrow per line and target file: `use a::{self, B}` is one import of `a`.
            match resolve(rel, &modules[i], p, &mods) {
                Some(to) if to != i && seen.insert((i, to, p.line)) => edges.push(Edge {
                    from: i,
                    to,
                    line: p.line,
                    text: p.segs.join("::"),
                }),
                _ => {}
            }
        }
        words::crates_and_io(rel, top, &scan, &mut put);
    }
    for (top, rel) in unplaced {
        put(
            &rel,
            0,
            Rule::NoFloor,
            format!("module {top} is on no floor: add it to the table"),
        );
    }
    for e in &edges {
        let (a, b) = (top_of(&modules[e.from]), top_of(&modules[e.to]));
        if let Some((rule, why)) = (a != b).then(|| floor_rule(a, b)).flatten() {
            put(
                &files[e.from].0,
                e.line,
                rule,
                format!("`{}`: {a} -> {b}: {why}", e.text),
            );
        }
    }
    // Rule 3 on files: a module and its own descendants do not count as importing each other.
    let names: Vec<&str> = files.iter().map(|(rel, _)| rel.as_str()).collect();
    let arcs: Vec<(usize, usize, &Edge)> = edges
        .iter()
        .filter(|e| !related(&modules[e.from], &modules[e.to]))
        .map(|e| (e.from, e.to, e))
        .collect();
    let mut circles = circle_reports(files, "files", &names, &arcs);
    // And on top-level modules, over the arrows the floors allow (domain or core modules in a ring).
    let tops: Vec<&str> = modules
        .iter()
        .map(|m| top_of(m))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let at = |t: &str| tops.iter().position(|&x| x == t).unwrap_or(0);
    let mut first_arrow = BTreeMap::new();
    for e in &edges {
        let (a, b) = (top_of(&modules[e.from]), top_of(&modules[e.to]));
        if a != b && place(a).is_some() && place(b).is_some() && floor_rule(a, b).is_none() {
            first_arrow.entry((at(a), at(b))).or_insert(e);
        }
    }
    let arcs: Vec<(usize, usize, &Edge)> = first_arrow.into_iter().map(|((a, b), e)| (a, b, e)).collect();
    circles.extend(circle_reports(files, "modules", &tops, &arcs));
    for (file, line, what) in circles {
        put(&file, line, Rule::Circle, what);
    }
    out.into_iter().collect()
}

/// Every `src/**/*.rs` as (path relative to `src` with `/` separators, text).
pub fn real_tree() -> Vec<(String, String)> {
    fn walk(dir: &Path, rel: &str, out: &mut Vec<(String, String)>) {
        let entries = fs::read_dir(dir).unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()));
        for entry in entries {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let rel = if rel.is_empty() {
                name
            } else {
                format!("{rel}/{name}")
            };
            if path.is_dir() {
                walk(&path, &rel, out);
            } else if rel.ends_with(".rs") {
                let text =
                    fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
                out.push((rel, text));
            }
        }
    }
    let mut out = Vec::new();
    walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), "", &mut out);
    out.sort();
    out
}

#[test]
fn arrows_point_down_only() {
    let found = violations(&real_tree());
    let list: String = found.iter().map(|v| format!("{v}\n")).collect();
    if std::env::var_os("QBFIX_ARCH_REPORT").is_some_and(|v| v == "1") {
        println!("{HEADER}\n{} violation(s):\n{list}", found.len());
    }
    assert!(
        found.is_empty(),
        "{HEADER}\n{} violation(s):\n{list}",
        found.len()
    );
}
