//! Automated checks: the registry that runs each check of the catalog
//! ([`crate::evidence::catalog`]), the runner that starts them all at once, each under its own
//! timeout, and streams results back, and the judges that turn probes into results (and the
//! words they share: [`setup_failed`], [`host_label`]). They measure through [`crate::probe`]
//! (the network) and [`crate::machine`] (this computer). Results and their facts are the pure
//! core's ([`crate::evidence`]); checks write facts only through
//! [`Facts`](crate::evidence::Facts).

mod bank;
mod clock;
mod connectivity;
mod dns;
mod http;
pub mod runner;
mod sampled;
pub mod status_doc;
pub mod status_page;
mod tcp;
mod tls;
pub mod watch;

// System checks (proxy, browsers, firewall, system); they read this computer through `machine`.
// Public: their per-OS parsers are compiled on every OS so their tests run everywhere, and an OS
// that does not call one must not count it dead.
pub mod browsers;
pub mod firewall;
mod proxy;
pub mod system;

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use url::Url;

use crate::config::Config;
use crate::evidence::{CheckId, CheckResult, Status};

pub use runner::{CheckEvent, spawn_run};

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

/// The one result of a check whose probing could not be set up (e.g. a bad CA file).
pub fn setup_failed(id: &str, what: &str, problem: String) -> Vec<CheckResult> {
    vec![CheckResult::new(
        id,
        Status::Error,
        format!("Cannot set up the {what}: {problem}"),
    )]
}

/// The host (and non-default port) of a URL, for summaries.
pub fn host_label(url: &Url) -> String {
    match (url.host_str(), url.port()) {
        (Some(h), Some(p)) => format!("{h}:{p}"),
        (Some(h), None) => h.to_string(),
        _ => url.to_string(),
    }
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
    /// Its id in the catalog ([`CheckId`]), which also gives its label and order.
    pub id: &'static str,
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
        id: CheckId::Connectivity.as_str(),
        dns_bound: false,
        run: |ctx| Box::pin(connectivity::run(ctx)),
    },
    CheckSpec {
        id: CheckId::Dns.as_str(),
        dns_bound: false,
        run: |ctx| Box::pin(dns::run(ctx)),
    },
    CheckSpec {
        id: CheckId::Tcp.as_str(),
        dns_bound: false,
        run: |ctx| Box::pin(tcp::run(ctx)),
    },
    CheckSpec {
        id: CheckId::Tls.as_str(),
        dns_bound: false,
        run: |ctx| Box::pin(tls::run(ctx)),
    },
    CheckSpec {
        id: CheckId::Http.as_str(),
        dns_bound: false,
        run: |ctx| Box::pin(http::run(ctx)),
    },
    CheckSpec {
        id: CheckId::StatusPage.as_str(),
        dns_bound: false,
        run: |ctx| Box::pin(status_page::run(ctx)),
    },
    CheckSpec {
        id: CheckId::Bank.as_str(),
        dns_bound: false,
        run: |ctx| Box::pin(bank::run(ctx)),
    },
    CheckSpec {
        id: CheckId::Proxy.as_str(),
        dns_bound: false,
        run: |ctx| Box::pin(proxy::run(ctx)),
    },
    CheckSpec {
        id: CheckId::Clock.as_str(),
        dns_bound: false,
        run: |ctx| Box::pin(clock::run(ctx)),
    },
    CheckSpec {
        id: CheckId::Browsers.as_str(),
        dns_bound: false,
        run: |ctx| Box::pin(browsers::run(ctx)),
    },
    CheckSpec {
        id: CheckId::Firewall.as_str(),
        dns_bound: false,
        run: |ctx| Box::pin(firewall::run(ctx)),
    },
    CheckSpec {
        id: CheckId::System.as_str(),
        dns_bound: false,
        run: |ctx| Box::pin(system::run(ctx)),
    },
];

/// Looks a check up by id.
pub fn find(id: &str) -> Option<&'static CheckSpec> {
    REGISTRY.iter().find(|c| c.id == id)
}

#[cfg(test)]
mod registry_tests {
    use super::*;

    #[test]
    fn the_registry_runs_every_catalog_check_once_in_catalog_order() {
        let ids: Vec<&str> = REGISTRY.iter().map(|c| c.id).collect();
        let catalog: Vec<&str> = CheckId::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(ids, catalog);
        assert!(find("http").is_some() && find("ping").is_none());
    }
}
