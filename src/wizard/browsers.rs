//! A step's per-browser instructions (`[[step.browser]]`), after its text: those of the
//! browsers the `browsers` check found first and whole, the others folded into one line. When
//! the check found none (not run, skipped, or nothing detected), every browser's are shown.

use std::borrow::Cow;

use crate::flow::{BrowserHelp, Step};

use super::Wizard;

/// The browsers check's id.
const BROWSERS: &str = "browsers";

impl Wizard {
    /// The names of the browsers the checks found on the computer they ran on.
    fn browsers_found(&self) -> Vec<&str> {
        self.session
            .checks
            .iter()
            .filter(|r| r.id == BROWSERS)
            .filter_map(|r| r.details.get("browsers").and_then(|v| v.as_array()))
            .flatten()
            .filter_map(|b| b.get("name").and_then(|n| n.as_str()))
            .collect()
    }

    /// `text` with `step`'s per-browser instructions after it.
    pub(super) fn with_browsers<'a>(&self, step: &Step, text: Cow<'a, str>) -> Cow<'a, str> {
        if step.browsers.is_empty() {
            return text;
        }
        let found = self.browsers_found();
        let is_found = |b: &&BrowserHelp| b.names.iter().any(|n| found.contains(&n.as_str()));
        let (mine, others): (Vec<&BrowserHelp>, Vec<&BrowserHelp>) = step.browsers.iter().partition(is_found);
        let whole = |b: &BrowserHelp| format!("{}: {}", b.label, b.text);
        let mut out = text.into_owned();
        out.push_str("\n\n");
        if mine.is_empty() {
            let all: Vec<String> = step.browsers.iter().map(whole).collect();
            out.push_str(&all.join("\n"));
            return Cow::Owned(out);
        }
        let shown: Vec<String> = mine.into_iter().map(whole).collect();
        out.push_str(&shown.join("\n"));
        if !others.is_empty() {
            let folded: Vec<String> = others
                .iter()
                .map(|b| format!("{}: {}", b.label, b.short))
                .collect();
            out.push_str(&format!(
                "\nInstructions for other browsers: {}.",
                folded.join("; ")
            ));
        }
        Cow::Owned(out)
    }
}
