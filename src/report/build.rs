//! Building the one report model: [`Document::new`] reads a [`Session`] (and its flow, for
//! step numbers and tips) once into sections of items, every outside string cleaned; the
//! renderers only lay them out.

use jiff::tz::TimeZone;

use super::document::{Document, Item, Section, SectionKind, when_in};
use super::{origin, words};
use crate::evidence::{CheckResult, Side, VerdictId};
use crate::flow::Flow;
use crate::session::{Outcome, Session};
use crate::text::sanitize::clean;

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
        let imported = s.customer.as_ref().map(|c| c.source.describe());

        let mut overview = Vec::new();
        let outcome = match s.fixed_by() {
            Some(t) => format!("{} (fixed by: {})", s.outcome.describe(), clean(t)),
            None => s.outcome.describe_for(verdict_id),
        };
        overview.push(Item::new("Outcome", outcome));
        if let Some(code) = &s.case_code {
            overview.push(Item::new("Case code", clean(code)));
        }
        overview.push(Item::new("Result code", result_code.clone()));
        if let (Some(how), Some(i)) = (imported, &s.customer) {
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
                vec![
                    Item::new("", clean(&v.title)),
                    Item::new("What it means", clean(&v.advice)),
                    Item::new(
                        "Whose problem",
                        Side::place(Some(v.id.side()), imported.is_some()),
                    ),
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
        let numbers = words::Numbers::new(flow, s);
        let steps = origin::step_items(&s.steps, summary_id, &numbers, &when);
        let jumps = words::jump_items(s, flow, &numbers, &when);
        let closing = origin::closing_items(&s.closing_notes, &when);
        let theirs = origin::customer_answers(s, summary_id, &numbers, &when);
        let this_computer = origin::this_computer(s);

        let checks = s.checks.iter().map(origin::check_item).collect();
        let status_page = incidents(&s.checks);

        let unknown = match s.customer {
            Some(_) => "not sent by the customer",
            None => "not recorded",
        };
        let mut computer = vec![Item::new(
            "System",
            words::system_line(&s.system).unwrap_or_else(|| unknown.to_string()),
        )];
        if !s.system.qbfix_version.trim().is_empty() {
            computer.push(Item::new("qbfix version", clean(&s.system.qbfix_version)));
        }
        let any_tried = steps.iter().any(|i| i.mark == Some(super::Mark::Tried));
        let incident = status_page.first().map(|i| (i.label.as_str(), i.text.as_str()));
        let next_steps = super::next::decide(s, advice_tried.as_deref(), any_tried, incident);
        let next = next_steps.lines().into_iter().map(|t| Item::new("", t)).collect();
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
        ];
        if !jumps.is_empty() {
            sections.push(section(SectionKind::Jumps, "Jumps between steps", jumps, ""));
        }
        if !closing.is_empty() {
            sections.push(section(SectionKind::ClosingNotes, "Closing notes", closing, ""));
        }
        if !theirs.is_empty() {
            sections.push(section(
                SectionKind::CustomerAnswers,
                "The customer's answers",
                theirs,
                "",
            ));
        }
        sections.push(section(
            SectionKind::Checks,
            match s.customer.as_ref().map(|c| c.source) {
                Some(crate::session::ImportSource::ResultCode) => {
                    "Checks (reported by the customer's result code)"
                }
                Some(_) => "Checks (the customer's computer)",
                None => "Checks",
            },
            checks,
            "No check results were recorded.",
        ));
        if !this_computer.is_empty() {
            sections.push(section(
                SectionKind::ThisComputer,
                origin::THIS_COMPUTER_HEADING,
                this_computer,
                "",
            ));
        }
        if !status_page.is_empty() {
            sections.push(section(
                SectionKind::StatusPage,
                crate::evidence::catalog::label(crate::evidence::ids::STATUS_PAGE),
                status_page,
                "",
            ));
        }
        let computer_heading = if s.customer.is_some() {
            "The customer's computer"
        } else {
            "This computer"
        };
        sections.push(section(SectionKind::Computer, computer_heading, computer, ""));
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
            next: next_steps,
            sections,
        }
    }
}

/// The status page's open incidents and maintenances: name, and the latest update.
fn incidents(results: &[CheckResult]) -> Vec<Item> {
    crate::evidence::incidents::listed(results)
        .into_iter()
        .map(|i| {
            let text = match i.update {
                Some(u) => format!("latest update: {}", clean(u)),
                None => "no update posted yet".to_string(),
            };
            let mut item = Item::new(clean(i.name.unwrap_or("(no name)")), text);
            item.time = i.status.filter(|s| !s.is_empty()).map(clean);
            item
        })
        .collect()
}
