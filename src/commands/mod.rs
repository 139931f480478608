//! The command edge: one module per subcommand, each `run(args, &Ctx) -> Result<Exit>`; the
//! work itself lives in the floors below. [`Ctx`] loads what a command needs on first use
//! (the data dir, the config, one async runtime), so `report`, `sessions`, `man` and
//! `completions` never read the config; [`Exit`] is the one table of exit codes; [`output`] is
//! the one way to standard output (a closed pipe ends quietly, a full disk is one line).

pub(crate) mod check;
pub(crate) mod import;
pub(crate) mod meta;
pub mod output;
pub(crate) mod report;
pub(crate) mod report_target;
pub(crate) mod sessions;
pub(crate) mod watch;
pub mod wizard;

use std::cell::OnceCell;
use std::path::PathBuf;
use std::sync::Arc;

use anyhow::{Context as _, bail};

use crate::cli::{Cli, Command, GlobalArgs};
use crate::config::Config;
use crate::session::SessionStore;
use crate::text::redact::Redactor;

/// How the process ends (DESIGN.md "Exit codes").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// 0: nothing wrong found, or the command succeeded.
    Ok,
    /// 1: `check` found a problem (any warn or fail), or `watch` reached its `--timeout`.
    Problem,
    /// 2: usage or configuration error (and every error a command returns).
    Usage,
    /// 128 + the signal's number: ended from outside (130: Ctrl-C).
    Signal(u8),
}

impl Exit {
    pub fn code(self) -> u8 {
        match self {
            Exit::Ok => 0,
            Exit::Problem => 1,
            Exit::Usage => 2,
            Exit::Signal(code) => code,
        }
    }

    /// `Problem` when `problem`, else `Ok`.
    pub fn problem_if(problem: bool) -> Exit {
        if problem { Exit::Problem } else { Exit::Ok }
    }
}

/// What commands share, each part made on first use.
#[derive(Debug)]
pub struct Ctx {
    global: GlobalArgs,
    config: OnceCell<Arc<Config>>,
    runtime: OnceCell<tokio::runtime::Runtime>,
}

impl Ctx {
    pub fn new(global: GlobalArgs) -> Ctx {
        Ctx {
            global,
            config: OnceCell::new(),
            runtime: OnceCell::new(),
        }
    }

    /// The data dir from `--data-dir` / `QBFIX_DATA_DIR`, else the platform's.
    pub fn data_dir(&self) -> anyhow::Result<PathBuf> {
        match &self.global.data_dir {
            Some(dir) => Ok(dir.clone()),
            None => match directories::ProjectDirs::from("", "", "qbfix") {
                Some(dirs) => Ok(dirs.data_dir().to_path_buf()),
                None => bail!("cannot find a data dir for this user: pass --data-dir DIR"),
            },
        }
    }

    /// The session store, opened for writing (created when missing).
    pub fn store(&self) -> anyhow::Result<SessionStore> {
        Ok(SessionStore::open(&self.data_dir()?)?)
    }

    /// The session store for commands that only read.
    pub fn store_read_only(&self) -> anyhow::Result<SessionStore> {
        Ok(SessionStore::open_read_only(&self.data_dir()?)?)
    }

    /// The settings in force (`--config`, else the platform's file, else the defaults).
    pub fn config(&self) -> anyhow::Result<Arc<Config>> {
        if let Some(config) = self.config.get() {
            return Ok(config.clone());
        }
        let config = Arc::new(crate::config::resolve(self.global.config.as_deref())?);
        Ok(self.config.get_or_init(|| config).clone())
    }

    /// Hides names and private addresses unless `--no-redact`.
    pub fn redactor(&self) -> Redactor {
        if self.global.no_redact {
            Redactor::none()
        } else {
            Redactor::from_system()
        }
    }

    /// The one async runtime (two workers), started on first use. It is shut down without
    /// waiting when the context drops: a name lookup stuck in the OS resolver must not hold
    /// the exit.
    pub fn runtime(&self) -> anyhow::Result<&tokio::runtime::Runtime> {
        if let Some(rt) = self.runtime.get() {
            return Ok(rt);
        }
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .context("starting the async runtime")?;
        Ok(self.runtime.get_or_init(|| rt))
    }
}

impl Drop for Ctx {
    fn drop(&mut self) {
        if let Some(rt) = self.runtime.take() {
            rt.shutdown_background();
        }
    }
}

/// Runs the command line's command (the wizard when there is none).
pub fn run(cli: Cli, ctx: &Ctx) -> anyhow::Result<Exit> {
    match cli.command {
        None => wizard::run(cli.wizard, ctx),
        Some(Command::Check(args)) => check::run(args, ctx),
        Some(Command::Report(args)) => report::run(args, ctx),
        Some(Command::Sessions) => sessions::run(ctx),
        Some(Command::Import(args)) => import::run(args, ctx),
        Some(Command::Watch(args)) => watch::run(args, ctx),
        Some(Command::Flow { command }) => meta::flow(command),
        Some(Command::Completions { shell }) => meta::completions(shell),
        Some(Command::Man) => meta::man(),
    }
}
