//! The non-interactive commands through the real binary: `sessions`, `report`, `flow
//! validate`, and how bad config, flags and data dirs are reported.
//!
//! By subject (a finished session to report on is made here):
//!
//! - `sessions`: the `sessions` list, case codes, a corrupt session moved aside.
//! - `report`: `report` in JSON, Markdown, HTML and text, written with `-o`, or refused.
//! - `report_target`: where `report -o` may write: never a device, FIFO, socket, folder or the
//!   data dir; a link to a regular file is followed; `-o -` is stdout.
//! - `config_and_flags`: bad or missing config, an unusable data dir, bad flags, and config
//!   and data dirs from the environment or the platform.
//! - `generate`: shell completions, the man page and `flow validate`.

mod config_and_flags;
mod generate;
mod report;
mod report_target;
mod sessions;

use crate::support::Env;

fn finished_session(env: &Env) -> String {
    env.cmd()
        .arg("--plain")
        // Healthy checks: the browser steps come first, then connection, then server status.
        .write_stdin("1\nn Wi-Fi <b>router</b> \u{1b}[31mred\u{202e}\n2\n2\n1\n")
        .assert()
        .success();
    env.sessions()[0]["id"].as_str().unwrap().to_string()
}
