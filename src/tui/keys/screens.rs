//! The keys of each screen of the TUI: what works on a step, the summary (a record: no back),
//! the checks view, the note editor, the bank address field, the jump list, help and the quit
//! question, with the words the footer and the help overlay show for each. [`super::table`]
//! picks one by screen.

use crossterm::event::KeyCode;

use super::*;
pub(super) fn step(t: &mut Table, f: &KeyFacts) {
    if f.answers > 1 {
        t.add(
            vec![k(KeyCode::Up), ch('k'), k(KeyCode::Down), ch('j')],
            ("↑↓", "↑ ↓  or  k j"),
            "move",
            "move between answers",
            OBVIOUS,
            KeyCommand::Move,
        );
    }
    if f.answers > 0 {
        let n = f.answers.min(9);
        let digits = (1..=n)
            .filter_map(|d| char::from_digit(d as u32, 10))
            .map(ch)
            .collect();
        let label = if n == 1 { "1".to_string() } else { format!("1-{n}") };
        let help_keys = if n == 1 {
            "1".to_string()
        } else {
            format!("1 – {n}")
        };
        t.add(
            digits,
            (&label, &help_keys),
            "answer",
            "pick an answer and confirm it at once",
            ANSWER,
            KeyCommand::Pick,
        );
        t.add(
            vec![k(KeyCode::Enter)],
            ("Enter", "Enter"),
            "confirm",
            "confirm the selected answer",
            OBVIOUS + 1,
            KeyCommand::Confirm,
        );
    }
    if f.script_pages > 1 {
        let last = f.script_page + 1 >= f.script_pages;
        t.add(
            vec![ch('s')],
            ("s", "s"),
            if last { "script top" } else { "script more" },
            "the next page of the call script (after the last: the first)",
            // The script's own border says "s more ↓": the footer drops it before the answers,
            // `n`, `r` and `y` (and keeps it before "Space more", added after it).
            USEFUL + 1,
            KeyCommand::ScriptPage,
        );
    }
    back(t, f);
    t.add(
        vec![ch('n')],
        ("n", "n"),
        "note",
        "add or edit a note for this step",
        KEEP,
        KeyCommand::OpenNote,
    );
    t.0.push(show_checks_binding(f.panel_hidden));
    if f.helpdesk {
        t.add(
            vec![ch('g')],
            ("g", "g"),
            "jump",
            "list every step with its answer and jump to one",
            BACK,
            KeyCommand::OpenJump,
        );
    }
    t.scrolling(f, true);
    t.common_tail(f);
    ask_quit(t, "q  or  Esc", vec![ch('q'), k(KeyCode::Esc)]);
}

pub(super) fn help(t: &mut Table) {
    t.add(
        vec![Key::Any],
        ("any key", "any key"),
        "close help",
        "close this help",
        MUST,
        KeyCommand::CloseHelp,
    );
}

pub(super) fn confirm_quit(t: &mut Table) {
    t.add(
        vec![ch('q')],
        ("q", "q"),
        "quit now",
        "quit now",
        MUST,
        KeyCommand::Quit,
    );
    t.add(
        vec![Key::Any],
        ("any other key", "any other key"),
        "keep going",
        "keep going",
        MUST,
        KeyCommand::KeepGoing,
    );
}

pub(super) fn summary(t: &mut Table, f: &KeyFacts) {
    t.add(
        vec![ch('q'), k(KeyCode::Esc), k(KeyCode::Enter)],
        ("q", "q, Esc  or  Enter"),
        "quit",
        "quit (the session is saved)",
        MUST,
        KeyCommand::Quit,
    );
    t.add(
        vec![ch('o')],
        ("o", "o"),
        "open report",
        "open the saved HTML report in your browser",
        ANSWER,
        KeyCommand::OpenReport,
    );
    if f.can_wait {
        t.add(
            vec![ch('w')],
            ("w", "w"),
            "wait for QuickBooks",
            "wait here: rings when QuickBooks answers again, as qbfix watch does",
            MUST,
            KeyCommand::Wait,
        );
    }
    // A record: no back, no answers. A closing note is added to it; `r` checks again beside it.
    t.add(
        vec![ch('n')],
        ("n", "n"),
        "closing note",
        "add a closing note (with its time) to the finished session",
        KEEP,
        KeyCommand::OpenNote,
    );
    t.scrolling(f, true);
    if f.checks_idle {
        t.add(
            vec![ch('r')],
            ("r", "r"),
            "check again",
            "check again now: shown beside the record, not saved in it",
            KEEP,
            KeyCommand::Rerun,
        );
    }
    t.copy_and_help();
}

pub(super) fn checks(t: &mut Table, f: &KeyFacts) {
    t.add(
        vec![k(KeyCode::Esc), ch('c'), k(KeyCode::Tab), k(KeyCode::Backspace)],
        ("Esc", "Esc, c, Tab  or  Backspace"),
        "back to the step",
        "back to the step",
        MUST,
        KeyCommand::CloseChecks,
    );
    t.scrolling(f, true);
    let mut lines = Vec::new();
    if f.scroll < f.max_scroll {
        lines.extend([k(KeyCode::Down), ch('j')]);
    }
    if f.scroll > 0 {
        lines.extend([k(KeyCode::Up), ch('k')]);
    }
    if !lines.is_empty() {
        t.add(
            lines,
            ("↑↓", "↑ ↓  or  k j"),
            "line",
            "scroll one line",
            HELP_ONLY,
            KeyCommand::Line,
        );
    }
    t.common_tail(f);
    ask_quit(t, "q", vec![ch('q')]);
}

pub(super) fn note(t: &mut Table) {
    t.add(
        vec![k(KeyCode::Enter)],
        ("Enter", "Enter"),
        "save note",
        "save the note",
        MUST,
        KeyCommand::SaveNote,
    );
    t.add(
        vec![
            Key::Code(KeyCode::Enter, KeyModifiers::ALT),
            Key::Code(KeyCode::Char('j'), KeyModifiers::CONTROL),
        ],
        ("Alt-Enter", "Alt-Enter  or  Ctrl-J"),
        "new line",
        "start a new line",
        EXTRA,
        KeyCommand::NewLine,
    );
    t.add(
        vec![k(KeyCode::Esc)],
        ("Esc", "Esc"),
        "cancel",
        "close without saving",
        MUST,
        KeyCommand::CancelNote,
    );
    t.add(
        vec![Key::Any],
        ("other keys", "any other key"),
        "type",
        "typed (or pasted) into the note",
        OBVIOUS,
        KeyCommand::Type,
    );
}

pub(super) fn bank(t: &mut Table, f: &KeyFacts) {
    t.add(
        vec![k(KeyCode::Enter)],
        ("Enter", "Enter"),
        "test it",
        "test the web address typed (empty: skip)",
        MUST,
        KeyCommand::TestBank,
    );
    t.add(
        vec![k(KeyCode::Esc)],
        ("Esc", "Esc"),
        "skip",
        "skip testing your bank's website",
        MUST,
        KeyCommand::SkipBank,
    );
    // Space is typed into the field: only PgDn and PgUp scroll here.
    t.scrolling(f, false);
    t.add(
        vec![Key::Any],
        ("other keys", "any other key"),
        "type",
        "typed (or pasted) into the web address",
        OBVIOUS,
        KeyCommand::TypeBank,
    );
}

pub(super) fn jump(t: &mut Table) {
    t.add(
        vec![k(KeyCode::Up), ch('k'), k(KeyCode::Down), ch('j')],
        ("↑↓", "↑ ↓  or  k j"),
        "choose",
        "choose a step",
        USEFUL,
        KeyCommand::JumpMove,
    );
    t.add(
        vec![k(KeyCode::Enter)],
        ("Enter", "Enter"),
        "go there",
        "go to the chosen step",
        MUST,
        KeyCommand::JumpGo,
    );
    t.add(
        vec![k(KeyCode::Esc), ch('g')],
        ("Esc", "Esc  or  g"),
        "close",
        "close the list",
        MUST,
        KeyCommand::CloseJump,
    );
}

fn back(t: &mut Table, f: &KeyFacts) {
    if f.can_go_back {
        t.add(
            vec![ch('b'), k(KeyCode::Backspace)],
            ("b", "b  or  Backspace"),
            "back",
            "go back a step (answers stay editable)",
            BACK,
            KeyCommand::Back,
        );
    }
}

fn ask_quit(t: &mut Table, help_keys: &str, keys: Vec<Key>) {
    t.add(
        keys,
        ("q", help_keys),
        "quit",
        "quit (asks once; the session is saved)",
        MUST,
        KeyCommand::AskQuit,
    );
}

fn show_checks_binding(panel_hidden: bool) -> Binding {
    let hint = show_checks(panel_hidden);
    Binding {
        keys: vec![ch('c'), k(KeyCode::Tab)],
        label: hint.keys,
        does: hint.does,
        help_keys: "c  or  Tab".to_string(),
        help: "all check results and the full advice (Esc: back)",
        priority: hint.priority,
        command: KeyCommand::ShowChecks,
    }
}

/// The key that opens the full checks view. `panel_hidden`: the screen is too short for the
/// checks panel, so this key is the only way to see the results and the advice: a narrow
/// footer keeps it rather than "? help" (listed after it).
pub fn show_checks(panel_hidden: bool) -> Hint {
    Hint {
        keys: "c".to_string(),
        does: "checks",
        priority: if panel_hidden { HELP } else { USEFUL },
        brief: None,
    }
}
