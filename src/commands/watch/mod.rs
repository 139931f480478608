//! `qbfix watch`: polls the status page and the QuickBooks URLs (the `status_page` and `http`
//! checks themselves) until the page is operational and every QuickBooks URL answers without a
//! 5xx, then rings the bell and exits 0. On a terminal one live line, fitted to its width, says
//! what is still down (by name), the incident's latest update, when it checked and when it
//! checks next; otherwise one line per poll with what each check said. Exit 1 at `--timeout`,
//! 130 on Ctrl-C.

use std::io::{IsTerminal, Write};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Context as _;

use super::{Ctx, Exit};
use crate::checks::watch::{Poll, poll};
use crate::cli::WatchArgs;
use crate::config::Config;

/// The longest `--interval`: one day (a poll a day is as slow as waiting makes sense).
pub const MAX_INTERVAL: f64 = 86_400.0;

/// The longest `--timeout`: one year.
pub const MAX_TIMEOUT: f64 = 31_536_000.0;

/// How to watch.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    pub interval: Duration,
    pub timeout: Option<Duration>,
}

/// A bad `--interval` or `--timeout`.
#[derive(Debug, thiserror::Error)]
pub enum WatchError {
    #[error("--interval {0}: must be between 1 and {MAX_INTERVAL} seconds (one day)")]
    Interval(f64),
    #[error("--timeout {0}: must be more than 0 and at most {MAX_TIMEOUT} seconds (one year)")]
    Timeout(f64),
}

impl Options {
    pub fn new(interval: f64, timeout: Option<f64>) -> Result<Options, WatchError> {
        if !(1.0..=MAX_INTERVAL).contains(&interval) {
            return Err(WatchError::Interval(interval));
        }
        let timeout = match timeout {
            Some(t) if !t.is_finite() || t <= 0.0 || t > MAX_TIMEOUT => return Err(WatchError::Timeout(t)),
            Some(t) => Some(Duration::from_secs_f64(t)),
            None => None,
        };
        Ok(Options {
            interval: Duration::from_secs_f64(interval),
            timeout,
        })
    }
}

/// The live line in at most `width` columns: what is still down (by name), the incident's
/// latest update, when it checked and when it checks next. The times are kept whole; where
/// the incident's name and update do not both fit, the update alone ("Intuit: …") is shown,
/// shortened if need be, and then the names.
pub fn live_line(poll: &Poll, checked: &str, next: &str, width: usize) -> String {
    let head = format!("Still down: {}", poll.names.join(", "));
    let tail = format!(" · checked {checked} · next {next}");
    let room = width.saturating_sub(1);
    let cols = |s: &str| s.chars().count();
    let cut = |s: &str, n: usize| -> String {
        if cols(s) <= n {
            s.to_string()
        } else {
            s.chars().take(n.saturating_sub(1)).chain(['…']).collect()
        }
    };
    let Some(incident) = &poll.incident else {
        let head = cut(&head, room.saturating_sub(cols(&tail)));
        return format!("{head}{tail}");
    };
    let head = cut(&head, room.saturating_sub(cols(&tail)).max(12));
    let left = room.saturating_sub(cols(&head) + cols(&tail) + 3);
    if left < 8 {
        return cut(&format!("{head}{tail}"), room);
    }
    let news = match &poll.update {
        Some(update) if cols(incident) > left => format!("Intuit: {update}"),
        _ => incident.clone(),
    };
    format!("{head} · {}{tail}", cut(&news, left))
}

fn clock(at: jiff::Timestamp) -> String {
    at.to_zoned_datetime(jiff::tz::TimeZone::system())
        .strftime("%H:%M:%S")
        .to_string()
}

/// `qbfix watch [--interval SECS] [--timeout SECS]`.
pub fn run(args: WatchArgs, ctx: &Ctx) -> anyhow::Result<Exit> {
    let options = Options::new(args.interval, args.timeout)?;
    let config = ctx.config()?;
    ctx.runtime()?
        .block_on(watch(config, options))
        .context("writing the status line")
}

/// Polls until recovery (`Ok`), the timeout (`Problem`) or Ctrl-C (`Signal(130)`).
pub async fn watch(config: Arc<Config>, options: Options) -> std::io::Result<Exit> {
    let live = std::io::stdout().is_terminal();
    let started = Instant::now();
    let deadline = options.timeout.map(|t| started + t);
    let mut out = std::io::stdout();
    let interrupted = tokio::signal::ctrl_c();
    tokio::pin!(interrupted);
    loop {
        let poll = tokio::select! {
            poll = poll(config.clone(), false) => poll,
            _ = &mut interrupted => return stopped(&mut out, live),
        };
        let now = jiff::Timestamp::now();
        if poll.recovered() {
            if live {
                write!(out, "\r\u{1b}[2K")?;
            }
            writeln!(
                out,
                "QuickBooks answers normally again (checked {}).\u{7}",
                clock(now)
            )?;
            out.flush()?;
            return Ok(Exit::Ok);
        }
        let wait = match deadline {
            Some(d) => {
                let left = d.saturating_duration_since(Instant::now());
                if left.is_zero() {
                    return gave_up(&mut out, live, &poll, started.elapsed());
                }
                left.min(options.interval)
            }
            None => options.interval,
        };
        let next = now
            .checked_add(jiff::SignedDuration::try_from(wait).unwrap_or_default())
            .unwrap_or(now);
        if live {
            let width = crossterm::terminal::size().map_or(80, |(w, _)| usize::from(w.max(20)));
            let line = live_line(&poll, &clock(now), &clock(next), width);
            write!(out, "\r\u{1b}[2K{line}")?;
        } else {
            let mut line = format!("Still down: {}", poll.down.join("; "));
            if let Some(i) = &poll.incident {
                line.push_str(&format!(" · {i}"));
            }
            line.push_str(&format!(" · checked {} · next {}", clock(now), clock(next)));
            writeln!(out, "{line}")?;
        }
        out.flush()?;
        tokio::select! {
            () = tokio::time::sleep(wait) => {}
            _ = &mut interrupted => return stopped(&mut out, live),
        }
        if deadline.is_some_and(|d| Instant::now() >= d) {
            return gave_up(&mut out, live, &poll, started.elapsed());
        }
    }
}

fn stopped(out: &mut impl Write, live: bool) -> std::io::Result<Exit> {
    if live {
        writeln!(out)?;
    }
    writeln!(out, "Stopped watching.")?;
    out.flush()?;
    Ok(Exit::Signal(130))
}

fn gave_up(out: &mut impl Write, live: bool, poll: &Poll, after: Duration) -> std::io::Result<Exit> {
    if live {
        writeln!(out)?;
    }
    writeln!(
        out,
        "Gave up after {} s: QuickBooks is still not answering normally ({}).",
        after.as_secs(),
        poll.down.join("; ")
    )?;
    out.flush()?;
    Ok(Exit::Problem)
}

#[cfg(test)]
mod tests;
