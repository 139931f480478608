//! Reports where a person finds them: at the summary the wizard writes `<case code>.html` and
//! `.json` (the session id when there is no case code) to `Documents/qbfix`, or to the data dir
//! when this user has no documents folder (or it cannot be written), and can open the HTML in
//! the default browser. `BROWSER`, when set, names the program that opens it (tests set a
//! stand-in that records the call).

use std::path::{Path, PathBuf};

use crate::flow::Flow;
use crate::report;
use crate::session::Session;

/// Where the two reports of one session were written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedReports {
    pub html: PathBuf,
    pub json: PathBuf,
}

/// The user's documents folder (`XDG_DOCUMENTS_DIR` on Linux, Documents on Windows and macOS).
pub fn documents_dir() -> Option<PathBuf> {
    directories::UserDirs::new().and_then(|u| u.document_dir().map(Path::to_path_buf))
}

/// The folders to try, in order: `<documents>/qbfix`, then the data dir.
pub fn folders(documents: Option<&Path>, data_dir: &Path) -> Vec<PathBuf> {
    documents
        .map(|d| d.join("qbfix"))
        .into_iter()
        .chain([data_dir.to_path_buf()])
        .collect()
}

/// The file name stem: the case code, else the session id, with anything but letters, digits,
/// `-` and `_` left out (both come from a saved file that may have been edited).
pub fn stem(session: &Session) -> String {
    let raw = session.case_code.as_deref().unwrap_or(&session.id);
    let clean: String = raw
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
        .take(64)
        .collect();
    if clean.is_empty() {
        "qbfix-report".into()
    } else {
        clean
    }
}

/// Where the summary will write the HTML report of `session`: in the first of `folders` (the
/// contact-support step names it before the summary is reached).
pub fn planned_html(session: &Session, folders: &[PathBuf]) -> Option<PathBuf> {
    folders.first().map(|f| f.join(format!("{}.html", stem(session))))
}

/// Writes both reports into the first of `folders` that takes them; the error, in words,
/// names the last folder tried.
pub fn write(session: &Session, flow: &Flow, folders: &[PathBuf]) -> Result<SavedReports, String> {
    let html = report::html(session, Some(flow));
    let json = report::json(session).map_err(|e| format!("cannot render the JSON report: {e}"))?;
    let stem = stem(session);
    let mut last = String::from("no folder to write the reports to");
    for folder in folders {
        let saved = SavedReports {
            html: folder.join(format!("{stem}.html")),
            json: folder.join(format!("{stem}.json")),
        };
        let written = std::fs::create_dir_all(folder)
            .and_then(|()| write_file(&saved.html, html.as_bytes()))
            .and_then(|()| write_file(&saved.json, json.as_bytes()));
        match written {
            Ok(()) => return Ok(saved),
            Err(e) => last = format!("cannot write the reports to {}: {e}", folder.display()),
        }
    }
    Err(last)
}

/// Saves the ticket summary (`y`) as `<stem>-ticket.md` in the first of `folders` that takes
/// it (the folder of the saved reports first, when there are any); the error, in words, names
/// the last folder tried.
pub fn write_ticket(session: &Session, text: &str, folders: &[PathBuf]) -> Result<PathBuf, String> {
    let name = format!("{}-ticket.md", stem(session));
    let mut last = String::from("no folder to save the ticket summary to");
    for folder in folders {
        let path = folder.join(&name);
        match std::fs::create_dir_all(folder).and_then(|()| write_file(&path, text.as_bytes())) {
            Ok(()) => return Ok(path),
            Err(e) => last = format!("cannot save it in {}: {e}", folder.display()),
        }
    }
    Err(last)
}

/// Writes one report through the one atomic writer (a reader never sees half a report).
fn write_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    crate::files::write::write_atomic(path, bytes, crate::files::write::Mode::Public).map_err(|e| e.into_io())
}

/// Opens `path` in the default browser (or the program `BROWSER` names); the error in words.
pub fn open_in_browser(path: &Path) -> Result<(), String> {
    opener::open_browser(path).map_err(|e| format!("couldn't open the browser: {e}"))
}

/// How the summary's heading of the saved reports names `o`.
pub const OPEN_HINT: &str = "press o to open the HTML one";

/// What the summary says about the saved reports, one line each: where they are (and, when
/// `o` works here, that it opens the HTML), or why they could not be saved; then what opening
/// did.
pub fn describe(
    reports: Option<&Result<SavedReports, String>>,
    opened: Option<&Result<(), String>>,
    can_open: bool,
) -> Vec<String> {
    let mut lines = Vec::new();
    match reports {
        Some(Ok(saved)) => {
            // Where `o` works, the heading says so: one row less on the summary's first screen.
            lines.push(if can_open {
                format!("Reports saved for you to keep or send ({OPEN_HINT}):")
            } else {
                "Reports saved for you to keep or send:".to_string()
            });
            lines.push(format!(
                "  {}",
                crate::text::sanitize::clean(&saved.html.display().to_string())
            ));
            lines.push(format!(
                "  {}",
                crate::text::sanitize::clean(&saved.json.display().to_string())
            ));
        }
        Some(Err(e)) => lines.push(format!(
            "The reports could not be saved: {}",
            crate::text::sanitize::clean(e)
        )),
        None => {}
    }
    match opened {
        Some(Ok(())) => lines.push("The report was opened in your browser.".to_string()),
        Some(Err(e)) => lines.push(format!(
            "The report could not be opened: {}",
            crate::text::sanitize::clean(e)
        )),
        None => {}
    }
    lines
}

/// The summary's line about the ticket summary `y` saved, once it has.
pub fn describe_ticket(ticket: Option<&Result<PathBuf, String>>) -> Option<String> {
    match ticket {
        Some(Ok(path)) => Some(format!(
            "The ticket summary is saved too: {}",
            crate::text::sanitize::clean(&path.display().to_string())
        )),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_first_then_the_data_dir() {
        let data = Path::new("/data");
        assert_eq!(
            folders(Some(Path::new("/home/a/Documents")), data),
            [PathBuf::from("/home/a/Documents/qbfix"), PathBuf::from("/data")]
        );
        assert_eq!(folders(None, data), [PathBuf::from("/data")]);
    }

    #[test]
    fn an_unwritable_documents_folder_falls_back() {
        let tmp = tempfile::tempdir().unwrap();
        // A file where the folder should be: create_dir_all fails, as on a read-only share.
        let blocked = tmp.path().join("docs");
        std::fs::write(&blocked, "not a folder").unwrap();
        let data = tmp.path().join("data");
        let session = crate::session::Session::new(
            "2026-12-01-1900-ab12".into(),
            "qbo-502",
            jiff::Timestamp::now(),
            crate::session::SystemFacts::current(),
        );
        let flow = crate::flow::default_flow().unwrap();
        let saved = write(&session, &flow, &folders(Some(&blocked), &data)).unwrap();
        assert_eq!(saved.html, data.join("2026-12-01-1900-ab12.html"));
        assert!(std::fs::read_to_string(&saved.html).unwrap().contains("<html"));
        let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&saved.json).unwrap()).unwrap();
        assert_eq!(json["id"], "2026-12-01-1900-ab12");
        let none = write(&session, &flow, &[blocked.join("x")]).unwrap_err();
        assert!(none.contains("cannot write the reports to"), "{none}");
    }

    #[test]
    fn the_ticket_is_saved_beside_the_reports_as_the_case_code_ticket_md() {
        let tmp = tempfile::tempdir().unwrap();
        let mut session = crate::session::Session::new(
            "2026-12-01-1900-ab12".into(),
            "qbo-502",
            jiff::Timestamp::now(),
            crate::session::SystemFacts::current(),
        );
        let folder = tmp.path().join("Documents/qbfix");
        let path = write_ticket(&session, "**ticket**", std::slice::from_ref(&folder)).unwrap();
        assert_eq!(path, folder.join("2026-12-01-1900-ab12-ticket.md"));
        session.case_code = Some("QB-7K3M-9TQ2".into());
        let path = write_ticket(&session, "**ticket**", std::slice::from_ref(&folder)).unwrap();
        assert_eq!(path, folder.join("QB-7K3M-9TQ2-ticket.md"));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "**ticket**");
    }

    #[test]
    fn the_stem_is_the_case_code_and_safe_for_a_file_name() {
        let mut session = crate::session::Session::new(
            "2026-12-01-1900-ab12".into(),
            "qbo-502",
            jiff::Timestamp::now(),
            crate::session::SystemFacts::current(),
        );
        assert_eq!(stem(&session), "2026-12-01-1900-ab12");
        session.case_code = Some("QB-7K3M-9TQ2".into());
        assert_eq!(stem(&session), "QB-7K3M-9TQ2");
        session.case_code = Some("../../etc/passwd".into());
        assert_eq!(stem(&session), "etcpasswd");
        session.case_code = Some("///".into());
        assert_eq!(stem(&session), "qbfix-report");
    }
}
