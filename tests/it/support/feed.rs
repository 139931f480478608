//! Feeding a wizard one run of checks the way the driver does: the run starts, each check
//! finishes with its results (in the order they first appear), then the run is done.

use jiff::Timestamp;
use qbfix::evidence::CheckResult;
use qbfix::wizard::{Msg, Wizard};

/// One run of the checks in `results`, started at `started` and done at `done`.
pub fn check_run(
    w: &mut Wizard,
    started: Timestamp,
    results: Vec<CheckResult>,
    done: Timestamp,
    duration_ms: u64,
) {
    let mut ids: Vec<String> = Vec::new();
    for r in &results {
        if !ids.contains(&r.id) {
            ids.push(r.id.clone());
        }
    }
    w.update(Msg::ChecksStarted {
        ids: ids.clone(),
        at: started,
    });
    for id in ids {
        let mine: Vec<CheckResult> = results.iter().filter(|r| r.id == id).cloned().collect();
        w.update(Msg::CheckFinished { id, results: mine });
    }
    w.update(Msg::ChecksDone {
        at: done,
        duration_ms,
    });
}
