//! The commands about qbfix itself: `flow validate FILE`, `completions SHELL` and `man`.

use clap::CommandFactory;

use super::Exit;
use super::output::{OutputError, print};
use crate::cli::{Cli, FlowCommand};

/// `qbfix flow validate FILE`: "ok: N steps", or the error at its line and column.
pub fn flow(command: FlowCommand) -> anyhow::Result<Exit> {
    match command {
        FlowCommand::Validate { file } => {
            let flow = crate::flow::load_file(&file)?;
            print(&format!("ok: {} steps\n", flow.steps.len()))?;
            Ok(Exit::Ok)
        }
    }
}

/// `qbfix completions SHELL`. Made in memory first: clap_complete panics when it cannot write.
pub fn completions(shell: clap_complete::Shell) -> anyhow::Result<Exit> {
    let mut cmd = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut cmd, "qbfix", &mut script);
    print(&String::from_utf8_lossy(&script))?;
    Ok(Exit::Ok)
}

/// `qbfix man`: the manual page (roff).
pub fn man() -> anyhow::Result<Exit> {
    clap_mangen::Man::new(Cli::command())
        .render(&mut super::output::Stdout)
        .map_err(OutputError)?;
    Ok(Exit::Ok)
}
