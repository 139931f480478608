//! The settings a test chooses, written as a config file that overrides every target, so no
//! run ever falls back to the real QuickBooks endpoints.

use std::path::PathBuf;

use serde::Serialize;

/// The settings a test chooses; `to_toml` writes every target so no default endpoint is used.
#[derive(Debug, Clone)]
pub struct Setup {
    pub quickbooks: Vec<String>,
    pub control: Vec<String>,
    pub status_page: String,
    pub bank: Vec<String>,
    pub timeout_ms: u64,
    pub dns_timeout_ms: u64,
    pub slow_ms: u64,
    pub extra_ca_file: Option<PathBuf>,
    pub expected_issuers: Vec<String>,
    /// `[network] samples`.
    pub samples: u32,
    /// `[network] proxy`: "none" unless a test routes through its own proxy.
    pub proxy: String,
}

impl Default for Setup {
    fn default() -> Setup {
        Setup {
            quickbooks: Vec::new(),
            control: Vec::new(),
            status_page: "http://status.invalid/summary.json".into(),
            bank: Vec::new(),
            timeout_ms: 1500,
            dns_timeout_ms: 1500,
            slow_ms: 1000,
            extra_ca_file: None,
            expected_issuers: vec!["DigiCert".into()],
            samples: 3,
            proxy: "none".into(),
        }
    }
}

#[derive(Serialize)]
struct Toml {
    network: TomlNetwork,
    targets: TomlTargets,
    tls: TomlTls,
}
#[derive(Serialize)]
struct TomlNetwork {
    timeout_ms: u64,
    dns_timeout_ms: u64,
    slow_ms: u64,
    samples: u32,
    proxy: String,
}
#[derive(Serialize)]
struct TomlTargets {
    quickbooks: Vec<String>,
    control: Vec<String>,
    status_page: String,
    bank: Vec<String>,
}
#[derive(Serialize)]
struct TomlTls {
    extra_ca_file: String,
    expected_issuers: Vec<String>,
}

impl Setup {
    /// The config file text.
    pub fn to_toml_string(&self) -> String {
        toml::to_string(&self.to_toml()).unwrap()
    }

    fn to_toml(&self) -> Toml {
        Toml {
            network: TomlNetwork {
                timeout_ms: self.timeout_ms,
                dns_timeout_ms: self.dns_timeout_ms,
                slow_ms: self.slow_ms,
                samples: self.samples,
                proxy: self.proxy.clone(),
            },
            targets: TomlTargets {
                quickbooks: self.quickbooks.clone(),
                control: self.control.clone(),
                status_page: self.status_page.clone(),
                bank: self.bank.clone(),
            },
            tls: TomlTls {
                extra_ca_file: self
                    .extra_ca_file
                    .as_deref()
                    .map(|p| p.display().to_string())
                    .unwrap_or_default(),
                expected_issuers: self.expected_issuers.clone(),
            },
        }
    }
}
