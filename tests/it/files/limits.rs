//! The one table of limits, through the real binary: plain mode reads a line of any length
//! without holding it (a 300 MB note line is cut, said so, and the process stays small), and
//! `import` cuts a text longer than a session keeps (a 70,000-character summary), says so, and
//! writes a session that loads back. The TUI's note editor is tested with its keys
//! (`wizard::tui_keys::typing`); any session at all, in `loads_back`.

use qbfix::files::limits::NOTE_BYTES;

use crate::support::Env;

/// The largest resident size (KiB) process `pid` has had, from Linux's `/proc`.
#[cfg(target_os = "linux")]
fn peak_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or_else(|| panic!("no VmHWM in {status}"))
}

/// No timing luck: the peak is read while qbfix waits for the line after the long one (it has
/// answered the `?` that follows it), before its input ends.
#[cfg(target_os = "linux")]
#[test]
fn a_300_mb_line_in_plain_mode_is_cut_without_being_held() {
    use std::io::{BufRead, BufReader, Write};
    use std::process::Stdio;
    use std::sync::mpsc;
    const LINE: usize = 300 * 1000 * 1000;
    let env = Env::new();
    let mut child = env
        .std_cmd()
        .arg("--plain")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let (tx, rx) = mpsc::channel();
    let stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut all = String::new();
        for line in BufReader::new(stdout).lines() {
            let line = line.unwrap();
            all.push_str(&line);
            all.push('\n');
            let _ = tx.send(line);
        }
        all
    });
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        stdin.write_all(b"n ").unwrap();
        let chunk = vec![b'x'; 1 << 20];
        let mut left = LINE;
        while left > 0 {
            let n = left.min(chunk.len());
            stdin.write_all(&chunk[..n]).unwrap();
            left -= n;
        }
        stdin.write_all(b"\n?\n").unwrap();
        stdin
    });
    // The help (`?`) comes after the long line was dealt with.
    rx.iter()
        .find(|l| l.contains("Type the number of an answer"))
        .expect("qbfix answered the ? after the long line");
    let peak = peak_kib(child.id());
    drop(writer.join().unwrap());
    let status = child.wait().unwrap();
    let said = reader.join().unwrap();
    assert!(status.success(), "{said}");
    assert!(peak < 100 * 1024, "qbfix held {peak} KiB at its peak");
    assert!(
        said.contains("longer than 64 KiB"),
        "says the line was cut: {said}"
    );
    let sessions = env.sessions();
    let note = sessions[0]["steps"][0]["note"].as_str().unwrap();
    assert!(
        note.len() <= NOTE_BYTES && note.len() > NOTE_BYTES - 8,
        "{}",
        note.len()
    );
    env.cmd().arg("report").assert().success();
}

#[test]
fn import_cuts_a_text_longer_than_a_session_keeps_says_so_and_it_loads_back() {
    let env = Env::new();
    // 70,000 characters, 105,000 bytes.
    let summary = format!("{}{}", "é".repeat(35_000), "x".repeat(35_000));
    let doc = serde_json::json!({
        "schema_version": 1,
        "verdict": {"id": "local_ok", "title": "t", "advice": "a"},
        "checks": [{"id": "http", "status": "pass", "summary": summary, "details": {}}],
        "duration_ms": 5
    });
    let file = env.dir().join("customer.json");
    std::fs::write(&file, doc.to_string()).unwrap();
    let out = env.cmd().arg("import").arg(&file).output().unwrap();
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.status.code(), Some(0), "{said}");
    assert!(said.contains("longer than 64 KiB"), "says it cut: {said}");
    let case = crate::support::printed_case_code(&String::from_utf8_lossy(&out.stdout));
    let out = env
        .cmd()
        .args(["report", &case, "--format", "json"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("damaged"), "{stderr}");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let kept = report["checks"][0]["summary"].as_str().unwrap();
    assert!(
        kept.len() <= NOTE_BYTES && kept.starts_with("éé"),
        "{}",
        kept.len()
    );
}
