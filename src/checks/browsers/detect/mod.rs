//! Finding installed browsers, with every place to look passed in (so tests use temp dirs):
//! known program names on a search path (Linux; version from `application.ini` beside the
//! program or from `--version`), app bundles' `Info.plist` (macOS), and install folders under
//! Program Files / `%LOCALAPPDATA%` (Windows). The file readers compile and test everywhere.

use std::path::{Path, PathBuf};
use std::time::Duration;

use futures::future::join_all;

use super::versions::{self, BrowserInfo, Version};
use crate::machine::process;

/// One installed browser.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The data file's id (`chrome`, `firefox`, …).
    pub id: String,
    pub version: Option<Version>,
    pub path: PathBuf,
}

/// Browsers among `dirs` (a search path), running each found program's `--version` at most
/// `timeout` when no version file is beside it. The file system is searched on a blocking
/// thread, never on the async workers.
pub async fn scan_path(dirs: &[PathBuf], known: &[BrowserInfo], timeout: Duration) -> Vec<Found> {
    let dirs = dirs.to_vec();
    let wanted: Vec<(String, Vec<String>)> = known
        .iter()
        .map(|i| (i.id.clone(), i.linux_binaries.clone()))
        .collect();
    let hits = tokio::task::spawn_blocking(move || locate(&dirs, &wanted))
        .await
        .unwrap_or_default();
    let probes = hits.into_iter().map(|(id, path, beside)| async move {
        let version = match beside {
            Some(v) => Some(v),
            None => match process::run(&path, &["--version"], timeout).await {
                Ok(out) => versions::parse_version(&out.stdout),
                Err(_) => None,
            },
        };
        Found { id, version, path }
    });
    let mut found = join_all(probes).await;
    found.dedup_by(|a, b| a.id == b.id && a.version.is_some() && a.version == b.version);
    found
}

/// The known programs found on `dirs`, each once (by its real path), with the version file
/// beside it if there is one.
fn locate(dirs: &[PathBuf], wanted: &[(String, Vec<String>)]) -> Vec<(String, PathBuf, Option<Version>)> {
    let mut hits: Vec<(String, PathBuf, PathBuf)> = Vec::new();
    for (id, bins) in wanted {
        for bin in bins {
            if let Some(path) = process::find_in(dirs, bin) {
                let real = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
                if !hits.iter().any(|(_, _, r)| *r == real) {
                    hits.push((id.clone(), path, real));
                }
            }
        }
    }
    hits.into_iter()
        .map(|(id, path, real)| {
            let beside = real
                .parent()
                .and_then(|dir| read_app_ini(&dir.join("application.ini")));
            (id, path, beside)
        })
        .collect()
}
/// The `Version=` of a Mozilla `application.ini`, if the file is there.
pub fn read_app_ini(path: &Path) -> Option<Version> {
    let text = std::fs::read_to_string(path).ok()?;
    text.lines()
        .find_map(|l| l.trim().strip_prefix("Version="))
        .and_then(versions::parse_version)
}

/// Browsers among the app bundles in `roots` (e.g. `/Applications`).
pub fn scan_mac(roots: &[PathBuf], known: &[BrowserInfo]) -> Vec<Found> {
    let mut found = Vec::new();
    for info in known {
        for app in &info.mac_apps {
            for root in roots {
                let path = root.join(app);
                if path.is_dir() {
                    let plist = std::fs::read_to_string(path.join("Contents").join("Info.plist")).ok();
                    let version = plist
                        .as_deref()
                        .and_then(|xml| plist_string(xml, "CFBundleShortVersionString"))
                        .and_then(|s| versions::parse_version(&s));
                    found.push(Found {
                        id: info.id.clone(),
                        version,
                        path,
                    });
                }
            }
        }
    }
    found
}

/// The `<string>` after `<key>KEY</key>` in an XML property list (a minimal reader: enough
/// for `Info.plist`; binary plists give `None`).
pub fn plist_string(xml: &str, key: &str) -> Option<String> {
    let tag = format!("<key>{key}</key>");
    let after = &xml[xml.find(&tag)? + tag.len()..];
    let after = after.trim_start().strip_prefix("<string>")?;
    let value = &after[..after.find("</string>")?];
    Some(value.trim().to_string())
}

/// Browsers in install folders under `roots` (Program Files, `%LOCALAPPDATA%`): the folder
/// must hold the browser's program; the version is `application.ini`'s or the highest
/// version-named subfolder's (Chrome and Edge keep one per version).
pub fn scan_windows(roots: &[PathBuf], known: &[BrowserInfo]) -> Vec<Found> {
    let mut found: Vec<Found> = Vec::new();
    for info in known {
        let Some(exe) = &info.windows_exe else { continue };
        for dir in &info.windows_dirs {
            for root in roots {
                let base = dir.split(['\\', '/']).fold(root.clone(), |p, part| p.join(part));
                let path = base.join(exe);
                if !path.is_file() {
                    continue;
                }
                let version = read_app_ini(&base.join("application.ini")).or_else(|| {
                    let names: Vec<String> = std::fs::read_dir(&base)
                        .map(|rd| {
                            rd.filter_map(Result::ok)
                                .filter(|e| e.path().is_dir())
                                .map(|e| e.file_name().to_string_lossy().into_owned())
                                .collect()
                        })
                        .unwrap_or_default();
                    versions::highest(names.iter().map(String::as_str))
                });
                // The same install seen twice (Program Files and its x86 twin) is listed once.
                if !found.iter().any(|f| f.id == info.id && f.version == version) {
                    found.push(Found {
                        id: info.id.clone(),
                        version,
                        path,
                    });
                }
            }
        }
    }
    found
}

#[cfg(test)]
mod tests;
