//! The supported-browser data (`assets/browsers.toml`, embedded) and the pure functions that
//! read version strings and judge a found browser against that data.

use serde::Deserialize;

/// The data file, compiled into the binary.
const BROWSERS_TOML: &str = include_str!("../../../assets/browsers.toml");

/// One browser of the data file.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BrowserInfo {
    pub id: String,
    pub name: String,
    /// On Intuit's list of supported browsers.
    pub supported: bool,
    /// The oldest major version we accept (our own policy, see the data file).
    pub min_major: Option<u32>,
    /// The only OS it is supported on (`macos` for Safari).
    pub only_on: Option<String>,
    #[serde(default)]
    pub linux_binaries: Vec<String>,
    #[serde(default)]
    pub mac_apps: Vec<String>,
    #[serde(default)]
    pub windows_dirs: Vec<String>,
    pub windows_exe: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DataFile {
    browser: Vec<BrowserInfo>,
}

/// The browsers of the embedded data file (empty only if it were broken, which a test rules out).
pub fn known() -> Vec<BrowserInfo> {
    toml::from_str::<DataFile>(BROWSERS_TOML)
        .map(|d| d.browser)
        .unwrap_or_default()
}

/// A version number read from a program.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    /// As printed, digits and dots only ("131.0.6778.85").
    pub full: String,
    pub major: u32,
}

/// The first version number in `text` ("Google Chrome 131.0.6778.85" → 131.0.6778.85,
/// "Mozilla Firefox 128.5.0esr" → 128.5.0).
pub fn parse_version(text: &str) -> Option<Version> {
    text.split(|c: char| c.is_whitespace() || c == ',' || c == '(')
        .filter(|t| t.starts_with(|c: char| c.is_ascii_digit()))
        .find_map(|token| {
            let end = token
                .find(|c: char| !(c.is_ascii_digit() || c == '.'))
                .unwrap_or(token.len());
            let full = token[..end].trim_end_matches('.');
            let major = full.split('.').next()?.parse().ok()?;
            Some(Version {
                full: full.to_string(),
                major,
            })
        })
}

/// The highest of several version strings (e.g. Chrome's version-named folders).
pub fn highest<'a>(candidates: impl IntoIterator<Item = &'a str>) -> Option<Version> {
    candidates
        .into_iter()
        .filter(|c| c.contains('.') && c.chars().all(|ch| ch.is_ascii_digit() || ch == '.'))
        .filter_map(|c| parse_version(c).map(|v| (numeric_key(&v.full), v)))
        .max_by(|a, b| a.0.cmp(&b.0))
        .map(|(_, v)| v)
}

fn numeric_key(full: &str) -> Vec<u64> {
    full.split('.').filter_map(|p| p.parse().ok()).collect()
}

/// How a found browser stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Supported and at least the minimum version.
    Current,
    /// Supported, but its version could not be read.
    Unknown,
    /// Supported, but older than the minimum.
    Outdated,
    /// Not on the supported list (or not on this OS).
    Unsupported,
    /// Not on the supported list, but at least the version qbfix counts as recent for it
    /// (`min_major`): up to date, just not one QuickBooks supports.
    UnlistedRecent,
}

impl Standing {
    pub fn as_str(self) -> &'static str {
        match self {
            Standing::Current => "supported",
            Standing::Unknown => "supported, version unknown",
            Standing::Outdated => "outdated",
            Standing::Unsupported | Standing::UnlistedRecent => "not supported",
        }
    }
}

/// Judges `info` at `version` on the OS named `os` (`std::env::consts::OS` spelling).
pub fn standing(info: &BrowserInfo, version: Option<&Version>, os: &str) -> Standing {
    if !info.supported || info.only_on.as_deref().is_some_and(|only| only != os) {
        return Standing::Unsupported;
    }
    match (version, info.min_major) {
        (None, _) => Standing::Unknown,
        (Some(v), Some(min)) if v.major < min => Standing::Outdated,
        _ => Standing::Current,
    }
}

/// Whether `version` is at least the major version qbfix counts as recent for `info`
/// (false when either is unknown).
pub fn recent(info: &BrowserInfo, version: Option<&Version>) -> bool {
    matches!((version, info.min_major), (Some(v), Some(min)) if v.major >= min)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(text: &str) -> Option<(String, u32)> {
        parse_version(text).map(|v| (v.full, v.major))
    }

    #[test]
    fn reads_real_version_outputs() {
        assert_eq!(
            v("Google Chrome 131.0.6778.85 \n"),
            Some(("131.0.6778.85".into(), 131))
        );
        assert_eq!(v("Mozilla Firefox 133.0\n"), Some(("133.0".into(), 133)));
        assert_eq!(
            v("Chromium 156.0.8078.73 built on Debian GNU/Linux 13 (trixie)\n"),
            Some(("156.0.8078.73".into(), 156))
        );
        assert_eq!(v("Mozilla Firefox 128.5.0esr"), Some(("128.5.0".into(), 128)));
        assert_eq!(
            v("Microsoft Edge 131.0.2903.70 unknown"),
            Some(("131.0.2903.70".into(), 131))
        );
        assert_eq!(v("Brave Browser 131.1.73.91"), Some(("131.1.73.91".into(), 131)));
        assert_eq!(v("114.0.5282.102"), Some(("114.0.5282.102".into(), 114)));
        assert_eq!(v("Chromium browser"), None);
        assert_eq!(v(""), None);
    }

    #[test]
    fn picks_the_highest_version_folder() {
        let got = highest([
            "130.0.6723.117",
            "131.0.6778.86",
            "SetupMetrics",
            "99.0.1.2",
            "Dictionaries",
        ]);
        assert_eq!(got.map(|v| v.full), Some("131.0.6778.86".into()));
        assert_eq!(highest(["Locales"]), None);
    }

    #[test]
    fn the_data_file_lists_intuits_browsers_and_marks_ie_unsupported() {
        let known = known();
        for id in ["chrome", "firefox", "edge", "safari"] {
            let b = known.iter().find(|b| b.id == id).unwrap();
            assert!(b.supported && b.min_major.is_some(), "{id}");
        }
        let ie = known.iter().find(|b| b.id == "ie").unwrap();
        assert!(!ie.supported);
        assert_eq!(
            known
                .iter()
                .find(|b| b.id == "safari")
                .unwrap()
                .only_on
                .as_deref(),
            Some("macos")
        );
    }

    #[test]
    fn standings() {
        let known = known();
        let chrome = known.iter().find(|b| b.id == "chrome").unwrap();
        let safari = known.iter().find(|b| b.id == "safari").unwrap();
        let new = parse_version("Google Chrome 999.0").unwrap();
        let old = parse_version("Google Chrome 90.0").unwrap();
        assert_eq!(standing(chrome, Some(&new), "linux"), Standing::Current);
        assert_eq!(standing(chrome, Some(&old), "linux"), Standing::Outdated);
        assert_eq!(standing(chrome, None, "linux"), Standing::Unknown);
        assert_eq!(standing(safari, Some(&new), "windows"), Standing::Unsupported);
        assert_eq!(standing(safari, Some(&new), "macos"), Standing::Current);
    }
}
