//! The `qbfix` binary: parses arguments, picks the mode, runs it, and maps every error to a
//! one-line message and exit code 2.

use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context as _;
use clap::Parser;

use qbfix::cli::{Cli, Command, FlowCommand};
use qbfix::{check_cmd, config, flow};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("qbfix: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<u8> {
    match cli.command {
        Some(Command::Flow {
            command: FlowCommand::Validate { file },
        }) => {
            let flow = flow::load_file(&file)?;
            println!("ok: {} steps", flow.steps.len());
            Ok(0)
        }
        Some(Command::Check { json, only }) => {
            check_cmd::validate_only(&only)?;
            let config = Arc::new(config::resolve(cli.global.config.as_deref())?);
            let rt = runtime()?;
            let code = rt.block_on(check_cmd::run(config, json, &only));
            // A name lookup stuck in the OS resolver must not hold the exit.
            rt.shutdown_background();
            code.context("writing the results")
        }
        Some(Command::Report { .. }) | Some(Command::Sessions) | None => {
            anyhow::bail!("not implemented yet")
        }
    }
}

fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .context("starting the async runtime")
}
