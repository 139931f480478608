//! The full-screen wizard (ratatui + crossterm), the only module that knows about terminals.
//!
//! [`run`] starts the first checks, sets the terminal up, and runs one event loop in the shape
//! of ratatui's event-driven-async template: a `tokio::select!` (biased, input first) over
//! the crossterm event stream, the check runner's channel, a tick for the spinner, and the
//! signals that close the window. Keys become wizard [`Msg`]s; the wizard's [`Effect`]s are
//! carried out here; views are drawn from state. The terminal is restored on every way out.

pub mod app;
pub mod keys;
pub mod render;
pub mod terminal;
pub mod theme;

use std::time::{Duration, Instant};

use crossterm::event::{Event, EventStream};
use futures::StreamExt as _;
use jiff::Timestamp;
use ratatui::layout::Rect;
use tokio::sync::mpsc::UnboundedReceiver;
use tokio::time::MissedTickBehavior;

use crate::checks::CheckEvent;
use crate::driver::{Driver, Stop};
use crate::wizard::Effect;
use app::{Action, App, KeyContext, Screen};
use render::Ui;
use terminal::{Signals, Tui};
use theme::Theme;

/// How often the spinner moves and the "still waiting" line is reconsidered.
const TICK: Duration = Duration::from_millis(150);

/// How the TUI ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exit {
    pub session_id: String,
    /// The helpdesk case code, when the session has one.
    pub case_code: Option<String>,
    /// The summary was reached.
    pub finished: bool,
}

/// Errors that end the TUI (the session is saved before they are returned).
#[derive(Debug, thiserror::Error)]
pub enum TuiError {
    #[error("terminal error")]
    Io(#[from] std::io::Error),
    #[error(transparent)]
    Store(#[from] crate::session::StoreError),
}

/// Runs the wizard full-screen until the person quits.
pub async fn run(mut driver: Driver, first: Vec<Effect>) -> Result<Exit, TuiError> {
    let mut state = State {
        app: App::new(Theme::from_env()),
        checks: None,
        run_started: None,
        area: Rect::default(),
    };
    state.checks = driver.take_events();
    // The checks start before the first frame, so they run while the person reads; their child
    // processes wait until that frame is drawn.
    crate::checks::process::hold();
    let carried = state.carry_out(&mut driver, first);
    if !matches!(carried, Ok(None)) {
        crate::checks::process::release();
    }
    if let Some(exit) = carried? {
        return Ok(exit);
    }
    let mut terminal = match terminal::try_init() {
        Ok(t) => t,
        Err(e) => {
            crate::checks::process::release();
            return Err(e.into());
        }
    };
    let result = state.event_loop(&mut terminal, &mut driver).await;
    crate::checks::process::release();
    terminal::restore();
    result
}

/// The loop's state besides the driver.
struct State {
    app: App,
    /// Events of the current check run, if one is going.
    checks: Option<UnboundedReceiver<CheckEvent>>,
    run_started: Option<Instant>,
    /// The size of the last frame drawn (to keep scrolling within the text).
    area: Rect,
}

fn exit(driver: &Driver) -> Exit {
    Exit {
        session_id: driver.wizard.session().id.clone(),
        case_code: driver.wizard.session().case_code.clone(),
        finished: driver.wizard.at_summary(),
    }
}

/// The summary's lines about the saved reports.
fn report_lines(driver: &Driver) -> Vec<String> {
    crate::report_files::describe(driver.reports.as_ref(), driver.opened.as_ref(), true)
}

/// The next event of the current run; never resolves when none is going.
async fn next_check(checks: &mut Option<UnboundedReceiver<CheckEvent>>) -> Option<CheckEvent> {
    match checks {
        Some(rx) => rx.recv().await,
        None => std::future::pending().await,
    }
}

impl State {
    async fn event_loop(&mut self, terminal: &mut Tui, driver: &mut Driver) -> Result<Exit, TuiError> {
        let mut input = EventStream::new();
        let mut tick = tokio::time::interval(TICK);
        tick.set_missed_tick_behavior(MissedTickBehavior::Skip);
        let mut signals = Signals::new();
        let mut dirty = true;
        loop {
            if dirty {
                self.draw(terminal, driver)?;
                crate::checks::process::release();
                dirty = false;
            }
            tokio::select! {
                biased;
                event = input.next() => match event {
                    Some(Ok(event)) => {
                        if let Some(exit) = self.on_input(driver, event)? {
                            return Ok(exit);
                        }
                        dirty = true;
                    }
                    Some(Err(e)) => {
                        let _ = driver.save();
                        return Err(e.into());
                    }
                    None => return self.leave(driver),
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
                        }
                        dirty = true;
                    }
                    None => self.checks = None,
                },
                _ = tick.tick() => {
                    if !driver.wizard.pending().is_empty() {
                        let waited = self.run_started.map_or(Duration::ZERO, |t| t.elapsed());
                        self.app.tick(waited);
                        dirty = true;
                    }
                }
                () = signals.recv() => return self.leave(driver),
            }
        }
    }

    /// Saves and ends (window closed, input gone, SIGTERM): the session can be resumed.
    fn leave(&mut self, driver: &mut Driver) -> Result<Exit, TuiError> {
        driver.save()?;
        Ok(exit(driver))
    }

    fn draw(&mut self, terminal: &mut Tui, driver: &Driver) -> Result<(), TuiError> {
        let ui = Ui {
            wizard: &driver.wizard,
            app: &self.app,
            resume_hint: driver.resume_hint.as_deref(),
        };
        let frame = terminal.draw(|f| render::draw(f, &ui))?;
        self.area = frame.area;
        Ok(())
    }

    fn on_input(&mut self, driver: &mut Driver, event: Event) -> Result<Option<Exit>, TuiError> {
        let Event::Key(key) = event else {
            // Resize and everything else: just redraw.
            return Ok(None);
        };
        let wizard = &driver.wizard;
        let ctx = KeyContext {
            at_summary: wizard.at_summary(),
            note: wizard.view().note,
            now: Timestamp::now(),
        };
        let before = wizard.current_id().to_string();
        let action = self.app.on_key(key, &ctx);
        let result = match action {
            Action::Nothing => None,
            Action::Save => {
                driver.save()?;
                None
            }
            Action::OpenReport => {
                driver.open_report();
                self.app.report_lines = report_lines(driver);
                None
            }
            Action::Send(msg) => {
                let effects = driver.wizard.update(msg);
                self.carry_out(driver, effects)?
            }
        };
        if driver.wizard.current_id() != before {
            self.app.step_changed();
        }
        let ui = Ui {
            wizard: &driver.wizard,
            app: &self.app,
            resume_hint: driver.resume_hint.as_deref(),
        };
        let max = render::max_scroll(&ui, self.area);
        self.app.clamp_scroll(max);
        Ok(result)
    }

    /// Carries out the wizard's effects in order through the driver; `Some` when one of them
    /// ends the program.
    fn carry_out(&mut self, driver: &mut Driver, effects: Vec<Effect>) -> Result<Option<Exit>, TuiError> {
        for effect in effects {
            if matches!(effect, Effect::RunChecks(_)) {
                self.run_started = Some(Instant::now());
                self.app.waited = Duration::ZERO;
            }
            match driver.apply(effect)? {
                Some(Stop::Finished) => {
                    self.app.report_lines = report_lines(driver);
                    self.app.screen = Screen::Step;
                    self.app.step_changed();
                }
                Some(Stop::Quit) => return Ok(Some(exit(driver))),
                None => {}
            }
        }
        Ok(None)
    }
}
