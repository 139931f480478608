//! The commands as run from a shell, through the real binary:
//!
//! - `check`: the `check` command line — `--only`, exit codes, the table and the JSON.
//! - `check_pty`: `check` on a real terminal: "Checking…" at once, then what it waits on.
//! - `commands`: `sessions`, `report`, `completions`, `man`, `flow validate`, and bad config,
//!   flags and data dirs (`sessions`, `report`, `config_and_flags`, `generate`).
//! - `helpdesk_import`: the customer's results on the agent's side — `import`,
//!   `--helpdesk --customer` and `watch` (`import`, `customer`, `watch`).
//! - `watch_pty`: `watch` on a real terminal: the live line, the bell, Ctrl-C.
//! - `output_errors`: output that cannot be written (a closed pipe, a full disk), per command.
//! - `privacy`: reports hide names, homes, hosts and private addresses unless `--no-redact`.
//! - `url_passwords`: passwords in configured URLs never reach anything qbfix writes.
//! - `two_windows`: two `qbfix` processes on one session.

mod check;
mod check_pty;
mod commands;
mod helpdesk_import;
mod output_errors;
mod privacy;
mod two_windows;
mod url_passwords;
mod watch_pty;
