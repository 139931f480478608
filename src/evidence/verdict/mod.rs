//! The verdict: one conclusion from all check results, by the rows of DESIGN.md's table, one
//! function per row, first match wins ([`decide`]). A pure function of the results' typed
//! [`Facts`], so it is tested on synthetic ones and gives the same answer in the TUI, plain
//! mode, `check` and reports. A row finds a [`Finding`] (the verdict and the evidence its words
//! name); the words are [`super::verdict_words`]'s, and [`super::decide`] joins the two.

use serde::{Deserialize, Serialize};

use super::facts::{Answerer, ErrorKind, Facts};
use super::ids::{BANK, CONNECTIVITY, DNS, HTTP, STATUS_PAGE, TCP, TLS};
use super::{CheckResult, Status};

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

/// A result with its facts read once.
struct Item<'a> {
    r: &'a CheckResult,
    f: Facts,
}

/// Every result, with what several rows ask of them worked out once.
struct Evidence<'a> {
    items: Vec<Item<'a>>,
    control_tried: bool,
    qb_tried: bool,
    /// A control site answered (a sign-in page counts: the network is up).
    control_answered: bool,
    /// A control site answered as itself.
    control_ok: bool,
    /// A QuickBooks URL answered.
    qb_ok: bool,
    /// The proxy on the browser's path, if any.
    proxy: Option<String>,
}

impl<'a> Evidence<'a> {
    fn new(results: &'a [CheckResult]) -> Evidence<'a> {
        let ev = Evidence {
            items: results.iter().map(|r| Item { r, f: r.facts() }).collect(),
            control_tried: false,
            qb_tried: false,
            control_answered: false,
            control_ok: false,
            qb_ok: false,
            proxy: None,
        };
        let control_tried = ev.tried(CONNECTIVITY);
        let qb_tried = ev.tried(HTTP);
        let control_answered = ev.of(CONNECTIVITY).any(|i| i.f.site_answered());
        let control_ok = ev
            .of(CONNECTIVITY)
            .any(|i| i.f.site_answered() && i.f.captive_portal != Some(true));
        let qb_ok = ev.of(HTTP).any(|i| i.f.site_answered());
        let proxy = ev.items.iter().find_map(|i| i.f.proxy.clone());
        Evidence {
            control_tried,
            qb_tried,
            control_answered,
            control_ok,
            qb_ok,
            proxy,
            ..ev
        }
    }

    fn of(&self, id: &'a str) -> impl Iterator<Item = &Item<'a>> + '_ {
        self.items.iter().filter(move |i| i.r.id == id)
    }

    fn of_any(&self, ids: &'a [&'a str]) -> impl Iterator<Item = &Item<'a>> + '_ {
        self.items.iter().filter(move |i| ids.contains(&i.r.id.as_str()))
    }

    fn tried(&self, id: &'a str) -> bool {
        self.of(id).any(|i| i.r.status != Status::Skip)
    }
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
type Row = fn(&Evidence) -> Option<Finding>;

/// The rows of DESIGN.md's verdict table, in the order they are tried.
const ROWS: [Row; 9] = [
    offline,
    captive_portal,
    proxy_failing,
    quickbooks_blocked,
    https_intercepted,
    service_outage,
    bank_unreachable,
    slow_connection,
    nothing_tested,
];

/// The finding of the first row that matches.
pub fn find(results: &[CheckResult]) -> Finding {
    let ev = Evidence::new(results);
    ROWS.iter().find_map(|row| row(&ev)).unwrap_or(Finding::LocalOk)
}

/// No control URL and no QuickBooks URL answers, and no proxy is in the path.
fn offline(ev: &Evidence) -> Option<Finding> {
    let tried = ev.control_tried || ev.qb_tried;
    (tried && !ev.control_answered && !ev.qb_ok && ev.proxy.is_none()).then(|| Finding::Offline {
        failures: evidence(ev.of(CONNECTIVITY).chain(ev.of(HTTP))),
    })
}

/// A sign-in page answers for the control sites, and QuickBooks is not reached cleanly.
fn captive_portal(ev: &Evidence) -> Option<Finding> {
    let portal: Vec<&Item> = ev
        .of(CONNECTIVITY)
        .filter(|i| i.f.captive_portal == Some(true))
        .collect();
    let portal_hosts: Vec<&String> = portal.iter().filter_map(|i| i.f.redirected_to.as_ref()).collect();
    let qb_troubled = ev.of(HTTP).any(|i| {
        i.r.status == Status::Fail
            || i.f.captive_portal == Some(true)
            || i.f.error_kind.is_some()
            || i.f
                .redirected_to
                .as_ref()
                .is_some_and(|h| portal_hosts.contains(&h))
    }) || ev
        .of(TLS)
        .any(|i| i.f.intercepted == Some(true) || i.f.error_kind.is_some())
        || !ev.qb_tried;
    if portal.is_empty() || !qb_troubled {
        return None;
    }
    let host = portal
        .iter()
        .chain(ev.of(HTTP).collect::<Vec<_>>().iter())
        .find_map(|i| i.f.redirected_to.clone());
    // The sign-in host, when known, says it all; else what the checks saw, once.
    let seen = match &host {
        Some(h) => format!(" (it sent this computer to {h})"),
        None => format!(": {}", evidence(portal.into_iter().take(1))),
    };
    Some(Finding::CaptivePortal { seen })
}

/// The proxy in the path failed by itself.
fn proxy_failing(ev: &Evidence) -> Option<Finding> {
    let proxy = ev.proxy.clone()?;
    let failed: Vec<&Item> = ev
        .of_any(&[HTTP, TLS, TCP])
        .filter(|i| proxy_failed(&i.f))
        .collect();
    (!failed.is_empty()).then(|| Finding::ProxyFailing {
        proxy,
        said: proxy_said(&failed),
    })
}

/// Control URLs answer, QuickBooks hosts fail on the network or the proxy refuses them.
fn quickbooks_blocked(ev: &Evidence) -> Option<Finding> {
    let blocked: Vec<&Item> = ev
        .of_any(&[DNS, TCP, HTTP])
        .filter(|i| i.f.error_kind.is_some_and(ErrorKind::is_network) || proxy_blocked(&i.f))
        .collect();
    (ev.control_ok && !blocked.is_empty()).then(|| Finding::QuickbooksBlocked {
        evidence: evidence(blocked.into_iter()),
    })
}

/// A QuickBooks certificate from outside the expected issuers, or refused on trust.
fn https_intercepted(ev: &Evidence) -> Option<Finding> {
    let intercepted: Vec<&Item> = ev
        .of(TLS)
        .filter(|i| i.f.intercepted == Some(true))
        .chain(ev.of(HTTP).filter(|i| i.f.error_kind == Some(ErrorKind::Tls)))
        .collect();
    (!intercepted.is_empty()).then(|| Finding::HttpsIntercepted {
        evidence: evidence(intercepted.into_iter()),
    })
}

/// The status page shows trouble, or a QuickBooks URL answers 502/503/504.
fn service_outage(ev: &Evidence) -> Option<Finding> {
    let outage: Vec<&Item> = ev
        .of(STATUS_PAGE)
        .filter(|i| i.f.outage == Some(true))
        .chain(ev.of(HTTP).filter(|i| gateway_failure(&i.f)))
        .collect();
    (!outage.is_empty()).then(|| Finding::ServiceOutage {
        evidence: evidence(outage.into_iter()),
    })
}

/// A configured bank URL fails while QuickBooks answers.
fn bank_unreachable(ev: &Evidence) -> Option<Finding> {
    let down: Vec<&Item> = ev
        .of(BANK)
        .filter(|i| matches!(i.r.status, Status::Fail | Status::Error))
        .collect();
    (ev.qb_ok && !down.is_empty()).then(|| Finding::BankUnreachable {
        evidence: evidence(down.into_iter()),
    })
}

/// Everything answers, slowly. A body that stops arriving took longer than any `slow_ms`.
fn slow_connection(ev: &Evidence) -> Option<Finding> {
    let slow: Vec<&Item> = ev
        .of(HTTP)
        .filter(|i| i.f.slow == Some(true) || i.f.error_kind == Some(ErrorKind::BodyStalled))
        .collect();
    (!slow.is_empty()).then(|| Finding::SlowConnection {
        evidence: evidence(slow.into_iter()),
    })
}

/// Neither the control sites nor QuickBooks were tested: `local_ok`, saying so.
fn nothing_tested(ev: &Evidence) -> Option<Finding> {
    (!ev.control_tried && !ev.qb_tried).then_some(Finding::NothingTested)
}

/// "a; b; c" of the first few different summaries, for advice that names what was measured.
fn evidence<'a>(items: impl Iterator<Item = &'a Item<'a>>) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for summary in items.map(|i| i.r.summary.as_str()) {
        // Two targets failing alike say it once.
        if !parts.contains(&summary) {
            parts.push(summary);
        }
    }
    parts.truncate(3);
    parts.join("; ")
}

/// A proxy failure that is the proxy's own fault, not a policy that blocks QuickBooks (a 403
/// to `CONNECT` is the network's rule: that is "blocked").
fn proxy_failed(f: &Facts) -> bool {
    f.error_kind == Some(ErrorKind::Proxy) && !matches!(f.proxy_status, Some(403 | 451))
}

/// What the proxy said, once: the first failure's own words without the proxy's address
/// (the advice names it already), and how many QuickBooks requests it failed.
fn proxy_said(items: &[&Item]) -> String {
    let first = items.iter().find_map(|i| i.f.proxy_error.clone());
    let said = match (first, items.first()) {
        (Some(words), _) => match words.split_once(" answered ") {
            Some((_, rest)) => format!("it answered {rest}"),
            None => words,
        },
        (None, Some(i)) => i.r.summary.clone(),
        (None, None) => "it gave no answer".to_string(),
    };
    if items.len() > 1 {
        match items.len() - 1 {
            1 => format!("{said} (and failed 1 more request like it)"),
            n => format!("{said} (and failed {n} more requests like it)"),
        }
    } else {
        said
    }
}

fn proxy_blocked(f: &Facts) -> bool {
    f.error_kind == Some(ErrorKind::Proxy) && matches!(f.proxy_status, Some(403 | 451))
}

fn gateway_failure(f: &Facts) -> bool {
    f.answered_by != Some(Answerer::Proxy) && f.all_statuses().iter().any(|c| matches!(c, 502..=504))
}

#[cfg(test)]
mod tests;
