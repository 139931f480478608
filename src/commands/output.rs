//! The one way commands write to standard output and say things on standard error.
//!
//! Rust ignores SIGPIPE, so a write to a pipe whose reader has gone (`qbfix sessions | head -1`)
//! fails with "broken pipe", and `print!`/`println!` panic on any failed write (exit 101, a
//! stack trace). Commands print through [`Stdout`] instead: after a broken pipe nobody reads
//! any more, so the rest of the output is dropped quietly and the command ends with the exit
//! code it would have had; any other failure (a full disk) is an [`OutputError`], which `main`
//! turns into one line on stderr and exit 2 like every other error. What goes to stderr
//! ([`say`]) never fails a command: there is nowhere left to say that it could not be said.

use std::io::{ErrorKind, Write};
use std::sync::atomic::{AtomicBool, Ordering};

/// Set once a write found the reader gone; from then on output is dropped.
static CLOSED: AtomicBool = AtomicBool::new(false);

/// Standard output could not be written (not a closed pipe: that is not an error). The I/O
/// error is said in words, and is not a `source` (its own text carries an OS error code).
#[derive(Debug, thiserror::Error)]
#[error("cannot write the output: {}", crate::files::read::io_reason(.0))]
pub struct OutputError(pub std::io::Error);

/// Standard output, for commands and the writers they hand it to.
#[derive(Debug, Clone, Copy, Default)]
pub struct Stdout;

impl Stdout {
    /// Writes all of `text` and flushes it.
    pub fn print(&mut self, text: &str) -> Result<(), OutputError> {
        self.write_all(text.as_bytes())
            .and_then(|()| self.flush())
            .map_err(OutputError)
    }
}

/// [`Stdout::print`].
pub fn print(text: &str) -> Result<(), OutputError> {
    Stdout.print(text)
}

/// One line on stderr; a failure to say it is ignored.
pub fn say(line: &str) {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{line}").and_then(|()| err.flush());
}

/// `Ok` for a broken pipe (marking output closed), the error otherwise.
fn gone(result: std::io::Result<()>) -> std::io::Result<()> {
    match result {
        Err(e) if reader_left(&e) => {
            CLOSED.store(true, Ordering::Relaxed);
            Ok(())
        }
        other => other,
    }
}

/// The reader of our output has gone: not an error, only the end of the output.
fn reader_left(e: &std::io::Error) -> bool {
    e.kind() == ErrorKind::BrokenPipe
}

impl Write for Stdout {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if CLOSED.load(Ordering::Relaxed) {
            return Ok(buf.len());
        }
        let mut out = std::io::stdout().lock();
        match out.write(buf) {
            Err(e) => gone(Err(e)).map(|()| buf.len()),
            ok => ok,
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if CLOSED.load(Ordering::Relaxed) {
            return Ok(());
        }
        gone(std::io::stdout().lock().flush())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_disk_is_said_in_words() {
        let e = OutputError(std::io::Error::from_raw_os_error(28));
        #[cfg(unix)]
        assert_eq!(e.to_string(), "cannot write the output: the disk is full");
        assert!(!e.to_string().contains("os error"), "{e}");
    }

    #[test]
    fn only_a_broken_pipe_means_the_reader_left() {
        assert!(reader_left(&ErrorKind::BrokenPipe.into()));
        assert!(!reader_left(&std::io::Error::from_raw_os_error(28)));
    }
}
