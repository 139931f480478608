//! The HTML report: one self-contained file (inline style, no scripts, no outside resources),
//! every outside string escaped.

use std::fmt::Write;

use super::{next_steps, tips, when};
use crate::checks::Status;
use crate::checks::runner::clean_result;
use crate::flow::Flow;
use crate::sanitize::html as esc;
use crate::session::{Outcome, Session};

const STYLE: &str = "body{font:16px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}\
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ddd}\
table{border-collapse:collapse;width:100%}td,th{border:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}\
.pass{color:#1a7f37}.warn{color:#9a6700}.fail,.error{color:#cf222e}.skip{color:#666}.verdict{background:#f6f8fa;padding:.75rem 1rem;border-left:4px solid #0969da}";

/// Renders `session` as a complete HTML document.
pub fn html(session: &Session, flow: Option<&Flow>) -> String {
    let mut out = String::new();
    let _ = write_report(&mut out, session, flow);
    out
}

fn write_report(out: &mut String, s: &Session, flow: Option<&Flow>) -> std::fmt::Result {
    writeln!(out, "<!DOCTYPE html>")?;
    writeln!(out, "<html lang=\"en\"><head><meta charset=\"utf-8\">")?;
    writeln!(
        out,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    )?;
    writeln!(out, "<title>QuickBooks Online 502 report {}</title>", esc(&s.id))?;
    writeln!(out, "<style>{STYLE}</style></head><body>")?;
    writeln!(out, "<h1>QuickBooks Online 502 troubleshooting report</h1>")?;
    writeln!(out, "<ul>")?;
    writeln!(
        out,
        "<li><strong>Outcome:</strong> {}</li>",
        esc(s.outcome.describe())
    )?;
    if let Some(title) = s.fixed_by() {
        writeln!(out, "<li><strong>Fixed by:</strong> {}</li>", esc(title))?;
    }
    if let Some(code) = &s.case_code {
        writeln!(out, "<li><strong>Case code:</strong> {}</li>", esc(code))?;
    }
    writeln!(
        out,
        "<li><strong>Session:</strong> {} (flow {})</li>",
        esc(&s.id),
        esc(&s.flow)
    )?;
    writeln!(out, "<li><strong>Started:</strong> {}</li>", when(&s.started_at))?;
    if let Some(t) = &s.finished_at {
        writeln!(out, "<li><strong>Finished:</strong> {}</li>", when(t))?;
    }
    writeln!(out, "</ul>")?;

    writeln!(out, "<h2>Verdict</h2>")?;
    match &s.verdict {
        Some(v) => writeln!(
            out,
            "<div class=\"verdict\"><p><strong>{}</strong> <code>{}</code></p><p>{}</p></div>",
            esc(&v.title),
            v.id.as_str(),
            esc(&v.advice)
        )?,
        None => writeln!(out, "<p>The automated checks did not finish.</p>")?,
    }

    writeln!(out, "<h2>Steps</h2><ol>")?;
    for step in &s.steps {
        let answer = step.answer.as_deref().map_or("(not answered)".to_string(), esc);
        write!(out, "<li><strong>{}</strong>: {}", esc(&step.title), answer)?;
        if let Some(note) = &step.note {
            write!(out, "<br><em>Note:</em> {}", esc(note).replace('\n', "<br>"))?;
        }
        writeln!(out, "</li>")?;
    }
    writeln!(out, "</ol>")?;

    writeln!(out, "<h2>Checks</h2>")?;
    if s.checks.is_empty() {
        writeln!(out, "<p>No check results were recorded.</p>")?;
    } else {
        writeln!(
            out,
            "<table><tr><th></th><th>Check</th><th>Result</th><th>Time</th></tr>"
        )?;
        for r in s.checks.iter().cloned().map(clean_result) {
            writeln!(
                out,
                "<tr><td class=\"{}\">{}</td><td>{}</td><td>{}</td><td>{}&nbsp;ms</td></tr>",
                class(r.status),
                r.status.symbol(),
                esc(&r.id),
                esc(&r.summary),
                r.duration_ms
            )?;
        }
        writeln!(out, "</table>")?;
    }

    writeln!(out, "<h2>This computer</h2><ul>")?;
    let sys = &s.system;
    writeln!(
        out,
        "<li>System: {} {} ({})</li>",
        esc(&sys.os),
        esc(&sys.os_version),
        esc(&sys.arch)
    )?;
    writeln!(out, "<li>qbfix version: {}</li></ul>", esc(&sys.qbfix_version))?;

    writeln!(out, "<h2>Next steps</h2><ul>")?;
    for step in next_steps(s) {
        writeln!(out, "<li>{}</li>", esc(&step))?;
    }
    writeln!(out, "</ul>")?;
    let tips = tips(s, flow);
    if !tips.is_empty() && s.outcome != Outcome::InProgress {
        writeln!(out, "<h2>Preventing it next time</h2><ul>")?;
        for tip in tips {
            writeln!(out, "<li>{}</li>", esc(tip))?;
        }
        writeln!(out, "</ul>")?;
    }
    writeln!(out, "</body></html>")
}

fn class(status: Status) -> &'static str {
    match status {
        Status::Pass => "pass",
        Status::Warn => "warn",
        Status::Fail => "fail",
        Status::Skip => "skip",
        Status::Error => "error",
    }
}
