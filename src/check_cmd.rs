//! `qbfix check`: runs the checks without the wizard and prints a ✓ ! ✗ table and the verdict,
//! or exactly the JSON object of DESIGN.md. Exit 0 when all pass, 1 when any warns or fails.

use std::io::{IsTerminal, Write};
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::checks::{self, CheckEvent, CheckResult, Status, Verdict, runner, verdict};
use crate::config::Config;

/// What `check --json` prints.
#[derive(Debug, Serialize)]
pub struct CheckReport {
    pub schema_version: u32,
    pub verdict: Verdict,
    pub checks: Vec<CheckResult>,
    pub duration_ms: u64,
}

/// An `--only` id that names no check.
#[derive(Debug, thiserror::Error)]
#[error("unknown check id {0:?}; valid ids: {ids}", ids = checks::known_ids())]
pub struct UnknownCheck(pub String);

/// Checks `--only` ids against the registry.
pub fn validate_only(only: &[String]) -> Result<(), UnknownCheck> {
    match only.iter().find(|id| checks::find(id).is_none()) {
        Some(bad) => Err(UnknownCheck(bad.clone())),
        None => Ok(()),
    }
}

/// Runs the command; returns the exit code.
pub async fn run(config: Arc<Config>, json: bool, only: &[String]) -> std::io::Result<u8> {
    let specs = runner::select(only);
    let progress = std::io::stderr().is_terminal();
    let mut pending: Vec<&str> = specs.iter().map(|s| s.id).collect();
    let mut rx = runner::spawn_run(config, specs);
    let started = Instant::now();
    let mut results = Vec::new();
    let mut duration_ms = 0;
    let mut announced = false;
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
                    eprintln!("still waiting on: {}", pending.join(", "));
                    announced = true;
                }
            }
        }
    }
    checks::sort_by_registry(&mut results);
    let verdict = verdict::decide(&results);
    let problem = results.iter().any(|r| r.status.is_problem());
    let code = u8::from(problem);
    let written = if json {
        let report = CheckReport {
            schema_version: 1,
            verdict,
            checks: results,
            duration_ms,
        };
        write_json(&report)
    } else {
        let color =
            std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
        let mut out = std::io::stdout().lock();
        write_table(&mut out, &results, &verdict, color).and_then(|()| out.flush())
    };
    match written {
        // A reader that stopped early (`| head`) is not an error worth a message.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(code),
        other => other.map(|()| code),
    }
}

fn write_json(report: &CheckReport) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, report)?;
    writeln!(out)?;
    out.flush()
}

/// The human table: one line per result, then the verdict and its advice.
pub fn write_table(
    out: &mut impl Write,
    results: &[CheckResult],
    verdict: &Verdict,
    color: bool,
) -> std::io::Result<()> {
    let width = results.iter().map(|r| r.id.len()).max().unwrap_or(0);
    for r in results {
        let symbol = r.status.symbol();
        let symbol = if color {
            let code = match r.status {
                Status::Pass => "32",
                Status::Warn => "33",
                Status::Fail | Status::Error => "31",
                Status::Skip => "2",
            };
            format!("\u{1b}[{code}m{symbol}\u{1b}[0m")
        } else {
            symbol.to_string()
        };
        writeln!(out, "{symbol} {:<width$}  {}", r.id, r.summary)?;
    }
    writeln!(out)?;
    writeln!(out, "Verdict: {} ({})", verdict.title, verdict.id.as_str())?;
    writeln!(out, "{}", verdict.advice)?;
    writeln!(out)?;
    writeln!(
        out,
        "Result code: {} (read it to the helpdesk if they ask)",
        crate::result_code::encode(Some(verdict.id), results)
    )?;
    Ok(())
}
