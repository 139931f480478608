//! Reading the Windows registry without privileges or unsafe code: runs `reg query KEY` (a
//! fixed argv, through [`super::process`]) and parses its text. The parser is pure and
//! compiled on every platform so its tests run everywhere.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Duration;

use super::process::{self, ProcessError};

/// One registry value as `reg query` prints it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegValue {
    /// `REG_SZ`, `REG_DWORD`, …
    pub kind: String,
    /// The value as text (`0x1` for a DWORD).
    pub data: String,
}

impl RegValue {
    /// A `REG_DWORD`/`REG_QWORD` as a number (`0x1` → 1); decimal text is accepted too.
    pub fn as_u64(&self) -> Option<u64> {
        let d = self.data.trim();
        match d.strip_prefix("0x").or_else(|| d.strip_prefix("0X")) {
            Some(hex) => u64::from_str_radix(hex, 16).ok(),
            None => d.parse().ok(),
        }
    }
}

/// The values directly under the first key of `reg query` output, by name (subkeys ignored).
pub fn parse(text: &str) -> BTreeMap<String, RegValue> {
    let mut values = BTreeMap::new();
    let mut keys_seen = 0;
    for line in text.lines() {
        if line.starts_with("HKEY_") {
            keys_seen += 1;
            if keys_seen > 1 {
                break;
            }
            continue;
        }
        // "    Name    REG_TYPE    data" — names may hold single spaces, separators are 4.
        let Some(at) = line.find("    REG_") else {
            continue;
        };
        let name = line[..at].trim().to_string();
        let rest = &line[at + 4..];
        let (kind, data) = match rest.find("    ") {
            Some(sep) => (&rest[..sep], &rest[sep + 4..]),
            None => (rest.trim_end(), ""),
        };
        if !name.is_empty() {
            values.insert(
                name,
                RegValue {
                    kind: kind.trim().to_string(),
                    data: data.trim().to_string(),
                },
            );
        }
    }
    values
}

/// A program under the Windows system folder (`%SystemRoot%\System32\…`), by absolute path so
/// no folder on `PATH` can stand in for it.
pub fn system32(relative: &str) -> PathBuf {
    let root = std::env::var_os("SystemRoot").unwrap_or_else(|| "C:\\Windows".into());
    PathBuf::from(root).join("System32").join(relative)
}

/// The values of the first key of `reg query` output, or `None` when the text names no key at
/// all (an answer qbfix cannot read, rather than a key without values).
pub fn parse_key(text: &str) -> Option<BTreeMap<String, RegValue>> {
    text.lines().any(|l| l.starts_with("HKEY_")).then(|| parse(text))
}

/// The raw `reg query KEY` text; `Ok(None)` when the key does not exist.
pub async fn query_text(key: &str, timeout: Duration) -> Result<Option<String>, ProcessError> {
    let out = process::run(&system32("reg.exe"), &["query", key], timeout).await?;
    Ok(out.success().then_some(out.stdout))
}

/// Whether `key` exists (`reg query` exits 0 for an existing key, 1 for a missing one).
pub async fn key_exists(key: &str, timeout: Duration) -> Result<bool, ProcessError> {
    let out = process::run(&system32("reg.exe"), &["query", key], timeout).await?;
    Ok(out.success())
}

#[cfg(test)]
mod tests {
    use super::*;

    const INTERNET_SETTINGS: &str = "\r
HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\r
    DisableCachingOfSSLPages    REG_DWORD    0x0\r
    User Agent    REG_SZ    Mozilla/4.0 (compatible; MSIE 8.0; Win32)\r
    ProxyEnable    REG_DWORD    0x1\r
    ProxyServer    REG_SZ    http=proxy.corp:8080;https=proxy.corp:8443\r
    AutoConfigURL    REG_SZ    http://wpad.corp/proxy.pac\r
    ProxyOverride    REG_SZ    \r
\r
HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\5.0\r
HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\Cache\r
";

    #[test]
    fn parses_values_of_the_first_key() {
        let v = parse(INTERNET_SETTINGS);
        assert_eq!(v["ProxyEnable"].as_u64(), Some(1));
        assert_eq!(v["DisableCachingOfSSLPages"].as_u64(), Some(0));
        assert_eq!(
            v["ProxyServer"].data,
            "http=proxy.corp:8080;https=proxy.corp:8443"
        );
        assert_eq!(v["User Agent"].kind, "REG_SZ");
        assert_eq!(v["AutoConfigURL"].data, "http://wpad.corp/proxy.pac");
        assert_eq!(v["ProxyOverride"].data, "");
        assert_eq!(v.len(), 6);
    }

    #[test]
    fn empty_or_foreign_text_gives_no_values() {
        assert!(parse("").is_empty());
        assert!(
            parse("ERROR: The system was unable to find the specified registry key or value.").is_empty()
        );
    }
}
