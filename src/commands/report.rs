//! `qbfix report [ID|CASE|latest] [--format …] [-o FILE]`: one session's report, redacted,
//! on stdout or written atomically to a file.

use super::output::{print, say};
use super::{Ctx, Exit};
use crate::cli::{ReportArgs, ReportFormat};
use crate::files::write::{Mode, write_atomic};

pub fn run(args: ReportArgs, ctx: &Ctx) -> anyhow::Result<Exit> {
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
    match args.output {
        Some(path) => {
            write_atomic(&path, text.as_bytes(), Mode::Public)?;
            say(&format!("Report written to {}", path.display()));
        }
        None => print(&text)?,
    }
    Ok(Exit::Ok)
}
