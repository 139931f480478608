//! The status page's open incidents and maintenances, as the step that reads the status page
//! shows them: the incident's title and Intuit's latest update, in Intuit's own words.

use crate::evidence::CheckResult;

/// One open incident (or active maintenance) on the status page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Incident {
    pub name: String,
    /// Intuit's latest update, when one was posted.
    pub update: Option<String>,
}

/// The status page's check id.
const STATUS_PAGE: &str = "status_page";

/// At most this many incidents are shown on a step (the reports list them all).
pub const INCIDENTS_SHOWN: usize = 2;

/// The open incidents, then the active maintenances, in `results` of the status page.
pub fn incidents<'a>(results: impl IntoIterator<Item = &'a CheckResult>) -> Vec<Incident> {
    let mut out = Vec::new();
    for r in results.into_iter().filter(|r| r.id == STATUS_PAGE) {
        for key in ["incidents", "maintenances"] {
            let list = r.details.get(key).and_then(|v| v.as_array());
            for i in list.into_iter().flatten() {
                let Some(name) = i.get("name").and_then(|v| v.as_str()) else {
                    continue;
                };
                let update = i.get("update").and_then(|v| v.as_str()).map(str::to_string);
                out.push(Incident {
                    name: name.to_string(),
                    update: update.filter(|u| !u.trim().is_empty()),
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::Status;

    #[test]
    fn incidents_then_maintenances_with_their_latest_update() {
        let r = CheckResult::new("status_page", Status::Fail, "down")
            .with(
                "incidents",
                serde_json::json!([{ "name": "Sign-in fails", "update": "Fix rolling out." }]),
            )
            .with(
                "maintenances",
                serde_json::json!([{ "name": "Database upgrade", "update": " " }, { "status": "x" }]),
            );
        let other = CheckResult::new("http", Status::Fail, "502")
            .with("incidents", serde_json::json!([{ "name": "not this" }]));
        assert_eq!(
            incidents([&r, &other]),
            [
                Incident {
                    name: "Sign-in fails".into(),
                    update: Some("Fix rolling out.".into())
                },
                Incident {
                    name: "Database upgrade".into(),
                    update: None
                },
            ]
        );
    }
}
