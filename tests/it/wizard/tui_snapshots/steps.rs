//! What each step says for the verdict, at 80×24: the step, its notice, its safety line and,
//! in a helpdesk call, the call script all follow one decision; the safety line is on the
//! first screen, before the instructions it guards.

use std::time::Duration;

use qbfix::evidence::{CheckResult, Status, VerdictId};
use qbfix::flow;
use qbfix::tui::app::App;
use qbfix::tui::theme::Theme;
use qbfix::wizard::{Msg, Wizard};

use super::t;
use crate::support::screen;

fn gateway() -> CheckResult {
    CheckResult::new("http", Status::Fail, "qbo.intuit.com answered 502 Bad Gateway")
        .with("status_code", 502)
        .with_duration(Duration::from_millis(120))
}

fn inspected() -> CheckResult {
    CheckResult::new(
        "tls",
        Status::Fail,
        "qbo.intuit.com: the certificate is from Avast Web Shield, not QuickBooks' own",
    )
    .with("intercepted", true)
    .with("cert_seen", true)
    .with("product", "Avast Web Shield")
    .with_duration(Duration::from_millis(90))
}

/// The status page during an incident, with its latest update.
fn incident() -> CheckResult {
    CheckResult::new(
        "status_page",
        Status::Fail,
        "The status page reports a major outage",
    )
    .with("outage", true)
    .with(
        "incidents",
        serde_json::json!([{
            "name": "QuickBooks Online unavailable for some users",
            "status": "identified",
            "impact": "major",
            "update": "We have found the cause and are rolling out a fix.",
        }]),
    )
}

/// A session (a helpdesk call when `call`) whose checks found `result`, at step `id`.
fn at(id: &str, result: CheckResult, call: bool) -> Wizard {
    at_with(id, vec![result], call)
}

/// A session whose checks found `results` (and the internet working), at step `id`.
fn at_with(id: &str, results: Vec<CheckResult>, call: bool) -> Wizard {
    let (flow, mut session) = super::flow_and_session();
    if call {
        session.case_code = Some("QB-7K3M-9TQ2".into());
    }
    let mut w = Wizard::new(flow, session).0;
    let connectivity = CheckResult::new("connectivity", Status::Pass, "Internet works")
        .with("status_code", 204)
        .with_duration(Duration::from_millis(41));
    let mut all = vec![connectivity];
    all.extend(results);
    crate::support::feed::check_run(&mut w, t(1), all, t(2), 350);
    w.update(Msg::Pick { n: 1, at: t(10) });
    if w.current_id() != id {
        w.update(Msg::Jump {
            to: id.into(),
            at: t(11),
        });
    }
    assert_eq!(w.current_id(), id);
    w
}

fn verdict(w: &Wizard) -> VerdictId {
    w.verdict().expect("a verdict").id
}

/// The rows of the step's frame (left of the side panel, which starts at its own border).
fn step_rows(text: &str) -> Vec<String> {
    text.lines()
        .skip(1)
        .map(|l| l.split("││").next().unwrap_or(l).to_string())
        .collect()
}

#[test]
fn the_helpdesk_outage_firewall_step_skips_in_the_script_too() {
    let w = at("firewall", gateway(), true);
    assert_eq!(verdict(&w), VerdictId::ServiceOutage);
    let text = screen::text(&w, &App::new(Theme::monochrome()), 80, 24);
    insta::assert_snapshot!("helpdesk_outage_firewall_80x24", text);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("cannot help"), "{text}");
    assert!(
        !flat.contains("Please pause your antivirus"),
        "the script asks for what the step says is useless:\n{text}"
    );
    assert!(!flat.contains("Ask:"), "{text}");
    assert!(
        flat.contains("While Intuit's servers are failing, this step cannot help"),
        "{text}"
    );
}

/// The outage's status step names Intuit's incident and its latest update, on its first
/// screen.
#[test]
fn the_outage_status_step_shows_the_incident() {
    let w = at_with("server_status", vec![gateway(), incident()], false);
    assert_eq!(verdict(&w), VerdictId::ServiceOutage);
    let text = screen::text(&w, &App::new(Theme::monochrome()), 80, 24);
    insta::assert_snapshot!("outage_status_80x24", text);
    let step = step_rows(&text).join(" ");
    let flat = step.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("QuickBooks Online unavailable for some users"),
        "{text}"
    );
    assert!(
        flat.contains("We have found the cause and are rolling out a fix."),
        "{text}"
    );
}

#[test]
fn the_firewall_step_under_https_inspection_shows_its_safety_line_first() {
    let w = at("firewall", inspected(), false);
    assert_eq!(verdict(&w), VerdictId::HttpsIntercepted);
    let text = screen::text(&w, &App::new(Theme::monochrome()), 80, 24);
    insta::assert_snapshot!("firewall_https_inspection_80x24", text);
    let rows = step_rows(&text);
    let row = |words: &str| rows.iter().position(|r| r.contains(words));
    let safety = row("Turn the protection back on after the test").expect(&text);
    let first_instruction = row("1. Turn off the firewall").unwrap_or(usize::MAX);
    assert!(safety < first_instruction, "{text}");
}

#[test]
fn the_restart_step_says_save_your_work_first_on_its_first_screen() {
    let w = at("restart", gateway(), false);
    let text = screen::text(&w, &App::new(Theme::monochrome()), 80, 24);
    let rows = step_rows(&text);
    let safety = rows
        .iter()
        .position(|r| r.contains("⚠ Save your work in every open program first."))
        .expect(&text);
    let first = rows
        .iter()
        .position(|r| r.contains("A restart clears"))
        .expect(&text);
    assert!(safety < first, "{text}");
}

/// The contact-support step says who can help with this verdict, and keeps the official way
/// to support and the scam warning on its first screen.
#[test]
fn the_support_step_says_who_can_help_and_keeps_the_scam_warning_in_view() {
    let w = at("support", gateway(), false);
    let text = screen::text(&w, &App::new(Theme::monochrome()), 80, 24);
    insta::assert_snapshot!("support_outage_80x24", text);
    let step = step_rows(&text).join(" ");
    let flat = step.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("Intuit already knows"), "{text}");
    assert!(flat.contains("Help > Contact Us"), "{text}");
    assert!(flat.contains("scam"), "{text}");
    assert!(!flat.contains("qbfix report -o"), "{text}");
}

/// Every step at 80×24, with and without a verdict: either the whole text is on the first
/// screen, or a visible "↓ more: Space" line sits directly above the answers (Macs have no
/// PgDn key, and a corner of the border is easily missed).
#[test]
fn a_cut_text_says_more_right_above_the_answers() {
    let flow = flow::default_flow().unwrap();
    let mut cut = 0;
    for verdict in [None, Some(gateway()), Some(inspected())] {
        for step in flow.steps.iter().filter(|s| s.kind != flow::StepKind::Summary) {
            let w = match &verdict {
                Some(r) => at(&step.id, r.clone(), false),
                None => at_with(&step.id, Vec::new(), false),
            };
            let text = screen::text(&w, &App::new(Theme::monochrome()), 80, 24);
            let rows: Vec<String> = step_rows(&text)
                .iter()
                .map(|r| r.trim_matches(|c| c == '│' || c == ' ').to_string())
                .collect();
            let words: Vec<&str> = step.text.split_whitespace().collect();
            let last = words[words.len() - 3..].join(" ");
            let flat = rows.join(" ").split_whitespace().collect::<Vec<_>>().join(" ");
            if flat.contains(&last) {
                continue;
            }
            cut += 1;
            let more = rows
                .iter()
                .position(|r| r == "↓ more: Space")
                .unwrap_or_else(|| panic!("{}: cut without the more line:\n{text}", step.id));
            let next = rows[more + 1..].iter().find(|r| !r.is_empty()).unwrap();
            let answers = next.contains("Did this fix it?") || next.contains("1  ");
            assert!(
                answers,
                "{}: the more line is not above the answers:\n{text}",
                step.id
            );
        }
    }
    assert!(cut > 5, "at 80×24 several steps are cut ({cut})");
}

/// After Enter in the bank address field the step says what the test of that address found
/// (not only the card's count): "Testing your bank's website…", then the bank check's line.
#[test]
fn the_bank_field_shows_the_bank_checks_result_after_enter() {
    let mut w = super::wizard();
    super::finish_checks(&mut w, super::healthy_http());
    // Bank downloads fail: the status step asks for the bank's address.
    w.update(Msg::Pick { n: 4, at: t(12) });
    while w.bank_question().is_none() {
        assert!(!w.at_summary(), "the bank step asks");
        w.update(Msg::Pick { n: 2, at: t(13) });
    }
    w.update(Msg::BankAddress {
        text: "mybank.example".into(),
    });
    w.update(Msg::ChecksStarted {
        ids: vec!["bank".into()],
        at: t(14),
    });
    let app = App::new(Theme::monochrome());
    let text = screen::text(&w, &app, 80, 24);
    assert!(text.contains("Testing your bank's website"), "{text}");
    w.update(Msg::CheckFinished {
        id: "bank".into(),
        results: vec![CheckResult::new(
            "bank",
            Status::Pass,
            "Your bank's website answered 200 OK in 80 ms",
        )],
    });
    w.update(Msg::ChecksDone {
        at: t(15),
        duration_ms: 80,
    });
    let text = screen::text(&w, &app, 80, 24);
    let step = step_rows(&text).join("\n");
    assert!(
        step.contains("✓ Your bank's website answered 200 OK in 80 ms"),
        "{text}"
    );
}
