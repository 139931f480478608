//! UI-only state (which screen is up, text scroll, spinner frame, how long the current check
//! run has taken) and the mapping from key presses to wizard [`Msg`]s. Everything the wizard
//! remembers lives in the wizard; this is only what the screen needs on top.

use std::time::Duration;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use jiff::Timestamp;
use ratatui_textarea::TextArea;

use super::theme::Theme;
use crate::sanitize;
use crate::wizard::Msg;

/// After this long, the checks panel names the checks still running.
pub const STILL_WAITING_AFTER: Duration = Duration::from_millis(1500);

/// Lines one PgUp/PgDn moves the text.
pub const PAGE: u16 = 8;

/// What is on screen.
#[derive(Debug, Default)]
pub enum Screen {
    /// The current step (or the summary).
    #[default]
    Step,
    /// The key help overlay; any key closes it.
    Help,
    /// The note editor over the step.
    Note(Box<TextArea<'static>>),
    /// `q` was pressed once: the session is saved, a second `q` quits.
    ConfirmQuit,
    /// Every check result and the whole verdict, full height (`c` or `Tab`; `Esc` goes back).
    Checks {
        /// First visible line.
        scroll: u16,
    },
}

/// What a key press asks of the driver.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Handled here (screen change, scroll) or ignored; redraw.
    Nothing,
    /// Give this to the wizard and carry out its effects.
    Send(Msg),
    /// Save the session now (before asking whether to quit).
    Save,
    /// Open the saved HTML report in the browser (summary, `o`).
    OpenReport,
}

/// What a key's meaning depends on, from the wizard.
#[derive(Debug, Clone, Copy)]
pub struct KeyContext<'a> {
    /// On the summary `q` quits at once and there is no note to add.
    pub at_summary: bool,
    /// The current step's note, to edit.
    pub note: Option<&'a str>,
    /// Stamps answers.
    pub now: Timestamp,
}

/// The UI state.
#[derive(Debug, Default)]
pub struct App {
    pub screen: Screen,
    /// First visible line of the step text or summary.
    pub scroll: u16,
    /// Spinner frame, advanced by the tick while checks run.
    pub spinner: usize,
    /// How long the current check run has been going.
    pub waited: Duration,
    pub theme: Theme,
    /// What the summary says about the saved reports (set by the event loop).
    pub report_lines: Vec<String>,
}

impl App {
    pub fn new(theme: Theme) -> App {
        App {
            theme,
            ..App::default()
        }
    }

    /// Maps one key event.
    pub fn on_key(&mut self, key: KeyEvent, ctx: &KeyContext<'_>) -> Action {
        if key.kind != KeyEventKind::Press {
            return Action::Nothing;
        }
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        if ctrl && matches!(key.code, KeyCode::Char('c' | 'C')) {
            return Action::Send(Msg::Quit);
        }
        match std::mem::take(&mut self.screen) {
            Screen::Step => self.on_step_key(key, ctx),
            Screen::Help => Action::Nothing,
            Screen::ConfirmQuit => match key.code {
                KeyCode::Char('q' | 'Q') => Action::Send(Msg::Quit),
                _ => Action::Nothing,
            },
            Screen::Note(editor) => self.on_note_key(editor, key),
            Screen::Checks { scroll } => self.on_checks_key(scroll, key),
        }
    }

    fn on_checks_key(&mut self, scroll: u16, key: KeyEvent) -> Action {
        let scroll = match key.code {
            KeyCode::Esc | KeyCode::Tab | KeyCode::Char('c') | KeyCode::Backspace => {
                return Action::Nothing;
            }
            KeyCode::Char('q' | 'Q') => {
                self.screen = Screen::ConfirmQuit;
                return Action::Save;
            }
            KeyCode::Char('r') => {
                self.screen = Screen::Checks { scroll: 0 };
                return Action::Send(Msg::RerunChecks);
            }
            KeyCode::PageDown | KeyCode::Char(' ') => scroll.saturating_add(PAGE),
            KeyCode::PageUp => scroll.saturating_sub(PAGE),
            KeyCode::Down | KeyCode::Char('j') => scroll.saturating_add(1),
            KeyCode::Up | KeyCode::Char('k') => scroll.saturating_sub(1),
            KeyCode::Home => 0,
            _ => scroll,
        };
        self.screen = Screen::Checks { scroll };
        Action::Nothing
    }

    fn on_step_key(&mut self, key: KeyEvent, ctx: &KeyContext<'_>) -> Action {
        let (at_summary, now) = (ctx.at_summary, ctx.now);
        let msg = match key.code {
            KeyCode::Up | KeyCode::Char('k') => Msg::Up,
            KeyCode::Down | KeyCode::Char('j') => Msg::Down,
            KeyCode::Char(c @ '1'..='9') => Msg::Pick {
                n: usize::from(c as u8 - b'0'),
                at: now,
            },
            KeyCode::Enter => Msg::Confirm { at: now },
            KeyCode::Backspace | KeyCode::Char('b') => Msg::Back,
            KeyCode::Char('r') => Msg::RerunChecks,
            KeyCode::Char('q' | 'Q') | KeyCode::Esc if at_summary => Msg::Quit,
            KeyCode::Char('o') if at_summary => return Action::OpenReport,
            KeyCode::Char('q' | 'Q') | KeyCode::Esc => {
                self.screen = Screen::ConfirmQuit;
                return Action::Save;
            }
            KeyCode::Char('?') => {
                self.screen = Screen::Help;
                return Action::Nothing;
            }
            KeyCode::Char('n') if !at_summary => {
                self.open_note(ctx.note);
                return Action::Nothing;
            }
            KeyCode::Char('c') | KeyCode::Tab if !at_summary => {
                self.screen = Screen::Checks { scroll: 0 };
                return Action::Nothing;
            }
            KeyCode::PageDown | KeyCode::Char(' ') => {
                self.scroll = self.scroll.saturating_add(PAGE);
                return Action::Nothing;
            }
            KeyCode::PageUp => {
                self.scroll = self.scroll.saturating_sub(PAGE);
                return Action::Nothing;
            }
            KeyCode::Home => {
                self.scroll = 0;
                return Action::Nothing;
            }
            _ => return Action::Nothing,
        };
        Action::Send(msg)
    }

    fn on_note_key(&mut self, mut editor: Box<TextArea<'static>>, key: KeyEvent) -> Action {
        let alt = key.modifiers.contains(KeyModifiers::ALT);
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Esc => Action::Nothing,
            KeyCode::Enter if alt => self.keep_editing(editor, |e| e.insert_newline()),
            KeyCode::Char('j') if ctrl => self.keep_editing(editor, |e| e.insert_newline()),
            KeyCode::Enter => Action::Send(Msg::Note {
                text: sanitize::clean_multiline(&editor.lines().join("\n")),
            }),
            _ => {
                editor.input(key);
                self.screen = Screen::Note(editor);
                Action::Nothing
            }
        }
    }

    fn keep_editing(
        &mut self,
        mut editor: Box<TextArea<'static>>,
        edit: impl FnOnce(&mut TextArea<'static>),
    ) -> Action {
        edit(&mut editor);
        self.screen = Screen::Note(editor);
        Action::Nothing
    }

    /// Opens the note editor holding `existing` (the step's note so far).
    pub fn open_note(&mut self, existing: Option<&str>) {
        let lines: Vec<String> = existing
            .map(|n| n.lines().map(str::to_string).collect())
            .unwrap_or_default();
        let mut editor = TextArea::new(lines);
        editor.set_cursor_line_style(ratatui::style::Style::new());
        editor.set_wrap_mode(ratatui_textarea::WrapMode::WordOrGlyph);
        editor.set_placeholder_text("What did you try or see? (e.g. \"works in a private window\")");
        editor.set_placeholder_style(self.theme.dim());
        editor.move_cursor(ratatui_textarea::CursorMove::Bottom);
        editor.move_cursor(ratatui_textarea::CursorMove::End);
        self.screen = Screen::Note(Box::new(editor));
    }

    /// A new step is on screen: start at the top of its text.
    pub fn step_changed(&mut self) {
        self.scroll = 0;
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
