//! What a person reads in a report, in every format: helpdesk jumps in plain words, steps
//! numbered by their place in the flow (as the screen numbered them), one heading for the
//! results a customer's result code reported, the operating system said once, a check's time
//! said once, and Markdown whose lists render as written.

use std::sync::Arc;

use jiff::Timestamp;
use jiff::tz::{Offset, TimeZone};
use qbfix::evidence::{CheckResult, Status, VerdictId};
use qbfix::report::Document;
use qbfix::session::{Session, SystemFacts};
use qbfix::wizard::{Msg, Wizard};
use qbfix::{flow, report};

fn t(s: i64) -> Timestamp {
    Timestamp::from_second(1_795_000_000 + s).unwrap()
}

fn tz() -> TimeZone {
    TimeZone::fixed(Offset::constant(1))
}

fn system(os: &str, version: &str) -> SystemFacts {
    SystemFacts {
        os: os.into(),
        os_version: version.into(),
        arch: "x86_64".into(),
        qbfix_version: "0.1.0".into(),
    }
}

/// A helpdesk call: the symptom answered, then `g` from step 2 straight to the firewall step,
/// answered "No, still failing"; one check skipped, one whose summary names its time.
fn jumped() -> Session {
    let flow = Arc::new(flow::default_flow().unwrap());
    let mut s = Session::new(
        "20261218-101320-c0ffee".into(),
        &flow.id,
        t(0),
        system("Debian GNU/Linux", "Linux (Debian GNU/Linux 12)"),
    );
    s.case_code = Some("QB-7K3M-9TQ2".into());
    let (mut w, _) = Wizard::new(flow, s);
    let results = vec![
        CheckResult::new(
            "connectivity",
            Status::Pass,
            "Internet works: example answered in 41 ms",
        )
        .with("status_code", 204)
        .with_duration(std::time::Duration::from_millis(43)),
        CheckResult::new("http", Status::Pass, "QuickBooks answered")
            .with("status_code", 200)
            .with_duration(std::time::Duration::from_millis(7)),
        CheckResult::new("bank", Status::Skip, "No bank address was given")
            .with_duration(std::time::Duration::from_millis(0)),
    ];
    crate::support::feed::check_run(&mut w, t(1), results, t(2), 50);
    w.update(Msg::Pick { n: 1, at: t(30) });
    w.update(Msg::Jump {
        to: "firewall".into(),
        at: t(60),
    });
    w.update(Msg::Pick { n: 2, at: t(90) });
    w.session().clone()
}

fn formats(doc: &Document) -> [(&'static str, String); 3] {
    [("md", doc.markdown()), ("text", doc.text()), ("html", doc.html())]
}

/// The place of `id` on the route the screen showed for `s`.
fn step_number(s: &Session, id: &str) -> usize {
    let flow = flow::default_flow().unwrap();
    let verdict = s.verdict.as_ref().map(|v| v.id.as_str());
    qbfix::wizard::route_for(&flow, verdict)
        .iter()
        .position(|s| *s == id)
        .unwrap()
        + 1
}

#[test]
fn jumps_appear_in_every_format_in_plain_words() {
    let s = jumped();
    assert_eq!(s.jumps.len(), 1, "the jump is recorded");
    let flow = flow::default_flow().unwrap();
    let doc = Document::new(&s, Some(&flow), &tz());
    let (from, to) = (step_number(&s, &s.jumps[0].from), step_number(&s, "firewall"));
    let said = format!("Jumped from step {from} to step {to}");
    for (format, out) in formats(&doc) {
        let flat = out.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains(&said), "{format} lacks {said:?}:\n{out}");
        assert!(flat.contains("12:07 +01:00"), "{format} says when:\n{out}");
    }
    let ticket = doc.ticket();
    assert!(ticket.contains(&format!("**Jumps:** {said}")), "{ticket}");
    let json: serde_json::Value = serde_json::from_str(&report::json(&s).unwrap()).unwrap();
    assert_eq!(json["jumps"][0]["from"], s.jumps[0].from.as_str(), "{json}");
    assert_eq!(json["jumps"][0]["to"], "firewall", "{json}");
}

#[test]
fn steps_are_numbered_by_their_place_in_the_flow_not_by_visit_order() {
    let s = jumped();
    let flow = flow::default_flow().unwrap();
    let doc = Document::new(&s, Some(&flow), &tz());
    let firewall = step_number(&s, "firewall");
    assert!(
        firewall > 3,
        "the firewall step is not the third visited: {firewall}"
    );
    let md = doc.markdown();
    assert!(
        md.contains(&format!(
            "Step {firewall} • tried: **Check your firewall and security software:** No"
        )),
        "{md}"
    );
    let text = doc.text();
    assert!(
        text.contains(&format!("Step {firewall} [• tried] Check your firewall")),
        "{text}"
    );
    let html = doc.html();
    assert!(html.contains(&format!("<li value=\"{firewall}\">")), "{html}");
}

/// Every line of `md` that is a list item: its content must not open another list (CommonMark:
/// "1. - x" and "- - x" are a list inside a list item).
fn nested_list_items(md: &str) -> Vec<&str> {
    md.lines()
        .filter(|l| {
            let t = l.trim_start();
            let content = if let Some(rest) = t.strip_prefix("- ") {
                rest
            } else if let Some((n, rest)) = t.split_once(". ") {
                if n.chars().all(|c| c.is_ascii_digit()) && !n.is_empty() {
                    rest
                } else {
                    return false;
                }
            } else {
                return false;
            };
            ["- ", "* ", "+ "].iter().any(|m| content.starts_with(m))
                || content == "-"
                || content.split_once(['.', ')']).is_some_and(|(n, r)| {
                    !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) && r.starts_with(' ')
                })
        })
        .collect()
}

#[test]
fn markdown_lists_do_not_nest_a_skipped_mark() {
    let mut s = jumped();
    // A skipped step too.
    let mut skipped = s.steps[1].clone();
    skipped.id = "server_status".into();
    skipped.title = "Check whether Intuit or your bank is down".into();
    skipped.answer_id = Some("skip".into());
    skipped.answer = Some("Skip".into());
    s.steps.push(skipped);
    let flow = flow::default_flow().unwrap();
    let md = Document::new(&s, Some(&flow), &tz()).markdown();
    assert!(md.contains("skipped"), "{md}");
    assert_eq!(nested_list_items(&md), Vec::<&str>::new(), "{md}");
}

#[test]
fn the_operating_system_is_said_once() {
    let flow = flow::default_flow().unwrap();
    for (os, version, said) in [
        (
            "Debian GNU/Linux",
            "Linux (Debian GNU/Linux 12)",
            "Debian GNU/Linux 12",
        ),
        ("Darwin", "macOS 15.1 Sequoia", "macOS 15.1 Sequoia"),
        ("Windows", "Windows 11 Pro", "Windows 11 Pro"),
        ("Debian GNU/Linux", "12", "Debian GNU/Linux 12"),
    ] {
        let mut s = jumped();
        s.system = system(os, version);
        let md = Document::new(&s, Some(&flow), &tz()).markdown();
        let line = md.lines().find(|l| l.contains("**System:**")).unwrap();
        assert_eq!(line, format!("- **System:** {said}, x86_64"), "{md}");
    }
}

#[test]
fn a_check_s_time_is_said_once() {
    let s = jumped();
    let flow = flow::default_flow().unwrap();
    for (format, out) in formats(&Document::new(&s, Some(&flow), &tz())) {
        let flat = out.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains("answered in 41 ms"), "{format}:\n{out}");
        assert!(!flat.contains("(43 ms)"), "{format} says the time twice:\n{out}");
    }
}

#[test]
fn a_report_from_a_result_code_has_one_heading_for_the_customer_s_results() {
    let results: Vec<CheckResult> = qbfix::evidence::result_code::CHECKS
        .iter()
        .map(|id| CheckResult::new(id, Status::Pass, "fine"))
        .collect();
    let code = qbfix::evidence::result_code::encode(Some(VerdictId::LocalOk), &results);
    let s = qbfix::session::import::session_from_code(&code, t(0)).unwrap();
    let flow = flow::default_flow().unwrap();
    let doc = Document::new(&s, Some(&flow), &tz());
    for (format, out) in formats(&doc) {
        let flat = out.split_whitespace().collect::<Vec<_>>().join(" ");
        let said = flat.matches("result code").count();
        // The overview's "Result code" line, and one heading (or line) naming where they came from.
        assert!(said <= 3, "{format} says \"result code\" {said} times:\n{out}");
        assert!(!flat.contains("()"), "{format} shows an empty system:\n{out}");
        assert!(
            flat.contains("not sent by the customer"),
            "{format} says the system was not sent:\n{out}"
        );
    }
}

/// A finished, unresolved session whose verdict is `id`.
fn unresolved(id: VerdictId) -> Session {
    let mut s = Session::new(
        "20261218-101320-c0ffee".into(),
        "qbo-502",
        t(0),
        system("Windows", "Windows 11 Pro"),
    );
    s.verdict = Some(qbfix::evidence::Verdict {
        id,
        title: "What the checks found".into(),
        advice: "What to do.".into(),
        actions: Vec::new(),
    });
    s.outcome = qbfix::session::Outcome::Unresolved;
    s.finished_at = Some(t(100));
    s
}

#[test]
fn next_steps_follow_who_can_help_and_name_48_hours() {
    let steps = |id| report::next_steps(&unresolved(id)).join(" ");
    let bank = steps(VerdictId::BankUnreachable);
    assert!(bank.contains("48 hours"), "{bank}");
    assert!(bank.contains("your bank"), "{bank}");
    let outage = steps(VerdictId::ServiceOutage);
    assert!(outage.contains("qbfix watch"), "{outage}");
    assert!(outage.contains("support cannot speed up"), "{outage}");
    let offline = steps(VerdictId::Offline);
    assert!(offline.contains("internet provider"), "{offline}");
    for id in [VerdictId::LocalOk, VerdictId::Unexplained] {
        let said = steps(id);
        assert!(said.contains("Help > Contact Us"), "{said}");
        assert!(said.contains("scam"), "{said}");
    }
    for id in VerdictId::ALL {
        let said = steps(id);
        assert!(!said.contains("a day"), "{id:?}: {said}");
    }
}

/// The whole Markdown and text of the helpdesk call with a jump, as a person reads them.
#[test]
fn a_helpdesk_call_with_a_jump_as_markdown_and_text() {
    let flow = flow::default_flow().unwrap();
    let doc = Document::new(&jumped(), Some(&flow), &tz());
    insta::assert_snapshot!("jumped_markdown", doc.markdown());
    insta::assert_snapshot!("jumped_text", doc.text());
}

/// The whole Markdown of a session made from a result code.
#[test]
fn a_result_code_s_report_as_markdown() {
    let results: Vec<CheckResult> = qbfix::evidence::result_code::CHECKS
        .iter()
        .enumerate()
        .map(|(i, id)| {
            let status = if i == 5 { Status::Fail } else { Status::Pass };
            CheckResult::new(id, status, "fine")
        })
        .collect();
    let code = qbfix::evidence::result_code::encode(Some(VerdictId::ServiceOutage), &results);
    let mut s = qbfix::session::import::session_from_code(&code, t(0)).unwrap();
    s.id = "20261218-101320-c0ffee".into();
    s.case_code = Some("QB-7K3M-9TQ2".into());
    let flow = flow::default_flow().unwrap();
    insta::assert_snapshot!(Document::new(&s, Some(&flow), &tz()).markdown());
}

#[test]
fn handed_on_next_steps_name_who_can_help() {
    let mut s = unresolved(VerdictId::Offline);
    s.outcome = qbfix::session::Outcome::Escalated;
    let said = report::next_steps(&s).join(" ");
    assert!(said.contains("internet provider"), "{said}");
    assert!(
        !said.contains("Help > Contact Us"),
        "not QuickBooks support: {said}"
    );
    let mut s = unresolved(VerdictId::Unexplained);
    s.outcome = qbfix::session::Outcome::Escalated;
    let said = report::next_steps(&s).join(" ");
    assert!(said.contains("Help > Contact Us"), "{said}");
}

/// A session handed on names who it was handed to, as DESIGN's who-can-help list says.
#[test]
fn a_handed_on_outcome_names_who_can_help() {
    let flow = flow::default_flow().unwrap();
    let outcome = |id| {
        let mut s = unresolved(id);
        s.outcome = qbfix::session::Outcome::Escalated;
        let doc = Document::new(&s, Some(&flow), &tz());
        let item = &doc.items(report::SectionKind::Overview)[0];
        assert_eq!(item.label, "Outcome");
        item.text.clone()
    };
    assert_eq!(outcome(VerdictId::Offline), "Handed to your internet provider");
    assert_eq!(outcome(VerdictId::BankUnreachable), "Handed to your bank");
    assert_eq!(outcome(VerdictId::LocalOk), "Handed to QuickBooks support");
}

/// A report of the customer's results (read by the helpdesk) places the problem on the
/// customer's side; a person's own report on theirs, naming which part.
#[test]
fn whose_problem_is_the_customer_s_in_a_report_of_their_results() {
    let results: Vec<CheckResult> = qbfix::evidence::result_code::CHECKS
        .iter()
        .map(|id| CheckResult::new(id, Status::Fail, "down"))
        .collect();
    let code = qbfix::evidence::result_code::encode(Some(VerdictId::Offline), &results);
    let theirs = qbfix::session::import::session_from_code(&code, t(0)).unwrap();
    let flow = flow::default_flow().unwrap();
    let md = Document::new(&theirs, Some(&flow), &tz()).markdown();
    assert!(
        md.contains("On the customer's side: the internet connection"),
        "{md}"
    );
    assert!(!md.contains("your side"), "{md}");
    let own = unresolved(VerdictId::Offline);
    let md = Document::new(&own, Some(&flow), &tz()).markdown();
    assert!(md.contains("On your side: the internet connection"), "{md}");
}
