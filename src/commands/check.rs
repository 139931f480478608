//! `qbfix check`: runs the checks without the wizard and prints the "whose problem" card, a
//! ✓ ! ✗ table by friendly check names and the verdict (wrapped at the terminal width), or
//! exactly the JSON object of DESIGN.md (with the result code). On a terminal, stderr says
//! "Checking…" at once and, after 1.5 s, what it still waits on by friendly names. Exit 0 when
//! all pass, 1 when any warns or fails.

use std::io::{IsTerminal, Write};
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde::Serialize;

use super::{Ctx, Exit};
use crate::checks::{self, CheckEvent, runner};
use crate::cli::CheckArgs;
use crate::config::Config;
use crate::evidence::{CheckResult, Status, Verdict};
use crate::text::wrap::{fill, hanging, wrap_line};

/// What `check --json` prints.
#[derive(Debug, Serialize)]
pub struct CheckReport {
    pub schema_version: u32,
    pub verdict: Verdict,
    /// The code the customer reads aloud to the helpdesk ("7K3M-9TQ2-5"), as the table shows.
    pub result_code: String,
    pub checks: Vec<CheckResult>,
    pub duration_ms: u64,
}

/// An `--only` id that names no check.
#[derive(Debug, thiserror::Error)]
#[error("unknown check id {0:?}; valid ids: {ids}", ids = crate::evidence::catalog::known_ids())]
pub struct UnknownCheck(pub String);

/// Checks `--only` ids against the registry.
pub fn validate_only(only: &[String]) -> Result<(), UnknownCheck> {
    match only.iter().find(|id| checks::find(id).is_none()) {
        Some(bad) => Err(UnknownCheck(bad.clone())),
        None => Ok(()),
    }
}

/// `qbfix check [--json] [--only ID]…`.
pub fn run(args: CheckArgs, ctx: &Ctx) -> anyhow::Result<Exit> {
    validate_only(&args.only)?;
    let config = ctx.config()?;
    let problem = ctx
        .runtime()?
        .block_on(measure(config, args.json, &args.only))
        .map_err(super::output::OutputError)?;
    Ok(Exit::problem_if(problem))
}

/// Runs the checks and prints them; true when any result is a problem (warn, fail, error).
pub async fn measure(config: Arc<Config>, json: bool, only: &[String]) -> std::io::Result<bool> {
    let specs = runner::select(only);
    let progress = std::io::stderr().is_terminal();
    let mut pending: Vec<&str> = specs.iter().map(|s| s.id).collect();
    let mut rx = runner::spawn_run(config, specs);
    let started = Instant::now();
    let mut results = Vec::new();
    let mut duration_ms = 0;
    let mut announced = false;
    if progress {
        super::output::say(CHECKING);
    }
    let mut tick = tokio::time::interval(Duration::from_millis(250));
    loop {
        tokio::select! {
            event = rx.recv() => match event {
                Some(CheckEvent::Finished { id, results: r }) => {
                    pending.retain(|p| *p != id);
                    results.extend(r);
                }
                Some(CheckEvent::AllDone { duration_ms: d }) => { duration_ms = d; break; }
                None => break,
            },
            _ = tick.tick(), if progress && !announced => {
                if started.elapsed() >= Duration::from_millis(1500) && !pending.is_empty() {
                    super::output::say(&still_waiting(&pending));
                    announced = true;
                }
            }
        }
    }
    crate::evidence::catalog::sort(&mut results);
    let verdict = crate::evidence::decide(&results);
    let problem = results.iter().any(|r| r.status.is_problem());
    let written = if json {
        let report = CheckReport {
            schema_version: 1,
            result_code: crate::evidence::result_code::encode(Some(verdict.id), &results),
            verdict,
            checks: results,
            duration_ms,
        };
        write_json(&report)
    } else {
        let color =
            std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
        let mut out = super::output::Stdout;
        write_table(&mut out, &results, &verdict, color).and_then(|()| out.flush())
    };
    // A reader that stopped early (`| head`) is no error: [`super::output`] drops the rest.
    written.map(|()| problem)
}

/// Said on a terminal's stderr the moment `check` starts.
pub const CHECKING: &str = "Checking…";

/// After 1.5 s: what `check` still waits on, by the names a person reads.
pub fn still_waiting(pending: &[&str]) -> String {
    let names: Vec<&str> = pending
        .iter()
        .map(|id| crate::evidence::catalog::label(id))
        .collect();
    format!("Still waiting on: {}", names.join(", "))
}

fn write_json(report: &CheckReport) -> std::io::Result<()> {
    let mut out = super::output::Stdout;
    serde_json::to_writer_pretty(&mut out, report)?;
    writeln!(out)?;
    out.flush()
}

/// The human table: the "whose problem" card first, then one line per result by its friendly
/// name (ids stay in JSON), then the verdict and its advice — wrapped at the terminal width.
pub fn write_table(
    out: &mut impl Write,
    results: &[CheckResult],
    verdict: &Verdict,
    color: bool,
) -> std::io::Result<()> {
    write_table_at(out, results, verdict, color, crate::plain::terminal_width())
}

/// A check's friendly name ("Intuit status page"), its id when unknown.
fn name(r: &CheckResult) -> &str {
    crate::evidence::catalog::label(&r.id)
}

/// [`write_table`] at `columns` wide.
pub fn write_table_at(
    out: &mut impl Write,
    results: &[CheckResult],
    verdict: &Verdict,
    color: bool,
    columns: usize,
) -> std::io::Result<()> {
    if let Ok(flow) = crate::flow::default_flow() {
        let card = crate::wizard::card_for(&flow, verdict);
        let bold = |s: &str| {
            if color {
                format!("\u{1b}[1m{s}\u{1b}[0m")
            } else {
                s.to_string()
            }
        };
        for line in hanging(&card.headline, 2, columns) {
            writeln!(out, "{}", bold(&line))?;
        }
        if let Some(now) = &card.do_now {
            let now = format!("  {now} (run qbfix to be walked through it)");
            for line in wrap_line(&now, columns) {
                writeln!(out, "{line}")?;
            }
        }
        writeln!(out)?;
    }
    let width = results.iter().map(|r| name(r).chars().count()).max().unwrap_or(0);
    for r in results {
        let plain = format!("{} {:<width$}  {}", r.status.symbol(), name(r), r.summary);
        let lines = hanging(&plain, 2 + width + 2, columns);
        for (i, line) in lines.iter().enumerate() {
            if i == 0 && color {
                let code = match r.status {
                    Status::Pass => "32",
                    Status::Warn => "33",
                    Status::Fail | Status::Error => "31",
                    Status::Skip => "2",
                };
                let symbol = r.status.symbol();
                let rest = line.strip_prefix(symbol).unwrap_or(line);
                writeln!(out, "\u{1b}[{code}m{symbol}\u{1b}[0m{rest}")?;
            } else {
                writeln!(out, "{line}")?;
            }
        }
    }
    writeln!(out)?;
    writeln!(out, "{}", fill(&format!("Verdict: {}", verdict.title), columns))?;
    writeln!(out, "{}", fill(&verdict.advice, columns))?;
    if !verdict.actions.is_empty() {
        writeln!(out)?;
        writeln!(out, "What to do now:")?;
        for (n, action) in verdict.actions.iter().enumerate() {
            let line = format!("{}. {}", n + 1, crate::text::sanitize::clean(action));
            writeln!(out, "{}", fill(&line, columns))?;
        }
    }
    writeln!(out)?;
    let code = format!(
        "Result code: {} (read it to the helpdesk if they ask)",
        crate::evidence::result_code::encode(Some(verdict.id), results)
    );
    writeln!(out, "{}", fill(&code, columns))?;
    Ok(())
}
