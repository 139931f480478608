//! The one way qbfix starts other programs (browser `--version`, firewall queries, the OS proxy
//! settings on Linux and macOS): a fixed argv (never a shell string), no stdin, stdout piped and read
//! up to a bound, stderr discarded, a hard timeout, and the child killed if we stop waiting for
//! it. On unix the child leads a process group of its own, and the whole group is killed when
//! we are done with it, so a grandchild it started is never left running.

use std::ffi::OsStr;
use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

use tokio::io::AsyncReadExt;
use tokio::process::Command;

/// Most bytes of a child's stdout we read; the rest is dropped.
pub const MAX_OUTPUT: u64 = 64 * 1024;

/// How long a quick query (a browser's `--version`, `netsh`, `scutil`) may run.
pub const QUICK: Duration = Duration::from_secs(2);

/// The longest any child process may run (PowerShell can take this long to start cold).
pub const MAX_TIMEOUT: Duration = Duration::from_secs(4);

/// What a child printed and how it ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    /// Exit code; `None` when the child was ended by a signal.
    pub code: Option<i32>,
    /// Its stdout (lossy UTF-8, at most [`MAX_OUTPUT`] bytes).
    pub stdout: String,
}

impl Output {
    pub fn success(&self) -> bool {
        self.code == Some(0)
    }
}

/// Why a child gave no output.
#[derive(Debug, thiserror::Error)]
pub enum ProcessError {
    #[error("the program is not installed")]
    NotFound,
    #[error("the program is not allowed to run")]
    Denied,
    #[error("the program did not answer within {} ms", .0.as_millis())]
    Timeout(Duration),
    #[error("the program failed: {0}")]
    Io(#[from] std::io::Error),
}

/// While held, no check starts a child process: the TUI holds them until its first frame is
/// drawn, so start-up work does not compete with the first draw.
static HELD: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
static OPENED: tokio::sync::Notify = tokio::sync::Notify::const_new();

/// Holds child processes back until [`release`].
pub fn hold() {
    HELD.store(true, std::sync::atomic::Ordering::SeqCst);
}

/// Lets held (and later) child processes start.
pub fn release() {
    if HELD.swap(false, std::sync::atomic::Ordering::SeqCst) {
        OPENED.notify_waiters();
    }
}

async fn wait_released() {
    loop {
        let opened = OPENED.notified();
        tokio::pin!(opened);
        opened.as_mut().enable();
        if !HELD.load(std::sync::atomic::Ordering::SeqCst) {
            return;
        }
        opened.await;
    }
}

/// Runs `program` with `args`, waits at most `timeout` (capped at [`MAX_TIMEOUT`]), and returns
/// its stdout. The child runs with `LC_ALL=C` so its messages are not translated.
pub async fn run<S: AsRef<OsStr>>(
    program: &Path,
    args: &[S],
    timeout: Duration,
) -> Result<Output, ProcessError> {
    let timeout = timeout.min(MAX_TIMEOUT);
    wait_released().await;
    let mut cmd = Command::new(program);
    cmd.args(args)
        .env("LC_ALL", "C")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .kill_on_drop(true);
    #[cfg(unix)]
    cmd.process_group(0);
    #[cfg(windows)]
    {
        /// CREATE_NO_WINDOW: no console window flashes up.
        const CREATE_NO_WINDOW: u32 = 0x0800_0000;
        cmd.creation_flags(CREATE_NO_WINDOW);
    }
    let mut child = cmd.spawn().map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => ProcessError::NotFound,
        std::io::ErrorKind::PermissionDenied => ProcessError::Denied,
        _ => ProcessError::Io(e),
    })?;
    let group = child.id();
    let work = async {
        let mut bytes = Vec::new();
        if let Some(stdout) = child.stdout.take() {
            stdout.take(MAX_OUTPUT).read_to_end(&mut bytes).await?;
            // Dropping the pipe here lets a child that prints more than we read end.
        }
        let status = child.wait().await?;
        Ok::<_, std::io::Error>(Output {
            code: status.code(),
            stdout: String::from_utf8_lossy(&bytes).into_owned(),
        })
    };
    let outcome = tokio::time::timeout(timeout, work).await;
    // The group outlives its leader while any member lives, so its id is not reused yet.
    kill_group(group);
    match outcome {
        Ok(result) => Ok(result?),
        // `child` is dropped on return, which kills it.
        Err(_) => Err(ProcessError::Timeout(timeout)),
    }
}

/// Kills what is left of the process group a child led (its own children).
fn kill_group(leader: Option<u32>) {
    #[cfg(unix)]
    if let Some(pid) = leader.and_then(|p| i32::try_from(p).ok()) {
        let _ = nix::sys::signal::killpg(nix::unistd::Pid::from_raw(pid), nix::sys::signal::Signal::SIGKILL);
    }
    #[cfg(not(unix))]
    let _ = leader;
}

/// The first directory on `dirs` holding an executable file called `name`.
pub fn find_in(dirs: &[std::path::PathBuf], name: &str) -> Option<std::path::PathBuf> {
    dirs.iter().map(|d| d.join(name)).find(|p| is_executable(p))
}

/// The directories of the `PATH` variable.
pub fn path_dirs() -> Vec<std::path::PathBuf> {
    std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).filter(|d| d.is_absolute()).collect())
        .unwrap_or_default()
}

/// A program under the Windows system folder (`%SystemRoot%\System32\…`), by absolute path so
/// no folder on `PATH` can stand in for it.
pub fn system32(relative: &str) -> std::path::PathBuf {
    let root = std::env::var_os("SystemRoot").unwrap_or_else(|| "C:\\Windows".into());
    std::path::PathBuf::from(root).join("System32").join(relative)
}

/// True for a regular file this user may execute (on Windows: any regular file).
fn is_executable(path: &Path) -> bool {
    let Ok(meta) = std::fs::metadata(path) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        meta.is_file() && meta.permissions().mode() & 0o111 != 0
    }
    #[cfg(not(unix))]
    {
        meta.is_file()
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[tokio::test]
    async fn captures_stdout_and_exit_code() {
        let out = run(
            Path::new("/bin/sh"),
            &["-c", "echo hi; exit 3"],
            Duration::from_secs(2),
        )
        .await
        .unwrap();
        assert_eq!(out.stdout, "hi\n");
        assert_eq!(out.code, Some(3));
        assert!(!out.success());
    }

    /// Whether a process is gone (or only a zombie waiting for its parent).
    #[cfg(target_os = "linux")]
    fn gone(pid: &str) -> bool {
        match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
            Err(_) => true,
            Ok(stat) => stat
                .rsplit_once(") ")
                .is_some_and(|(_, rest)| rest.starts_with('Z') || rest.starts_with('X')),
        }
    }

    #[cfg(target_os = "linux")]
    #[tokio::test]
    async fn a_grandchild_is_not_left_running() {
        let out = run(
            Path::new("/bin/sh"),
            &["-c", "sleep 30 >/dev/null 2>&1 & echo $!"],
            Duration::from_secs(2),
        )
        .await
        .unwrap();
        let pid = out.stdout.trim().to_string();
        assert!(!pid.is_empty());
        // SIGKILL was sent to its group before `run` returned; wait for the kernel to act on it.
        let mut checks = 0;
        while !gone(&pid) && checks < 100_000 {
            tokio::task::yield_now().await;
            checks += 1;
        }
        assert!(gone(&pid), "grandchild {pid} still running");
    }

    #[tokio::test]
    async fn a_hanging_program_times_out() {
        let started = std::time::Instant::now();
        let err = run(
            Path::new("/bin/sh"),
            &["-c", "sleep 30"],
            Duration::from_millis(200),
        )
        .await
        .unwrap_err();
        assert!(matches!(err, ProcessError::Timeout(_)));
        assert!(started.elapsed() < Duration::from_secs(2));
    }

    #[tokio::test]
    async fn output_is_bounded_and_a_missing_program_is_named() {
        let out = run(
            Path::new("/bin/sh"),
            &["-c", "yes x | head -c 200000"],
            Duration::from_secs(2),
        )
        .await
        .unwrap();
        assert_eq!(out.stdout.len() as u64, MAX_OUTPUT);
        let err = run(
            Path::new("/nonexistent/prog"),
            &["--version"],
            Duration::from_secs(1),
        )
        .await
        .unwrap_err();
        assert!(matches!(err, ProcessError::NotFound));
    }
}
