//! Private files and folders: folders created mode 0700 (and made private again when they are
//! found open to others), files created mode 0600 and never over an existing one. The session
//! store and the support log keep what they write here.

use std::fs::{self, File, OpenOptions};
use std::path::Path;

use crate::files::read::display_path;

/// Creates `dir` and its parents; new folders are mode 0700.
pub fn create_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

/// An error naming the first part of `path` that exists and is not a folder (a file where the
/// data dir or its sessions folder should be: nothing could be saved there, not even by root).
pub fn folders_only(path: &Path) -> std::io::Result<()> {
    let mut parts: Vec<&Path> = path.ancestors().filter(|p| !p.as_os_str().is_empty()).collect();
    parts.reverse();
    for part in parts {
        match fs::metadata(part) {
            Ok(meta) if meta.is_dir() => {}
            Ok(_) => {
                return Err(std::io::Error::new(
                    std::io::ErrorKind::NotADirectory,
                    format!("{} is a file, not a folder", display_path(part)),
                ));
            }
            // Missing from here on (created later), or not for us to judge here.
            Err(_) => return Ok(()),
        }
    }
    Ok(())
}

/// Makes a sessions folder that others may read or enter private again (0700); says so when
/// that is not possible. Anything but a folder is left alone.
pub fn tighten(dir: &Path) -> Option<String> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let meta = fs::metadata(dir).ok()?;
        if !meta.is_dir() {
            return None;
        }
        let mode = meta.permissions().mode() & 0o777;
        if mode & 0o077 == 0 {
            return None;
        }
        let shown = display_path(dir);
        match fs::set_permissions(dir, fs::Permissions::from_mode(0o700)) {
            Ok(()) => {
                tracing::warn!("{shown} was open to other users (mode {mode:o}); made it private (700)");
                None
            }
            Err(e) => Some(format!(
                "warning: {shown} can be read by other users (mode {mode:o}) and could not be made private: {e}"
            )),
        }
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        None
    }
}

pub fn probe_writable(dir: &Path) -> std::io::Result<()> {
    let meta = fs::metadata(dir)?;
    if meta.permissions().readonly() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::PermissionDenied,
            "read-only",
        ));
    }
    let probe = dir.join(format!(".probe-{}-{:08x}", std::process::id(), fastrand::u32(..)));
    new_file(&probe)?;
    fs::remove_file(&probe)
}

/// Creates `path` (mode 0600 on Unix) for writing; fails if anything is already there.
pub fn new_file(path: &Path) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)
}
