//! Lookups in the session store: the session a key names (`latest`, an id or a case code),
//! the newest unfinished one (what `--resume` and the start-up hint need), and the case codes
//! already used. Each reads the store's listing today; this is where an index that spares
//! start-up from parsing every session file belongs.

use std::collections::HashSet;

use super::case_code;
use super::{Session, SessionStore, StoreError, StoreWarning};

impl SessionStore {
    /// The newest session (`latest`) or the one with this id.
    pub fn find(&self, id: &str) -> Result<(Session, Vec<StoreWarning>), StoreError> {
        if id != "latest" {
            return self.load(id);
        }
        let (sessions, warnings) = self.list();
        sessions
            .into_iter()
            .next()
            .map(|s| (s, warnings))
            .ok_or(StoreError::NoSessions)
    }

    /// The session named by `key`: `latest`, a session id, or a case code.
    pub fn find_session(&self, key: &str) -> Result<(Session, Vec<StoreWarning>), StoreError> {
        let Some(code) = case_code::parse(key) else {
            return self.find(key);
        };
        let (sessions, warnings) = self.list();
        // Newest first: when a code was ever imported twice, the latest copy is the one meant.
        match sessions
            .into_iter()
            .find(|s| s.case_code.as_deref() == Some(code.as_str()))
        {
            Some(s) => Ok((s, warnings)),
            None => Err(StoreError::NotFound(code)),
        }
    }

    /// The newest unfinished session, if any.
    pub fn latest_unfinished(&self) -> (Option<Session>, Vec<StoreWarning>) {
        let (sessions, warnings) = self.list();
        (sessions.into_iter().find(|s| !s.is_finished()), warnings)
    }

    /// Every case code already used here.
    pub fn case_codes(&self) -> HashSet<String> {
        self.list().0.into_iter().filter_map(|s| s.case_code).collect()
    }
}
