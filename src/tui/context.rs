//! What a key's meaning depends on: the key table's facts (answers, scroll, panels, the bank
//! question…) and the wizard's state a command needs, read from the wizard and the layout of
//! the frame, so [`super::app::App`] can dispatch without laying anything out itself. The
//! [`KeyContext`] type is the key table's; how to read it from a frame is here.

use jiff::Timestamp;
use ratatui::layout::Rect;

use super::app::App;
use super::keys::{KeyContext, KeyFacts};
use super::render::{self, Ui};
use crate::wizard::Wizard;

impl<'a> KeyContext<'a> {
    /// The context of `app` over `wizard` in a frame of `area`.
    pub fn of(wizard: &'a Wizard, app: &App, area: Rect, now: Timestamp) -> KeyContext<'a> {
        let ui = Ui {
            wizard,
            app,
            resume_hint: None,
        };
        KeyContext::with_max_scroll(wizard, app, area, now, render::max_scroll(&ui, area))
    }

    /// Like [`KeyContext::of`] with the text's scroll range already known (laying the text
    /// out to find it is the costly part).
    pub fn with_max_scroll(
        wizard: &'a Wizard,
        app: &App,
        area: Rect,
        now: Timestamp,
        max_scroll: u16,
    ) -> KeyContext<'a> {
        let ui = Ui {
            wizard,
            app,
            resume_hint: None,
        };
        let rows = render::jump::rows(wizard);
        KeyContext {
            facts: facts_with(&ui, area, max_scroll),
            note: wizard.view().note,
            now,
            jump_current: rows.iter().position(|r| r.current).unwrap_or(0),
            jump_rows: rows.len(),
        }
    }
}

/// What the key table of the screen depends on, in a frame of `area`.
pub fn facts(ui: &Ui, area: Rect) -> KeyFacts {
    facts_with(ui, area, render::max_scroll(ui, area))
}

fn facts_with(ui: &Ui, area: Rect, max_scroll: u16) -> KeyFacts {
    let wizard = ui.wizard;
    // Laid out once: both the checks panel and the script panel are read from it.
    let regions = render::regions(ui, area);
    KeyFacts {
        at_summary: wizard.at_summary(),
        answers: wizard.view().answers.len(),
        can_go_back: wizard.session().history.len() > 1,
        checks_idle: wizard.pending().is_empty(),
        helpdesk: wizard.session().case_code.is_some(),
        panel_hidden: regions.as_ref().is_none_or(|r| r.checks.is_none()),
        script_pages: regions
            .as_ref()
            .and_then(|r| r.script)
            .map_or(0, |a| render::script::page_count(ui, a)),
        script_page: ui.app.script_page,
        scroll: ui.app.scroll_of_screen(),
        max_scroll,
        bank_question: wizard.bank_question().is_some(),
        can_wait: wizard.at_summary()
            && wizard.session().outcome != crate::session::Outcome::Resolved
            && render::summary::offers_wait(wizard.verdict().map(|v| v.id))
            && ui.app.watch.is_none(),
    }
}
