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

#[test]
fn windows_internet_settings() {
    let on = "\r\nHKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\r\n    ProxyEnable    REG_DWORD    0x1\r\n    ProxyServer    REG_SZ    http=proxy.corp:8080;https=proxy.corp:8443\r\n";
    let f = from_windows(&registry::parse(on));
    let addrs: Vec<_> = f.proxies.iter().map(|p| p.address.as_str()).collect();
    assert_eq!(addrs, ["proxy.corp:8080", "proxy.corp:8443"]);
    assert_eq!(f.proxies[1].source, "Windows Internet Settings (https proxy)");
    let off = "\r\nHKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\r\n    ProxyEnable    REG_DWORD    0x0\r\n    ProxyServer    REG_SZ    proxy.corp:8080\r\n    AutoConfigURL    REG_SZ    http://user:pw@pac.corp/x.pac\r\n";
    let f = from_windows(&registry::parse(off));
    assert!(f.proxies.is_empty());
    assert_eq!(f.auto_config[0].address, "pac.corp");
}

const REG_NONE: &str = include_str!("fixtures/reg-internet-settings-none.txt");
const REG_PROXY: &str = include_str!("fixtures/reg-internet-settings-proxy.txt");
const REG_PAC: &str = include_str!("fixtures/reg-internet-settings-pac.txt");
const REG_STALE: &str = include_str!("fixtures/reg-internet-settings-stale.txt");

fn read(text: &str) -> Findings {
    match from_reg_query(text) {
        OsProxy::Read(f) => f,
        other => panic!("not read: {other:?}"),
    }
}

#[test]
fn reg_query_without_a_proxy() {
    let f = read(REG_NONE);
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn reg_query_with_a_manual_proxy() {
    let f = read(REG_PROXY);
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
fn reg_query_with_a_pac_script() {
    let f = read(REG_PAC);
    assert!(f.proxies.is_empty());
    assert_eq!(f.auto_config.len(), 1);
    assert_eq!(f.auto_config[0].address, "wpad.contoso.example");
    assert_eq!(
        f.auto_config[0].source,
        "Windows Internet Settings (automatic configuration script)"
    );
}

#[test]
fn reg_query_with_a_stale_server_but_proxy_off() {
    // ProxyServer stays behind when a person unticks "Use a proxy server": not in use.
    assert!(read(REG_STALE).is_empty());
    let on = REG_STALE.replace(
        "ProxyEnable    REG_DWORD    0x0",
        "ProxyEnable    REG_DWORD    0x1",
    );
    let addrs: Vec<String> = read(&on).proxies.into_iter().map(|p| p.address).collect();
    assert_eq!(addrs, ["old-proxy.example:3128"; 3], "http, https and ftp");
}

#[test]
fn reg_query_that_names_no_key_is_not_taken_for_no_proxy() {
    let err = "ERROR: Invalid syntax.\r\nType \"REG QUERY /?\" for usage.\r\n";
    match from_reg_query(err) {
        OsProxy::Unavailable(why) => assert!(why.contains("could not be read"), "{why}"),
        other => panic!("{other:?}"),
    }
}
