//! The verdict: one plain-language conclusion from all check results, by the rows of
//! DESIGN.md, first match wins. A pure function of the results, so it is tested on synthetic
//! ones and gives the same answer in the TUI, plain mode, `check` and reports.

use serde::{Deserialize, Serialize};

use super::{CheckResult, Status};

/// The verdict ids of DESIGN.md, in the order they are tried.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VerdictId {
    Offline,
    QuickbooksBlocked,
    HttpsIntercepted,
    ServiceOutage,
    BankUnreachable,
    SlowConnection,
    LocalOk,
}

impl VerdictId {
    pub fn as_str(self) -> &'static str {
        match self {
            VerdictId::Offline => "offline",
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

/// Network failures that mean "nothing came back", as opposed to a server answering.
fn is_network_failure(r: &CheckResult) -> bool {
    matches!(
        r.detail_str("error_kind"),
        Some("dns" | "refused" | "unreachable" | "timeout" | "connect")
    )
}

fn answered(r: &CheckResult) -> bool {
    r.detail_u64("status_code").is_some()
}

fn of<'a>(results: &'a [CheckResult], id: &'a str) -> impl Iterator<Item = &'a CheckResult> + 'a {
    results.iter().filter(move |r| r.id == id)
}

/// "a; b; c" of the first few summaries, for advice that names what was measured.
fn evidence<'a>(items: impl Iterator<Item = &'a CheckResult>) -> String {
    let parts: Vec<&str> = items.map(|r| r.summary.as_str()).take(3).collect();
    parts.join("; ")
}

/// Decides the verdict from all results.
pub fn decide(results: &[CheckResult]) -> Verdict {
    let control_tried = of(results, "connectivity").any(|r| r.status != Status::Skip);
    let control_ok = of(results, "connectivity").any(answered);
    let qb_tried = of(results, "http").any(|r| r.status != Status::Skip);
    let qb_ok = of(results, "http").any(answered);

    if (control_tried || qb_tried) && !control_ok && !qb_ok {
        let failures = evidence(of(results, "connectivity").chain(of(results, "http")));
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

    let blocked: Vec<&CheckResult> = ["dns", "tcp", "http"]
        .iter()
        .flat_map(|id| of(results, id))
        .filter(|r| is_network_failure(r))
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

    let intercepted: Vec<&CheckResult> = of(results, "tls")
        .filter(|r| r.detail_bool("intercepted"))
        .chain(of(results, "http").filter(|r| r.detail_str("error_kind") == Some("tls")))
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

    let outage: Vec<&CheckResult> = of(results, "status_page")
        .filter(|r| r.detail_bool("outage"))
        .chain(of(results, "http").filter(|r| {
            r.detail_u64("status_code")
                .is_some_and(|c| matches!(c, 502..=504))
        }))
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

    let bank_down: Vec<&CheckResult> = of(results, "bank")
        .filter(|r| matches!(r.status, Status::Fail | Status::Error))
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

    let slow: Vec<&CheckResult> = of(results, "http").filter(|r| r.detail_bool("slow")).collect();
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
