//! The browser's path: which proxy (if any) a request to a URL goes through. Pure: the
//! environment and the OS settings are passed in. `NO_PROXY` is read as browsers and curl read
//! it: `*` alone makes everything direct (IP addresses too), other entries match a host, a
//! domain and its subdomains (`.corp`, `*.corp`, `corp`), or an exact IP address; a `:port`
//! on an entry limits it to that port. PAC/WPAD scripts are reported, never executed.

use url::Url;

use crate::config::ProxySetting;
use crate::machine::proxy::parse::{Findings, address_of};

/// A proxy a request goes through. The URL (with any credentials) stays in memory for the
/// request; only `shown` (`host:port`) is ever displayed or stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProxyHop {
    pub url: Url,
    pub shown: String,
    /// Where the setting came from, in words.
    pub source: String,
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
                let pick = |scheme: &str| {
                    os.proxies
                        .iter()
                        .find(|p| os_scheme(&p.source) == Some(scheme))
                        .or_else(|| os.proxies.iter().find(|p| os_scheme(&p.source).is_none()))
                        .and_then(|p| parse_proxy(&p.address).map(|u| hop(u, &p.source)))
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

fn hop(url: Url, source: &str) -> ProxyHop {
    ProxyHop {
        shown: address_of(url.as_str()),
        url,
        source: source.to_string(),
    }
}

/// A proxy value as programs accept it: `host:port`, `http://host:port`, with credentials.
/// Only http proxies are used (a SOCKS or https proxy is reported by the `proxy` check).
fn parse_proxy(raw: &str) -> Option<Url> {
    let text = if raw.contains("://") {
        raw.to_string()
    } else {
        format!("http://{raw}")
    };
    let url = Url::parse(&text).ok()?;
    (url.scheme() == "http" && url.host_str().is_some()).then_some(url)
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
