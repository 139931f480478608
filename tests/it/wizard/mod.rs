//! The walk through the steps, as a person meets it:
//!
//! - `plain_mode`: the line mode, answers on stdin (`walk`, `resume`, `helpdesk`, `bank`).
//! - `plain_words`: what a person reads outside `--json` — wrapped, in plain words.
//! - `tui_keys`: every key of the TUI over the real wizard, drawn on a test backend (`steps`,
//!   `screens`, `typing`, `every_key`).
//! - `tui_snapshots`: snapshots of every TUI screen at several sizes (`screens`,
//!   `checks_panel`, `fitting`).
//! - `tui_pty`: the TUI end to end in a real pseudo-terminal (`walk`, `signals`,
//!   `paste_and_copy`, `bank`).
//! - `tui_input_pty`: a burst of keys and a long paste arriving at once.
//! - `open_report_pty`: `o` on the summary opens the saved report in the browser.
//! - `helpdesk_screen`: the helpdesk header and the customer's results panel.
//! - `helpdesk_script`: the helpdesk call script panel, paged.

mod helpdesk_screen;
mod helpdesk_script;
mod open_report_pty;
mod plain_mode;
mod plain_words;
mod tui_input_pty;
mod tui_keys;
mod tui_pty;
mod tui_snapshots;
