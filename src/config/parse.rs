//! Reading a config file: TOML into raw structs (unknown keys rejected, every key optional),
//! then checked and turned into a [`Config`] with defaults filled in; every error names the
//! file, line, column and key (its path as `serde_path_to_error` walked it).

use std::path::Path;
use std::time::Duration;

use rustls_pki_types::CertificateDer;
use rustls_pki_types::pem::PemObject;
use serde::Deserialize;
use toml::Spanned;
use url::Url;

use super::type_errors;
use super::*;
use crate::files::read::{self, display_path};
use crate::text::position::line_col;

impl Config {
    /// Reads and validates a config file.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = read::read_capped_text(path, crate::files::limits::CONFIG_BYTES).map_err(|e| {
            ConfigError::Read {
                path: path.to_path_buf(),
                reason: e.reason(),
            }
        })?;
        Config::parse(&text, path)
    }

    /// Parses config text; `path` is only used in error messages.
    pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let invalid = |offset: usize, problem: String| {
            let (line, column) = line_col(text, offset);
            ConfigError::Invalid {
                path: path.to_path_buf(),
                line,
                column,
                problem,
            }
        };
        let document = toml::Deserializer::parse(text).map_err(|e| {
            let offset = e.span().map(|s| s.start).unwrap_or(0);
            let message = e.message().trim();
            let problem = match e.span().and_then(|s| type_errors::duplicate_path(text, s)) {
                Some(key) if message == "duplicate key" => format!("{key}: duplicate key (set twice)"),
                _ => message.to_string(),
            };
            invalid(offset, problem)
        })?;
        let raw: RawConfig = serde_path_to_error::deserialize(document).map_err(|e| {
            let path = key_path(e.path());
            let e = e.into_inner();
            let offset = e.span().map(|s| s.start).unwrap_or(0);
            invalid(offset, type_errors::describe(&path, e.message()))
        })?;
        let mut config = Config::default();
        let ms = |v: &Spanned<u64>, key: &str| {
            if *v.get_ref() == 0 || *v.get_ref() > 600_000 {
                Err(invalid(
                    v.span().start,
                    format!("{key} must be between 1 and 600000 milliseconds"),
                ))
            } else {
                Ok(Duration::from_millis(*v.get_ref()))
            }
        };
        if let Some(n) = raw.network {
            if let Some(v) = &n.timeout_ms {
                config.network.timeout = ms(v, "timeout_ms")?;
            }
            if let Some(v) = &n.dns_timeout_ms {
                config.network.dns_timeout = ms(v, "dns_timeout_ms")?;
            }
            if let Some(v) = &n.slow_ms {
                config.network.slow = ms(v, "slow_ms")?;
            }
            if let Some(v) = &n.samples {
                let count = *v.get_ref();
                if count == 0 || count > MAX_SAMPLES {
                    return Err(invalid(
                        v.span().start,
                        format!("samples must be between 1 and {MAX_SAMPLES}"),
                    ));
                }
                config.network.samples = u32::try_from(count).unwrap_or(3);
            }
            if let Some(v) = &n.proxy {
                config.network.proxy = proxy_setting(v.get_ref())
                    .map_err(|problem| invalid(v.span().start, format!("proxy: {problem}")))?;
            }
        }
        let url = |v: &Spanned<String>, key: &str| -> Result<Url, ConfigError> {
            let at = v.span().start;
            let parsed = Url::parse(v.get_ref()).map_err(|e| {
                invalid(
                    at,
                    format!(
                        "{key}: {:?} is not a URL ({e})",
                        crate::evidence::redact_text(v.get_ref())
                    ),
                )
            })?;
            if !matches!(parsed.scheme(), "http" | "https") || parsed.host_str().is_none() {
                return Err(invalid(
                    at,
                    format!(
                        "{key}: {:?} must be an http:// or https:// URL with a host",
                        crate::evidence::redact_text(v.get_ref())
                    ),
                ));
            }
            Ok(parsed)
        };
        let urls = |list: &[Spanned<String>], key: &str| -> Result<Vec<Url>, ConfigError> {
            list.iter().map(|v| url(v, key)).collect()
        };
        // What the checks must test: an empty list would test nothing and say "fine".
        let some_urls = |list: &Spanned<Vec<Spanned<String>>>, key: &str| {
            if list.get_ref().is_empty() {
                return Err(invalid(
                    list.span().start,
                    format!(
                        "{key}: the list is empty; give at least one web address, or leave the key out to use the default ones"
                    ),
                ));
            }
            urls(list.get_ref(), key)
        };
        if let Some(t) = raw.targets {
            if let Some(list) = &t.quickbooks {
                config.targets.quickbooks = some_urls(list, "targets.quickbooks")?;
            }
            if let Some(list) = &t.control {
                config.targets.control = some_urls(list, "targets.control")?;
            }
            if let Some(v) = &t.status_page {
                config.targets.status_page = url(v, "targets.status_page")?;
            }
            if let Some(list) = &t.bank {
                config.targets.bank = urls(list, "targets.bank")?;
            }
        }
        if let Some(t) = raw.tls {
            if let Some(spanned) = t.extra_ca_file {
                let at = spanned.span().start;
                let file = spanned.into_inner();
                if !file.trim().is_empty() {
                    let file = PathBuf::from(file);
                    // A relative path is taken relative to the config file's folder.
                    let file = match path.parent() {
                        Some(dir) if file.is_relative() => dir.join(file),
                        _ => file,
                    };
                    check_ca_file(&file)
                        .map_err(|problem| invalid(at, format!("tls.extra_ca_file: {problem}")))?;
                    config.tls.extra_ca_file = Some(file);
                }
            }
            if let Some(list) = t.expected_issuers {
                config.tls.expected_issuers = list;
            }
        }
        Ok(config)
    }
}

/// `network.timeout_ms`, `tls.expected_issuers[1]`: the keys and list positions the
/// deserializer walked, without the inner fields of `toml::Spanned`.
fn key_path(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for segment in path.iter() {
        match segment {
            Segment::Map { key } if key.starts_with("$__serde_spanned_private") => {}
            Segment::Map { key } | Segment::Enum { variant: key } => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Segment::Seq { index } => out.push_str(&format!("[{index}]")),
            Segment::Unknown => {}
        }
    }
    out
}

/// `"system"`, `"none"` or a proxy URL of a kind browsers take (`http`, `https`, `socks4`,
/// `socks4a`, `socks5`, `socks5h`): the probe uses those it can and reports the others as
/// proxies it cannot test through, never as "bypassed".
fn proxy_setting(text: &str) -> Result<ProxySetting, String> {
    match text.trim() {
        "system" => return Ok(ProxySetting::System),
        "none" => return Ok(ProxySetting::None),
        _ => {}
    }
    let shown = crate::evidence::redact_text(text);
    let url = Url::parse(text.trim())
        .map_err(|e| format!("{shown:?} is not \"system\", \"none\" or a proxy URL ({e})"))?;
    let known = matches!(
        url.scheme(),
        "http" | "https" | "socks4" | "socks4a" | "socks5" | "socks5h"
    );
    if !known || url.host_str().is_none() {
        return Err(format!(
            "{shown:?} must be \"system\", \"none\" or a proxy URL such as http://host:port or socks5://host:port"
        ));
    }
    Ok(ProxySetting::Url(url))
}

/// A CA file must be readable PEM with at least one certificate.
fn check_ca_file(file: &Path) -> Result<(), String> {
    ca_certs(file).map(drop)
}

/// The certificates of a PEM file of extra roots (a regular file, read up to
/// [`crate::files::limits::CA_BYTES`]); at least one, else a message naming the file.
pub fn ca_certs(file: &Path) -> Result<Vec<CertificateDer<'static>>, String> {
    let bytes = read::read_capped(file, crate::files::limits::CA_BYTES)
        .map_err(|e| format!("cannot read {}: {}", display_path(file), e.reason()))?;
    let mut certs = Vec::new();
    for cert in CertificateDer::pem_slice_iter(&bytes) {
        let cert = cert.map_err(|e| format!("{} is not valid PEM: {e}", display_path(file)))?;
        // The PEM armour can hold any bytes: each must parse as an X.509 certificate.
        if x509_parser::parse_x509_certificate(&cert).is_err() {
            return Err(format!(
                "{}: certificate {} is not a valid certificate",
                display_path(file),
                certs.len() + 1
            ));
        }
        certs.push(cert);
    }
    if certs.is_empty() {
        return Err(format!("{} holds no PEM certificate", display_path(file)));
    }
    Ok(certs)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    network: Option<RawNetwork>,
    targets: Option<RawTargets>,
    tls: Option<RawTls>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNetwork {
    timeout_ms: Option<Spanned<u64>>,
    dns_timeout_ms: Option<Spanned<u64>>,
    slow_ms: Option<Spanned<u64>>,
    samples: Option<Spanned<u64>>,
    proxy: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTargets {
    quickbooks: Option<Spanned<Vec<Spanned<String>>>>,
    control: Option<Spanned<Vec<Spanned<String>>>>,
    status_page: Option<Spanned<String>>,
    bank: Option<Vec<Spanned<String>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTls {
    extra_ca_file: Option<Spanned<String>>,
    expected_issuers: Option<Vec<String>>,
}
