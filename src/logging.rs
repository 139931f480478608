//! A log for support: `tracing` events written to `<data-dir>/logs/qbfix.log`, never to the
//! terminal (so never under the TUI). The file is capped at [`LOG_BYTES`]; when full it becomes
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

use crate::text::redact::Redactor;

use crate::files::limits::{LOG_BYTES, LOG_KEEP};

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
    crate::files::private::create_dir(&dir).ok()?;
    let path = dir.join("qbfix.log");
    let file = RotatingFile::open(&path, LOG_BYTES, redactor).ok()?;
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
        for n in (1..LOG_KEEP).rev() {
            let _ = std::fs::rename(numbered(n), numbered(n + 1));
        }
        std::fs::rename(&self.path, numbered(1))?;
        self.file = open_log(&self.path)?;
        self.size = 0;
        Ok(())
    }

    fn write_line(&mut self, buf: &[u8]) -> std::io::Result<()> {
        let text = String::from_utf8_lossy(buf);
        let mut line = crate::text::sanitize::clean_multiline(&self.redactor.text(&text));
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
mod tests {
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
        let file = RotatingFile::open(&path, LOG_BYTES, redactor()).unwrap();
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
}
