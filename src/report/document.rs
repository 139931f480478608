//! The one report model: a [`Document`] built once from a [`Session`] (sections of items, each
//! with an optional status mark, label, text, note and time), which every format renders —
//! Markdown, plain text, HTML, the plain-mode and TUI summaries and the ticket summary.
//! Times are local with the UTC offset; check names are the friendly ones.

use jiff::tz::TimeZone;

use crate::evidence::{Side, Status, VerdictId};
use crate::session::Outcome;

/// What a section holds; renderers give some of them their own look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionKind {
    Overview,
    Verdict,
    Steps,
    /// In helpdesk mode: each `g` from one step straight to another, in plain words.
    Jumps,
    /// Notes added on the summary after the session was finished.
    ClosingNotes,
    /// In a call: what the customer's own session recorded (answers, notes, outcome).
    CustomerAnswers,
    Checks,
    /// In a call: what `r` found on the agent's own computer, apart from the customer's.
    ThisComputer,
    StatusPage,
    Computer,
    NextSteps,
    Tips,
}

/// An item's mark: a check status, or what happened to a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Check(Status),
    /// A fix step the person tried (answered yes or no).
    Tried,
    /// Any other answer (a question such as "What do you see?").
    Answered,
    Skipped,
    Unanswered,
}

impl Mark {
    pub fn symbol(self) -> &'static str {
        match self {
            Mark::Check(s) => s.symbol(),
            Mark::Tried | Mark::Answered => "•",
            Mark::Skipped => "-",
            Mark::Unanswered => "?",
        }
    }

    /// The mark in words, so it never relies on colour or a symbol alone.
    pub fn word(self) -> &'static str {
        match self {
            Mark::Check(Status::Pass) => "pass",
            Mark::Check(Status::Warn) => "warning",
            Mark::Check(Status::Fail) => "fail",
            Mark::Check(Status::Skip) => "skipped",
            Mark::Check(Status::Error) => "error",
            Mark::Tried => "tried",
            Mark::Answered => "answered",
            Mark::Skipped => "skipped",
            Mark::Unanswered => "not answered",
        }
    }

    /// A CSS class / style key.
    pub fn class(self) -> &'static str {
        match self {
            Mark::Check(Status::Pass) => "pass",
            Mark::Check(Status::Warn) => "warn",
            Mark::Check(Status::Fail) => "fail",
            Mark::Check(Status::Error) => "error",
            Mark::Check(Status::Skip) | Mark::Skipped | Mark::Unanswered => "skip",
            Mark::Tried | Mark::Answered => "done",
        }
    }
}

/// One line of a section. Every string is already cleaned of control and bidi characters;
/// renderers escape them for their format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub mark: Option<Mark>,
    /// A step's place in the flow, as the screen numbered it ("Step 6"), whatever the order
    /// it was visited in; `None` for everything else.
    pub number: Option<usize>,
    /// A short bold lead ("Outcome", a step title, a check name); may be empty.
    pub label: String,
    pub text: String,
    pub note: Option<String>,
    /// When it happened, or how long it took ("41 ms").
    pub time: Option<String>,
}

impl Item {
    /// The label as it leads the text: "Outcome:", but a question as it is ("What do you
    /// see?") and a label with no text after it without a colon; `None` without a label.
    pub fn lead(&self) -> Option<String> {
        match self.label.as_str() {
            "" => None,
            l if self.text.is_empty() || l.ends_with(['?', '!', ':', '.']) => Some(l.to_string()),
            l => Some(format!("{l}:")),
        }
    }

    pub fn new(label: impl Into<String>, text: impl Into<String>) -> Item {
        Item {
            mark: None,
            number: None,
            label: label.into(),
            text: text.into(),
            note: None,
            time: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub kind: SectionKind,
    pub heading: &'static str,
    pub items: Vec<Item>,
    /// Said when there are no items.
    pub empty: &'static str,
}

/// A whole report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub title: String,
    pub session_id: String,
    pub case_code: Option<String>,
    pub result_code: String,
    pub outcome: Outcome,
    pub verdict_id: Option<VerdictId>,
    /// Whose side the verdict puts the problem on (`None`: no verdict yet); the HTML verdict
    /// box is coloured by it.
    pub side: Option<Side>,
    /// "reported by the customer's result code" for imported sessions: said once, in the
    /// overview and the heading of their checks, never on each result.
    pub imported: Option<&'static str>,
    /// The fix step the verdict's advice is about (the flow's `[first_step]` for the
    /// verdict), "step title: answer", when the person answered it "No, still failing": the
    /// summaries then say so rather than repeat that advice.
    pub advice_tried: Option<String>,
    /// What to do now: the "Next steps" section says its lines; the TUI's summary lays it out.
    pub next: super::next::NextSteps,
    pub sections: Vec<Section>,
}

/// A time in `tz`, with its UTC offset: "2026-11-25 20:40 +01:00".
pub fn when_in(t: &jiff::Timestamp, tz: &TimeZone) -> String {
    t.to_zoned_datetime(tz.clone())
        .strftime("%Y-%m-%d %H:%M %:z")
        .to_string()
}

impl Document {
    pub fn section(&self, kind: SectionKind) -> Option<&Section> {
        self.sections.iter().find(|s| s.kind == kind)
    }

    /// Items of a section, or none.
    pub fn items(&self, kind: SectionKind) -> &[Item] {
        self.section(kind).map_or(&[], |s| s.items.as_slice())
    }

    /// The fix steps actually tried (not skipped, not mere questions).
    pub fn tried(&self) -> impl Iterator<Item = &Item> {
        self.items(SectionKind::Steps)
            .iter()
            .filter(|i| i.mark == Some(Mark::Tried))
    }

    /// The checks that warned or failed.
    pub fn failing(&self) -> impl Iterator<Item = &Item> {
        self.items(SectionKind::Checks)
            .iter()
            .filter(|i| matches!(i.mark, Some(Mark::Check(s)) if s.is_problem()))
    }

    /// The verdict's title and advice, when there is a verdict.
    pub fn verdict(&self) -> Option<(&str, &str)> {
        match self.items(SectionKind::Verdict) {
            [title, advice, ..] => Some((title.text.as_str(), advice.text.as_str())),
            _ => None,
        }
    }
}
