//! Where each OS keeps its firewall state, read without privileges: files under an injectable
//! root on Linux (ufw, firewalld, nftables) refined by `firewall-cmd --state`; `socketfilterfw`
//! on macOS; `netsh` and the Security Center (via PowerShell) on Windows. All read-only.

use std::path::Path;
#[cfg(any(target_os = "linux", target_os = "macos", windows))]
use std::time::Duration;

use super::parse::{self, Product, State};

/// What could be read, and what could not (with the reason, in words).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reading {
    pub products: Vec<Product>,
    /// Sources that exist but could not be read here.
    pub not_readable: Vec<String>,
    /// What this check cannot see at all on this OS.
    pub limits: Vec<String>,
}

/// Linux firewall configuration under `root` (normally `/`).
pub fn linux_files(root: &Path) -> Reading {
    let mut r = Reading::default();
    match std::fs::read_to_string(root.join("etc/ufw/ufw.conf")) {
        Ok(text) => r.products.push(Product::firewall("ufw", parse::ufw_conf(&text))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => r.not_readable.push(format!("ufw settings: {e}")),
    }
    let units = root.join("etc/systemd/system");
    let firewalld_installed = root.join("etc/firewalld").is_dir()
        || root.join("usr/lib/systemd/system/firewalld.service").is_file()
        || root.join("lib/systemd/system/firewalld.service").is_file();
    if firewalld_installed {
        let enabled = units.join("multi-user.target.wants/firewalld.service").exists();
        let state = if enabled { State::On } else { State::Off };
        r.products.push(Product::firewall("firewalld", state));
    }
    if units.join("sysinit.target.wants/nftables.service").exists() {
        let mut p = Product::firewall("nftables", State::On);
        p.note = Some("rules load at startup".into());
        r.products.push(p);
    }
    r.limits
        .push("iptables/nftables rules themselves need administrator rights to read".into());
    r
}

#[cfg(target_os = "linux")]
pub async fn read(timeout: Duration) -> Reading {
    use crate::machine::process;

    // Reading the settings files touches the disk: off the async workers.
    let mut r = tokio::task::spawn_blocking(|| linux_files(Path::new("/")))
        .await
        .unwrap_or_default();
    if let Some(cmd) = process::find_in(&process::path_dirs(), "firewall-cmd") {
        // firewall-cmd exits 252 when not running; its stdout says so either way.
        if let Ok(out) = process::run(&cmd, &["--state"], timeout.min(process::QUICK)).await {
            let state = parse::firewalld_state(&out.stdout);
            if state != State::Unknown {
                r.products.retain(|p| p.name != "firewalld");
                r.products.push(Product::firewall("firewalld", state));
            }
        }
    }
    r
}

#[cfg(target_os = "macos")]
pub async fn read(timeout: Duration) -> Reading {
    use crate::machine::process;

    let mut r = Reading::default();
    let tool = Path::new("/usr/libexec/ApplicationFirewall/socketfilterfw");
    match process::run(tool, &["--getglobalstate"], timeout.min(process::QUICK)).await {
        Ok(out) => r.products.push(Product::firewall(
            "macOS firewall",
            parse::socketfilterfw(&out.stdout),
        )),
        Err(e) => r.not_readable.push(format!("macOS firewall: {e}")),
    }
    r.limits
        .push("other security software is not listed on macOS".into());
    r
}

/// Lists Security Center antivirus and firewall products as `Class|name|state` lines.
#[cfg(windows)]
const SECURITY_CENTER_SCRIPT: &str = "foreach ($c in 'AntiVirusProduct','FirewallProduct') { \
     Get-CimInstance -Namespace root/SecurityCenter2 -ClassName $c -ErrorAction SilentlyContinue | \
     ForEach-Object { $c + '|' + $_.displayName + '|' + $_.productState } }";

#[cfg(windows)]
pub async fn read(timeout: Duration) -> Reading {
    use crate::machine::process::{self, system32};

    let netsh = system32("netsh.exe");
    let powershell = system32("WindowsPowerShell\\v1.0\\powershell.exe");
    let netsh_args = ["advfirewall", "show", "allprofiles", "state"];
    let ps_args = [
        "-NoLogo",
        "-NoProfile",
        "-NonInteractive",
        "-Command",
        SECURITY_CENTER_SCRIPT,
    ];
    let (fw, av) = tokio::join!(
        process::run(&netsh, &netsh_args, timeout.min(process::QUICK)),
        process::run(&powershell, &ps_args, timeout),
    );
    let mut r = Reading::default();
    match fw {
        Ok(out) => r.products.push(parse::windows_firewall(&out.stdout)),
        Err(e) => r.not_readable.push(format!("Windows Firewall: {e}")),
    }
    match av {
        Ok(out) if out.success() => r.products.extend(parse::security_center(&out.stdout)),
        Ok(_) => r.not_readable.push("Security Center product list".into()),
        Err(e) => r.not_readable.push(format!("Security Center product list: {e}")),
    }
    r
}

#[cfg(not(any(target_os = "linux", target_os = "macos", windows)))]
pub async fn read(_timeout: std::time::Duration) -> Reading {
    Reading {
        not_readable: vec!["firewall state is not supported on this system".into()],
        ..Reading::default()
    }
}
