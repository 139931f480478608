//! The customer's results on the agent's side, through the real binary: `import` of a real
//! `check --json` taken during an outage, of a session JSON and of a result code; every bad
//! import refused with exit 2 and nothing written; `--helpdesk --customer` sending no request
//! from the agent's computer; and `watch` against a server that recovers, or never does.
//!
//! By subject (the agent's `qbfix`, an outage and a listing of what was written are here):
//!
//! - `import`: `import` of a check file, a session file and a result code; bad imports;
//!   arbitrary bytes and JSON never panic.
//! - `customer`: `--helpdesk --customer` runs no check on the agent's computer and says whose
//!   results these are.
//! - `origin`: `r` in a call runs the agent's own checks and keeps them apart, labelled, never
//!   in place of the customer's results, verdict or result code.
//! - `call`: the customer's finished session (the file their summary saved) opens a call as a
//!   new session of the agent's; `import` prints the `--customer` command that opens it.
//! - `watch`: `watch` until QuickBooks recovers, or until it gives up.

mod call;
mod customer;
mod import;
mod origin;
mod watch;

use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;

use crate::support::{Reply, Setup, World, clean_env};

const MAJOR_OUTAGE: &str = include_str!("../../../data/status/major_outage.json");

/// `qbfix` with this config and data dir, and a clean environment.
fn qbfix(world: &World, config: &Path) -> Command {
    let mut cmd = Command::cargo_bin("qbfix").unwrap();
    clean_env(&mut cmd);
    cmd.arg("--config")
        .arg(config)
        .arg("--data-dir")
        .arg(data_dir(world))
        // A home of the test's own: reports saved at a summary never land in the real one.
        .env("HOME", world.dir.path().join("agent-home"))
        .env_remove("XDG_CONFIG_HOME")
        .env("NO_COLOR", "1")
        .timeout(Duration::from_secs(60));
    cmd
}

fn data_dir(world: &World) -> PathBuf {
    world.dir.path().join("agent-data")
}

/// An outage: QuickBooks answers 502 and the status page reports a major incident.
fn outage(world: &World) -> Setup {
    Setup {
        quickbooks: vec![world.http(Reply::status(502))],
        status_page: world.http(Reply::json(MAJOR_OUTAGE)),
        ..world.healthy()
    }
}

fn stdout(out: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&out.get_output().stdout).to_string()
}

/// Every file under `dir` (recursively), for "nothing written" assertions.
fn listing(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            out.push(e.path().display().to_string());
            out.extend(listing(&e.path()));
        }
    }
    out.sort();
    out
}
