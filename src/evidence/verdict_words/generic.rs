//! Generic words for a verdict known only by its id, on a customer's results: a result code
//! carries no evidence, so these name no product, proxy or host.

use super::actions;
use crate::evidence::{Verdict, VerdictId};

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
