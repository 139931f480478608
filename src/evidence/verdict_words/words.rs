//! The words of each row's [`Finding`]: a title that names the cause, one or two plain
//! sentences of advice (at most 60 words, no nested parentheses, no list of hosts: per-host
//! detail belongs to the check list) and what to do now, naming the product or proxy where
//! the evidence names one. `tests` checks those limits over every finding.

use crate::evidence::products::{self, Kind};
use crate::evidence::verdict::{Blocked, Finding, NoAnswer, OutageSeen, ProxySaid, Slowness};

use super::actions;

/// The title and advice of a finding.
pub(super) fn words(finding: &Finding) -> (String, String) {
    match finding {
        Finding::Offline { how } => (
            "This computer is not reaching the internet".into(),
            format!(
                "Neither test sites nor QuickBooks answer: {}. The connection itself is down, so \
                 nothing in QuickBooks or the browser can help until it is back.",
                match how {
                    NoAnswer::Names => "no web address can be looked up",
                    NoAnswer::Timeout => "connections get no answer",
                    NoAnswer::NoRoute => "connections are refused or find no way out",
                    NoAnswer::Nothing => "nothing answers",
                }
            ),
        ),
        Finding::CaptivePortal { host } => (
            "A Wi-Fi sign-in page is in the way".into(),
            format!(
                "This network shows a sign-in page before it lets anything through{}. Hotels, \
                 cafés and guest networks do this: finish the sign-in in your browser, and \
                 QuickBooks can load.",
                host.as_ref().map(|h| format!(", at {h}")).unwrap_or_default()
            ),
        ),
        Finding::ProxyFailing { said } => (
            "The proxy your network uses is failing, not QuickBooks".into(),
            format!(
                "Every site, QuickBooks included, goes through {}, and it {}. Whoever runs your \
                 network can fix the proxy or let QuickBooks bypass it; nothing in your browser \
                 will help.",
                the_proxy(said),
                said_fully(said)
            ),
        ),
        Finding::QuickbooksBlocked {
            by_proxy: Some(said), ..
        } => (
            format!(
                "{} on your network is blocking QuickBooks",
                crate::text::words::capitalized(&proxy_name(said))
            ),
            format!(
                "Other sites answer through {}, but for QuickBooks it {}. Whoever runs your \
                 network can let the proxy reach QuickBooks.",
                the_proxy(said),
                said_fully(said)
            ),
        ),
        Finding::QuickbooksBlocked { how, by_proxy: None } => (
            "Something on this network is blocking QuickBooks".into(),
            format!(
                "Other sites answer, but QuickBooks does not: {}. A firewall, security program, \
                 VPN, ad blocker or an office network filter is the likely cause.",
                match how {
                    Blocked::Names => "its addresses cannot be looked up",
                    Blocked::Connect => "connections to it fail",
                    Blocked::CutOff => "connections to it are cut off without an answer",
                    Blocked::HandshakeCut => "its secure connection is cut before it starts",
                }
            ),
        ),
        Finding::ClockWrong { off } => (
            "This computer's clock is wrong".into(),
            format!(
                "{} Secure sites such as QuickBooks refuse a computer whose clock is off by more \
                 than a few minutes.",
                match off {
                    Some(off) => format!("This computer's clock is {off}."),
                    None => "This computer's clock does not match the servers'.".into(),
                }
            ),
        ),
        Finding::HttpsIntercepted { product } => intercepted(product.as_deref()),
        Finding::ServiceOutage { seen } => (
            "QuickBooks is having trouble on Intuit's side".into(),
            format!(
                "{} Nothing on your computer causes this or can fix it: wait, and QuickBooks will \
                 work again once Intuit has fixed it.",
                match seen {
                    OutageSeen::Incident(name) => {
                        // A name cut short ends in "…", which ends the sentence too.
                        let stop = if name.ends_with('…') { "" } else { "." };
                        format!("Intuit reports a problem: {name}{stop}")
                    }
                    OutageSeen::StatusPage => {
                        "Intuit's status page shows a part of QuickBooks not working.".into()
                    }
                    OutageSeen::Gateway { code, failed, of } if *of > 1 && failed < of => {
                        format!(
                            "QuickBooks' servers answered {} {failed} of {of} times.",
                            gateway_words(*code)
                        )
                    }
                    OutageSeen::Gateway { code, .. } => {
                        format!("QuickBooks' servers answered {}.", gateway_words(*code))
                    }
                }
            ),
        ),
        Finding::BankUnreachable { status } => (
            "Your bank's website is not answering properly".into(),
            format!(
                "QuickBooks answers, but your bank's site {}. Bank feeds fail while the bank's \
                 site is down or in maintenance, and this usually passes without anything to \
                 change here.",
                match status {
                    Some(code) => format!("answered {code}, an error on the bank's side"),
                    None => "does not answer".into(),
                }
            ),
        ),
        Finding::QuickbooksSlow { how } => (
            "QuickBooks is answering slowly".into(),
            format!(
                "Other sites answer quickly, but QuickBooks {}. The slowness is on QuickBooks' \
                 side or on the way to it, not your connection: wait a while and try again.",
                slow_words(*how)
            ),
        ),
        Finding::SlowConnection { how } => (
            "Your connection is slow".into(),
            format!(
                "Everything answers, but slowly: QuickBooks {}, and other sites are slow too. \
                 Slow replies can end in 502 errors while the connection is this slow.",
                slow_words(*how)
            ),
        ),
        Finding::Unexplained { failing } => (
            "qbfix could not place the problem".into(),
            format!(
                "These checks failed in a way qbfix cannot explain: {}. Walk through every \
                 step, and give the report to QuickBooks support if nothing helps.",
                and_list(failing)
            ),
        ),
        Finding::NothingTested => (
            "The checks that ran found nothing wrong".into(),
            "They did not test the way to QuickBooks itself: run all the checks for the full \
             picture. Meanwhile, clearing the browser's cache and trying another browser are the \
             usual fixes."
                .into(),
        ),
        Finding::LocalOk => (
            "Your connection to QuickBooks looks fine".into(),
            "The way to QuickBooks works, so the cause is most likely in the browser: its \
             cache, cookies, extensions or version."
                .into(),
        ),
    }
}

/// What to do now for a finding: the verdict's own actions, naming the product or the proxy
/// where the evidence names one.
pub(super) fn finding_actions(finding: &Finding) -> Vec<String> {
    let named = match finding {
        Finding::ProxyFailing { said } => Some(vec![
            "Give this report to whoever runs your network".to_string(),
            format!("Ask them to fix {} or let QuickBooks bypass it", the_proxy(said)),
            "Try QuickBooks again once they have".to_string(),
        ]),
        Finding::QuickbooksBlocked {
            by_proxy: Some(said), ..
        } => Some(vec![
            "Give this report to whoever runs your network".to_string(),
            format!(
                "Ask them to let {} reach *.intuit.com and *.quickbooks.com",
                the_proxy(said)
            ),
        ]),
        Finding::HttpsIntercepted { product: Some(name) } => products::named(name).map(|p| match p.kind {
            Kind::Antivirus => vec![
                format!("Turn off HTTPS scanning in {name} for a moment"),
                "Try QuickBooks again, then turn the protection back on".to_string(),
                format!("Add an exception for intuit.com in {name}"),
            ],
            Kind::Office => vec![
                "Give this report to your IT".to_string(),
                format!("Ask them to exempt intuit.com from {name}'s inspection"),
            ],
        }),
        _ => None,
    };
    named.unwrap_or_else(|| actions(finding.id()).iter().map(|a| a.to_string()).collect())
}

/// The title and advice when a certificate shows HTTPS inspection.
fn intercepted(product: Option<&str>) -> (String, String) {
    let known = product.and_then(products::named);
    match (product, known) {
        (Some(name), Some(p)) if p.kind == Kind::Office => (
            format!("{name} on your network is inspecting QuickBooks' secure connection"),
            format!(
                "{name} opens QuickBooks' secure connection to inspect it, which can break \
                 QuickBooks with 502 errors. Only your IT can change this, in {}.",
                p.setting_words()
            ),
        ),
        (Some(name), Some(p)) => (
            format!("{name} is inspecting QuickBooks' secure connection"),
            format!(
                "{name} opens the connection on the way to read it, which can break QuickBooks \
                 with 502 errors: turn off its HTTPS scanning for intuit.com. The setting is in {}.",
                p.setting_words()
            ),
        ),
        (Some(name), None) => (
            format!("{name} is inspecting QuickBooks' secure connection"),
            format!(
                "{name} opens the connection on the way to read it, which can break QuickBooks \
                 with 502 errors: turn off its HTTPS scanning for intuit.com."
            ),
        ),
        (None, _) => (
            "Security software or a proxy is inspecting QuickBooks' secure connection".into(),
            "QuickBooks' certificate was replaced on the way, as antivirus \"web shield\" or \
             \"HTTPS scanning\" features and office proxies do. This can break QuickBooks with \
             502 errors."
                .into(),
        ),
    }
}

/// "the proxy", "the squid proxy".
fn proxy_name(said: &ProxySaid) -> String {
    match &said.product {
        Some(product) => format!("the {product} proxy"),
        None => "the proxy".into(),
    }
}

/// "the proxy at 10.0.0.1:3128", "the squid proxy at 10.0.0.1:3128".
fn the_proxy(said: &ProxySaid) -> String {
    format!("{} at {}", proxy_name(said), said.proxy)
}

/// What the proxy did, with its own error code when it gave one.
fn said_fully(said: &ProxySaid) -> String {
    match &said.code {
        Some(code) if !said.said.contains(code.as_str()) => {
            format!("{}, error {code}", said.said)
        }
        _ => said.said.clone(),
    }
}

fn gateway_words(code: u16) -> &'static str {
    match code {
        503 => "503 Service Unavailable",
        504 => "504 Gateway Timeout",
        _ => "502 Bad Gateway",
    }
}

fn slow_words(how: Slowness) -> String {
    match how {
        Slowness::Took(ms) => format!("took {:.1} seconds to answer", ms as f64 / 1000.0),
        Slowness::Stalled => "stopped loading halfway".into(),
        Slowness::Unknown => "answers slowly".into(),
    }
}

/// "a", "a and b", "a, b and c".
fn and_list(items: &[String]) -> String {
    match items {
        [] => "none".into(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}
