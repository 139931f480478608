//! Plain mode's step: title, notice, the helpdesk script (say, ask, listen for), the text,
//! the "whose problem" card with the step's check results (in a call, this computer's apart),
//! the note and the numbered answers — all wrapped at the terminal width, no escape codes.

use std::io::Write;

use crate::text::sanitize::{clean, clean_multiline};
use crate::text::wrap::{fill, hanging, wrap_line};
use crate::wizard::{INCIDENTS_SHOWN, Tone, Wizard};

/// What was printed already: the verdict's paragraph is printed once, then recalled in one
/// line.
#[derive(Debug, Default)]
pub struct Said {
    verdict: Option<String>,
}

fn say(out: &mut impl Write, text: &str, width: usize) -> std::io::Result<()> {
    writeln!(out, "{}", fill(text, width))
}

/// Writes the current step.
pub fn write_step(
    out: &mut impl Write,
    wizard: &Wizard,
    helpdesk: bool,
    width: usize,
    said: &mut Said,
) -> std::io::Result<()> {
    let view = wizard.view();
    writeln!(out)?;
    let heading = format!(
        "Step {} of {}: {}",
        view.number,
        view.total,
        clean(&view.step.title)
    );
    say(out, &heading, width)?;
    writeln!(out, "{}", "=".repeat(heading.chars().count().min(width)))?;
    if let Some(notice) = &view.notice {
        let label = view.notice_tone.unwrap_or(Tone::Warning).label();
        let text = format!("{label} {}", clean(notice));
        for l in hanging(&text, label.chars().count() + 1, width) {
            writeln!(out, "{l}")?;
        }
        writeln!(out)?;
    }
    for incident in view.incidents.iter().take(INCIDENTS_SHOWN) {
        say(out, &format!("Intuit reports: {}", clean(&incident.name)), width)?;
        if let Some(update) = &incident.update {
            say(out, &format!("Latest update: {}", clean(update)), width)?;
        }
        writeln!(out)?;
    }
    if let Some(safety) = view.safety {
        // Before the instructions it guards.
        for l in hanging(&format!("Safety: {}", clean(safety)), 8, width) {
            writeln!(out, "{l}")?;
        }
        writeln!(out)?;
    }
    if helpdesk {
        write_script(out, wizard, width)?;
    }
    say(out, &clean_multiline(&view.text), width)?;
    if !view.results.is_empty() || view.verdict.is_some() {
        writeln!(out)?;
        write_results(out, wizard, width, said)?;
    }
    if let Some(note) = view.note {
        for l in hanging(&format!("Your note: {}", clean(note)), 11, width) {
            writeln!(out, "{l}")?;
        }
    }
    writeln!(out)?;
    if let Some(q) = view.question {
        say(out, &clean(q), width)?;
    }
    for (i, a) in view.answers.iter().enumerate() {
        for l in wrap_line(&format!("  {}) {}", i + 1, clean(&a.label)), width) {
            writeln!(out, "{l}")?;
        }
    }
    if let Some(earlier) = view.answered {
        say(out, &format!("(earlier answer: {})", clean(earlier)), width)?;
    }
    Ok(())
}

/// The helpdesk script: what to say, what to ask, what to listen for and which answer it is.
fn write_script(out: &mut impl Write, wizard: &Wizard, width: usize) -> std::io::Result<()> {
    let script = wizard.script();
    let answers = &wizard.view().answers;
    if let Some(text) = script.say.as_deref() {
        for l in hanging(&format!("Say: {}", clean(text)), 5, width) {
            writeln!(out, "{l}")?;
        }
    }
    if let Some(text) = script.ask {
        for l in hanging(&format!("Ask: {}", clean(text)), 5, width) {
            writeln!(out, "{l}")?;
        }
    }
    if !script.listen.is_empty() {
        writeln!(out, "Listen for:")?;
        for l in script.listen.iter() {
            let Some(n) = answers.iter().position(|a| a.id == l.answer) else {
                continue;
            };
            let line = format!(
                "  - \"{}\": answer {} ({})",
                clean(&l.hear).trim_matches('"'),
                n + 1,
                clean(&answers[n].label)
            );
            for row in wrap_line(&line, width) {
                writeln!(out, "{row}")?;
            }
        }
    }
    if script.say.is_some() || script.ask.is_some() || !script.listen.is_empty() {
        writeln!(out)?;
    }
    Ok(())
}

/// The card (whose problem, what to do now) and this step's check results by friendly name.
pub fn write_results(
    out: &mut impl Write,
    wizard: &Wizard,
    width: usize,
    said: &mut Said,
) -> std::io::Result<()> {
    let view = wizard.view();
    if let Some(card) = wizard.card() {
        say(out, &clean(&card.headline), width)?;
        if let Some(now) = &card.do_now {
            for l in wrap_line(&format!("  {}", clean(now)), width) {
                writeln!(out, "{l}")?;
            }
        }
    }
    if !view.results.is_empty() {
        if wizard.session().customer.is_some() {
            writeln!(out, "What the customer's checks found:")?;
        } else {
            writeln!(out, "What the checks found:")?;
        }
        for r in &view.results {
            let name = crate::evidence::catalog::label(&r.id);
            let line = format!("  {} {}: {}", r.status.symbol(), name, clean(&r.summary));
            for l in wrap_line(&line, width) {
                writeln!(out, "{l}")?;
            }
        }
    }
    if let Some(v) = view.verdict {
        let paragraph = format!("  {}. {}", clean(&v.title), clean(&v.advice));
        let line = if said.verdict.as_ref() == Some(&paragraph) {
            format!("  {} (as above).", clean(&v.title))
        } else {
            said.verdict = Some(paragraph.clone());
            paragraph
        };
        for l in wrap_line(&line, width) {
            writeln!(out, "{l}")?;
        }
    }
    write_this_computer(out, wizard, width)
}

/// In a call: what `r` found on the agent's own computer, apart from the customer's results.
pub fn write_this_computer(out: &mut impl Write, wizard: &Wizard, width: usize) -> std::io::Result<()> {
    let Some(ours) = wizard.this_computer() else {
        return Ok(());
    };
    writeln!(out, "{}:", crate::session::customer::THIS_COMPUTER)?;
    if let Some(v) = ours.verdict {
        for l in wrap_line(&format!("  Here: {}", clean(&v.title)), width) {
            writeln!(out, "{l}")?;
        }
    }
    for r in ours.results {
        let name = crate::evidence::catalog::label(&r.id);
        let line = format!("  {} {}: {}", r.status.symbol(), name, clean(&r.summary));
        for l in wrap_line(&line, width) {
            writeln!(out, "{l}")?;
        }
    }
    Ok(())
}
