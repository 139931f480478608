//! What `qbfix watch` and the summary's `w` ask after an outage: one poll of the status page
//! and the QuickBooks URLs (the `status_page` and `http` checks themselves), judged recovered
//! when the page is operational and every QuickBooks URL answers without a 5xx.

use std::sync::Arc;

use super::runner;
use crate::config::Config;
use crate::evidence::{CheckResult, Status};
use crate::text::sanitize::clean;

/// What one poll found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Poll {
    /// What is still down, in words ("QuickBooks sites: qbo… answered 502").
    pub down: Vec<String>,
    /// The same, by name only ("QuickBooks sites"), for the live line.
    pub names: Vec<String>,
    /// The first open incident's name and latest update.
    pub incident: Option<String>,
    /// That incident's latest update alone, for a live line too narrow for both.
    pub update: Option<String>,
}

impl Poll {
    pub fn recovered(&self) -> bool {
        self.down.is_empty()
    }
}

/// Judges one poll's results.
pub fn judge(results: &[CheckResult]) -> Poll {
    judge_with(results, false)
}

/// Like [`judge`]; with `slow_too` (the verdict was QuickBooks being slow) a QuickBooks reply
/// over `slow_ms` still counts as not answering normally.
pub fn judge_with(results: &[CheckResult], slow_too: bool) -> Poll {
    let mut down = Vec::new();
    let mut names: Vec<String> = Vec::new();
    for r in results {
        let bad = match r.id.as_str() {
            "status_page" => r.status != Status::Pass,
            "http" => {
                r.detail_u64("status_code").is_none_or(|c| c >= 500)
                    || (slow_too && r.facts().slow == Some(true))
            }
            _ => false,
        };
        if bad {
            let name = crate::evidence::catalog::label(&r.id);
            down.push(format!("{name}: {}", clean(&r.summary)));
            if !names.iter().any(|n| n == name) {
                names.push(name.to_string());
            }
        }
    }
    if !results.iter().any(|r| r.id == "http") {
        let name = crate::evidence::catalog::label(crate::evidence::ids::HTTP);
        down.push(format!("{name}: not checked"));
        names.push(format!("{name} (not checked)"));
    }
    let first = crate::evidence::incidents::listed(results)
        .into_iter()
        .find(|i| !i.maintenance);
    let update = first.as_ref().and_then(|i| i.update).map(clean);
    let incident = first.map(|i| {
        let name = clean(i.name.unwrap_or("incident"));
        match &update {
            Some(u) => format!("{name} — latest update: {u}"),
            None => name,
        }
    });
    Poll {
        down,
        names,
        incident,
        update,
    }
}

/// Runs the status page and QuickBooks checks once and judges them (`slow_too`: as
/// [`judge_with`]).
pub async fn poll(config: Arc<Config>, slow_too: bool) -> Poll {
    let specs = runner::select(&["status_page".to_string(), "http".to_string()]);
    let (results, _) = runner::run_to_end(config, specs).await;
    judge_with(&results, slow_too)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waiting_on_a_slow_quickbooks_counts_a_slow_reply_as_not_back() {
        let page = CheckResult::new("status_page", Status::Pass, "fine");
        let slow = CheckResult::new("http", Status::Warn, "answered 200 OK, slowly")
            .with("status_code", 200)
            .with("slow", true);
        let results = [page, slow];
        assert!(judge(&results).recovered(), "qbfix watch waits for 5xx only");
        let poll = judge_with(&results, true);
        assert!(!poll.recovered(), "{poll:?}");
        assert_eq!(poll.names, ["QuickBooks sites"]);
    }
}
