//! Command-line definitions (clap). Names here are the stable contract of DESIGN.md.

use std::path::PathBuf;

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

/// The command line of this process; an empty `QBFIX_CONFIG` or `QBFIX_DATA_DIR` counts as
/// unset (as an empty variable does for most tools) instead of as a missing value.
pub fn parse() -> Cli {
    let mut command = Cli::command();
    for (arg, var) in [("config", "QBFIX_CONFIG"), ("data_dir", "QBFIX_DATA_DIR")] {
        if std::env::var_os(var).is_some_and(|v| v.is_empty()) {
            command = command.mut_arg(arg, |a| a.env(None));
        }
    }
    let matches = command.get_matches();
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
}

#[derive(Debug, Parser)]
#[command(
    name = "qbfix",
    version,
    about = "Troubleshoot QuickBooks Online Error 502 (Bad Gateway), step by step",
    after_help = "Run without a command to start the wizard. Exit codes: 0 ok, 1 `check` found a problem, 2 usage or configuration error."
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(flatten)]
    pub wizard: WizardArgs,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Options every command takes.
#[derive(Debug, Args, Clone)]
pub struct GlobalArgs {
    /// Settings file (TOML)
    #[arg(long, global = true, env = "QBFIX_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Where sessions are kept
    #[arg(long, global = true, env = "QBFIX_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Keep user, computer names and private addresses in reports and the log (hidden by default)
    #[arg(long, global = true)]
    pub no_redact: bool,
    /// More detail in the support log (<data-dir>/logs/qbfix.log); env QBFIX_LOG=debug does the same
    #[arg(long, short = 'v', global = true)]
    pub verbose: bool,
}

/// Options of the wizard itself.
#[derive(Debug, Args, Clone, Default)]
pub struct WizardArgs {
    /// Plain line mode: numbered prompts on stdout, answers read from stdin
    #[arg(long)]
    pub plain: bool,
    /// Resume the latest unfinished session, or the one with this id or case code
    #[arg(long, value_name = "ID|CASE", num_args = 0..=1, default_missing_value = "latest")]
    pub resume: Option<String>,
    /// Run another flow file instead of the built-in one
    #[arg(long, value_name = "FILE")]
    pub flow: Option<PathBuf>,
    /// Helpdesk mode: scripts to read aloud and a case code
    #[arg(long, visible_alias = "agent")]
    pub helpdesk: bool,
    /// Helpdesk: open the call on the customer's results — their file (- for stdin; their
    /// finished session too), a result code, or the case code or id of a session imported
    /// here; no checks run on this computer unless you press r
    #[arg(long, value_name = "FILE|CODE|CASE", requires = "helpdesk")]
    pub customer: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the automated checks without the wizard
    Check(CheckArgs),
    /// Render a session's report
    Report(ReportArgs),
    /// List saved sessions, newest first
    Sessions,
    /// Load a customer's `check --json` output, session JSON or result code as a new session
    Import(ImportArgs),
    /// Wait until QuickBooks answers normally again, then ring the bell
    Watch(WatchArgs),
    /// Work with flow files
    Flow {
        #[command(subcommand)]
        command: FlowCommand,
    },
    /// Print shell completions (bash, zsh, fish, powershell, elvish) to stdout
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff) to stdout
    Man,
}

/// `qbfix check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Print one JSON object (schema_version 1) and nothing else
    #[arg(long)]
    pub json: bool,
    /// Run only this check (repeatable): connectivity, dns, tcp, tls, http, status_page,
    /// bank, proxy, clock, browsers, firewall, system
    #[arg(long = "only", value_name = "ID")]
    pub only: Vec<String>,
}

/// `qbfix report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Session id, case code (QB-7K3M-9TQ2), or "latest"
    #[arg(default_value = "latest", value_name = "ID|CASE|latest")]
    pub id: String,
    #[arg(long, value_enum, default_value_t = ReportFormat::Md)]
    pub format: ReportFormat,
    /// Write to this file instead of stdout
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// `qbfix import`.
#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("what").required(true).args(["file", "code"]))]
pub struct ImportArgs {
    /// The file to import, or - for standard input
    #[arg(value_name = "FILE|-")]
    pub file: Option<PathBuf>,
    /// The result code the customer read out (e.g. 7K3M-9TQ2-5)
    #[arg(long, value_name = "CODE")]
    pub code: Option<String>,
}

/// `qbfix watch`.
#[derive(Debug, Args)]
pub struct WatchArgs {
    /// Seconds between polls (1 to 86400)
    #[arg(
        long,
        value_name = "SECS",
        default_value_t = 30.0,
        allow_negative_numbers = true
    )]
    pub interval: f64,
    /// Give up (exit 1) after this many seconds (at most 31536000, one year)
    #[arg(long, value_name = "SECS", allow_negative_numbers = true)]
    pub timeout: Option<f64>,
}

#[derive(Debug, Subcommand)]
pub enum FlowCommand {
    /// Check a flow file; errors carry line:column
    Validate { file: PathBuf },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Markdown, to paste into a ticket
    Md,
    /// Plain text for email, wrapped at 72 columns
    Text,
    /// The stable JSON schema (schema_version 1)
    Json,
    /// One self-contained HTML file
    Html,
}
