//! The check catalog: every check of DESIGN.md by id, its friendly label and its place in the
//! order tables list them. The one source every floor names checks from (ids only in JSON,
//! labels everywhere a person reads); the measuring tower's registry and the result code's
//! frozen tables are tied to it by tests.

use super::CheckResult;

/// A check of DESIGN.md's "Automated checks".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CheckId {
    Connectivity,
    Dns,
    Tcp,
    Tls,
    Http,
    StatusPage,
    Bank,
    Proxy,
    Clock,
    Browsers,
    Firewall,
    System,
}

/// The ids as strings, for code that matches on a result's `id`.
pub mod ids {
    use super::CheckId;

    pub const CONNECTIVITY: &str = CheckId::Connectivity.as_str();
    pub const DNS: &str = CheckId::Dns.as_str();
    pub const TCP: &str = CheckId::Tcp.as_str();
    pub const TLS: &str = CheckId::Tls.as_str();
    pub const HTTP: &str = CheckId::Http.as_str();
    pub const STATUS_PAGE: &str = CheckId::StatusPage.as_str();
    pub const BANK: &str = CheckId::Bank.as_str();
    pub const PROXY: &str = CheckId::Proxy.as_str();
    pub const CLOCK: &str = CheckId::Clock.as_str();
    pub const BROWSERS: &str = CheckId::Browsers.as_str();
    pub const FIREWALL: &str = CheckId::Firewall.as_str();
    pub const SYSTEM: &str = CheckId::System.as_str();
}

impl CheckId {
    /// Every check, in the order tables list them.
    pub const ALL: [CheckId; 12] = [
        CheckId::Connectivity,
        CheckId::Dns,
        CheckId::Tcp,
        CheckId::Tls,
        CheckId::Http,
        CheckId::StatusPage,
        CheckId::Bank,
        CheckId::Proxy,
        CheckId::Clock,
        CheckId::Browsers,
        CheckId::Firewall,
        CheckId::System,
    ];

    /// The id of DESIGN.md (`status_page`), as JSON and `--only` spell it.
    pub const fn as_str(self) -> &'static str {
        match self {
            CheckId::Connectivity => "connectivity",
            CheckId::Dns => "dns",
            CheckId::Tcp => "tcp",
            CheckId::Tls => "tls",
            CheckId::Http => "http",
            CheckId::StatusPage => "status_page",
            CheckId::Bank => "bank",
            CheckId::Proxy => "proxy",
            CheckId::Clock => "clock",
            CheckId::Browsers => "browsers",
            CheckId::Firewall => "firewall",
            CheckId::System => "system",
        }
    }

    /// The friendly name people see everywhere ("Internet connection", "Intuit status page").
    pub const fn label(self) -> &'static str {
        match self {
            CheckId::Connectivity => "Internet connection",
            CheckId::Dns => "Name lookup (DNS)",
            CheckId::Tcp => "Connection to QuickBooks",
            CheckId::Tls => "Secure connection (TLS)",
            CheckId::Http => "QuickBooks sites",
            CheckId::StatusPage => "Intuit status page",
            CheckId::Bank => "Bank website",
            CheckId::Proxy => "Proxy settings",
            CheckId::Clock => "Clock",
            CheckId::Browsers => "Browsers",
            CheckId::Firewall => "Firewall and security software",
            CheckId::System => "This computer",
        }
    }

    /// The check with this id, if there is one.
    pub fn parse(id: &str) -> Option<CheckId> {
        CheckId::ALL.into_iter().find(|c| c.as_str() == id)
    }

    /// Its place in the order tables list checks.
    pub fn position(self) -> usize {
        CheckId::ALL.iter().position(|c| *c == self).unwrap_or(usize::MAX)
    }
}

/// The friendly name of a check for people. An unknown id (from an imported file) is shown as
/// it is.
pub fn label(id: &str) -> &str {
    match CheckId::parse(id) {
        Some(c) => c.label(),
        None => id,
    }
}

/// Where a check id stands in the order tables list them (unknown ids last).
pub fn order(id: &str) -> usize {
    CheckId::parse(id).map_or(usize::MAX, CheckId::position)
}

/// Puts results in the catalog's order, whatever order they finished in.
pub fn sort(results: &mut [CheckResult]) {
    results.sort_by_key(|r| order(&r.id));
}

/// All known check ids, comma separated (for error messages).
pub fn known_ids() -> String {
    CheckId::ALL.map(CheckId::as_str).join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_design_check_once_in_design_order() {
        let ids: Vec<&str> = CheckId::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(
            ids,
            [
                "connectivity",
                "dns",
                "tcp",
                "tls",
                "http",
                "status_page",
                "bank",
                "proxy",
                "clock",
                "browsers",
                "firewall",
                "system"
            ]
        );
        assert_eq!(CheckId::parse("http"), Some(CheckId::Http));
        assert_eq!(CheckId::parse("ping"), None);
    }

    #[test]
    fn every_check_has_a_friendly_label_of_its_own() {
        let mut seen = std::collections::HashSet::new();
        for c in CheckId::ALL {
            assert!(!c.label().trim().is_empty(), "{c:?}");
            assert_ne!(c.label(), c.as_str(), "a label is for people, not the id");
            assert!(!c.label().contains('_'), "{c:?}: {}", c.label());
            assert!(seen.insert(c.label()), "two checks called {:?}", c.label());
            assert_eq!(label(c.as_str()), c.label());
        }
        assert_eq!(label("status_page"), "Intuit status page");
        assert_eq!(label("from_elsewhere"), "from_elsewhere");
    }

    #[test]
    fn results_sort_in_catalog_order_unknown_last() {
        let mut results: Vec<CheckResult> = ["mystery", "system", "dns", "connectivity"]
            .iter()
            .map(|id| CheckResult::new(id, super::super::Status::Pass, ""))
            .collect();
        sort(&mut results);
        let ids: Vec<&str> = results.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["connectivity", "dns", "system", "mystery"]);
    }
}
