//! `o` on the summary opens the saved HTML report in the browser: the real binary in a
//! pseudo-terminal, with `BROWSER` naming a stand-in script that writes the path it was given
//! into a FIFO the test reads (so no real browser ever starts, and the test waits on the call
//! itself, not on a clock).
#![cfg(unix)]

mod harness;
mod support;

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::os::unix::fs::PermissionsExt;
use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

use harness::Env;

const ROWS: u16 = 50;
const COLS: u16 = 200;
const DEADLINE: Duration = Duration::from_secs(30);

#[test]
fn o_on_the_summary_opens_the_html_report_in_the_browser() {
    let env = Env::new();
    let home = env.home();
    std::fs::create_dir_all(home.join(".config")).unwrap();
    std::fs::write(
        home.join(".config/user-dirs.dirs"),
        "XDG_DOCUMENTS_DIR=\"$HOME/Documents\"\n",
    )
    .unwrap();
    let fifo = env.dir().join("browser-calls");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let browser = env.dir().join("browser.sh");
    std::fs::write(
        &browser,
        "#!/bin/sh\nprintf '%s\\n' \"$1\" > \"$QBFIX_TEST_FIFO\"\n",
    )
    .unwrap();
    std::fs::set_permissions(&browser, std::fs::Permissions::from_mode(0o755)).unwrap();

    let pair = native_pty_system()
        .openpty(PtySize {
            rows: ROWS,
            cols: COLS,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_qbfix"));
    cmd.arg("--config");
    cmd.arg(env.config_path());
    cmd.arg("--data-dir");
    cmd.arg(env.data_dir());
    cmd.cwd(env.dir());
    for var in support::UNSET.iter().chain(&["NO_COLOR", "XDG_CONFIG_HOME"]) {
        cmd.env_remove(var);
    }
    cmd.env("TERM", "xterm-256color");
    cmd.env("NO_PROXY", "*");
    cmd.env("no_proxy", "*");
    cmd.env("HOME", &home);
    cmd.env("BROWSER", &browser);
    cmd.env("QBFIX_TEST_FIFO", &fifo);
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let screen = Arc::new(Mutex::new(vt100::Parser::new(
        NonZeroU16::new(ROWS).unwrap(),
        NonZeroU16::new(COLS).unwrap(),
        0,
    )));
    let mut reader = pair.master.try_clone_reader().unwrap();
    let sink = screen.clone();
    std::thread::spawn(move || {
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            sink.lock().unwrap().process(&buf[..n]);
        }
    });
    let mut writer = pair.master.take_writer().unwrap();
    let wait_for = |text: &str| -> String {
        let start = Instant::now();
        loop {
            let contents = screen.lock().unwrap().screen().contents();
            if contents.contains(text) {
                return contents;
            }
            assert!(start.elapsed() < DEADLINE, "no {text:?} on screen:\n{contents}");
            std::thread::sleep(Duration::from_millis(30));
        }
    };

    // Walk to the summary answering "No, still failing" (2) wherever it is asked, waiting
    // after each answer for the header's step to change.
    let header = |contents: &str| -> String { contents.lines().next().unwrap_or_default().to_string() };
    wait_for("Step 1 of 10");
    writer.write_all(b"1").unwrap();
    let walk = Instant::now();
    let mut answered = 0;
    while answered < 12 {
        assert!(walk.elapsed() < DEADLINE, "the walk did not reach the summary");
        let before = header(&wait_for(" qbfix"));
        if before.contains("Summary") {
            break;
        }
        if before.contains("Step 1 of 10") {
            std::thread::sleep(Duration::from_millis(30));
            continue;
        }
        answered += 1;
        if screen.lock().unwrap().screen().contents().contains("Press o") {
            break;
        }
        writer.write_all(b"2").unwrap();
        let start = Instant::now();
        loop {
            let now = screen.lock().unwrap().screen().contents();
            if now.contains("Press o") || header(&now) != before {
                break;
            }
            assert!(start.elapsed() < DEADLINE, "{before} did not move on:\n{now}");
            std::thread::sleep(Duration::from_millis(30));
        }
    }
    // The lines about the saved reports close the summary: scroll down to them.
    let scrolled = Instant::now();
    while !screen
        .lock()
        .unwrap()
        .screen()
        .contents()
        .contains("Press o to open")
    {
        assert!(scrolled.elapsed() < DEADLINE, "no line about the saved reports");
        writer.write_all(b" ").unwrap();
        std::thread::sleep(Duration::from_millis(100));
    }
    let summary = wait_for("Press o to open the report in your browser.");
    let id = harness::session_files(&env.data_dir().join("sessions"))[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let html = home.join(format!("Documents/qbfix/{id}.html"));
    assert!(summary.contains(&format!("{id}.html")), "{summary}");
    assert!(html.is_file(), "{} written", html.display());

    // Read the FIFO on a thread: opening it blocks until the stand-in writes.
    let (tx, rx) = mpsc::channel();
    let reading = fifo.clone();
    std::thread::spawn(move || {
        let _ = tx.send(std::fs::read_to_string(reading));
    });
    writer.write_all(b"o").unwrap();
    let called = rx
        .recv_timeout(DEADLINE)
        .expect("the browser stand-in was called")
        .unwrap();
    assert_eq!(called.trim_end(), html.display().to_string());
    wait_for("The report was opened in your browser.");
    writer.write_all(b"q").unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        assert!(start.elapsed() < DEADLINE, "qbfix did not exit");
        std::thread::sleep(Duration::from_millis(30));
    }
}
