//! The Markdown report: what a person pastes into a ticket or email. Outside strings are
//! escaped so they cannot add markup, links or table cells.

use std::fmt::Write;

use super::{next_steps, tips, when};
use crate::checks::runner::clean_result;
use crate::flow::Flow;
use crate::sanitize::markdown as esc;
use crate::session::{Outcome, Session};

/// Renders `session`; `flow` supplies the prevention tips when it is the session's flow.
pub fn markdown(session: &Session, flow: Option<&Flow>) -> String {
    let mut out = String::new();
    let _ = write_report(&mut out, session, flow);
    out
}

fn write_report(out: &mut String, s: &Session, flow: Option<&Flow>) -> std::fmt::Result {
    writeln!(out, "# QuickBooks Online 502 troubleshooting report")?;
    writeln!(out)?;
    let fixed_by = s
        .fixed_by()
        .map(|t| format!(" (fixed by: {})", esc(t)))
        .unwrap_or_default();
    writeln!(out, "- **Outcome:** {}{fixed_by}", s.outcome.describe())?;
    if let Some(code) = &s.case_code {
        writeln!(out, "- **Case code:** {}", esc(code))?;
    }
    writeln!(out, "- **Session:** {} (flow {})", esc(&s.id), esc(&s.flow))?;
    write!(out, "- **Started:** {}", when(&s.started_at))?;
    match &s.finished_at {
        Some(t) => writeln!(out, " · **Finished:** {}", when(t))?,
        None => writeln!(out)?,
    }
    writeln!(out)?;

    writeln!(out, "## Verdict")?;
    writeln!(out)?;
    match &s.verdict {
        Some(v) => {
            writeln!(out, "**{}** (`{}`)", esc(&v.title), v.id.as_str())?;
            writeln!(out)?;
            writeln!(out, "{}", esc(&v.advice))?;
        }
        None => writeln!(out, "The automated checks did not finish.")?,
    }
    writeln!(out)?;

    writeln!(out, "## Steps")?;
    writeln!(out)?;
    for (i, step) in s.steps.iter().enumerate() {
        let answer = step.answer.as_deref().map_or("(not answered)".to_string(), esc);
        writeln!(out, "{}. **{}**: {}", i + 1, esc(&step.title), answer)?;
        if let Some(note) = &step.note {
            writeln!(out, "   - Note: {}", esc(note))?;
        }
    }
    writeln!(out)?;

    writeln!(out, "## Checks")?;
    writeln!(out)?;
    if s.checks.is_empty() {
        writeln!(out, "No check results were recorded.")?;
    } else {
        writeln!(out, "| | Check | Result | Time |")?;
        writeln!(out, "|---|---|---|---|")?;
        for r in s.checks.iter().cloned().map(clean_result) {
            writeln!(
                out,
                "| {} | {} | {} | {} ms |",
                r.status.symbol(),
                esc(&r.id),
                esc(&r.summary),
                r.duration_ms
            )?;
        }
    }
    writeln!(out)?;

    writeln!(out, "## This computer")?;
    writeln!(out)?;
    let sys = &s.system;
    writeln!(
        out,
        "- System: {} {} ({})",
        esc(&sys.os),
        esc(&sys.os_version),
        esc(&sys.arch)
    )?;
    writeln!(out, "- qbfix version: {}", esc(&sys.qbfix_version))?;
    writeln!(out)?;

    writeln!(out, "## Next steps")?;
    writeln!(out)?;
    for step in next_steps(s) {
        writeln!(out, "- {}", esc(&step))?;
    }
    let tips = tips(s, flow);
    if !tips.is_empty() && s.outcome != Outcome::InProgress {
        writeln!(out)?;
        writeln!(out, "## Preventing it next time")?;
        writeln!(out)?;
        for tip in tips {
            writeln!(out, "- {}", esc(tip))?;
        }
    }
    Ok(())
}
