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
