//! The embedded flow against the article and DESIGN: steps in order, the fix steps' answers, the
//! symptoms, no phone numbers, every sub-step of the article.

use super::*;

#[test]
fn embedded_flow_is_valid_and_in_design_order() {
    let flow = default_flow().unwrap();
    let ids: Vec<&str> = flow.steps.iter().map(|s| s.id.as_str()).collect();
    let expected = [
        "symptom",
        "connection",
        "server_status",
        "cache",
        "browser",
        "firewall",
        "update",
        "restart",
        "support",
        "summary",
    ];
    assert_eq!(ids, expected);
    assert_eq!(flow.route(), expected);
}

#[test]
fn fix_steps_answer_yes_no_skip_in_order() {
    let flow = default_flow().unwrap();
    for step in flow.steps.iter().filter(|s| s.kind == StepKind::Fix) {
        let labels: Vec<&str> = step.answers.iter().take(3).map(|a| a.label.as_str()).collect();
        assert_eq!(
            labels,
            ["Yes, it works now", "No, still failing", "Skip this step"],
            "{}",
            step.id
        );
        assert_eq!(step.answers[0].outcome, Some(AnswerOutcome::Resolved));
        assert_eq!(step.question.as_deref(), Some("Did this fix it?"), "{}", step.id);
    }
}

#[test]
fn symptom_offers_the_four_symptoms() {
    let flow = default_flow().unwrap();
    assert_eq!(flow.start().answers.len(), 4);
}

#[test]
fn texts_ship_no_phone_numbers() {
    let digits = regex_free_phone_like(DEFAULT_FLOW);
    assert!(digits.is_none(), "phone-number-like text: {digits:?}");
}

/// Finds a run of 7+ digits (ignoring spaces, dashes, dots, parentheses) in the text.
fn regex_free_phone_like(text: &str) -> Option<String> {
    let mut run = String::new();
    for c in text.chars() {
        if c.is_ascii_digit() {
            run.push(c);
            if run.len() >= 7 {
                return Some(run);
            }
        } else if !matches!(c, ' ' | '-' | '.' | '(' | ')') || run.is_empty() {
            run.clear();
        }
    }
    None
}
#[test]
fn every_step_carries_the_articles_sub_steps() {
    let flow = default_flow().unwrap();
    let text = |id: &str| {
        let s = flow.step(id).unwrap();
        format!(
            "{} {} {}",
            s.title,
            s.safety.as_deref().unwrap_or_default(),
            s.text
        )
    };
    let expect = [
        (
            "connection",
            &["router", "another network", "internet provider"][..],
        ),
        (
            "server_status",
            &[
                "status.quickbooks.intuit.com",
                "bank",
                "wait",
                "error 102",
                "error 103",
            ][..],
        ),
        (
            "cache",
            &[
                "private window",
                "Sign out",
                "Cookies",
                "Cached images",
                "Chrome",
                "Firefox",
                "Edge",
                "Safari",
            ][..],
        ),
        (
            "browser",
            &[
                "Chrome",
                "Firefox",
                "Edge",
                "Safari",
                "Internet Explorer",
                "extensions",
            ][..],
        ),
        (
            "firewall",
            &[
                "Turn off",
                "Try QuickBooks again",
                "back on",
                "Never leave it off",
                "exception",
            ][..],
        ),
        (
            "update",
            &[
                "web app",
                "nothing to download or install",
                "reload",
                "Update your browser",
            ][..],
        ),
        (
            "restart",
            &["Save your work", "Continue the session", "qbfix --resume"][..],
        ),
        ("support", &["Help > Contact Us", "qbfix report", "scam"][..]),
    ];
    for (id, phrases) in expect {
        let t = text(id);
        for p in phrases {
            assert!(t.contains(p), "step {id} should mention {p:?}");
        }
    }
    assert_eq!(flow.summary().tips.len(), 5, "the article's five prevention tips");
}
