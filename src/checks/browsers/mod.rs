//! `browsers`: which browsers are installed, at which versions, and whether at least one is
//! supported by QuickBooks Online and recent enough (data: `assets/browsers.toml`). Detection
//! per OS is in `detect/`, version reading and judging in `versions.rs`.

pub mod detect;
pub mod versions;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use super::{CheckResult, Context, Status};
use crate::machine::process;
use detect::Found;
use versions::{BrowserInfo, Standing};

pub const ID: &str = "browsers";

pub async fn run(ctx: Arc<Context>) -> Vec<CheckResult> {
    if let Some(skip) = super::host_probes_off(ID) {
        return skip;
    }
    let started = Instant::now();
    let known = versions::known();
    let budget = ctx.config.network.timeout;
    let found = tokio::time::timeout(budget, find_installed(&known, budget.min(process::QUICK)))
        .await
        .unwrap_or_default();
    let home = home_dir();
    vec![judge(&found, &known, std::env::consts::OS, home.as_deref()).with_duration(started.elapsed())]
}

/// The user's home folder, only to shorten paths to `~` (user names never reach the output).
fn home_dir() -> Option<PathBuf> {
    let var = if cfg!(windows) { "USERPROFILE" } else { "HOME" };
    std::env::var_os(var)
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
}

#[cfg(target_os = "macos")]
async fn find_installed(known: &[BrowserInfo], timeout: Duration) -> Vec<Found> {
    use std::ffi::OsStr;
    let mut roots = vec![PathBuf::from("/Applications")];
    roots.extend(home_dir().map(|h| h.join("Applications")));
    // The folder walk reads the disk: off the async workers.
    let owned = known.to_vec();
    let mut found = tokio::task::spawn_blocking(move || detect::scan_mac(&roots, &owned))
        .await
        .unwrap_or_default();
    // Binary Info.plist files: ask `defaults`, which reads every plist format.
    for f in found.iter_mut().filter(|f| f.version.is_none()) {
        let plist = f.path.join("Contents").join("Info");
        let args = [
            OsStr::new("read"),
            plist.as_os_str(),
            OsStr::new("CFBundleShortVersionString"),
        ];
        if let Ok(out) = process::run(Path::new("/usr/bin/defaults"), &args, timeout).await {
            f.version = versions::parse_version(&out.stdout);
        }
    }
    found
}

#[cfg(windows)]
async fn find_installed(known: &[BrowserInfo], _timeout: Duration) -> Vec<Found> {
    let mut roots: Vec<PathBuf> = Vec::new();
    for var in [
        "ProgramFiles",
        "ProgramFiles(x86)",
        "ProgramW6432",
        "LOCALAPPDATA",
    ] {
        if let Some(dir) = std::env::var_os(var).map(PathBuf::from)
            && !roots.contains(&dir)
        {
            roots.push(dir);
        }
    }
    // The folder walk reads the disk: off the async workers.
    let owned = known.to_vec();
    tokio::task::spawn_blocking(move || detect::scan_windows(&roots, &owned))
        .await
        .unwrap_or_default()
}

#[cfg(not(any(target_os = "macos", windows)))]
async fn find_installed(known: &[BrowserInfo], timeout: Duration) -> Vec<Found> {
    let mut dirs = process::path_dirs();
    for extra in ["/usr/local/bin", "/usr/bin", "/snap/bin"] {
        let extra = PathBuf::from(extra);
        if !dirs.contains(&extra) {
            dirs.push(extra);
        }
    }
    detect::scan_path(&dirs, known, timeout).await
}

/// The result for the browsers `found`, judged against `known` on the OS named `os`.
pub fn judge(found: &[Found], known: &[BrowserInfo], os: &str, home: Option<&Path>) -> CheckResult {
    if found.is_empty() {
        return CheckResult::new(ID, Status::Skip, "Couldn't detect browsers on this computer")
            .with("browsers", Value::Array(Vec::new()));
    }
    let rows: Vec<(String, Standing, Value)> = found
        .iter()
        .filter_map(|f| {
            let info = known.iter().find(|k| k.id == f.id)?;
            let mut standing = versions::standing(info, f.version.as_ref(), os);
            if standing == Standing::Unsupported && versions::recent(info, f.version.as_ref()) {
                standing = Standing::UnlistedRecent;
            }
            let label = match &f.version {
                Some(v) => format!("{} {}", info.name, v.major),
                None => info.name.clone(),
            };
            let row = json!({
                "name": info.name,
                "version": f.version.as_ref().map(|v| v.full.clone()),
                "path": display_path(&f.path, home),
                "status": standing.as_str(),
            });
            Some((label, standing, row))
        })
        .collect();
    let labels = |wanted: &[Standing]| -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for (label, _, _) in rows.iter().filter(|(_, s, _)| wanted.contains(s)) {
            if !out.contains(label) {
                out.push(label.clone());
            }
        }
        out
    };
    let current = labels(&[Standing::Current]);
    let unknown = labels(&[Standing::Unknown]);
    let (status, summary) = if !current.is_empty() {
        (
            Status::Pass,
            format!("Supported browser found: {}", current.join(", ")),
        )
    } else if !unknown.is_empty() {
        (
            Status::Pass,
            format!(
                "Found {} (version unknown): make sure it is up to date",
                unknown.join(", ")
            ),
        )
    } else {
        (Status::Warn, none_current(found, known, os, &labels))
    };
    let details: Vec<Value> = rows.into_iter().map(|(_, _, row)| row).collect();
    CheckResult::new(ID, status, summary).with("browsers", Value::Array(details))
}

/// The summary when no supported browser is current, each browser named for what it is:
/// "Google Chrome 90 is out of date; Chromium 156 is up to date but not on QuickBooks'
/// supported list: update Google Chrome, or use Firefox or Microsoft Edge".
fn none_current(
    found: &[Found],
    known: &[BrowserInfo],
    os: &str,
    labels: &dyn Fn(&[Standing]) -> Vec<String>,
) -> String {
    let is_are = |names: &[String], rest: &str| match names.len() {
        1 => format!("{} is {rest}", names[0]),
        _ => format!("{} are {rest}", and_list(names)),
    };
    let outdated = labels(&[Standing::Outdated]);
    let recent = labels(&[Standing::UnlistedRecent]);
    let unlisted = labels(&[Standing::Unsupported]);
    let mut said = Vec::new();
    if !outdated.is_empty() {
        said.push(is_are(&outdated, "out of date"));
    }
    if !recent.is_empty() {
        said.push(is_are(
            &recent,
            "up to date but not on QuickBooks' supported list",
        ));
    }
    if !unlisted.is_empty() {
        said.push(is_are(&unlisted, "not on QuickBooks' supported list"));
    }
    // The supported browsers found too old: update those, or use one of the others.
    let old: Vec<String> = known
        .iter()
        .filter(|k| {
            found
                .iter()
                .any(|f| f.id == k.id && versions::standing(k, f.version.as_ref(), os) == Standing::Outdated)
        })
        .map(|k| k.name.clone())
        .collect();
    let others: Vec<&str> = known
        .iter()
        .filter(|k| k.supported && k.only_on.as_deref().is_none_or(|o| o == os))
        .map(|k| k.name.as_str())
        .filter(|n| !old.iter().any(|o| o == n))
        .collect();
    let remedy = match (old.is_empty(), others.is_empty()) {
        (true, _) => format!("use {}", or_list(&others)),
        (false, true) => format!("update {}", and_list(&old)),
        (false, false) => format!("update {}, or use {}", and_list(&old), or_list(&others)),
    };
    format!("{}: {remedy}", said.join("; "))
}

/// "A, B and C".
fn and_list(names: &[String]) -> String {
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        Some((last, _)) => last.clone(),
        None => String::new(),
    }
}

/// `path` with the home folder shown as `~`, so no user name appears.
pub fn display_path(path: &Path, home: Option<&Path>) -> String {
    match home.and_then(|h| path.strip_prefix(h).ok()) {
        Some(rest) => Path::new("~").join(rest).display().to_string(),
        None => path.display().to_string(),
    }
}

/// "A, B or C".
fn or_list(names: &[&str]) -> String {
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        Some((last, _)) => last.to_string(),
        None => "a supported browser".to_string(),
    }
}

#[cfg(test)]
mod tests {
    //! Tests of how found browsers turn into a result a user reads.

    use super::*;
    use versions::parse_version;

    fn found(id: &str, version: Option<&str>, path: &str) -> Found {
        Found {
            id: id.into(),
            version: version.and_then(parse_version),
            path: PathBuf::from(path),
        }
    }

    #[test]
    fn a_current_supported_browser_passes() {
        let list = [
            found("firefox", Some("Mozilla Firefox 999.0"), "/usr/bin/firefox"),
            found("chromium", Some("Chromium 999.0.1.2"), "/usr/bin/chromium"),
        ];
        let r = judge(&list, &versions::known(), "linux", None);
        assert_eq!(r.status, Status::Pass);
        assert_eq!(r.summary, "Supported browser found: Firefox 999");
        let rows = r.details["browsers"].as_array().unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0]["version"], "999.0");
        assert_eq!(rows[0]["path"], "/usr/bin/firefox");
        assert_eq!(rows[0]["status"], "supported");
        assert_eq!(rows[1]["status"], "not supported");
    }

    #[test]
    fn only_outdated_or_unsupported_browsers_warn() {
        let list = [
            found(
                "chrome",
                Some("Google Chrome 90.0.4430.93"),
                "/usr/bin/google-chrome",
            ),
            found("brave", Some("Brave Browser 999.1.2"), "/usr/bin/brave-browser"),
        ];
        let r = judge(&list, &versions::known(), "linux", None);
        assert_eq!(r.status, Status::Warn);
        assert_eq!(
            r.summary,
            "Google Chrome 90 is out of date; Brave 999 is not on QuickBooks' supported list: \
             update Google Chrome, or use Firefox or Microsoft Edge"
        );
        assert_eq!(r.details["browsers"][0]["status"], "outdated");
    }

    #[test]
    fn a_current_browser_not_on_the_list_is_not_called_outdated() {
        let list = [found(
            "chromium",
            Some("Chromium 156.0.8078.73 built on Debian GNU/Linux 13 (trixie)"),
            "/usr/bin/chromium",
        )];
        let r = judge(&list, &versions::known(), "linux", None);
        assert_eq!(r.status, Status::Warn);
        assert_eq!(
            r.summary,
            "Chromium 156 is up to date but not on QuickBooks' supported list: \
             use Google Chrome, Firefox or Microsoft Edge"
        );
        let old = [found("chromium", Some("Chromium 90.0"), "/usr/bin/chromium")];
        let r = judge(&old, &versions::known(), "linux", None);
        assert_eq!(
            r.summary,
            "Chromium 90 is not on QuickBooks' supported list: \
             use Google Chrome, Firefox or Microsoft Edge"
        );
    }

    #[test]
    fn safari_counts_only_on_a_mac_and_ie_never() {
        let list = [found("safari", Some("999.1"), "/Applications/Safari.app")];
        assert_eq!(
            judge(&list, &versions::known(), "macos", None).status,
            Status::Pass
        );
        let ie = [found(
            "ie",
            None,
            "C:\\Program Files\\Internet Explorer\\iexplore.exe",
        )];
        let r = judge(&ie, &versions::known(), "windows", None);
        assert_eq!(r.status, Status::Warn);
        assert!(r.summary.contains("Internet Explorer"), "{}", r.summary);
    }

    #[test]
    fn unknown_versions_pass_with_a_hint_and_nothing_found_skips() {
        let list = [found("edge", None, "/usr/bin/microsoft-edge")];
        let r = judge(&list, &versions::known(), "linux", None);
        assert_eq!(r.status, Status::Pass);
        assert!(r.summary.contains("version unknown"), "{}", r.summary);
        let r = judge(&[], &versions::known(), "linux", None);
        assert_eq!(r.status, Status::Skip);
        assert_eq!(r.summary, "Couldn't detect browsers on this computer");
    }

    #[test]
    fn paths_under_home_hide_the_user_name() {
        let home = Path::new("/home/alice");
        let p = Path::new("/home/alice/.local/bin/firefox");
        assert_eq!(display_path(p, Some(home)), "~/.local/bin/firefox");
        assert_eq!(
            display_path(Path::new("/usr/bin/firefox"), Some(home)),
            "/usr/bin/firefox"
        );
    }
}
