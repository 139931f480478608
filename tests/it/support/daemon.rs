//! Real network software (squid, nginx) that a test runs in the foreground on 127.0.0.1, in a
//! temp folder of its own: found on this machine, or else skipped with a plain message outside
//! CI and failed under `CI=true` ([`require`]); started on a free port — neither takes port 0, so
//! one is picked, and picked again when another process takes it first — and waited for until it
//! both says it is ready and accepts ([`Daemon::start`]); stopped when the test ends (asked
//! first, then killed).
//!
//! The folder is open to every user ([`Workdir`]): started as root, squid runs as `proxy` (and
//! nginx's workers as `nobody`), and they must read their config and write their logs there.

use std::fs::File;
use std::net::{Ipv4Addr, SocketAddrV4, TcpListener, TcpStream};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// How long a daemon may take to start before the test fails (a guard, not a measurement).
const START_LIMIT: Duration = Duration::from_secs(60);

/// How long a daemon told to stop may take before it is killed.
const STOP_LIMIT: Duration = Duration::from_secs(20);

/// How many ports are tried when each turns out to be taken.
const PORT_TRIES: usize = 8;

/// Where a program is looked for, beside `PATH` (`/usr/sbin` is not on a user's `PATH`).
const SBIN: [&str; 4] = ["/usr/sbin", "/usr/local/sbin", "/sbin", "/usr/bin"];

/// True when the tests run in CI, where missing software fails the test instead of skipping it.
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0")
}

/// The first of `candidates` that is an executable file (a bare name is looked for on `PATH`
/// and in the sbin folders).
pub fn find(candidates: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    let mut dirs: Vec<PathBuf> = std::env::split_paths(&path).collect();
    dirs.extend(SBIN.iter().map(PathBuf::from));
    candidates.iter().find_map(|c| {
        let c = Path::new(c);
        if c.is_absolute() {
            return is_executable(c).then(|| c.to_path_buf());
        }
        dirs.iter().map(|d| d.join(c)).find(|p| is_executable(p))
    })
}

fn is_executable(p: &Path) -> bool {
    p.metadata()
        .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

/// `program` (the first of `candidates` found), or `None` after a plain skip message outside
/// CI. Under `CI=true` a missing program fails the test: `.ci/packages.sh` installs `package`.
pub fn require(test: &str, candidates: &[&str], package: &str) -> Option<PathBuf> {
    if let Some(found) = find(candidates) {
        return Some(found);
    }
    let what = candidates[0];
    if in_ci() {
        panic!(
            "{test}: {what} is not installed, and CI=true: .ci/packages.sh installs the Debian package {package}"
        );
    }
    skip(&format!(
        "{test}: {what} is not installed (Debian package {package}; .ci/packages.sh installs it)"
    ));
    None
}

/// Says a test was skipped, past the test harness's capture (a bare write to stderr, not
/// `eprintln!`), so the person running the tests sees it.
pub fn skip(why: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "SKIPPED {why}");
}

/// A temp folder every user may read and write: the daemon's config, logs and pid file.
pub struct Workdir {
    pub dir: tempfile::TempDir,
}

impl Workdir {
    pub fn new() -> Workdir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
        Workdir { dir }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Writes a file every user may read (its config, a password file).
    pub fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.path(name);
        std::fs::write(&path, text).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        path
    }

    /// A sub-folder every user may write (nginx's temp paths).
    pub fn folder(&self, name: &str) -> PathBuf {
        let path = self.path(name);
        std::fs::create_dir_all(&path).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o777)).unwrap();
        path
    }
}

/// A port on 127.0.0.1 nothing listens on right now (bound, then released).
pub fn free_port() -> u16 {
    TcpListener::bind(SocketAddrV4::new(Ipv4Addr::LOCALHOST, 0))
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A real daemon running for one test, killed (and reaped) when dropped.
pub struct Daemon {
    name: String,
    child: Child,
    pub port: u16,
    output: PathBuf,
}

/// How to start one daemon: its command for a port, and how its output says it is ready.
pub struct Launch<'a> {
    pub name: &'a str,
    pub work: &'a Workdir,
    /// The command that runs it in the foreground, listening on this port.
    pub command: &'a dyn Fn(u16) -> Command,
    /// True once its output so far (stdout and stderr) — or a file it writes — shows it listens.
    pub ready: &'a dyn Fn(&str) -> bool,
}

impl Daemon {
    /// Starts it on a free port, picking another when the port was taken, and waits until it
    /// says it is ready and accepts a connection; fails the test with its output otherwise.
    pub fn start(launch: &Launch<'_>) -> Daemon {
        let mut outputs = Vec::new();
        for attempt in 0..PORT_TRIES {
            let port = free_port();
            let output = launch.work.path(&format!("{}-{attempt}.out", launch.name));
            let file = File::create(&output).unwrap();
            let mut cmd = (launch.command)(port);
            cmd.stdin(Stdio::null())
                .stdout(file.try_clone().unwrap())
                .stderr(file);
            let child = cmd
                .spawn()
                .unwrap_or_else(|e| panic!("{} did not start: {e}", launch.name));
            let mut daemon = Daemon {
                name: launch.name.to_string(),
                child,
                port,
                output,
            };
            match daemon.wait_ready(launch.ready) {
                Ok(()) => return daemon,
                Err(text) if text.contains("Address already in use") => outputs.push(text),
                Err(text) => panic!("{} stopped before accepting:\n{text}", launch.name),
            }
        }
        panic!(
            "{}: every port tried was taken:\n{}",
            launch.name,
            outputs.join("\n---\n")
        );
    }

    /// Waits until it is ready and accepts; `Err(output)` when it exits first.
    fn wait_ready(&mut self, ready: &dyn Fn(&str) -> bool) -> Result<(), String> {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return Err(format!("exit {status}\n{}", self.output()));
            }
            let addr = SocketAddrV4::new(Ipv4Addr::LOCALHOST, self.port);
            if ready(&self.output()) && TcpStream::connect(addr).is_ok() {
                return Ok(());
            }
            if start.elapsed() > START_LIMIT {
                panic!(
                    "{} did not accept on port {} within {START_LIMIT:?}:\n{}",
                    self.name,
                    self.port,
                    self.output()
                );
            }
            std::thread::sleep(Duration::from_millis(25));
        }
    }

    /// What it printed so far (for assertion messages).
    pub fn output(&self) -> String {
        std::fs::read_to_string(&self.output).unwrap_or_default()
    }

    /// `127.0.0.1:PORT`.
    pub fn addr(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }
}

impl Drop for Daemon {
    /// Asks it to stop (SIGTERM: squid then removes its shared memory segments), and kills it
    /// if it has not stopped in [`STOP_LIMIT`].
    fn drop(&mut self) {
        let asked = Command::new("kill")
            .arg("-TERM")
            .arg(self.child.id().to_string())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        let start = Instant::now();
        while asked && start.elapsed() < STOP_LIMIT {
            if !matches!(self.child.try_wait(), Ok(None)) {
                return;
            }
            std::thread::sleep(Duration::from_millis(25));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
