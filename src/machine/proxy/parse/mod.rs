//! Pure parsers of proxy settings: environment variables, macOS `scutil --proxy`, GNOME
//! `gsettings` values and the Windows Internet Settings registry values. Every address leaves
//! here as `host:port` only: schemes, `user:password@` and paths are dropped.

use std::collections::BTreeMap;

use crate::machine::registry::{RegValue, RegValues};

/// A proxy in use, as found in one place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProxyEntry {
    /// Where it was found, in words ("environment variable HTTPS_PROXY").
    pub source: String,
    /// `host:port` (or `host`), never credentials.
    pub address: String,
}

/// Everything found in one place.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Findings {
    pub proxies: Vec<ProxyEntry>,
    /// Automatic configuration (PAC) scripts: where found, and the host serving them.
    pub auto_config: Vec<ProxyEntry>,
    /// The `NO_PROXY` list, if set.
    pub no_proxy: Option<String>,
}

impl Findings {
    pub fn is_empty(&self) -> bool {
        self.proxies.is_empty() && self.auto_config.is_empty()
    }

    fn add_proxy(&mut self, source: String, raw: &str) {
        let address = address_of(raw);
        if !address.is_empty()
            && !self
                .proxies
                .iter()
                .any(|p| p.address == address && p.source == source)
        {
            self.proxies.push(ProxyEntry { source, address });
        }
    }

    fn add_auto_config(&mut self, source: String, raw: &str) {
        let address = address_of(raw);
        if !address.is_empty() {
            self.auto_config.push(ProxyEntry { source, address });
        }
    }
}

/// The `host:port` of a proxy URL or `host:port` string, without scheme, credentials or path.
pub fn address_of(raw: &str) -> String {
    let raw = raw.trim();
    let rest = raw.split_once("://").map_or(raw, |(_, rest)| rest);
    // Credentials end at the last '@' (a password may itself hold '/' or '@').
    let rest = rest.rsplit_once('@').map_or(rest, |(_, host)| host);
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    host.chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | ':' | '[' | ']' | '%'))
        .collect()
}

/// The proxy variables that programs read, in the order they are reported.
const PROXY_VARS: &[&str] = &[
    "HTTPS_PROXY",
    "https_proxy",
    "HTTP_PROXY",
    "http_proxy",
    "ALL_PROXY",
    "all_proxy",
];

/// Proxy settings from environment variables, read through `get`.
pub fn from_env(get: &dyn Fn(&str) -> Option<String>) -> Findings {
    let mut f = Findings::default();
    for var in PROXY_VARS {
        if let Some(value) = get(var).filter(|v| !v.trim().is_empty()) {
            f.add_proxy(
                format!("environment variable {}", var.to_ascii_uppercase()),
                &value,
            );
        }
    }
    f.no_proxy = ["NO_PROXY", "no_proxy"]
        .iter()
        .find_map(|v| get(v).filter(|v| !v.trim().is_empty()))
        .map(|v| v.trim().to_string());
    f
}

/// macOS `scutil --proxy` output (a dictionary of `Key : value` lines).
pub fn from_scutil(text: &str) -> Findings {
    let mut map = BTreeMap::new();
    for line in text.lines() {
        if let Some((k, v)) = line.split_once(" : ") {
            map.insert(k.trim().to_string(), v.trim().to_string());
        }
    }
    let on = |key: &str| map.get(key).is_some_and(|v| v == "1");
    let mut f = Findings::default();
    for (kind, label) in [("HTTPS", "HTTPS"), ("HTTP", "HTTP"), ("SOCKS", "SOCKS")] {
        if on(&format!("{kind}Enable"))
            && let Some(host) = map.get(&format!("{kind}Proxy"))
        {
            let raw = match map.get(&format!("{kind}Port")) {
                Some(port) => format!("{host}:{port}"),
                None => host.clone(),
            };
            f.add_proxy(format!("macOS network settings ({label} proxy)"), &raw);
        }
    }
    if on("ProxyAutoConfigEnable")
        && let Some(url) = map.get("ProxyAutoConfigURLString")
    {
        f.add_auto_config(
            "macOS network settings (automatic proxy configuration)".into(),
            url,
        );
    }
    f
}

/// One `gsettings get` answer without GVariant decoration (`'manual'` → `manual`,
/// `uint32 8080` → `8080`).
pub fn gsettings_value(text: &str) -> String {
    let v = text.trim();
    let v = v
        .rsplit_once(' ')
        .filter(|(t, _)| t.starts_with("uint") || t.starts_with("int"))
        .map_or(v, |(_, n)| n);
    v.trim_matches('\'').trim_matches('"').to_string()
}

/// GNOME proxy settings: the mode, `(kind, host, port)` of manual proxies, and the PAC URL.
pub fn from_gnome(mode: &str, manual: &[(&str, String, String)], autoconfig_url: &str) -> Findings {
    let mut f = Findings::default();
    match mode {
        "manual" => {
            for (kind, host, port) in manual {
                if !host.is_empty() {
                    let raw = if port.is_empty() || port == "0" {
                        host.clone()
                    } else {
                        format!("{host}:{port}")
                    };
                    f.add_proxy(format!("GNOME network settings ({kind} proxy)"), &raw);
                }
            }
        }
        "auto" if !autoconfig_url.is_empty() => {
            f.add_auto_config(
                "GNOME network settings (automatic proxy configuration)".into(),
                autoconfig_url,
            );
        }
        _ => {}
    }
    f
}

/// Windows Internet Settings values (`ProxyEnable`, `ProxyServer`, `AutoConfigURL`), as the
/// registry holds them under `HKCU\Software\Microsoft\Windows\CurrentVersion\Internet Settings`.
pub fn from_windows(values: &RegValues) -> Findings {
    let mut f = Findings::default();
    let text = |name: &str| values.get(name).and_then(RegValue::as_text);
    let enabled = values.get("ProxyEnable").and_then(RegValue::as_u64).unwrap_or(0) != 0;
    if enabled && let Some(server) = text("ProxyServer") {
        // Either "host:port" for all, or "http=host:port;https=host:port".
        for part in server.split(';').map(str::trim).filter(|p| !p.is_empty()) {
            let (kind, raw) = part.split_once('=').unwrap_or(("all", part));
            f.add_proxy(format!("Windows Internet Settings ({kind} proxy)"), raw);
        }
    }
    if let Some(pac) = text("AutoConfigURL").filter(|p| !p.is_empty()) {
        f.add_auto_config(
            "Windows Internet Settings (automatic configuration script)".into(),
            pac,
        );
    }
    f
}

#[cfg(test)]
mod fixtures;
#[cfg(test)]
pub(crate) mod tests;
