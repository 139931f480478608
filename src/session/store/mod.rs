//! Sessions on disk: `<data-dir>/sessions/<id>.json`, written atomically (temp file in the same
//! folder, fsync, rename, fsync folder), files 0600 and folders 0700. A file that cannot be read
//! as a session is moved aside to `<name>.corrupt-<time>` with a warning; nothing is deleted.
//! Every save also updates the store's index (`super::index`), through which sessions are
//! listed and found.

use std::fs;
use std::path::{Path, PathBuf};

use jiff::Timestamp;

use super::{SCHEMA_VERSION, Session, record, valid};
use crate::files::lock::{self, FileLock, LockError};
use crate::files::read::{self, ReadError};
use crate::files::{private, write};

/// A data dir or session file that could not be used.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("data dir {path} is not usable: {source}")]
    DataDir {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot save session to {path}: {source}")]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot lock session file {path}: {source}")]
    Lock {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("no saved session with id {0:?} (see `qbfix sessions`)")]
    NotFound(String),
    #[error("no saved sessions yet: run `qbfix` first")]
    NoSessions,
    #[error("no unfinished session to resume (see `qbfix sessions`)")]
    NothingToResume,
    #[error("{0}")]
    Corrupt(String),
    #[error(
        "session {id} is open in another qbfix window{}; close it there, read it with `qbfix report {id}`, or start a new session with `qbfix`",
        pid.map(|p| format!(" (process {p})")).unwrap_or_default()
    )]
    InUse { id: String, pid: Option<u32> },
    #[error("session {id:?} belongs to flow {flow:?}; run it with --flow and that flow's file")]
    OtherFlow { id: String, flow: String },
    #[error(transparent)]
    Record(#[from] super::record::RecordChanged),
}

/// Something the user should know about, that did not stop the command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoreWarning(pub String);

impl std::fmt::Display for StoreWarning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The folder of saved sessions.
#[derive(Debug, Clone)]
pub struct SessionStore {
    dir: PathBuf,
    /// Said with the first listing: a sessions folder open to others that stays open.
    pub(super) notices: Vec<StoreWarning>,
}

impl SessionStore {
    /// Opens (creating, mode 0700) `<data_dir>/sessions` for reading and writing.
    pub fn open(data_dir: &Path) -> Result<SessionStore, StoreError> {
        let dir = data_dir.join("sessions");
        private::folders_only(&dir)
            .and_then(|()| private::create_dir(data_dir))
            .and_then(|()| private::create_dir(&dir))
            .and_then(|()| private::probe_writable(&dir))
            .map_err(|source| StoreError::DataDir {
                path: data_dir.to_path_buf(),
                source,
            })?;
        let notices = private::tighten(&dir).map(StoreWarning).into_iter().collect();
        Ok(SessionStore { dir, notices })
    }

    /// Opens `<data_dir>/sessions` for commands that only read (`sessions`, `report`): a
    /// read-only data dir works (damaged files then stay where they are, with a warning) and
    /// a missing one has no sessions.
    pub fn open_read_only(data_dir: &Path) -> Result<SessionStore, StoreError> {
        let dir = data_dir.join("sessions");
        let problem = |source| StoreError::DataDir {
            path: data_dir.to_path_buf(),
            source,
        };
        private::folders_only(&dir).map_err(problem)?;
        match fs::metadata(data_dir) {
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(problem(e)),
        }
        let notices = private::tighten(&dir).map(StoreWarning).into_iter().collect();
        Ok(SessionStore { dir, notices })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn path_of(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.json"))
    }

    /// Takes session `id`'s lock: this process becomes its only writer until the lock drops.
    pub fn lock(&self, id: &str) -> Result<FileLock, StoreError> {
        lock::try_lock(&self.dir, id).map_err(|e| match e {
            LockError::Held { pid } => StoreError::InUse {
                id: id.to_string(),
                pid,
            },
            LockError::Io(source) => StoreError::Lock {
                path: self.dir.join(format!(".{id}.lock")),
                source,
            },
        })
    }

    /// A fresh id for a new session, with its lock: no other process can take the same id
    /// (its lock is held and no file has it), yet no file is written until there is
    /// something to keep.
    pub fn claim_id(&self, now: Timestamp) -> Result<(String, FileLock), StoreError> {
        loop {
            let id = super::new_id(now);
            let lock = match self.lock(&id) {
                Ok(lock) => lock,
                Err(StoreError::InUse { .. }) => continue,
                Err(e) => return Err(e),
            };
            if fs::symlink_metadata(self.path_of(&id)).is_err() {
                return Ok((id, lock));
            }
        }
    }

    /// Saves atomically: the old file stays whole until the new one is complete on disk. A
    /// finished session on disk is a record: saving anything but it with closing notes
    /// appended is refused ([`record::may_replace`]).
    pub fn save(&self, session: &Session) -> Result<(), StoreError> {
        let path = self.path_of(&session.id);
        let refuse = |why: &str| StoreError::Write {
            path: path.clone(),
            source: std::io::Error::new(std::io::ErrorKind::InvalidInput, why.to_string()),
        };
        if !valid::is_valid_id(&session.id) {
            return Err(refuse("not a qbfix session id"));
        }
        if session.redaction.is_some() {
            return Err(refuse("a redacted copy is for reports only"));
        }
        // A finished session is a record: only closing notes may be added to it.
        if let Ok(saved) = read::read_capped(&path, crate::files::limits::SESSION_BYTES) {
            record::may_replace(&saved, session)?;
        }
        let bytes = record::file_bytes(session).map_err(|e| StoreError::Write {
            path: path.clone(),
            source: std::io::Error::other(e),
        })?;
        // What the reader would refuse is never written (the one table of limits).
        if bytes.len() as u64 > crate::files::limits::SESSION_BYTES {
            return Err(refuse(&format!(
                "it would be larger than {}, more than a session file may hold",
                crate::files::limits::human_size(crate::files::limits::SESSION_BYTES)
            )));
        }
        write::write_atomic(&path, &bytes, write::Mode::Private).map_err(|e| StoreError::Write {
            path: path.clone(),
            source: e.into_io(),
        })?;
        self.index_saved(session, &path);
        Ok(())
    }

    /// Loads one session by id or case code; a corrupt file is moved aside (and leaves the
    /// index).
    pub fn load(&self, id: &str) -> Result<(Session, Vec<StoreWarning>), StoreError> {
        if valid::is_valid_case_code(&id.trim().to_ascii_uppercase()) {
            return self.find_session(id);
        }
        if !valid::is_valid_id(id) {
            return Err(StoreError::NotFound(crate::text::sanitize::clean(id)));
        }
        let path = self.path_of(id);
        if !path.is_file() {
            return Err(StoreError::NotFound(id.to_string()));
        }
        let mut warnings = Vec::new();
        match self.read(&path, &mut warnings) {
            Some(s) => Ok((s, warnings)),
            None => {
                if !path.exists() {
                    self.index_forget(id);
                }
                Err(StoreError::Corrupt(match warnings.pop() {
                    Some(w) => w.0.trim_start_matches("warning: ").to_string(),
                    None => format!("session {id:?} could not be read"),
                }))
            }
        }
    }

    /// Reads a session file. An empty file is a reservation still being written (skipped);
    /// anything else that is not a session is moved aside.
    pub(super) fn read(&self, path: &Path, warnings: &mut Vec<StoreWarning>) -> Option<Session> {
        let text = match read::read_capped_text(path, crate::files::limits::SESSION_BYTES) {
            Ok(text) => text,
            Err(e @ (ReadError::NotRegular { .. } | ReadError::TooBig { .. })) => {
                move_aside(path, &e.reason(), warnings);
                return None;
            }
            Err(e) => {
                warnings.push(StoreWarning(format!("warning: cannot read session file {e}")));
                return None;
            }
        };
        if text.is_empty() {
            return None;
        }
        let problem = match serde_json::from_str::<serde_json::Value>(&text) {
            Ok(v)
                if v.get("schema_version")
                    .and_then(|s| s.as_u64())
                    .is_some_and(|s| s > u64::from(SCHEMA_VERSION)) =>
            {
                warnings.push(StoreWarning(format!(
                    "{} was written by a newer qbfix; skipped",
                    read::display_path(path)
                )));
                return None;
            }
            Ok(mut v) => {
                let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
                match valid::check(&mut v, stem).map(|()| serde_json::from_value::<Session>(v)) {
                    Ok(Ok(s)) => return Some(s),
                    Ok(Err(e)) => e.to_string(),
                    Err(problem) => problem,
                }
            }
            Err(e) => e.to_string(),
        };
        move_aside(path, &problem, warnings);
        None
    }
}

/// Moves a file that is not a usable session to `<name>.corrupt-<time>`, with a warning.
fn move_aside(path: &Path, problem: &str, warnings: &mut Vec<StoreWarning>) {
    let stamp = Timestamp::now().strftime("%Y%m%d-%H%M%S").to_string();
    // Never over an earlier damaged copy moved aside in the same second.
    let aside = (0..100)
        .map(|n| match n {
            0 => PathBuf::from(format!("{}.corrupt-{stamp}", path.display())),
            n => PathBuf::from(format!("{}.corrupt-{stamp}-{n}", path.display())),
        })
        .find(|p| fs::symlink_metadata(p).is_err())
        .unwrap_or_else(|| {
            PathBuf::from(format!(
                "{}.corrupt-{stamp}-{:08x}",
                path.display(),
                fastrand::u32(..)
            ))
        });
    let shown = read::display_path(path);
    let problem = crate::text::sanitize::clean(problem);
    tracing::warn!("session file {shown} is damaged ({problem})");
    match fs::rename(path, &aside) {
        Ok(()) => warnings.push(StoreWarning(format!(
            "warning: session file {shown} is damaged ({problem}); moved it to {}",
            read::display_path(&aside)
        ))),
        Err(e) => warnings.push(StoreWarning(format!(
            "warning: session file {shown} is damaged ({problem}) and could not be moved aside: {e}"
        ))),
    }
}

#[cfg(test)]
mod tests;
