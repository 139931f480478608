//! Tests of the proxy parsers on real-shaped outputs.

use std::collections::HashMap;

use super::*;

/// A fake environment holding `pairs` (shared with the proxy check's tests).
pub(crate) fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
    let map: HashMap<String, String> = pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    move |k| map.get(k).cloned()
}

#[test]
fn addresses_never_keep_credentials_schemes_or_paths() {
    assert_eq!(
        address_of("http://user:secret@proxy.invalid:3128"),
        "proxy.invalid:3128"
    );
    assert_eq!(
        address_of("http://us@er:p/ss@w@rd@proxy.corp:8080/"),
        "proxy.corp:8080"
    );
    assert_eq!(address_of("proxy.corp:8080"), "proxy.corp:8080");
    assert_eq!(address_of("socks5h://10.0.0.1:1080"), "10.0.0.1:1080");
    assert_eq!(address_of("http://[::1]:3128/path?x=1"), "[::1]:3128");
    assert_eq!(address_of("http://wpad.corp/proxy.pac"), "wpad.corp");
    assert_eq!(address_of("  "), "");
}

#[test]
fn env_vars_in_both_cases_are_found_once_each() {
    let f = from_env(&env(&[
        ("https_proxy", "http://user:secret@proxy.corp:8080"),
        ("HTTP_PROXY", "proxy.corp:8080"),
        ("ALL_PROXY", ""),
        ("no_proxy", "localhost,.intuit.com"),
    ]));
    assert_eq!(f.proxies.len(), 2);
    assert_eq!(f.proxies[0].source, "environment variable HTTPS_PROXY");
    assert_eq!(f.proxies[0].address, "proxy.corp:8080");
    assert_eq!(f.proxies[1].source, "environment variable HTTP_PROXY");
    assert_eq!(f.no_proxy.as_deref(), Some("localhost,.intuit.com"));
    assert!(from_env(&env(&[])).is_empty());
}

#[test]
fn scutil_manual_and_pac_proxies() {
    let text = "<dictionary> {
  ExceptionsList : <array> {
    0 : *.local
    1 : 169.254/16
  }
  FTPPassive : 1
  HTTPEnable : 1
  HTTPPort : 8080
  HTTPProxy : proxy.corp
  HTTPSEnable : 1
  HTTPSPort : 8443
  HTTPSProxy : proxy.corp
  ProxyAutoConfigEnable : 1
  ProxyAutoConfigURLString : http://wpad.corp/wpad.dat
  SOCKSEnable : 0
}
";
    let f = from_scutil(text);
    let addrs: Vec<_> = f.proxies.iter().map(|p| p.address.as_str()).collect();
    assert_eq!(addrs, ["proxy.corp:8443", "proxy.corp:8080"]);
    assert_eq!(f.auto_config[0].address, "wpad.corp");
    let none = "<dictionary> {\n  ExceptionsList : <array> {\n    0 : *.local\n  }\n  FTPPassive : 1\n  HTTPEnable : 0\n}\n";
    assert!(from_scutil(none).is_empty());
}

#[test]
fn gsettings_values_and_modes() {
    assert_eq!(gsettings_value("'manual'\n"), "manual");
    assert_eq!(gsettings_value("8080\n"), "8080");
    assert_eq!(gsettings_value("uint32 3128"), "3128");
    assert_eq!(gsettings_value("''"), "");
    let manual = [
        ("HTTPS", "proxy.corp".to_string(), "8080".to_string()),
        ("HTTP", String::new(), "0".to_string()),
    ];
    let f = from_gnome("manual", &manual, "");
    assert_eq!(f.proxies.len(), 1);
    assert_eq!(f.proxies[0].address, "proxy.corp:8080");
    assert!(from_gnome("none", &manual, "").is_empty());
    let auto = from_gnome("auto", &[], "http://wpad/wpad.dat");
    assert_eq!(auto.auto_config[0].address, "wpad");
}

/// A key holding `pairs`.
fn key(pairs: &[(&str, RegValue)]) -> RegValues {
    pairs.iter().map(|(n, v)| (n.to_string(), v.clone())).collect()
}

#[test]
fn windows_internet_settings() {
    use crate::machine::registry::RegValue::{Dword, Sz};
    let on = key(&[
        ("ProxyEnable", Dword(1)),
        (
            "ProxyServer",
            Sz("http=proxy.corp:8080;https=proxy.corp:8443".into()),
        ),
    ]);
    let f = from_windows(&on);
    let addrs: Vec<_> = f.proxies.iter().map(|p| p.address.as_str()).collect();
    assert_eq!(addrs, ["proxy.corp:8080", "proxy.corp:8443"]);
    assert_eq!(f.proxies[1].source, "Windows Internet Settings (https proxy)");
    let off = key(&[
        ("ProxyEnable", Dword(0)),
        ("ProxyServer", Sz("proxy.corp:8080".into())),
        ("AutoConfigURL", Sz("http://user:pw@pac.corp/x.pac".into())),
    ]);
    let f = from_windows(&off);
    assert!(f.proxies.is_empty());
    assert_eq!(f.auto_config[0].address, "pac.corp");
}

#[test]
fn values_of_an_unexpected_type_are_not_read_as_settings() {
    use crate::machine::registry::RegValue::{Dword, Other, Sz};
    // "ProxyEnable" as text and a binary "ProxyServer": neither means a proxy is on.
    let f = from_windows(&key(&[
        ("ProxyEnable", Sz("1".into())),
        ("ProxyServer", Sz("p:1".into())),
    ]));
    assert!(f.is_empty(), "{f:?}");
    let f = from_windows(&key(&[("ProxyEnable", Dword(1)), ("ProxyServer", Other)]));
    assert!(f.is_empty(), "{f:?}");
}

fn read(changes: &[fixtures::Key]) -> Findings {
    from_windows(&fixtures::profile(changes))
}

#[test]
fn internet_settings_without_a_proxy() {
    let f = read(&[]);
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn internet_settings_with_a_manual_proxy() {
    let f = read(&[fixtures::PROXY]);
    assert_eq!(
        f.proxies,
        [ProxyEntry {
            source: "Windows Internet Settings (all proxy)".into(),
            address: "proxy.contoso.example:8080".into(),
        }]
    );
    assert!(f.auto_config.is_empty());
}

#[test]
fn internet_settings_with_a_pac_script() {
    let f = read(&[fixtures::PAC]);
    assert!(f.proxies.is_empty());
    assert_eq!(f.auto_config.len(), 1);
    assert_eq!(f.auto_config[0].address, "wpad.contoso.example");
    assert_eq!(
        f.auto_config[0].source,
        "Windows Internet Settings (automatic configuration script)"
    );
}

#[test]
fn internet_settings_with_a_stale_server_but_proxy_off() {
    // ProxyServer stays behind when a person unticks "Use a proxy server": not in use.
    assert!(read(&[fixtures::STALE]).is_empty());
    let on: fixtures::Key = &[("ProxyEnable", fixtures::Typed::Dword(1))];
    let addrs: Vec<String> = read(&[fixtures::STALE, on])
        .proxies
        .into_iter()
        .map(|p| p.address)
        .collect();
    assert_eq!(addrs, ["old-proxy.example:3128"; 3], "http, https and ftp");
}
