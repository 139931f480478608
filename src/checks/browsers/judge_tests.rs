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
        "Only outdated or unsupported browsers found (Google Chrome 90, Brave 999): \
         update or install Google Chrome, Firefox or Microsoft Edge"
    );
    assert_eq!(r.details["browsers"][0]["status"], "outdated");
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
