//! The short summaries of a [`Document`]: the plain-mode summary (text lines) and the ticket
//! summary that `y` copies (short Markdown: case code, outcome, verdict, what was tried,
//! failing checks, notes, helpdesk jumps). Skipped steps are not "tried"; advice the person already followed
//! is not repeated.

use super::document::{Document, Item, SectionKind};
use super::markdown::escape as md;
use super::text::{WIDTH, push_item, wrap};

/// The verdict's advice for a summary, never advice the person already followed: when the
/// checks found nothing wrong on the network, their advice is the browser steps of the flow,
/// so once any step was tried the summary names what was tried instead; for every other
/// verdict, when the step its advice is about was answered "No, still failing", the summary
/// says that was tried rather than repeat it.
pub fn advice(doc: &Document) -> Option<String> {
    let (_, advice) = doc.verdict()?;
    let tried: Vec<&str> = doc.tried().map(|i| i.label.as_str()).collect();
    let local_ok = doc.verdict_id.is_some_and(|v| v.as_str() == "local_ok");
    if local_ok && !tried.is_empty() {
        Some(format!(
            "The network path to QuickBooks works. Already tried: {}.",
            tried.join("; ")
        ))
    } else if let Some(step) = &doc.advice_tried {
        Some(format!("Already tried, and it still fails: {step}."))
    } else {
        Some(advice.to_string())
    }
}

/// Notes of every step, tried or not ("Step: note"), then the closing notes ("Closing note,
/// 2026-11-25 20:40 +01:00: note").
pub fn notes(doc: &Document) -> Vec<Item> {
    let steps = doc
        .items(SectionKind::Steps)
        .iter()
        .filter_map(|i| i.note.as_ref().map(|n| Item::new(i.label.clone(), n.clone())));
    let closing = doc
        .items(SectionKind::ClosingNotes)
        .iter()
        .map(|i| match &i.time {
            Some(t) => Item::new(format!("{}, {t}", i.label), i.text.clone()),
            None => Item::new(i.label.clone(), i.text.clone()),
        });
    steps.chain(closing).collect()
}

/// The plain-mode summary, as lines of at most 72 columns.
pub fn plain(doc: &Document) -> Vec<String> {
    let mut out = vec!["Summary".to_string(), "=======".to_string()];
    for item in doc.items(SectionKind::Overview) {
        if matches!(
            item.label.as_str(),
            "Outcome" | "Case code" | "Result code" | "Imported"
        ) {
            push_item(&mut out, item, "");
        }
    }
    if let (Some((title, _)), Some(advice)) = (doc.verdict(), advice(doc)) {
        out.extend(wrap(&format!("Checks say: {title}. {advice}"), "", "", WIDTH));
    }
    let mut list = |heading: &str, items: Vec<&Item>| {
        if items.is_empty() {
            return;
        }
        out.push(String::new());
        out.push(format!("{heading}:"));
        for item in items {
            let mut item = item.clone();
            item.note = None;
            item.time = None;
            if matches!(item.mark, Some(super::document::Mark::Tried)) {
                item.mark = None;
            }
            push_item(&mut out, &item, "  - ");
        }
    };
    list("What was tried", doc.tried().collect());
    let notes = notes(doc);
    list("Notes", notes.iter().collect());
    list("Check results", doc.items(SectionKind::Checks).iter().collect());
    if let Some(section) = doc.section(SectionKind::ThisComputer) {
        list(section.heading, section.items.iter().collect());
    }
    list(
        crate::evidence::catalog::label(crate::evidence::ids::STATUS_PAGE),
        doc.items(SectionKind::StatusPage).iter().collect(),
    );
    list("Next steps", doc.items(SectionKind::NextSteps).iter().collect());
    list(
        "Preventing it next time",
        doc.items(SectionKind::Tips).iter().collect(),
    );
    out
}

/// The ticket summary `y` copies: short Markdown, one line per fact.
pub fn ticket(doc: &Document) -> String {
    let mut out = String::new();
    let head = match &doc.case_code {
        Some(code) => format!("QuickBooks Online 502 — Case {code}"),
        None => format!("QuickBooks Online 502 — Session {}", doc.session_id),
    };
    out.push_str(&format!("**{}**\n", md(&head)));
    let mut line = |label: &str, text: &str| out.push_str(&format!("- **{label}:** {}\n", md(text)));
    for item in doc.items(SectionKind::Overview) {
        if matches!(item.label.as_str(), "Outcome" | "Result code" | "Imported") {
            line(&item.label, &item.text);
        }
    }
    match (doc.verdict(), advice(doc)) {
        (Some((title, _)), Some(advice)) => {
            line(
                "Verdict",
                &format!(
                    "{title} — {}",
                    crate::evidence::Side::place(doc.side, doc.imported.is_some())
                ),
            );
            line("Advice", &advice);
        }
        _ => line("Verdict", "the checks did not finish"),
    }
    let tried: Vec<String> = doc.tried().map(|i| format!("{}: {}", i.label, i.text)).collect();
    line(
        "Tried",
        &if tried.is_empty() {
            "nothing yet".to_string()
        } else {
            tried.join("; ")
        },
    );
    let failing: Vec<String> = doc
        .failing()
        .map(|i| match i.mark.map(|m| m.word()) {
            Some(word) => format!("{} ({word}): {}", i.label, i.text),
            None => format!("{}: {}", i.label, i.text),
        })
        .collect();
    line(
        "Failing checks",
        &if failing.is_empty() {
            "none".to_string()
        } else {
            failing.join("; ")
        },
    );
    let notes: Vec<String> = notes(doc)
        .iter()
        .map(|i| format!("{}: {}", i.label, i.text))
        .collect();
    if !notes.is_empty() {
        line("Notes", &notes.join("; "));
    }
    let jumps: Vec<String> = doc
        .items(SectionKind::Jumps)
        .iter()
        .map(|i| match &i.time {
            Some(t) => format!("{} ({t})", i.text),
            None => i.text.clone(),
        })
        .collect();
    if !jumps.is_empty() {
        line("Jumps", &jumps.join("; "));
    }
    for item in doc.items(SectionKind::StatusPage).iter().take(2) {
        line(
            crate::evidence::catalog::label(crate::evidence::ids::STATUS_PAGE),
            &format!("{}: {}", item.label, item.text),
        );
    }
    line("Session", &doc.session_id);
    out
}

/// What `r` on a finished summary found: shown beside the record, never part of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedAgain {
    /// "Checked again at 10:42: QuickBooks answers normally", or "Checking again…".
    pub headline: String,
    /// That this is not saved in the session.
    pub aside: &'static str,
    pub results: Vec<Item>,
}

/// The words for `again` with times in `tz`; `theirs`: the session holds the customer's
/// results, so this run is the agent's own computer.
pub fn checked_again(again: &crate::wizard::Again, theirs: bool, tz: &jiff::tz::TimeZone) -> CheckedAgain {
    let whose = if theirs {
        "This computer (yours), checked"
    } else {
        "Checked"
    };
    let headline = match (again.finished_at, &again.verdict) {
        (Some(at), Some(v)) => {
            let at = at.to_zoned_datetime(tz.clone()).strftime("%H:%M").to_string();
            format!(
                "{whose} again at {at}: {}",
                crate::text::sanitize::clean(&v.title)
            )
        }
        _ => format!("{whose} again…"),
    };
    CheckedAgain {
        headline,
        aside: "Shown here only, not saved: the session keeps what was found before.",
        results: again.results.iter().map(super::origin::check_item).collect(),
    }
}

#[cfg(test)]
mod tests;
