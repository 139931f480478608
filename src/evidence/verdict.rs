//! The verdict: one plain-language conclusion from all check results, by the rows of
//! DESIGN.md, first match wins. A pure function of the results' typed [`Facts`], so it is
//! tested on synthetic ones and gives the same answer in the TUI, plain mode, `check` and
//! reports.

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

struct Evidence<'a> {
    items: Vec<Item<'a>>,
}

impl<'a> Evidence<'a> {
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

/// Decides the verdict from all results.
pub fn decide(results: &[CheckResult]) -> Verdict {
    let ev = Evidence {
        items: results.iter().map(|r| Item { r, f: r.facts() }).collect(),
    };
    let control_tried = ev.tried(CONNECTIVITY);
    let qb_tried = ev.tried(HTTP);
    // A sign-in page answering counts as an answer (the network is up), not as the site.
    let control_answered = ev.of(CONNECTIVITY).any(|i| i.f.site_answered());
    let control_ok = ev
        .of(CONNECTIVITY)
        .any(|i| i.f.site_answered() && i.f.captive_portal != Some(true));
    let qb_ok = ev.of(HTTP).any(|i| i.f.site_answered());
    let proxy_in_path = ev.items.iter().find_map(|i| i.f.proxy.clone());

    if (control_tried || qb_tried) && !control_answered && !qb_ok && proxy_in_path.is_none() {
        let failures = evidence(ev.of(CONNECTIVITY).chain(ev.of(HTTP)));
        return Verdict {
            id: VerdictId::Offline,
            title: "This computer is not reaching the internet".into(),
            advice: format!(
                "Neither neutral test sites nor QuickBooks answered ({failures}). Check the cable or \
                 Wi-Fi, restart your router (unplug it for 30 seconds), try another network such as \
                 a phone hotspot, and call your internet provider if nothing works. QuickBooks cannot \
                 load until this is fixed."
            ),
        };
    }

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
        || !qb_tried;
    if !portal.is_empty() && qb_troubled {
        let host = portal
            .iter()
            .chain(ev.of(HTTP).collect::<Vec<_>>().iter())
            .find_map(|i| i.f.redirected_to.clone());
        // The sign-in host, when known, says it all; else what the checks saw, once.
        let seen = match &host {
            Some(h) => format!(" (it sent this computer to {h})"),
            None => format!(": {}", evidence(portal.into_iter().take(1))),
        };
        return Verdict {
            id: VerdictId::CaptivePortal,
            title: "A Wi-Fi sign-in page is in the way".into(),
            advice: format!(
                "This network shows a sign-in page before it lets traffic through{seen}. Open a \
                 browser, go to any ordinary website such as example.com, and accept the terms or \
                 sign in on the page that appears (hotels, cafés and guest networks do this). Then \
                 run the checks again. QuickBooks cannot load until then."
            ),
        };
    }

    let proxy_fail: Vec<&Item> = ev
        .of_any(&[HTTP, TLS, TCP])
        .filter(|i| proxy_failed(&i.f))
        .collect();
    if let (Some(proxy), false) = (&proxy_in_path, proxy_fail.is_empty()) {
        return Verdict {
            id: VerdictId::ProxyFailing,
            title: "The proxy this computer uses is failing, not QuickBooks".into(),
            advice: format!(
                "Traffic to QuickBooks goes through the proxy {proxy}, and the proxy itself failed: \
                 {}. Give that address and this message to whoever runs your network or IT; they \
                 can fix or restart the proxy, or let QuickBooks bypass it. Clearing cookies or \
                 reinstalling the browser will not help.",
                proxy_said(&proxy_fail)
            ),
        };
    }

    let blocked: Vec<&Item> = ev
        .of_any(&[DNS, TCP, HTTP])
        .filter(|i| i.f.error_kind.is_some_and(ErrorKind::is_network) || proxy_blocked(&i.f))
        .collect();
    if control_ok && !blocked.is_empty() {
        return Verdict {
            id: VerdictId::QuickbooksBlocked,
            title: "Something on this network is blocking QuickBooks".into(),
            advice: format!(
                "Other sites answer, but QuickBooks does not ({}). A firewall, security program, \
                 VPN, ad or DNS blocker, or the office network filter is the likely cause: go to the \
                 firewall step, or ask whoever runs this network to allow *.intuit.com and \
                 *.quickbooks.com on port 443.",
                evidence(blocked.into_iter())
            ),
        };
    }

    let intercepted: Vec<&Item> = ev
        .of(TLS)
        .filter(|i| i.f.intercepted == Some(true))
        .chain(ev.of(HTTP).filter(|i| i.f.error_kind == Some(ErrorKind::Tls)))
        .collect();
    if !intercepted.is_empty() {
        return Verdict {
            id: VerdictId::HttpsIntercepted,
            title: "Security software or a proxy is inspecting your secure connection".into(),
            advice: format!(
                "QuickBooks' certificate did not come from a certificate authority QuickBooks uses \
                 ({}). Antivirus \"web shield\" or \"HTTPS scanning\" features and company proxies \
                 do this, and it can break QuickBooks with 502 errors. Turn that feature off for a \
                 moment to test, then add an exception for *.intuit.com — and turn your protection \
                 back on.",
                evidence(intercepted.into_iter())
            ),
        };
    }

    let outage: Vec<&Item> = ev
        .of(STATUS_PAGE)
        .filter(|i| i.f.outage == Some(true))
        .chain(ev.of(HTTP).filter(|i| gateway_failure(&i.f)))
        .collect();
    if !outage.is_empty() {
        return Verdict {
            id: VerdictId::ServiceOutage,
            title: "QuickBooks is having trouble on Intuit's side".into(),
            advice: format!(
                "{}. This is not caused by your computer, so clearing cookies or restarting will not \
                 fix it. Wait and try again later; the QuickBooks status page \
                 (status.quickbooks.intuit.com) shows when it is fixed.",
                evidence(outage.into_iter())
            ),
        };
    }

    let bank_down: Vec<&Item> = ev
        .of(BANK)
        .filter(|i| matches!(i.r.status, Status::Fail | Status::Error))
        .collect();
    if qb_ok && !bank_down.is_empty() {
        return Verdict {
            id: VerdictId::BankUnreachable,
            title: "Your bank's website is not answering properly".into(),
            advice: format!(
                "QuickBooks answers, but your bank does not ({}). Bank feeds fail while the bank's \
                 site is down or in maintenance. Sign in to your bank's website directly and look \
                 for notices, try Update in QuickBooks later (off-peak), and give it a day before \
                 contacting support.",
                evidence(bank_down.into_iter())
            ),
        };
    }

    // A body that stops arriving took longer than any `slow_ms`: the page hangs.
    let slow: Vec<&Item> = ev
        .of(HTTP)
        .filter(|i| i.f.slow == Some(true) || i.f.error_kind == Some(ErrorKind::BodyStalled))
        .collect();
    if !slow.is_empty() {
        return Verdict {
            id: VerdictId::SlowConnection,
            title: "Your connection to QuickBooks is slow".into(),
            advice: format!(
                "Everything answers, but slowly ({}). Slow replies can time out as 502 errors. Close \
                 large downloads or video calls, move closer to the Wi-Fi router or use a cable, \
                 restart the router, and ask your internet provider if it stays slow.",
                evidence(slow.into_iter())
            ),
        };
    }

    if !control_tried && !qb_tried {
        return Verdict {
            id: VerdictId::LocalOk,
            title: "The checks that ran found nothing wrong".into(),
            advice: "They did not test the connection to QuickBooks itself, so this says nothing about \
                     it: run all the checks for the full picture. Meanwhile, clearing the browser's cache \
                     and cookies and trying another up-to-date browser are the usual fixes."
                .into(),
        };
    }

    Verdict {
        id: VerdictId::LocalOk,
        title: "Your connection to QuickBooks looks fine".into(),
        advice: "The network path to QuickBooks works, so the cause is most likely in the browser: \
                 clear its cache and cookies for QuickBooks, try a private window or another \
                 up-to-date browser, and sign out and back in."
            .into(),
    }
}

#[cfg(test)]
#[path = "verdict_tests.rs"]
mod tests;
