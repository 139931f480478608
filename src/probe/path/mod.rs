//! The browser's path: which proxy (if any) a request to a URL goes through. Pure: the
//! environment and the OS settings are passed in. `NO_PROXY` is read as browsers and curl read
//! it: `*` alone makes everything direct (IP addresses too), other entries match a host, a
//! domain and its subdomains (`.corp`, `*.corp`, `corp`), or an exact IP address; a `:port`
//! on an entry limits it to that port. PAC/WPAD scripts are reported, never executed.

use url::Url;

use crate::config::ProxySetting;
use crate::machine::proxy::parse::{Findings, ProxyEntry, address_of};

/// A proxy a request goes through. The URL (with any credentials) stays in memory for the
/// request; only `shown` (`host:port`) is ever displayed or stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProxyHop {
    pub url: Url,
    pub shown: String,
    /// Where the setting came from, in words.
    pub source: String,
    pub kind: ProxyKind,
}

/// What kind of proxy a hop is, from its URL's scheme, and whether qbfix can test through it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProxyKind {
    /// An HTTP proxy (`http://`): `CONNECT` for https, absolute-form requests for http.
    Http,
    /// An HTTP proxy reached over TLS (`https://`, as Chrome and curl take it): the same
    /// requests, inside a secure connection to the proxy whose certificate must be trusted.
    Https,
    /// A SOCKS5 proxy; `remote_dns`: the proxy looks names up (`socks5h://`), else this
    /// computer does (`socks5://`).
    Socks5 { remote_dns: bool },
    /// A proxy qbfix cannot test through (SOCKS4, SOCKS4a, …): its kind, as a person would
    /// name it. The probes through it are not made (never silently direct): each says so.
    Unusable(String),
}

impl ProxyKind {
    /// The kind a proxy URL's scheme names.
    pub fn of(url: &Url) -> ProxyKind {
        match url.scheme() {
            "http" => ProxyKind::Http,
            "socks5" => ProxyKind::Socks5 { remote_dns: false },
            "socks5h" => ProxyKind::Socks5 { remote_dns: true },
            "socks4" | "socks" => ProxyKind::Unusable("SOCKS4".into()),
            "socks4a" => ProxyKind::Unusable("SOCKS4a".into()),
            "https" => ProxyKind::Https,
            other => ProxyKind::Unusable(format!("{other}://")),
        }
    }

    /// True for an HTTP proxy, over TLS or not: it takes `CONNECT` and absolute-form requests.
    pub fn speaks_http(&self) -> bool {
        matches!(self, ProxyKind::Http | ProxyKind::Https)
    }

    /// True when this computer looks the site's name up (not the proxy).
    pub fn local_dns(&self) -> bool {
        matches!(self, ProxyKind::Socks5 { remote_dns: false })
    }
}

impl ProxyHop {
    /// Why qbfix cannot test through this proxy, if it cannot, in plain words.
    pub fn unusable(&self) -> Option<String> {
        match &self.kind {
            ProxyKind::Unusable(what) => Some(format!(
                "a {what} proxy is set ({}); qbfix cannot test through it",
                self.shown
            )),
            _ => None,
        }
    }
}

/// How one request travels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Direct {
        /// A proxy is set, but `NO_PROXY` sends this URL around it.
        bypassed: bool,
    },
    Proxy(ProxyHop),
}

impl Route {
    pub fn proxy(&self) -> Option<&ProxyHop> {
        match self {
            Route::Proxy(hop) => Some(hop),
            Route::Direct { .. } => None,
        }
    }
}

/// The proxies in force for http and https, and what sends a host around them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Plan {
    pub http: Option<ProxyHop>,
    pub https: Option<ProxyHop>,
    /// `NO_PROXY`, used for routing only (never stored: it names internal hosts).
    no_proxy: Option<String>,
    /// Proxy scripts found in the OS settings (not executed).
    pub auto_config: Vec<String>,
}

impl Plan {
    /// Always direct.
    pub fn direct() -> Plan {
        Plan::default()
    }

    /// The path for `setting`: `env` reads environment variables, `os` the OS settings (read
    /// only for `"system"`, and only when the environment names no proxy).
    pub fn new(setting: &ProxySetting, env: &dyn Fn(&str) -> Option<String>, os: Option<&Findings>) -> Plan {
        match setting {
            ProxySetting::None => Plan::direct(),
            ProxySetting::Url(url) => {
                let hop = hop(url.clone(), "the qbfix setting [network] proxy");
                Plan {
                    http: Some(hop.clone()),
                    https: Some(hop),
                    ..Plan::default()
                }
            }
            ProxySetting::System => {
                let var = |names: &[&str]| {
                    names.iter().find_map(|n| {
                        let v = env(n).filter(|v| !v.trim().is_empty())?;
                        parse_proxy(v.trim())
                            .map(|u| hop(u, &format!("environment variable {}", n.to_ascii_uppercase())))
                    })
                };
                let no_proxy = ["no_proxy", "NO_PROXY"]
                    .iter()
                    .find_map(|n| env(n).filter(|v| !v.trim().is_empty()));
                let https = var(&["https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"]);
                let http = var(&["http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"]);
                if https.is_some() || http.is_some() {
                    return Plan {
                        http,
                        https,
                        no_proxy,
                        auto_config: Vec::new(),
                    };
                }
                let Some(os) = os else {
                    return Plan {
                        no_proxy,
                        ..Plan::default()
                    };
                };
                // A proxy for the scheme, else one for all, else the SOCKS host (browsers send
                // everything there when nothing else is set).
                let pick = |scheme: &str| {
                    let of = |s: Option<&str>| os.proxies.iter().find(move |p| os_scheme(&p.source) == s);
                    of(Some(scheme))
                        .or_else(|| of(None))
                        .and_then(|p| parse_proxy(&p.address).map(|u| hop(u, &p.source)))
                        .or_else(|| of(Some("socks")).and_then(os_socks))
                };
                Plan {
                    http: pick("http"),
                    https: pick("https"),
                    no_proxy,
                    auto_config: os.auto_config.iter().map(|p| p.address.clone()).collect(),
                }
            }
        }
    }

    /// The route a request to `url` takes.
    pub fn route(&self, url: &Url) -> Route {
        let hop = if url.scheme() == "https" {
            &self.https
        } else {
            &self.http
        };
        let Some(hop) = hop else {
            return Route::Direct { bypassed: false };
        };
        let host = url.host_str().unwrap_or("");
        let port = url.port_or_known_default().unwrap_or(0);
        if self
            .no_proxy
            .as_deref()
            .is_some_and(|np| no_proxy_covers(np, host, port))
        {
            return Route::Direct { bypassed: true };
        }
        Route::Proxy(hop.clone())
    }

    /// True when any proxy is configured (whatever `NO_PROXY` says).
    pub fn has_proxy(&self) -> bool {
        self.http.is_some() || self.https.is_some()
    }
}

/// Which scheme an OS setting's source names: "… (HTTPS proxy)" → https; SOCKS → "socks".
fn os_scheme(source: &str) -> Option<&'static str> {
    let s = source.to_ascii_lowercase();
    if s.contains("https") || s.contains("secure") {
        Some("https")
    } else if s.contains("socks") {
        Some("socks")
    } else if s.contains("http") {
        Some("http")
    } else {
        None
    }
}

/// The SOCKS host of the OS settings as browsers use it: Chromium and Firefox speak SOCKS5
/// to GNOME's and macOS' SOCKS host, letting it look names up; a Windows `socks=` entry is
/// taken as SOCKS4, which qbfix cannot test through.
fn os_socks(p: &ProxyEntry) -> Option<ProxyHop> {
    let scheme = if p.source.starts_with("Windows") {
        "socks4"
    } else {
        "socks5h"
    };
    parse_proxy(&format!("{scheme}://{}", p.address)).map(|u| hop(u, &p.source))
}

fn hop(url: Url, source: &str) -> ProxyHop {
    ProxyHop {
        shown: address_of(url.as_str()),
        kind: ProxyKind::of(&url),
        url,
        source: source.to_string(),
    }
}

/// A proxy value as programs accept it: `host:port`, `http://host:port`, `socks5h://…`, with
/// credentials. Every scheme is kept: one qbfix cannot use is reported, never skipped.
fn parse_proxy(raw: &str) -> Option<Url> {
    let text = if raw.contains("://") {
        raw.to_string()
    } else {
        format!("http://{raw}")
    };
    let url = Url::parse(&text).ok()?;
    url.host_str().is_some_and(|h| !h.is_empty()).then_some(url)
}

/// True when `no_proxy` sends `host` (on `port`) around the proxy.
fn no_proxy_covers(no_proxy: &str, host: &str, port: u16) -> bool {
    let host = host
        .trim_start_matches('[')
        .trim_end_matches(']')
        .trim_end_matches('.')
        .to_ascii_lowercase();
    no_proxy
        .split([',', ' '])
        .map(str::trim)
        .filter(|e| !e.is_empty())
        .any(|entry| {
            if entry == "*" {
                return true;
            }
            let entry = entry.to_ascii_lowercase();
            let (name, entry_port) = split_port(&entry);
            if entry_port.is_some_and(|p| p != port) {
                return false;
            }
            let name = name.trim_start_matches("*.").trim_start_matches('.');
            let name = name.trim_start_matches('[').trim_end_matches(']');
            !name.is_empty() && (host == name || host.ends_with(&format!(".{name}")))
        })
}

/// `host:port` → (host, port); IPv6 literals keep their colons.
fn split_port(entry: &str) -> (&str, Option<u16>) {
    if let Some(rest) = entry.strip_prefix('[') {
        return match rest.split_once("]:") {
            Some((h, p)) => (h, p.parse().ok()),
            None => (rest.trim_end_matches(']'), None),
        };
    }
    match entry.rsplit_once(':') {
        Some((h, p)) if !h.contains(':') => (h, p.parse().ok()),
        _ => (entry, None),
    }
}

#[cfg(test)]
mod tests;
