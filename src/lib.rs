//! qbfix: a terminal wizard that troubleshoots QuickBooks Online Error 502 (Bad Gateway).
//!
//! The map, one line per module, by floor from the top. Arrows point down only; the two towers
//! never import each other; `ratatui`/`crossterm` live only in the drivers and the edge
//! (`tests/it/architecture` enforces all three).
//!
//! **Edge** — the command line and the process:
//! - [`cli`]: clap definitions, the stable names of DESIGN.md
//! - [`commands`]: one module per subcommand, `run(args, &Ctx) -> Result<Exit>`
//! - [`logging`]: the support log in the data dir, never on the terminal
//!
//! **Drivers** — run the wizard for a person:
//! - [`tui`]: the full-screen wizard (ratatui + crossterm)
//! - [`plain`]: plain line mode (pipes, screen readers, `--plain`)
//! - [`driver`]: what both share: start or resume, carry out effects, save, saved reports
//!
//! **Domain tower** — pure, no network, no terminal:
//! - [`wizard`]: the state machine, `update(Msg) -> Vec<Effect>`
//! - [`flow`]: the troubleshooting flow as data, loaded and validated
//! - [`session`]: what a run recorded, the store on disk and its index, case codes, imports
//! - [`report`]: one report model rendered as Markdown, text, JSON and HTML
//!
//! **Measuring tower** — the only network and operating-system readers:
//! - [`checks`]: the registry, the runner and the judges of each check
//! - [`probe`]: one layered probe per target on the browser's path
//! - [`machine`]: this computer: child processes, the registry, the OS proxy settings
//!
//! **Core** — used by every floor:
//! - [`evidence`]: results, facts, the check catalog, the verdict and its words
//! - [`config`]: the settings file and its defaults
//! - [`text`]: sanitize, wrap, redact, one-line errors
//! - [`files`]: capped reads, the one atomic writer, private files, locks, limits
#![forbid(unsafe_code)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

// Edge.
pub mod cli;
pub mod commands;
pub mod logging;

// Drivers.
pub mod driver;
pub mod plain;
pub mod tui;

// Domain tower.
pub mod flow;
pub mod report;
pub mod session;
pub mod wizard;

// Measuring tower.
pub mod checks;
pub mod machine;
pub mod probe;

// Core.
pub mod config;
pub mod evidence;
pub mod files;
pub mod text;
