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

fn hint(keys: impl Into<String>, does: &'static str) -> Hint {
    let keys = keys.into();
    let priority = match keys.as_str() {
        "q" | "Enter" if does.starts_with("save") || does == "quit" => 9,
        "Esc" | "any key" | "any other key" => 9,
        "?" => 8,
        k if k.starts_with('1') => 7,
        "b" => 6,
        "r" | "PgUp/PgDn" => 5,
        "n" | "Alt-Enter" => 4,
        "Enter" => 3,
        _ => 2,
    };
    Hint { keys, does, priority }
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

/// The keys that work on the current screen, most useful first.
pub fn hints(app: &App, wizard: &Wizard) -> Vec<Hint> {
    match &app.screen {
        Screen::Step if wizard.at_summary() => summary_hints(wizard),
        Screen::Step => step_hints(wizard),
        Screen::Help => vec![hint("any key", "close help")],
        Screen::Note(_) => vec![
            hint("Enter", "save note"),
            hint("Alt-Enter", "new line"),
            hint("Esc", "cancel"),
        ],
        Screen::ConfirmQuit => vec![hint("q", "quit"), hint("any other key", "keep going")],
    }
}

fn step_hints(wizard: &Wizard) -> Vec<Hint> {
    let answers = wizard.view().answers.len();
    let mut list = vec![hint("↑↓", "move")];
    match answers {
        0 => {}
        1 => list.push(hint("1", "answer")),
        n => list.push(hint(format!("1-{}", n.min(9)), "answer")),
    }
    list.push(hint("Enter", "confirm"));
    if wizard.session().history.len() > 1 {
        list.push(hint("b", "back"));
    }
    list.push(hint("n", "note"));
    if wizard.pending().is_empty() {
        list.push(hint("r", "re-run checks"));
    }
    list.push(hint("?", "help"));
    list.push(hint("q", "quit"));
    list
}

fn summary_hints(wizard: &Wizard) -> Vec<Hint> {
    let mut list = vec![hint("q", "quit"), hint("PgUp/PgDn", "scroll")];
    if wizard.session().history.len() > 1 {
        list.push(hint("b", "back"));
    }
    if wizard.pending().is_empty() {
        list.push(hint("r", "re-run checks"));
    }
    list.push(hint("?", "help"));
    list
}

/// Every key of the step screens, explained, for the help overlay.
pub fn help_lines(wizard: &Wizard) -> Vec<Hint> {
    let mut list = vec![
        hint("↑ ↓  or  j k", "move between answers"),
        hint("1 – 9", "pick an answer and confirm it at once"),
        hint("Enter", "confirm the selected answer"),
        hint("b  or  Backspace", "go back a step (answers stay editable)"),
        hint("n", "add or edit a note for this step"),
        hint("r", "run the automated checks again"),
        hint("PgUp PgDn", "scroll a long text"),
        hint("?", "this help"),
        hint("q  or  Esc", "quit (asks once; the session is saved)"),
        hint("Ctrl-C", "save and quit at once"),
    ];
    if wizard.at_summary() {
        list.retain(|h| !matches!(h.keys.as_str(), "n" | "1 – 9" | "Enter"));
    }
    list
}
