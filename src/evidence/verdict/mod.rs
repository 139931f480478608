//! The verdict: one conclusion from all check results, by the rows of DESIGN.md's table, one
//! function per row, first match wins ([`decide`]). A pure function of the results' typed
//! [`Facts`], so it is tested on synthetic ones and gives the same answer in the TUI, plain
//! mode, `check` and reports. Each row is a function of [`rows`]; a row finds a [`Finding`] (the verdict and the evidence its words
//! name); the words are [`super::verdict_words`]'s, and [`super::decide`] joins the two.

use serde::{Deserialize, Serialize};

use super::CheckResult;

mod rows;

/// The verdict ids of DESIGN.md, in the order they are tried.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VerdictId {
    Offline,
    CaptivePortal,
    ProxyFailing,
    QuickbooksBlocked,
    ClockWrong,
    HttpsIntercepted,
    ServiceOutage,
    BankUnreachable,
    QuickbooksSlow,
    SlowConnection,
    Unexplained,
    LocalOk,
}

impl VerdictId {
    /// Every id, in the order the table tries them.
    pub const ALL: [VerdictId; 12] = [
        VerdictId::Offline,
        VerdictId::CaptivePortal,
        VerdictId::ProxyFailing,
        VerdictId::QuickbooksBlocked,
        VerdictId::ClockWrong,
        VerdictId::HttpsIntercepted,
        VerdictId::ServiceOutage,
        VerdictId::BankUnreachable,
        VerdictId::QuickbooksSlow,
        VerdictId::SlowConnection,
        VerdictId::Unexplained,
        VerdictId::LocalOk,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            VerdictId::Offline => "offline",
            VerdictId::CaptivePortal => "captive_portal",
            VerdictId::ProxyFailing => "proxy_failing",
            VerdictId::QuickbooksBlocked => "quickbooks_blocked",
            VerdictId::ClockWrong => "clock_wrong",
            VerdictId::HttpsIntercepted => "https_intercepted",
            VerdictId::ServiceOutage => "service_outage",
            VerdictId::BankUnreachable => "bank_unreachable",
            VerdictId::QuickbooksSlow => "quickbooks_slow",
            VerdictId::SlowConnection => "slow_connection",
            VerdictId::Unexplained => "unexplained",
            VerdictId::LocalOk => "local_ok",
        }
    }

    /// True when the problem is on Intuit's or the bank's side: local fixes will not help.
    pub fn is_outage(self) -> bool {
        matches!(
            self,
            VerdictId::ServiceOutage | VerdictId::BankUnreachable | VerdictId::QuickbooksSlow
        )
    }
}

/// The conclusion shown on screen and in every report: the cause in plain words, one or two
/// sentences of advice, and 1–4 short things to do now, in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verdict {
    pub id: VerdictId,
    pub title: String,
    pub advice: String,
    /// Older sessions and reports have none.
    #[serde(default)]
    pub actions: Vec<String>,
}

/// What the proxy in the path said about QuickBooks, for words that name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProxySaid {
    /// The proxy's address (`host:port`).
    pub proxy: String,
    /// Its software, when its marks named it ("squid").
    pub product: Option<String>,
    /// What it said, in its words ("answered 503 (ERR_CONNECT_FAIL)").
    pub said: String,
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
    /// `by_proxy`: the proxy that refused QuickBooks or could not reach it, and what it said.
    QuickbooksBlocked {
        evidence: String,
        by_proxy: Option<ProxySaid>,
    },
    ClockWrong {
        evidence: String,
    },
    /// `product`: the security product the certificate's issuer names, when known.
    HttpsIntercepted {
        evidence: String,
        product: Option<String>,
    },
    ServiceOutage {
        evidence: String,
    },
    BankUnreachable {
        evidence: String,
    },
    QuickbooksSlow {
        evidence: String,
    },
    SlowConnection {
        evidence: String,
    },
    /// The failing checks, by their friendly names.
    Unexplained {
        failing: Vec<String>,
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
            Finding::ClockWrong { .. } => VerdictId::ClockWrong,
            Finding::HttpsIntercepted { .. } => VerdictId::HttpsIntercepted,
            Finding::ServiceOutage { .. } => VerdictId::ServiceOutage,
            Finding::BankUnreachable { .. } => VerdictId::BankUnreachable,
            Finding::QuickbooksSlow { .. } => VerdictId::QuickbooksSlow,
            Finding::SlowConnection { .. } => VerdictId::SlowConnection,
            Finding::Unexplained { .. } => VerdictId::Unexplained,
            Finding::NothingTested | Finding::LocalOk => VerdictId::LocalOk,
        }
    }
}

/// A row of the table: its finding when it matches.
type Row = fn(&rows::Evidence) -> Option<Finding>;

/// The rows of DESIGN.md's verdict table, in the order they are tried.
const ROWS: [Row; 12] = [
    rows::offline,
    rows::captive_portal,
    rows::proxy_failing,
    rows::quickbooks_blocked,
    rows::clock_wrong,
    rows::https_intercepted,
    rows::service_outage,
    rows::bank_unreachable,
    rows::quickbooks_slow,
    rows::slow_connection,
    rows::unexplained,
    rows::nothing_tested,
];

/// The finding of the first row that matches.
pub fn find(results: &[CheckResult]) -> Finding {
    let ev = rows::Evidence::new(results);
    ROWS.iter().find_map(|row| row(&ev)).unwrap_or(Finding::LocalOk)
}

#[cfg(test)]
mod tests;
