//! A log for support: `tracing` events written to `<data-dir>/logs/qbfix.log`, never to the
//! terminal (so never under the TUI). The file is capped at [`MAX_BYTES`]; when full it becomes
//! `qbfix.log.1` (and that `qbfix.log.2`), so the log never takes more than three times the cap.
//! Every line is redacted like a report (user, home, host names and private addresses) and
//! stripped of control characters. Level: `info`, or `debug` with `--verbose`, or whatever
//! `QBFIX_LOG` says (`error`, `warn`, `info`, `debug`, `trace`, `off`). A log that cannot be
//! opened (read-only data dir) is silently left out: it never stops a command.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use tracing_subscriber::Layer as _;
use tracing_subscriber::filter::{LevelFilter, Targets};
use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;

use crate::redact::Redactor;

/// Largest size of one log file.
pub const MAX_BYTES: u64 = 1024 * 1024;
/// Rotated files kept besides the current one.
pub const KEEP: usize = 2;

/// The level from `QBFIX_LOG` (empty counts as unset), else `debug` when verbose, else `info`.
pub fn level(verbose: bool, env: Option<&str>) -> Result<LevelFilter, String> {
    match env.map(str::trim).filter(|v| !v.is_empty()) {
        Some(v) => v
            .parse::<LevelFilter>()
            .map_err(|_| format!("QBFIX_LOG={v:?}: use error, warn, info, debug, trace or off")),
        None if verbose => Ok(LevelFilter::DEBUG),
        None => Ok(LevelFilter::INFO),
    }
}

/// Starts logging to `<data_dir>/logs/qbfix.log`; returns the file's path, or `None` when the
/// log cannot be written (then nothing is logged).
pub fn init(data_dir: &Path, level: LevelFilter, redactor: Redactor) -> Option<PathBuf> {
    if level == LevelFilter::OFF {
        return None;
    }
    let dir = data_dir.join("logs");
    crate::session::create_private_dir(&dir).ok()?;
    let path = dir.join("qbfix.log");
    let file = RotatingFile::open(&path, MAX_BYTES, redactor).ok()?;
    let layer = tracing_subscriber::fmt::layer()
        .with_ansi(false)
        .with_target(true)
        .with_writer(file);
    // qbfix's own events at `level`; libraries' only when they warn.
    let filter = Targets::new()
        .with_target("qbfix", level)
        .with_default(LevelFilter::WARN.min(level));
    tracing_subscriber::registry()
        .with(layer.with_filter(filter))
        .try_init()
        .ok()?;
    Some(path)
}

/// A size-capped, rotating, redacting log file; cheap to clone (one shared handle).
#[derive(Clone)]
pub struct RotatingFile {
    inner: Arc<Mutex<Inner>>,
}

struct Inner {
    path: PathBuf,
    file: File,
    size: u64,
    cap: u64,
    redactor: Redactor,
}

impl RotatingFile {
    /// Opens (appending, mode 0600) `path`, rotating first if it is already full.
    pub fn open(path: &Path, cap: u64, redactor: Redactor) -> std::io::Result<RotatingFile> {
        let file = open_log(path)?;
        let size = file.metadata()?.len();
        let mut inner = Inner {
            path: path.to_path_buf(),
            file,
            size,
            cap,
            redactor,
        };
        if size >= cap {
            inner.rotate()?;
        }
        Ok(RotatingFile {
            inner: Arc::new(Mutex::new(inner)),
        })
    }
}

impl Inner {
    fn rotate(&mut self) -> std::io::Result<()> {
        let numbered = |n: usize| PathBuf::from(format!("{}.{n}", self.path.display()));
        for n in (1..KEEP).rev() {
            let _ = std::fs::rename(numbered(n), numbered(n + 1));
        }
        std::fs::rename(&self.path, numbered(1))?;
        self.file = open_log(&self.path)?;
        self.size = 0;
        Ok(())
    }

    fn write_line(&mut self, buf: &[u8]) -> std::io::Result<()> {
        let text = String::from_utf8_lossy(buf);
        let mut line = crate::sanitize::clean_multiline(&self.redactor.text(&text));
        if !line.ends_with('\n') {
            line.push('\n');
        }
        // One event never exceeds the cap on its own.
        let max = usize::try_from(self.cap / 4).unwrap_or(usize::MAX);
        if line.len() > max {
            let mut cut = max.saturating_sub(16);
            while !line.is_char_boundary(cut) {
                cut -= 1;
            }
            line.truncate(cut);
            line.push_str(" …(cut)\n");
        }
        if self.size + line.len() as u64 > self.cap {
            self.rotate()?;
        }
        self.file.write_all(line.as_bytes())?;
        self.size += line.len() as u64;
        Ok(())
    }
}

/// One event's writer: collects the formatted line, writes it redacted when dropped.
pub struct LineWriter {
    inner: Arc<Mutex<Inner>>,
    buf: Vec<u8>,
}

impl Write for LineWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.buf.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Drop for LineWriter {
    fn drop(&mut self) {
        if self.buf.is_empty() {
            return;
        }
        if let Ok(mut inner) = self.inner.lock() {
            // A full disk must not stop qbfix: the log is best effort.
            let _ = inner.write_line(&self.buf);
        }
    }
}

impl<'a> MakeWriter<'a> for RotatingFile {
    type Writer = LineWriter;

    fn make_writer(&'a self) -> LineWriter {
        LineWriter {
            inner: self.inner.clone(),
            buf: Vec::new(),
        }
    }
}

fn open_log(path: &Path) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.create(true).append(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options
            .mode(0o600)
            .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    if !file.metadata()?.is_file() {
        return Err(std::io::Error::other("the log is not a regular file"));
    }
    Ok(file)
}

#[cfg(test)]
#[path = "logging_tests.rs"]
mod tests;
