//! `qbfix import FILE|-` and `qbfix import --code CODE`: the customer's results become a new
//! local session (the conversion is [`crate::session::import`]'s); prints its id, case code
//! and the command that opens the call. Also reads what `--helpdesk --customer` names.

use std::io::Read;
use std::path::Path;

use anyhow::bail;

use super::output::{print, say};
use super::{Ctx, Exit};
use crate::cli::ImportArgs;
use crate::files::limits::IMPORT_BYTES;
use crate::session::Session;
use crate::session::import::{self, ImportError};

pub fn run(args: ImportArgs, ctx: &Ctx) -> anyhow::Result<Exit> {
    let session = customer_session(args.file.as_deref(), args.code.as_deref())?;
    let store = ctx.store()?;
    let s = import::save_new(&store, session, jiff::Timestamp::now())?;
    let case = s.case_code.clone().unwrap_or_default();
    print(&format!(
        "Imported as session {} (case {case}).\nOpen the call with: qbfix --helpdesk --customer {case}\n",
        s.id
    ))?;
    Ok(Exit::Ok)
}

/// The customer's results as a new (unsaved) session, from a file (`-`: stdin) or a code.
pub fn customer_session(file: Option<&Path>, code: Option<&str>) -> anyhow::Result<Session> {
    let now = jiff::Timestamp::now();
    Ok(match (file, code) {
        (Some(path), _) => {
            let (name, bytes) = read_capped(path)?;
            let (session, cut) = import::session_from_json(&name, &bytes, now)?;
            if cut > 0 {
                say(&format!(
                    "qbfix: {}",
                    crate::files::limits::import_cut(&name, cut)
                ));
            }
            session
        }
        (None, Some(code)) => import::session_from_code(code, now)?,
        (None, None) => bail!("import needs a file (or -) or --code CODE"),
    })
}

/// Reads `path` (`-` is stdin), refusing anything but a regular file of at most 5 MB.
fn read_capped(path: &Path) -> Result<(String, Vec<u8>), ImportError> {
    if path.as_os_str() != "-" {
        let bytes = crate::files::read::read_capped(path, IMPORT_BYTES).map_err(ImportError::File)?;
        return Ok((crate::files::read::display_path(path), bytes));
    }
    let name = "standard input".to_string();
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(IMPORT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|error| ImportError::Read {
            name: name.clone(),
            error,
        })?;
    if bytes.len() as u64 > IMPORT_BYTES {
        return Err(ImportError::TooBig(name));
    }
    Ok((name, bytes))
}
