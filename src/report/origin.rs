//! Whose results a report shows. In a call on the customer's results (see
//! [`crate::session::customer`]) the session's checks and verdict are the customer's; what the
//! customer's own session recorded (answers, notes, how it ended) gets a section of its own,
//! and so does what `r` found on the agent's computer, "This computer (yours)" — never mixed
//! into the customer's. Also the items every session's steps, closing notes and check results
//! become.

use super::document::{Item, Mark};
use super::words::Numbers;
use crate::evidence::CheckResult;
use crate::session::customer::THIS_COMPUTER;
use crate::session::{ClosingNote, ImportSource, Origin, Session, StepRecord};
use crate::text::sanitize::{clean, clean_multiline};

/// A step and its answer as a report item, numbered by its place in the flow (`summary`: the
/// flow's summary step, left out).
pub(super) fn step_items(
    steps: &[StepRecord],
    summary: Option<&str>,
    numbers: &Numbers,
    when: &dyn Fn(&jiff::Timestamp) -> String,
) -> Vec<Item> {
    steps
        .iter()
        .filter(|r| Some(r.id.as_str()) != summary)
        .map(|r| {
            let mark = match (r.answer.as_deref(), r.answer_id.as_deref()) {
                (None, _) => Mark::Unanswered,
                (Some(_), Some("skip")) => Mark::Skipped,
                (Some(_), Some("yes" | "no")) => Mark::Tried,
                (Some(_), _) => Mark::Answered,
            };
            Item {
                mark: Some(mark),
                number: numbers.of(&r.id),
                label: clean(&r.title),
                // Unanswered: the mark says so ("? not answered").
                text: r.answer.as_deref().map_or_else(String::new, clean),
                note: r.note.as_deref().map(|n| clean_multiline(n).replace('\n', " / ")),
                time: r.answered_at.as_ref().map(when),
            }
        })
        .collect()
}

/// A check result as a report item: its status, friendly name, summary and time — the time
/// only when the summary does not already say one ("answered in 3 ms", never "(4 ms)" too).
/// Where the results came from is said once, by the section's heading: sessions imported from
/// a result code before that carried it on every summary, and lose it here.
pub(super) fn check_item(r: &CheckResult) -> Item {
    let summary = clean(&r.summary);
    let legacy = format!(" ({})", ImportSource::ResultCode.describe());
    let summary = summary
        .strip_suffix(&legacy)
        .map_or(summary.clone(), str::to_string);
    let time = match super::words::names_a_time(&summary) {
        true => None,
        false => r.timed_ms().map(|ms| format!("{ms} ms")),
    };
    Item {
        mark: Some(Mark::Check(r.status)),
        number: None,
        label: crate::evidence::catalog::label(&r.id).to_string(),
        text: summary,
        note: None,
        time,
    }
}

/// Closing notes as report items, each with its time.
pub(super) fn closing_items(notes: &[ClosingNote], when: &dyn Fn(&jiff::Timestamp) -> String) -> Vec<Item> {
    notes
        .iter()
        .map(|n| Item {
            time: Some(if n.draft {
                format!("{}, a draft", when(&n.at))
            } else {
                when(&n.at)
            }),
            ..Item::new("Closing note", clean_multiline(&n.text).replace('\n', " / "))
        })
        .collect()
}

/// What the customer's own session recorded, when they sent it: how it went, then their
/// answers with their notes, then their closing notes. Empty otherwise.
pub(super) fn customer_answers(
    s: &Session,
    summary: Option<&str>,
    numbers: &Numbers,
    when: &dyn Fn(&jiff::Timestamp) -> String,
) -> Vec<Item> {
    let Some(c) = &s.customer else {
        return Vec::new();
    };
    let mut items = Vec::new();
    if let (Some(started), Some(outcome)) = (&c.started_at, c.outcome) {
        let ended = match &c.finished_at {
            Some(t) => format!(", finished {}", when(t)),
            None => String::new(),
        };
        items.push(Item::new(
            "Their session",
            format!("started {}{ended}: {}", when(started), outcome.describe()),
        ));
    }
    items.extend(step_items(&c.steps, summary, numbers, when));
    items.extend(closing_items(&c.closing_notes, when));
    items
}

/// What `r` found on the agent's own computer in a call: that run's verdict, then its results.
pub(super) fn this_computer(s: &Session) -> Vec<Item> {
    if s.customer.is_none() || s.this_computer_checks.is_empty() {
        return Vec::new();
    }
    let run = s
        .check_runs
        .iter()
        .rev()
        .find(|r| r.from == Some(Origin::ThisComputer));
    let mut items = Vec::new();
    if let Some(v) = run.and_then(|r| r.verdict.as_ref()) {
        items.push(Item::new("Here the checks say", clean(&v.title)));
    }
    items.extend(s.this_computer_checks.iter().map(check_item));
    items
}

/// The heading of the agent's own results.
pub(super) const THIS_COMPUTER_HEADING: &str = THIS_COMPUTER;
