//! The one report model: a [`Document`] built once from a [`Session`] (sections of items, each
//! with an optional status mark, label, text, note and time), which every format renders —
//! Markdown, plain text, HTML, the plain-mode and TUI summaries and the ticket summary.
//! Times are local with the UTC offset; check names are the friendly ones.

use jiff::tz::TimeZone;

use crate::evidence::{CheckResult, Side, Status, VerdictId};
use crate::flow::Flow;
use crate::session::{Outcome, Session};
use crate::text::sanitize::{clean, clean_multiline};

/// What a section holds; renderers give some of them their own look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionKind {
    Overview,
    Verdict,
    Steps,
    Checks,
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
    /// A short bold lead ("Outcome", a step title, a check name); may be empty.
    pub label: String,
    pub text: String,
    pub note: Option<String>,
    /// When it happened, or how long it took ("41 ms").
    pub time: Option<String>,
}

impl Item {
    pub fn new(label: impl Into<String>, text: impl Into<String>) -> Item {
        Item {
            mark: None,
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
    /// "reported by the customer's result code" for imported sessions.
    pub imported: Option<&'static str>,
    /// The fix step the verdict's advice is about (the flow's `[first_step]` for the
    /// verdict), "step title: answer", when the person answered it "No, still failing": the
    /// summaries then say so rather than repeat that advice.
    pub advice_tried: Option<String>,
    pub sections: Vec<Section>,
}

/// A time in `tz`, with its UTC offset: "2026-11-25 20:40 +01:00".
pub fn when_in(t: &jiff::Timestamp, tz: &TimeZone) -> String {
    t.to_zoned_datetime(tz.clone())
        .strftime("%Y-%m-%d %H:%M %:z")
        .to_string()
}

impl Document {
    /// Builds the report of `session`; `flow` (when it is the session's) supplies tips and
    /// step kinds; times are shown in `tz`.
    pub fn new(session: &Session, flow: Option<&Flow>, tz: &TimeZone) -> Document {
        // Written reports get a session already through `crate::session::redacted` (main).
        let s = session;
        let flow = flow.filter(|f| f.id == s.flow);
        let when = |t: &jiff::Timestamp| when_in(t, tz);
        let verdict_id = s.verdict.as_ref().map(|v| v.id);
        let result_code = crate::evidence::result_code::encode(verdict_id, &s.checks);
        let imported = s.imported.as_ref().map(|i| i.source.describe());

        let mut overview = Vec::new();
        let outcome = match s.fixed_by() {
            Some(t) => format!("{} (fixed by: {})", s.outcome.describe(), clean(t)),
            None => s.outcome.describe().to_string(),
        };
        overview.push(Item::new("Outcome", outcome));
        if let Some(code) = &s.case_code {
            overview.push(Item::new("Case code", clean(code)));
        }
        overview.push(Item::new("Result code", result_code.clone()));
        if let (Some(how), Some(i)) = (imported, &s.imported) {
            overview.push(Item::new(
                "Imported",
                format!("{how}, on {}", when(&i.imported_at)),
            ));
        }
        overview.push(Item::new(
            "Session",
            format!("{} (flow {})", clean(&s.id), clean(&s.flow)),
        ));
        overview.push(Item::new("Started", when(&s.started_at)));
        if let Some(t) = &s.finished_at {
            overview.push(Item::new("Finished", when(t)));
        }

        let verdict = match &s.verdict {
            Some(v) => {
                let mut title = clean(&v.title);
                if let Some(how) = imported {
                    title = format!("{title} ({how})");
                }
                vec![
                    Item::new("", title),
                    Item::new("What to do", clean(&v.advice)),
                    Item::new("Whose problem", Side::place(Some(v.id.side()))),
                ]
            }
            None => Vec::new(),
        };

        let advice_tried = flow
            .zip(verdict_id)
            .and_then(|(f, v)| f.first_for(v.as_str()))
            .and_then(|step| {
                s.steps
                    .iter()
                    .find(|r| r.id == step.id && r.answer_id.as_deref() == Some("no"))
            })
            .map(|r| clean(&r.title));

        let summary_id = flow.map(|f| f.summary().id.as_str());
        let steps = s
            .steps
            .iter()
            .filter(|r| Some(r.id.as_str()) != summary_id)
            .map(|r| {
                let mark = match (r.answer.as_deref(), r.answer_id.as_deref()) {
                    (None, _) => Mark::Unanswered,
                    (Some(_), Some("skip")) => Mark::Skipped,
                    (Some(_), Some("yes" | "no")) => Mark::Tried,
                    (Some(_), _) => Mark::Answered,
                };
                Item {
                    mark: Some(mark),
                    label: clean(&r.title),
                    text: r.answer.as_deref().map_or("(not answered)".to_string(), clean),
                    note: r.note.as_deref().map(|n| clean_multiline(n).replace('\n', " / ")),
                    time: r.answered_at.as_ref().map(when),
                }
            })
            .collect();

        let checks = s.checks.iter().map(check_item).collect();
        let status_page = incidents(&s.checks);

        let sys = &s.system;
        let computer = vec![
            Item::new(
                "System",
                clean(&format!("{} {} ({})", sys.os, sys.os_version, sys.arch)),
            ),
            Item::new("qbfix version", clean(&sys.qbfix_version)),
        ];
        let next = super::next_steps(s)
            .into_iter()
            .map(|t| Item::new("", t))
            .collect();
        let tips = match flow {
            Some(f) if s.outcome != Outcome::InProgress => crate::wizard::tips_for(f.summary(), s)
                .into_iter()
                .map(|t| Item::new("", clean(t)))
                .collect(),
            _ => Vec::new(),
        };

        let section = |kind, heading, items, empty| Section {
            kind,
            heading,
            items,
            empty,
        };
        let mut sections = vec![
            section(SectionKind::Overview, "Overview", overview, ""),
            section(
                SectionKind::Verdict,
                "Verdict",
                verdict,
                "The automated checks did not finish.",
            ),
            section(SectionKind::Steps, "Steps", steps, "No step was answered."),
            section(
                SectionKind::Checks,
                "Checks",
                checks,
                "No check results were recorded.",
            ),
        ];
        if !status_page.is_empty() {
            sections.push(section(
                SectionKind::StatusPage,
                crate::evidence::catalog::label(crate::evidence::ids::STATUS_PAGE),
                status_page,
                "",
            ));
        }
        sections.push(section(SectionKind::Computer, "This computer", computer, ""));
        sections.push(section(SectionKind::NextSteps, "Next steps", next, ""));
        if !tips.is_empty() {
            sections.push(section(SectionKind::Tips, "Preventing it next time", tips, ""));
        }
        Document {
            title: "QuickBooks Online 502 troubleshooting report".into(),
            session_id: clean(&s.id),
            case_code: s.case_code.as_deref().map(clean),
            result_code,
            outcome: s.outcome,
            verdict_id,
            side: verdict_id.map(VerdictId::side),
            imported,
            advice_tried,
            sections,
        }
    }

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

fn check_item(r: &CheckResult) -> Item {
    Item {
        mark: Some(Mark::Check(r.status)),
        label: crate::evidence::catalog::label(&r.id).to_string(),
        text: clean(&r.summary),
        note: None,
        time: r.timed_ms().map(|ms| format!("{ms} ms")),
    }
}

/// The status page's open incidents and maintenances: name, and the latest update.
fn incidents(results: &[CheckResult]) -> Vec<Item> {
    let mut items = Vec::new();
    for r in results.iter().filter(|r| r.id == "status_page") {
        for key in ["incidents", "maintenances"] {
            for i in r
                .details
                .get(key)
                .and_then(|v| v.as_array())
                .into_iter()
                .flatten()
            {
                let name = i.get("name").and_then(|v| v.as_str()).unwrap_or("(no name)");
                let update = i.get("update").and_then(|v| v.as_str());
                let status = i.get("status").and_then(|v| v.as_str()).unwrap_or("");
                let text = match update {
                    Some(u) => format!("latest update: {}", clean(u)),
                    None => "no update posted yet".to_string(),
                };
                let mut item = Item::new(clean(name), text);
                if !status.is_empty() {
                    item.time = Some(clean(status));
                }
                items.push(item);
            }
        }
    }
    items
}
