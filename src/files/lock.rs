//! One writer per session: an advisory lock (the OS's `flock`/`LockFileEx`, through
//! `std::fs::File::try_lock`) on `<sessions>/.<id>.lock`, held for as long as a wizard has the
//! session open. The session file itself is replaced on every save (atomic rename), so the
//! lock lives on a file of its own that is never replaced or deleted (but the lock of a new
//! session never saved, which no other process knows: [`FileLock::discard`]). The holder's
//! process id is written into it so a second instance can say who has the session. The
//! store's index is written under a lock of the same kind.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Proof that this process is the session's only writer; the lock is released on drop (and by
/// the OS when the process ends, however it ends).
#[derive(Debug)]
pub struct FileLock {
    _file: File,
    path: PathBuf,
}

impl FileLock {
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Releases the lock and removes its file: for a session that was never saved, whose id
    /// no other process knows.
    pub fn discard(self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// Why the lock was not taken.
#[derive(Debug)]
pub enum LockError {
    /// Another process holds it (its pid when it wrote one).
    Held {
        pid: Option<u32>,
    },
    Io(std::io::Error),
}

/// Takes the lock of session `id` in `dir` without waiting.
pub fn try_lock(dir: &Path, id: &str) -> Result<FileLock, LockError> {
    let path = dir.join(format!(".{id}.lock"));
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options
            .mode(0o600)
            .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    let mut file = options.open(&path).map_err(LockError::Io)?;
    if !file.metadata().map_err(LockError::Io)?.is_file() {
        return Err(LockError::Io(std::io::Error::other(format!(
            "{} is not a regular file",
            crate::files::read::display_path(&path)
        ))));
    }
    match file.try_lock() {
        Ok(()) => {}
        Err(TryLockError::WouldBlock) => return Err(LockError::Held { pid: holder(&path) }),
        Err(TryLockError::Error(e)) => return Err(LockError::Io(e)),
    }
    // Best effort: the pid only makes the "in use" message more helpful.
    let _ = file
        .set_len(0)
        .and_then(|()| writeln!(file, "{}", std::process::id()));
    Ok(FileLock { _file: file, path })
}

/// The pid written by the lock's holder, if it wrote one.
fn holder(path: &Path) -> Option<u32> {
    let text = crate::files::read::read_capped_text(path, crate::files::limits::LOCK_BYTES).ok()?;
    text.trim().parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_holder_at_a_time_and_released_on_drop() {
        let dir = tempfile::tempdir().unwrap();
        let first = try_lock(dir.path(), "20261218-101320-c0ffee").unwrap();
        match try_lock(dir.path(), "20261218-101320-c0ffee") {
            Err(LockError::Held { pid }) => assert_eq!(pid, Some(std::process::id())),
            other => panic!("second lock taken: {other:?}"),
        }
        assert!(
            try_lock(dir.path(), "20261218-101320-c0ffef").is_ok(),
            "other sessions are free"
        );
        drop(first);
        assert!(try_lock(dir.path(), "20261218-101320-c0ffee").is_ok());
    }
}
