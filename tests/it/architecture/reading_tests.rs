//! What the architecture checker counts as an arrow: `use` groups item by item, inline paths,
//! `super::` from inside inline modules, circles of two and three files and of top-level modules;
//! and what it does not: a module's own children and parent, comments, doc links and literals.

use super::Rule;
use super::rule_tests::{CHECKS, at, check, found};

#[test]
fn a_grouped_use_is_read_item_by_item() {
    let probe = "use crate::{\n    evidence::Facts,\n    checks::{\n        runner::Run,\n        Bank,\n    },\n};\n";
    let tree = [
        CHECKS[0],
        CHECKS[1],
        ("evidence/mod.rs", ""),
        ("probe/mod.rs", probe),
    ];
    assert_eq!(
        found(&tree),
        [at("probe/mod.rs", 4, Rule::Up), at("probe/mod.rs", 5, Rule::Up)]
    );
}

#[test]
fn an_inline_path_counts() {
    let machine = "pub fn on() -> bool {\n    crate::probe::hub::host_probes_on()\n}\n";
    let tree = [
        ("probe/mod.rs", "pub mod hub;\n"),
        ("probe/hub.rs", ""),
        ("machine/mod.rs", machine),
    ];
    let got = check(&tree);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(
        (got[0].file.as_str(), got[0].line, got[0].rule),
        ("machine/mod.rs", 2, Rule::Up)
    );
    assert!(
        got[0].to_string().contains("`crate::probe::hub::host_probes_on`"),
        "{}",
        got[0]
    );
}

#[test]
fn super_climbs_from_the_module_it_is_written_in() {
    let facts = "use super::Shared;\n#[cfg(test)]\nmod tests {\n    use super::*;\n    use super::super::super::tui::Screen;\n}\n";
    let tree = [
        CHECKS[0],
        CHECKS[1],
        ("probe/mod.rs", "pub mod hub;\n"),
        ("probe/hub.rs", "use super::super::checks::runner;\n"),
        ("evidence/mod.rs", "pub mod facts;\npub struct Shared;\n"),
        ("evidence/facts.rs", facts),
        ("tui/mod.rs", ""),
    ];
    assert_eq!(
        found(&tree),
        [
            at("evidence/facts.rs", 5, Rule::Up),
            at("probe/hub.rs", 1, Rule::Up)
        ]
    );
}

#[test]
fn a_two_file_circle_fails() {
    let tree = [
        ("config/mod.rs", "pub mod a;\npub mod b;\n"),
        ("config/a.rs", "use super::b::B;\npub struct A;\n"),
        ("config/b.rs", "use crate::config::a::A;\npub struct B;\n"),
    ];
    let got = check(&tree);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(
        (got[0].file.as_str(), got[0].line, got[0].rule),
        ("config/a.rs", 1, Rule::Circle)
    );
    assert!(
        got[0].what.contains("src/config/b.rs:1 `crate::config::a::A`"),
        "{}",
        got[0]
    );
}

#[test]
fn a_three_file_circle_fails() {
    let tree = [
        ("evidence/mod.rs", ""),
        ("evidence/a.rs", "fn f() { super::b::g() }\n"),
        ("evidence/b.rs", "use super::c;\n"),
        ("evidence/c.rs", "\n\nuse crate::evidence::a::A;\n"),
    ];
    let got = check(&tree);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].rule, Rule::Circle);
    for part in ["evidence/a.rs", "evidence/b.rs:1", "evidence/c.rs:3"] {
        assert!(got[0].what.contains(part), "{part} missing from {}", got[0]);
    }
}

#[test]
fn top_level_modules_in_a_ring_fail() {
    let tree = [
        ("wizard/mod.rs", ""),
        ("wizard/a.rs", "use crate::report::x::X;\n"),
        ("wizard/b.rs", ""),
        ("report/mod.rs", ""),
        ("report/x.rs", "use crate::wizard::b::B;\n"),
    ];
    let got = check(&tree);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].rule, Rule::Circle);
    assert!(got[0].what.starts_with("modules report, wizard"), "{}", got[0]);
}

#[test]
fn a_parent_and_its_children_are_no_circle() {
    let tree = [
        ("lib.rs", "pub mod evidence;\n"),
        (
            "evidence/mod.rs",
            "pub mod facts;\npub use self::facts::Facts;\nuse crate::evidence::facts::Fact;\n",
        ),
        (
            "evidence/facts.rs",
            "use super::Shared;\nuse crate::evidence::Shared as S;\npub mod deep;\n",
        ),
        (
            "evidence/facts/deep.rs",
            "use super::super::Shared;\nuse crate::evidence::facts::Fact;\n",
        ),
    ];
    assert_eq!(check(&tree), []);
}

#[test]
fn comments_and_literals_do_not_count() {
    let evidence = r###"//! Facts, see [`crate::tui`].
/// Links to [`crate::tui::Screen`] and crate::tui::app.
/* block crate::tui::x /* nested crate::tui::y */ still crate::tui::z */
pub fn f<'a>(s: &'a str) -> &'static str {
    let (q, e, b) = ('"', '\'', b'"');
    let raw = r##"crate::tui "# crate::tui::w"##;
    "crate::tui::v \" crate::tui::u"
}
use crate::tui::Real;
"###;
    assert_eq!(
        found(&[("tui/mod.rs", ""), ("evidence/mod.rs", evidence)]),
        [at("evidence/mod.rs", 9, Rule::Up)]
    );
}
