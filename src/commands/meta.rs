//! The commands about qbfix itself: `flow validate FILE`, `completions SHELL` and `man`.

use anyhow::Context as _;
use clap::CommandFactory;

use super::Exit;
use crate::cli::{Cli, FlowCommand};

/// `qbfix flow validate FILE`: "ok: N steps", or the error at its line and column.
pub fn flow(command: FlowCommand) -> anyhow::Result<Exit> {
    match command {
        FlowCommand::Validate { file } => {
            let flow = crate::flow::load_file(&file)?;
            println!("ok: {} steps", flow.steps.len());
            Ok(Exit::Ok)
        }
    }
}

/// `qbfix completions SHELL`.
pub fn completions(shell: clap_complete::Shell) -> anyhow::Result<Exit> {
    let mut cmd = Cli::command();
    clap_complete::generate(shell, &mut cmd, "qbfix", &mut std::io::stdout());
    Ok(Exit::Ok)
}

/// `qbfix man`: the manual page (roff).
pub fn man() -> anyhow::Result<Exit> {
    clap_mangen::Man::new(Cli::command())
        .render(&mut std::io::stdout())
        .context("writing the man page")?;
    Ok(Exit::Ok)
}
