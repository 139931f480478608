//! Settings: the TOML config file (every key optional), its defaults (the real QuickBooks
//! endpoints) and errors that name the file, line and column of the problem. Reading and
//! checking a file is [`parse`]'s; type errors in words are [`type_errors`]'.

use std::path::{Path, PathBuf};
use std::time::Duration;

use url::Url;

use crate::evidence::redact_text;
use crate::files::read::display_path;
use crate::text::sanitize::clean;

/// All settings, with defaults filled in and every URL parsed.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub network: Network,
    pub targets: Targets,
    pub tls: Tls,
}

/// Timeouts and thresholds.
#[derive(Debug, Clone, PartialEq)]
pub struct Network {
    pub timeout: Duration,
    pub dns_timeout: Duration,
    pub slow: Duration,
    /// Requests per QuickBooks URL, each on its own connection (`[network] samples`).
    pub samples: u32,
    /// The proxy the checks take to reach the sites (`[network] proxy`).
    pub proxy: ProxySetting,
}

/// Which proxy the checks go through: the browser's path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProxySetting {
    /// What the browser uses: the proxy environment variables, then the OS settings.
    System,
    /// Always direct.
    None,
    /// This HTTP proxy (its credentials, if any, are used and never shown).
    Url(Url),
}

/// Most samples per URL `[network] samples` accepts.
pub const MAX_SAMPLES: u64 = 10;

/// What the checks talk to.
#[derive(Debug, Clone, PartialEq)]
pub struct Targets {
    pub quickbooks: Vec<Url>,
    pub control: Vec<Url>,
    pub status_page: Url,
    pub bank: Vec<Url>,
}

/// Certificate trust settings.
#[derive(Debug, Clone, PartialEq)]
pub struct Tls {
    /// PEM roots trusted in addition to the system's; `None` when unset.
    pub extra_ca_file: Option<PathBuf>,
    pub expected_issuers: Vec<String>,
}

pub const DEFAULT_QUICKBOOKS: &[&str] = &["https://qbo.intuit.com/", "https://accounts.intuit.com/"];
pub const DEFAULT_CONTROL: &[&str] = &[
    "http://connectivitycheck.gstatic.com/generate_204",
    "http://www.msftconnecttest.com/connecttest.txt",
];
pub const DEFAULT_STATUS_PAGE: &str = "https://status.quickbooks.intuit.com/api/v2/summary.json";
pub const DEFAULT_EXPECTED_ISSUERS: &[&str] = &[
    "DigiCert",
    "Amazon",
    "Let's Encrypt",
    "Sectigo",
    "Google Trust Services",
];

/// A config file that could not be used. `Display` is the one line a user sees; paths and
/// problems are sanitized there, so no message echoes a control character from the file.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{}: cannot read config: {}", display_path(.path), clean(.reason))]
    Read { path: PathBuf, reason: String },
    #[error("{}:{line}:{column}: {}", display_path(.path), clean(&redact_text(.problem)))]
    Invalid {
        path: PathBuf,
        line: usize,
        column: usize,
        problem: String,
    },
}

impl Default for Config {
    fn default() -> Self {
        let urls = |list: &[&str]| list.iter().filter_map(|u| Url::parse(u).ok()).collect();
        Config {
            network: Network {
                timeout: Duration::from_millis(5000),
                dns_timeout: Duration::from_millis(3000),
                slow: Duration::from_millis(1000),
                samples: 3,
                proxy: ProxySetting::System,
            },
            targets: Targets {
                quickbooks: urls(DEFAULT_QUICKBOOKS),
                control: urls(DEFAULT_CONTROL),
                status_page: Url::parse(DEFAULT_STATUS_PAGE).unwrap_or_else(|_| unreachable_url()),
                bank: Vec::new(),
            },
            tls: Tls {
                extra_ca_file: None,
                expected_issuers: DEFAULT_EXPECTED_ISSUERS.iter().map(|s| s.to_string()).collect(),
            },
        }
    }
}

/// Only reached if a compiled-in default URL failed to parse, which a unit test rules out.
fn unreachable_url() -> Url {
    Url::parse("http://invalid.invalid/").unwrap_or_else(|_| std::process::abort())
}

/// The config in force: the explicit file (`--config` / `QBFIX_CONFIG`), else the platform
/// config dir's `config.toml` when it exists, else the defaults.
pub fn resolve(explicit: Option<&Path>) -> Result<Config, ConfigError> {
    if let Some(path) = explicit {
        return Config::load(path);
    }
    match default_path() {
        Some(path) if path.is_file() => Config::load(&path),
        _ => Ok(Config::default()),
    }
}

/// `<platform config dir>/config.toml`.
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "qbfix").map(|d| d.config_dir().join("config.toml"))
}

mod parse;
mod type_errors;

pub use parse::ca_certs;

#[cfg(test)]
mod tests;
