//! qbfix: a terminal wizard that troubleshoots QuickBooks Online Error 502 (Bad Gateway).
//!
//! `flow`, `wizard`, `checks`, `session` and `report` know nothing of terminals; `tui` and
//! `plain` are thin drivers of the same wizard.
#![forbid(unsafe_code)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod check_cmd;
pub mod checks;
pub mod cli;
pub mod close_prompt;
pub mod config;
pub mod driver;
pub mod evidence;
pub mod files;
pub mod flow;
pub mod in_use;
pub mod logging;
pub mod machine;
pub mod plain;
pub mod probe;
pub mod report;
pub mod report_files;
pub mod session;
pub mod signals;
pub mod text;
pub mod tui;
pub mod watch;
pub mod wizard;
