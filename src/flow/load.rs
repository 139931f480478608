//! Reading a flow file: TOML into raw, span-carrying structs (unknown keys rejected), then
//! into the validated [`Flow`]. Every error carries the file, line and column.

use std::path::Path;

use toml::Spanned;

use super::raw::RawFlow;
use super::{Answer, AnswerOutcome, BrowserHelp, Flow, Listen, Means, Notice, Step, StepKind, Tip, validate};
use crate::text::position::line_col;

/// A flow file that cannot be used. `Display` is `FILE:LINE:COL: problem`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FlowError {
    #[error("{file}: cannot read flow file: {}", crate::text::sanitize::clean(.problem))]
    Read { file: String, problem: String },
    #[error("{file}:{line}:{column}: {}", crate::text::sanitize::clean(.problem))]
    Invalid {
        file: String,
        line: usize,
        column: usize,
        problem: String,
    },
}

/// Reads and validates a flow file.
pub fn load_file(path: &Path) -> Result<Flow, FlowError> {
    let file = crate::files::read::display_path(path);
    let text = crate::files::read::read_capped_text(path, crate::files::limits::FLOW_BYTES).map_err(|e| {
        FlowError::Read {
            file: file.clone(),
            problem: e.reason(),
        }
    })?;
    parse(&text, &file)
}

/// Parses and validates flow text; `file` names it in errors.
pub fn parse(text: &str, file: &str) -> Result<Flow, FlowError> {
    let at = |offset: usize, problem: String| {
        let (line, column) = line_col(text, offset);
        FlowError::Invalid {
            file: file.to_string(),
            line,
            column,
            problem,
        }
    };
    let raw: RawFlow = toml::from_str(text).map_err(|e| {
        at(
            e.span().map(|s| s.start).unwrap_or(0),
            e.message().trim().to_string(),
        )
    })?;
    validate::check(&raw).map_err(|(offset, problem)| at(offset, problem))?;
    Ok(build(raw))
}

/// Turns validated raw data into the flow, adding each fix step's standard answers.
fn build(raw: RawFlow) -> Flow {
    let steps = raw
        .steps
        .into_iter()
        .map(|s| {
            let kind = s.kind.into_inner();
            let mut answers: Vec<Answer> = Vec::new();
            if kind == StepKind::Fix {
                answers.push(standard(
                    "yes",
                    "Yes, it works now",
                    Some(AnswerOutcome::Resolved),
                ));
                answers.push(standard("no", "No, still failing", None));
                answers.push(standard("skip", "Skip this step", None));
            }
            answers.extend(s.answers.into_iter().map(|a| Answer {
                id: a.id.into_inner(),
                label: a.label,
                next: a.next.map(Spanned::into_inner),
                outcome: a.outcome,
            }));
            Step {
                question: s
                    .question
                    .or_else(|| (kind == StepKind::Fix).then(|| "Did this fix it?".to_string())),
                id: s.id.into_inner(),
                kind,
                title: s.title,
                safety: s.safety.map(|l| l.into_inner().trim().to_string()),
                text: s.text.trim_end().to_string(),
                say: s.say,
                ask: s.ask,
                listen: s
                    .listen
                    .into_iter()
                    .map(|l| Listen {
                        hear: l.hear,
                        answer: l.answer.into_inner(),
                    })
                    .collect(),
                checks: s.checks.into_iter().map(Spanned::into_inner).collect(),
                answers,
                next: s.next.map(Spanned::into_inner),
                notices: s
                    .notices
                    .into_iter()
                    .map(|n| {
                        let means = n.means.and_then(|m| Means::parse(m.get_ref()));
                        // Validation allows only Skip for a step better skipped.
                        let skip = means.is_some_and(Means::skips).then(|| "skip".to_string());
                        Notice {
                            verdicts: n.verdicts.into_iter().map(Spanned::into_inner).collect(),
                            text: n.text.into_inner(),
                            preselect: n.preselect.map(Spanned::into_inner).or(skip),
                            means,
                        }
                    })
                    .collect(),
                recent_restart_minutes: s.recent_restart_minutes,
                ask_bank_when: s.ask_bank_when.map(Spanned::into_inner),
                browsers: s
                    .browsers
                    .into_iter()
                    .map(|b| BrowserHelp {
                        label: b.label.into_inner(),
                        names: b.names,
                        text: b.text.trim().to_string(),
                        short: b.short.trim().to_string(),
                    })
                    .collect(),
                tips: s
                    .tips
                    .into_iter()
                    .map(|t| Tip {
                        text: t.text,
                        verdicts: t.verdicts,
                        steps: t.steps.into_iter().map(Spanned::into_inner).collect(),
                    })
                    .collect(),
            }
        })
        .collect();
    let first_step = raw
        .first_step
        .into_iter()
        .map(|(k, v)| (k.into_inner(), v.into_inner()))
        .collect();
    Flow::new(raw.id, raw.title, steps, first_step)
}

fn standard(id: &str, label: &str, outcome: Option<AnswerOutcome>) -> Answer {
    Answer {
        id: id.to_string(),
        label: label.to_string(),
        next: None,
        outcome,
    }
}
