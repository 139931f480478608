//! Routing: the setting, the environment, the OS settings and `NO_PROXY`.

use super::*;
use crate::machine::proxy::parse;

fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
    move |name| vars.iter().find(|(k, _)| *k == name).map(|(_, v)| v.to_string())
}

fn url(s: &str) -> Url {
    Url::parse(s).unwrap()
}

#[test]
fn none_is_direct_and_a_url_is_used_for_everything() {
    let plan = Plan::new(&ProxySetting::None, &env(&[("HTTPS_PROXY", "p:1")]), None);
    assert_eq!(
        plan.route(&url("https://qbo.invalid/")),
        Route::Direct { bypassed: false }
    );
    let plan = Plan::new(
        &ProxySetting::Url(url("http://alice:s3cret@127.0.0.1:3128")),
        &env(&[("NO_PROXY", "*")]),
        None,
    );
    let Route::Proxy(hop) = plan.route(&url("http://127.0.0.1:9/")) else {
        panic!()
    };
    assert_eq!(hop.shown, "127.0.0.1:3128");
    assert_eq!(hop.url.password(), Some("s3cret"), "kept for the request only");
}

#[test]
fn system_reads_the_environment_by_scheme() {
    let e = env(&[
        ("https_proxy", "secure.invalid:3128"),
        ("HTTP_PROXY", "http://plain.invalid:8080"),
    ]);
    let plan = Plan::new(&ProxySetting::System, &e, None);
    assert_eq!(
        plan.route(&url("https://qbo.invalid/")).proxy().unwrap().shown,
        "secure.invalid:3128"
    );
    assert_eq!(
        plan.route(&url("http://ctl.invalid/")).proxy().unwrap().shown,
        "plain.invalid:8080"
    );
    let all = Plan::new(
        &ProxySetting::System,
        &env(&[("ALL_PROXY", "all.invalid:1")]),
        None,
    );
    assert!(all.route(&url("https://qbo.invalid/")).proxy().is_some());
}

#[test]
fn star_covers_ip_addresses_too() {
    let plan = Plan::new(
        &ProxySetting::System,
        &env(&[("HTTPS_PROXY", "p.invalid:3128"), ("NO_PROXY", "*")]),
        None,
    );
    for u in [
        "https://127.0.0.1:8443/",
        "https://[::1]:8443/",
        "https://qbo.intuit.com/",
    ] {
        assert_eq!(plan.route(&url(u)), Route::Direct { bypassed: true }, "{u}");
    }
}

#[test]
fn no_proxy_entries_match_like_curl() {
    assert!(no_proxy_covers(".intuit.com", "qbo.intuit.com", 443));
    assert!(no_proxy_covers("*.intuit.com", "qbo.intuit.com", 443));
    assert!(no_proxy_covers("intuit.com", "intuit.com", 443));
    assert!(!no_proxy_covers("intuit.com", "notintuit.com", 443));
    assert!(no_proxy_covers("10.0.0.1, 127.0.0.1", "127.0.0.1", 80));
    assert!(no_proxy_covers("localhost:8080", "localhost", 8080));
    assert!(!no_proxy_covers("localhost:8080", "localhost", 9090));
    assert!(no_proxy_covers("[::1]", "[::1]", 1));
    assert!(!no_proxy_covers("", "a", 1));
}

/// The cases of the second `NO_PROXY` matcher that lived in the proxy parsers (deleted: only its
/// own tests used it), kept on the one matcher routing uses.
#[test]
fn no_proxy_matches_star_hosts_suffixes_and_case() {
    assert!(no_proxy_covers("*", "qbo.intuit.com", 443));
    assert!(no_proxy_covers("localhost, .intuit.com", "qbo.intuit.com", 443));
    assert!(no_proxy_covers("intuit.com", "accounts.intuit.com", 443));
    assert!(no_proxy_covers("qbo.intuit.com", "QBO.intuit.com.", 443));
    assert!(!no_proxy_covers("localhost,127.0.0.1", "qbo.intuit.com", 443));
    assert!(!no_proxy_covers("notintuit.com", "intuit.com.evil", 443));
}

#[test]
fn os_settings_are_used_only_without_environment_proxies_and_pac_is_not_run() {
    let manual = [("HTTPS", "os.invalid".to_string(), "8443".to_string())];
    let os = parse::from_gnome("manual", &manual, "");
    let plan = Plan::new(&ProxySetting::System, &env(&[]), Some(&os));
    assert_eq!(
        plan.route(&url("https://qbo.invalid/")).proxy().unwrap().shown,
        "os.invalid:8443"
    );
    let plan = Plan::new(
        &ProxySetting::System,
        &env(&[("HTTPS_PROXY", "env.invalid:1")]),
        Some(&os),
    );
    assert_eq!(
        plan.route(&url("https://qbo.invalid/")).proxy().unwrap().shown,
        "env.invalid:1"
    );
    let pac = parse::from_gnome("auto", &[], "http://wpad.invalid/wpad.dat");
    let plan = Plan::new(&ProxySetting::System, &env(&[]), Some(&pac));
    assert_eq!(
        plan.route(&url("https://qbo.invalid/")),
        Route::Direct { bypassed: false }
    );
    assert_eq!(plan.auto_config, ["wpad.invalid"]);
}

#[test]
fn socks_proxies_are_kept_with_their_kind() {
    let hop_of = |raw: &str| {
        let plan = Plan::new(&ProxySetting::System, &env(&[("ALL_PROXY", raw)]), None);
        plan.route(&url("https://qbo.invalid/")).proxy().unwrap().clone()
    };
    let hop = hop_of("socks5h://alice:pw@p.invalid:1080");
    assert_eq!(hop.kind, ProxyKind::Socks5 { remote_dns: true });
    assert_eq!((hop.shown.as_str(), hop.unusable()), ("p.invalid:1080", None));
    assert_eq!(
        hop_of("socks5://p.invalid:1080").kind,
        ProxyKind::Socks5 { remote_dns: false }
    );
    assert_eq!(hop_of("p.invalid:3128").kind, ProxyKind::Http);
    // An HTTPS proxy is an HTTP proxy reached over TLS, as Chrome and curl take it.
    let https = hop_of("https://p.invalid:8443");
    assert_eq!((&https.kind, https.unusable()), (&ProxyKind::Https, None));
    assert!(https.kind.speaks_http());
    for (raw, what) in [
        ("socks4://p.invalid:1080", "SOCKS4"),
        ("socks4a://p.invalid:1080", "SOCKS4a"),
        ("socks://p.invalid:1080", "SOCKS4"),
        ("ftp://p.invalid:1080", "ftp://"),
    ] {
        assert_eq!(
            hop_of(raw).unusable().unwrap(),
            format!("a {what} proxy is set (p.invalid:1080); qbfix cannot test through it")
        );
    }
}

#[test]
fn an_os_socks_host_carries_what_nothing_else_does() {
    let manual = [
        ("HTTP", "web.invalid".to_string(), "3128".to_string()),
        ("SOCKS", "socks.invalid".to_string(), "1080".to_string()),
    ];
    let os = parse::from_gnome("manual", &manual, "");
    let plan = Plan::new(&ProxySetting::System, &env(&[]), Some(&os));
    assert_eq!(
        plan.route(&url("http://ctl.invalid/")).proxy().unwrap().kind,
        ProxyKind::Http
    );
    let https = plan.route(&url("https://qbo.invalid/")).proxy().unwrap().clone();
    assert_eq!(
        (https.shown.as_str(), https.kind),
        ("socks.invalid:1080", ProxyKind::Socks5 { remote_dns: true })
    );
    let windows = parse::Findings {
        proxies: vec![parse::ProxyEntry {
            source: "Windows Internet Settings (socks proxy)".into(),
            address: "10.0.0.1:1080".into(),
        }],
        ..parse::Findings::default()
    };
    let plan = Plan::new(&ProxySetting::System, &env(&[]), Some(&windows));
    let hop = plan.route(&url("https://qbo.invalid/")).proxy().unwrap().clone();
    assert_eq!(hop.kind, ProxyKind::Unusable("SOCKS4".into()));
}
