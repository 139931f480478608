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

/// At most this many incidents are shown on a step (the reports list them all).
pub const INCIDENTS_SHOWN: usize = 2;

/// The open incidents, then the active maintenances, in `results` of the status page: those
/// with a name, and their update when it says something.
pub fn incidents<'a>(results: impl IntoIterator<Item = &'a CheckResult>) -> Vec<Incident> {
    crate::evidence::incidents::listed(results)
        .into_iter()
        .filter_map(|i| {
            Some(Incident {
                name: i.name?.to_string(),
                update: i.update.filter(|u| !u.trim().is_empty()).map(str::to_string),
            })
        })
        .collect()
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
