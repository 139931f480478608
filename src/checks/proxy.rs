//! `proxy`: is traffic sent through a proxy? Reads the proxy environment variables (both
//! cases) and, where readable without privileges, the OS settings ([`crate::machine::proxy`]).
//! A proxy is a warning, not a failure: it can block or inspect QuickBooks. A proxy qbfix
//! cannot test through (SOCKS4, …) is said as such — never as bypassed — and the checks
//! through it are not made. Addresses are reported as `host:port` only.

use std::sync::Arc;
use std::time::Instant;

use serde_json::{Value, json};
use url::Url;

use super::{CheckResult, Context, Status};
use crate::evidence::redact_url;
use crate::machine::proxy::OsProxy;
use crate::machine::proxy::parse::{self, Findings, ProxyEntry};
use crate::probe::{Plan, ProxyHop, ProxyKind, Route};

pub const ID: &str = "proxy";

pub async fn run(ctx: Arc<Context>) -> Vec<CheckResult> {
    let started = Instant::now();
    let os = ctx.hub.os_proxy().await;
    let plan = ctx.hub.plan().await;
    let env = |name: &str| std::env::var(name).ok();
    let targets = &ctx.config.targets;
    let all: Vec<Url> = targets
        .quickbooks
        .iter()
        .chain(&targets.control)
        .chain(std::iter::once(&targets.status_page))
        .chain(&targets.bank)
        .cloned()
        .collect();
    vec![judge(&env, os, &plan, &targets.quickbooks, &all).with_duration(started.elapsed())]
}

/// The result for the environment read through `env`, the OS settings `os` and the route
/// `plan` the checks take: whether QuickBooks (`quickbooks`) goes through a proxy, and for
/// every target whether it bypasses it. `NO_PROXY` itself is never stored (it names internal
/// hosts).
pub fn judge(
    env: &dyn Fn(&str) -> Option<String>,
    os: &OsProxy,
    plan: &Plan,
    quickbooks: &[Url],
    targets: &[Url],
) -> CheckResult {
    let from_env = parse::from_env(env);
    let default_qb: Vec<Url> = Url::parse("https://qbo.intuit.com/").into_iter().collect();
    let qb = if quickbooks.is_empty() {
        &default_qb[..]
    } else {
        quickbooks
    };
    // An environment proxy that no QuickBooks request goes through (NO_PROXY, or a proxy for
    // the other scheme) is bypassed.
    let bypassed = !from_env.proxies.is_empty() && qb.iter().all(|u| plan.route(u).proxy().is_none());
    let os_found = match os {
        OsProxy::Read(f) => f.clone(),
        OsProxy::Unavailable(_) => Findings::default(),
    };
    // A proxy set in qbfix's own config is the one its checks take.
    let configured: Vec<ProxyEntry> = [&plan.https, &plan.http]
        .into_iter()
        .flatten()
        .filter(|hop| hop.source.starts_with("the qbfix setting"))
        .map(|hop| ProxyEntry {
            source: hop.source.clone(),
            address: hop.shown.clone(),
        })
        .take(1)
        .collect();
    let mut in_use: Vec<&ProxyEntry> = configured.iter().chain(&os_found.proxies).collect();
    if !bypassed {
        in_use.splice(0..0, from_env.proxies.iter());
    }
    let scripts: Vec<&ProxyEntry> = os_found.auto_config.iter().collect();

    // A proxy qbfix cannot use is said first: the checks through it were not made.
    let unusable = qb
        .iter()
        .chain(targets)
        .find_map(|u| plan.route(u).proxy().and_then(ProxyHop::unusable));
    let (status, summary) = if let Some(why) = &unusable {
        (Status::Warn, crate::text::words::capitalized(why))
    } else if !in_use.is_empty() {
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
    let routes: Vec<Value> = targets
        .iter()
        .map(|u| {
            let route = plan.route(u);
            json!({
                "target": redact_url(u),
                "through": route.proxy().map(|h| h.shown.clone()),
                "bypasses_proxy": route == Route::Direct { bypassed: true },
            })
        })
        .collect();
    r = r.with("targets", routes);
    if let Some(kind) = [&plan.https, &plan.http]
        .into_iter()
        .flatten()
        .find_map(|h| match &h.kind {
            ProxyKind::Unusable(kind) => Some(kind.clone()),
            _ => None,
        })
    {
        r = r.with("unusable_proxy", kind);
    }
    if from_env.no_proxy.is_some() {
        r = r.with("no_proxy_set", true);
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

    use crate::machine::proxy::parse::tests::env;

    fn qb() -> Vec<Url> {
        ["https://qbo.intuit.com/", "https://accounts.intuit.com/"]
            .iter()
            .map(|u| Url::parse(u).unwrap())
            .collect()
    }

    /// The check as it runs with `[network] proxy = "system"`.
    fn judged(e: &dyn Fn(&str) -> Option<String>, os: &OsProxy) -> CheckResult {
        let findings = match os {
            OsProxy::Read(f) => Some(f),
            OsProxy::Unavailable(_) => None,
        };
        let plan = Plan::new(&crate::config::ProxySetting::System, e, findings);
        judge(e, os, &plan, &qb(), &qb())
    }

    #[test]
    fn no_proxy_anywhere_passes() {
        let r = judged(&env(&[]), &OsProxy::Read(Findings::default()));
        assert_eq!(r.status, Status::Pass);
        assert_eq!(r.summary, "No proxy is set");
    }

    #[test]
    fn an_env_proxy_warns_and_hides_credentials() {
        let e = env(&[("HTTPS_PROXY", "http://user:secret@proxy.invalid:3128")]);
        let r = judged(&e, &OsProxy::Unavailable("x".into()));
        assert_eq!(r.status, Status::Warn);
        assert!(r.summary.contains("proxy.invalid:3128"), "{}", r.summary);
        let all = serde_json::to_string(&r).unwrap();
        assert!(!all.contains("secret") && !all.contains("user:"), "{all}");
    }

    #[test]
    fn no_proxy_covering_quickbooks_passes() {
        let e = env(&[("https_proxy", "proxy.corp:8080"), ("NO_PROXY", ".intuit.com")]);
        let r = judged(&e, &OsProxy::Read(Findings::default()));
        assert_eq!(r.status, Status::Pass);
        assert!(r.summary.contains("bypass"), "{}", r.summary);
        // An http-only proxy is not used for https QuickBooks, as in browsers and curl.
        let http_only = env(&[("http_proxy", "proxy.corp:8080")]);
        assert_eq!(
            judged(&http_only, &OsProxy::Read(Findings::default())).status,
            Status::Pass
        );
        let partial = env(&[("https_proxy", "proxy.corp:8080"), ("NO_PROXY", "qbo.intuit.com")]);
        assert_eq!(
            judged(&partial, &OsProxy::Read(Findings::default())).status,
            Status::Warn
        );
    }

    #[test]
    fn os_proxy_and_pac_script_warn() {
        let os = OsProxy::Read(parse::from_gnome("auto", &[], "http://wpad.corp/wpad.dat"));
        let r = judged(&env(&[]), &os);
        assert_eq!(r.status, Status::Warn);
        assert!(r.summary.contains("wpad.corp"), "{}", r.summary);
        let manual = [("HTTPS", "proxy.corp".to_string(), "8080".to_string())];
        let os = OsProxy::Read(parse::from_gnome("manual", &manual, ""));
        let r = judged(&env(&[("NO_PROXY", "*")]), &os);
        assert_eq!(r.status, Status::Warn);
        assert!(r.summary.contains("(proxy.corp:8080)"), "{}", r.summary);
    }
}

#[cfg(test)]
mod route_tests {
    use super::*;
    use crate::machine::proxy::parse::tests::env;

    #[test]
    fn no_proxy_value_is_never_stored_but_each_target_says_whether_it_bypasses() {
        let e = env(&[
            ("HTTPS_PROXY", "http://proxy.invalid:3128"),
            ("NO_PROXY", "secret-intranet.corp,127.0.0.1"),
        ]);
        let os = OsProxy::Unavailable("x".into());
        let plan = Plan::new(&crate::config::ProxySetting::System, &e, None);
        let qb = vec![Url::parse("https://qbo.intuit.com/").unwrap()];
        let all = vec![qb[0].clone(), Url::parse("https://127.0.0.1:8443/").unwrap()];
        let r = judge(&e, &os, &plan, &qb, &all);
        let text = serde_json::to_string(&r).unwrap();
        assert!(!text.contains("secret-intranet"), "{text}");
        let targets = r.details["targets"].as_array().unwrap();
        assert_eq!(targets[0]["through"], "proxy.invalid:3128");
        assert_eq!(targets[0]["bypasses_proxy"], false);
        assert_eq!(targets[1]["bypasses_proxy"], true);
        assert_eq!(r.status, Status::Warn);
    }
}

#[cfg(test)]
mod socks_tests {
    use super::*;
    use crate::machine::proxy::parse::tests::env;

    fn judged(vars: &[(&str, &str)]) -> CheckResult {
        let e = env(vars);
        let plan = Plan::new(&crate::config::ProxySetting::System, &e, None);
        let qb = vec![Url::parse("https://qbo.intuit.com/").unwrap()];
        judge(&e, &OsProxy::Unavailable("x".into()), &plan, &qb, &qb)
    }

    #[test]
    fn a_socks5_proxy_is_used_not_bypassed() {
        let r = judged(&[("HTTPS_PROXY", "socks5h://127.0.0.1:1080")]);
        assert_eq!(r.status, Status::Warn);
        assert!(
            r.summary.contains("through a proxy (127.0.0.1:1080)"),
            "{}",
            r.summary
        );
        assert_eq!(r.details["bypassed_for_quickbooks"], false);
    }

    #[test]
    fn a_proxy_qbfix_cannot_use_is_said_never_bypassed() {
        let r = judged(&[("ALL_PROXY", "socks4a://127.0.0.1:1080")]);
        assert_eq!(r.status, Status::Warn);
        assert_eq!(
            r.summary,
            "A SOCKS4a proxy is set (127.0.0.1:1080); qbfix cannot test through it"
        );
        assert_eq!(r.details["bypassed_for_quickbooks"], false);
        assert_eq!(r.details["unusable_proxy"], "SOCKS4a");
    }
}
