//! Reports: one [`Document`] built from a [`Session`], rendered as Markdown (to paste into a
//! ticket), plain text (email), one self-contained HTML file, the plain-mode summary and the
//! ticket summary; plus JSON (the stable schema of DESIGN.md) and the session list.
//! Every outside string is cleaned when the Document is built and escaped by each format.

mod build;
mod document;
mod html;
mod json;
mod markdown;
pub mod next;
mod origin;
pub(crate) mod summary;
mod text;
mod words;

use jiff::tz::TimeZone;

use crate::flow::Flow;
use crate::session::Session;

pub use document::{Document, Item, Mark, Section, SectionKind, when_in};
pub use json::{ReportJson, json};
pub use markdown::escape as markdown_escape;
pub use summary::CheckedAgain;
pub use text::{WIDTH as TEXT_WIDTH, wrap as wrap_text};

/// The Document of `session` in this computer's time zone.
pub fn document(session: &Session, flow: Option<&Flow>) -> Document {
    Document::new(session, flow, &TimeZone::system())
}

impl Document {
    pub fn markdown(&self) -> String {
        markdown::render(self)
    }
    pub fn text(&self) -> String {
        text::render(self)
    }
    pub fn html(&self) -> String {
        html::render(self)
    }
    /// The ticket summary (short Markdown) that `y` copies.
    pub fn ticket(&self) -> String {
        summary::ticket(self)
    }
    /// The plain-mode summary lines.
    pub fn plain_summary(&self) -> Vec<String> {
        summary::plain(self)
    }
}

/// The Markdown report.
pub fn markdown(session: &Session, flow: Option<&Flow>) -> String {
    document(session, flow).markdown()
}

/// The plain-text report (wrapped at 72 columns).
pub fn text(session: &Session, flow: Option<&Flow>) -> String {
    document(session, flow).text()
}

/// The HTML report.
pub fn html(session: &Session, flow: Option<&Flow>) -> String {
    document(session, flow).html()
}

/// The ticket summary `y` copies (for engineer "tui": call with the wizard's session and flow).
pub fn ticket_summary(session: &Session, flow: Option<&Flow>) -> String {
    document(session, flow).ticket()
}

/// What `r` on a finished summary found, in this computer's time zone (`theirs`: the
/// session holds the customer's results, so the run was on the agent's own computer).
pub fn checked_again(again: &crate::wizard::Again, theirs: bool) -> CheckedAgain {
    summary::checked_again(again, theirs, &TimeZone::system())
}

/// A time in this computer's zone with its UTC offset.
pub fn when(t: &jiff::Timestamp) -> String {
    when_in(t, &TimeZone::system())
}

/// What to do next, in plain words, for this session as its report says it (without its
/// flow: a tried fix is not known), one line each.
pub fn next_steps(session: &Session) -> Vec<String> {
    document(session, None).next.lines()
}

/// `qbfix sessions`: id, case code, started, flow, step reached, outcome; newest first.
pub fn sessions_table(sessions: &[crate::session::Entry]) -> String {
    use std::fmt::Write;
    if sessions.is_empty() {
        return "No saved sessions yet. Run `qbfix` to start one.\n".into();
    }
    let rows: Vec<[String; 6]> = sessions
        .iter()
        .map(|s| {
            let outcome = match s.imported {
                true => format!("{} (imported)", s.outcome.as_str()),
                false => s.outcome.as_str().to_string(),
            };
            [
                crate::text::sanitize::clean(&s.id),
                crate::text::sanitize::clean(s.case_code.as_deref().unwrap_or("-")),
                s.started_at
                    .to_zoned_datetime(TimeZone::system())
                    .strftime("%Y-%m-%d %H:%M")
                    .to_string(),
                crate::text::sanitize::clean(&s.flow),
                crate::text::sanitize::clean(&s.step_title),
                outcome,
            ]
        })
        .collect();
    let head = ["ID", "CASE", "STARTED", "FLOW", "STEP REACHED", "OUTCOME"];
    let widths: Vec<usize> = (0..head.len())
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
