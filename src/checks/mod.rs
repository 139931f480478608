//! Automated checks: the result shape shared by every check, the registry by id, and the
//! runner that starts them all at once, each under its own timeout, and streams results back.
//!
//! Conventions for `details` that the verdict reads (every check that talks to a URL follows
//! them): `target` (the URL or host), `status_code` (HTTP status when the server answered),
//! `error_kind` (`dns`, `refused`, `unreachable`, `timeout`, `tls`, `connect`, `other`) when it
//! did not, `slow` (true when a QuickBooks reply took over `slow_ms`), `intercepted` (TLS: the
//! chain is untrusted or its issuer is not an expected one), `outage` (status page: an incident
//! or a component that is not operational).

pub mod bank;
pub mod cert;
pub mod clock;
pub mod connectivity;
pub mod dns;
pub mod handshake;
pub mod http;
pub mod net;
pub mod probe;
pub mod runner;
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

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::config::Config;

pub use runner::{CheckEvent, spawn_run};
pub use verdict::{Verdict, VerdictId};

/// How a check came out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Pass,
    Warn,
    Fail,
    Skip,
    Error,
}

impl Status {
    /// The symbol shown in tables and panels.
    pub fn symbol(self) -> &'static str {
        match self {
            Status::Pass => "✓",
            Status::Warn => "!",
            Status::Fail | Status::Error => "✗",
            Status::Skip => "-",
        }
    }

    /// True for statuses that make `qbfix check` exit 1.
    pub fn is_problem(self) -> bool {
        matches!(self, Status::Warn | Status::Fail | Status::Error)
    }
}

/// One measured fact, in the shape of DESIGN.md.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckResult {
    pub id: String,
    pub status: Status,
    pub summary: String,
    #[serde(default)]
    pub details: Map<String, Value>,
    #[serde(default)]
    pub duration_ms: u64,
}

impl CheckResult {
    pub fn new(id: &str, status: Status, summary: impl Into<String>) -> Self {
        CheckResult {
            id: id.to_string(),
            status,
            summary: summary.into(),
            details: Map::new(),
            duration_ms: 0,
        }
    }

    /// Adds one detail (builder style).
    pub fn with(mut self, key: &str, value: impl Into<Value>) -> Self {
        self.details.insert(key.to_string(), value.into());
        self
    }

    pub fn with_duration(mut self, d: Duration) -> Self {
        self.duration_ms = millis(d);
        self
    }

    pub fn detail_str(&self, key: &str) -> Option<&str> {
        self.details.get(key).and_then(Value::as_str)
    }

    pub fn detail_u64(&self, key: &str) -> Option<u64> {
        self.details.get(key).and_then(Value::as_u64)
    }

    pub fn detail_bool(&self, key: &str) -> bool {
        self.details.get(key).and_then(Value::as_bool).unwrap_or(false)
    }
}

/// Whole milliseconds, for `*_ms` fields.
pub fn millis(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}

/// What every check gets: the settings (and nothing global).
#[derive(Debug, Clone)]
pub struct Context {
    pub config: Arc<Config>,
}

/// The future a check returns.
pub type CheckFuture = Pin<Box<dyn Future<Output = Vec<CheckResult>> + Send>>;

/// A registered check.
#[derive(Clone, Copy)]
pub struct CheckSpec {
    pub id: &'static str,
    /// Short name for panels and tables ("Internet", "QuickBooks sites").
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
        label: "Internet",
        dns_bound: false,
        run: |ctx| Box::pin(connectivity::run(ctx)),
    },
    CheckSpec {
        id: "dns",
        label: "Name lookup",
        dns_bound: true,
        run: |ctx| Box::pin(dns::run(ctx)),
    },
    CheckSpec {
        id: "tcp",
        label: "Connection",
        dns_bound: false,
        run: |ctx| Box::pin(tcp::run(ctx)),
    },
    CheckSpec {
        id: "tls",
        label: "Secure connection",
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
        label: "Intuit status",
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
        label: "Firewall",
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
}
