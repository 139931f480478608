//! What qbfix reads and writes on disk, through the real binary and the library:
//!
//! - `report_snapshots`: every report format of one fixed session, as snapshots.
//! - `report_words`: what a person reads in every format: jumps, step numbers, imported
//!   results, the system line, timings, Markdown lists.
//! - `saved_reports`: the reports the summary saves in the documents folder.
//! - `planted_sessions`: session files planted in the data dir are trusted only as what their
//!   name says.
//! - `hostile_files`: devices, FIFOs and links where a config, CA, flow or session file should be.
//! - `data_dir_and_log`: a read-only or blocked data dir, its permissions, and the support log.
//! - `loads_back`: any session the wizard or `import` writes loads back (properties).
//! - `limits`: the one table of limits: a 300 MB line in plain mode, an over-long imported text.
//! - `input_props`: any bytes as a config, flow or session file; the sanitizer; the redactor.
//! - `session_index`: start-up and `sessions` read the store's index, never every session file.

mod data_dir_and_log;
mod hostile_files;
mod input_props;
mod limits;
mod loads_back;
mod planted_sessions;
mod report_snapshots;
mod report_words;
mod saved_reports;
mod session_index;
