//! `bank`: GETs each bank sign-in URL the user configured (`[targets] bank`), judged like the
//! QuickBooks sites: a bank that fails or answers 5xx while QuickBooks answers is why bank
//! feeds fail. Skipped, with a hint how to add one, when none is configured. A bank address
//! whose name does not exist while other names resolve is a typo, not an outage: `warn`.

use std::sync::Arc;

use super::Context;
use super::http;
use super::setup_failed;
use crate::evidence::{CheckResult, Status, redact_url};
use crate::probe::UrlProbe;
use crate::probe::resolve::{DnsError, Lookup};

pub const ID: &str = "bank";

/// Bytes of a bank page read: only the status matters.
const MAX_BODY: usize = 64 * 1024;

/// What the skip result says.
const HOW_TO_ADD: &str =
    "No bank website to test yet: the bank step of qbfix asks for your bank's sign-in address";

pub async fn run(ctx: Arc<Context>) -> Vec<CheckResult> {
    let config = &ctx.config;
    if config.targets.bank.is_empty() {
        return vec![CheckResult::new(ID, Status::Skip, HOW_TO_ADD)];
    }
    let probes = match ctx.hub.probe(&config.targets.bank, 1, MAX_BODY).await {
        Ok(probes) => probes,
        Err(e) => return setup_failed(ID, "bank test", e),
    };
    // Names resolve here when QuickBooks' (or another bank's) did.
    let quickbooks = ctx.hub.quickbooks().await;
    let others_resolve =
        probes.iter().any(resolved) || quickbooks.as_ref().as_ref().is_ok_and(|q| q.iter().any(resolved));
    probes
        .iter()
        .map(|p| match no_such_name(p) {
            true if others_resolve => typo(p),
            _ => http::judge(ID, "your bank", p, config.network.slow),
        })
        .collect()
}

/// A name of this probe was looked up and found (not an IP address written as such).
fn resolved(p: &UrlProbe) -> bool {
    p.samples
        .iter()
        .any(|s| matches!(s.lookup, Some((Lookup::Resolved(_) | Lookup::Local, _))))
}

/// The bank's name does not exist at all.
fn no_such_name(p: &UrlProbe) -> bool {
    !p.samples.is_empty()
        && p.samples.iter().all(|s| {
            s.failure
                .as_ref()
                .is_some_and(|f| f.dns == Some(DnsError::NoSuchName))
        })
}

/// The result for a bank address whose name does not exist.
fn typo(p: &UrlProbe) -> CheckResult {
    let host = p.url.host_str().unwrap_or("").to_string();
    CheckResult::new(
        ID,
        Status::Warn,
        format!("No such address: {host} does not exist; check the spelling of your bank's address"),
    )
    .with("target", redact_url(&p.url))
    .with("error_kind", "dns")
    .with("no_such_name", true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    #[tokio::test]
    async fn skips_with_a_hint_when_no_bank_is_configured() {
        let ctx = Arc::new(Context::new(Arc::new(Config::default())));
        let results = run(ctx).await;
        assert_eq!(results.len(), 1);
        assert_eq!(results[0].status, Status::Skip);
        assert!(results[0].summary.contains("bank's sign-in address"));
    }
}
