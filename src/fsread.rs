//! The one way qbfix reads a file it was pointed at (config, flow, CA file, session, import):
//! the path must name a regular file, it is opened without blocking (a FIFO or device never
//! hangs the program), checked after opening (no swap between check and use), and read up to
//! a stated cap. Errors name the path (sanitized) and the reason in plain words.

use std::fmt;
use std::fs::{File, OpenOptions};
use std::io::Read;
use std::path::{Path, PathBuf};

/// Cap for settings files (`config.toml`).
pub const CONFIG_CAP: u64 = 1024 * 1024;
/// Cap for flow files (a 30,000-step flow is about 6 MB).
pub const FLOW_CAP: u64 = 32 * 1024 * 1024;
/// Cap for PEM files of extra trusted roots.
pub const CA_CAP: u64 = 4 * 1024 * 1024;
/// Cap for one session file.
pub const SESSION_CAP: u64 = 16 * 1024 * 1024;
/// Cap for a file given to `qbfix import`.
pub const IMPORT_CAP: u64 = 16 * 1024 * 1024;

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
    crate::sanitize::clean(&path.display().to_string())
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

fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::NotFound => "no such file".to_string(),
        ErrorKind::PermissionDenied => "permission denied".to_string(),
        ErrorKind::InvalidData => e.to_string(),
        _ => crate::sanitize::clean(&e.to_string()),
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
#[path = "fsread_tests.rs"]
mod tests;
