//! Key hints, gitui style: each screen lists the keys it accepts right now, and the footer and
//! help overlay are drawn from those lists, so a hint is never shown for a key that does nothing.

use super::app::{App, Screen};
use crate::wizard::Wizard;

/// One key (or key group) and what it does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    pub keys: String,
    pub does: &'static str,
    /// When the footer is too narrow, hints with the lowest priority are left out first.
    pub priority: u8,
}

/// Priorities: what a person needs most stays in a narrow footer.
const MUST: u8 = 9;
const HELP: u8 = 8;
const ANSWER: u8 = 7;
const BACK: u8 = 6;
const USEFUL: u8 = 5;
const EXTRA: u8 = 4;
const OBVIOUS: u8 = 2;

fn hint(keys: impl Into<String>, does: &'static str, priority: u8) -> Hint {
    Hint {
        keys: keys.into(),
        does,
        priority,
    }
}

/// The hints that fit in `width` columns as "key does · key does", keeping the most
/// important ones in their original order.
pub fn fitting(mut hints: Vec<Hint>, width: usize) -> Vec<Hint> {
    let used = |hints: &[Hint]| -> usize {
        hints
            .iter()
            .map(|h| h.keys.chars().count() + 1 + h.does.chars().count())
            .sum::<usize>()
            + 3 * hints.len().saturating_sub(1)
    };
    while used(&hints) > width && !hints.is_empty() {
        let lowest = hints
            .iter()
            .enumerate()
            .min_by_key(|(i, h)| (h.priority, std::cmp::Reverse(*i)))
            .map_or(0, |(i, _)| i);
        hints.remove(lowest);
    }
    hints
}

/// The key that opens the full checks view. `panel_hidden`: the screen is too short for the
/// checks panel, so this key is the only way to see the results and the advice: a narrow
/// footer keeps it rather than "? help" (listed after it).
pub fn show_checks(panel_hidden: bool) -> Hint {
    hint("c", "checks", if panel_hidden { HELP } else { USEFUL })
}

/// The keys that work on the current screen, most useful first. `panel_hidden`: the step is
/// drawn without its checks panel.
pub fn hints(app: &App, wizard: &Wizard, panel_hidden: bool) -> Vec<Hint> {
    match &app.screen {
        Screen::Step if wizard.at_summary() => summary_hints(wizard),
        Screen::Step => step_hints(wizard, panel_hidden),
        Screen::Checks { .. } => checks_hints(wizard),
        Screen::Help => vec![hint("any key", "close help", MUST)],
        Screen::Note(_) => vec![
            hint("Enter", "save note", MUST),
            hint("Alt-Enter", "new line", EXTRA),
            hint("Esc", "cancel", MUST),
        ],
        Screen::ConfirmQuit => vec![hint("q", "quit", MUST), hint("any other key", "keep going", MUST)],
    }
}

fn step_hints(wizard: &Wizard, panel_hidden: bool) -> Vec<Hint> {
    let answers = wizard.view().answers.len();
    let mut list = vec![hint("↑↓", "move", OBVIOUS)];
    match answers {
        0 => {}
        1 => list.push(hint("1", "answer", ANSWER)),
        n => list.push(hint(format!("1-{}", n.min(9)), "answer", ANSWER)),
    }
    list.push(hint("Enter", "confirm", OBVIOUS + 1));
    if wizard.session().history.len() > 1 {
        list.push(hint("b", "back", BACK));
    }
    list.push(hint("n", "note", EXTRA));
    list.push(show_checks(panel_hidden));
    if wizard.pending().is_empty() {
        list.push(hint("r", "re-run checks", USEFUL));
    }
    list.push(hint("?", "help", HELP));
    list.push(hint("q", "quit", MUST));
    list
}

fn checks_hints(wizard: &Wizard) -> Vec<Hint> {
    let mut list = vec![
        hint("Esc", "back to the step", MUST),
        hint("PgUp/PgDn", "scroll", USEFUL),
    ];
    if wizard.pending().is_empty() {
        list.push(hint("r", "re-run checks", USEFUL));
    }
    list.push(hint("q", "quit", MUST));
    list
}

fn summary_hints(wizard: &Wizard) -> Vec<Hint> {
    let mut list = vec![
        hint("q", "quit", MUST),
        hint("o", "open report", ANSWER),
        hint("PgUp/PgDn", "scroll", USEFUL),
    ];
    if wizard.session().history.len() > 1 {
        list.push(hint("b", "back", BACK));
    }
    if wizard.pending().is_empty() {
        list.push(hint("r", "re-run checks", USEFUL));
    }
    list.push(hint("?", "help", HELP));
    list
}

/// Every key of the step screens, explained, for the help overlay.
pub fn help_lines(wizard: &Wizard) -> Vec<Hint> {
    let mut list = vec![
        hint("↑ ↓  or  j k", "move between answers", 0),
        hint("1 – 9", "pick an answer and confirm it at once", 0),
        hint("Enter", "confirm the selected answer", 0),
        hint("b  or  Backspace", "go back a step (answers stay editable)", 0),
        hint("n", "add or edit a note for this step", 0),
        hint(
            "c  or  Tab",
            "all check results and the full advice (Esc: back)",
            0,
        ),
        hint("r", "run the automated checks again", 0),
        hint("PgUp PgDn", "scroll a long text", 0),
        hint("?", "this help", 0),
        hint("q  or  Esc", "quit (asks once; the session is saved)", 0),
        hint("Ctrl-C", "save and quit at once", 0),
    ];
    if wizard.at_summary() {
        list.retain(|h| !matches!(h.keys.as_str(), "n" | "1 – 9" | "Enter" | "c  or  Tab"));
        list.insert(0, hint("o", "open the saved HTML report in your browser", 0));
    }
    list
}
