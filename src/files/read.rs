//! The one way qbfix reads a file it was pointed at (config, flow, CA file, session, import):
//! the path must name a regular file, it is opened without blocking (a FIFO or device never
//! hangs the program), checked after opening (no swap between check and use), and read up to
//! a stated cap. Errors name the path (sanitized) and the reason in plain words.

use std::fmt;
use std::fs::{File, OpenOptions};
use std::io::Read;
use std::path::{Path, PathBuf};

/// Why a file could not be read. `Display` is `PATH: reason`, with the path sanitized.
#[derive(Debug)]
pub enum ReadError {
    /// Opening or reading failed (missing, no permission, I/O error).
    Io { path: PathBuf, source: std::io::Error },
    /// The path names a folder, FIFO, socket or device, not a regular file.
    NotRegular { path: PathBuf, kind: &'static str },
    /// The file is larger than the cap.
    TooBig { path: PathBuf, cap: u64 },
}

impl ReadError {
    pub fn path(&self) -> &Path {
        match self {
            ReadError::Io { path, .. }
            | ReadError::NotRegular { path, .. }
            | ReadError::TooBig { path, .. } => path,
        }
    }

    /// The reason alone, without the path.
    pub fn reason(&self) -> String {
        match self {
            ReadError::Io { source, .. } => io_reason(source),
            ReadError::NotRegular { kind, .. } => format!("is {kind}, not a regular file"),
            ReadError::TooBig { cap, .. } => format!("is larger than {}", human_size(*cap)),
        }
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", display_path(self.path()), self.reason())
    }
}

impl std::error::Error for ReadError {}

/// A path as it may be shown: lossy UTF-8 with control and bidi characters removed.
pub fn display_path(path: &Path) -> String {
    crate::text::sanitize::clean(&path.display().to_string())
}

/// The bytes of the regular file at `path`, at most `cap` of them (else [`ReadError::TooBig`]).
pub fn read_capped(path: &Path, cap: u64) -> Result<Vec<u8>, ReadError> {
    let io = |source| ReadError::Io {
        path: path.to_path_buf(),
        source,
    };
    let file = open_nonblocking(path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular {
            path: path.to_path_buf(),
            kind: kind_of(&meta.file_type()),
        });
    }
    let too_big = || ReadError::TooBig {
        path: path.to_path_buf(),
        cap,
    };
    if meta.len() > cap {
        return Err(too_big());
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    // One byte past the cap tells a file that grew since `metadata` from one that fits.
    file.take(cap.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > cap {
        return Err(too_big());
    }
    Ok(bytes)
}

/// Like [`read_capped`], as text: a leading UTF-8 byte-order mark is dropped; bytes that are
/// not UTF-8 are an error naming the byte offset.
pub fn read_capped_text(path: &Path, cap: u64) -> Result<String, ReadError> {
    let bytes = read_capped(path, cap)?;
    let bytes = bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .map(<[u8]>::to_vec)
        .unwrap_or(bytes);
    String::from_utf8(bytes).map_err(|e| ReadError::Io {
        path: path.to_path_buf(),
        source: std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!(
                "is not UTF-8 text (bad byte at offset {})",
                e.utf8_error().valid_up_to()
            ),
        ),
    })
}

fn open_nonblocking(path: &Path) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // A FIFO opens at once instead of waiting for a writer; a terminal never becomes ours.
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    options.open(path)
}

fn kind_of(t: &std::fs::FileType) -> &'static str {
    if t.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
    }
    "not a regular file"
}

pub(crate) fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::NotFound => "no such file".to_string(),
        ErrorKind::PermissionDenied => "permission denied".to_string(),
        ErrorKind::InvalidData => e.to_string(),
        _ => crate::text::sanitize::clean(&e.to_string()),
    }
}

fn human_size(bytes: u64) -> String {
    if bytes >= 1024 * 1024 && bytes.is_multiple_of(1024 * 1024) {
        format!("{} MiB", bytes / (1024 * 1024))
    } else if bytes >= 1024 && bytes.is_multiple_of(1024) {
        format!("{} KiB", bytes / 1024)
    } else {
        format!("{bytes} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_regular_file_within_the_cap() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        std::fs::write(&path, b"abc").unwrap();
        assert_eq!(read_capped(&path, 3).unwrap(), b"abc");
        let err = read_capped(&path, 2).unwrap_err();
        assert!(matches!(err, ReadError::TooBig { cap: 2, .. }), "{err}");
        assert!(
            err.to_string().ends_with("a.toml: is larger than 2 bytes"),
            "{err}"
        );
    }

    #[test]
    fn drops_a_byte_order_mark_and_names_bad_utf8() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bom.json");
        std::fs::write(&path, b"\xEF\xBB\xBF{}").unwrap();
        assert_eq!(read_capped_text(&path, 100).unwrap(), "{}");
        std::fs::write(&path, b"ok\xFF").unwrap();
        let err = read_capped_text(&path, 100).unwrap_err().to_string();
        assert!(err.contains("not UTF-8 text (bad byte at offset 2)"), "{err}");
    }

    #[test]
    fn a_folder_or_missing_file_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let err = read_capped(dir.path(), 100).unwrap_err();
        assert!(
            err.reason().contains("folder") || err.reason().contains("permission"),
            "{err}"
        );
        let err = read_capped(&dir.path().join("nope"), 100).unwrap_err();
        assert_eq!(err.reason(), "no such file");
    }

    #[cfg(unix)]
    #[test]
    fn devices_and_fifos_are_refused_without_blocking() {
        use crate::files::limits::CONFIG_BYTES;
        let err = read_capped(Path::new("/dev/zero"), CONFIG_BYTES).unwrap_err();
        assert_eq!(err.to_string(), "/dev/zero: is a device, not a regular file");
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status().unwrap();
        assert!(made.success());
        let err = read_capped(&fifo, CONFIG_BYTES).unwrap_err();
        assert!(
            err.to_string()
                .ends_with("pipe: is a named pipe (FIFO), not a regular file"),
            "{err}"
        );
    }

    #[test]
    fn control_characters_in_a_path_are_not_echoed() {
        let err = read_capped(Path::new("/nonexistent/\u{1b}]52;c;ZXZpbA==\u{7}x"), 10).unwrap_err();
        let shown = err.to_string();
        assert!(!shown.contains('\u{1b}') && !shown.contains('\u{7}'), "{shown:?}");
        assert_eq!(shown, "/nonexistent/x: no such file");
    }
}
