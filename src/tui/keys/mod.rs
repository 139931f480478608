//! The key table: for each screen, the keys that work on it right now, each with the command it
//! runs and the words the footer and the help overlay show for it. [`App::on_key`] dispatches
//! through [`table`] and the footer and help draw from it, so a hint can't drift from a key.
//!
//! [`App::on_key`]: super::app::App::on_key

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use jiff::Timestamp;

use super::screen::Screen;

mod screens;

pub use screens::show_checks;
use screens::{bank, checks, confirm_quit, help, jump, note, step, summary};

/// What a key asks for; carried out by `App`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyCommand {
    /// Selection up (`↑`, `k`) or down (`↓`, `j`): the key says which.
    Move,
    /// Pick the answer of the digit typed.
    Pick,
    Confirm,
    Back,
    OpenNote,
    ShowChecks,
    CloseChecks,
    Rerun,
    /// Helpdesk: the next page of the call script (from the last, the first).
    ScriptPage,
    PageDown,
    PageUp,
    /// One line down (`↓`, `j`) or up (`↑`, `k`) in the checks view.
    Line,
    Top,
    Help,
    CloseHelp,
    AskQuit,
    Quit,
    KeepGoing,
    /// Ctrl-C: keep the note being typed, save, leave at once (exit 130).
    Interrupt,
    Copy,
    /// Open the saved HTML report in the default browser (summary).
    OpenReport,
    /// An outage's summary: wait for QuickBooks to answer again, and ring.
    Wait,
    OpenJump,
    /// In the jump list: selection up or down (the key says which).
    JumpMove,
    JumpGo,
    CloseJump,
    SaveNote,
    NewLine,
    CancelNote,
    /// Any other key in the note editor: typed into it.
    Type,
    /// The bank address field: test the address typed (empty: skip).
    TestBank,
    /// The bank address field: skip the question.
    SkipBank,
    /// Any other key in the bank address field: typed into it.
    TypeBank,
}

/// One key a binding answers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// This key with these modifiers (Shift ignored for letters: `Q` is `q`).
    Code(KeyCode, KeyModifiers),
    /// This key with Shift held (Shift-Space).
    Shifted(KeyCode),
    /// Any key at all.
    Any,
}

impl Key {
    pub fn matches(self, key: &KeyEvent) -> bool {
        let mods = key.modifiers - KeyModifiers::SHIFT;
        match self {
            Key::Code(code, want) => key.code == code && mods == want && !shift_space(key),
            Key::Shifted(code) => key.code == code && key.modifiers.contains(KeyModifiers::SHIFT),
            Key::Any => true,
        }
    }
}

/// Shift-Space must not count as Space (it scrolls the other way).
fn shift_space(key: &KeyEvent) -> bool {
    key.code == KeyCode::Char(' ') && key.modifiers.contains(KeyModifiers::SHIFT)
}

fn k(code: KeyCode) -> Key {
    Key::Code(code, KeyModifiers::NONE)
}

fn ch(c: char) -> Key {
    k(KeyCode::Char(c))
}

/// One row of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub keys: Vec<Key>,
    /// How the footer names the keys ("PgDn/Space").
    pub label: String,
    /// What the footer says they do ("more").
    pub does: &'static str,
    /// How the help overlay names the keys ("PgDn  or  Space").
    pub help_keys: String,
    /// What the help overlay says they do.
    pub help: &'static str,
    /// Footer priority (a narrow footer leaves out the lowest first); [`HELP_ONLY`] keeps a
    /// binding out of the footer (the help overlay lists it).
    pub priority: u8,
    pub command: KeyCommand,
}

/// One key (or key group) and what it does, as the footer shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    pub keys: String,
    pub does: &'static str,
    /// When the footer is too narrow, hints with the lowest priority are left out first.
    pub priority: u8,
    /// The same in fewer columns ("Space more", "r re-run"), for a footer short of room.
    pub brief: Option<(&'static str, &'static str)>,
}

/// The short form of a command's hint, where there is a shorter one.
fn brief(command: KeyCommand) -> Option<(&'static str, &'static str)> {
    Some(match command {
        KeyCommand::PageDown => ("Space", "more"),
        KeyCommand::PageUp => ("⇧Space", "up"),
        KeyCommand::Rerun => ("r", "re-run"),
        KeyCommand::Copy => ("y", "copy"),
        KeyCommand::OpenNote => ("n", "note"),
        KeyCommand::OpenReport => ("o", "report"),
        KeyCommand::Wait => ("w", "wait"),
        KeyCommand::ScriptPage => ("s", "script"),
        _ => return None,
    })
}

/// Priorities: what a person needs most stays in a narrow footer.
pub const HELP_ONLY: u8 = 0;
const MUST: u8 = 10;
const HELP: u8 = 9;
const ANSWER: u8 = 9;
const BACK: u8 = 6;
const USEFUL: u8 = 5;
const EXTRA: u8 = 4;
const OBVIOUS: u8 = 2;
/// `n`, `r` and `y`: a narrow footer drops other keys (or shortens words) before these.
const KEEP: u8 = 8;

/// What a key's meaning depends on, from the wizard and the layout.
#[derive(Debug, Clone, Copy)]
pub struct KeyContext<'a> {
    pub facts: KeyFacts,
    /// The current step's note, to edit.
    pub note: Option<&'a str>,
    /// Stamps answers.
    pub now: Timestamp,
    /// Rows of the jump list, and the current step's row.
    pub jump_rows: usize,
    pub jump_current: usize,
}

/// What the table of a screen depends on, read from the wizard and the layout.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct KeyFacts {
    pub at_summary: bool,
    /// Answers of the current step.
    pub answers: usize,
    /// There is a step to go back to.
    pub can_go_back: bool,
    /// No check run is going (so `r` can start one).
    pub checks_idle: bool,
    /// Helpdesk mode (a case code): `g` jumps.
    pub helpdesk: bool,
    /// The step is drawn without its checks panel (so `c` is the only way to the results).
    pub panel_hidden: bool,
    /// Helpdesk: pages of the call script in its panel (0 without one), and the one shown.
    pub script_pages: usize,
    pub script_page: usize,
    /// Where the text on screen is scrolled to, and how far it can go.
    pub scroll: u16,
    pub max_scroll: u16,
    /// The step asks for the bank's web address: the address field takes the keys.
    pub bank_question: bool,
    /// An outage's summary, not yet waiting: `w` waits for QuickBooks to answer again.
    pub can_wait: bool,
}

struct Table(Vec<Binding>);

impl Table {
    fn add(
        &mut self,
        keys: Vec<Key>,
        (label, help_keys): (&str, &str),
        does: &'static str,
        help: &'static str,
        priority: u8,
        command: KeyCommand,
    ) {
        self.0.push(Binding {
            keys,
            label: label.to_string(),
            does,
            help_keys: help_keys.to_string(),
            help,
            priority,
            command,
        });
    }

    fn interrupt(&mut self) {
        self.add(
            vec![Key::Code(KeyCode::Char('c'), KeyModifiers::CONTROL)],
            ("Ctrl-C", "Ctrl-C"),
            "save and quit",
            "save (with a note being typed) and quit at once",
            HELP_ONLY,
            KeyCommand::Interrupt,
        );
    }

    /// The scroll keys while there is more to read; `space`: Space, Shift-Space and Home
    /// too (not in a text field, where they edit).
    fn scrolling(&mut self, f: &KeyFacts, space: bool) {
        let (down, up) = if space {
            (
                vec![k(KeyCode::PageDown), ch(' ')],
                vec![k(KeyCode::PageUp), Key::Shifted(KeyCode::Char(' '))],
            )
        } else {
            (vec![k(KeyCode::PageDown)], vec![k(KeyCode::PageUp)])
        };
        let labels = |both: (&'static str, &'static str), one: (&'static str, &'static str)| {
            if space { both } else { one }
        };
        if f.scroll < f.max_scroll {
            self.add(
                down,
                labels(("PgDn/Space", "PgDn  or  Space"), ("PgDn", "PgDn")),
                "more",
                "scroll down to read more",
                // The text marks it too: "↓ more: Space" above a step's answers, or the border's
                // corner. The answers, `n`, `r` and `y` go before it.
                USEFUL + 1,
                KeyCommand::PageDown,
            );
        }
        if f.scroll > 0 {
            self.add(
                up,
                labels(("PgUp/⇧Space", "PgUp  or  Shift-Space"), ("PgUp", "PgUp")),
                "up",
                "scroll back up",
                // Below `n`, `r`, `y` and the answers: the text's last line says Shift-Space too.
                USEFUL,
                KeyCommand::PageUp,
            );
        }
        if f.scroll > 0 && space {
            self.add(
                vec![k(KeyCode::Home)],
                ("Home", "Home"),
                "top",
                "back to the top of the text",
                HELP_ONLY,
                KeyCommand::Top,
            );
        }
    }

    fn common_tail(&mut self, f: &KeyFacts) {
        if f.checks_idle {
            self.add(
                vec![ch('r')],
                ("r", "r"),
                "re-run checks",
                "run the automated checks again",
                KEEP,
                KeyCommand::Rerun,
            );
        }
        self.copy_and_help();
    }

    /// `y` and `?`, on every screen with a step or the summary under it.
    fn copy_and_help(&mut self) {
        self.add(
            vec![ch('y')],
            ("y", "y"),
            "copy summary",
            "the ticket summary to the clipboard and a file",
            KEEP,
            KeyCommand::Copy,
        );
        self.add(
            vec![ch('?')],
            ("?", "?"),
            "help",
            "this help",
            HELP,
            KeyCommand::Help,
        );
    }
}

/// The table of `screen` given `facts`, in footer order. The first binding that matches a key
/// is the one that runs.
pub fn table(screen: &Screen, f: &KeyFacts) -> Vec<Binding> {
    let mut t = Table(Vec::new());
    t.interrupt();
    match screen {
        Screen::Step if f.at_summary => summary(&mut t, f),
        Screen::Step if f.bank_question => bank(&mut t, f),
        Screen::Step => step(&mut t, f),
        Screen::Checks { .. } => checks(&mut t, f),
        Screen::Help(_) => help(&mut t),
        Screen::ConfirmQuit => confirm_quit(&mut t),
        Screen::Note(_) => note(&mut t),
        Screen::Jump { .. } => jump(&mut t),
    }
    t.0
}

/// The binding of the first row of `table` that answers to `key`.
pub fn lookup<'t>(table: &'t [Binding], key: &KeyEvent) -> Option<&'t Binding> {
    table.iter().find(|b| b.keys.iter().any(|k| k.matches(key)))
}

/// The footer's hints of `table` (help-only rows left out).
pub fn hints(table: &[Binding]) -> Vec<Hint> {
    table
        .iter()
        .filter(|b| b.priority != HELP_ONLY)
        .map(|b| Hint {
            keys: b.label.clone(),
            does: b.does,
            priority: b.priority,
            brief: brief(b.command),
        })
        .collect()
}

/// The hints that fit in `width` columns as "key does · key does", keeping the most
/// important ones in their original order: the obvious ones (moving, Enter) go first, then
/// the words get shorter, then the least important keys go.
pub fn fitting(mut hints: Vec<Hint>, width: usize) -> Vec<Hint> {
    let used = |hints: &[Hint]| -> usize {
        hints
            .iter()
            .map(|h| h.keys.chars().count() + 1 + h.does.chars().count())
            .sum::<usize>()
            + 3 * hints.len().saturating_sub(1)
    };
    let drop_lowest = |hints: &mut Vec<Hint>| {
        let lowest = hints
            .iter()
            .enumerate()
            .min_by_key(|(i, h)| (h.priority, std::cmp::Reverse(*i)))
            .map_or(0, |(i, _)| i);
        hints.remove(lowest);
    };
    while used(&hints) > width && hints.iter().any(|h| h.priority <= OBVIOUS + 1) {
        drop_lowest(&mut hints);
    }
    if used(&hints) > width {
        for h in &mut hints {
            if let Some((keys, does)) = h.brief {
                h.keys = keys.to_string();
                h.does = does;
            }
        }
    }
    while used(&hints) > width && !hints.is_empty() {
        drop_lowest(&mut hints);
    }
    hints
}
