//! UI-only state (which screen is up, text scroll, spinner frame, how long the current check
//! run has taken, a one-line status) and the carrying out of the key table's commands. Every
//! key goes through [`keys::table`]: what is not in the table of the screen does nothing.
//! Everything the wizard remembers lives in the wizard; this is only what the screen needs.

use std::time::Duration;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui_textarea::TextArea;

use super::keys::{self, KeyCommand, KeyContext};
use super::note::NoteEditor;
use super::screen::Screen;
use super::theme::Theme;
use super::watching::Watch;
use crate::files::limits;
use crate::text::sanitize;
use crate::wizard::Msg;

/// After this long, the checks panel names the checks still running.
pub const STILL_WAITING_AFTER: Duration = Duration::from_millis(1500);

/// Lines one PgUp/PgDn moves the text.
pub const PAGE: u16 = 8;

/// Said when something is pasted outside the note editor (the paste is ignored).
pub const PASTE_IGNORED: &str = "Pasting works only in the note editor (press n first)";

/// What the empty bank address field shows.
pub const BANK_PLACEHOLDER: &str = "e.g. mybank.com";

/// What a key press asks of the driver.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Handled here (screen change, scroll) or ignored; redraw.
    Nothing,
    /// Give this to the wizard and carry out its effects.
    Send(Msg),
    /// Save the session now (before asking whether to quit).
    Save,
    /// Ctrl-C: keep a note being typed, save and leave at once.
    Interrupt,
    /// Copy the ticket summary to the clipboard.
    Copy,
    /// Open the saved HTML report in the browser (summary, `o`).
    OpenReport,
    /// Helpdesk: go to the step in row `n` of the jump list.
    Jump(usize),
    /// Outage summary (`w`): wait for QuickBooks to answer again, and ring.
    Wait,
}

/// A key the text area would turn into a line break.
fn starts_a_line(key: &KeyEvent) -> bool {
    let ctrl = key.modifiers.contains(crossterm::event::KeyModifiers::CONTROL);
    matches!(key.code, KeyCode::Enter | KeyCode::Char('\n' | '\r'))
        || (ctrl && matches!(key.code, KeyCode::Char('m' | 'j')))
}

/// The note in `editor`, in bytes, as it will be saved (lines joined by line breaks).
fn note_len(editor: &TextArea<'_>) -> usize {
    let lines = editor.lines();
    lines.iter().map(String::len).sum::<usize>() + lines.len().saturating_sub(1)
}

/// Bytes the note in `editor` may still grow by before the one note limit.
fn note_room(editor: &TextArea<'_>) -> usize {
    limits::NOTE_BYTES.saturating_sub(note_len(editor))
}

/// A key typed into the note editor: Up/Down and PgUp/PgDn move by the rows drawn (Shift
/// selects); every other key is the text area's.
fn type_into(editor: &mut NoteEditor, key: KeyEvent) {
    use crossterm::event::KeyModifiers as M;
    let select = key.modifiers.contains(M::SHIFT);
    let plain = (key.modifiers - M::SHIFT).is_empty();
    let page = i32::from(editor.rows_shown().saturating_sub(1).max(1));
    match key.code {
        KeyCode::Up if plain => editor.move_rows(-1, select),
        KeyCode::Down if plain => editor.move_rows(1, select),
        KeyCode::PageUp if plain => editor.move_rows(-page, select),
        KeyCode::PageDown if plain => editor.move_rows(page, select),
        _ => {
            editor.input(key);
        }
    }
}

/// The UI state.
#[derive(Debug, Clone, Default)]
pub struct App {
    pub screen: Screen,
    /// First visible line of the step text or summary.
    pub scroll: u16,
    /// Helpdesk: the page of the call script on screen.
    pub script_page: usize,
    /// Spinner frame, advanced by the tick while checks run.
    pub spinner: usize,
    /// How long the current check run has been going.
    pub waited: Duration,
    pub theme: Theme,
    /// What the summary says about the saved reports (set by the event loop).
    pub report_lines: Vec<String>,
    /// A one-line message for the footer ("copied"), until the next key.
    pub status: Option<String>,
    /// The bank's web address being typed, while the step asks for it (a single line).
    pub bank_field: TextArea<'static>,
    /// What `w` on an outage's summary has found, once pressed.
    pub watch: Option<Watch>,
}

impl App {
    pub fn new(theme: Theme) -> App {
        let mut bank_field = TextArea::default();
        bank_field.set_cursor_line_style(ratatui::style::Style::new());
        bank_field.set_placeholder_text(BANK_PLACEHOLDER);
        bank_field.set_placeholder_style(theme.dim());
        App {
            theme,
            bank_field,
            ..App::default()
        }
    }

    /// The screen under the help overlay (or the screen itself).
    pub fn base(&self) -> &Screen {
        match &self.screen {
            Screen::Help(under) => under,
            screen => screen,
        }
    }

    /// The scroll of the text on screen.
    pub fn scroll_of_screen(&self) -> u16 {
        match self.base() {
            Screen::Checks { scroll } => *scroll,
            _ => self.scroll,
        }
    }

    /// Carries out one key event through the screen's key table.
    pub fn on_key(&mut self, key: KeyEvent, ctx: &KeyContext<'_>) -> Action {
        if key.kind != KeyEventKind::Press {
            return Action::Nothing;
        }
        self.status = None;
        let table = keys::table(&self.screen, &ctx.facts);
        match keys::lookup(&table, &key) {
            Some(binding) => self.run(binding.command, key, ctx),
            None => Action::Nothing,
        }
    }

    fn run(&mut self, command: KeyCommand, key: KeyEvent, ctx: &KeyContext<'_>) -> Action {
        let up = matches!(key.code, KeyCode::Up | KeyCode::Char('k'));
        let now = ctx.now;
        match command {
            KeyCommand::Move => return Action::Send(if up { Msg::Up } else { Msg::Down }),
            KeyCommand::Pick => {
                if let KeyCode::Char(c) = key.code
                    && let Some(n) = c.to_digit(10)
                {
                    return Action::Send(Msg::Pick {
                        n: n as usize,
                        at: now,
                    });
                }
            }
            KeyCommand::Confirm => return Action::Send(Msg::Confirm { at: now }),
            KeyCommand::Back => return Action::Send(Msg::Back),
            KeyCommand::OpenNote => self.open_note(ctx.note),
            KeyCommand::ShowChecks => self.screen = Screen::Checks { scroll: 0 },
            KeyCommand::CloseChecks
            | KeyCommand::KeepGoing
            | KeyCommand::CancelNote
            | KeyCommand::CloseJump => {
                self.screen = Screen::Step;
            }
            KeyCommand::Rerun => {
                match &mut self.screen {
                    Screen::Checks { scroll } => *scroll = 0,
                    // On the summary the new result is drawn at the top: show it.
                    _ if ctx.facts.at_summary => self.scroll = 0,
                    _ => {}
                }
                return Action::Send(Msg::RerunChecks);
            }
            KeyCommand::ScriptPage => {
                self.script_page = (self.script_page + 1) % ctx.facts.script_pages.max(1);
            }
            KeyCommand::PageDown => self.scroll_by(|s| s.saturating_add(PAGE), ctx),
            KeyCommand::PageUp => self.scroll_by(|s| s.saturating_sub(PAGE), ctx),
            KeyCommand::Line if up => self.scroll_by(|s| s.saturating_sub(1), ctx),
            KeyCommand::Line => self.scroll_by(|s| s.saturating_add(1), ctx),
            KeyCommand::Top => self.scroll_by(|_| 0, ctx),
            KeyCommand::Help => {
                let under = std::mem::take(&mut self.screen);
                self.screen = Screen::Help(Box::new(under));
            }
            KeyCommand::CloseHelp => {
                if let Screen::Help(under) = std::mem::take(&mut self.screen) {
                    self.screen = *under;
                }
            }
            KeyCommand::AskQuit => {
                self.screen = Screen::ConfirmQuit;
                return Action::Save;
            }
            KeyCommand::Quit => return Action::Send(Msg::Quit),
            KeyCommand::Interrupt => return Action::Interrupt,
            KeyCommand::Copy => return Action::Copy,
            KeyCommand::OpenReport => return Action::OpenReport,
            KeyCommand::Wait => {
                self.watch = Some(Watch::Started);
                return Action::Wait;
            }
            KeyCommand::OpenJump => {
                self.screen = Screen::Jump {
                    selected: ctx.jump_current,
                }
            }
            KeyCommand::JumpMove => {
                if let Screen::Jump { selected } = &mut self.screen {
                    let last = ctx.jump_rows.saturating_sub(1);
                    *selected = if up {
                        selected.saturating_sub(1)
                    } else {
                        (*selected + 1).min(last)
                    };
                }
            }
            KeyCommand::JumpGo => {
                if let Screen::Jump { selected } = std::mem::take(&mut self.screen) {
                    return Action::Jump(selected);
                }
            }
            KeyCommand::SaveNote => {
                let text = self.draft().unwrap_or_default();
                self.screen = Screen::Step;
                return Action::Send(Msg::Note {
                    text: sanitize::clean_multiline(&text),
                    at: now,
                });
            }
            KeyCommand::NewLine => self.type_text("\n"),
            KeyCommand::Type => {
                if let KeyCode::Char(c) = key.code
                    && !key
                        .modifiers
                        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
                {
                    self.type_text(c.encode_utf8(&mut [0; 4]));
                } else if let Screen::Note(editor) = &mut self.screen {
                    // Moves and deletions; an edit that would pass the limit (a tab, a
                    // yank) is taken back.
                    type_into(editor, key);
                    if note_len(editor) > limits::NOTE_BYTES {
                        editor.undo();
                        self.status = Some(limits::note_cut());
                    }
                }
            }
            KeyCommand::TestBank => {
                let text = self.bank_field.lines().join("");
                return Action::Send(Msg::BankAddress { text });
            }
            KeyCommand::SkipBank => return Action::Send(Msg::BankAddress { text: String::new() }),
            // A single line: nothing that would start a new one goes in.
            KeyCommand::TypeBank if !starts_a_line(&key) => {
                self.bank_field.input(key);
            }
            KeyCommand::TypeBank => {}
        }
        Action::Nothing
    }

    /// Moves the scroll of the text on screen, within what there is.
    fn scroll_by(&mut self, change: impl FnOnce(u16) -> u16, ctx: &KeyContext<'_>) {
        let max = ctx.facts.max_scroll;
        match &mut self.screen {
            Screen::Checks { scroll } => *scroll = change(*scroll).min(max),
            _ => self.scroll = change(self.scroll).min(max),
        }
    }

    /// Text that arrived as a paste: typed into the note editor (line breaks kept, control
    /// characters dropped) or, while the step asks for it (`bank_question`), into the bank
    /// address field (on one line); anywhere else it answers nothing and the footer says so.
    pub fn paste(&mut self, text: &str, bank_question: bool) {
        match &mut self.screen {
            Screen::Note(editor) => {
                let text = text.replace("\r\n", "\n").replace('\r', "\n");
                let text = sanitize::clean_multiline(&text);
                let room = note_room(editor);
                editor.insert_str(limits::cut_str(&text, room));
                if text.len() > room {
                    self.status = Some(limits::note_cut());
                }
            }
            Screen::Step if bank_question => {
                let line: Vec<&str> = text.split(['\r', '\n']).filter(|l| !l.is_empty()).collect();
                self.bank_field.insert_str(sanitize::clean(&line.join(" ")));
            }
            _ => self.status = Some(PASTE_IGNORED.to_string()),
        }
    }

    /// True while the note editor is open (plain characters go into it).
    pub fn editing(&self) -> bool {
        matches!(self.screen, Screen::Note(_))
    }

    /// Types `text` (plain characters, no line breaks) into the open note editor at once: a
    /// burst of keys costs one insertion, not one per key.
    pub fn type_text(&mut self, text: &str) {
        if let Screen::Note(editor) = &mut self.screen {
            let room = note_room(editor);
            editor.insert_str(limits::cut_str(text, room));
            if text.len() > room {
                self.status = Some(limits::note_cut());
            }
        }
    }

    /// The note being typed, if the editor is open.
    pub fn draft(&self) -> Option<String> {
        match &self.screen {
            Screen::Note(editor) => Some(editor.lines().join("\n")),
            _ => None,
        }
    }

    /// Opens the note editor holding `existing` (the step's note so far), the cursor at its
    /// end.
    pub fn open_note(&mut self, existing: Option<&str>) {
        let lines: Vec<String> = existing
            .map(|n| n.lines().map(str::to_string).collect())
            .unwrap_or_default();
        self.screen = Screen::Note(Box::new(NoteEditor::new(lines)));
    }

    /// A new step is on screen: start at the top of its text.
    pub fn step_changed(&mut self) {
        self.scroll = 0;
        self.script_page = 0;
    }

    /// Keeps the scroll of what is on screen within its text (`max` from the layout).
    pub fn clamp_scroll(&mut self, max: u16) {
        match &mut self.screen {
            Screen::Checks { scroll } => *scroll = (*scroll).min(max),
            _ => self.scroll = self.scroll.min(max),
        }
    }

    /// One tick while checks run: next spinner frame, time waited so far.
    pub fn tick(&mut self, waited: Duration) {
        self.spinner = self.spinner.wrapping_add(1);
        self.waited = waited;
    }

    /// True once the run has gone on long enough to name what it waits for.
    pub fn waiting_long(&self) -> bool {
        self.waited >= STILL_WAITING_AFTER
    }
}
