//! `http`: GET each QuickBooks URL and report its status, time to first byte and total time;
//! gateway failures (502/503/504) are named plainly, replies over `slow_ms` are flagged.

use std::sync::Arc;
use std::time::Duration;

use reqwest::Url;

use super::net::{self, Probe};
use super::{CheckResult, Context, Status, millis};

pub const ID: &str = "http";

/// Bytes of a QuickBooks page read: its size is not what we measure.
const MAX_BODY: usize = 64 * 1024;

pub async fn run(ctx: Arc<Context>) -> Vec<CheckResult> {
    let config = &ctx.config;
    if config.targets.quickbooks.is_empty() {
        return vec![CheckResult::new(
            ID,
            Status::Skip,
            "No QuickBooks addresses are configured",
        )];
    }
    let urls = &config.targets.quickbooks;
    match net::probe_each(config, urls, MAX_BODY).await {
        Ok(probes) => urls
            .iter()
            .zip(&probes)
            .map(|(url, p)| judge(ID, "QuickBooks", url, p, config.network.slow))
            .collect(),
        Err(e) => net::setup_failed(ID, "web test", e),
    }
}

/// The plain name of a gateway failure, if the status is one.
pub fn gateway_failure(code: u16) -> Option<&'static str> {
    match code {
        502 => Some("502 Bad Gateway"),
        503 => Some("503 Service Unavailable"),
        504 => Some("504 Gateway Timeout"),
        _ => None,
    }
}

/// Turns one probe of a site into a result (shared with the `bank` check). `owner` names whose
/// gateway failed ("QuickBooks", "your bank").
pub fn judge(id: &str, owner: &str, url: &Url, p: &Probe, slow: Duration) -> CheckResult {
    let host = net::host_label(url);
    let mut r = match p.status {
        Some(code) => {
            let ttfb = p.ttfb.unwrap_or(p.total);
            let reason = p.reason.as_deref().unwrap_or("");
            let base = if let Some(name) = gateway_failure(code) {
                CheckResult::new(
                    id,
                    Status::Fail,
                    format!("{host} answered {name}: {owner}'s servers are failing, not your computer"),
                )
            } else if code >= 500 {
                CheckResult::new(
                    id,
                    Status::Fail,
                    format!("{host} answered {code} {reason}: a server error on {owner}'s side"),
                )
            } else if ttfb > slow {
                CheckResult::new(
                    id,
                    Status::Warn,
                    format!(
                        "{host} answered {code} but slowly: {} (over {})",
                        net::human_duration(ttfb),
                        net::human_duration(slow)
                    ),
                )
                .with("slow", true)
            } else {
                CheckResult::new(
                    id,
                    Status::Pass,
                    format!("{host} answered {code} {reason} in {}", net::human_duration(ttfb)),
                )
            };
            let mut base = base
                .with("status_code", code)
                .with("ttfb_ms", millis(ttfb))
                .with("total_ms", millis(p.total));
            if let Some(final_url) = &p.final_url
                && final_url != url
            {
                base = base.with("final_url", final_url.as_str());
            }
            if let Some(date) = &p.date_header {
                base = base.with("date", date.as_str());
            }
            base
        }
        None => CheckResult::new(
            id,
            Status::Fail,
            format!(
                "Could not reach {host}: {}",
                p.error.as_deref().unwrap_or("no answer")
            ),
        )
        .with("error_kind", p.error_kind.unwrap_or("other")),
    };
    r = r.with("target", url.as_str()).with_duration(p.total);
    r
}
