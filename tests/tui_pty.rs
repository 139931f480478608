//! The TUI end to end: the real binary in a real pseudo-terminal (portable-pty) at 100×30, its
//! output fed to a vt100 screen, every target on a loopback server. Keys are typed as a person
//! would; each test waits for what a person would see (polling, generous deadline), never for a
//! fixed time.
#![cfg(unix)]

mod harness;
mod support;

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

use harness::{Env, session_files};

const ROWS: u16 = 30;
const COLS: u16 = 100;
const DEADLINE: Duration = Duration::from_secs(20);

/// The wizard running in a pseudo-terminal.
struct Tui {
    env: Env,
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    screen: Arc<Mutex<vt100::Parser>>,
}

impl Tui {
    fn start() -> Tui {
        Tui::start_in(Env::new(), &[])
    }

    /// Starts `qbfix ARGS` on `env`'s config and data dir.
    fn start_in(env: Env, args: &[&str]) -> Tui {
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
        for a in args {
            cmd.arg(a);
        }
        cmd.cwd(env.dir());
        cmd.env("TERM", "xterm-256color");
        cmd.env("NO_PROXY", "*");
        cmd.env("no_proxy", "*");
        cmd.env("HOME", env.home());
        cmd.env_remove("XDG_CONFIG_HOME");
        for var in support::UNSET.iter().chain(&["NO_COLOR"]) {
            cmd.env_remove(var);
        }
        let child = pair.slave.spawn_command(cmd).unwrap();
        // Only the child holds the slave now, so reading ends when it exits.
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
        let writer = pair.master.take_writer().unwrap();
        Tui {
            env,
            master: pair.master,
            writer,
            child,
            screen,
        }
    }

    fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Waits until the screen shows `text`; returns the screen.
    fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let contents = self.contents();
            if contents.contains(text) {
                return contents;
            }
            assert!(
                start.elapsed() < DEADLINE,
                "timed out waiting for {text:?}; the screen shows:\n{contents}"
            );
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    /// Resizes the terminal (the program gets SIGWINCH) and the screen model with it.
    fn resize(&mut self, rows: u16, cols: u16) {
        self.screen
            .lock()
            .unwrap()
            .set_size(NonZeroU16::new(rows).unwrap(), NonZeroU16::new(cols).unwrap());
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
    }

    fn keys(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Waits for the program to end; returns its exit code.
    fn wait_exit(&mut self) -> u32 {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                // Let the reader take in the last output.
                let seen = Instant::now();
                while seen.elapsed() < Duration::from_millis(300)
                    && self.screen.lock().unwrap().screen().alternate_screen()
                {
                    std::thread::sleep(Duration::from_millis(20));
                }
                return status.exit_code();
            }
            assert!(
                start.elapsed() < DEADLINE,
                "qbfix did not exit; the screen shows:\n{}",
                self.contents()
            );
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    fn session(&self) -> serde_json::Value {
        let mut sessions = session_files(&self.env.data_dir().join("sessions"));
        assert_eq!(sessions.len(), 1, "one session file");
        sessions.remove(0)
    }

    fn step<'a>(session: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
        session["steps"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["id"] == id)
            .unwrap_or_else(|| panic!("no step {id} in {session:#}"))
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

#[test]
fn number_keys_walk_the_flow_to_the_summary_and_q_quits() {
    let mut tui = Tui::start();
    tui.wait_for("Step 1 of 10");
    tui.keys("1");
    for step in 2..=9 {
        tui.wait_for(&format!("Step {step} of 10"));
        tui.keys("2");
    }
    let summary = tui.wait_for("Handed to QuickBooks support");
    assert!(summary.contains("What was tried"), "{summary}");
    tui.keys("q");
    assert_eq!(tui.wait_exit(), 0);
    let session = tui.session();
    assert_eq!(session["outcome"], "escalated");
    let answered = session["steps"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| !s["answer"].is_null())
        .count();
    assert!(answered >= 9, "{answered} answered steps");
    assert!(tui.wait_for("qbfix report").contains("saved"));
}

#[test]
fn q_midway_asks_once_and_the_second_q_quits() {
    let mut tui = Tui::start();
    tui.wait_for("Step 1 of 10");
    tui.keys("1");
    tui.wait_for("Step 2 of 10");
    tui.keys("q");
    tui.wait_for("press q again to quit");
    // Saved before asking.
    assert_eq!(tui.session()["history"].as_array().unwrap().len(), 2);
    tui.keys("q");
    assert_eq!(tui.wait_exit(), 0);
    let session = tui.session();
    assert_eq!(session["outcome"], "in_progress");
    let id = session["id"].as_str().unwrap();
    tui.wait_for(&format!("Resume with: qbfix --resume {id}"));
}

#[test]
fn another_key_cancels_the_quit_question() {
    let mut tui = Tui::start();
    tui.wait_for("Step 1 of 10");
    tui.keys("q");
    tui.wait_for("press q again to quit");
    tui.keys("j");
    tui.wait_for("q quit");
    tui.keys("1");
    tui.wait_for("Step 2 of 10");
    tui.keys("\x03");
    assert_eq!(tui.wait_exit(), 0);
}

#[test]
fn ctrl_c_saves_quits_at_once_and_restores_the_terminal() {
    let mut tui = Tui::start();
    tui.wait_for("Step 1 of 10");
    tui.keys("1");
    tui.wait_for("Step 2 of 10");
    let pressed = Instant::now();
    tui.keys("\x03");
    assert_eq!(tui.wait_exit(), 0);
    assert!(
        pressed.elapsed() < Duration::from_secs(5),
        "took {:?}",
        pressed.elapsed()
    );
    let session = tui.session();
    assert_eq!(session["outcome"], "in_progress");
    assert_eq!(Tui::step(&session, "symptom")["answer_id"], "bad_gateway");
    let screen = tui.wait_for("Resume with: qbfix --resume");
    let parser = tui.screen.lock().unwrap();
    assert!(
        !parser.screen().alternate_screen(),
        "still on the alternate screen:\n{screen}"
    );
    assert!(!parser.screen().hide_cursor(), "cursor left hidden");
    drop(parser);
    if let Some(termios) = tui.master.get_termios() {
        let flags = format!("{:?}", termios.local_flags);
        assert!(
            flags.contains("ICANON") && flags.contains("ECHO"),
            "still raw: {flags}"
        );
    }
}

#[test]
fn n_adds_a_note_that_is_saved_with_the_step() {
    let mut tui = Tui::start();
    tui.wait_for("Step 1 of 10");
    tui.keys("1");
    tui.wait_for("Step 2 of 10");
    tui.keys("n");
    // Healthy checks: the browser is the likely cause, so its step is second.
    tui.wait_for("Note for: Clear your browser's cache and cookies");
    tui.keys("tried the phone hotspot");
    tui.wait_for("tried the phone hotspot");
    tui.keys("\r");
    tui.wait_for("Your note: tried the phone hotspot");
    tui.keys("q");
    tui.wait_for("press q again");
    tui.keys("q");
    assert_eq!(tui.wait_exit(), 0);
    let session = tui.session();
    assert_eq!(Tui::step(&session, "cache")["note"], "tried the phone hotspot");
}

#[test]
fn offline_enter_enter_never_claims_a_fix() {
    let mut tui = Tui::start_in(Env::offline(), &[]);
    tui.wait_for("Step 1 of 10");
    // Enter on every screen, as a person in a hurry would: it walks on, never to "Resolved".
    tui.keys("\r");
    tui.wait_for("Step 2 of 10");
    let screen = tui.wait_for("┌ Check your internet connection ");
    assert!(screen.contains("not online"), "{screen}");
    for step in 3..=9 {
        tui.keys("\r");
        tui.wait_for(&format!("Step {step} of 10"));
    }
    tui.keys("\r");
    let summary = tui.wait_for("What was tried");
    assert!(!summary.contains("Resolved"), "{summary}");
    tui.keys("q");
    assert_eq!(tui.wait_exit(), 0);
    let session = tui.session();
    assert_ne!(session["outcome"], "resolved");
    assert!(session["resolved_by"].is_null());
}

#[test]
fn yes_while_offline_asks_before_recording_the_fix() {
    let mut tui = Tui::start_in(Env::offline(), &[]);
    tui.wait_for("Step 1 of 10");
    tui.keys("1");
    tui.wait_for("Step 2 of 10");
    tui.wait_for("┌ Check your internet connection ");
    tui.keys("1");
    tui.wait_for("still can't reach QuickBooks — is it really");
    tui.keys("\r");
    tui.wait_for("Did this fix it?");
    tui.keys("\x03");
    assert_eq!(tui.wait_exit(), 0);
    let session = tui.session();
    assert_eq!(session["outcome"], "in_progress");
    assert!(Tui::step(&session, "connection")["answer"].is_null());
}

#[test]
fn resume_of_a_finished_session_changes_nothing_in_its_file() {
    let env = Env::with_qbo_status(502);
    env.cmd().arg("--plain").write_stdin("1\n4\n").assert().success();
    let sessions = env.data_dir().join("sessions");
    let file = std::fs::read_dir(&sessions)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "json"))
        .unwrap();
    let before = std::fs::read(&file).unwrap();
    let id = file.file_stem().unwrap().to_string_lossy().to_string();
    // Resumed with a healthy network's config, in the full-screen UI.
    let healthy = Env::new();
    std::fs::copy(healthy.config_path(), env.config_path()).unwrap();
    let mut tui = Tui::start_in(env, &["--resume", &id]);
    tui.wait_for(&format!("Session {id} is finished"));
    tui.wait_for(&format!("qbfix report {id}"));
    assert_eq!(tui.wait_exit(), 0);
    assert_eq!(
        std::fs::read(&file).unwrap(),
        before,
        "the record is byte-identical"
    );
}

#[test]
fn b_goes_back_with_the_answer_kept() {
    let mut tui = Tui::start();
    tui.wait_for("Step 1 of 10");
    tui.keys("3");
    tui.wait_for("Step 2 of 10");
    tui.keys("b");
    let screen = tui.wait_for("Step 1 of 10");
    tui.wait_for("▶ 3  QuickBooks is very slow or stops responding ✓");
    assert!(screen.contains("What do you see?"), "{screen}");
    tui.keys("\x03");
    assert_eq!(tui.wait_exit(), 0);
    let session = tui.session();
    assert_eq!(session["history"], serde_json::json!(["symptom"]));
    assert_eq!(Tui::step(&session, "symptom")["answer_id"], "slow");
}

#[test]
fn sigterm_saves_and_restores_the_terminal() {
    let mut tui = Tui::start();
    tui.wait_for("Step 1 of 10");
    tui.keys("2");
    tui.wait_for("Step 2 of 10");
    let pid = tui.child.process_id().expect("a pid");
    let status = std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    assert_eq!(tui.wait_exit(), 0);
    tui.wait_for("Resume with: qbfix --resume");
    assert!(!tui.screen.lock().unwrap().screen().alternate_screen());
    let session = tui.session();
    assert_eq!(Tui::step(&session, "symptom")["answer_id"], "cannot_sign_in");
}

#[test]
fn resizing_the_window_redraws_the_layout() {
    let mut tui = Tui::start();
    tui.wait_for("Step 1 of 10");
    tui.resize(30, 8);
    tui.wait_for("enlarge");
    tui.resize(ROWS, COLS);
    tui.wait_for("What do you see?");
    tui.keys("q");
    tui.wait_for("press q again to quit");
    tui.keys("q");
    assert_eq!(tui.wait_exit(), 0);
}
