//! `status_page`: reads Intuit's status page (`[targets] status_page`, Statuspage
//! `summary.json`) and says in one line whether Intuit reports a problem, naming the components
//! and incidents the page names. Unreadable, partial or oversized replies are reported as
//! such, never as "all operational".

use std::sync::Arc;

use serde_json::{Value, json};

use std::time::Duration;

use super::Context;
use super::status_doc::{self, StatusDoc, is_problem_status, plain_status};
use super::{sampled, setup_failed};
use crate::evidence::redact_url;
use crate::evidence::{CheckResult, Status, millis};
use crate::probe::{Layer, Sample};
use crate::text::words::human_duration;

pub const ID: &str = "status_page";

/// Most bytes read from the status page (a real summary is ~10–50 KiB).
pub const MAX_BODY: usize = 1024 * 1024;

/// Problems named in the summary line before "and N more".
const NAMED: usize = 3;

pub async fn run(ctx: Arc<Context>) -> Vec<CheckResult> {
    let config = &ctx.config;
    let url = &config.targets.status_page;
    let probe = match ctx.hub.probe(std::slice::from_ref(url), 1, MAX_BODY).await {
        Ok(mut probes) => probes.pop(),
        Err(e) => return setup_failed(ID, "status page test", e),
    };
    let Some(s) = probe.as_ref().and_then(|p| p.samples.first()) else {
        return setup_failed(ID, "status page test", "nothing was probed".into());
    };
    let r = judge_sample(s, config.network.timeout)
        .with("target", redact_url(url))
        .with_duration(s.total);
    vec![match &s.answer {
        Some(a) => r.with("ttfb_ms", millis(a.ttfb)),
        None => r,
    }]
}

/// What one probe of the status page says (any bytes as a body give a result, never a panic).
/// A page that cannot be read is `warn`: it says nothing about the path to QuickBooks itself.
pub fn judge_sample(s: &Sample, timeout: Duration) -> CheckResult {
    let base = |status, summary: String| CheckResult::new(ID, status, summary).with("outage", false);
    let facts = sampled::facts_of(s);
    if let Some(f) = &s.failure {
        let summary = if s.answer.is_some() && f.layer == Layer::Body {
            format!(
                "Intuit's status page started to answer but did not finish within {} ({})",
                human_duration(timeout),
                f.text
            )
        } else {
            format!("Could not read Intuit's status page: {}", f.text)
        };
        return base(Status::Warn, summary).with_facts(&facts);
    }
    let Some(answer) = &s.answer else {
        return base(Status::Warn, "Could not read Intuit's status page".into());
    };
    let (body, truncated) = s.body.clone().unwrap_or_default();
    if !(200..300).contains(&answer.status) {
        return base(
            Status::Warn,
            format!(
                "Intuit's status page could not be read: it answered {}",
                answer.status
            ),
        )
        .with("status_code", answer.status);
    }
    if truncated {
        return base(
            Status::Warn,
            format!(
                "Intuit's status page sent more than {} KiB, which is not a status summary; it was not read",
                MAX_BODY / 1024
            ),
        );
    }
    match status_doc::parse(&body) {
        Ok(doc) => judge(&doc),
        Err(e) => base(
            Status::Warn,
            format!("Intuit's status page could not be read: {e}"),
        ),
    }
}

/// What the page says, as one result.
pub fn judge(doc: &StatusDoc) -> CheckResult {
    let components = doc.components.as_deref().unwrap_or_default();
    let incidents = doc.incidents.as_deref().unwrap_or_default();
    let mut problems: Vec<String> = components
        .iter()
        .filter(|c| is_problem_status(&c.status))
        .map(|c| format!("{} — {}", c.name, plain_status(&c.status)))
        .collect();
    problems.extend(incidents.iter().map(|i| format!("incident '{}'", i.name)));
    problems.extend(
        doc.maintenances
            .iter()
            .map(|m| format!("maintenance '{}'", m.name)),
    );
    let unknown: Vec<&str> = components
        .iter()
        .filter(|c| c.status != "operational" && !is_problem_status(&c.status))
        .map(|c| c.name.as_str())
        .collect();
    let indicator = doc.indicator.as_deref();
    let severe = matches!(indicator, Some("major" | "critical"))
        || components.iter().any(|c| c.status == "major_outage")
        || incidents
            .iter()
            .any(|i| matches!(i.impact.as_str(), "major" | "critical"));
    let problem_indicator = matches!(indicator, Some("minor" | "major" | "critical" | "maintenance"));

    let (status, outage, summary) = if !problems.is_empty() || problem_indicator {
        let named = if problems.is_empty() {
            doc.description
                .clone()
                .unwrap_or_else(|| format!("a {} problem", indicator.unwrap_or("")))
        } else {
            let mut text = problems
                .iter()
                .take(NAMED)
                .cloned()
                .collect::<Vec<_>>()
                .join("; ");
            if problems.len() > NAMED {
                text.push_str(&format!("; and {} more", problems.len() - NAMED));
            }
            text
        };
        let status = if severe { Status::Fail } else { Status::Warn };
        (status, true, format!("Intuit reports: {named}"))
    } else if indicator != Some("none") || doc.components.is_none() || doc.incidents.is_none() {
        (
            Status::Warn,
            false,
            "Intuit's status page did not clearly say whether QuickBooks is working (parts of it were missing)".to_string(),
        )
    } else if !unknown.is_empty() {
        (
            Status::Warn,
            false,
            format!(
                "Intuit's status page reports no incidents, but the state of {} could not be read",
                unknown.iter().take(NAMED).copied().collect::<Vec<_>>().join(", ")
            ),
        )
    } else {
        (
            Status::Pass,
            false,
            "Intuit's status page reports no problems with QuickBooks".to_string(),
        )
    };
    let mut r = CheckResult::new(ID, status, summary)
        .with("outage", outage)
        .with("components_total", components.len())
        .with("components", components_json(doc))
        .with("incidents", incidents_json(incidents))
        .with("maintenances", incidents_json(&doc.maintenances))
        .with("upcoming_maintenances", doc.upcoming_maintenances);
    if let Some(i) = indicator {
        r = r.with("indicator", i);
    }
    if let Some(d) = &doc.description {
        r = r.with("description", d.as_str());
    }
    r
}

/// The components that are not operational (all of them would be noise), with their state.
fn components_json(doc: &StatusDoc) -> Value {
    let list: Vec<Value> = doc
        .components
        .iter()
        .flatten()
        .filter(|c| c.status != "operational")
        .take(status_doc::MAX_ITEMS)
        .map(|c| json!({ "name": c.name, "status": c.status }))
        .collect();
    Value::Array(list)
}

fn incidents_json(list: &[status_doc::Incident]) -> Value {
    Value::Array(
        list.iter()
            .take(status_doc::MAX_ITEMS)
            .map(|i| {
                json!({
                    "name": i.name,
                    "status": i.status,
                    "impact": i.impact,
                    "update": i.update,
                })
            })
            .collect(),
    )
}
