//! qbfix: a terminal wizard that troubleshoots QuickBooks Online Error 502 (Bad Gateway).
//!
//! `flow`, `wizard`, `checks`, `session` and `report` know nothing of terminals; `tui` and
//! `plain` are thin drivers of the same wizard.
#![forbid(unsafe_code)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod checks;
pub mod cli;
pub mod commands;
pub mod config;
pub mod driver;
pub mod evidence;
pub mod files;
pub mod flow;
pub mod logging;
pub mod plain;
pub mod probe;
pub mod report;
pub mod session;
pub mod text;
pub mod tui;
pub mod wizard;
