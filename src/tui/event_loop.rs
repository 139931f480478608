//! The TUI's event loop, in the shape of ratatui's event-driven-async template: one
//! `tokio::select!` (biased, input first) over the terminal's input, the check runner's
//! channel, the store's look-up for step 1's offer (started once the first frame is drawn,
//! on a thread of its own), a tick for the spinner and the signals that end the program;
//! every input event already waiting is taken in one wake, then the screen is drawn once.

use std::io::Write as _;
use std::time::{Duration, Instant};

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
use jiff::Timestamp;
use ratatui::layout::Rect;
use tokio::sync::mpsc::UnboundedReceiver;
use tokio::sync::oneshot;
use tokio::time::MissedTickBehavior;

use super::app::{Action, App};
use super::keys::KeyContext;
use super::render::Ui;
use super::screen::Screen;
use super::terminal::Tui;
use super::text_shape::TextShape;
use super::{Ended, TuiError, clipboard, ended, input, render, watching};
use crate::checks::CheckEvent;
use crate::checks::watch::Poll;
use crate::driver::offer::Found;
use crate::driver::signals::{self, Caught, Signals};
use crate::driver::{Driver, Stop};
use crate::wizard::{Effect, Msg};

/// How often the spinner moves and the "still waiting" line is reconsidered.
const TICK: Duration = Duration::from_millis(150);

/// At most this many input events are taken in one wake before the screen is drawn again.
const MAX_BATCH: usize = 100_000;

/// The loop's state besides the driver.
pub(super) struct State {
    app: App,
    /// Events of the current check run, if one is going.
    pub(super) checks: Option<UnboundedReceiver<CheckEvent>>,
    run_started: Option<Instant>,
    /// The size of the last frame drawn (to keep scrolling within the text).
    pub(super) area: Rect,
    /// The scroll range of the text on screen, and what it was measured for.
    measured: Option<(TextShape, u16)>,
    /// What the store's look-up found, once it has (it runs after the first frame).
    found: Option<oneshot::Receiver<Found>>,
    /// `w` on an outage's summary: what each look at QuickBooks found.
    watching: Option<UnboundedReceiver<Poll>>,
}

/// The summary's lines about the saved reports.
fn report_lines(driver: &Driver) -> Vec<String> {
    use crate::driver::saved_reports::{describe, describe_ticket};
    let mut lines = describe(driver.reports.as_ref(), driver.opened.as_ref(), true);
    lines.extend(describe_ticket(driver.ticket.as_ref()));
    lines
}

/// The next event of the current run; never resolves when none is going.
async fn next_check(checks: &mut Option<UnboundedReceiver<CheckEvent>>) -> Option<CheckEvent> {
    match checks {
        Some(rx) => rx.recv().await,
        None => std::future::pending().await,
    }
}

/// What the look-up found; never resolves when none is going.
async fn next_found(found: &mut Option<oneshot::Receiver<Found>>) -> Option<Found> {
    match found {
        Some(rx) => rx.await.ok(),
        None => std::future::pending().await,
    }
}

/// A plain character typed (no Ctrl or Alt): in the note editor, runs of these are inserted
/// as one piece of text.
fn typed_char(event: &Event) -> Option<char> {
    match event {
        Event::Key(KeyEvent {
            code: KeyCode::Char(c),
            modifiers,
            kind: KeyEventKind::Press,
            ..
        }) if (*modifiers - KeyModifiers::SHIFT).is_empty() => Some(*c),
        _ => None,
    }
}

impl State {
    pub(super) fn new(app: App) -> State {
        State {
            app,
            checks: None,
            run_started: None,
            area: Rect::default(),
            measured: None,
            found: None,
            watching: None,
        }
    }

    pub(super) async fn event_loop(
        &mut self,
        terminal: &mut Tui,
        driver: &mut Driver,
        signals: &mut Signals,
    ) -> Result<Ended, TuiError> {
        let mut input = input::Input::new()?;
        let mut tick = tokio::time::interval(TICK);
        tick.set_missed_tick_behavior(MissedTickBehavior::Skip);
        let mut dirty = true;
        loop {
            if dirty {
                self.draw(terminal, driver)?;
                crate::machine::process::release();
                dirty = false;
                // Once, after the first frame: never does the store delay it. On a thread of
                // its own, so rebuilding a lost index never holds up a key or the exit.
                if let Some(look_up) = driver.look_up() {
                    let (tx, rx) = oneshot::channel();
                    std::thread::spawn(move || {
                        // The loop may have ended meanwhile: then nobody waits for it.
                        let _ = tx.send(look_up.run());
                    });
                    self.found = Some(rx);
                }
            }
            tokio::select! {
                biased;
                caught = signals.recv() => return self.leave(driver, Some(caught)),
                event = input.next() => {
                    let mut batch = vec![event];
                    while batch.len() < MAX_BATCH {
                        match input.waiting().await {
                            Some(event) => batch.push(event),
                            None => break,
                        }
                    }
                    if let Some(exit) = self.on_batch(terminal, driver, batch)? {
                        return Ok(exit);
                    }
                    dirty = true;
                },
                event = next_check(&mut self.checks) => match event {
                    Some(event) => {
                        let before = driver.wizard.current_id().to_string();
                        let effects = driver.on_check_event(event);
                        if let Some(exit) = self.carry_out(driver, effects)? {
                            return Ok(exit);
                        }
                        if driver.wizard.current_id() != before {
                            // An answer that waited for the verdict moved the step on.
                            self.app.step_changed();
                            driver.resume_hint = None;
                        }
                        dirty = true;
                    }
                    None => self.checks = None,
                },
                found = next_found(&mut self.found) => {
                    self.found = None;
                    if let Some(found) = found {
                        let effects = driver.found(found);
                        if let Some(exit) = self.carry_out(driver, effects)? {
                            return Ok(exit);
                        }
                        dirty = true;
                    }
                },
                poll = watching::next_poll(&mut self.watching) => match poll {
                    Some(poll) => {
                        watching::on_poll(&mut self.app.watch, terminal, &poll);
                        dirty = true;
                    }
                    None => self.watching = None,
                },
                _ = tick.tick() => {
                    if !driver.wizard.pending().is_empty() {
                        let waited = self.run_started.map_or(Duration::ZERO, |t| t.elapsed());
                        self.app.tick(waited);
                        dirty = true;
                    }
                }
            }
        }
    }

    /// Acts on every event of one wake, in order; runs of characters typed into the note
    /// editor go in as one insertion.
    fn on_batch(
        &mut self,
        terminal: &mut Tui,
        driver: &mut Driver,
        batch: Vec<input::Next>,
    ) -> Result<Option<Ended>, TuiError> {
        let mut typed = String::new();
        for event in batch {
            let event = match event {
                Some(Ok(event)) => event,
                // Input is gone (the window closed): keep everything, as for SIGHUP.
                Some(Err(_)) | None => return self.leave(driver, Some(signals::HANG_UP)).map(Some),
            };
            if self.app.editing()
                && let Some(c) = typed_char(&event)
            {
                typed.push(c);
                continue;
            }
            self.flush_typed(&mut typed);
            if let Some(exit) = self.on_input(terminal, driver, event)? {
                return Ok(Some(exit));
            }
        }
        self.flush_typed(&mut typed);
        Ok(None)
    }

    fn flush_typed(&mut self, typed: &mut String) {
        if !typed.is_empty() {
            self.app.status = None;
            self.app.type_text(typed);
            typed.clear();
        }
    }

    /// Keeps a note being typed (as a draft), saves and ends: the session can be resumed.
    fn leave(&mut self, driver: &mut Driver, signal: Option<Caught>) -> Result<Ended, TuiError> {
        if let Some(text) = self.app.draft() {
            driver.wizard.update(Msg::DraftNote {
                text,
                at: Timestamp::now(),
            });
        }
        driver.save()?;
        Ok(ended(driver, signal))
    }

    fn draw(&mut self, terminal: &mut Tui, driver: &Driver) -> Result<(), TuiError> {
        let ui = Ui {
            wizard: &driver.wizard,
            app: &self.app,
            resume_hint: driver.resume_hint.as_deref(),
        };
        // One frame, one update (DEC mode 2026): a terminal that knows it never shows half a
        // frame (nor does a test's screen model); others ignore it.
        crossterm::queue!(terminal.backend_mut(), BeginSynchronizedUpdate)?;
        let frame = terminal.draw(|f| render::draw(f, &ui))?;
        self.area = frame.area;
        crossterm::execute!(terminal.backend_mut(), EndSynchronizedUpdate)?;
        Ok(())
    }

    fn on_input(
        &mut self,
        terminal: &mut Tui,
        driver: &mut Driver,
        event: Event,
    ) -> Result<Option<Ended>, TuiError> {
        let key = match event {
            Event::Key(key) => key,
            Event::Paste(text) => {
                self.app.paste(&text, driver.wizard.bank_question().is_some());
                return Ok(None);
            }
            Event::Resize(width, height) => {
                self.area = Rect::new(0, 0, width, height);
                return Ok(None);
            }
            // Focus and mouse: just redraw.
            _ => return Ok(None),
        };
        let max_scroll = self.max_scroll(driver);
        let wizard = &driver.wizard;
        let ctx = KeyContext::with_max_scroll(wizard, &self.app, self.area, Timestamp::now(), max_scroll);
        let before = (wizard.session().id.clone(), wizard.current_id().to_string());
        let action = self.app.on_key(key, &ctx);
        let result = match action {
            Action::Nothing => None,
            Action::Save => {
                driver.save()?;
                None
            }
            Action::Interrupt => Some(self.leave(driver, Some(signals::INTERRUPT))?),
            Action::Copy => {
                self.copy(terminal, driver);
                None
            }
            Action::OpenReport => {
                driver.open_report();
                self.app.report_lines = report_lines(driver);
                None
            }
            Action::Wait => {
                self.watching = Some(driver.watch());
                None
            }
            Action::Jump(row) => match render::jump::rows(&driver.wizard).into_iter().nth(row) {
                Some(target) => {
                    let effects = driver.wizard.update(Msg::Jump {
                        to: target.id,
                        at: Timestamp::now(),
                    });
                    self.carry_out(driver, effects)?
                }
                None => None,
            },
            Action::Send(msg) => {
                let effects = driver.wizard.update(msg);
                self.carry_out(driver, effects)?
            }
        };
        if (driver.wizard.session().id.as_str(), driver.wizard.current_id())
            != (before.0.as_str(), before.1.as_str())
        {
            self.app.step_changed();
            // "Welcome back…" (or the hint of an unfinished session) is for the first screen:
            // once the person moves on in the same session, the header gives its row back.
            if driver.wizard.session().id == before.0 {
                driver.resume_hint = None;
            }
        }
        let max = self.max_scroll(driver);
        self.app.clamp_scroll(max);
        Ok(result)
    }

    /// How far the text on screen can scroll, laid out again only when it may have changed.
    fn max_scroll(&mut self, driver: &Driver) -> u16 {
        let layout = TextShape::of(&self.app, driver, self.area);
        if let Some((measured, max)) = &self.measured
            && *measured == layout
        {
            return *max;
        }
        let ui = Ui {
            wizard: &driver.wizard,
            app: &self.app,
            resume_hint: driver.resume_hint.as_deref(),
        };
        let max = render::max_scroll(&ui, self.area);
        self.measured = Some((layout, max));
        max
    }

    /// `y`: the ticket summary to the clipboard (OSC 52) and saved as a file beside the
    /// reports; the footer (and on the summary, the lines about the saved files) says so.
    fn copy(&mut self, terminal: &mut Tui, driver: &mut Driver) {
        // Redacted like every report: the clipboard may end up in a ticket.
        let text = driver.save_ticket();
        let sequence = clipboard::osc52(&text, &clipboard::Multiplexer::from_env());
        let backend = terminal.backend_mut();
        let written = backend
            .write_all(sequence.as_bytes())
            .and_then(|()| backend.flush());
        self.app.status = Some(clipboard::said(written.is_ok(), driver.ticket.as_ref()));
        if driver.wizard.at_summary() {
            self.app.report_lines = report_lines(driver);
        }
    }

    /// Carries out the wizard's effects in order through the driver; `Some` when one of them
    /// ends the program.
    pub(super) fn carry_out(
        &mut self,
        driver: &mut Driver,
        effects: Vec<Effect>,
    ) -> Result<Option<Ended>, TuiError> {
        for effect in effects {
            if matches!(effect, Effect::RunChecks(_) | Effect::TestBank(_)) {
                self.run_started = Some(Instant::now());
                self.app.waited = Duration::ZERO;
            }
            let reports = effect == Effect::WriteReports;
            let stop = driver.apply(effect)?;
            if let Some(notice) = driver.take_notice() {
                self.app.status = Some(notice);
            }
            match stop {
                Some(Stop::Finished) => {
                    self.app.report_lines = report_lines(driver);
                    self.app.screen = Screen::Step;
                    self.app.step_changed();
                }
                Some(Stop::Quit) => return Ok(Some(ended(driver, None))),
                None if reports => self.app.report_lines = report_lines(driver),
                None => {}
            }
        }
        Ok(None)
    }
}
