//! The summary's first screen at 80×24, with no scrolling: the outcome, the verdict's title, the
//! result code, where the two reports were saved (`o` opens the HTML) and the next steps — on a
//! healthy network, during an outage (nothing to change here, Intuit's latest update, `w`
//! waits) and offline. Snapshots of each, and what a person must see on it.

use std::time::Duration;

use qbfix::driver::saved_reports::{self, SavedReports};
use qbfix::evidence::{CheckResult, Status};
use qbfix::tui::app::App;
use qbfix::tui::theme::Theme;
use qbfix::wizard::Wizard;

use super::{draw, fix_step, outage_step, pick, t, wizard};

/// What the summary says about the saved reports, in the driver's words.
fn report_lines() -> Vec<String> {
    let saved = SavedReports {
        html: "/home/pat/Documents/qbfix/20260911-012640-abcdef.html".into(),
        json: "/home/pat/Documents/qbfix/20260911-012640-abcdef.json".into(),
    };
    saved_reports::describe(Some(&Ok(saved)), None, true)
}

/// Answers "No, still failing" (or skips) until the summary.
fn to_summary(mut w: Wizard) -> Wizard {
    for _ in 0..15 {
        if w.at_summary() {
            return w;
        }
        pick(&mut w, 2);
    }
    assert!(w.at_summary(), "never reached the summary");
    w
}

fn offline_summary() -> Wizard {
    let mut w = wizard();
    let unreachable = |id: &str, what: &str| {
        CheckResult::new(
            id,
            Status::Fail,
            format!("Could not reach {what}: name lookup failed"),
        )
        .with("error_kind", "dns")
        .with_duration(Duration::from_millis(30))
    };
    let results = vec![
        unreachable("connectivity", "the test sites"),
        unreachable("http", "QuickBooks"),
    ];
    crate::support::feed::check_run(&mut w, t(1), results, t(2), 40);
    pick(&mut w, 1);
    to_summary(w)
}

/// The summary after these results, every step answered "No, still failing".
fn summary_after(results: Vec<CheckResult>) -> Wizard {
    let mut w = wizard();
    crate::support::feed::check_run(&mut w, t(1), results, t(2), 40);
    pick(&mut w, 1);
    to_summary(w)
}

fn passed(id: &str, ms: u64) -> CheckResult {
    CheckResult::new(id, Status::Pass, format!("{id} answered 200 OK"))
        .with("status_code", 200)
        .with("ttfb_ms", ms)
        .with("slow_ms", 1000)
        .with_duration(Duration::from_millis(ms))
}

/// The bank's site does not answer while QuickBooks does.
fn bank_down_summary() -> Wizard {
    let bank = CheckResult::new("bank", Status::Fail, "Your bank's website did not answer in time")
        .with("error_kind", "timeout");
    summary_after(vec![passed("connectivity", 40), passed("http", 300), bank])
}

/// Everything answers, slowly.
fn slow_summary() -> Wizard {
    let slow = passed("http", 4200).with("slow", true).with("total_ms", 4200);
    summary_after(vec![passed("connectivity", 900), slow])
}

/// Avast's certificate in place of QuickBooks'.
fn inspected_summary() -> Wizard {
    let tls = CheckResult::new(
        "tls",
        Status::Fail,
        "qbo.intuit.com showed a certificate from \"Avast Web/Mail Shield Root\"",
    )
    .with("intercepted", true)
    .with("cert_seen", true)
    .with("product", "Avast Web Shield");
    summary_after(vec![passed("connectivity", 40), passed("http", 300), tls])
}

/// The six networks of issue 17.
fn six_networks() -> [(&'static str, Wizard); 6] {
    [
        ("healthy", to_summary(fix_step())),
        ("outage", outage_summary()),
        ("offline", offline_summary()),
        ("bank_down", bank_down_summary()),
        ("slow", slow_summary()),
        ("https_inspected", inspected_summary()),
    ]
}

/// Offline, every fix step skipped.
fn offline_summary_skipping() -> Wizard {
    let mut w = wizard();
    let down = CheckResult::new("connectivity", Status::Fail, "Could not reach the test sites")
        .with("error_kind", "dns");
    crate::support::feed::check_run(&mut w, t(1), vec![down], t(2), 40);
    pick(&mut w, 1);
    for _ in 0..15 {
        if w.at_summary() {
            break;
        }
        pick(&mut w, 3);
    }
    w
}

/// The status page with Intuit's open incident and its latest update.
fn incident_page() -> CheckResult {
    CheckResult::new("status_page", Status::Fail, "Intuit reports a major outage").with(
        "incidents",
        serde_json::json!([{
            "name": "QuickBooks Online unavailable",
            "status": "investigating",
            "update": "We are investigating reports of errors signing in."
        }]),
    )
}

fn outage_summary() -> Wizard {
    let mut w = outage_step();
    let page = incident_page();
    crate::support::feed::check_run(&mut w, t(3), vec![page], t(4), 20);
    to_summary(w)
}

fn first_screen(w: &Wizard) -> String {
    let mut app = App::new(Theme::monochrome());
    app.report_lines = report_lines();
    draw(w, &app, None, 80, 24).backend().to_string()
}

/// Every line a person needs on the first screen, in this order.
fn assert_in_order(screen: &str, wanted: &[&str]) {
    let mut from = 0;
    for want in wanted {
        match screen[from..].find(want) {
            Some(at) => from += at + want.len(),
            None => panic!("{want:?} not on the first screen (or out of order):\n{screen}"),
        }
    }
}

#[test]
fn the_first_screen_says_the_outcome_verdict_code_reports_and_next_steps() {
    for (name, w) in six_networks() {
        let verdict = w.verdict().expect("a verdict").clone();
        let screen = first_screen(&w);
        let title: String = verdict.title.chars().take(40).collect();
        let mut wanted: Vec<String> = [
            "Outcome:",
            &title,
            "Result code:",
            "press o to open",
            "20260911-012640-abcdef.html",
            "20260911-012640-abcdef.json",
        ]
        .map(str::to_string)
        .to_vec();
        // The next steps the reports give (one decision, `report::next`), every one of them:
        // a fix already tried is said to be, then who can help; an outage says what waiting
        // does, and how to reach support safely where support is next.
        let doc = qbfix::report::Document::new(w.session(), Some(w.flow()), &jiff::tz::TimeZone::UTC);
        let next = &doc.next;
        assert!(!next.steps.is_empty(), "{name}: no next steps");
        let lines = next.incident.iter().chain(&next.tried).chain(&next.steps);
        wanted.extend(lines.map(|l| l.chars().take(30).collect()));
        if next.wait {
            wanted.push("Press w to wait here".into());
        }
        if next.support_safely {
            wanted.push("Reach QuickBooks support only".into());
        }
        let wanted: Vec<&str> = wanted.iter().map(String::as_str).collect();
        assert_in_order(&screen, &wanted);
        // The report's Markdown says the same next steps.
        let md = doc.markdown();
        for line in next.tried.iter().chain(&next.steps) {
            let start: String = line.chars().take(20).collect();
            assert!(md.contains(&start), "{name}: {start:?} not in the report:\n{md}");
        }
        assert!(!screen.contains("after quitting"), "{name}: {screen}");
        assert!(!screen.contains("PgUp"), "{name}: scrolled?\n{screen}");
    }
}

#[test]
fn the_verdict_s_actions_show_while_its_step_was_not_tried() {
    let mut w = offline_summary_skipping();
    assert!(w.at_summary());
    let screen = first_screen(&w);
    for action in &w.verdict().expect("a verdict").actions {
        let start: String = action.chars().take(30).collect();
        assert!(screen.contains(&start), "{start}:\n{screen}");
    }
    assert!(!screen.contains("Already tried"), "{screen}");
    w = offline_summary();
    let screen = first_screen(&w);
    assert!(
        screen.contains("Already tried, and it still fails: Check your internet"),
        "{screen}"
    );
    assert!(
        screen.contains("Your internet connection is the problem"),
        "{screen}"
    );
    assert!(!screen.contains("Restart your router"), "{screen}");
}

#[test]
fn an_outage_says_nothing_to_change_and_what_intuit_said_and_offers_w() {
    let screen = first_screen(&outage_summary());
    assert_in_order(
        &screen,
        &[
            "Nothing to change on your computer",
            "Intuit says: QuickBooks Online unavailable",
            "Press w to wait here",
        ],
    );
    let footer = screen.lines().last().unwrap();
    assert!(footer.contains("w wait"), "{footer}");
    let healthy = first_screen(&to_summary(fix_step()));
    assert!(!healthy.contains("Press w"), "{healthy}");
}

#[test]
fn first_screens_at_80x24() {
    for (name, w) in six_networks() {
        let mut app = App::new(Theme::colored());
        app.report_lines = report_lines();
        insta::assert_snapshot!(
            format!("summary_first_{name}_80x24"),
            draw(&w, &app, None, 80, 24).backend()
        );
    }
}

#[test]
fn in_a_call_after_y_and_o_w_is_still_on_the_first_screen() {
    let mut w = super::call_wizard();
    let gateway = CheckResult::new("http", Status::Fail, "qbo.intuit.com answered 502 Bad Gateway")
        .with("status_code", 502);
    let page = incident_page();
    crate::support::feed::check_run(&mut w, t(1), vec![gateway, page], t(2), 40);
    pick(&mut w, 1);
    let w = to_summary(w);
    let saved = SavedReports {
        html: "/home/pat/Documents/qbfix/QB-7K3M-9TQ2.html".into(),
        json: "/home/pat/Documents/qbfix/QB-7K3M-9TQ2.json".into(),
    };
    let mut app = App::new(Theme::monochrome());
    app.report_lines = saved_reports::describe(Some(&Ok(saved)), Some(&Ok(())), true);
    let ticket = std::path::PathBuf::from("/home/pat/Documents/qbfix/QB-7K3M-9TQ2-ticket.md");
    app.report_lines
        .extend(saved_reports::describe_ticket(Some(&Ok(ticket))));
    let screen = draw(&w, &app, None, 80, 24).backend().to_string();
    assert_in_order(
        &screen,
        &[
            "Case code: QB-7K3M-9TQ2",
            "opened in your browser",
            "QB-7K3M-9TQ2-ticket.md",
            "Nothing to change on your computer",
            "Press w to wait here",
        ],
    );
}
