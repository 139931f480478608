//! The verdict's words: for each row's [`Finding`], its title and advice; for a verdict known
//! only by its id (a result code carries no evidence), the generic words; and whose side each
//! verdict puts the problem on ([`Side`]), for the card and the reports. Rules live in
//! [`super::verdict`]; nothing here decides.

use super::verdict::{Finding, ProxySaid, Verdict, VerdictId};

/// Whose side the problem is on: who has to act.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Connection,
    Security,
    Intuit,
    Bank,
    Browser,
    /// This computer's own settings (its clock).
    Computer,
    /// Not placed: a failure no row explains.
    Unplaced,
}

impl VerdictId {
    /// Whose side this verdict puts the problem on.
    pub fn side(self) -> Side {
        match self {
            VerdictId::Offline | VerdictId::CaptivePortal | VerdictId::SlowConnection => Side::Connection,
            VerdictId::ProxyFailing | VerdictId::QuickbooksBlocked | VerdictId::HttpsIntercepted => {
                Side::Security
            }
            VerdictId::ServiceOutage | VerdictId::QuickbooksSlow => Side::Intuit,
            VerdictId::BankUnreachable => Side::Bank,
            VerdictId::ClockWrong => Side::Computer,
            VerdictId::Unexplained => Side::Unplaced,
            VerdictId::LocalOk => Side::Browser,
        }
    }
}

impl Side {
    /// In words, as the card's first line says it ("Whose problem: your connection").
    pub fn label(self) -> &'static str {
        match self {
            Side::Connection => "your connection",
            Side::Security => "your network's security",
            Side::Intuit => "Intuit",
            Side::Bank => "your bank",
            Side::Browser => "your browser",
            Side::Computer => "this computer's clock",
            Side::Unplaced => "not found yet",
        }
    }

    /// A symbol of one column that no other side uses.
    pub fn symbol(self) -> &'static str {
        match self {
            Side::Connection => "⇄",
            Side::Security => "⊘",
            Side::Intuit => "☁",
            Side::Bank => "⌂",
            Side::Browser => "◆",
            Side::Computer => "◷",
            Side::Unplaced => "?",
        }
    }

    /// True when the problem is on this computer's side (its connection, network or browser).
    pub fn is_local(self) -> bool {
        !matches!(self, Side::Intuit | Side::Bank)
    }

    /// Where the reports say the problem is ("On Intuit's side"); `None`: no verdict yet.
    pub fn place(side: Option<Side>) -> &'static str {
        match side {
            None => "Not known yet",
            Some(Side::Intuit) => "On Intuit's side",
            Some(Side::Bank) => "On your bank's side",
            Some(Side::Unplaced) => "Not placed: see the failing checks",
            Some(_) => "On your side (this computer, browser or network)",
        }
    }
}

/// The verdict a finding comes to, in words.
pub fn verdict(finding: &Finding) -> Verdict {
    let (title, advice) = words(finding);
    Verdict {
        id: finding.id(),
        title: title.into(),
        advice,
        actions: actions(finding.id()).iter().map(|a| a.to_string()).collect(),
    }
}

/// What to do now, in order, for each verdict (1–4 short imperative lines).
pub fn actions(id: VerdictId) -> &'static [&'static str] {
    match id {
        VerdictId::Offline => &[
            "Restart your router: unplug it for 30 seconds",
            "Try another network, such as a phone hotspot",
            "Call your internet provider if nothing works",
        ],
        VerdictId::CaptivePortal => &[
            "Open any website in your browser",
            "Finish the Wi-Fi sign-in page",
            "Try QuickBooks again",
        ],
        VerdictId::ProxyFailing => &[
            "Give the proxy's address and this report to your IT",
            "Ask them to fix the proxy or let QuickBooks bypass it",
        ],
        VerdictId::QuickbooksBlocked => &[
            "Go to the firewall step",
            "Ask your IT to allow *.intuit.com and *.quickbooks.com on port 443",
        ],
        VerdictId::ClockWrong => &[
            "Set this computer's date and time automatically",
            "Run the checks again",
        ],
        VerdictId::HttpsIntercepted => &[
            "Turn off HTTPS scanning in your security software for a moment",
            "Try QuickBooks again, then turn the protection back on",
            "Add an exception for *.intuit.com",
        ],
        VerdictId::ServiceOutage => &[
            "Wait: nothing on this computer will fix it",
            "Watch status.quickbooks.intuit.com for the fix",
        ],
        VerdictId::BankUnreachable => &[
            "Sign in to your bank's website and look for notices",
            "Try the bank update in QuickBooks later",
        ],
        VerdictId::QuickbooksSlow => &["Wait a while and try again", "Watch status.quickbooks.intuit.com"],
        VerdictId::SlowConnection => &[
            "Close large downloads and video calls",
            "Use a cable or move closer to the Wi-Fi router",
            "Restart the router",
        ],
        VerdictId::Unexplained => &["Walk through every step", "Hand the report to QuickBooks support"],
        VerdictId::LocalOk => &[
            "Clear the browser's cache and cookies for QuickBooks",
            "Try a private window or another up-to-date browser",
        ],
    }
}

/// Who can help with a verdict's cause, for the contact-support step and the outcome of a
/// session handed on (DESIGN's "who can help, by verdict").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WhoCanHelp {
    /// Who, as an outcome says it: "Handed to {who}".
    pub who: &'static str,
    /// One or two plain sentences for the contact-support step.
    pub says: &'static str,
    /// True when QuickBooks support is the right next contact now.
    pub quickbooks_support: bool,
}

/// Who can help, by verdict; `None` (no verdict yet) is QuickBooks support with the report.
pub fn who_can_help(id: Option<VerdictId>) -> WhoCanHelp {
    let (who, says, quickbooks_support) = match id {
        Some(VerdictId::Offline | VerdictId::CaptivePortal | VerdictId::SlowConnection) => (
            "your internet provider",
            "Your internet connection is the problem, so your internet provider can help, or \
             whoever runs this Wi-Fi. QuickBooks support cannot fix a connection.",
            false,
        ),
        Some(VerdictId::ProxyFailing | VerdictId::QuickbooksBlocked) => (
            "your network's IT",
            "Something on your network stops QuickBooks, so whoever runs your network or IT can \
             help: give them the report. QuickBooks support cannot change your network.",
            false,
        ),
        Some(VerdictId::HttpsIntercepted) => (
            "whoever manages your security software",
            "Your security software inspects QuickBooks' connection. At home, change it in the \
             program's own settings; at an office, ask your IT, who manage it.",
            false,
        ),
        Some(VerdictId::ClockWrong) => (
            "nobody: set the clock",
            "Nobody needs to be called: set this computer's date and time automatically, then \
             try QuickBooks again.",
            false,
        ),
        Some(VerdictId::ServiceOutage | VerdictId::QuickbooksSlow) => (
            "Intuit, who already know",
            "Intuit already knows about the problem and support cannot speed up the fix. Wait, \
             and try QuickBooks again when the status page says it is fixed.",
            false,
        ),
        Some(VerdictId::BankUnreachable) => (
            "your bank",
            "Contact your bank first. If bank feeds still fail after 48 hours, contact QuickBooks \
             support with the report.",
            false,
        ),
        Some(VerdictId::Unexplained | VerdictId::LocalOk) | None => (
            "QuickBooks support",
            "Contact QuickBooks support and give them the report.",
            true,
        ),
    };
    WhoCanHelp {
        who,
        says,
        quickbooks_support,
    }
}

/// "the proxy 127.0.0.1:3128 (squid) answered 503 (ERR_CONNECT_FAIL)".
fn proxy_words(p: &ProxySaid) -> String {
    let product = p.product.as_ref().map(|n| format!(" ({n})")).unwrap_or_default();
    format!("the proxy {}{product}: {}", p.proxy, p.said)
}

fn words(finding: &Finding) -> (&'static str, String) {
    match finding {
        Finding::Offline { failures } => (
            "This computer is not reaching the internet",
            format!(
                "Neither neutral test sites nor QuickBooks answered ({failures}). Check the cable or \
                 Wi-Fi, restart your router (unplug it for 30 seconds), try another network such as \
                 a phone hotspot, and call your internet provider if nothing works. QuickBooks cannot \
                 load until this is fixed."
            ),
        ),
        Finding::CaptivePortal { seen } => (
            "A Wi-Fi sign-in page is in the way",
            format!(
                "This network shows a sign-in page before it lets traffic through{seen}. Open a \
                 browser, go to any ordinary website such as example.com, and accept the terms or \
                 sign in on the page that appears (hotels, cafés and guest networks do this). Then \
                 run the checks again. QuickBooks cannot load until then."
            ),
        ),
        Finding::ProxyFailing { proxy, said } => (
            "The proxy this computer uses is failing, not QuickBooks",
            format!(
                "Traffic to QuickBooks goes through the proxy {proxy}, and the proxy itself failed: \
                 {said}. Give that address and this message to whoever runs your network or IT; they \
                 can fix or restart the proxy, or let QuickBooks bypass it. Clearing cookies or \
                 reinstalling the browser will not help."
            ),
        ),
        Finding::QuickbooksBlocked {
            by_proxy: Some(p), ..
        } => (
            "Something on this network is blocking QuickBooks",
            format!(
                "Other sites answer, but QuickBooks does not: {}. Ask whoever runs this network to \
                 let the proxy reach *.intuit.com and *.quickbooks.com on port 443.",
                proxy_words(p)
            ),
        ),
        Finding::QuickbooksBlocked {
            evidence,
            by_proxy: None,
        } => (
            "Something on this network is blocking QuickBooks",
            format!(
                "Other sites answer, but QuickBooks does not ({evidence}). A firewall, security program, \
                 VPN, ad or DNS blocker, or the office network filter is the likely cause: go to the \
                 firewall step, or ask whoever runs this network to allow *.intuit.com and \
                 *.quickbooks.com on port 443."
            ),
        ),
        Finding::ClockWrong { evidence } => (
            "This computer's clock is wrong",
            format!(
                "{evidence}. Secure sites refuse connections from a computer whose clock is wrong: set \
                 the date and time automatically, then run the checks again."
            ),
        ),
        Finding::HttpsIntercepted {
            evidence,
            product: Some(product),
        } => (
            "Security software is inspecting your secure connection",
            format!(
                "{product} is inspecting QuickBooks' secure connection ({evidence}). Turn off its HTTPS \
                 scanning for a moment to test, then add an exception for intuit.com — and turn your \
                 protection back on."
            ),
        ),
        Finding::HttpsIntercepted {
            evidence,
            product: None,
        } => (
            "Security software or a proxy is inspecting your secure connection",
            format!(
                "QuickBooks' certificate did not come from a certificate authority QuickBooks uses \
                 ({evidence}). Antivirus \"web shield\" or \"HTTPS scanning\" features and company proxies \
                 do this, and it can break QuickBooks with 502 errors. Turn that feature off for a \
                 moment to test, then add an exception for *.intuit.com — and turn your protection \
                 back on."
            ),
        ),
        Finding::ServiceOutage { evidence } => (
            "QuickBooks is having trouble on Intuit's side",
            format!(
                "{evidence}. This is not caused by your computer, so clearing cookies or restarting will not \
                 fix it. Wait and try again later; the QuickBooks status page \
                 (status.quickbooks.intuit.com) shows when it is fixed."
            ),
        ),
        Finding::BankUnreachable { evidence } => (
            "Your bank's website is not answering properly",
            format!(
                "QuickBooks answers, but your bank does not ({evidence}). Bank feeds fail while the bank's \
                 site is down or in maintenance. Sign in to your bank's website directly and look \
                 for notices, try Update in QuickBooks later (off-peak), and give it a day before \
                 contacting support."
            ),
        ),
        Finding::QuickbooksSlow { evidence } => (
            "QuickBooks is answering slowly",
            format!(
                "Other sites answer quickly, but QuickBooks is slow ({evidence}). The slowness is on \
                 QuickBooks' side or the way to it, not your connection: wait a while and try again."
            ),
        ),
        Finding::Unexplained { failing } => (
            "qbfix could not place the problem",
            format!(
                "Some checks failed in a way qbfix cannot explain: {}. Walk through every step, and \
                 hand the report to QuickBooks support if nothing helps.",
                failing.join(", ")
            ),
        ),
        Finding::SlowConnection { evidence } => (
            "Your connection to QuickBooks is slow",
            format!(
                "Everything answers, but slowly ({evidence}). Slow replies can time out as 502 errors. Close \
                 large downloads or video calls, move closer to the Wi-Fi router or use a cable, \
                 restart the router, and ask your internet provider if it stays slow."
            ),
        ),
        Finding::NothingTested => (
            "The checks that ran found nothing wrong",
            "They did not test the connection to QuickBooks itself, so this says nothing about \
             it: run all the checks for the full picture. Meanwhile, clearing the browser's cache \
             and cookies and trying another up-to-date browser are the usual fixes."
                .into(),
        ),
        Finding::LocalOk => (
            "Your connection to QuickBooks looks fine",
            "The network path to QuickBooks works, so the cause is most likely in the browser: \
             clear its cache and cookies for QuickBooks, try a private window or another \
             up-to-date browser, and sign out and back in."
                .into(),
        ),
    }
}

/// Generic words for a verdict known only by its id, on a customer's results (a result code
/// carries no evidence).
pub fn generic(id: VerdictId) -> Verdict {
    let (title, advice) = match id {
        VerdictId::Offline => (
            "The customer's computer is not reaching the internet",
            "Check the cable or Wi-Fi and restart the router; QuickBooks cannot load until this is fixed.",
        ),
        VerdictId::CaptivePortal => (
            "A Wi-Fi sign-in page is in the way",
            "Open any website in the browser and finish the Wi-Fi sign-in (hotel, café, guest network), then try QuickBooks again.",
        ),
        VerdictId::ProxyFailing => (
            "The proxy on the customer's network is failing",
            "The proxy the browser uses cannot be reached or refuses QuickBooks: ask whoever runs the network, or try without the proxy.",
        ),
        VerdictId::QuickbooksBlocked => (
            "Something on the customer's network is blocking QuickBooks",
            "A firewall, security program, VPN or network filter blocks QuickBooks: allow *.intuit.com and *.quickbooks.com on port 443.",
        ),
        VerdictId::HttpsIntercepted => (
            "Security software or a proxy is inspecting the secure connection",
            "Turn off HTTPS scanning for a moment to test, then add an exception for *.intuit.com.",
        ),
        VerdictId::ServiceOutage => (
            "QuickBooks is having trouble on Intuit's side",
            "Nothing to fix on the customer's computer: wait and try again later; status.quickbooks.intuit.com shows when it is fixed.",
        ),
        VerdictId::BankUnreachable => (
            "The bank's website is not answering properly",
            "Bank feeds fail while the bank's site is down: try the update later and look for notices on the bank's website.",
        ),
        VerdictId::SlowConnection => (
            "The customer's connection to QuickBooks is slow",
            "Slow replies can time out as 502 errors: close large downloads, use a cable, restart the router.",
        ),
        VerdictId::ClockWrong => (
            "The customer's computer clock is wrong",
            "Secure sites refuse a computer whose clock is wrong: set the date and time automatically, then check again.",
        ),
        VerdictId::QuickbooksSlow => (
            "QuickBooks is answering the customer slowly",
            "Other sites answer quickly, so the slowness is on QuickBooks' side or the way to it: wait and try again.",
        ),
        VerdictId::Unexplained => (
            "qbfix could not place the customer's problem",
            "Some network checks failed in a way qbfix cannot explain: walk through every step and hand the report to support.",
        ),
        VerdictId::LocalOk => (
            "The customer's connection to QuickBooks looks fine",
            "The network path works, so the cause is most likely the browser: clear its cache and cookies, try another up-to-date browser.",
        ),
    };
    Verdict {
        id,
        title: title.into(),
        advice: advice.into(),
        actions: actions(id).iter().map(|a| a.to_string()).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_verdict_has_a_side_and_its_own_generic_words() {
        let mut titles = std::collections::HashSet::new();
        for id in VerdictId::ALL {
            let v = generic(id);
            assert_eq!(v.id, id);
            assert!(!v.advice.is_empty(), "{id:?}");
            assert!(titles.insert(v.title), "{id:?} repeats a title");
            assert_eq!(id.side().is_local(), !id.is_outage(), "{id:?}");
            assert!((1..=4).contains(&v.actions.len()), "{id:?}: 1–4 actions");
            assert!(!who_can_help(Some(id)).says.is_empty(), "{id:?}");
        }
    }
}
