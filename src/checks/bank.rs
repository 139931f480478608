//! `bank`: GETs each bank sign-in URL the user configured (`[targets] bank`), judged like the
//! QuickBooks sites: a bank that fails or answers 5xx while QuickBooks answers is why bank
//! feeds fail. Skipped, with a hint how to add one, when none is configured.

use std::sync::Arc;

use super::Context;
use super::http;
use super::setup_failed;
use crate::evidence::{CheckResult, Status};

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
    match ctx.hub.probe(&config.targets.bank, 1, MAX_BODY).await {
        Ok(probes) => probes
            .iter()
            .map(|p| http::judge(ID, "your bank", p, config.network.slow))
            .collect(),
        Err(e) => setup_failed(ID, "bank test", e),
    }
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
