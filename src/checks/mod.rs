//! Automated checks: the result shape shared by every check, the registry by id, and the
//! runner that starts them all at once, each under its own timeout, and streams results back.
//!
//! The result shape and the facts the verdict reads live in the pure core
//! [`crate::evidence`] (re-exported here); checks write those facts only through
//! [`Facts`](crate::evidence::Facts).

pub mod bank;
pub mod cert;
pub mod clock;
pub mod connectivity;
pub mod dns;
pub mod handshake;
pub mod http;
pub mod net;
pub mod runner;
pub mod sampled;
pub mod status_doc;
pub mod status_page;
pub mod tcp;
pub mod tls;
pub mod verdict;

// System checks (proxy, browsers, firewall, system) and their helpers.
pub mod browsers;
pub mod firewall;
pub mod process;
pub mod proxy;
pub mod reg_query;
pub mod system;

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use crate::config::Config;

pub use crate::evidence::{Answerer, CheckResult, ErrorKind, Facts, Status, millis};
pub use runner::{CheckEvent, spawn_run};
pub use verdict::{Verdict, VerdictId};

/// The `skip` of a check that reads this computer's own state when `QBFIX_HOST_PROBES=off`
/// (tests set it so their verdicts and exit codes do not depend on the machine).
pub fn host_probes_off(id: &str) -> Option<Vec<CheckResult>> {
    (!crate::probe::hub::host_probes_on()).then(|| {
        vec![CheckResult::new(
            id,
            Status::Skip,
            format!("Not checked: {}=off", crate::probe::hub::HOST_PROBES_ENV),
        )]
    })
}

/// What every check gets: the settings (and nothing global).
#[derive(Debug)]
pub struct Context {
    pub config: Arc<Config>,
    /// The run's shared probing (route, trust anchors, QuickBooks probes).
    pub hub: crate::probe::Hub,
}

impl Context {
    pub fn new(config: Arc<Config>) -> Context {
        Context {
            hub: crate::probe::Hub::new(config.clone()),
            config,
        }
    }
}

/// The future a check returns.
pub type CheckFuture = Pin<Box<dyn Future<Output = Vec<CheckResult>> + Send>>;

/// A registered check.
#[derive(Clone, Copy)]
pub struct CheckSpec {
    pub id: &'static str,
    /// The friendly name people see everywhere ("Internet connection", "Intuit status page").
    pub label: &'static str,
    /// Whether the DNS timeout (rather than the network one) bounds it.
    pub dns_bound: bool,
    pub run: fn(Arc<Context>) -> CheckFuture,
}

impl std::fmt::Debug for CheckSpec {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CheckSpec").field("id", &self.id).finish()
    }
}

impl CheckSpec {
    /// The time this check may take in all.
    pub fn timeout(&self, config: &Config) -> Duration {
        if self.dns_bound {
            config.network.dns_timeout
        } else {
            config.network.timeout
        }
    }
}

/// Every check of DESIGN.md, in the order tables list them.
pub static REGISTRY: &[CheckSpec] = &[
    CheckSpec {
        id: "connectivity",
        label: "Internet connection",
        dns_bound: false,
        run: |ctx| Box::pin(connectivity::run(ctx)),
    },
    CheckSpec {
        id: "dns",
        label: "Name lookup (DNS)",
        dns_bound: false,
        run: |ctx| Box::pin(dns::run(ctx)),
    },
    CheckSpec {
        id: "tcp",
        label: "Connection to QuickBooks",
        dns_bound: false,
        run: |ctx| Box::pin(tcp::run(ctx)),
    },
    CheckSpec {
        id: "tls",
        label: "Secure connection (TLS)",
        dns_bound: false,
        run: |ctx| Box::pin(tls::run(ctx)),
    },
    CheckSpec {
        id: "http",
        label: "QuickBooks sites",
        dns_bound: false,
        run: |ctx| Box::pin(http::run(ctx)),
    },
    CheckSpec {
        id: "status_page",
        label: "Intuit status page",
        dns_bound: false,
        run: |ctx| Box::pin(status_page::run(ctx)),
    },
    CheckSpec {
        id: "bank",
        label: "Bank website",
        dns_bound: false,
        run: |ctx| Box::pin(bank::run(ctx)),
    },
    CheckSpec {
        id: "proxy",
        label: "Proxy settings",
        dns_bound: false,
        run: |ctx| Box::pin(proxy::run(ctx)),
    },
    CheckSpec {
        id: "clock",
        label: "Clock",
        dns_bound: false,
        run: |ctx| Box::pin(clock::run(ctx)),
    },
    CheckSpec {
        id: "browsers",
        label: "Browsers",
        dns_bound: false,
        run: |ctx| Box::pin(browsers::run(ctx)),
    },
    CheckSpec {
        id: "firewall",
        label: "Firewall and security software",
        dns_bound: false,
        run: |ctx| Box::pin(firewall::run(ctx)),
    },
    CheckSpec {
        id: "system",
        label: "This computer",
        dns_bound: false,
        run: |ctx| Box::pin(system::run(ctx)),
    },
];

/// Puts results in registry order (the order tables list them), whatever order they finished in.
pub fn sort_by_registry(results: &mut [CheckResult]) {
    results.sort_by_key(|r| REGISTRY.iter().position(|c| c.id == r.id).unwrap_or(usize::MAX));
}

/// Looks a check up by id.
pub fn find(id: &str) -> Option<&'static CheckSpec> {
    REGISTRY.iter().find(|c| c.id == id)
}

/// The friendly name of a check for people ("Intuit status page"), from the registry: the one
/// source every table, screen and report names checks by (ids are for JSON only). An unknown
/// id (from an imported file) is shown as it is.
pub fn label(id: &str) -> &str {
    find(id).map_or(id, |c| c.label)
}

/// All known check ids, comma separated (for error messages).
pub fn known_ids() -> String {
    REGISTRY.iter().map(|c| c.id).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod registry_tests {
    use super::*;

    #[test]
    fn registry_has_every_design_check_once_in_design_order() {
        let ids: Vec<&str> = REGISTRY.iter().map(|c| c.id).collect();
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
        assert!(find("http").is_some() && find("ping").is_none());
    }

    #[test]
    fn every_check_has_a_friendly_label_of_its_own() {
        let mut seen = std::collections::HashSet::new();
        for c in REGISTRY {
            assert!(!c.label.trim().is_empty(), "{}", c.id);
            assert_ne!(c.label, c.id, "a label is for people, not the id");
            assert!(!c.label.contains('_'), "{}: {}", c.id, c.label);
            assert!(seen.insert(c.label), "two checks called {:?}", c.label);
            assert_eq!(label(c.id), c.label);
        }
        assert_eq!(label("status_page"), "Intuit status page");
        assert_eq!(label("from_elsewhere"), "from_elsewhere");
    }
}
