//! The rows of the verdict table, one function each, in DESIGN.md's order, over the results
//! with their facts read once ([`Evidence`]); each returns its [`Finding`] when it matches.

use super::{Blocked, Finding, OutageSeen};
use read::{how_far, incident, no_answer, proxy_said, slowness};

mod read;
use crate::evidence::catalog;
use crate::evidence::facts::{Answerer, ErrorKind, Facts};
use crate::evidence::ids::{BANK, CLOCK, CONNECTIVITY, DNS, HTTP, STATUS_PAGE, TCP, TLS};
use crate::evidence::{CheckResult, Status};

/// The checks that measure the network path: a failure or error of any of them rules out
/// `local_ok` (DESIGN: "the verdict never contradicts the evidence").
pub const NETWORK_CHECKS: [&str; 7] = [CONNECTIVITY, DNS, TCP, TLS, HTTP, STATUS_PAGE, BANK];

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
    /// QuickBooks answered over https on a trusted connection, as itself.
    qb_clean_https: bool,
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
            qb_clean_https: false,
        };
        let control_tried = ev.tried(CONNECTIVITY);
        let qb_tried = ev.tried(HTTP);
        let control_answered = ev.of(CONNECTIVITY).any(|i| i.f.site_answered());
        let control_ok = ev
            .of(CONNECTIVITY)
            .any(|i| i.f.site_answered() && i.f.captive_portal != Some(true));
        let qb_ok = ev.of(HTTP).any(|i| i.f.site_answered());
        let proxy = ev.items.iter().find_map(|i| i.f.proxy.clone());
        let tls_doubted = ev
            .of(TLS)
            .any(|i| i.f.intercepted == Some(true) || i.f.error_kind.is_some());
        let qb_clean_https = !tls_doubted
            && ev.of(HTTP).any(|i| {
                i.f.site_answered()
                    && i.f.captive_portal != Some(true)
                    && i.f.target.as_deref().is_some_and(|t| t.starts_with("https://"))
            });
        Evidence {
            control_tried,
            qb_tried,
            control_answered,
            control_ok,
            qb_ok,
            proxy,
            qb_clean_https,
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
        how: no_answer(
            ev.of_any(&[CONNECTIVITY, HTTP, DNS, TCP])
                .filter_map(|i| i.f.error_kind),
        ),
    })
}

/// A sign-in page answers for the control sites, and QuickBooks is not reached over a trusted
/// HTTPS connection (over plain http, a page that may be the sign-in page proves nothing).
pub(super) fn captive_portal(ev: &Evidence) -> Option<Finding> {
    let portal: Vec<&Item> = ev
        .of(CONNECTIVITY)
        .filter(|i| i.f.captive_portal == Some(true))
        .collect();
    if portal.is_empty() || ev.qb_clean_https {
        return None;
    }
    let host = portal
        .iter()
        .copied()
        .chain(ev.of(HTTP))
        .find_map(|i| i.f.redirected_to.clone());
    Some(Finding::CaptivePortal { host })
}

/// The proxy in the path fails as a whole: it cannot be reached, drops connections without
/// answering, asks for a password, or answers errors of its own for the control sites as well
/// as for QuickBooks.
pub(super) fn proxy_failing(ev: &Evidence) -> Option<Finding> {
    let proxy = ev.proxy.clone()?;
    let whole: Vec<&Item> = ev
        .of_any(&[HTTP, TLS, TCP, CONNECTIVITY])
        .filter(|i| proxy_down(&i.f))
        .collect();
    let control_refused = ev.of(CONNECTIVITY).any(|i| proxy_own_error(&i.f));
    let failed: Vec<&Item> = if whole.is_empty() && control_refused && !ev.control_ok {
        ev.of_any(&[HTTP, TLS, TCP, CONNECTIVITY])
            .filter(|i| proxy_own_error(&i.f))
            .collect()
    } else {
        whole
    };
    (!failed.is_empty()).then(|| Finding::ProxyFailing {
        said: proxy_said(proxy, &failed),
    })
}

/// Control URLs answer, but QuickBooks hosts fail on the network, are cut off after connecting,
/// have their handshake cut before a certificate, or the proxy answers for them with an error
/// of its own (refused, or could not reach them).
pub(super) fn quickbooks_blocked(ev: &Evidence) -> Option<Finding> {
    if !ev.control_ok {
        return None;
    }
    let blocked: Vec<&Item> = ev
        .of_any(&[DNS, TCP, TLS, HTTP])
        .filter(|i| i.f.error_kind.is_some_and(|k| k.is_network() || k.is_cut_off()) || proxy_own_error(&i.f))
        .collect();
    let by_proxy = blocked
        .iter()
        .find(|i| proxy_own_error(&i.f))
        .and_then(|i| Some(proxy_said(i.f.proxy.clone().or_else(|| ev.proxy.clone())?, &[i])));
    let how = match blocked.iter().find_map(|i| i.f.error_kind) {
        Some(ErrorKind::Dns) => Blocked::Names,
        Some(ErrorKind::TlsCut) => Blocked::HandshakeCut,
        Some(k) if k.is_cut_off() => Blocked::CutOff,
        _ => Blocked::Connect,
    };
    (!blocked.is_empty()).then_some(Finding::QuickbooksBlocked { how, by_proxy })
}

/// This computer's clock is off by more than the clock check allows (it fails past 5
/// minutes): certificates and sign-ins fail on a wrong clock.
pub(super) fn clock_wrong(ev: &Evidence) -> Option<Finding> {
    let wrong = ev.of(CLOCK).find(|i| i.r.status == Status::Fail)?;
    let offset = wrong.r.details.get("offset_seconds").and_then(|v| v.as_i64());
    Some(Finding::ClockWrong {
        off: offset.filter(|o| *o != 0).map(how_far),
    })
}

/// A certificate was presented for a QuickBooks host and refused on trust, or accepted with an
/// issuer outside the expected ones. No certificate, no interception.
pub(super) fn https_intercepted(ev: &Evidence) -> Option<Finding> {
    let intercepted: Vec<&Item> = ev
        .of(TLS)
        .filter(|i| i.f.intercepted == Some(true) && i.f.cert_seen == Some(true))
        .collect();
    let product = intercepted.iter().find_map(|i| i.f.product.clone());
    (!intercepted.is_empty()).then_some(Finding::HttpsIntercepted { product })
}

/// The status page shows trouble, or a QuickBooks URL answers 502/503/504.
pub(super) fn service_outage(ev: &Evidence) -> Option<Finding> {
    let page = ev.of(STATUS_PAGE).find(|i| i.f.outage == Some(true));
    let seen = if let Some(page) = page {
        match incident(page.r) {
            Some(name) => OutageSeen::Incident(name),
            None => OutageSeen::StatusPage,
        }
    } else {
        let failing = ev.of(HTTP).find(|i| gateway_failure(&i.f))?;
        let statuses = failing.f.all_statuses();
        let gateway: Vec<u16> = statuses
            .iter()
            .copied()
            .filter(|c| matches!(c, 502..=504))
            .collect();
        OutageSeen::Gateway {
            code: gateway.first().copied().unwrap_or(502),
            failed: gateway.len(),
            of: statuses.len(),
        }
    };
    Some(Finding::ServiceOutage { seen })
}

/// A configured bank URL fails while QuickBooks answers.
pub(super) fn bank_unreachable(ev: &Evidence) -> Option<Finding> {
    let down: Vec<&Item> = ev
        .of(BANK)
        .filter(|i| matches!(i.r.status, Status::Fail | Status::Error))
        .collect();
    let status = down.iter().find_map(|i| i.f.status_code.filter(|c| *c >= 500));
    (ev.qb_ok && !down.is_empty()).then_some(Finding::BankUnreachable { status })
}

/// QuickBooks answers slowly while the control sites answer in under a fifth of `slow_ms`:
/// QuickBooks' side (or the way to it) is slow, not this connection.
pub(super) fn quickbooks_slow(ev: &Evidence) -> Option<Finding> {
    let slow = slow_items(ev);
    // Without the threshold the results were judged by, "under a fifth" cannot be said.
    let slow_ms = ev.items.iter().find_map(|i| i.f.slow_ms)?;
    let control: Vec<&Item> = ev
        .of(CONNECTIVITY)
        .filter(|i| i.r.status != Status::Skip)
        .collect();
    let control_fast = !control.is_empty()
        && control.iter().all(|i| {
            i.f.site_answered()
                && i.f.captive_portal != Some(true)
                && answer_ms(&i.f).is_some_and(|ms| ms.saturating_mul(5) < slow_ms)
        });
    (!slow.is_empty() && control_fast).then(|| Finding::QuickbooksSlow { how: slowness(&slow) })
}

/// Everything answers, slowly. A body that stops arriving took longer than any `slow_ms`.
pub(super) fn slow_connection(ev: &Evidence) -> Option<Finding> {
    let slow = slow_items(ev);
    (!slow.is_empty()).then(|| Finding::SlowConnection { how: slowness(&slow) })
}

/// A network check failed or errored and no row above explains it.
pub(super) fn unexplained(ev: &Evidence) -> Option<Finding> {
    let mut failing: Vec<String> = Vec::new();
    for i in ev.of_any(&NETWORK_CHECKS) {
        if matches!(i.r.status, Status::Fail | Status::Error) {
            let name = catalog::label(&i.r.id).to_string();
            if !failing.contains(&name) {
                failing.push(name);
            }
        }
    }
    (!failing.is_empty()).then_some(Finding::Unexplained { failing })
}

/// Neither the control sites nor QuickBooks were tested: `local_ok`, saying so.
pub(super) fn nothing_tested(ev: &Evidence) -> Option<Finding> {
    (!ev.control_tried && !ev.qb_tried).then_some(Finding::NothingTested)
}

/// The proxy itself is down for this request: unreachable, closed or reset without answering,
/// or asking for a password.
fn proxy_down(f: &Facts) -> bool {
    f.error_kind == Some(ErrorKind::Proxy) && matches!(f.proxy_status, None | Some(407))
}

/// The proxy answered this request with an error of its own (not a password request): a refusal
/// or "could not reach it".
fn proxy_own_error(f: &Facts) -> bool {
    let own = f.error_kind == Some(ErrorKind::Proxy) || f.answered_by == Some(Answerer::Proxy);
    own && f.proxy_status.is_some_and(|s| s >= 400 && s != 407)
}

/// QuickBooks replies over `slow_ms` (or whose body stopped arriving).
fn slow_items<'e, 'a>(ev: &'e Evidence<'a>) -> Vec<&'e Item<'a>> {
    ev.of(HTTP)
        .filter(|i| i.f.slow == Some(true) || i.f.error_kind == Some(ErrorKind::BodyStalled))
        .collect()
}

/// How long a control site took to answer: its first byte, else the whole exchange.
fn answer_ms(f: &Facts) -> Option<u64> {
    f.ttfb_ms.or(f.total_ms)
}

fn gateway_failure(f: &Facts) -> bool {
    f.answered_by != Some(Answerer::Proxy) && f.all_statuses().iter().any(|c| matches!(c, 502..=504))
}
