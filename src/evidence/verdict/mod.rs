//! The verdict: one conclusion from all check results, by the rows of DESIGN.md's table, one
//! function per row, first match wins ([`decide`]). A pure function of the results' typed
//! [`Facts`], so it is tested on synthetic ones and gives the same answer in the TUI, plain
//! mode, `check` and reports. Each row is a function of [`rows`]; a row finds a [`Finding`] (the verdict and the evidence its words
//! name); the words are [`super::verdict_words`]'s, and [`super::decide`] joins the two.

use serde::{Deserialize, Serialize};

use super::CheckResult;

mod rows;

/// The verdict ids of DESIGN.md, in the order they are tried.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VerdictId {
    Offline,
    CaptivePortal,
    ProxyFailing,
    QuickbooksBlocked,
    HttpsIntercepted,
    ServiceOutage,
    BankUnreachable,
    SlowConnection,
    LocalOk,
}

impl VerdictId {
    /// Every id, in the order the table tries them.
    pub const ALL: [VerdictId; 9] = [
        VerdictId::Offline,
        VerdictId::CaptivePortal,
        VerdictId::ProxyFailing,
        VerdictId::QuickbooksBlocked,
        VerdictId::HttpsIntercepted,
        VerdictId::ServiceOutage,
        VerdictId::BankUnreachable,
        VerdictId::SlowConnection,
        VerdictId::LocalOk,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            VerdictId::Offline => "offline",
            VerdictId::CaptivePortal => "captive_portal",
            VerdictId::ProxyFailing => "proxy_failing",
            VerdictId::QuickbooksBlocked => "quickbooks_blocked",
            VerdictId::HttpsIntercepted => "https_intercepted",
            VerdictId::ServiceOutage => "service_outage",
            VerdictId::BankUnreachable => "bank_unreachable",
            VerdictId::SlowConnection => "slow_connection",
            VerdictId::LocalOk => "local_ok",
        }
    }

    /// True when the problem is on Intuit's or the bank's side: local fixes will not help.
    pub fn is_outage(self) -> bool {
        matches!(self, VerdictId::ServiceOutage | VerdictId::BankUnreachable)
    }
}

/// The conclusion shown on screen and in every report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verdict {
    pub id: VerdictId,
    pub title: String,
    pub advice: String,
}

/// What a row of the table found: the verdict, and the evidence its words name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    /// What failed, in the checks' words.
    Offline {
        failures: String,
    },
    /// " (it sent this computer to HOST)" or ": what the checks saw".
    CaptivePortal {
        seen: String,
    },
    ProxyFailing {
        proxy: String,
        said: String,
    },
    QuickbooksBlocked {
        evidence: String,
    },
    HttpsIntercepted {
        evidence: String,
    },
    ServiceOutage {
        evidence: String,
    },
    BankUnreachable {
        evidence: String,
    },
    SlowConnection {
        evidence: String,
    },
    /// Nothing wrong, but neither the control sites nor QuickBooks were tested.
    NothingTested,
    LocalOk,
}

impl Finding {
    pub fn id(&self) -> VerdictId {
        match self {
            Finding::Offline { .. } => VerdictId::Offline,
            Finding::CaptivePortal { .. } => VerdictId::CaptivePortal,
            Finding::ProxyFailing { .. } => VerdictId::ProxyFailing,
            Finding::QuickbooksBlocked { .. } => VerdictId::QuickbooksBlocked,
            Finding::HttpsIntercepted { .. } => VerdictId::HttpsIntercepted,
            Finding::ServiceOutage { .. } => VerdictId::ServiceOutage,
            Finding::BankUnreachable { .. } => VerdictId::BankUnreachable,
            Finding::SlowConnection { .. } => VerdictId::SlowConnection,
            Finding::NothingTested | Finding::LocalOk => VerdictId::LocalOk,
        }
    }
}

/// A row of the table: its finding when it matches.
type Row = fn(&rows::Evidence) -> Option<Finding>;

/// The rows of DESIGN.md's verdict table, in the order they are tried.
const ROWS: [Row; 9] = [
    rows::offline,
    rows::captive_portal,
    rows::proxy_failing,
    rows::quickbooks_blocked,
    rows::https_intercepted,
    rows::service_outage,
    rows::bank_unreachable,
    rows::slow_connection,
    rows::nothing_tested,
];

/// The finding of the first row that matches.
pub fn find(results: &[CheckResult]) -> Finding {
    let ev = rows::Evidence::new(results);
    ROWS.iter().find_map(|row| row(&ev)).unwrap_or(Finding::LocalOk)
}

#[cfg(test)]
mod tests;
