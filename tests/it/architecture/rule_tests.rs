//! The architecture rules tried on small made-up trees held in memory: each rule catches what it
//! should (so each test fails if its rule is dropped) and lets the allowed arrows pass; last, a
//! forbidden import planted (in memory only) in the real tree. Also the helpers of `reading_tests`.

use super::{Floor, Rule, Violation, module_of, place, real_tree, top_of, violations};

pub fn check(files: &[(&str, &str)]) -> Vec<Violation> {
    let owned: Vec<(String, String)> = files
        .iter()
        .map(|(p, s)| (p.to_string(), s.to_string()))
        .collect();
    violations(&owned)
}

/// The (file, line, rule) of each violation, for short asserts.
pub fn found(files: &[(&str, &str)]) -> Vec<(String, usize, Rule)> {
    check(files)
        .into_iter()
        .map(|v| (v.file, v.line, v.rule))
        .collect()
}

pub fn at(file: &str, line: usize, rule: Rule) -> (String, usize, Rule) {
    (file.to_string(), line, rule)
}

pub const CHECKS: [(&str, &str); 2] = [("checks/mod.rs", "pub mod runner;\n"), ("checks/runner.rs", "")];

#[test]
fn downward_edges_pass() {
    let tree = [
        ("lib.rs", "pub mod cli;\npub mod tui;\n"),
        (
            "main.rs",
            "use qbfix::tui::run;\nfn main() { qbfix::cli::parse(); crate::helper(); }\n",
        ),
        ("cli.rs", "use crate::driver::Driver;\n"),
        ("tui/mod.rs", "use crate::driver::Driver;\nuse ratatui::Frame;\n"),
        ("plain.rs", "use crate::{driver::Driver, wizard::Wizard};\n"),
        (
            "driver.rs",
            "use crate::{wizard::Wizard, checks::runner::Run, session::Store};\n",
        ),
        (
            "wizard/mod.rs",
            "use crate::{flow::Flow, evidence::Facts, text::wrap, report::Report};\n",
        ),
        ("flow/mod.rs", "use crate::config::Config;\n"),
        ("session/mod.rs", "use crate::files::read;\n"),
        ("report/mod.rs", "use crate::{evidence::Facts, session::Store};\n"),
        ("checks/mod.rs", "pub mod runner;\nuse crate::probe::Sample;\n"),
        ("checks/runner.rs", "use super::super::machine::Os;\n"),
        ("probe/mod.rs", "use crate::machine::Os;\n"),
        ("machine/mod.rs", "use crate::evidence::Facts;\n"),
        ("evidence/mod.rs", "use crate::text::wrap;\n"),
        ("text/mod.rs", "use crate::config::Config;\n"),
        ("config.rs", "use crate::files::read;\n"),
        ("files.rs", ""),
    ];
    assert_eq!(check(&tree), []);
}

#[test]
fn an_upward_edge_fails() {
    let tree = [
        CHECKS[0],
        CHECKS[1],
        ("probe/mod.rs", "//! probe\nuse crate::checks::runner;\n"),
    ];
    assert_eq!(found(&tree), [at("probe/mod.rs", 2, Rule::Up)]);
    let drivers = [
        ("tui/mod.rs", "use crate::plain::step;\n"),
        ("plain.rs", ""),
        ("driver.rs", "use crate::tui::App;\n"),
    ];
    assert_eq!(
        found(&drivers),
        [at("driver.rs", 1, Rule::Up), at("tui/mod.rs", 1, Rule::Up)]
    );
}

#[test]
fn an_edge_between_the_towers_fails() {
    let tree = [
        CHECKS[0],
        CHECKS[1],
        ("report/mod.rs", "use crate::checks::runner::Run;\n"),
        ("machine/mod.rs", "\nuse crate::session::Store;\n"),
        ("session/mod.rs", ""),
    ];
    assert_eq!(
        found(&tree),
        [
            at("machine/mod.rs", 2, Rule::Towers),
            at("report/mod.rs", 1, Rule::Towers)
        ]
    );
}

#[test]
fn terminal_crates_stay_in_the_drivers_and_the_edge() {
    let tree = [
        (
            "report/mod.rs",
            "use ratatui::text::Line;\npub fn f() { let _ = crossterm::terminal::size(); }\n",
        ),
        (
            "tui/mod.rs",
            "use ratatui::Frame;\nuse ratatui_textarea::TextArea;\n",
        ),
        ("cli.rs", "use crossterm::tty::IsTty;\n"),
    ];
    assert_eq!(
        found(&tree),
        [
            at("report/mod.rs", 1, Rule::Terminal),
            at("report/mod.rs", 2, Rule::Terminal)
        ]
    );
}

#[test]
fn evidence_and_text_touch_no_files_sockets_or_tokio() {
    let evidence = "use std::fs;\nuse std::{io, fs::File};\nuse std::net::{SocketAddr, IpAddr};\n\
        pub fn read() { let _ = fs::read(\"x\"); }\npub async fn wait() { tokio::task::yield_now().await }\n\
        pub fn dial(a: SocketAddr) { let _ = std::net::TcpStream::connect(a); }\n";
    let tree = [
        ("evidence/mod.rs", evidence),
        ("text/mod.rs", "use std::net::UdpSocket;\n"),
    ];
    let mut want = [1, 2, 4, 5, 6]
        .map(|n| at("evidence/mod.rs", n, Rule::PureCore))
        .to_vec();
    want.push(at("text/mod.rs", 1, Rule::PureCore));
    assert_eq!(found(&tree), want);
}

#[test]
fn addresses_in_evidence_and_io_elsewhere_are_fine() {
    let tree = [
        (
            "evidence/mod.rs",
            "use std::net::{IpAddr, Ipv4Addr, SocketAddr};\npub fn f(a: SocketAddr) {}\n",
        ),
        ("probe/mod.rs", "use std::fs;\nuse tokio::net::TcpStream;\n"),
    ];
    assert_eq!(check(&tree), []);
}

#[test]
fn a_module_on_no_floor_fails() {
    let tree = [
        ("foo.rs", ""),
        ("widgets/a.rs", ""),
        ("widgets/mod.rs", "pub mod a;\n"),
        ("config.rs", ""),
    ];
    let shown: Vec<String> = check(&tree).iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        [
            "src/foo.rs: module foo is on no floor: add it to the table",
            "src/widgets/mod.rs: module widgets is on no floor: add it to the table",
        ]
    );
}

#[test]
fn a_path_attribute_fails() {
    let tree = [(
        "flow/mod.rs",
        "#[cfg(test)]\n#[path = \"flow_tests.rs\"]\nmod tests;\n",
    )];
    let got = check(&tree);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!((got[0].line, got[0].rule), (2, Rule::PathAttr));
    assert!(
        got[0].to_string().contains("#[path] is not allowed"),
        "{}",
        got[0]
    );
}

#[test]
fn a_planted_upward_import_in_the_real_tree_is_caught() {
    let mut tree = real_tree();
    let floor = |rel: &str| place(top_of(&module_of(rel))).map(|(f, _)| f);
    let upper = ["commands", "cli", "tui", "plain", "driver", "logging"]
        .into_iter()
        .find(|top| {
            tree.iter()
                .any(|(rel, _)| *rel == format!("{top}.rs") || *rel == format!("{top}/mod.rs"))
        })
        .expect("src has no module of the edge or drivers floor");
    let lower = [Floor::Core, Floor::Measuring]
        .into_iter()
        .find_map(|want| tree.iter().position(|(rel, _)| floor(rel) == Some(want)))
        .expect("src has no module of the core or measuring floor");
    let before = violations(&tree);
    let (rel, text) = &mut tree[lower];
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    let line = text.lines().count() + 1;
    text.push_str(&format!("use crate::{upper}::Planted;\n"));
    let rel = rel.clone();
    let after = violations(&tree);
    let planted: Vec<&Violation> = after.iter().filter(|v| !before.contains(v)).collect();
    assert!(
        planted
            .iter()
            .any(|v| v.file == rel && v.line == line && v.rule == Rule::Up),
        "`use crate::{upper}::Planted;` planted at src/{rel}:{line} was not reported; new: {planted:?}"
    );
}
