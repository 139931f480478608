//! The card's "Do this now" line follows the session: never on the step it names, never a
//! step already answered, the next step that can still help, or that none is left.

use super::*;

fn with_verdict(id: VerdictId) -> Wizard {
    let (flow, session) = reached(id, false);
    Wizard::new(flow, session).0
}

fn do_now(w: &Wizard) -> Option<String> {
    w.card().and_then(|c| c.do_now)
}

/// "step N" of the step `id` on the current route.
fn step_number(w: &Wizard, id: &str) -> String {
    let n = w.route().iter().position(|s| *s == id).unwrap() + 1;
    format!("step {n},")
}

#[test]
fn do_this_now_is_not_shown_on_the_step_it_names() {
    let mut w = with_verdict(VerdictId::Offline);
    assert_eq!(
        do_now(&w).as_deref(),
        Some("Do this now: step 2, Check your internet connection."),
        "on step 1 it names step 2"
    );
    pick(&mut w, 1);
    assert_eq!(w.current_id(), "connection");
    assert_eq!(do_now(&w), None, "{:?}", do_now(&w));
}

#[test]
fn do_this_now_never_names_a_step_answered_still_failing() {
    for id in VerdictId::ALL {
        let mut w = with_verdict(id);
        pick(&mut w, 1);
        let mut guard = 0;
        while !w.at_summary() && guard < 12 {
            guard += 1;
            let here = w.current_id().to_string();
            if let Some(line) = do_now(&w) {
                assert!(
                    !line.contains(&step_number(&w, &here)),
                    "{id:?} at {here}: {line}"
                );
                for r in &w.session().steps {
                    if r.answer_id.as_deref() == Some("no") {
                        assert!(
                            !line.contains(&step_number(&w, &r.id)),
                            "{id:?} at {here}: {line} names {} answered No",
                            r.id
                        );
                    }
                }
            }
            // "No, still failing" where there is one, else the last answer.
            let view = w.view();
            let n = view
                .answers
                .iter()
                .position(|a| a.id == "no")
                .unwrap_or(view.answers.len() - 1);
            pick(&mut w, n + 1);
        }
    }
}

#[test]
fn after_the_step_that_can_fix_it_fails_the_card_names_the_next_that_can_help_or_says_none() {
    let mut w = with_verdict(VerdictId::ServiceOutage);
    pick(&mut w, 1);
    assert_eq!(w.current_id(), "server_status");
    pick(&mut w, 2);
    // Every other step says it cannot help during an outage.
    assert_eq!(
        do_now(&w).as_deref(),
        Some("Every step that can help now has been tried.")
    );
    let mut w = with_verdict(VerdictId::LocalOk);
    pick(&mut w, 1);
    assert_eq!(w.current_id(), "cache");
    pick(&mut w, 2);
    // The connection is next on the route, but the checks passed for it: the card names the
    // browser step, the next that can still help.
    assert_eq!(w.current_id(), "connection");
    let browser = step_number(&w, "browser");
    assert_eq!(
        do_now(&w),
        Some(format!("Do this now: {browser} Try a different browser."))
    );
}
