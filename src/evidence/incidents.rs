//! The status page's open incidents and active maintenances, as the `status_page` check writes
//! them into its `details` (`incidents[]`, `maintenances[]`: `name`, `status`, `update`). The
//! one reader of that shape: the verdict's words, the steps, the reports and `watch` take them
//! from here, as the page said them (each cleans what it shows).

use super::CheckResult;

/// One open incident, or active maintenance, on the status page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed<'a> {
    pub name: Option<&'a str>,
    /// Intuit's latest update, when one was posted.
    pub update: Option<&'a str>,
    /// "investigating", "identified", …
    pub status: Option<&'a str>,
    /// A maintenance, not an incident.
    pub maintenance: bool,
}

/// The incidents, then the maintenances, of the status page's results among `results`.
pub fn listed<'a>(results: impl IntoIterator<Item = &'a CheckResult>) -> Vec<Listed<'a>> {
    let mut out = Vec::new();
    for r in results.into_iter().filter(|r| r.id == super::ids::STATUS_PAGE) {
        for (key, maintenance) in [("incidents", false), ("maintenances", true)] {
            let list = r.details.get(key).and_then(|v| v.as_array());
            for i in list.into_iter().flatten() {
                let text = |k: &str| i.get(k).and_then(|v| v.as_str());
                out.push(Listed {
                    name: text("name"),
                    update: text("update"),
                    status: text("status"),
                    maintenance,
                });
            }
        }
    }
    out
}
