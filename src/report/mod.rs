//! Reports: functions of a [`Session`] rendering it as JSON (the stable schema of DESIGN.md),
//! Markdown (to paste into a ticket) and one self-contained HTML file, plus the session list.
//! Every outside string goes through [`crate::sanitize`] for its format.

mod html;
mod json;
mod markdown;

use crate::flow::Flow;
use crate::session::{Outcome, Session};

pub use html::html;
pub use json::{ReportJson, json};
pub use markdown::markdown;

/// "2026-11-25 19:40 UTC".
pub fn when(t: &jiff::Timestamp) -> String {
    t.strftime("%Y-%m-%d %H:%M UTC").to_string()
}

/// What to do next, in plain words, for this session.
pub fn next_steps(session: &Session) -> Vec<String> {
    let outage = session.verdict.as_ref().is_some_and(|v| v.id.is_outage());
    let support = "Contact QuickBooks support only through Help > Contact Us inside QuickBooks Online \
                   (or quickbooks.intuit.com/learn-support), and attach this report. Never call a \
                   'support' number found through a web search: they are a common scam.";
    match session.outcome {
        Outcome::Resolved => vec![
            "Nothing more to do. If the error comes back, run qbfix again: the checks show at once whether \
             it is your side or Intuit's."
                .into(),
        ],
        Outcome::Escalated => vec![support.into()],
        Outcome::Unresolved if outage => vec![
            "Wait and try again later: the problem is on Intuit's or your bank's side. The status page \
             status.quickbooks.intuit.com shows when it is fixed."
                .into(),
            support.into(),
        ],
        Outcome::Unresolved => vec![support.into()],
        Outcome::InProgress => vec![format!(
            "Continue the troubleshooting with: qbfix --resume {}",
            crate::sanitize::clean(&session.id)
        )],
    }
}

/// The summary's prevention tips for this session, when its flow is known.
pub fn tips<'a>(session: &Session, flow: Option<&'a Flow>) -> Vec<&'a str> {
    match flow {
        Some(flow) if flow.id == session.flow => crate::wizard::tips_for(flow.summary(), session),
        _ => Vec::new(),
    }
}

/// `qbfix sessions`: id, started, flow, step reached, outcome; newest first.
pub fn sessions_table(sessions: &[Session]) -> String {
    use std::fmt::Write;
    if sessions.is_empty() {
        return "No saved sessions yet. Run `qbfix` to start one.\n".into();
    }
    let rows: Vec<[String; 5]> = sessions
        .iter()
        .map(|s| {
            let step = match s.current_step().and_then(|id| s.step(id)) {
                Some(r) => r.title.clone(),
                None if s.is_finished() => "Summary".to_string(),
                None => String::new(),
            };
            [
                crate::sanitize::clean(&s.id),
                when(&s.started_at),
                crate::sanitize::clean(&s.flow),
                crate::sanitize::clean(&step),
                s.outcome.as_str().to_string(),
            ]
        })
        .collect();
    let head = ["ID", "STARTED", "FLOW", "STEP REACHED", "OUTCOME"];
    let widths: Vec<usize> = (0..5)
        .map(|i| {
            rows.iter()
                .map(|r| r[i].chars().count())
                .chain([head[i].len()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in std::iter::once(head.map(str::to_string)).chain(rows) {
        let cells: Vec<String> = row.iter().zip(&widths).map(|(c, w)| format!("{c:<w$}")).collect();
        let _ = writeln!(out, "{}", cells.join("  ").trim_end());
    }
    out
}
