//! Tests of browser detection against fake installs in temp dirs (never the real machine).

use std::fs;

use super::*;
use crate::checks::browsers::versions::known;

fn version_of(found: &[Found], id: &str) -> Option<String> {
    found
        .iter()
        .find(|f| f.id == id)
        .and_then(|f| f.version.as_ref())
        .map(|v| v.full.clone())
}

#[cfg(unix)]
fn fake_program(dir: &Path, name: &str, script: &str, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    let path = dir.join(name);
    fs::write(&path, format!("#!/bin/sh\n{script}\n")).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(mode)).unwrap();
}

#[cfg(unix)]
#[tokio::test]
async fn finds_fake_browsers_on_a_search_path_and_reads_their_versions() {
    let tmp = tempfile::tempdir().unwrap();
    let bin = tmp.path().join("bin");
    fs::create_dir(&bin).unwrap();
    fake_program(&bin, "firefox", "echo \"Mozilla Firefox 133.0\"", 0o755);
    fake_program(
        &bin,
        "chromium",
        "echo \"Chromium 156.0.8078.73 built on Debian GNU/Linux 13 (trixie)\"",
        0o755,
    );
    // Not executable: not a browser we can run.
    fake_program(
        &bin,
        "google-chrome",
        "echo \"Google Chrome 131.0.6778.85\"",
        0o644,
    );
    // Hangs: found, but without a version, within the timeout.
    fake_program(&bin, "opera", "sleep 30", 0o755);
    let started = std::time::Instant::now();
    let found = scan_path(
        &[tmp.path().join("missing"), bin.clone()],
        &known(),
        Duration::from_millis(500),
    )
    .await;
    assert!(started.elapsed() < Duration::from_secs(5));
    assert_eq!(version_of(&found, "firefox").as_deref(), Some("133.0"));
    assert_eq!(version_of(&found, "chromium").as_deref(), Some("156.0.8078.73"));
    assert!(found.iter().all(|f| f.id != "chrome"), "{found:?}");
    let opera = found.iter().find(|f| f.id == "opera").unwrap();
    assert_eq!(opera.version, None);
    assert_eq!(opera.path, bin.join("opera"));
}

#[cfg(unix)]
#[tokio::test]
async fn a_version_file_beside_the_program_is_read_without_running_it() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    fs::create_dir(&lib).unwrap();
    // Running this one would report a wrong version.
    fake_program(&lib, "firefox-esr", "echo \"Mozilla Firefox 1.0\"", 0o755);
    fs::write(
        lib.join("application.ini"),
        "[App]\nVendor=Mozilla\nName=Firefox\nVersion=140.5.0esr\n",
    )
    .unwrap();
    let bin = tmp.path().join("bin");
    fs::create_dir(&bin).unwrap();
    std::os::unix::fs::symlink(lib.join("firefox-esr"), bin.join("firefox-esr")).unwrap();
    let found = scan_path(&[bin], &known(), Duration::from_secs(2)).await;
    assert_eq!(version_of(&found, "firefox").as_deref(), Some("140.5.0"));
}

#[test]
fn reads_app_bundle_versions() {
    let tmp = tempfile::tempdir().unwrap();
    let contents = tmp.path().join("Google Chrome.app").join("Contents");
    fs::create_dir_all(&contents).unwrap();
    fs::write(
        contents.join("Info.plist"),
        r#"<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
	<key>CFBundleExecutable</key>
	<string>Google Chrome</string>
	<key>CFBundleShortVersionString</key>
	<string>131.0.6778.86</string>
</dict>
</plist>
"#,
    )
    .unwrap();
    // A bundle whose plist is binary: found, version unknown.
    let safari = tmp.path().join("Safari.app").join("Contents");
    fs::create_dir_all(&safari).unwrap();
    fs::write(safari.join("Info.plist"), b"bplist00\xd1\x01\x02").unwrap();
    let found = scan_mac(&[tmp.path().to_path_buf(), tmp.path().join("none")], &known());
    assert_eq!(version_of(&found, "chrome").as_deref(), Some("131.0.6778.86"));
    assert!(found.iter().any(|f| f.id == "safari" && f.version.is_none()));
    assert_eq!(found.len(), 2);
}

#[test]
fn plist_reader_is_minimal_but_exact() {
    let xml = "<dict><key>CFBundleVersion</key><string>1</string>\n<key>CFBundleShortVersionString</key>\n\t<string> 18.2 </string></dict>";
    assert_eq!(
        plist_string(xml, "CFBundleShortVersionString").as_deref(),
        Some("18.2")
    );
    assert_eq!(plist_string(xml, "Missing"), None);
    assert_eq!(
        plist_string(
            "<key>CFBundleShortVersionString</key><integer>3</integer>",
            "CFBundleShortVersionString"
        ),
        None
    );
}

#[test]
fn reads_windows_install_folders() {
    let tmp = tempfile::tempdir().unwrap();
    let program_files = tmp.path().join("Program Files");
    let chrome = program_files.join("Google").join("Chrome").join("Application");
    fs::create_dir_all(chrome.join("130.0.6723.117")).unwrap();
    fs::create_dir_all(chrome.join("131.0.6778.86")).unwrap();
    fs::create_dir_all(chrome.join("SetupMetrics")).unwrap();
    fs::write(chrome.join("chrome.exe"), b"MZ").unwrap();
    let firefox = program_files.join("Mozilla Firefox");
    fs::create_dir_all(&firefox).unwrap();
    fs::write(firefox.join("firefox.exe"), b"MZ").unwrap();
    fs::write(firefox.join("application.ini"), "[App]\r\nVersion=133.0\r\n").unwrap();
    let ie = program_files.join("Internet Explorer");
    fs::create_dir_all(&ie).unwrap();
    fs::write(ie.join("iexplore.exe"), b"MZ").unwrap();
    // An Edge folder without its program is not an install.
    fs::create_dir_all(program_files.join("Microsoft").join("Edge").join("Application")).unwrap();
    let x86 = tmp.path().join("Program Files (x86)").join("Internet Explorer");
    fs::create_dir_all(&x86).unwrap();
    fs::write(x86.join("iexplore.exe"), b"MZ").unwrap();
    let roots = [
        program_files.clone(),
        tmp.path().join("Program Files (x86)"),
        tmp.path().join("AppData"),
    ];
    let found = scan_windows(&roots, &known());
    assert_eq!(found.iter().filter(|f| f.id == "ie").count(), 1, "{found:?}");
    assert_eq!(version_of(&found, "chrome").as_deref(), Some("131.0.6778.86"));
    assert_eq!(version_of(&found, "firefox").as_deref(), Some("133.0"));
    assert!(found.iter().any(|f| f.id == "ie" && f.version.is_none()));
    assert!(found.iter().all(|f| f.id != "edge"));
}
