//! The runner: starts the chosen checks at once on tokio, bounds each by its own timeout, and
//! streams each check's results over a channel as soon as it finishes. Every string in a result
//! is sanitized here, so nothing a server said reaches a screen or file unfiltered, and each
//! result is logged (at debug: `-v`) for every command that runs checks.

use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::sync::mpsc;
use tokio::task::JoinSet;

use super::{CheckSpec, Context, REGISTRY};
use crate::config::Config;
use crate::evidence::{CheckResult, Status};

/// Extra time a check gets past its own timeout before the runner gives up on it.
const GRACE: Duration = Duration::from_millis(750);

/// What the runner reports.
#[derive(Debug, Clone, PartialEq)]
pub enum CheckEvent {
    /// One check finished (with one result per target).
    Finished {
        id: &'static str,
        results: Vec<CheckResult>,
    },
    /// Every check finished; the run took this long.
    AllDone { duration_ms: u64 },
}

/// The checks to run: all of them, or the named ones in registry order.
pub fn select(only: &[String]) -> Vec<&'static CheckSpec> {
    REGISTRY
        .iter()
        .filter(|c| only.is_empty() || only.iter().any(|o| o == c.id))
        .collect()
}

/// Starts `specs` now and returns the receiver of their events. The run ends, with an
/// `AllDone`, no later than the largest timeout plus [`GRACE`], even when a server hangs.
pub fn spawn_run(config: Arc<Config>, specs: Vec<&'static CheckSpec>) -> mpsc::UnboundedReceiver<CheckEvent> {
    let (tx, rx) = mpsc::unbounded_channel();
    let ctx = Arc::new(Context::new(config.clone()));
    tokio::spawn(async move {
        let start = Instant::now();
        let mut set = JoinSet::new();
        for spec in specs {
            let ctx = ctx.clone();
            let budget = spec.timeout(&config) + GRACE;
            set.spawn(async move {
                let began = Instant::now();
                let results = match tokio::time::timeout(budget, (spec.run)(ctx)).await {
                    Ok(results) => results,
                    Err(_) => vec![
                        CheckResult::new(
                            spec.id,
                            Status::Error,
                            format!(
                                "{} did not finish in time ({} s)",
                                crate::evidence::catalog::label(spec.id),
                                budget.as_secs()
                            ),
                        )
                        .with("error_kind", "timeout")
                        .with_duration(began.elapsed()),
                    ],
                };
                (spec.id, results)
            });
        }
        while let Some(joined) = set.join_next().await {
            if let Ok((id, results)) = joined {
                let results: Vec<CheckResult> = results.into_iter().map(CheckResult::cleaned).collect();
                // For support (`-v`): the log's writer redacts names, homes and addresses.
                for r in &results {
                    let status = format!("{:?}", r.status).to_ascii_lowercase();
                    tracing::debug!(check = %r.id, %status, ms = r.duration_ms, "{}", r.summary);
                }
                let _ = tx.send(CheckEvent::Finished { id, results });
            }
        }
        let duration_ms = crate::evidence::millis(start.elapsed());
        let _ = tx.send(CheckEvent::AllDone { duration_ms });
    });
    rx
}

/// Runs `specs` to the end and returns every result, in registry order.
pub async fn run_to_end(config: Arc<Config>, specs: Vec<&'static CheckSpec>) -> (Vec<CheckResult>, u64) {
    let mut rx = spawn_run(config, specs);
    let mut results = Vec::new();
    let mut duration_ms = 0;
    while let Some(event) = rx.recv().await {
        match event {
            CheckEvent::Finished { results: r, .. } => results.extend(r),
            CheckEvent::AllDone { duration_ms: d } => duration_ms = d,
        }
    }
    crate::evidence::catalog::sort(&mut results);
    (results, duration_ms)
}
