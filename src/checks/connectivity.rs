//! `connectivity`: can this computer reach neutral sites at all? One result per control URL,
//! and a plain warning when a Wi-Fi sign-in page (captive portal) answers in their place.

use std::sync::Arc;

use reqwest::Url;

use super::net::{self, Probe};
use super::{CheckResult, Context, Status, millis};

pub const ID: &str = "connectivity";

/// Bytes read from a control URL: enough to recognise its expected answer.
const MAX_BODY: usize = 4096;

pub async fn run(ctx: Arc<Context>) -> Vec<CheckResult> {
    let config = &ctx.config;
    if config.targets.control.is_empty() {
        return vec![CheckResult::new(
            ID,
            Status::Skip,
            "No control sites are configured",
        )];
    }
    let urls = &config.targets.control;
    match net::probe_each(config, urls, MAX_BODY).await {
        Ok(probes) => urls.iter().zip(&probes).map(|(url, p)| judge(url, p)).collect(),
        Err(e) => net::setup_failed(ID, "connection test", e),
    }
}

/// Turns one probe of a control URL into a result.
pub fn judge(url: &Url, p: &Probe) -> CheckResult {
    let host = net::host_label(url);
    let mut r = match p.status {
        Some(code) => {
            let elapsed = p.ttfb.unwrap_or(p.total);
            if let Some(why) = captive_portal(url, p, code) {
                CheckResult::new(
                    ID,
                    Status::Warn,
                    format!("A Wi-Fi sign-in page is intercepting your traffic ({why}): open a browser and sign in to the network"),
                )
                .with("captive_portal", true)
            } else {
                CheckResult::new(
                    ID,
                    Status::Pass,
                    format!("Internet works: {host} answered in {}", net::human_duration(elapsed)),
                )
            }
            .with("status_code", code)
            .with("ttfb_ms", millis(elapsed))
        }
        None => CheckResult::new(
            ID,
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

/// Why this answer looks like a captive portal rather than the control site, if it does.
fn captive_portal(url: &Url, p: &Probe, code: u16) -> Option<String> {
    if let Some(final_url) = &p.final_url
        && final_url.host_str() != url.host_str()
    {
        return Some(format!("redirected to {}", net::host_label(final_url)));
    }
    if url.path().ends_with("generate_204") && code != 204 {
        return Some(format!("expected an empty 204 reply, got {code}"));
    }
    if url.path().ends_with("connecttest.txt")
        && code == 200
        && !String::from_utf8_lossy(&p.body).contains("Microsoft Connect Test")
    {
        return Some("the test page was replaced".into());
    }
    None
}
