//! The wizard in a real pseudo-terminal (portable-pty), its output fed to a vt100 screen: the
//! pty tests' one helper. Keys are typed as a person would; waits are on what the program
//! wrote (a condition variable the reader thread signals), up to a generous deadline, never
//! on a fixed time.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use base64::Engine as _;
use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

use super::env::{Env, session_files};

/// The terminal's size unless a test asks for another.
pub const ROWS: u16 = 30;
pub const COLS: u16 = 100;
pub const DEADLINE: Duration = Duration::from_secs(30);

/// The markers of one frame drawn as one update (DEC mode 2026).
const FRAME_BEGIN: &[u8] = b"\x1b[?2026h";
const FRAME_END: &[u8] = b"\x1b[?2026l";

/// What the reader thread has seen of the program's output.
pub struct Seen {
    pub screen: vt100::Parser,
    /// Every byte, for what the screen model does not keep (OSC 52).
    pub raw: Vec<u8>,
    /// The program closed the terminal (it exited).
    pub ended: bool,
    /// Inside a synchronized update (`CSI ? 2026 h` … `l`): half a frame, not yet looked at.
    pub mid_frame: bool,
    /// Writes from [`Tui::write_in_background`] not yet done.
    pub writing: usize,
}

/// The wizard running in a pseudo-terminal.
pub struct Tui {
    /// Shared, so a test can run a second window on the same data dir.
    pub env: Arc<Env>,
    master: Box<dyn MasterPty + Send>,
    /// Shared so a long write can go on from a thread while the test watches the screen.
    writer: Arc<Mutex<Box<dyn Write + Send>>>,
    child: Box<dyn Child + Send + Sync>,
    pub seen: Arc<(Mutex<Seen>, Condvar)>,
}

impl Tui {
    pub fn start() -> Tui {
        Tui::start_in(Env::new(), &[])
    }

    /// Starts `qbfix ARGS` on `env`'s config and data dir.
    pub fn start_in(env: Env, args: &[&str]) -> Tui {
        Tui::start_full(env, args, &[])
    }

    /// Starts `qbfix ARGS` on a fresh environment with these variables set.
    pub fn start_with(args: &[&str], vars: &[(&str, &str)]) -> Tui {
        Tui::start_full(Env::new(), args, vars)
    }

    pub fn start_full(env: Env, args: &[&str], vars: &[(&str, &str)]) -> Tui {
        Tui::start_sized(env, args, vars, (ROWS, COLS))
    }

    /// Starts `qbfix ARGS` on `env`, with `vars` set, in a terminal of `(rows, cols)`.
    pub fn start_sized(
        env: impl Into<Arc<Env>>,
        args: &[&str],
        vars: &[(&str, &str)],
        (rows, cols): (u16, u16),
    ) -> Tui {
        let env = env.into();
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_qbfix"));
        cmd.arg("--config");
        cmd.arg(env.config_path());
        cmd.arg("--data-dir");
        cmd.arg(env.data_dir());
        for arg in args {
            cmd.arg(arg);
        }
        cmd.cwd(env.dir());
        cmd.env("TERM", "xterm-256color");
        cmd.env("NO_PROXY", "*");
        cmd.env("no_proxy", "*");
        for var in super::env::UNSET.iter().chain(&["NO_COLOR", "TMUX", "STY"]) {
            cmd.env_remove(var);
        }
        cmd.env("HOME", env.home());
        cmd.env_remove("XDG_CONFIG_HOME");
        for (name, value) in vars {
            cmd.env(name, value);
        }
        let child = pair.slave.spawn_command(cmd).unwrap();
        // Only the child holds the slave now, so reading ends when it exits.
        drop(pair.slave);

        let seen = Arc::new((
            Mutex::new(Seen {
                screen: vt100::Parser::new(NonZeroU16::new(rows).unwrap(), NonZeroU16::new(cols).unwrap(), 0),
                raw: Vec::new(),
                ended: false,
                mid_frame: false,
                writing: 0,
            }),
            Condvar::new(),
        ));
        let mut reader = pair.master.try_clone_reader().unwrap();
        let sink = seen.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                let n = reader.read(&mut buf).unwrap_or(0);
                // A test that failed while holding the lock has said what went wrong.
                let mut seen = sink.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
                if n == 0 {
                    seen.ended = true;
                    sink.1.notify_all();
                    break;
                }
                seen.screen.process(&buf[..n]);
                seen.raw.extend_from_slice(&buf[..n]);
                // The last frame marker in what is new (a marker may straddle two reads).
                let from = seen.raw.len().saturating_sub(n + FRAME_BEGIN.len());
                let tail = &seen.raw[from..];
                let begin = tail.windows(FRAME_BEGIN.len()).rposition(|w| w == FRAME_BEGIN);
                let end = tail.windows(FRAME_END.len()).rposition(|w| w == FRAME_END);
                match (begin, end) {
                    (Some(b), Some(e)) => seen.mid_frame = b > e,
                    (Some(_), None) => seen.mid_frame = true,
                    (None, Some(_)) => seen.mid_frame = false,
                    (None, None) => {}
                }
                sink.1.notify_all();
            }
        });
        let writer = Arc::new(Mutex::new(pair.master.take_writer().unwrap()));
        Tui {
            env,
            master: pair.master,
            writer,
            child,
            seen,
        }
    }

    pub fn contents(&self) -> String {
        self.seen.0.lock().unwrap().screen.screen().contents()
    }

    /// Waits (on the reader's news, up to a generous deadline) until `done` holds of what
    /// was seen; never looked at while a frame is half drawn.
    pub fn wait_until<T>(&self, what: &str, mut done: impl FnMut(&Seen) -> Option<T>) -> T {
        let start = Instant::now();
        let (lock, news) = &*self.seen;
        let mut seen = lock.lock().unwrap();
        loop {
            if (!seen.mid_frame || seen.ended)
                && let Some(found) = done(&seen)
            {
                return found;
            }
            let left = DEADLINE.checked_sub(start.elapsed()).unwrap_or_else(|| {
                panic!(
                    "timed out waiting for {what}; the screen shows:\n{}",
                    seen.screen.screen().contents()
                )
            });
            seen = news.wait_timeout(seen, left).unwrap().0;
        }
    }

    /// Waits until the program has written `text` (the raw output, as text: for plain mode);
    /// returns all of it.
    pub fn wait_for_output(&self, text: &str) -> String {
        self.wait_until(&format!("{text:?} written"), |seen| {
            let raw = String::from_utf8_lossy(&seen.raw).into_owned();
            raw.contains(text).then_some(raw)
        })
    }

    /// Writes raw bytes to the terminal (as a terminal would send them), in one write.
    pub fn write(&mut self, bytes: &[u8]) {
        let mut writer = self.writer.lock().unwrap();
        writer.write_all(bytes).unwrap();
        writer.flush().unwrap();
    }

    /// Writes `bytes` in one write from a thread: a program that stops reading blocks that
    /// thread, not the test, which then fails at its deadline ([`Tui::wait_written`]).
    pub fn write_in_background(&self, bytes: Vec<u8>) {
        let writer = self.writer.clone();
        let seen = self.seen.clone();
        seen.0.lock().unwrap().writing += 1;
        std::thread::spawn(move || {
            {
                let mut writer = writer.lock().unwrap();
                // A program that exited closes the terminal: that is the test's to report.
                let _ = writer.write_all(&bytes).and_then(|()| writer.flush());
            }
            seen.0
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .writing -= 1;
            seen.1.notify_all();
        });
    }

    /// Waits until every write in the background has been taken by the program.
    pub fn wait_written(&self) {
        self.wait_until("the program to read what was written", |seen| {
            (seen.writing == 0).then_some(())
        });
    }

    /// Waits until the screen shows `text`; returns the screen.
    pub fn wait_for(&self, text: &str) -> String {
        self.wait_until(&format!("{text:?}"), |seen| {
            let contents = seen.screen.screen().contents();
            contents.contains(text).then_some(contents)
        })
    }

    /// Resizes the terminal (the program gets SIGWINCH) and the screen model with it.
    pub fn resize(&mut self, rows: u16, cols: u16) {
        self.seen
            .0
            .lock()
            .unwrap()
            .screen
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

    pub fn keys(&mut self, bytes: &str) {
        self.write(bytes.as_bytes());
    }

    /// From step 1 of the embedded flow: the first symptom, then "No, still failing" at every
    /// step from 2 to 9, each once it is on screen; the summary comes next.
    pub fn walk_every_step_answering_no(&mut self) {
        self.wait_for("Step 1 of 10");
        self.keys("1");
        for step in 2..=9 {
            self.wait_for(&format!("Step {step} of 10"));
            self.keys("2");
        }
    }

    /// Sends `signal` (a `kill` name: TERM, HUP, …) to the program.
    pub fn signal(&self, signal: &str) {
        let pid = self.child.process_id().expect("a pid");
        let status = std::process::Command::new("kill")
            .args([&format!("-{signal}"), &pid.to_string()])
            .status()
            .unwrap();
        assert!(status.success(), "kill -{signal}");
    }

    /// Waits for the program to end (it closes the terminal); returns its exit code.
    pub fn wait_exit(&mut self) -> u32 {
        self.wait_until("qbfix to exit", |seen| seen.ended.then_some(()));
        self.child.wait().unwrap().exit_code()
    }

    /// Every OSC 52 clipboard payload the program wrote, decoded.
    pub fn clipboard(&self) -> Vec<String> {
        let raw = String::from_utf8_lossy(&self.seen.0.lock().unwrap().raw).into_owned();
        raw.split("\u{1b}]52;c;")
            .skip(1)
            .filter_map(|rest| rest.split('\u{7}').next())
            .map(|b64| {
                String::from_utf8(base64::engine::general_purpose::STANDARD.decode(b64).unwrap()).unwrap()
            })
            .collect()
    }

    /// Fails unless the terminal is back as it was: main screen, cursor shown, and (by
    /// `stty -a` on the pty, still open on our side) echo and line editing on.
    pub fn assert_restored(&self) {
        let screen = self.contents();
        {
            let seen = self.seen.0.lock().unwrap();
            assert!(
                !seen.screen.screen().alternate_screen(),
                "still on the alternate screen:\n{screen}"
            );
            assert!(!seen.screen.screen().hide_cursor(), "cursor left hidden");
            let raw = String::from_utf8_lossy(&seen.raw).into_owned();
            let (on, off) = (raw.rfind("\u{1b}[?2004h"), raw.rfind("\u{1b}[?2004l"));
            assert!(on.is_none() || off > on, "bracketed paste left on");
        }
        let tty = self.master.tty_name().expect("the pty's name");
        let flag = if cfg!(target_os = "linux") { "-F" } else { "-f" };
        let out = std::process::Command::new("stty")
            .arg("-a")
            .arg(flag)
            .arg(&tty)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "stty: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let modes: Vec<String> = String::from_utf8_lossy(&out.stdout)
            .split(|c: char| c.is_whitespace() || c == ';')
            .map(str::to_string)
            .collect();
        for mode in ["echo", "icanon", "isig"] {
            assert!(modes.iter().any(|m| m == mode), "{mode} not restored: {modes:?}");
        }
    }

    pub fn session(&self) -> serde_json::Value {
        let mut sessions = session_files(&self.env.data_dir().join("sessions"));
        assert_eq!(sessions.len(), 1, "one session file");
        sessions.remove(0)
    }

    pub fn step<'a>(session: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
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
