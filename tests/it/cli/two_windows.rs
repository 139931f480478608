//! Two real `qbfix` processes on one session: the first holds it; the second is told which
//! session is in use and, with a person at a terminal, offers to read it or start a new
//! session; piped, it exits 2. Neither loses the other's answers.
#![cfg(unix)]

use std::io::{Read, Write};
use std::process::{Child, ChildStdin, Stdio};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use crate::support;
use crate::support::Env;
use crate::support::pty::Tui;

/// A guard so a regression fails instead of hanging; waiting is on output, not on time.
const DEADLINE: Duration = Duration::from_secs(60);

/// Bytes a process writes, chunk by chunk, from a reader thread.
struct Output {
    rx: Receiver<Vec<u8>>,
    seen: String,
}

impl Output {
    fn new(mut r: impl Read + Send + 'static) -> Output {
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = r.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Output {
            rx,
            seen: String::new(),
        }
    }

    /// Waits until `text` has been written (counting from the start); returns all output.
    fn wait_for(&mut self, text: &str) -> String {
        while !self.seen.contains(text) {
            match self.rx.recv_timeout(DEADLINE) {
                Ok(chunk) => self.seen.push_str(&String::from_utf8_lossy(&chunk)),
                Err(e) => panic!("{e}: no {text:?} in:\n{}", self.seen),
            }
        }
        self.seen.clone()
    }
}

/// The first window: `qbfix --plain --resume ID`, waiting at the first prompt.
fn first_window(env: &Env, id: &str) -> (Child, ChildStdin, Output) {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_qbfix"));
    for var in support::UNSET {
        cmd.env_remove(var);
    }
    let mut child = cmd
        .env("NO_PROXY", "*")
        .env("no_proxy", "*")
        .arg("--config")
        .arg(env.config_path())
        .arg("--data-dir")
        .arg(env.data_dir())
        .args(["--plain", "--resume", id])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdin = child.stdin.take().unwrap();
    let mut out = Output::new(child.stdout.take().unwrap());
    out.wait_for("Step 2 of 10");
    out.wait_for("Answer 1-");
    (child, stdin, out)
}

fn unfinished_session(env: &Env) -> String {
    env.cmd().arg("--plain").write_stdin("1\n").assert().success();
    env.sessions()[0]["id"].as_str().unwrap().to_string()
}

#[test]
fn a_second_piped_window_is_told_which_session_is_in_use_and_exits_2() {
    let env = Env::new();
    let id = unfinished_session(&env);
    let (mut a, mut a_in, _a_out) = first_window(&env, &id);

    let b = env
        .cmd()
        .args(["--plain", "--resume", &id])
        .write_stdin("n second window was here\n2\n")
        .timeout(DEADLINE)
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&b.get_output().stderr).to_string();
    assert!(
        stderr.contains(&format!(
            "session {id} is open in another qbfix window (process {})",
            a.id()
        )),
        "{stderr}"
    );
    assert!(stderr.contains(&format!("qbfix report {id}")), "{stderr}");
    // `latest` finds the same session and is refused the same way.
    env.cmd()
        .args(["--plain", "--resume"])
        .write_stdin("2\n")
        .timeout(DEADLINE)
        .assert()
        .code(2);

    // The first window carries on; its answer is what the session holds.
    a_in.write_all(b"n first window note\n2\nq\n").unwrap();
    drop(a_in);
    assert!(a.wait().unwrap().success());
    let sessions = env.sessions();
    assert_eq!(sessions.len(), 1, "the refused window created nothing");
    let text = serde_json::to_string(&sessions[0]).unwrap();
    assert!(
        text.contains("first window note") && !text.contains("second window"),
        "{text}"
    );

    // Once the first window has gone, the session can be resumed again.
    env.cmd()
        .args(["--plain", "--resume", &id])
        .write_stdin("q\n")
        .timeout(DEADLINE)
        .assert()
        .success();
}

/// `qbfix --plain --resume ID` in a pseudo-terminal (`support::pty`, a dumb terminal of
/// 200×40); returns all it wrote once it ends after typing `keys`, each after `prompt` shows.
fn second_window_at_a_terminal(env: &Arc<Env>, id: &str, steps: &[(&str, &str)]) -> String {
    let mut tui = Tui::start_sized(
        env.clone(),
        &["--plain", "--resume", id],
        &[("TERM", "dumb")],
        (40, 200),
    );
    for (prompt, keys) in steps {
        tui.wait_for_output(prompt);
        tui.keys(keys);
    }
    let code = tui.wait_exit();
    let seen = String::from_utf8_lossy(&tui.seen.0.lock().unwrap().raw).into_owned();
    assert_eq!(code, 0, "{seen}");
    seen
}

#[test]
fn at_a_terminal_the_second_window_offers_reading_or_a_new_session() {
    let env = Arc::new(Env::new());
    let id = unfinished_session(&env);
    let (mut a, mut a_in, _a_out) = first_window(&env, &id);

    // Read it: the report of that session, nothing changed.
    let before = std::fs::read(env.data_dir().join("sessions").join(format!("{id}.json"))).unwrap();
    let shown = second_window_at_a_terminal(&env, &id, &[("Choose r, n or q: ", "r\r")]);
    assert!(
        shown.contains(&format!("is open in another qbfix window (process {})", a.id())),
        "{shown}"
    );
    assert!(
        shown.contains("# QuickBooks Online 502 troubleshooting report"),
        "{shown}"
    );
    assert!(shown.contains(&id), "{shown}");
    let after = std::fs::read(env.data_dir().join("sessions").join(format!("{id}.json"))).unwrap();
    assert_eq!(before, after);

    // A new session: a second file, the first untouched.
    second_window_at_a_terminal(
        &env,
        &id,
        &[
            ("Choose r, n or q: ", "n\r"),
            ("Step 1 of 10", ""),
            ("Answer 1-", "1\r"),
            ("Step 2 of 10", "q\r"),
        ],
    );
    assert_eq!(env.sessions().len(), 2);
    let after = std::fs::read(env.data_dir().join("sessions").join(format!("{id}.json"))).unwrap();
    assert_eq!(before, after);

    a_in.write_all(b"q\n").unwrap();
    drop(a_in);
    assert!(a.wait().unwrap().success());
}

#[test]
fn windows_saving_at_once_keep_the_index_whole() {
    let env = Env::new();
    let windows: Vec<Child> = (0..4)
        .map(|_| {
            let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_qbfix"));
            for var in support::UNSET {
                cmd.env_remove(var);
            }
            let mut child = cmd
                .env("NO_PROXY", "*")
                .env("no_proxy", "*")
                .env("HOME", env.home())
                .arg("--config")
                .arg(env.config_path())
                .arg("--data-dir")
                .arg(env.data_dir())
                .arg("--plain")
                .stdin(Stdio::piped())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap();
            let mut stdin = child.stdin.take().unwrap();
            stdin.write_all(b"1\n2\nn one\n2\nn two\n2\nq\n").unwrap();
            child
        })
        .collect();
    for mut w in windows {
        assert!(w.wait().unwrap().success());
    }
    let index = env.data_dir().join("sessions.index");
    let whole: serde_json::Value = serde_json::from_slice(&std::fs::read(&index).unwrap()).unwrap();
    assert!(whole.is_object(), "{whole}");
    let out = env.cmd().arg("sessions").assert().success();
    let table = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert_eq!(table.lines().count(), 5, "{table}");
    let text = std::fs::read_to_string(&index).unwrap();
    for s in env.sessions() {
        assert!(text.contains(s["id"].as_str().unwrap()), "{text}");
    }
}
