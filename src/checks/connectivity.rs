//! `connectivity`: can this computer reach neutral sites at all, on the browser's path? One
//! result per control URL, and a plain warning when a Wi-Fi sign-in page (captive portal)
//! answers in their place: a redirect to another host, or a page where an empty 204 or the
//! known test text was expected. Each result carries its times, the `slow_ms` it was judged by
//! and a digest of the page that answered (to recognise the same sign-in page answering for
//! QuickBooks).

use std::sync::Arc;
use std::time::Duration;

use super::http::redirected_host;
use super::sampled::{self, facts_of};
use super::{Context, host_label, setup_failed};
use crate::evidence::{Answerer, redact_url};
use crate::evidence::{CheckResult, Status, millis};
use crate::probe::{Sample, UrlProbe};
use crate::text::words::human_duration;

pub const ID: &str = "connectivity";

pub async fn run(ctx: Arc<Context>) -> Vec<CheckResult> {
    let config = &ctx.config;
    if config.targets.control.is_empty() {
        return vec![CheckResult::new(
            ID,
            Status::Skip,
            "No control sites are configured",
        )];
    }
    match ctx.hub.control().await.as_ref() {
        Ok(probes) => probes.iter().map(|p| judge(p, config.network.slow)).collect(),
        Err(e) => setup_failed(ID, "connection test", e.clone()),
    }
}

/// Turns one probe of a control URL into a result (judged by `slow`, written as `slow_ms`).
pub fn judge(probe: &UrlProbe, slow: Duration) -> CheckResult {
    let host = host_label(&probe.url);
    if let Some(r) = sampled::not_tested(ID, &host, probe) {
        return r;
    }
    let Some(s) = probe.first() else {
        return CheckResult::new(ID, Status::Error, format!("{host} was not probed"));
    };
    let mut facts = facts_of(s);
    facts.slow_ms = Some(millis(slow));
    facts.total_ms = Some(millis(s.total));
    let r = match &s.answer {
        Some(answer) => {
            facts.status_code = Some(answer.status);
            facts.answered_by = Some(Answerer::Origin);
            facts.ttfb_ms = Some(millis(answer.ttfb));
            facts.error_kind = None;
            if let Some(why) = captive_portal(probe, s, answer.status) {
                facts.captive_portal = Some(true);
                facts.redirected_to = redirected_host(probe, s);
                CheckResult::new(
                    ID,
                    Status::Warn,
                    format!(
                        "A Wi-Fi sign-in page is intercepting your traffic ({why}): open a browser and sign in to the network"
                    ),
                )
            } else {
                CheckResult::new(
                    ID,
                    Status::Pass,
                    format!(
                        "Internet works: {host} answered in {}",
                        human_duration(answer.ttfb)
                    ),
                )
            }
        }
        _ => CheckResult::new(
            ID,
            Status::Fail,
            format!(
                "Could not reach {host}: {}",
                s.failure.as_ref().map_or("no answer", |f| f.text.as_str())
            ),
        ),
    };
    let r = r
        .with("target", redact_url(&probe.url))
        .with_facts(&facts)
        .with_duration(sampled::longest(probe));
    match &s.fallback {
        Some(words) => r.with("fallback", words.as_str()),
        None => r,
    }
}

/// Why this answer looks like a captive portal rather than the control site, if it does.
fn captive_portal(probe: &UrlProbe, s: &Sample, code: u16) -> Option<String> {
    if let Some(to) = redirected_host(probe, s) {
        return Some(format!("redirected to {to}"));
    }
    let path = probe.url.path();
    if path.ends_with("generate_204") && code != 204 {
        return Some(format!("expected an empty 204 reply, got {code}"));
    }
    let body = s
        .body
        .as_ref()
        .map(|b| String::from_utf8_lossy(&b.0).into_owned())
        .unwrap_or_default();
    if path.ends_with("connecttest.txt") && code == 200 && !body.contains("Microsoft Connect Test") {
        return Some("the test page was replaced".into());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::probe::Reply;
    use url::Url;

    const SLOW: Duration = Duration::from_secs(1);

    fn probe(url: &str, status: u16, location: Option<&str>, body: &[u8]) -> UrlProbe {
        UrlProbe {
            url: Url::parse(url).unwrap(),
            samples: vec![Sample {
                answer: Some(Reply {
                    status,
                    location: location.map(str::to_string),
                    ttfb: Duration::from_millis(3),
                    ..Reply::default()
                }),
                body: Some((body.to_vec(), false)),
                ..Sample::default()
            }],
            bypassed: false,
        }
    }

    fn judge_(probe: &UrlProbe) -> CheckResult {
        judge(probe, SLOW)
    }

    #[test]
    fn expected_answers_pass() {
        let r = judge_(&probe("http://ctl.invalid/generate_204", 204, None, b""));
        assert_eq!(r.status, Status::Pass);
        let r = judge_(&probe(
            "http://ctl.invalid/connecttest.txt",
            200,
            None,
            b"Microsoft Connect Test",
        ));
        assert_eq!(r.status, Status::Pass);
    }

    #[test]
    fn sign_in_pages_are_recognised_and_their_host_named() {
        let r = judge_(&probe(
            "http://ctl.invalid/generate_204",
            302,
            Some("http://login.hotel.invalid/portal"),
            b"",
        ));
        assert_eq!(r.status, Status::Warn);
        let f = r.facts();
        assert_eq!(f.captive_portal, Some(true));
        assert_eq!(f.redirected_to.as_deref(), Some("login.hotel.invalid"));
        let r = judge_(&probe(
            "http://ctl.invalid/generate_204",
            200,
            None,
            b"<html>sign in</html>",
        ));
        assert!(r.summary.contains("expected an empty 204"), "{}", r.summary);
        let r = judge_(&probe(
            "http://ctl.invalid/connecttest.txt",
            200,
            None,
            b"welcome",
        ));
        assert!(r.summary.contains("test page was replaced"), "{}", r.summary);
    }
}
