//! Flow validation: ids unique, every target exists, every check id known, every step
//! reachable from the start, the summary reachable from every step. Errors point at the
//! offending text (a byte offset the loader turns into line:column).

use std::collections::{HashMap, HashSet};

use super::StepKind;
use super::load::RawFlow;
use crate::checks;

/// A problem and the byte offset it is at.
pub(super) type Problem = (usize, String);

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
            if checks::find(c.get_ref()).is_none() {
                return Err((
                    c.span().start,
                    format!("unknown check {:?} (known: {})", c.get_ref(), checks::known_ids()),
                ));
            }
        }
        if let Some(p) = &step.promote {
            target(&p.after)?;
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

    // Every step reachable from the start.
    let reachable = reach(&edges, 0);
    if let Some(i) = (0..flow.steps.len()).find(|i| !reachable.contains(i)) {
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
    // The summary reachable from every step.
    let summary = index[summary_id];
    for (i, s) in flow.steps.iter().enumerate() {
        if !reach(&edges, i).contains(&summary) {
            return Err((
                s.id.span().start,
                format!("the summary cannot be reached from step {:?}", s.id.get_ref()),
            ));
        }
    }
    Ok(())
}

fn reach(edges: &[Vec<usize>], from: usize) -> HashSet<usize> {
    let mut seen = HashSet::from([from]);
    let mut todo = vec![from];
    while let Some(i) = todo.pop() {
        for &j in &edges[i] {
            if seen.insert(j) {
                todo.push(j);
            }
        }
    }
    seen
}

#[cfg(test)]
#[path = "validate_tests.rs"]
mod tests;
