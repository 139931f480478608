//! `o` on the summary opens the saved HTML report in the browser: the real binary in a
//! pseudo-terminal, with `BROWSER` naming a stand-in script that writes the path it was given
//! into a FIFO the test reads (so no real browser ever starts, and the test waits on the call
//! itself, not on a clock). The pty is `support::pty`'s, at 200×50.
#![cfg(unix)]

use std::os::unix::fs::PermissionsExt;
use std::sync::mpsc;

use crate::support;
use crate::support::Env;
use crate::support::pty::{DEADLINE, Tui};

const ROWS: u16 = 50;
const COLS: u16 = 200;

#[test]
fn o_on_the_summary_opens_the_html_report_in_the_browser() {
    let env = Env::new();
    let documents = env.documents("Documents");
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

    let browser_var = browser.display().to_string();
    let fifo_var = fifo.display().to_string();
    let mut tui = Tui::start_sized(
        env,
        &[],
        &[("BROWSER", &browser_var), ("QBFIX_TEST_FIFO", &fifo_var)],
        (ROWS, COLS),
    );

    // Walk to the summary answering "No, still failing" (2) wherever it is asked, waiting
    // after each answer for the header's step to change.
    let header = |contents: &str| -> String { contents.lines().next().unwrap_or_default().to_string() };
    tui.wait_for("Step 1 of 10");
    tui.keys("1");
    let mut before = header(&tui.wait_for("Step 2 of 10"));
    for _ in 0..12 {
        if before.contains("Summary") || tui.contents().contains("press o") {
            break;
        }
        tui.keys("2");
        before = tui.wait_until(&format!("{before} to move on"), |seen| {
            let now = seen.screen.screen().contents();
            (now.contains("press o") || header(&now) != before).then(|| header(&now))
        });
    }
    // The lines about the saved reports: on the first screen now, scrolled to if ever they
    // are not, a page at a time, each after the last one was drawn.
    loop {
        // One look decides both: a frame that arrives between two looks could otherwise hold
        // the line while Space is pressed on a summary with nothing left to scroll.
        let shown = tui.contents();
        if shown.contains("press o to open") {
            break;
        }
        tui.keys(" ");
        tui.wait_until("the page to scroll", |seen| {
            (seen.screen.screen().contents() != shown).then_some(())
        });
    }
    let summary = tui.wait_for("press o to open the HTML one");
    let id = support::session_files(&tui.env.data_dir().join("sessions"))[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let html = documents.join(format!("qbfix/{id}.html"));
    assert!(summary.contains(&format!("{id}.html")), "{summary}");
    assert!(html.is_file(), "{} written", html.display());

    // Read the FIFO on a thread: opening it blocks until the stand-in writes.
    let (tx, rx) = mpsc::channel();
    let reading = fifo.clone();
    std::thread::spawn(move || {
        let _ = tx.send(std::fs::read_to_string(reading));
    });
    tui.keys("o");
    let called = rx
        .recv_timeout(DEADLINE)
        .expect("the browser stand-in was called")
        .unwrap();
    assert_eq!(called.trim_end(), html.display().to_string());
    tui.wait_for("The report was opened in your browser.");
    tui.keys("q");
    assert_eq!(tui.wait_exit(), 0);
}

/// At 80×24 the saved reports, `o` and what opening did are on the summary's first screen:
/// no scrolling to find them, and the "opened" line is never below what can be scrolled to.
#[test]
fn at_80x24_the_reports_and_what_o_did_are_on_the_first_screen() {
    let env = Env::new();
    env.documents("Documents");
    let browser = env.dir().join("browser.sh");
    std::fs::write(&browser, "#!/bin/sh\nexit 0\n").unwrap();
    std::fs::set_permissions(&browser, std::fs::Permissions::from_mode(0o755)).unwrap();
    let browser_var = browser.display().to_string();
    let mut tui = Tui::start_sized(env, &[], &[("BROWSER", &browser_var)], (24, 80));
    tui.walk_every_step_answering_no();
    let screen = tui.wait_for("press o to open the HTML one");
    assert!(screen.contains(".html"), "{screen}");
    assert!(screen.contains(".json"), "{screen}");
    tui.keys("o");
    tui.wait_for("The report was opened in your browser.");
    tui.keys("q");
    assert_eq!(tui.wait_exit(), 0);
}
