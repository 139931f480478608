//! The verdict: one conclusion from all check results, by the rows of DESIGN.md's table, one
//! function per row, first match wins ([`decide`]). A pure function of the results' typed
//! [`Facts`], so it is tested on synthetic ones and gives the same answer in the TUI, plain
//! mode, `check` and reports. Each row is a function of [`rows`]; a row finds a [`Finding`] (the verdict and the evidence its words
//! name); the words are [`super::verdict_words`]'s, and [`super::decide`] joins the two.

use serde::{Deserialize, Serialize};

use super::CheckResult;

mod rows;

pub use rows::NETWORK_CHECKS;

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
    /// What it did, in plain words after "the proxy": "answered 503 Service Unavailable",
    /// "closed the connection without answering". Never a host of the targets.
    pub said: String,
    /// Its own error code ("ERR_CONNECT_FAIL"), verbatim.
    pub code: Option<String>,
}

/// How the QuickBooks hosts fail when something blocks them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Blocked {
    /// Their names cannot be looked up.
    Names,
    /// Connections to them are refused, time out or find no route.
    Connect,
    /// Connections are cut off after connecting, with no answer.
    CutOff,
    /// The secure handshake is cut before a certificate arrives.
    HandshakeCut,
}

/// How the network fails when nothing answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoAnswer {
    /// No name can be looked up.
    Names,
    /// Connections get no answer in time.
    Timeout,
    /// Connections are refused or find no route.
    NoRoute,
    /// Failures of several kinds, or none known.
    Nothing,
}

/// How slow QuickBooks was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slowness {
    /// The slowest reply took this long, in milliseconds.
    Took(u64),
    /// A reply stopped arriving before it was complete.
    Stalled,
    /// Judged slow; the time is not known.
    Unknown,
}

/// What shows the outage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OutageSeen {
    /// The status page names an incident or maintenance.
    Incident(String),
    /// The status page shows a part of QuickBooks not operational.
    StatusPage,
    /// QuickBooks answered 502/503/504: the code, and how many of how many requests did.
    Gateway { code: u16, failed: usize, of: usize },
}

/// What a row of the table found: the verdict, and the evidence its words name. Evidence is
/// typed and short, never the checks' own text: per-host detail belongs to the check list
/// (DESIGN: no list of hosts in the advice).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    Offline {
        how: NoAnswer,
    },
    /// `host`: the sign-in page's host, when the network redirected to one.
    CaptivePortal {
        host: Option<String>,
    },
    ProxyFailing {
        said: ProxySaid,
    },
    /// `by_proxy`: the proxy that refused QuickBooks or could not reach it, and what it said.
    QuickbooksBlocked {
        how: Blocked,
        by_proxy: Option<ProxySaid>,
    },
    /// How far off the clock is ("3 hours ahead"), when known.
    ClockWrong {
        off: Option<String>,
    },
    /// `product`: the security product the certificate's issuer names, when known.
    HttpsIntercepted {
        product: Option<String>,
    },
    ServiceOutage {
        seen: OutageSeen,
    },
    /// The bank's answer code when it answered 5xx; `None`: it did not answer.
    BankUnreachable {
        status: Option<u16>,
    },
    QuickbooksSlow {
        how: Slowness,
    },
    SlowConnection {
        how: Slowness,
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
