//! `qbfix sessions`: the saved sessions, newest first, from the store's index (warnings about
//! damaged files on stderr).

use super::output::{print, say};
use super::{Ctx, Exit};

pub fn run(ctx: &Ctx) -> anyhow::Result<Exit> {
    let store = ctx.store_read_only()?;
    let (entries, warnings) = store.list();
    warnings.iter().for_each(|w| say(&format!("qbfix: {w}")));
    print(&crate::report::sessions_table(&entries))?;
    Ok(Exit::Ok)
}
