//! Flow validation: ids unique, every target exists, every check, verdict and answer id named
//! is known, every verdict has its first step, every step reachable from the start, the
//! summary reachable from every step, and what a session records of a step (id, title,
//! answers) within the one limit of a session's text. Linear in steps and answers (two graph
//! walks). Errors point at the offending text (a byte offset the loader turns into
//! line:column).

use std::collections::{HashMap, HashSet};

use super::raw::{RawFlow, RawNotice, RawStep};
use super::{Means, StepKind, verdict_ids};
use crate::files::limits::SESSION_TEXT_BYTES;

/// A problem and the byte offset it is at.
pub(super) type Problem = (usize, String);

/// What of `step` a session would record (its id, title and answers) and could not keep.
fn too_long_for_a_session(step: &RawStep) -> Option<String> {
    let long = |text: &str| text.len() > SESSION_TEXT_BYTES;
    if long(step.id.get_ref()) {
        return Some("its id".into());
    }
    if long(&step.title) {
        return Some("its title".into());
    }
    step.answers.iter().find_map(|a| {
        let id = crate::files::limits::cut_str(a.id.get_ref(), 40);
        if long(a.id.get_ref()) {
            Some(format!("the id of answer {id:?}…"))
        } else {
            long(&a.label).then(|| format!("the label of answer {id:?}"))
        }
    })
}

pub(super) fn check(flow: &RawFlow) -> Result<(), Problem> {
    let Some(first) = flow.steps.first() else {
        return Err((0, "a flow needs at least one [[step]]".into()));
    };
    let mut index: HashMap<&str, usize> = HashMap::new();
    for (i, step) in flow.steps.iter().enumerate() {
        let id = step.id.get_ref();
        if id.is_empty()
            || !id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        {
            return Err((
                step.id.span().start,
                format!("step id {id:?} must be lowercase letters, digits and _"),
            ));
        }
        if index.insert(id, i).is_some() {
            return Err((step.id.span().start, format!("duplicate step id {id:?}")));
        }
        if let Some(what) = too_long_for_a_session(step) {
            return Err((
                step.id.span().start,
                format!(
                    "step {id:?}: {what} is longer than {}, the longest text a session keeps",
                    crate::files::limits::human_size(SESSION_TEXT_BYTES as u64)
                ),
            ));
        }
    }
    let summaries: Vec<_> = flow
        .steps
        .iter()
        .filter(|s| *s.kind.get_ref() == StepKind::Summary)
        .collect();
    match summaries.as_slice() {
        [] => {
            return Err((
                first.id.span().start,
                "the flow has no step with kind = \"summary\"".into(),
            ));
        }
        [_] => {}
        [_, second, ..] => {
            return Err((
                second.kind.span().start,
                "only one step may be the summary".into(),
            ));
        }
    }
    let summary_id = summaries[0].id.get_ref().as_str();

    // Edges, checking every target and check id on the way.
    let mut edges: Vec<Vec<usize>> = vec![Vec::new(); flow.steps.len()];
    for (i, step) in flow.steps.iter().enumerate() {
        let kind = *step.kind.get_ref();
        let target = |t: &toml::Spanned<String>| {
            index
                .get(t.get_ref().as_str())
                .copied()
                .ok_or_else(|| (t.span().start, format!("unknown step {:?}", t.get_ref())))
        };
        for c in &step.checks {
            if crate::evidence::CheckId::parse(c.get_ref()).is_none() {
                return Err((
                    c.span().start,
                    format!(
                        "unknown check {:?} (known: {})",
                        c.get_ref(),
                        crate::evidence::catalog::known_ids()
                    ),
                ));
            }
        }
        for t in &step.tips {
            for s in &t.steps {
                target(s)?;
            }
        }
        if kind == StepKind::Summary {
            if let Some(next) = &step.next {
                return Err((
                    next.span().start,
                    "the summary step cannot have a next step".into(),
                ));
            }
            if let Some(a) = step.answers.first() {
                return Err((a.id.span().start, "the summary step takes no answers".into()));
            }
            continue;
        }
        let next = match &step.next {
            Some(n) => Some(target(n)?),
            None => None,
        };
        if kind == StepKind::Question && step.answers.is_empty() {
            return Err((
                step.id.span().start,
                format!("question step {:?} has no [[step.answer]]", step.id.get_ref()),
            ));
        }
        let mut answer_ids = HashSet::new();
        if kind == StepKind::Fix {
            answer_ids.extend(["yes", "no", "skip"]);
        }
        for a in &step.answers {
            if !answer_ids.insert(a.id.get_ref().as_str()) {
                return Err((
                    a.id.span().start,
                    format!("duplicate answer id {:?}", a.id.get_ref()),
                ));
            }
            match &a.next {
                Some(t) => edges[i].push(target(t)?),
                None if a.outcome.is_some() => edges[i].push(index[summary_id]),
                None => match next {
                    Some(n) => edges[i].push(n),
                    None => {
                        return Err((
                            a.id.span().start,
                            format!(
                                "answer {:?} leads nowhere: give it `next` or give the step `next`",
                                a.id.get_ref()
                            ),
                        ));
                    }
                },
            }
        }
        for n in &step.notices {
            for v in &n.verdicts {
                known_verdict(v)?;
            }
            if let Some(p) = &n.preselect {
                known_answer(&answer_ids, p)?;
            }
            notice_means(n, &answer_ids)?;
            if n.text.get_ref().replace(VERDICT, "").contains(['{', '}']) {
                return Err((
                    n.text.span().start,
                    format!("a notice may name only {VERDICT} (the checks' finding, in words) in braces"),
                ));
            }
        }
        if let Some(line) = &step.safety {
            safety_line(line, step)?;
        }
        if step.text.replace(REPORT, "").contains(['{', '}']) {
            return Err((
                step.id.span().start,
                format!(
                    "step {:?}: its text may name only {REPORT} (where the report is saved) in braces",
                    step.id.get_ref()
                ),
            ));
        }
        for b in &step.browsers {
            if b.names.is_empty() || b.label.get_ref().trim().is_empty() {
                return Err((
                    b.label.span().start,
                    "a [[step.browser]] needs a label and the browser names it is for".into(),
                ));
            }
        }
        for l in &step.listen {
            known_answer(&answer_ids, &l.answer)?;
        }
        if kind == StepKind::Fix {
            let Some(n) = next else {
                return Err((
                    step.id.span().start,
                    format!("fix step {:?} needs `next`", step.id.get_ref()),
                ));
            };
            edges[i].push(n);
            edges[i].push(index[summary_id]);
        }
    }

    first_steps(flow, &index, summary_id)?;
    // `ask_bank_when` names an answer of the first step (the symptom).
    let first_answers: HashSet<&str> = first.answers.iter().map(|a| a.id.get_ref().as_str()).collect();
    for step in &flow.steps {
        if let Some(when) = &step.ask_bank_when {
            known_answer(&first_answers, when)?;
        }
    }

    // Every step reachable from the start.
    let reachable = reach(&edges, 0);
    if let Some(i) = (0..flow.steps.len()).find(|i| !reachable[*i]) {
        let s = &flow.steps[i];
        return Err((
            s.id.span().start,
            format!(
                "step {:?} cannot be reached from {:?}",
                s.id.get_ref(),
                first.id.get_ref()
            ),
        ));
    }
    // The summary reachable from every step: walk the edges backwards from it once.
    let mut reverse: Vec<Vec<usize>> = vec![Vec::new(); flow.steps.len()];
    for (i, out) in edges.iter().enumerate() {
        for &j in out {
            reverse[j].push(i);
        }
    }
    let leads_to_summary = reach(&reverse, index[summary_id]);
    if let Some(i) = (0..flow.steps.len()).find(|i| !leads_to_summary[*i]) {
        let s = &flow.steps[i];
        return Err((
            s.id.span().start,
            format!("the summary cannot be reached from step {:?}", s.id.get_ref()),
        ));
    }
    Ok(())
}

/// `[first_step]`: verdict ids known, targets real steps other than the start and summary,
/// and, once the table is there, an entry for every verdict.
fn first_steps(flow: &RawFlow, index: &HashMap<&str, usize>, summary_id: &str) -> Result<(), Problem> {
    let start = flow.steps.first().map(|s| s.id.get_ref().as_str());
    for (verdict, step) in &flow.first_step {
        known_verdict(verdict)?;
        let id = step.get_ref().as_str();
        if !index.contains_key(id) {
            return Err((step.span().start, format!("unknown step {id:?}")));
        }
        if Some(id) == start || id == summary_id {
            return Err((
                step.span().start,
                format!("the first step for a verdict cannot be the start or the summary ({id:?})"),
            ));
        }
    }
    if let Some((first, _)) = flow.first_step.iter().next() {
        for v in verdict_ids() {
            if !flow.first_step.keys().any(|k| k.get_ref() == v) {
                return Err((
                    first.span().start,
                    format!("[first_step] has no step for the verdict {v:?}"),
                ));
            }
        }
    }
    Ok(())
}

/// `means` is one of the known values; a step better skipped has Skip to preselect, and
/// preselects nothing else.
fn notice_means(n: &RawNotice, answers: &HashSet<&str>) -> Result<(), Problem> {
    let Some(means) = &n.means else {
        return Ok(());
    };
    let Some(m) = Means::parse(means.get_ref()) else {
        return Err((
            means.span().start,
            format!(
                "unknown meaning {:?} (expected fixes, cannot_help or passed)",
                means.get_ref()
            ),
        ));
    };
    if !m.skips() {
        return Ok(());
    }
    if !answers.contains("skip") {
        return Err((
            means.span().start,
            format!(
                "{:?} preselects Skip, and this step has no answer \"skip\"",
                means.get_ref()
            ),
        ));
    }
    match &n.preselect {
        Some(p) if p.get_ref() != "skip" => Err((
            p.span().start,
            format!(
                "a notice that means {:?} preselects \"skip\", not {:?}",
                means.get_ref(),
                p.get_ref()
            ),
        )),
        _ => Ok(()),
    }
}

/// A safety line is one short line, read before the instructions it guards.
fn safety_line(line: &toml::Spanned<String>, step: &RawStep) -> Result<(), Problem> {
    let text = line.get_ref().trim();
    let problem = if text.is_empty() {
        "the safety line is empty"
    } else if text.contains('\n') {
        "the safety line must be one line"
    } else if text.chars().count() > SAFETY_CHARS {
        "the safety line is longer than 70 characters: it must fit on the first screen"
    } else {
        return Ok(());
    };
    Err((
        line.span().start,
        format!("step {:?}: {problem}", step.id.get_ref()),
    ))
}

/// What a step's text may hold in braces: where the summary saves the report.
const REPORT: &str = "{report}";

/// What a notice may hold in braces: the verdict's title, which names the product or proxy the
/// checks found.
pub const VERDICT: &str = "{verdict}";

/// The longest safety line: one row of an 80-column step, after its mark.
const SAFETY_CHARS: usize = 70;

fn known_verdict(v: &toml::Spanned<String>) -> Result<(), Problem> {
    if verdict_ids().any(|id| id == v.get_ref()) {
        Ok(())
    } else {
        Err((
            v.span().start,
            format!(
                "unknown verdict {:?} (known: {})",
                v.get_ref(),
                verdict_ids().collect::<Vec<_>>().join(", ")
            ),
        ))
    }
}

fn known_answer(ids: &HashSet<&str>, a: &toml::Spanned<String>) -> Result<(), Problem> {
    if ids.contains(a.get_ref().as_str()) {
        Ok(())
    } else {
        Err((
            a.span().start,
            format!("this step has no answer {:?}", a.get_ref()),
        ))
    }
}

/// Which steps can be reached from `from` (one walk, each edge once).
fn reach(edges: &[Vec<usize>], from: usize) -> Vec<bool> {
    let mut seen = vec![false; edges.len()];
    seen[from] = true;
    let mut todo = vec![from];
    while let Some(i) = todo.pop() {
        for &j in &edges[i] {
            if !seen[j] {
                seen[j] = true;
                todo.push(j);
            }
        }
    }
    seen
}

#[cfg(test)]
mod tests;
