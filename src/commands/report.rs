//! `qbfix report [ID|CASE|latest] [--format …] [-o FILE]`: one session's report, redacted,
//! on stdout or written atomically to a file — where [`super::report_target`] allows.

use super::output::{print, say};
use super::report_target::{self, Target};
use super::{Ctx, Exit};
use crate::cli::{ReportArgs, ReportFormat};
use crate::files::read::display_path;
use crate::files::write::{Mode, write_atomic};

pub fn run(args: ReportArgs, ctx: &Ctx) -> anyhow::Result<Exit> {
    // Refused before anything is read (a damaged session would be moved aside) or written.
    let target = match &args.output {
        Some(path) => report_target::resolve(path, &ctx.data_dir()?)?,
        None => Target::Stdout,
    };
    let store = ctx.store_read_only()?;
    let (session, warnings) = store.find_session(&args.id)?;
    warnings.iter().for_each(|w| say(&format!("qbfix: {w}")));
    let session = crate::session::redacted(&session, &ctx.redactor());
    let flow = crate::flow::default_flow()?;
    let text = match args.format {
        ReportFormat::Md => crate::report::markdown(&session, Some(&flow)),
        ReportFormat::Text => crate::report::text(&session, Some(&flow)),
        ReportFormat::Json => crate::report::json(&session)?,
        ReportFormat::Html => crate::report::html(&session, Some(&flow)),
    };
    match target {
        Target::File(path) => {
            write_atomic(&path, text.as_bytes(), Mode::Public)?;
            say(&format!("Report written to {}", display_path(&path)));
        }
        Target::Stdout => print(&text)?,
    }
    Ok(Exit::Ok)
}
