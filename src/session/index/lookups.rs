//! Lookups through the index: the session a key names (`latest`, an id or a case code), the
//! newest unfinished session with answers (what `--resume` takes and step 1 offers), and the
//! case codes already used. Each lists the index (checked against the folder) and reads at
//! most the one session it returns.

use std::collections::HashSet;

use super::Entry;
use crate::session::case_code;
use crate::session::{Session, SessionStore, StoreError, StoreWarning};

impl SessionStore {
    /// The newest session (`latest`) or the one with this id.
    pub fn find(&self, id: &str) -> Result<(Session, Vec<StoreWarning>), StoreError> {
        if id != "latest" {
            return self.load(id);
        }
        let (entries, warnings) = self.list();
        let newest = entries.first().ok_or(StoreError::NoSessions)?;
        with_warnings(self.load(&newest.id), warnings)
    }

    /// The session named by `key`: `latest`, a session id, or a case code.
    pub fn find_session(&self, key: &str) -> Result<(Session, Vec<StoreWarning>), StoreError> {
        let Some(code) = case_code::parse(key) else {
            return self.find(key);
        };
        let (entries, warnings) = self.list();
        // Newest first: when a code was ever imported twice, the latest copy is the one meant.
        match entries
            .iter()
            .find(|e| e.case_code.as_deref() == Some(code.as_str()))
        {
            Some(e) => with_warnings(self.load(&e.id), warnings),
            None => Err(StoreError::NotFound(code)),
        }
    }

    /// The newest unfinished session that has answers (or notes), if any: one opened and left
    /// without a word is not worth going back to.
    pub fn latest_unfinished(&self) -> (Option<Entry>, Vec<StoreWarning>) {
        let (entries, warnings) = self.list();
        let found = entries.into_iter().find(|e| !e.is_finished() && e.has_input);
        (found, warnings)
    }

    /// Every case code already used here.
    pub fn case_codes(&self) -> HashSet<String> {
        self.list().0.into_iter().filter_map(|e| e.case_code).collect()
    }
}

/// `loaded` with the listing's warnings said first.
fn with_warnings(
    loaded: Result<(Session, Vec<StoreWarning>), StoreError>,
    mut warnings: Vec<StoreWarning>,
) -> Result<(Session, Vec<StoreWarning>), StoreError> {
    let (session, more) = loaded?;
    warnings.extend(more);
    Ok((session, warnings))
}
