//! Where `report -o FILE` may write (DESIGN.md "Command line"), decided before anything is
//! read or written: `-` is stdout; a target that exists and is not a regular file (a folder,
//! FIFO, socket or device — the program's own output, `/dev/stdout`, with a hint to use
//! `-o -`) is refused, and so is anything inside the data dir, where the sessions and their
//! locks live. The comparison is made on the path as the file system resolves it: links on the
//! way and at the end are followed, `..` is taken after the link before it (as the OS does).
//! A link to a regular file elsewhere is followed, so the file it names is written and the
//! link stays. The one atomic writer ([`crate::files::write`]) then writes the file.
//!
//! Inside the data dir, on Unix, means: one of the folders on the resolved path *is* the data
//! dir — the same device and inode — so the test is exactly as case-insensitive as the file
//! system holding them (macOS's and Windows' defaults are; most Linux ones are not), and
//! Unicode-normalizing too, with no guess about either. Windows has no stable file identity
//! in `std`: there the canonical paths (which carry the case stored on disk) are compared
//! without regard to case, NTFS's default.

use std::path::{Component, Path, PathBuf};

use crate::files::read::{display_path, io_reason, kind_of};

/// Where the report goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// `-o -` (or no `-o`).
    Stdout,
    /// This regular file (existing or not), links resolved.
    File(PathBuf),
}

/// Why a target was refused: one line naming it (exit 2).
#[derive(Debug, thiserror::Error)]
pub enum TargetError {
    #[error(
        "cannot write the report to {0}: that is this program's own output; to print the report there, use -o - (or leave out -o)"
    )]
    OwnOutput(String),
    #[error("{0} is a folder; give a file name, e.g. {0}/report.html")]
    Folder(String),
    #[error("cannot write the report to {shown}: it is {kind}, not a regular file")]
    NotRegular { shown: String, kind: &'static str },
    #[error(
        "cannot write the report to {shown}: it is inside qbfix's data dir ({data}), where the sessions are kept; choose a file elsewhere"
    )]
    InsideDataDir { shown: String, data: String },
    #[error("cannot write the report to {shown}: {reason}")]
    Unusable { shown: String, reason: String },
}

/// Most links followed one after another (as the OS allows: `ELOOP` past 40).
const MAX_LINKS: usize = 40;

/// Decides where `report -o path` writes, given the data dir; touches nothing.
pub fn resolve(path: &Path, data_dir: &Path) -> Result<Target, TargetError> {
    if path.as_os_str() == "-" {
        return Ok(Target::Stdout);
    }
    let shown = display_path(path);
    let unusable = |reason: String| TargetError::Unusable {
        shown: shown.clone(),
        reason,
    };
    let io = |e: std::io::Error| unusable(io_reason(&e));
    let mut at = std::path::absolute(path).map_err(io)?;
    // The last part, link after link, each step checked by name.
    let mut hops = 0;
    loop {
        if is_own_output(&at) {
            return Err(TargetError::OwnOutput(shown));
        }
        match std::fs::symlink_metadata(&at) {
            Ok(meta) if meta.file_type().is_symlink() => {
                hops += 1;
                if hops > MAX_LINKS {
                    return Err(unusable("it is a loop of links".to_string()));
                }
                let next = std::fs::read_link(&at).map_err(io)?;
                at = match at.parent() {
                    Some(dir) if next.is_relative() => dir.join(next),
                    _ => next,
                };
            }
            Ok(_) => break,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => break,
            Err(e) => return Err(io(e)),
        }
    }
    // The folders on the way, as the file system resolves them (links and `..`).
    let (Some(parent), Some(name)) = (at.parent(), last_name(&at)) else {
        return Err(TargetError::Folder(shown));
    };
    let folder = std::fs::canonicalize(parent).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => unusable("its folder does not exist".to_string()),
        _ => io(e),
    })?;
    let resolved = folder.join(name);
    if is_own_output(&resolved) {
        return Err(TargetError::OwnOutput(shown));
    }
    match std::fs::metadata(&resolved) {
        Ok(meta) if meta.is_dir() => return Err(TargetError::Folder(shown)),
        Ok(meta) if !meta.is_file() => {
            return Err(TargetError::NotRegular {
                shown,
                kind: kind_of(&meta.file_type()),
            });
        }
        _ => {}
    }
    if inside(&folder, data_dir) {
        return Err(TargetError::InsideDataDir {
            shown,
            data: display_path(data_dir),
        });
    }
    Ok(Target::File(resolved))
}

/// The last part of `path`, unless it is `..` or the root (then it names a folder).
fn last_name(path: &Path) -> Option<&std::ffi::OsStr> {
    match path.components().next_back()? {
        Component::Normal(name) => Some(name),
        _ => None,
    }
}

/// This process's own streams under the names Unix gives them: `/dev/stdout`, `/dev/stderr`,
/// `/dev/stdin`, and the descriptors in `/dev/fd/` and `/proc/<self|pid>/fd/`.
fn is_own_output(path: &Path) -> bool {
    let parts: Vec<&str> = path
        .components()
        .filter_map(|c| match c {
            Component::Normal(n) => n.to_str(),
            _ => None,
        })
        .collect();
    match parts.as_slice() {
        ["dev", "stdout" | "stderr" | "stdin"] | ["dev", "fd", _] => true,
        ["proc", who, "fd", _] => {
            matches!(*who, "self" | "thread-self") || who.bytes().all(|b| b.is_ascii_digit())
        }
        _ => false,
    }
}

/// True when `folder` (canonical) is the data dir or lies below it.
#[cfg(unix)]
fn inside(folder: &Path, data_dir: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    let Ok(data) = std::fs::metadata(data_dir) else {
        // No data dir yet: nothing is inside it.
        return false;
    };
    folder
        .ancestors()
        .any(|dir| std::fs::metadata(dir).is_ok_and(|m| m.dev() == data.dev() && m.ino() == data.ino()))
}

/// True when `folder` (canonical) is the data dir or lies below it, compared without regard
/// to case (NTFS's default).
#[cfg(not(unix))]
fn inside(folder: &Path, data_dir: &Path) -> bool {
    let Ok(data) = std::fs::canonicalize(data_dir) else {
        return false;
    };
    let lower = |p: &Path| -> Vec<String> {
        p.components()
            .map(|c| c.as_os_str().to_string_lossy().to_lowercase())
            .collect()
    };
    lower(folder).starts_with(&lower(&data))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_programs_own_streams_are_known_by_name() {
        for own in [
            "/dev/stdout",
            "/dev/stderr",
            "/dev/fd/1",
            "/proc/self/fd/1",
            "/proc/4242/fd/2",
        ] {
            assert!(is_own_output(Path::new(own)), "{own}");
        }
        for other in [
            "/dev/stdout.md",
            "/home/a/dev/stdout2",
            "/proc/self/status",
            "/tmp/fd/1",
        ] {
            assert!(!is_own_output(Path::new(other)), "{other}");
        }
    }

    #[test]
    fn dash_is_stdout_and_a_new_file_elsewhere_is_fine() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        std::fs::create_dir(&data).unwrap();
        assert_eq!(resolve(Path::new("-"), &data).unwrap(), Target::Stdout);
        let target = dir.path().join("r.md");
        let canonical = std::fs::canonicalize(dir.path()).unwrap().join("r.md");
        assert_eq!(resolve(&target, &data).unwrap(), Target::File(canonical));
        let e = resolve(&data.join("x/../r.md"), &data).unwrap_err();
        assert!(e.to_string().contains("folder does not exist"), "{e}");
        let e = resolve(&data.join("r.md"), &data).unwrap_err();
        assert!(matches!(e, TargetError::InsideDataDir { .. }), "{e}");
        let e = resolve(&dir.path().join("data/.."), &data).unwrap_err();
        assert!(matches!(e, TargetError::Folder(_)), "{e}");
    }

    #[cfg(unix)]
    #[test]
    fn a_loop_of_links_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a");
        std::os::unix::fs::symlink(dir.path().join("b"), &a).unwrap();
        std::os::unix::fs::symlink(&a, dir.path().join("b")).unwrap();
        let e = resolve(&a, &dir.path().join("data")).unwrap_err();
        assert!(e.to_string().ends_with("a: it is a loop of links"), "{e}");
    }
}
