//! `proxy`: is traffic sent through a proxy? Reads the proxy environment variables (both
//! cases) and, where readable without privileges, the OS settings. A proxy is a warning, not a
//! failure: it can block or inspect QuickBooks. Addresses are reported as `host:port` only.

pub mod os;
pub mod parse;

use std::sync::Arc;
use std::time::Instant;

use serde_json::{Value, json};

use super::{CheckResult, Context, Status};
use os::OsProxy;
use parse::{Findings, ProxyEntry};

pub const ID: &str = "proxy";

pub async fn run(ctx: Arc<Context>) -> Vec<CheckResult> {
    let started = Instant::now();
    let timeout = ctx.config.network.timeout;
    let os = tokio::time::timeout(timeout, os::read(timeout.min(super::process::QUICK)))
        .await
        .unwrap_or_else(|_| OsProxy::Unavailable("the system proxy settings took too long to read".into()));
    let hosts: Vec<String> = ctx
        .config
        .targets
        .quickbooks
        .iter()
        .filter_map(|u| u.host_str().map(str::to_string))
        .collect();
    let env = |name: &str| std::env::var(name).ok();
    vec![judge(&env, &os, &hosts).with_duration(started.elapsed())]
}

/// The result for the environment read through `env`, the OS settings `os`, and the QuickBooks
/// hosts (to tell whether `NO_PROXY` lets them bypass an environment proxy).
pub fn judge(env: &dyn Fn(&str) -> Option<String>, os: &OsProxy, quickbooks_hosts: &[String]) -> CheckResult {
    let from_env = parse::from_env(env);
    let default_hosts = ["qbo.intuit.com".to_string()];
    let hosts = if quickbooks_hosts.is_empty() {
        &default_hosts[..]
    } else {
        quickbooks_hosts
    };
    let bypassed = from_env
        .no_proxy
        .as_deref()
        .is_some_and(|np| hosts.iter().all(|h| parse::no_proxy_covers(np, h)));
    let os_found = match os {
        OsProxy::Read(f) => f.clone(),
        OsProxy::Unavailable(_) => Findings::default(),
    };
    let mut in_use: Vec<&ProxyEntry> = os_found.proxies.iter().collect();
    if !bypassed {
        in_use.splice(0..0, from_env.proxies.iter());
    }
    let scripts: Vec<&ProxyEntry> = os_found.auto_config.iter().collect();

    let (status, summary) = if !in_use.is_empty() {
        (
            Status::Warn,
            format!(
                "Traffic goes through a proxy ({}): it can block or inspect QuickBooks",
                distinct(&in_use)
            ),
        )
    } else if !scripts.is_empty() {
        (
            Status::Warn,
            format!(
                "A proxy script from {} decides where traffic goes: it can block or inspect QuickBooks",
                distinct(&scripts)
            ),
        )
    } else if !from_env.proxies.is_empty() {
        (
            Status::Pass,
            format!(
                "A proxy is set ({}), but QuickBooks sites bypass it",
                distinct(&from_env.proxies.iter().collect::<Vec<_>>())
            ),
        )
    } else if matches!(os, OsProxy::Unavailable(_)) {
        (Status::Pass, "No proxy found".to_string())
    } else {
        (Status::Pass, "No proxy is set".to_string())
    };
    let entries = |list: &[ProxyEntry]| -> Value {
        list.iter()
            .map(|p| json!({ "source": p.source, "address": p.address }))
            .collect()
    };
    let all_proxies: Vec<ProxyEntry> = from_env
        .proxies
        .iter()
        .chain(&os_found.proxies)
        .cloned()
        .collect();
    let mut r = CheckResult::new(ID, status, summary)
        .with("proxies", entries(&all_proxies))
        .with("auto_config", entries(&os_found.auto_config))
        .with("bypassed_for_quickbooks", bypassed)
        .with(
            "os_settings",
            match os {
                OsProxy::Read(_) => "read".to_string(),
                OsProxy::Unavailable(why) => why.clone(),
            },
        );
    if let Some(np) = &from_env.no_proxy {
        r = r.with("no_proxy", np.chars().take(500).collect::<String>());
    }
    r
}

/// The distinct addresses of `entries`, comma separated, in order.
fn distinct(entries: &[&ProxyEntry]) -> String {
    let mut seen: Vec<&str> = Vec::new();
    for e in entries {
        if !seen.contains(&e.address.as_str()) {
            seen.push(&e.address);
        }
    }
    seen.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    use super::parse::tests::env;

    fn qb() -> Vec<String> {
        vec!["qbo.intuit.com".into(), "accounts.intuit.com".into()]
    }

    #[test]
    fn no_proxy_anywhere_passes() {
        let r = judge(&env(&[]), &OsProxy::Read(Findings::default()), &qb());
        assert_eq!(r.status, Status::Pass);
        assert_eq!(r.summary, "No proxy is set");
    }

    #[test]
    fn an_env_proxy_warns_and_hides_credentials() {
        let e = env(&[("HTTPS_PROXY", "http://user:secret@proxy.invalid:3128")]);
        let r = judge(&e, &OsProxy::Unavailable("x".into()), &qb());
        assert_eq!(r.status, Status::Warn);
        assert!(r.summary.contains("proxy.invalid:3128"), "{}", r.summary);
        let all = serde_json::to_string(&r).unwrap();
        assert!(!all.contains("secret") && !all.contains("user:"), "{all}");
    }

    #[test]
    fn no_proxy_covering_quickbooks_passes() {
        let e = env(&[("http_proxy", "proxy.corp:8080"), ("NO_PROXY", ".intuit.com")]);
        let r = judge(&e, &OsProxy::Read(Findings::default()), &qb());
        assert_eq!(r.status, Status::Pass);
        assert!(r.summary.contains("bypass"), "{}", r.summary);
        let partial = env(&[("http_proxy", "proxy.corp:8080"), ("NO_PROXY", "qbo.intuit.com")]);
        assert_eq!(
            judge(&partial, &OsProxy::Read(Findings::default()), &qb()).status,
            Status::Warn
        );
    }

    #[test]
    fn os_proxy_and_pac_script_warn() {
        let os = OsProxy::Read(parse::from_gnome("auto", &[], "http://wpad.corp/wpad.dat"));
        let r = judge(&env(&[]), &os, &qb());
        assert_eq!(r.status, Status::Warn);
        assert!(r.summary.contains("wpad.corp"), "{}", r.summary);
        let manual = [("HTTPS", "proxy.corp".to_string(), "8080".to_string())];
        let os = OsProxy::Read(parse::from_gnome("manual", &manual, ""));
        let r = judge(&env(&[("NO_PROXY", "*")]), &os, &qb());
        assert_eq!(r.status, Status::Warn);
        assert!(r.summary.contains("(proxy.corp:8080)"), "{}", r.summary);
    }
}
