//! The store's index: one small file, `<data-dir>/sessions.index`, holding what start-up,
//! `sessions` and the lookups need about each saved session (id, case code, start, flow, the
//! step reached, outcome, whether anything was answered), so none of them parses every
//! session file.
//!
//! **A cache checked against the folder.** Each entry keeps the [`Stamp`] of the file it was
//! read from: its size, modification time (nanoseconds) and, on Unix, its inode number. Every
//! listing reads the folder's names and metadata (one `stat` per file, no file opened) and
//! compares: an entry whose stamp matches is trusted; a file that is new or whose stamp changed
//! is read (and moved aside if damaged, as always); an entry whose file is gone (moved aside,
//! deleted) is dropped. The store's own saves replace a file by rename, so a save always gives
//! it a new inode and time. A missing, unreadable or other-format index is rebuilt the same
//! way, reading every file once. The stamp is taken before the file is read, so a file changed
//! in between is read again next time, never trusted with old contents.
//!
//! **Written by one process at a time.** The index is written only with the one atomic writer
//! (a reader sees the old index or the new, never half), and only while holding the lock
//! `<data-dir>/.sessions.index.lock`: a listing waits for it (a few seconds at most: another
//! window may be rebuilding), a save tries briefly and otherwise leaves its entry stale (the
//! changed stamp has the next listing read that one file). Lookups are in `lookups.rs`.

mod lookups;
#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::{Outcome, Session, SessionStore, StoreWarning, valid};
use crate::evidence::VerdictId;
use crate::files::lock::{self, FileLock, LockError};
use crate::files::{read, write};

/// The index's file name, in the data dir.
pub const FILE: &str = "sessions.index";
/// The name its lock is taken under (`.sessions.index.lock`).
const LOCK: &str = "sessions.index";
/// The index file's own format.
const FORMAT: u32 = 1;
/// The longest step title kept (`sessions` shows it in a column).
const TITLE_CHARS: usize = 120;
/// How long a listing waits for another window's index work (a rebuild of 10,000 sessions).
const LIST_PATIENCE: Duration = Duration::from_secs(10);
/// How long a save waits for the index lock before leaving its entry for the next listing.
const SAVE_PATIENCE: Duration = Duration::from_millis(100);

/// What the index knows about one saved session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case_code: Option<String>,
    pub started_at: Timestamp,
    /// The flow's id.
    pub flow: String,
    /// The id of the step the session is at.
    #[serde(default)]
    pub step: Option<String>,
    /// The title of the step reached ("Summary" once finished), as `sessions` shows it.
    #[serde(default)]
    pub step_title: String,
    /// The verdict so far (the route, and so the step's number, depends on it).
    #[serde(default)]
    pub verdict: Option<VerdictId>,
    pub outcome: Outcome,
    /// Made by `import` from the customer's results.
    #[serde(default)]
    pub imported: bool,
    /// Something was answered or noted.
    #[serde(default)]
    pub has_input: bool,
    /// The file this entry was read from, as it was then.
    pub stamp: Stamp,
}

impl Entry {
    /// The entry for `session`, saved in a file stamped `stamp`.
    pub fn of(session: &Session, stamp: Stamp) -> Entry {
        let step_title = match session.current_step().and_then(|id| session.step(id)) {
            Some(r) => r.title.chars().take(TITLE_CHARS).collect(),
            None if session.is_finished() => "Summary".to_string(),
            None => String::new(),
        };
        Entry {
            id: session.id.clone(),
            case_code: session.case_code.clone(),
            started_at: session.started_at,
            flow: session.flow.clone(),
            step: session.current_step().map(str::to_string),
            step_title,
            verdict: session.verdict.as_ref().map(|v| v.id),
            outcome: session.outcome,
            imported: session.customer.is_some(),
            has_input: session.has_input(),
            stamp,
        }
    }

    pub fn is_finished(&self) -> bool {
        self.outcome != Outcome::InProgress
    }

    /// An entry read from the index file is trusted as far as a session file is: its id is
    /// a session id, its case code a case code, its texts clean.
    fn checked(mut self) -> Option<Entry> {
        if !valid::is_valid_id(&self.id) {
            return None;
        }
        self.case_code = self.case_code.filter(|c| valid::is_valid_case_code(c));
        let clean = crate::text::sanitize::clean;
        self.flow = clean(&self.flow);
        self.step = self.step.map(|s| clean(&s));
        self.step_title = clean(&self.step_title).chars().take(TITLE_CHARS).collect();
        Some(self)
    }
}

/// A file as its folder lists it: size, modification time and (Unix) inode number. Equal
/// stamps mean the file was not replaced or rewritten since.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    pub len: u64,
    /// Nanoseconds since 1970 (0 when unknown).
    pub modified_ns: u64,
    /// The inode number on Unix; 0 elsewhere.
    pub file: u64,
}

impl Stamp {
    /// The stamp of a file whose metadata could not be read: no entry ever has it.
    const UNKNOWN: Stamp = Stamp {
        len: u64::MAX,
        modified_ns: u64::MAX,
        file: u64::MAX,
    };

    pub fn of(meta: &fs::Metadata) -> Stamp {
        let modified_ns = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX));
        #[cfg(unix)]
        let file = std::os::unix::fs::MetadataExt::ino(meta);
        #[cfg(not(unix))]
        let file = 0;
        Stamp {
            len: meta.len(),
            modified_ns,
            file,
        }
    }
}

/// The index file as written.
#[derive(Debug, Serialize, Deserialize)]
struct IndexFile {
    format: u32,
    sessions: Vec<Entry>,
}

impl SessionStore {
    /// The data dir (the sessions folder's parent), where the index lives.
    fn data_dir(&self) -> &Path {
        self.dir().parent().unwrap_or(self.dir())
    }

    fn index_path(&self) -> PathBuf {
        self.data_dir().join(FILE)
    }

    /// Every saved session, newest first, as the index knows it after checking it against the
    /// folder (reading only files that are new or changed); with warnings for files moved
    /// aside or unreadable.
    pub fn list(&self) -> (Vec<Entry>, Vec<StoreWarning>) {
        let mut warnings = self.notices.clone();
        let listing = match self.listing() {
            Ok(listing) => listing,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (Vec::new(), warnings),
            Err(e) => {
                warnings.push(StoreWarning(format!(
                    "cannot list {}: {}",
                    read::display_path(self.dir()),
                    crate::files::read::io_reason(&e)
                )));
                return (Vec::new(), warnings);
            }
        };
        let held = self.lock_index(LIST_PATIENCE);
        let known = self.read_index();
        let mut changed = known.is_none();
        let mut known = known.unwrap_or_default();
        let mut entries = Vec::with_capacity(listing.len());
        for (id, path, stamp) in listing {
            match known.remove(&id) {
                Some(entry) if entry.stamp == stamp => entries.push(entry),
                _ => {
                    changed = true;
                    if let Some(s) = self.read(&path, &mut warnings) {
                        entries.push(Entry::of(&s, stamp));
                    }
                }
            }
        }
        changed |= !known.is_empty();
        if changed && held.is_some() {
            self.write_index(&entries);
        }
        entries.sort_by(|a, b| b.started_at.cmp(&a.started_at).then_with(|| b.id.cmp(&a.id)));
        (entries, warnings)
    }

    /// The session files in the folder (`*.json`, not hidden; empty regular files are
    /// reservations still being written), each with its name's stem and stamp. No file is
    /// opened.
    fn listing(&self) -> std::io::Result<Vec<(String, PathBuf, Stamp)>> {
        let mut files = Vec::new();
        for entry in fs::read_dir(self.dir())?.flatten() {
            let name = entry.file_name().to_string_lossy().to_string();
            let Some(stem) = name.strip_suffix(".json") else {
                continue;
            };
            if name.starts_with('.') {
                continue;
            }
            let path = entry.path();
            let meta = match entry.metadata() {
                Ok(m) if m.file_type().is_symlink() => fs::metadata(&path),
                other => other,
            };
            let stamp = match meta {
                // An empty file is a reservation being written: nothing to read yet.
                Ok(m) if m.is_file() && m.len() == 0 => continue,
                Ok(m) => Stamp::of(&m),
                // Read, so the reason is said (a link to nowhere, no permission).
                Err(_) => Stamp::UNKNOWN,
            };
            files.push((stem.to_string(), path, stamp));
        }
        Ok(files)
    }

    /// The index's entries by id; `None` when it is missing, unreadable or of another format.
    fn read_index(&self) -> Option<HashMap<String, Entry>> {
        let text = read::read_capped_text(&self.index_path(), crate::files::limits::INDEX_BYTES).ok()?;
        let file: IndexFile = serde_json::from_str(&text).ok()?;
        (file.format == FORMAT).then(|| {
            file.sessions
                .into_iter()
                .filter_map(Entry::checked)
                .map(|e| (e.id.clone(), e))
                .collect()
        })
    }

    /// Writes the index (the caller holds its lock). A failure only costs the next listing
    /// some reading: it is logged, not shown.
    fn write_index<'a>(&self, entries: impl IntoIterator<Item = &'a Entry>) {
        let file = IndexFile {
            format: FORMAT,
            sessions: entries.into_iter().cloned().collect(),
        };
        let written = serde_json::to_vec(&file)
            .map_err(std::io::Error::other)
            .and_then(|bytes| {
                write::write_atomic(&self.index_path(), &bytes, write::Mode::Private).map_err(|e| e.into_io())
            });
        if let Err(e) = written {
            tracing::debug!("session index not written: {}", crate::files::read::io_reason(&e));
        }
    }

    /// The index's lock, waiting up to `patience` for another window; `None` when it could
    /// not be had (then nothing is written).
    fn lock_index(&self, patience: Duration) -> Option<FileLock> {
        let deadline = Instant::now() + patience;
        loop {
            match lock::try_lock(self.data_dir(), LOCK) {
                Ok(held) => return Some(held),
                Err(LockError::Held { .. }) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(5));
                }
                Err(_) => return None,
            }
        }
    }

    /// After a save: the session's entry, stamped with its new file (skipped when another
    /// window holds the index or it is missing: the next listing reads that file).
    pub(super) fn index_saved(&self, session: &Session, path: &Path) {
        let Ok(meta) = fs::metadata(path) else {
            return;
        };
        let Some(_held) = self.lock_index(SAVE_PATIENCE) else {
            return;
        };
        let Some(mut known) = self.read_index() else {
            return;
        };
        known.insert(session.id.clone(), Entry::of(session, Stamp::of(&meta)));
        self.write_index(known.values());
    }

    /// A session moved aside leaves the index at once (a listing would drop it anyway).
    pub(super) fn index_forget(&self, id: &str) {
        let Some(_held) = self.lock_index(SAVE_PATIENCE) else {
            return;
        };
        let Some(mut known) = self.read_index() else {
            return;
        };
        if known.remove(id).is_some() {
            self.write_index(known.values());
        }
    }
}
