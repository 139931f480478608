//! The `qbfix` binary: parses arguments, picks the mode, runs it, and maps every error to a
//! one-line message and exit code 2.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{Context as _, bail};
use clap::CommandFactory;

use qbfix::cli::{Cli, Command, FlowCommand, GlobalArgs, ReportFormat, WizardArgs};
use qbfix::driver::{Driver, StartOptions, Started, finished_line};
use qbfix::files::write;
use qbfix::session::{SessionStore, StoreError};
use qbfix::session::{case_code, import};
use qbfix::text::{one_line, redact};
use qbfix::{check_cmd, close_prompt, config, flow, in_use, logging, plain, report, tui, watch};

fn main() -> ExitCode {
    let cli = qbfix::cli::parse();
    start_log(&cli.global);
    let wizard = cli.command.is_none();
    let code = match run(cli) {
        Ok(code) => code,
        Err(e) => {
            let message = one_line::one_line(e.chain());
            tracing::error!("{message}");
            eprintln!("qbfix: {message}");
            2
        }
    };
    tracing::info!(code, "qbfix ended");
    // Double-clicked on Windows: keep the window (and the result) until the person is done.
    if wizard && close_prompt::should_hold(&close_prompt::current_facts()) {
        let _ = close_prompt::hold(std::io::stdout().lock(), std::io::stdin().lock());
    }
    ExitCode::from(code)
}

/// The support log in the data dir (see [`qbfix::logging`]); never on the terminal.
fn start_log(global: &GlobalArgs) {
    let env = std::env::var("QBFIX_LOG").ok();
    let level = logging::level(global.verbose, env.as_deref()).unwrap_or_else(|problem| {
        eprintln!(
            "qbfix: {}; logging at info",
            qbfix::text::sanitize::clean(&problem)
        );
        tracing::level_filters::LevelFilter::INFO
    });
    let Ok(dir) = data_dir(global) else {
        return;
    };
    logging::init(&dir, level, redact::Redactor::from_system());
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
        Some(Command::Sessions) => {
            let store = SessionStore::open_read_only(&data_dir(&cli.global)?)?;
            let (sessions, warnings) = store.list();
            warnings.iter().for_each(|w| eprintln!("qbfix: {w}"));
            print!("{}", report::sessions_table(&sessions));
            Ok(0)
        }
        Some(Command::Report { id, format, output }) => {
            let store = SessionStore::open_read_only(&data_dir(&cli.global)?)?;
            let (session, warnings) = case_code::find_session(&store, &id)?;
            warnings.iter().for_each(|w| eprintln!("qbfix: {w}"));
            let session = qbfix::session::redacted(&session, &redactor(&cli.global));
            let flow = flow::default_flow()?;
            let text = match format {
                ReportFormat::Md => report::markdown(&session, Some(&flow)),
                ReportFormat::Text => report::text(&session, Some(&flow)),
                ReportFormat::Json => report::json(&session)?,
                ReportFormat::Html => report::html(&session, Some(&flow)),
            };
            match output {
                Some(path) => {
                    write::write_atomic(&path, text.as_bytes(), write::Mode::Public)?;
                    eprintln!("Report written to {}", path.display());
                }
                None => print!("{text}"),
            }
            Ok(0)
        }
        Some(Command::Import { file, code }) => {
            let session = imported(file.as_deref(), code.as_deref())?;
            let store = open_store(&cli.global)?;
            let s = import::save_new(&store, session, jiff::Timestamp::now())?;
            let case = s.case_code.clone().unwrap_or_default();
            println!("Imported as session {} (case {case}).", s.id);
            println!("Open the call with: qbfix --helpdesk --resume {case}");
            Ok(0)
        }
        Some(Command::Watch { interval, timeout }) => {
            let options = watch::Options::new(interval, timeout)?;
            let config = Arc::new(config::resolve(cli.global.config.as_deref())?);
            let rt = runtime()?;
            let code = rt.block_on(watch::run(config, options));
            rt.shutdown_background();
            code.context("writing the status line")
        }
        Some(Command::Completions { shell }) => {
            let mut cmd = Cli::command();
            clap_complete::generate(shell, &mut cmd, "qbfix", &mut std::io::stdout());
            Ok(0)
        }
        Some(Command::Man) => {
            clap_mangen::Man::new(Cli::command())
                .render(&mut std::io::stdout())
                .context("writing the man page")?;
            Ok(0)
        }
        None => wizard(&cli.global, cli.wizard),
    }
}

fn wizard(global: &GlobalArgs, args: WizardArgs) -> anyhow::Result<u8> {
    let config = Arc::new(config::resolve(global.config.as_deref())?);
    let flow = Arc::new(match &args.flow {
        Some(path) => flow::load_file(path)?,
        None => flow::default_flow()?,
    });
    let mut resume = args.resume;
    let customer = match &args.customer {
        Some(what) => {
            let as_file = std::path::Path::new(what);
            let session = if what == "-" || as_file.exists() {
                imported(Some(as_file), None)?
            } else if qbfix::evidence::result_code::decode(what).is_ok() || !what.contains(['/', '\\', '.']) {
                imported(None, Some(what))?
            } else {
                bail!("--customer {what}: no such file, and not a result code");
            };
            Some(session)
        }
        None => None,
    };
    let store = open_store(global)?;
    if let Some(session) = customer {
        let s = import::save_new(&store, session, jiff::Timestamp::now())?;
        eprintln!(
            "qbfix: the customer's results are session {} (case {}); no checks run on this computer unless you press r",
            s.id,
            s.case_code.as_deref().unwrap_or("")
        );
        resume = Some(s.id);
    }
    let options = StartOptions {
        config,
        flow,
        resume,
        helpdesk: args.helpdesk,
        redactor: Arc::new(redactor(global)),
    };
    let started = match Driver::start(store.clone(), options.clone()) {
        // Another window has this session: with a person at the keyboard, ask; else exit 2.
        Err(StoreError::InUse { id, pid }) if std::io::stdin().is_terminal() => {
            let message = format!("qbfix: {}", StoreError::InUse { id: id.clone(), pid });
            match in_use::ask(&message, std::io::stdin().lock(), std::io::stderr())? {
                in_use::Choice::ReadOnly => {
                    let (session, _) = store.load(&id)?;
                    let session = qbfix::session::redacted(&session, &redactor(global));
                    print!("{}", report::markdown(&session, Some(&options.flow)));
                    return Ok(0);
                }
                in_use::Choice::NewSession => Driver::start(
                    store,
                    StartOptions {
                        resume: None,
                        ..options
                    },
                )?,
                in_use::Choice::Quit => return Ok(2),
            }
        }
        other => other?,
    };
    let (driver, first) = match started {
        Started::Ready(driver, first) => (*driver, first),
        Started::Finished(session) => {
            // A finished session is a record: say so, change nothing.
            println!("{}", finished_line(&session));
            return Ok(0);
        }
    };
    for w in &driver.warnings {
        eprintln!("qbfix: {w}");
    }
    let rt = runtime()?;
    let terminal = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
    // A terminal that cannot draw a full screen gets plain mode.
    let dumb = std::env::var("TERM").is_ok_and(|t| t == "dumb");
    if args.plain || !terminal || dumb {
        qbfix::signals::exit_on_signal(rt.handle(), driver.wizard.session().id.clone());
        let stdin = std::io::stdin().lock();
        let stdout = std::io::stdout().lock();
        let echo = !std::io::stdin().is_terminal();
        let done = plain::run(driver, first, stdin, stdout, rt.handle(), echo);
        // A name lookup stuck in the OS resolver must not hold the exit.
        rt.shutdown_background();
        done?;
        return Ok(0);
    }
    let exit = rt.block_on(tui::run(driver, first));
    rt.shutdown_background();
    let exit = exit?;
    if exit.finished {
        println!(
            "Session {}{case} saved. Print the report with: qbfix report {}",
            exit.session_id,
            exit.case_code.as_deref().unwrap_or(&exit.session_id),
            case = exit
                .case_code
                .as_deref()
                .map(|c| format!(" (case {c})"))
                .unwrap_or_default(),
        );
    } else {
        println!(
            "Session saved. Resume with: qbfix --resume {}",
            exit.case_code.as_deref().unwrap_or(&exit.session_id)
        );
    }
    Ok(exit.signal.map_or(0, |s| s.exit_code()))
}

/// The customer's results as a new (unsaved) session, from a file (`-`: stdin) or a code.
fn imported(file: Option<&std::path::Path>, code: Option<&str>) -> anyhow::Result<qbfix::session::Session> {
    let now = jiff::Timestamp::now();
    Ok(match (file, code) {
        (Some(path), _) => {
            let (name, bytes) = import::read_capped(path)?;
            import::session_from_json(&name, &bytes, now)?
        }
        (None, Some(code)) => import::session_from_code(code, now)?,
        (None, None) => bail!("import needs a file (or -) or --code CODE"),
    })
}

/// Hides names and private addresses unless `--no-redact`.
fn redactor(global: &GlobalArgs) -> redact::Redactor {
    if global.no_redact {
        redact::Redactor::none()
    } else {
        redact::Redactor::from_system()
    }
}

/// The data dir from `--data-dir` / `QBFIX_DATA_DIR`, else the platform's.
fn data_dir(global: &GlobalArgs) -> anyhow::Result<PathBuf> {
    match &global.data_dir {
        Some(dir) => Ok(dir.clone()),
        None => default_data_dir(),
    }
}

fn open_store(global: &GlobalArgs) -> anyhow::Result<SessionStore> {
    Ok(SessionStore::open(&data_dir(global)?)?)
}

fn default_data_dir() -> anyhow::Result<PathBuf> {
    match directories::ProjectDirs::from("", "", "qbfix") {
        Some(dirs) => Ok(dirs.data_dir().to_path_buf()),
        None => bail!("cannot find a data dir for this user: pass --data-dir DIR"),
    }
}

fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .context("starting the async runtime")
}
