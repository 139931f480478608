//! The wizard command (`qbfix` with no subcommand): settings and flow, the customer's results
//! when `--helpdesk --customer` names them, the session to open (asking on a line when
//! another window has it: [`in_use`]), then the TUI or plain mode, and the line that says
//! where the session is. [`close_prompt`] keeps a double-clicked Windows console open.

pub mod close_prompt;
pub(crate) mod in_use;

use std::io::IsTerminal;
use std::path::Path;
use std::sync::Arc;

use anyhow::bail;

use super::{Ctx, Exit};
use crate::cli::WizardArgs;
use crate::driver::{Driver, StartOptions, Started, finished_line};
use crate::session::{SessionStore, StoreError};

pub fn run(args: WizardArgs, ctx: &Ctx) -> anyhow::Result<Exit> {
    let config = ctx.config()?;
    let flow = Arc::new(match &args.flow {
        Some(path) => crate::flow::load_file(path)?,
        None => crate::flow::default_flow()?,
    });
    let store = ctx.store()?;
    let mut resume = args.resume.clone();
    // Said in the call's screen (or, in plain mode, on stderr): never left below a closed TUI.
    let mut note = None;
    if let Some(what) = &args.customer {
        let (id, said) = customer_call(&store, what)?;
        resume = Some(id);
        note = said;
    }
    let options = StartOptions {
        config,
        flow,
        resume,
        helpdesk: args.helpdesk,
        redactor: Arc::new(ctx.redactor()),
    };
    let (mut driver, first) = match start(store, options, ctx)? {
        Opened::Driver(driver, first) => (*driver, first),
        Opened::Done(exit) => return Ok(exit),
    };
    for w in std::mem::take(&mut driver.warnings) {
        eprintln!("qbfix: {w}");
    }
    drive(driver, first, &args, ctx, note)
}

/// `--customer FILE|CODE|ID|CASE`: the session of the call on the customer's results, to
/// resume. A file (or `-`) that exists, or a result code, is imported as a new session — also
/// the customer's finished session: the call is a new session of the agent's carrying it. The
/// id or case code of a session imported here is that session, or, once its call is finished,
/// a new call on the same results.
/// With it, when a new session was made, the note that says so.
fn customer_call(store: &SessionStore, what: &str) -> anyhow::Result<(String, Option<String>)> {
    let now = jiff::Timestamp::now();
    let as_file = Path::new(what);
    let imported = if what == "-" || as_file.exists() {
        super::import::customer_session(Some(as_file), None)?
    } else if crate::session::case_code::parse(what).is_some() || crate::session::is_valid_id(what) {
        let (earlier, _) = store.find_session(what)?;
        if !earlier.is_finished() && earlier.customer.is_some() {
            return Ok((earlier.id, None));
        }
        match crate::session::import::call_from(&earlier, now) {
            Some(call) => call,
            None => bail!(
                "--customer {what}: session {} holds no customer's results (bring them with qbfix import)",
                earlier.id
            ),
        }
    } else if crate::evidence::result_code::decode(what).is_ok() || !what.contains(['/', '\\', '.']) {
        super::import::customer_session(None, Some(what))?
    } else {
        bail!("--customer {what}: no such file, and not a result code")
    };
    let s = crate::session::import::save_new(store, imported, now)?;
    let note = format!(
        "The customer's results are session {} (case {}); no checks run on this computer unless you press r",
        s.id,
        s.case_code.as_deref().unwrap_or("")
    );
    Ok((s.id, Some(note)))
}

/// Said on the call's screen when it opens on the customer's results just imported.
const CALL_NOTE: &str = "These are the customer's results: no checks run on this computer unless you press r";

/// What opening the session came to.
enum Opened {
    Driver(Box<Driver>, Vec<crate::wizard::Effect>),
    /// Nothing to drive: the exit the command ends with.
    Done(Exit),
}

/// Opens the session; another window's session gets the in-use question when a person is at
/// the keyboard, and a finished one is a record: say so, change nothing.
fn start(store: SessionStore, options: StartOptions, ctx: &Ctx) -> anyhow::Result<Opened> {
    let started = match Driver::start(store.clone(), options.clone()) {
        // Another window has this session: with a person at the keyboard, ask; else exit 2.
        Err(StoreError::InUse { id, pid }) if std::io::stdin().is_terminal() => {
            let message = format!("qbfix: {}", StoreError::InUse { id: id.clone(), pid });
            match in_use::ask(&message, std::io::stdin().lock(), std::io::stderr())? {
                in_use::Choice::ReadOnly => {
                    let (session, _) = store.load(&id)?;
                    let session = crate::session::redacted(&session, &ctx.redactor());
                    print!("{}", crate::report::markdown(&session, Some(&options.flow)));
                    return Ok(Opened::Done(Exit::Ok));
                }
                in_use::Choice::NewSession => Driver::start(
                    store,
                    StartOptions {
                        resume: None,
                        ..options
                    },
                )?,
                in_use::Choice::Quit => return Ok(Opened::Done(Exit::Usage)),
            }
        }
        other => other?,
    };
    Ok(match started {
        Started::Ready(driver, first) => Opened::Driver(driver, first),
        Started::Finished(session) => {
            println!("{}", finished_line(&session));
            Opened::Done(Exit::Ok)
        }
    })
}

/// Runs the TUI on a terminal that can draw one, else plain mode; then says where the
/// session is.
fn drive(
    mut driver: Driver,
    first: Vec<crate::wizard::Effect>,
    args: &WizardArgs,
    ctx: &Ctx,
    note: Option<String>,
) -> anyhow::Result<Exit> {
    let rt = ctx.runtime()?;
    let terminal = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
    // A terminal that cannot draw a full screen gets plain mode.
    let dumb = std::env::var("TERM").is_ok_and(|t| t == "dumb");
    if args.plain || !terminal || dumb {
        if let Some(note) = note {
            eprintln!("qbfix: {note}");
        }
        crate::driver::signals::exit_on_signal(rt.handle(), driver.kept());
        let stdin = std::io::stdin().lock();
        let stdout = std::io::stdout().lock();
        let echo = !std::io::stdin().is_terminal();
        crate::plain::run(driver, first, stdin, stdout, rt.handle(), echo)?;
        return Ok(Exit::Ok);
    }
    if note.is_some() {
        // The header shows the case code: the screen needs no ids.
        driver.tell(CALL_NOTE.to_string());
    }
    let exit = rt.block_on(crate::tui::run(driver, first))?;
    for w in &exit.warnings {
        eprintln!("qbfix: {w}");
    }
    let shown = exit.case_code.as_deref().unwrap_or(&exit.session_id);
    if !exit.kept {
        println!("{}", crate::driver::NOTHING_KEPT);
    } else if let (true, Some(report)) = (exit.finished, &exit.report) {
        println!(
            "Your report is saved: {}",
            crate::text::sanitize::clean(&report.display().to_string())
        );
    } else if exit.finished {
        println!("Session {shown} saved. Print the report with: qbfix report {shown}");
    } else {
        println!("{}", crate::driver::CONTINUE_LATER);
    }
    Ok(exit.signal.map_or(Exit::Ok, |s| Exit::Signal(s.exit_code())))
}
