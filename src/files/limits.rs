//! The one table of limits: how much qbfix reads from each kind of file it is pointed at, and
//! how large the files it writes may grow. Every reader and writer takes its number from here,
//! so a limit is stated once.

/// A settings file (`config.toml`).
pub const CONFIG_BYTES: u64 = 1024 * 1024;
/// A flow file (a 30,000-step flow is about 6 MB).
pub const FLOW_BYTES: u64 = 32 * 1024 * 1024;
/// A PEM file of extra trusted roots.
pub const CA_BYTES: u64 = 4 * 1024 * 1024;
/// One session file.
pub const SESSION_BYTES: u64 = 16 * 1024 * 1024;
/// The store's index of sessions (about 300 bytes a session: 200,000 of them).
pub const INDEX_BYTES: u64 = 64 * 1024 * 1024;
/// A file given to `qbfix import` (DESIGN: "a file over 5 MB" is refused).
pub const IMPORT_BYTES: u64 = 5 * 1024 * 1024;
/// One text (a note, a summary, any string) inside a session file.
pub const SESSION_TEXT_BYTES: usize = 64 * 1024;
/// The support log, before it is rotated.
pub const LOG_BYTES: u64 = 1024 * 1024;
/// Rotated logs kept beside the current one.
pub const LOG_KEEP: usize = 2;
/// A lock file's content (the holder's process id).
pub const LOCK_BYTES: u64 = 64;
