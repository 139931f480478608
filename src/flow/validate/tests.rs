//! Every kind of flow error, located by line and column.

use crate::flow::parse;

const HEAD: &str = "id = \"t\"\ntitle = \"T\"\n";

fn err(body: &str) -> String {
    parse(&format!("{HEAD}{body}"), "f.toml").unwrap_err().to_string()
}

const OK_TAIL: &str = "[[step]]\nid = \"summary\"\nkind = \"summary\"\ntitle = \"S\"\ntext = \"done\"\n";

#[test]
fn minimal_flow_is_valid() {
    let flow = parse(
        &format!("{HEAD}[[step]]\nid = \"a\"\nkind = \"fix\"\ntitle = \"A\"\ntext = \"x\"\nnext = \"summary\"\n{OK_TAIL}"),
        "f.toml",
    )
    .unwrap();
    assert_eq!(flow.route(), ["a", "summary"]);
}

#[test]
fn syntax_error_is_located() {
    assert!(err("[[step]\n").starts_with("f.toml:3:"), "{}", err("[[step]\n"));
}

#[test]
fn unknown_key_is_located() {
    let e = err("[[step]]\nid = \"a\"\nkind = \"fix\"\ncolour = 1\n");
    assert!(e.starts_with("f.toml:6:1: "), "{e}");
    assert!(e.contains("colour"), "{e}");
}

#[test]
fn duplicate_id_is_located() {
    let e = err(&format!(
        "{OK_TAIL}[[step]]\nid = \"summary\"\nkind = \"fix\"\ntitle = \"x\"\ntext = \"y\"\nnext = \"summary\"\n"
    ));
    assert!(e.starts_with("f.toml:9:6: duplicate step id \"summary\""), "{e}");
}

#[test]
fn unknown_target_is_located() {
    let e = err(&format!(
        "[[step]]\nid = \"a\"\nkind = \"fix\"\ntitle = \"A\"\ntext = \"x\"\nnext = \"nowhere\"\n{OK_TAIL}"
    ));
    assert!(e.starts_with("f.toml:8:8: unknown step \"nowhere\""), "{e}");
}

#[test]
fn unknown_check_is_located() {
    let e = err(&format!(
        "[[step]]\nid = \"a\"\nkind = \"fix\"\ntitle = \"A\"\ntext = \"x\"\nchecks = [\"http\", \"ping\"]\nnext = \"summary\"\n{OK_TAIL}"
    ));
    assert!(e.starts_with("f.toml:8:19: unknown check \"ping\""), "{e}");
}

#[test]
fn unreachable_step_is_located() {
    let e = err(&format!(
        "[[step]]\nid = \"a\"\nkind = \"fix\"\ntitle = \"A\"\ntext = \"x\"\nnext = \"summary\"\n{OK_TAIL}[[step]]\nid = \"lost\"\nkind = \"fix\"\ntitle = \"L\"\ntext = \"x\"\nnext = \"summary\"\n"
    ));
    assert!(
        e.starts_with("f.toml:15:6: step \"lost\" cannot be reached"),
        "{e}"
    );
}

#[test]
fn summary_unreachable_is_located() {
    let e = err(&format!(
        "[[step]]\nid = \"a\"\nkind = \"question\"\ntitle = \"A\"\ntext = \"x\"\n[[step.answer]]\nid = \"done\"\nlabel = \"D\"\nnext = \"summary\"\n[[step.answer]]\nid = \"trap\"\nlabel = \"T\"\nnext = \"b\"\n{OK_TAIL}[[step]]\nid = \"b\"\nkind = \"question\"\ntitle = \"B\"\ntext = \"x\"\n[[step.answer]]\nid = \"again\"\nlabel = \"A\"\nnext = \"b\"\n"
    ));
    assert!(
        e.starts_with("f.toml:22:6: the summary cannot be reached from step \"b\""),
        "{e}"
    );
}

#[test]
fn missing_summary_and_bad_kind() {
    let e = err("[[step]]\nid = \"a\"\nkind = \"fix\"\ntitle = \"A\"\ntext = \"x\"\nnext = \"a\"\n");
    assert!(e.contains("no step with kind = \"summary\""), "{e}");
    let e = err("[[step]]\nid = \"a\"\nkind = \"maybe\"\ntitle = \"A\"\ntext = \"x\"\n");
    assert!(e.starts_with("f.toml:5:8: "), "{e}");
}

#[test]
fn fix_without_next_is_rejected() {
    let e = err(&format!(
        "[[step]]\nid = \"a\"\nkind = \"fix\"\ntitle = \"A\"\ntext = \"x\"\n{OK_TAIL}"
    ));
    assert!(e.contains("fix step \"a\" needs `next`"), "{e}");
}
#[test]
fn every_other_error_kind_is_located() {
    let fix = |id: &str| {
        format!("[[step]]\nid = \"{id}\"\nkind = \"fix\"\ntitle = \"A\"\ntext = \"x\"\nnext = \"summary\"\n")
    };
    // Duplicate answer id (a fix step already has yes/no/skip).
    let e = err(&format!(
        "{}[[step.answer]]\nid = \"yes\"\nlabel = \"Y\"\n{OK_TAIL}",
        fix("a")
    ));
    assert!(e.starts_with("f.toml:10:6: duplicate answer id \"yes\""), "{e}");
    // A question without answers.
    let e = err(&format!(
        "[[step]]\nid = \"q\"\nkind = \"question\"\ntitle = \"Q\"\ntext = \"x\"\n{OK_TAIL}"
    ));
    assert!(
        e.starts_with("f.toml:4:6: question step \"q\" has no [[step.answer]]"),
        "{e}"
    );
    // Two summaries.
    let e = err(&format!(
        "{}{OK_TAIL}{}",
        fix("a"),
        OK_TAIL.replace("\"summary\"\nkind", "\"end\"\nkind")
    ));
    assert!(
        e.starts_with("f.toml:16:8: only one step may be the summary"),
        "{e}"
    );
    // A summary with a next step.
    let e = err(&format!("{}{OK_TAIL}next = \"a\"\n", fix("a")));
    assert!(
        e.starts_with("f.toml:14:8: the summary step cannot have a next step"),
        "{e}"
    );
    // A verdict's first step that does not exist.
    let e = err(&format!(
        "[first_step]\noffline = \"nope\"\n{}{OK_TAIL}",
        fix("a")
    ));
    assert!(e.starts_with("f.toml:4:11: unknown step \"nope\""), "{e}");
    // A [first_step] table that leaves a verdict out.
    let e = err(&format!(
        "[first_step]\noffline = \"b\"\n{}{}{OK_TAIL}",
        fix("a").replace("\"summary\"", "\"b\""),
        fix("b")
    ));
    assert!(
        e.starts_with("f.toml:4:1: [first_step] has no step for the verdict \"captive_portal\""),
        "{e}"
    );
    // An unknown verdict id in a notice.
    let e = err(&format!(
        "{}[[step.notice]]\nverdicts = [\"down\"]\ntext = \"x\"\n{OK_TAIL}",
        fix("a")
    ));
    assert!(e.starts_with("f.toml:10:13: unknown verdict \"down\""), "{e}");
    // A notice preselecting an answer the step does not have.
    let e = err(&format!(
        "{}[[step.notice]]\nverdicts = [\"offline\"]\ntext = \"x\"\npreselect = \"maybe\"\n{OK_TAIL}",
        fix("a")
    ));
    assert!(
        e.starts_with("f.toml:12:13: this step has no answer \"maybe\""),
        "{e}"
    );
    // A helpdesk "listen for" naming an answer the step does not have.
    let e = err(&format!(
        "{}[[step.listen]]\nhear = \"x\"\nanswer = \"nah\"\n{OK_TAIL}",
        fix("a")
    ));
    assert!(
        e.starts_with("f.toml:11:10: this step has no answer \"nah\""),
        "{e}"
    );
    // A step id that is not lowercase letters, digits and _.
    let e = err(&format!("{}{OK_TAIL}", fix("Bad Id")));
    assert!(e.starts_with("f.toml:4:6: step id \"Bad Id\" must be"), "{e}");
}

#[test]
fn a_title_or_answer_longer_than_a_session_keeps_is_located() {
    let long = "x".repeat(crate::files::limits::SESSION_TEXT_BYTES + 1);
    let e = err(&format!(
        "[[step]]\nid = \"a\"\nkind = \"fix\"\ntitle = \"{long}\"\ntext = \"x\"\nnext = \"summary\"\n{OK_TAIL}"
    ));
    assert!(e.starts_with("f.toml:4:6: step \"a\": its title"), "{e}");
    assert!(e.contains("longer than 64 KiB"), "{e}");
    let e = err(&format!(
        "[[step]]\nid = \"a\"\nkind = \"question\"\ntitle = \"A\"\ntext = \"x\"\n[[step.answer]]\nid = \"yes\"\nlabel = \"{long}\"\nnext = \"summary\"\n{OK_TAIL}"
    ));
    assert!(e.contains("step \"a\": the label of answer \"yes\""), "{e}");
}

/// A fix step with one notice, `extra` the notice's last lines.
fn with_notice(extra: &str) -> String {
    format!(
        "[[step]]\nid = \"a\"\nkind = \"fix\"\ntitle = \"A\"\ntext = \"x\"\nnext = \"summary\"\n[[step.notice]]\nverdicts = [\"offline\"]\ntext = \"n\"\n{extra}{OK_TAIL}"
    )
}

#[test]
fn a_notice_meaning_is_known_and_located() {
    let e = err(&with_notice("means = \"maybe\"\n"));
    assert!(e.starts_with("f.toml:12:9: unknown meaning \"maybe\""), "{e}");
}

#[test]
fn a_step_that_cannot_help_preselects_skip_only() {
    let e = err(&with_notice("means = \"cannot_help\"\npreselect = \"no\"\n"));
    assert!(
        e.starts_with("f.toml:13:13: a notice that means \"cannot_help\" preselects \"skip\""),
        "{e}"
    );
    // Without a preselect, Skip is the one.
    let flow = parse(
        &format!("{HEAD}{}", with_notice("means = \"passed\"\n")),
        "f.toml",
    )
    .unwrap();
    let notice = &flow.steps[0].notices[0];
    assert_eq!(notice.preselect.as_deref(), Some("skip"));
    assert_eq!(notice.means, Some(crate::flow::Means::Passed));
}

#[test]
fn a_safety_line_is_one_short_line_and_located() {
    let step = |safety: &str| {
        format!(
            "[[step]]\nid = \"a\"\nkind = \"fix\"\ntitle = \"A\"\nsafety = {safety}\ntext = \"x\"\nnext = \"summary\"\n{OK_TAIL}"
        )
    };
    let e = err(&step("\"\""));
    assert!(
        e.starts_with("f.toml:7:10: step \"a\": the safety line is empty"),
        "{e}"
    );
    let e = err(&step(&format!("\"{}\"", "x".repeat(71))));
    assert!(
        e.starts_with("f.toml:7:10: step \"a\": the safety line is longer"),
        "{e}"
    );
    let e = err(&step("\"\"\"\none\ntwo\"\"\""));
    assert!(e.contains("must be one line"), "{e}");
    let flow = parse(&format!("{HEAD}{}", step("\"Save your work first.\"")), "f.toml").unwrap();
    assert_eq!(flow.steps[0].safety.as_deref(), Some("Save your work first."));
}

/// The embedded flow's notices say what their `means` decides, in words a person reads.
#[test]
fn the_embedded_notices_say_what_they_mean() {
    use crate::flow::Means;
    let flow = crate::flow::default_flow().unwrap();
    for step in &flow.steps {
        for n in &step.notices {
            let says = |words: &str| n.text.contains(words);
            match n.means {
                Some(Means::CannotHelp) => assert!(says("cannot help"), "{}: {}", step.id, n.text),
                Some(Means::Passed) => assert!(says("checks passed"), "{}: {}", step.id, n.text),
                Some(Means::Fixes) => assert!(says("can fix it"), "{}: {}", step.id, n.text),
                None => assert!(
                    !says("cannot help") && !says("checks passed") && !says("can fix it"),
                    "{}: {} needs `means`",
                    step.id,
                    n.text
                ),
            }
        }
    }
}

#[test]
fn braces_in_a_text_name_only_the_report() {
    let step = |text: &str| {
        format!(
            "[[step]]\nid = \"a\"\nkind = \"fix\"\ntitle = \"A\"\ntext = \"{text}\"\nnext = \"summary\"\n{OK_TAIL}"
        )
    };
    let e = err(&step("saved as {reprot}"));
    assert!(
        e.starts_with("f.toml:4:6: step \"a\": its text may name only {report}"),
        "{e}"
    );
    parse(&format!("{HEAD}{}", step("saved as {report}.")), "f.toml").unwrap();
}

#[test]
fn braces_in_a_notice_name_only_the_verdict() {
    let step = |notice: &str| {
        format!(
            "[[step]]\nid = \"a\"\nkind = \"fix\"\ntitle = \"A\"\ntext = \"x\"\nnext = \"summary\"\n\
             [[step.notice]]\nverdicts = [\"offline\"]\ntext = \"{notice}\"\n{OK_TAIL}"
        )
    };
    let e = err(&step("The checks found: {verdikt}."));
    assert!(
        e.starts_with("f.toml:11:8: a notice may name only {verdict}"),
        "{e}"
    );
    parse(
        &format!("{HEAD}{}", step("The checks found: {verdict}.")),
        "f.toml",
    )
    .unwrap();
}
