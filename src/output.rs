//! Writing a file the user named (`report -o FILE`): atomically, so a reader never sees half a
//! report — a temp file beside the target, flushed, then renamed over it. A directory is refused.

use std::fs::{self, OpenOptions};
use std::io::Write;
use std::path::Path;

/// Why the file was not written.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    #[error("{0} is a folder; give a file name, e.g. {0}/report.html")]
    IsDir(String),
    #[error("cannot write {path}: {error}")]
    Io { path: String, error: std::io::Error },
}

/// Writes `bytes` to `path` via a temp file and a rename.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), OutputError> {
    let shown = path.display().to_string();
    if path.is_dir() || shown.ends_with(['/', std::path::MAIN_SEPARATOR]) {
        return Err(OutputError::IsDir(
            shown
                .trim_end_matches(['/', std::path::MAIN_SEPARATOR])
                .to_string(),
        ));
    }
    let io = |error| OutputError::Io {
        path: shown.clone(),
        error,
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let tmp = dir.join(format!(
        ".{name}.tmp-{}-{:08x}",
        std::process::id(),
        fastrand::u32(..)
    ));
    let write = || -> std::io::Result<()> {
        let mut file = OpenOptions::new().write(true).create_new(true).open(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        fs::rename(&tmp, path)
    };
    write().map_err(|e| {
        let _ = fs::remove_file(&tmp);
        io(e)
    })
}
