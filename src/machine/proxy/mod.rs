//! Reading the operating system's own proxy settings without privileges: GNOME `gsettings` on
//! Linux (when installed), `scutil --proxy` on macOS, the Internet Settings registry key on
//! Windows. Each reader is compiled only for its OS; the pure parsing lives in [`parse`], and
//! what was read ([`OsProxy`]) here, so the parsers and the readers share it without a circle.

pub mod parse;

use std::time::Duration;

use parse::Findings;

/// What the OS settings said, or why they could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OsProxy {
    Read(Findings),
    /// Not readable here; the reason, in words.
    Unavailable(String),
}

#[cfg(target_os = "linux")]
pub async fn read(timeout: Duration) -> OsProxy {
    use crate::machine::process;

    let Some(gsettings) = process::find_in(&process::path_dirs(), "gsettings") else {
        return OsProxy::Unavailable("no desktop proxy settings (gsettings is not installed)".into());
    };
    let get = |schema: &'static str, key: &'static str| {
        let gsettings = gsettings.clone();
        async move {
            match process::run(&gsettings, &["get", schema, key], timeout).await {
                Ok(out) if out.success() => Some(parse::gsettings_value(&out.stdout)),
                _ => None,
            }
        }
    };
    let Some(mode) = get("org.gnome.system.proxy", "mode").await else {
        return OsProxy::Unavailable("the desktop proxy settings could not be read".into());
    };
    let mut manual = Vec::new();
    if mode == "manual" {
        for (kind, schema) in [
            ("HTTPS", "org.gnome.system.proxy.https"),
            ("HTTP", "org.gnome.system.proxy.http"),
            ("SOCKS", "org.gnome.system.proxy.socks"),
        ] {
            let host = get(schema, "host").await.unwrap_or_default();
            let port = get(schema, "port").await.unwrap_or_default();
            manual.push((kind, host, port));
        }
    }
    let pac = if mode == "auto" {
        get("org.gnome.system.proxy", "autoconfig-url")
            .await
            .unwrap_or_default()
    } else {
        String::new()
    };
    OsProxy::Read(parse::from_gnome(&mode, &manual, &pac))
}

#[cfg(target_os = "macos")]
pub async fn read(timeout: Duration) -> OsProxy {
    use crate::machine::process;

    match process::run(std::path::Path::new("/usr/sbin/scutil"), &["--proxy"], timeout).await {
        Ok(out) if out.success() => OsProxy::Read(parse::from_scutil(&out.stdout)),
        Ok(_) => OsProxy::Unavailable("scutil could not read the network settings".into()),
        Err(e) => OsProxy::Unavailable(format!("scutil: {e}")),
    }
}

/// The Internet Settings key, read in place (no child process: nothing to time out).
#[cfg(windows)]
pub async fn read(_timeout: Duration) -> OsProxy {
    use crate::machine::registry::{self, Hive};

    const KEY: &str = r"Software\Microsoft\Windows\CurrentVersion\Internet Settings";
    match registry::values(Hive::CurrentUser, KEY) {
        Ok(Some(values)) => OsProxy::Read(parse::from_windows(&values)),
        Ok(None) => OsProxy::Read(Findings::default()),
        Err(e) => OsProxy::Unavailable(format!("the Internet Settings could not be read: {e}")),
    }
}

#[cfg(not(any(target_os = "linux", target_os = "macos", windows)))]
pub async fn read(_timeout: Duration) -> OsProxy {
    OsProxy::Unavailable("reading proxy settings is not supported on this system".into())
}
