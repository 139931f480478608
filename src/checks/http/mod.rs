//! `http`: the GET of each QuickBooks URL, from the layered probe, sampled `[network] samples`
//! times on separate connections: the status, median time to first byte and total time;
//! gateway failures (502/503/504) are named plainly, also when only one sample got one ("fails
//! intermittently: 1 of 3 requests answered 502"); a body that stops arriving is a failure;
//! replies over `slow_ms` are flagged. Through a proxy, what the proxy said is kept apart from
//! what QuickBooks said.

use std::sync::Arc;
use std::time::Duration;

use super::sampled::{self, facts_of};
use super::{Context, host_label, setup_failed};
use crate::evidence::{Answerer, median, redact_url};
use crate::evidence::{CheckResult, ErrorKind, Facts, Status, millis};
use crate::probe::{Layer, Sample, UrlProbe};
use crate::text::words::human_duration;

pub const ID: &str = "http";

pub async fn run(ctx: Arc<Context>) -> Vec<CheckResult> {
    let config = &ctx.config;
    if config.targets.quickbooks.is_empty() {
        return vec![CheckResult::new(
            ID,
            Status::Skip,
            "No QuickBooks addresses are configured",
        )];
    }
    match ctx.hub.quickbooks().await.as_ref() {
        Ok(probes) => probes
            .iter()
            .map(|p| judge(ID, "QuickBooks", p, config.network.slow))
            .collect(),
        Err(e) => setup_failed(ID, "web test", e.clone()),
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

/// The host a redirect sends to, when it is another host than the URL's.
pub fn redirected_host(probe: &UrlProbe, s: &Sample) -> Option<String> {
    let answer = s.answer.as_ref()?;
    if !(300..400).contains(&answer.status) {
        return None;
    }
    let to = url::Url::parse(answer.location.as_deref()?).ok()?;
    (to.host_str() != probe.url.host_str()).then(|| host_label(&to))
}

/// "QuickBooks'" and "your bank's": the possessive as the project writes it.
fn possessive(owner: &str) -> String {
    if owner.ends_with('s') {
        format!("{owner}'")
    } else {
        format!("{owner}'s")
    }
}

/// Turns the samples of one site into a result (shared with the `bank` check). `owner` names
/// whose gateway failed ("QuickBooks", "your bank").
pub fn judge(id: &str, owner: &str, probe: &UrlProbe, slow: Duration) -> CheckResult {
    let host = host_label(&probe.url);
    if let Some(r) = sampled::not_tested(id, &host, probe) {
        return r;
    }
    let samples = &probe.samples;
    let total = samples.len();
    let answered: Vec<&Sample> = samples.iter().filter(|s| s.answer.is_some()).collect();
    let mut facts = Facts {
        samples: Some(u32::try_from(total).unwrap_or(u32::MAX)),
        proxy: samples.first().and_then(|s| s.via.clone()),
        slow_ms: Some(millis(slow)),
        body_digest: answered.first().and_then(|s| s.body_digest()),
        ..Facts::default()
    };
    sampled::layer_times(samples, &mut facts);
    let took = sampled::longest(probe);
    let finish = |r: CheckResult, facts: &Facts| {
        r.with("target", redact_url(&probe.url))
            .with_facts(facts)
            .with_duration(took)
    };
    let Some(first) = answered.first() else {
        // Nobody answered: the first failure says why (the proxy's, if it was the proxy).
        let Some(s) = samples.first() else {
            return finish(
                CheckResult::new(id, Status::Error, format!("{host} was not probed")),
                &facts,
            );
        };
        let failure = s.failure.as_ref();
        let text = failure.map_or("no answer", |f| f.text.as_str());
        facts = facts_of(s).merged(facts);
        return finish(
            CheckResult::new(id, Status::Fail, format!("Could not reach {host}: {text}")),
            &facts,
        );
    };
    let codes: Vec<u16> = samples.iter().filter_map(Sample::status).collect();
    facts.answered_by = Some(Answerer::Origin);
    if total > 1 {
        facts.status_codes = codes.clone();
    }
    let bad = |c: &u16| *c >= 500;
    let worst = codes.iter().copied().find(|c| bad(c));
    let code = worst.unwrap_or(first.status().unwrap_or(0));
    facts.status_code = Some(code);
    facts.redirected_to = answered.iter().find_map(|s| redirected_host(probe, s));
    let date = answered
        .iter()
        .find_map(|s| s.answer.as_ref().and_then(|a| a.date.clone()));
    let line = verdict_line(id, owner, &host, probe, &codes, code, slow, &mut facts);
    let r = finish(line, &facts);
    match date {
        Some(date) => r.with("date", date),
        None => r,
    }
}

#[allow(clippy::too_many_arguments)]
fn verdict_line(
    id: &str,
    owner: &str,
    host: &str,
    probe: &UrlProbe,
    codes: &[u16],
    code: u16,
    slow: Duration,
    facts: &mut Facts,
) -> CheckResult {
    let samples = &probe.samples;
    let total = samples.len();
    let failing: Vec<&Sample> = samples.iter().filter(|s| s.failure.is_some()).collect();
    let reason = samples
        .iter()
        .find_map(|s| {
            s.answer
                .as_ref()
                .filter(|a| a.status == code)
                .and_then(|a| a.reason.clone())
        })
        .unwrap_or_default();
    let bad_count = codes.iter().filter(|c| **c >= 500).count();
    let owners = possessive(owner);
    if bad_count > 0 {
        let named = gateway_failure(code).map_or(format!("{code} {reason}"), str::to_string);
        let summary = if bad_count < total {
            format!(
                "{host} fails intermittently: {bad_count} of {total} requests answered {code}: {owners} servers are failing, not your computer"
            )
        } else if gateway_failure(code).is_some() {
            format!("{host} answered {named}: {owners} servers are failing, not your computer")
        } else {
            format!("{host} answered {named}: a server error on {owners} side")
        };
        return CheckResult::new(id, Status::Fail, summary.replace("  ", " "));
    }
    if let Some(s) = failing.first() {
        let f = s.failure.as_ref();
        let text = f.map_or(String::new(), |f| f.text.clone());
        let kind = f.map(|f| f.kind);
        *facts = facts_of(s).merged(facts.clone());
        let summary = if kind == Some(ErrorKind::BodyStalled) || f.is_some_and(|f| f.layer == Layer::Body) {
            format!("{host} answered {code}, but {text}: pages that hang look like this")
        } else {
            format!(
                "{host} fails intermittently: {} of {total} requests got no answer ({text})",
                failing.len()
            )
        };
        return CheckResult::new(id, Status::Fail, summary);
    }
    let ttfb = median(
        &samples
            .iter()
            .filter_map(|s| s.answer.as_ref().map(|a| a.ttfb))
            .collect::<Vec<_>>(),
    );
    if ttfb > slow {
        facts.slow = Some(true);
        return CheckResult::new(
            id,
            Status::Warn,
            format!(
                "{host} answered {code} but slowly: {} (over {})",
                human_duration(ttfb),
                human_duration(slow)
            ),
        );
    }
    let of = if total > 1 {
        format!(" ({total} of {total} requests)")
    } else {
        String::new()
    };
    CheckResult::new(
        id,
        Status::Pass,
        format!("{host} answered {code} {reason} in {}{of}", human_duration(ttfb)).replace("  ", " "),
    )
}

#[cfg(test)]
mod tests;
