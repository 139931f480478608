//! Plain line mode: the same wizard, driven line by line from stdin with numbered prompts on
//! stdout. For pipes, scripts and screen readers: no escape codes, ever. Checks run in the
//! background and their results are printed at the first step that uses them. The summary is
//! the last thing printed: the session is a record from then on, and plain mode exits 0.

use std::io::IsTerminal;
use std::io::{BufRead, Write};

use tokio::runtime::Handle;
use tokio::sync::mpsc::UnboundedReceiver;

mod input;
mod step;

use crate::checks::CheckEvent;
use crate::driver::{Driver, Stop};
use crate::report;
use crate::session::StoreError;
use crate::text::sanitize::{clean, clean_multiline};
use crate::wizard::{Effect, Msg, Waiting};
use input::{parse, read_answer, resume_line};

/// What can end plain mode early.
#[derive(Debug, thiserror::Error)]
pub enum PlainError {
    #[error("cannot read input or write output")]
    Io(#[from] std::io::Error),
    #[error(transparent)]
    Store(#[from] StoreError),
}

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
    let width = terminal_width();
    let mut plain = Plain {
        rx: driver.take_events(),
        handle,
    };
    // What step 1 offers, and the hint, before anything is printed (no screen to draw first).
    if let Some(look_up) = driver.look_up() {
        let effects = driver.found(look_up.run());
        plain.apply(&mut driver, effects)?;
        for w in std::mem::take(&mut driver.warnings) {
            eprintln!("qbfix: {w}");
        }
    }
    if let Some(hint) = &driver.resume_hint {
        writeln!(out, "({hint})")?;
    }
    if let Some(code) = &driver.wizard.session().case_code {
        writeln!(
            out,
            "Case code: {code} (give it to the customer; it is also in the report)"
        )?;
    }
    plain.apply(&mut driver, first)?;
    let mut shown: Option<(String, String, usize)> = None;
    let mut said = step::Said::default();
    loop {
        plain.drain(&mut driver)?;
        let here = (
            driver.wizard.session().id.clone(),
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
                writeln!(out, "(running checks: {} …)", friendly(&waiting))?;
                out.flush()?;
                plain.wait_for(&mut driver, &waiting)?;
            }
            if driver.wizard.at_summary() {
                // DESIGN: "The last step prints the summary and exits 0": the session is a
                // record now, and nothing read after this line could change it.
                write_summary(&mut out, &driver)?;
                return Ok(());
            }
            let helpdesk = driver.wizard.session().case_code.is_some();
            step::write_step(&mut out, &driver.wizard, helpdesk, width, &mut said)?;
            shown = Some(here);
        }
        if let Some(question) = driver.wizard.bank_question() {
            write!(out, "{question}: ")?;
            out.flush()?;
            let Some(line) = read_answer(&mut input, &mut out, &mut driver, echo, width)? else {
                return Ok(());
            };
            let effects = driver.wizard.update(Msg::BankAddress { text: line });
            if let Some(hint) = driver.wizard.hint() {
                writeln!(out, "{}", clean(hint))?;
            }
            if effects.iter().any(|e| matches!(e, Effect::TestBank(_))) {
                writeln!(out, "(testing your bank's website …)")?;
                out.flush()?;
                plain.apply(&mut driver, effects)?;
                plain.wait_for(&mut driver, &["bank".to_string()])?;
                writeln!(out)?;
                step::write_results(&mut out, &driver.wizard, width, &mut said)?;
                writeln!(out)?;
            }
            continue;
        }
        let confirming = driver.wizard.waiting() == Some(Waiting::Confirm);
        let view = driver.wizard.view();
        let count = view.answers.len();
        if confirming {
            let question = view.question.unwrap_or("Is it really working now?");
            writeln!(out, "{}", crate::text::wrap::fill(&clean(question), width))?;
            for (i, a) in view.answers.iter().enumerate() {
                writeln!(out, "  {}) {}", i + 1, clean(&a.label))?;
            }
            write!(out, "Answer 1 or 2: ")?;
        } else {
            write!(out, "Answer 1-{count} (b back, n note, q quit, ? help): ")?;
        }
        out.flush()?;
        let Some(line) = read_answer(&mut input, &mut out, &mut driver, echo, width)? else {
            return Ok(());
        };
        let parsed = if confirming {
            match line.to_ascii_lowercase().as_str() {
                "y" | "yes" | "1" => Ok(Msg::Pick {
                    n: 1,
                    at: jiff::Timestamp::now(),
                }),
                "n" | "no" | "2" => Ok(Msg::Pick {
                    n: 2,
                    at: jiff::Timestamp::now(),
                }),
                _ => Err("Please type 1 (it really works) or 2 (still failing).".to_string()),
            }
        } else if matches!(line.as_str(), "y" | "Y") {
            write_ticket(&mut out, &driver)?;
            continue;
        } else {
            parse(&line)
        };
        let msg = match parsed {
            Ok(msg) => msg,
            Err(hint) => {
                writeln!(out, "{hint}")?;
                continue;
            }
        };
        let noting = matches!(msg, Msg::Note { .. });
        let effects = driver.wizard.update(msg);
        if let Some(hint) = driver.wizard.hint() {
            writeln!(out, "{}", clean(hint))?;
        }
        let rerun = effects.iter().any(|e| matches!(e, Effect::RunChecks(_)));
        if plain.apply(&mut driver, effects)? == Some(Stop::Quit) {
            writeln!(out, "{}", crate::text::wrap::fill(&resume_line(&driver), width))?;
            return Ok(());
        }
        if let Some(notice) = driver.take_notice() {
            writeln!(out, "{}", crate::text::wrap::fill(&clean(&notice), width))?;
        }
        if noting {
            writeln!(out, "Note saved.")?;
        }
        if rerun && driver.wizard.waiting().is_none() {
            // `r`: the results when the run ends (in a call, this computer's, apart).
            writeln!(out, "(running checks …)")?;
            let running = driver.wizard.pending().to_vec();
            plain.wait_for(&mut driver, &running)?;
            writeln!(out)?;
            step::write_results(&mut out, &driver.wizard, width, &mut said)?;
        }
        match driver.wizard.waiting() {
            Some(Waiting::Verdict) => {
                writeln!(out, "(waiting for the checks to finish …)")?;
                plain.settle(&mut driver, &mut out)?;
            }
            Some(Waiting::Recheck) => {
                writeln!(out, "(running the network checks again to see it working …)")?;
                plain.settle(&mut driver, &mut out)?;
            }
            Some(Waiting::Confirm) | None => {}
        }
        if driver.wizard.waiting() == Some(Waiting::Confirm) {
            writeln!(out)?;
            step::write_results(&mut out, &driver.wizard, width, &mut said)?;
        }
    }
}

/// The friendly names of check ids ("Intuit status page", not `status_page`).
fn friendly(ids: &[String]) -> String {
    ids.iter()
        .map(|id| crate::evidence::catalog::label(id))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `y`: the ticket summary, as the TUI copies it (redacted like every report).
fn write_ticket(out: &mut impl Write, driver: &Driver) -> std::io::Result<()> {
    let text = driver.ticket_summary();
    writeln!(out, "--- ticket summary ---")?;
    for line in text.lines() {
        writeln!(out, "{}", crate::text::sanitize::clean(line))?;
    }
    writeln!(out, "--- end of ticket summary ---")
}

struct Plain<'h> {
    rx: Option<UnboundedReceiver<CheckEvent>>,
    handle: &'h Handle,
}

impl Plain<'_> {
    /// Carries out effects through the driver (inside the runtime, which starts checks).
    fn apply(&mut self, driver: &mut Driver, effects: Vec<Effect>) -> Result<Option<Stop>, PlainError> {
        let _runtime = self.handle.enter();
        for effect in effects {
            if let Some(stop) = driver.apply(effect)? {
                return Ok(Some(stop));
            }
        }
        Ok(None)
    }

    /// Feeds whatever check events have arrived.
    fn drain(&mut self, driver: &mut Driver) -> Result<(), PlainError> {
        while let Some(event) = self.rx.as_mut().and_then(|rx| rx.try_recv().ok()) {
            let effects = driver.on_check_event(event);
            self.apply(driver, effects)?;
        }
        Ok(())
    }

    /// Blocks for check events until the wizard no longer waits for the checks.
    fn settle(&mut self, driver: &mut Driver, out: &mut impl Write) -> Result<(), PlainError> {
        out.flush()?;
        while matches!(driver.wizard.waiting(), Some(Waiting::Verdict | Waiting::Recheck)) {
            let Some(event) = self.rx.as_mut().and_then(|rx| rx.blocking_recv()) else {
                return Ok(());
            };
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

fn write_summary(out: &mut impl Write, driver: &Driver) -> std::io::Result<()> {
    let s = driver.wizard.session();
    let doc = report::document(s, Some(driver.wizard.flow()));
    writeln!(out)?;
    for line in doc.plain_summary() {
        writeln!(out, "{line}")?;
    }
    writeln!(out)?;
    writeln!(out, "{}", clean_multiline(&driver.wizard.flow().summary().text))?;
    let name = s.case_code.as_deref().unwrap_or(&s.id);
    writeln!(out, "Session {} saved. Report: qbfix report {name}", s.id)?;
    for line in crate::driver::saved_reports::describe(driver.reports.as_ref(), None, false) {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// The width to wrap stdout's lines at: `COLUMNS`, else the terminal's, else 80.
pub fn terminal_width() -> usize {
    let columns = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|c| *c > 0);
    let tty = || {
        std::io::stdout()
            .is_terminal()
            .then(|| crossterm::terminal::size().ok())
            .flatten()
            .map(|(w, _)| usize::from(w))
            .filter(|w| *w > 0)
    };
    columns
        .or_else(tty)
        .unwrap_or(80)
        .max(crate::text::wrap::MIN_WIDTH)
}
