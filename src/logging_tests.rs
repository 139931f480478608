use super::*;

fn log_line(file: &RotatingFile, text: &str) {
    let mut w = file.make_writer();
    w.write_all(text.as_bytes()).unwrap();
}

fn redactor() -> Redactor {
    Redactor::with(&["alice".to_string()], Some("/home/alice"), Some("alices-pc"))
}

#[test]
fn lines_are_redacted_and_cleaned() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("qbfix.log");
    let file = RotatingFile::open(&path, MAX_BYTES, redactor()).unwrap();
    log_line(
        &file,
        "INFO user alice on alices-pc read /home/alice/x from 192.168.3.4 \u{1b}[31mred\n",
    );
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(text, "INFO user user-1 on host-1 read ~/x from 192.168.x.1 red\n");
}

#[test]
fn the_file_is_capped_and_rotated_keeping_two() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("qbfix.log");
    let cap = 1000;
    let file = RotatingFile::open(&path, cap, redactor()).unwrap();
    for i in 0..200 {
        log_line(&file, &format!("line {i:04} {}\n", "x".repeat(40)));
    }
    let size = |p: &Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
    let rotated = |n| PathBuf::from(format!("{}.{n}", path.display()));
    assert!(size(&path) <= cap && size(&rotated(1)) <= cap && size(&rotated(2)) <= cap);
    assert!(size(&rotated(2)) > 0, "two old files are kept");
    assert!(!rotated(3).exists(), "and no more");
    let newest = std::fs::read_to_string(&path).unwrap();
    assert!(
        newest.ends_with(&format!("line 0199 {}\n", "x".repeat(40))),
        "{newest}"
    );
    // One huge event is cut, not allowed to blow the cap.
    log_line(&file, &"y".repeat(10_000));
    assert!(size(&path) <= cap);
}

#[test]
fn a_full_file_is_rotated_on_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("qbfix.log");
    std::fs::write(&path, "z".repeat(2000)).unwrap();
    let file = RotatingFile::open(&path, 1000, redactor()).unwrap();
    log_line(&file, "fresh\n");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "fresh\n");
    assert_eq!(
        std::fs::read_to_string(format!("{}.1", path.display()))
            .unwrap()
            .len(),
        2000
    );
}

#[test]
fn level_comes_from_qbfix_log_then_verbose() {
    assert_eq!(level(false, None).unwrap(), LevelFilter::INFO);
    assert_eq!(level(true, None).unwrap(), LevelFilter::DEBUG);
    assert_eq!(
        level(true, Some("")).unwrap(),
        LevelFilter::DEBUG,
        "empty counts as unset"
    );
    assert_eq!(level(false, Some("debug")).unwrap(), LevelFilter::DEBUG);
    assert_eq!(level(true, Some("off")).unwrap(), LevelFilter::OFF);
    assert!(level(false, Some("loud")).unwrap_err().contains("QBFIX_LOG"));
}
