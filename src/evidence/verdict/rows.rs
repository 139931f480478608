//! The rows of the verdict table, one function each, in DESIGN.md's order, over the results
//! with their facts read once ([`Evidence`]); each returns its [`Finding`] when it matches.

use super::Finding;
use crate::evidence::facts::{Answerer, ErrorKind, Facts};
use crate::evidence::ids::{BANK, CONNECTIVITY, DNS, HTTP, STATUS_PAGE, TCP, TLS};
use crate::evidence::{CheckResult, Status};

/// A result with its facts read once.
struct Item<'a> {
    r: &'a CheckResult,
    f: Facts,
}

/// Every result, with what several rows ask of them worked out once.
pub(super) struct Evidence<'a> {
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
    pub(super) fn new(results: &'a [CheckResult]) -> Evidence<'a> {
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

/// No control URL and no QuickBooks URL answers, and no proxy is in the path.
pub(super) fn offline(ev: &Evidence) -> Option<Finding> {
    let tried = ev.control_tried || ev.qb_tried;
    (tried && !ev.control_answered && !ev.qb_ok && ev.proxy.is_none()).then(|| Finding::Offline {
        failures: evidence(ev.of(CONNECTIVITY).chain(ev.of(HTTP))),
    })
}

/// A sign-in page answers for the control sites, and QuickBooks is not reached cleanly.
pub(super) fn captive_portal(ev: &Evidence) -> Option<Finding> {
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
pub(super) fn proxy_failing(ev: &Evidence) -> Option<Finding> {
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
pub(super) fn quickbooks_blocked(ev: &Evidence) -> Option<Finding> {
    let blocked: Vec<&Item> = ev
        .of_any(&[DNS, TCP, HTTP])
        .filter(|i| i.f.error_kind.is_some_and(ErrorKind::is_network) || proxy_blocked(&i.f))
        .collect();
    (ev.control_ok && !blocked.is_empty()).then(|| Finding::QuickbooksBlocked {
        evidence: evidence(blocked.into_iter()),
    })
}

/// A QuickBooks certificate from outside the expected issuers, or refused on trust.
pub(super) fn https_intercepted(ev: &Evidence) -> Option<Finding> {
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
pub(super) fn service_outage(ev: &Evidence) -> Option<Finding> {
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
pub(super) fn bank_unreachable(ev: &Evidence) -> Option<Finding> {
    let down: Vec<&Item> = ev
        .of(BANK)
        .filter(|i| matches!(i.r.status, Status::Fail | Status::Error))
        .collect();
    (ev.qb_ok && !down.is_empty()).then(|| Finding::BankUnreachable {
        evidence: evidence(down.into_iter()),
    })
}

/// Everything answers, slowly. A body that stops arriving took longer than any `slow_ms`.
pub(super) fn slow_connection(ev: &Evidence) -> Option<Finding> {
    let slow: Vec<&Item> = ev
        .of(HTTP)
        .filter(|i| i.f.slow == Some(true) || i.f.error_kind == Some(ErrorKind::BodyStalled))
        .collect();
    (!slow.is_empty()).then(|| Finding::SlowConnection {
        evidence: evidence(slow.into_iter()),
    })
}

/// Neither the control sites nor QuickBooks were tested: `local_ok`, saying so.
pub(super) fn nothing_tested(ev: &Evidence) -> Option<Finding> {
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
