use super::*;

#[test]
fn reads_a_regular_file_within_the_cap() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.toml");
    std::fs::write(&path, b"abc").unwrap();
    assert_eq!(read_capped(&path, 3).unwrap(), b"abc");
    let err = read_capped(&path, 2).unwrap_err();
    assert!(matches!(err, ReadError::TooBig { cap: 2, .. }), "{err}");
    assert!(
        err.to_string().ends_with("a.toml: is larger than 2 bytes"),
        "{err}"
    );
}

#[test]
fn drops_a_byte_order_mark_and_names_bad_utf8() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bom.json");
    std::fs::write(&path, b"\xEF\xBB\xBF{}").unwrap();
    assert_eq!(read_capped_text(&path, 100).unwrap(), "{}");
    std::fs::write(&path, b"ok\xFF").unwrap();
    let err = read_capped_text(&path, 100).unwrap_err().to_string();
    assert!(err.contains("not UTF-8 text (bad byte at offset 2)"), "{err}");
}

#[test]
fn a_folder_or_missing_file_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let err = read_capped(dir.path(), 100).unwrap_err();
    assert!(
        err.reason().contains("folder") || err.reason().contains("permission"),
        "{err}"
    );
    let err = read_capped(&dir.path().join("nope"), 100).unwrap_err();
    assert_eq!(err.reason(), "no such file");
}

#[cfg(unix)]
#[test]
fn devices_and_fifos_are_refused_without_blocking() {
    let err = read_capped(Path::new("/dev/zero"), CONFIG_CAP).unwrap_err();
    assert_eq!(err.to_string(), "/dev/zero: is a device, not a regular file");
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let err = read_capped(&fifo, CONFIG_CAP).unwrap_err();
    assert!(
        err.to_string()
            .ends_with("pipe: is a named pipe (FIFO), not a regular file"),
        "{err}"
    );
}

#[test]
fn control_characters_in_a_path_are_not_echoed() {
    let err = read_capped(Path::new("/nonexistent/\u{1b}]52;c;ZXZpbA==\u{7}x"), 10).unwrap_err();
    let shown = err.to_string();
    assert!(!shown.contains('\u{1b}') && !shown.contains('\u{7}'), "{shown:?}");
    assert_eq!(shown, "/nonexistent/x: no such file");
}
