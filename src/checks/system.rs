//! `system`: the operating system, its version and kernel, how long since the last restart,
//! and whether a restart is pending to finish updates (Linux: `/var/run/reboot-required`;
//! Windows: the servicing/update registry keys; macOS: not detectable). Never a user or host
//! name.

use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use sysinfo::System;

use super::Context;
use crate::evidence::{CheckResult, Status};
use crate::machine::process;

pub const ID: &str = "system";

/// Uptime past which the summary suggests a restart.
pub const LONG_UPTIME_SECS: u64 = 30 * 24 * 3600;

/// What this check learns about the computer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SystemInfo {
    /// "Debian GNU/Linux 12 (bookworm)", "macOS 15.1.1 Sequoia", "Windows 11 Pro".
    pub os: String,
    pub kernel: Option<String>,
    pub arch: String,
    pub uptime_secs: Option<u64>,
    pub reboot: Reboot,
}

/// Whether a restart is waiting to finish installing updates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reboot {
    Pending,
    NotPending,
    /// Not detectable here; why, in words.
    Unknown(String),
}

pub async fn run(ctx: Arc<Context>) -> Vec<CheckResult> {
    if let Some(skip) = super::host_probes_off(ID) {
        return skip;
    }
    let started = Instant::now();
    let budget = ctx.config.network.timeout;
    let reboot = tokio::time::timeout(budget, reboot_state(budget.min(process::QUICK)))
        .await
        .unwrap_or_else(|_| Reboot::Unknown("the check took too long".into()));
    let info = tokio::task::spawn_blocking(move || SystemInfo {
        os: os_name(Path::new("/")),
        kernel: System::kernel_version().ok().filter(|k| !k.is_empty()),
        arch: System::cpu_arch(),
        uptime_secs: System::uptime().ok(),
        reboot,
    })
    .await;
    match info {
        Ok(info) => vec![judge(&info).with_duration(started.elapsed())],
        Err(_) => vec![CheckResult::new(
            ID,
            Status::Error,
            "Couldn't read the system details",
        )],
    }
}

/// A readable OS name: `PRETTY_NAME` of os-release under `root` on Linux, else sysinfo's.
fn os_name(root: &Path) -> String {
    let from_file = if cfg!(target_os = "linux") {
        std::fs::read_to_string(root.join("etc/os-release"))
            .ok()
            .and_then(|t| parse_os_release(&t))
    } else {
        None
    };
    from_file
        .or_else(|| System::long_os_version().ok())
        .or_else(|| System::name().ok())
        .filter(|s| !s.trim().is_empty())
        .unwrap_or_else(|| std::env::consts::OS.to_string())
}

/// `PRETTY_NAME` of an os-release file (or `NAME VERSION_ID`), unquoted.
pub fn parse_os_release(text: &str) -> Option<String> {
    let field = |key: &str| {
        text.lines()
            .find_map(|l| l.trim().strip_prefix(key)?.strip_prefix('='))
            .map(|v| v.trim().trim_matches(['"', '\'']).to_string())
            .filter(|v| !v.is_empty())
    };
    field("PRETTY_NAME").or_else(|| {
        let name = field("NAME")?;
        Some(match field("VERSION_ID") {
            Some(v) => format!("{name} {v}"),
            None => name,
        })
    })
}

/// Linux: Debian and Ubuntu leave `reboot-required` under `/var/run` (or `/run`) after updates
/// that need one; other distributions have no such flag readable without privileges.
pub fn linux_reboot_flag(root: &Path) -> Reboot {
    if ["var/run/reboot-required", "run/reboot-required"]
        .iter()
        .any(|p| root.join(p).exists())
    {
        Reboot::Pending
    } else if root.join("var/lib/dpkg").is_dir() {
        Reboot::NotPending
    } else {
        Reboot::Unknown("this Linux distribution does not flag pending restarts".into())
    }
}

#[cfg(target_os = "linux")]
async fn reboot_state(_timeout: std::time::Duration) -> Reboot {
    linux_reboot_flag(Path::new("/"))
}

/// Windows: either servicing key under `HKLM` exists while a restart is pending (read in place,
/// no child process).
#[cfg(windows)]
async fn reboot_state(_timeout: std::time::Duration) -> Reboot {
    use crate::machine::registry::{Hive, key_exists};
    const KEYS: [&str; 2] = [
        r"SOFTWARE\Microsoft\Windows\CurrentVersion\Component Based Servicing\RebootPending",
        r"SOFTWARE\Microsoft\Windows\CurrentVersion\WindowsUpdate\Auto Update\RebootRequired",
    ];
    let found = KEYS.map(|key| key_exists(Hive::LocalMachine, key));
    if found.iter().any(|f| matches!(f, Ok(true))) {
        return Reboot::Pending;
    }
    match found.into_iter().find_map(Result::err) {
        Some(e) => Reboot::Unknown(format!("the registry could not be read: {e}")),
        None => Reboot::NotPending,
    }
}

#[cfg(not(any(target_os = "linux", windows)))]
async fn reboot_state(_timeout: std::time::Duration) -> Reboot {
    Reboot::Unknown("pending restarts are not detectable on this system".into())
}

/// "3 days", "1 day", "5 hours", "12 minutes".
pub fn human_uptime(secs: u64) -> String {
    let plural = |n: u64, unit: &str| format!("{n} {unit}{}", if n == 1 { "" } else { "s" });
    match secs {
        s if s >= 86_400 => plural(s / 86_400, "day"),
        s if s >= 3_600 => plural(s / 3_600, "hour"),
        s => plural((s / 60).max(1), "minute"),
    }
}

/// The result for what was learned.
pub fn judge(info: &SystemInfo) -> CheckResult {
    let base = match info.uptime_secs {
        Some(up) => format!("{}, up {}", info.os, human_uptime(up)),
        None => info.os.clone(),
    };
    let (status, summary) = match (&info.reboot, info.uptime_secs) {
        (Reboot::Pending, _) => (
            Status::Warn,
            "A restart is pending to finish installing updates".to_string(),
        ),
        (_, Some(up)) if up > LONG_UPTIME_SECS => (
            Status::Pass,
            format!("{base}: restarting the computer can clear stuck problems"),
        ),
        _ => (Status::Pass, base),
    };
    let mut r = CheckResult::new(ID, status, summary)
        .with("os", info.os.clone())
        .with("kernel", info.kernel.clone())
        .with("arch", info.arch.clone())
        .with("uptime_s", info.uptime_secs)
        .with(
            "reboot_pending",
            match info.reboot {
                Reboot::Pending => Some(true),
                Reboot::NotPending => Some(false),
                Reboot::Unknown(_) => None,
            },
        );
    if let Reboot::Unknown(why) = &info.reboot {
        r = r.with("reboot_note", why.clone());
    }
    r
}

#[cfg(test)]
mod tests {
    //! Tests of the `system` check's parsing and wording.

    use std::fs;

    use super::*;

    fn info(uptime_secs: Option<u64>, reboot: Reboot) -> SystemInfo {
        SystemInfo {
            os: "Debian GNU/Linux 12 (bookworm)".into(),
            kernel: Some("6.1.0-26-amd64".into()),
            arch: "x86_64".into(),
            uptime_secs,
            reboot,
        }
    }

    #[test]
    fn os_release_names() {
        let debian =
            "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nNAME=\"Debian GNU/Linux\"\nVERSION_ID=\"12\"\n";
        assert_eq!(
            parse_os_release(debian).as_deref(),
            Some("Debian GNU/Linux 12 (bookworm)")
        );
        assert_eq!(
            parse_os_release("NAME=Fedora\nVERSION_ID=41\n").as_deref(),
            Some("Fedora 41")
        );
        assert_eq!(parse_os_release("ID=alpine\n"), None);
    }

    #[test]
    fn uptime_reads_naturally() {
        assert_eq!(human_uptime(3 * 86_400 + 5), "3 days");
        assert_eq!(human_uptime(86_400), "1 day");
        assert_eq!(human_uptime(5 * 3_600), "5 hours");
        assert_eq!(human_uptime(30), "1 minute");
        assert_eq!(human_uptime(12 * 60), "12 minutes");
    }

    #[test]
    fn summaries() {
        let r = judge(&info(Some(3 * 86_400), Reboot::NotPending));
        assert_eq!(r.status, Status::Pass);
        assert_eq!(r.summary, "Debian GNU/Linux 12 (bookworm), up 3 days");
        assert_eq!(r.details["reboot_pending"], false);
        let long = judge(&info(Some(45 * 86_400), Reboot::Unknown("n/a".into())));
        assert_eq!(long.status, Status::Pass);
        assert!(
            long.summary
                .starts_with("Debian GNU/Linux 12 (bookworm), up 45 days: restart")
        );
        assert!(long.details["reboot_pending"].is_null());
        let pending = judge(&info(Some(60), Reboot::Pending));
        assert_eq!(pending.status, Status::Warn);
        assert_eq!(
            pending.summary,
            "A restart is pending to finish installing updates"
        );
        assert_eq!(
            judge(&info(None, Reboot::NotPending)).summary,
            "Debian GNU/Linux 12 (bookworm)"
        );
    }

    #[test]
    fn linux_reboot_flag_file() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        assert!(matches!(linux_reboot_flag(root), Reboot::Unknown(_)));
        fs::create_dir_all(root.join("var/lib/dpkg")).unwrap();
        assert_eq!(linux_reboot_flag(root), Reboot::NotPending);
        fs::create_dir_all(root.join("var/run")).unwrap();
        fs::write(
            root.join("var/run/reboot-required"),
            "*** System restart required ***\n",
        )
        .unwrap();
        assert_eq!(linux_reboot_flag(root), Reboot::Pending);
    }

    #[test]
    fn no_user_or_host_names_in_details() {
        let r = judge(&info(Some(100), Reboot::NotPending));
        let keys: Vec<&String> = r.details.keys().collect();
        assert_eq!(keys, ["arch", "kernel", "os", "reboot_pending", "uptime_s"]);
    }
}
