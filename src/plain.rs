//! Plain line mode: the same wizard, driven line by line from stdin with numbered prompts on
//! stdout. For pipes, scripts and screen readers: no escape codes, ever. Checks run in the
//! background and their results are printed at the first step that uses them.

use std::io::{BufRead, Write};

use tokio::runtime::Handle;
use tokio::sync::mpsc::UnboundedReceiver;

use crate::checks::CheckEvent;
use crate::driver::Driver;
use crate::report;
use crate::sanitize::{clean, clean_multiline};
use crate::session::StoreError;
use crate::wizard::{Effect, Msg, StepView};

/// What can end plain mode early.
#[derive(Debug, thiserror::Error)]
pub enum PlainError {
    #[error("cannot read input or write output")]
    Io(#[from] std::io::Error),
    #[error(transparent)]
    Store(#[from] StoreError),
}

const HELP: &str = "Type the number of an answer and press Enter. Other commands:
  b         go back one step (earlier answers can be changed)
  n TEXT    add a note to this step (n alone removes it)
  r         run the automated checks again
  q         save and quit (resume later with qbfix --resume)
  ?         this help";

/// Runs the wizard until the summary, `q` or the end of input. `echo` repeats each answer
/// after its prompt, so a transcript reads well when input comes from a pipe.
pub fn run(
    mut driver: Driver,
    first: Vec<Effect>,
    mut input: impl BufRead,
    mut out: impl Write,
    handle: &Handle,
    echo: bool,
) -> Result<(), PlainError> {
    if let Some(hint) = &driver.resume_hint {
        writeln!(out, "({hint})")?;
    }
    if let Some(code) = &driver.wizard.session().case_code {
        writeln!(
            out,
            "Case code: {code} (give it to the customer; it is also in the report)"
        )?;
    }
    let mut plain = Plain { rx: None, handle };
    plain.apply(&mut driver, first)?;
    let mut shown: Option<(String, usize)> = None;
    loop {
        plain.drain(&mut driver)?;
        let here = (
            driver.wizard.current_id().to_string(),
            driver.wizard.session().history.len(),
        );
        if shown.as_ref() != Some(&here) {
            let waiting = if driver.wizard.at_summary() {
                driver.wizard.pending().to_vec()
            } else {
                driver
                    .wizard
                    .view()
                    .pending
                    .iter()
                    .map(|s| s.to_string())
                    .collect()
            };
            if !waiting.is_empty() {
                writeln!(out, "(running checks: {} …)", waiting.join(", "))?;
                out.flush()?;
                plain.wait_for(&mut driver, &waiting)?;
            }
            if driver.wizard.at_summary() {
                driver.save_reports();
                write_summary(&mut out, &driver)?;
                return Ok(());
            }
            let helpdesk = driver.wizard.session().case_code.is_some();
            write_step(&mut out, &driver.wizard.view(), helpdesk)?;
            shown = Some(here);
        }
        let count = driver.wizard.view().answers.len();
        write!(out, "Answer 1-{count} (b back, n note, q quit, ? help): ")?;
        out.flush()?;
        let mut line = Vec::new();
        if input.read_until(b'\n', &mut line)? == 0 {
            driver.save()?;
            writeln!(out)?;
            writeln!(out, "{}", resume_line(&driver))?;
            return Ok(());
        }
        let line = String::from_utf8_lossy(&line).trim().to_string();
        if echo {
            writeln!(out, "{}", clean(&line))?;
        }
        let msg = match parse(&line, count) {
            Ok(msg) => msg,
            Err(hint) => {
                writeln!(out, "{hint}")?;
                continue;
            }
        };
        if matches!(msg, Msg::Pick { .. }) && !driver.wizard.pending().is_empty() {
            // The next step depends on the verdict: let the run finish first.
            writeln!(out, "(waiting for the checks to finish …)")?;
            out.flush()?;
            let all = driver.wizard.pending().to_vec();
            plain.wait_for(&mut driver, &all)?;
        }
        let noting = matches!(msg, Msg::Note { .. });
        let effects = driver.wizard.update(msg);
        if effects.contains(&Effect::Quit) {
            driver.save()?;
            writeln!(out, "{}", resume_line(&driver))?;
            return Ok(());
        }
        if noting {
            writeln!(out, "Note saved.")?;
        }
        plain.apply(&mut driver, effects)?;
    }
}

/// Turns one input line into a message, or a one-line hint.
fn parse(line: &str, count: usize) -> Result<Msg, String> {
    let at = jiff::Timestamp::now();
    match line {
        "?" | "h" | "help" => Err(HELP.to_string()),
        "b" | "back" => Ok(Msg::Back),
        "q" | "quit" => Ok(Msg::Quit),
        "r" => Ok(Msg::RerunChecks),
        "n" => Ok(Msg::Note { text: String::new() }),
        _ if line.starts_with("n ") => Ok(Msg::Note {
            text: line[2..].to_string(),
        }),
        _ => match line.parse::<usize>() {
            Ok(n) if (1..=count).contains(&n) => Ok(Msg::Pick { n, at }),
            _ => Err(format!("Please type a number from 1 to {count}, or ? for help.")),
        },
    }
}

fn resume_line(driver: &Driver) -> String {
    format!(
        "Session saved. Resume with: qbfix --resume {}",
        driver.wizard.session().id
    )
}

struct Plain<'h> {
    rx: Option<UnboundedReceiver<CheckEvent>>,
    handle: &'h Handle,
}

impl Plain<'_> {
    fn apply(&mut self, driver: &mut Driver, effects: Vec<Effect>) -> Result<(), PlainError> {
        for effect in effects {
            match effect {
                Effect::Save => driver.save()?,
                Effect::RunChecks(ids) => {
                    let _runtime = self.handle.enter();
                    self.rx = Some(driver.start_checks(&ids));
                }
                Effect::Finished | Effect::Quit => {}
            }
        }
        Ok(())
    }

    /// Feeds whatever check events have arrived.
    fn drain(&mut self, driver: &mut Driver) -> Result<(), PlainError> {
        while let Some(event) = self.rx.as_mut().and_then(|rx| rx.try_recv().ok()) {
            let effects = driver.on_check_event(event);
            self.apply(driver, effects)?;
        }
        Ok(())
    }

    /// Blocks until none of `ids` is running, and when that was the last of the run, until
    /// the run's verdict is in (the runner's own timeouts bound this).
    fn wait_for(&mut self, driver: &mut Driver, ids: &[String]) -> Result<(), PlainError> {
        loop {
            let waiting = driver.wizard.pending().iter().any(|p| ids.contains(p));
            let run_ending = driver.wizard.pending().is_empty();
            if !waiting && !run_ending {
                return Ok(());
            }
            let Some(event) = self.rx.as_mut().and_then(|rx| rx.blocking_recv()) else {
                self.rx = None;
                return Ok(());
            };
            let done = matches!(event, CheckEvent::AllDone { .. });
            let effects = driver.on_check_event(event);
            self.apply(driver, effects)?;
            if done {
                return Ok(());
            }
        }
    }
}

fn write_step(out: &mut impl Write, view: &StepView<'_>, helpdesk: bool) -> std::io::Result<()> {
    writeln!(out)?;
    let heading = format!(
        "Step {} of {}: {}",
        view.number,
        view.total,
        clean(&view.step.title)
    );
    writeln!(out, "{heading}")?;
    writeln!(out, "{}", "=".repeat(heading.chars().count().min(72)))?;
    if let Some(notice) = view.notice {
        writeln!(out, "Important: {}", clean(notice))?;
        writeln!(out)?;
    }
    if helpdesk && let Some(script) = &view.step.script {
        writeln!(out, "Read aloud: {}", clean(script))?;
        writeln!(out)?;
    }
    writeln!(out, "{}", clean_multiline(&view.step.text))?;
    if !view.results.is_empty() {
        writeln!(out)?;
        writeln!(out, "What the checks found:")?;
        for r in &view.results {
            writeln!(out, "  {} {}", r.status.symbol(), clean(&r.summary))?;
        }
        if let Some(v) = view.verdict {
            writeln!(out, "  => {}: {}", clean(&v.title), clean(&v.advice))?;
        }
    }
    if let Some(note) = view.note {
        writeln!(out, "Your note: {}", clean(note))?;
    }
    writeln!(out)?;
    if let Some(q) = &view.step.question {
        writeln!(out, "{}", clean(q))?;
    }
    for (i, a) in view.answers.iter().enumerate() {
        writeln!(out, "  {}) {}", i + 1, clean(&a.label))?;
    }
    if let Some(earlier) = view.answered {
        writeln!(out, "(earlier answer: {})", clean(earlier))?;
    }
    Ok(())
}

fn write_summary(out: &mut impl Write, driver: &Driver) -> std::io::Result<()> {
    let s = driver.wizard.session();
    writeln!(out)?;
    writeln!(out, "Summary")?;
    writeln!(out, "=======")?;
    let fixed_by = s
        .fixed_by()
        .map(|t| format!(" (fixed by: {})", clean(t)))
        .unwrap_or_default();
    writeln!(out, "Outcome: {}{fixed_by}", s.outcome.describe())?;
    if let Some(v) = &s.verdict {
        writeln!(out, "Checks say: {}. {}", clean(&v.title), clean(&v.advice))?;
    }
    writeln!(out)?;
    writeln!(out, "What was tried:")?;
    for r in s.steps.iter().filter(|r| r.answer.is_some()) {
        writeln!(
            out,
            "  - {}: {}",
            clean(&r.title),
            clean(r.answer.as_deref().unwrap_or(""))
        )?;
    }
    if !s.checks.is_empty() {
        writeln!(out)?;
        writeln!(out, "Check results:")?;
        for r in &s.checks {
            writeln!(out, "  {} {}", r.status.symbol(), clean(&r.summary))?;
        }
    }
    writeln!(out)?;
    writeln!(out, "Next steps:")?;
    for step in report::next_steps(s) {
        writeln!(out, "  - {}", clean(&step))?;
    }
    let tips = driver.wizard.tips();
    if !tips.is_empty() {
        writeln!(out)?;
        writeln!(out, "Preventing it next time:")?;
        for tip in tips {
            writeln!(out, "  - {}", clean(tip))?;
        }
    }
    writeln!(out)?;
    writeln!(out, "{}", clean_multiline(&driver.wizard.flow().summary().text))?;
    writeln!(out, "Session {} saved. Report: qbfix report {}", s.id, s.id)?;
    for line in crate::report_files::describe(driver.reports.as_ref(), None, false) {
        writeln!(out, "{line}")?;
    }
    Ok(())
}
