//! The `qbfix` binary: parses the command line, runs the command ([`qbfix::commands::run`]) and
//! maps every error to one line on stderr and exit code 2 — the one place that does (output
//! that cannot be written too: [`qbfix::commands::output`]).

use std::process::ExitCode;

use qbfix::commands::output::say;
use qbfix::commands::wizard::close_prompt;
use qbfix::commands::{self, Ctx, Exit};
use qbfix::text::{one_line::one_line, redact::Redactor, sanitize};

fn main() -> ExitCode {
    let cli = qbfix::cli::parse();
    let wizard = cli.command.is_none();
    let ctx = Ctx::new(cli.global.clone());
    start_log(&ctx, cli.global.verbose);
    let exit = commands::run(cli, &ctx).unwrap_or_else(|e| {
        let message = one_line(e.chain());
        tracing::error!("{message}");
        say(&format!("qbfix: {message}"));
        Exit::Usage
    });
    // Nothing waits on a name lookup stuck in the OS resolver.
    drop(ctx);
    tracing::info!(code = exit.code(), "qbfix ended");
    // Double-clicked on Windows: keep the window (and the result) until the person is done.
    if wizard && close_prompt::should_hold(&close_prompt::current_launch()) {
        let _ = close_prompt::hold(std::io::stdout().lock(), std::io::stdin().lock());
    }
    ExitCode::from(exit.code())
}

/// The support log in the data dir (see [`qbfix::logging`]); never on the terminal.
fn start_log(ctx: &Ctx, verbose: bool) {
    let env = std::env::var("QBFIX_LOG").ok();
    let level = qbfix::logging::level(verbose, env.as_deref()).unwrap_or_else(|problem| {
        say(&format!("qbfix: {}; logging at info", sanitize::clean(&problem)));
        tracing::level_filters::LevelFilter::INFO
    });
    let Ok(dir) = ctx.data_dir() else {
        return;
    };
    qbfix::logging::init(&dir, level, Redactor::from_system());
    let args: Vec<String> = std::env::args_os()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    tracing::info!(
        version = env!("CARGO_PKG_VERSION"),
        os = std::env::consts::OS,
        "qbfix started: {}",
        args.join(" ")
    );
}
