//! The one atomic writer: every file qbfix writes (a session, `report -o FILE`, the reports and
//! ticket saved at the summary) goes through [`write_atomic`]. The bytes go to a new temp file
//! with a name of its own in the target's folder (never a fixed `.tmp` name another process
//! could be writing, never through a planted link), are flushed to disk, then renamed over the
//! target, and the folder is flushed so the rename survives a power cut. A reader sees the old
//! file or the new one, never half of either. It never replaces a folder, FIFO, socket or device
//! (a rename would put a regular file in its place: as root, `/dev/null`); a link is replaced
//! as a link, never followed — callers that mean its target resolve it first.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::files::read::{display_path, io_reason, kind_of};

/// Who may read the file written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Only this user (0600): sessions.
    Private,
    /// As any new file of this user's (0666 less the umask): reports to keep or send.
    Public,
}

/// Why the file was not written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("{0} is a folder; give a file name, e.g. {0}/report.html")]
    IsDir(String),
    #[error("cannot write {0}: it is {1}, not a regular file")]
    NotRegular(String, &'static str),
    #[error("cannot write {path}: {}", io_reason(.error))]
    Io { path: String, error: std::io::Error },
}

impl WriteError {
    /// The I/O error underneath, for callers that report their own way.
    pub fn into_io(self) -> std::io::Error {
        match self {
            WriteError::IsDir(shown) => {
                std::io::Error::new(std::io::ErrorKind::IsADirectory, format!("{shown} is a folder"))
            }
            WriteError::NotRegular(shown, kind) => std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                format!("{shown} is {kind}, not a regular file"),
            ),
            WriteError::Io { error, .. } => error,
        }
    }
}

/// Writes `bytes` to `path` atomically (temp file, fsync, rename, fsync folder).
pub fn write_atomic(path: &Path, bytes: &[u8], mode: Mode) -> Result<(), WriteError> {
    let shown = display_path(path);
    let raw = path.display().to_string();
    if path.is_dir() || raw.ends_with(['/', std::path::MAIN_SEPARATOR]) {
        return Err(WriteError::IsDir(
            shown
                .trim_end_matches(['/', std::path::MAIN_SEPARATOR])
                .to_string(),
        ));
    }
    if let Ok(meta) = std::fs::symlink_metadata(path) {
        let kind = meta.file_type();
        if !kind.is_file() && !kind.is_symlink() {
            return Err(WriteError::NotRegular(shown, kind_of(&kind)));
        }
    }
    let dir = folder_of(path);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let io = |error| WriteError::Io {
        path: shown.clone(),
        error,
    };
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    if mode == Mode::Public {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    #[cfg(not(unix))]
    let _ = mode;
    // Dropped on any error before the rename: the temp file is removed with it.
    let mut file = builder.tempfile_in(&dir).map_err(io)?;
    file.write_all(bytes).map_err(io)?;
    file.as_file().sync_all().map_err(io)?;
    file.persist(path).map_err(|e| io(e.error))?;
    sync_dir(&dir).map_err(io)
}

/// The folder a file named by `path` lives in (`.` for a bare name).
fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Flushes a folder's entries (a rename in it) to disk; nothing to do on Windows.
fn sync_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        std::fs::File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_target_whole_and_leaves_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.md");
        std::fs::write(&path, "old").unwrap();
        write_atomic(&path, b"new", Mode::Public).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["report.md"], "no temp file left behind");
    }

    #[cfg(unix)]
    #[test]
    fn private_files_are_for_this_user_only() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.json");
        write_atomic(&path, b"{}", Mode::Private).unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }

    #[test]
    fn a_folder_is_refused_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let err = write_atomic(dir.path(), b"x", Mode::Public).unwrap_err();
        assert!(matches!(err, WriteError::IsDir(_)), "{err}");
        assert!(err.to_string().contains("is a folder"), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_or_socket_is_never_replaced() {
        use std::os::unix::fs::FileTypeExt;
        let dir = tempfile::tempdir().unwrap();
        let socket = dir.path().join("sock");
        let _listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
        let err = write_atomic(&socket, b"x", Mode::Public).unwrap_err();
        assert!(
            err.to_string()
                .ends_with("sock: it is a socket, not a regular file"),
            "{err}"
        );
        assert!(
            std::fs::symlink_metadata(&socket)
                .unwrap()
                .file_type()
                .is_socket()
        );
    }

    #[test]
    fn a_failed_write_names_the_file_and_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing").join("r.md");
        let err = write_atomic(&path, b"x", Mode::Public).unwrap_err();
        assert!(err.to_string().starts_with("cannot write "), "{err}");
        assert!(err.to_string().contains("r.md"), "{err}");
        assert!(!dir.path().join("missing").exists());
    }
}
