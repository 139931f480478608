//! Reading a Statuspage `summary.json` defensively: any JSON value is accepted, every field is
//! optional (the body is already capped at 1 MiB), and what is missing stays unknown rather than becoming "all operational". Pure
//! functions of the bytes, tested on a corpus in `tests/data/status/`.

use serde_json::Value;

/// Longest name or text kept from the page (it is a stranger's string).
const MAX_TEXT: usize = 160;
/// Most components, incidents or maintenances listed in a result's details (all count).
pub const MAX_ITEMS: usize = 50;

/// Why a reply is not a status summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DocError {
    #[error("the reply was empty")]
    Empty,
    #[error("the reply was a web page, not status data")]
    Html,
    #[error("the reply was not readable status data")]
    NotJson,
    #[error("the reply did not have the expected shape")]
    WrongShape,
}

/// One component of the service ("Banking", "Sign in"), names as the page gives them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Component {
    pub name: String,
    /// `operational`, `degraded_performance`, `partial_outage`, `major_outage`,
    /// `under_maintenance`, or whatever else the page said.
    pub status: String,
}

/// An open incident or an active maintenance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Incident {
    pub name: String,
    pub status: String,
    /// `none`, `minor`, `major`, `critical`, or empty when not given.
    pub impact: String,
    /// The latest update's text, when given.
    pub update: Option<String>,
}

/// What the page says, with `None`s where it said nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StatusDoc {
    /// `status.indicator`: `none`, `minor`, `major`, `critical`, `maintenance`.
    pub indicator: Option<String>,
    pub description: Option<String>,
    /// `None` when the page had no `components` list.
    pub components: Option<Vec<Component>>,
    /// Open incidents; `None` when the page had no `incidents` list.
    pub incidents: Option<Vec<Incident>>,
    /// Maintenances in progress now.
    pub maintenances: Vec<Incident>,
    /// Maintenances announced for later.
    pub upcoming_maintenances: usize,
}

/// Parses a reply body.
pub fn parse(body: &[u8]) -> Result<StatusDoc, DocError> {
    let text = String::from_utf8_lossy(body);
    let trimmed = text.trim_start_matches('\u{feff}').trim();
    if trimmed.is_empty() {
        return Err(DocError::Empty);
    }
    if trimmed.starts_with('<') {
        return Err(DocError::Html);
    }
    let value: Value = serde_json::from_str(trimmed).map_err(|_| DocError::NotJson)?;
    let root = value.as_object().ok_or(DocError::WrongShape)?;
    let status = root.get("status");
    let doc = StatusDoc {
        indicator: status
            .and_then(|s| text_of(s.get("indicator")))
            .map(|s| s.to_ascii_lowercase()),
        description: status.and_then(|s| text_of(s.get("description"))),
        components: root.get("components").and_then(Value::as_array).map(|list| {
            list.iter()
                .filter(|c| !c.get("group").and_then(Value::as_bool).unwrap_or(false))
                .filter_map(component)
                .collect()
        }),
        incidents: root.get("incidents").and_then(Value::as_array).map(|list| {
            list.iter()
                .filter_map(incident)
                .filter(|i| !matches!(i.status.as_str(), "resolved" | "postmortem" | "completed"))
                .collect()
        }),
        maintenances: maintenances(root.get("scheduled_maintenances"), true),
        upcoming_maintenances: maintenances(root.get("scheduled_maintenances"), false).len(),
    };
    if doc.indicator.is_none() && doc.components.is_none() && doc.incidents.is_none() {
        return Err(DocError::WrongShape);
    }
    Ok(doc)
}

/// A string field, trimmed and cut to [`MAX_TEXT`] characters; `None` when absent or empty.
fn text_of(v: Option<&Value>) -> Option<String> {
    let s = v?.as_str()?.trim();
    if s.is_empty() {
        return None;
    }
    let mut out: String = s.chars().take(MAX_TEXT).collect();
    if s.chars().nth(MAX_TEXT).is_some() {
        out.push('…');
    }
    Some(out)
}

fn component(v: &Value) -> Option<Component> {
    Some(Component {
        name: text_of(v.get("name"))?,
        status: text_of(v.get("status"))
            .map(|s| s.to_ascii_lowercase())
            .unwrap_or_else(|| "unknown".into()),
    })
}

fn incident(v: &Value) -> Option<Incident> {
    if !v.is_object() {
        return None;
    }
    let update = v
        .get("incident_updates")
        .and_then(Value::as_array)
        .and_then(|u| u.first())
        .and_then(|u| text_of(u.get("body")));
    Some(Incident {
        name: text_of(v.get("name")).unwrap_or_else(|| "unnamed incident".into()),
        status: text_of(v.get("status"))
            .map(|s| s.to_ascii_lowercase())
            .unwrap_or_default(),
        impact: text_of(v.get("impact"))
            .map(|s| s.to_ascii_lowercase())
            .unwrap_or_default(),
        update,
    })
}

/// Scheduled maintenances that are active now (`active`) or still to come.
fn maintenances(v: Option<&Value>, active: bool) -> Vec<Incident> {
    let Some(list) = v.and_then(Value::as_array) else {
        return Vec::new();
    };
    list.iter()
        .filter_map(incident)
        .filter(|m| {
            let now = matches!(m.status.as_str(), "in_progress" | "verifying");
            if active { now } else { m.status == "scheduled" }
        })
        .collect()
}

/// Words for a component status.
pub fn plain_status(status: &str) -> String {
    match status {
        "operational" => "operational".into(),
        "degraded_performance" => "degraded performance".into(),
        "partial_outage" => "partial outage".into(),
        "major_outage" => "major outage".into(),
        "under_maintenance" => "under maintenance".into(),
        other => format!("state \"{}\"", other.replace('_', " ")),
    }
}

/// Component statuses that mean "something is wrong".
pub fn is_problem_status(status: &str) -> bool {
    matches!(
        status,
        "degraded_performance" | "partial_outage" | "major_outage" | "under_maintenance"
    )
}
