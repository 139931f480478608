//! What the driver keeps where a person finds it: the HTML and JSON reports at the summary, the
//! ticket summary `y` saves beside them, the path the contact-support step names, and opening
//! the HTML report in the browser.

use super::{Driver, saved_reports};

impl Driver {
    /// The folders the saved files go to, in order: `Documents/qbfix`, else the data dir.
    pub(super) fn report_folders(&self) -> Vec<std::path::PathBuf> {
        let data_dir = self.store.dir().parent().unwrap_or(self.store.dir());
        let documents = saved_reports::documents_dir();
        saved_reports::folders(documents.as_deref(), data_dir)
    }

    /// Tells the wizard where the summary will save the HTML report (its contact-support
    /// step names the file).
    pub(crate) fn tell_report_path(&mut self) {
        let planned = saved_reports::planned_html(self.wizard.session(), &self.report_folders());
        if let Some(path) = planned {
            self.wizard.set_report_path(path.display().to_string());
        }
    }

    /// `y`: the ticket summary, also saved as `<case code>-ticket.md` beside the saved reports
    /// (where they are, or will be); returns its text.
    pub fn save_ticket(&mut self) -> String {
        let text = self.ticket_summary();
        let session = crate::session::redacted(self.wizard.session(), &self.redactor);
        let mut folders = self.report_folders();
        if let Some(Ok(saved)) = &self.reports
            && let Some(folder) = saved.html.parent()
        {
            folders.insert(0, folder.to_path_buf());
        }
        self.ticket = Some(saved_reports::write_ticket(&session, &text, &folders));
        text
    }

    /// Writes the HTML and JSON reports where a person finds them (`Documents/qbfix`, else
    /// the data dir): when the session is finished, and again when a closing note is added.
    pub fn save_reports(&mut self) {
        let folders = self.report_folders();
        let session = crate::session::redacted(self.wizard.session(), &self.redactor);
        self.reports = Some(saved_reports::write(&session, self.wizard.flow(), &folders));
    }

    /// Opens the saved HTML report in the default browser.
    pub fn open_report(&mut self) {
        self.opened = match &self.reports {
            Some(Ok(saved)) => Some(saved_reports::open_in_browser(&saved.html)),
            Some(Err(e)) => Some(Err(e.clone())),
            None => None,
        };
    }

    /// The ticket summary (`y`), redacted like every report: it may end up in a ticket.
    pub fn ticket_summary(&self) -> String {
        let session = crate::session::redacted(self.wizard.session(), &self.redactor);
        crate::report::ticket_summary(&session, Some(self.wizard.flow()))
    }
}
