//! Plain mode's input: one line at a time (echoed when input is piped), turned into a wizard
//! message or a one-line hint (`?` shows every command); the end of input saves the session
//! and says how to resume it.

use std::io::{BufRead, Write};

use super::PlainError;
use crate::driver::Driver;
use crate::text::sanitize::clean;
use crate::wizard::Msg;

const HELP: &str = "Type the number of an answer and press Enter. Other commands:
  b         go back one step (earlier answers can be changed)
  n TEXT    add a note to this step (n alone removes it)
  r         run the automated checks again
  y         print the ticket summary (to paste into a ticket)
  q         save and quit (resume later with qbfix --resume)
  ?         this help";

/// Turns one input line into a message, or a one-line hint. Any number is given to the
/// wizard, which says when there is no such answer.
pub(super) fn parse(line: &str) -> Result<Msg, String> {
    let at = jiff::Timestamp::now();
    match line {
        "?" | "h" | "help" => Err(HELP.to_string()),
        "b" | "back" => Ok(Msg::Back),
        "q" | "quit" => Ok(Msg::Quit),
        "r" => Ok(Msg::RerunChecks),
        "n" => Ok(Msg::Note { text: String::new() }),
        _ if line.starts_with("n ") => Ok(Msg::Note {
            text: line[2..].to_string(),
        }),
        _ => match line.parse::<usize>() {
            Ok(n) => Ok(Msg::Pick { n, at }),
            _ => Err("Please type the number of an answer, or ? for help.".to_string()),
        },
    }
}

/// One input line, trimmed (and echoed when input is piped); `None` at the end of input,
/// after saving the session and saying how to resume it.
pub(super) fn read_answer(
    input: &mut impl BufRead,
    out: &mut impl Write,
    driver: &mut Driver,
    echo: bool,
    width: usize,
) -> Result<Option<String>, PlainError> {
    let mut line = Vec::new();
    if input.read_until(b'\n', &mut line)? == 0 {
        driver.save()?;
        writeln!(out)?;
        writeln!(out, "{}", crate::text::wrap::fill(&resume_line(driver), width))?;
        return Ok(None);
    }
    let line = String::from_utf8_lossy(&line).trim().to_string();
    if echo {
        writeln!(out, "{}", clean(&line))?;
    }
    Ok(Some(line))
}

/// What end of input says: the session is saved, and how to go on (or that nothing was
/// recorded, so nothing was kept).
pub(super) fn resume_line(driver: &Driver) -> String {
    match driver.kept_id() {
        Some(id) => format!("Session saved. Resume with: qbfix --resume {id}"),
        None => crate::driver::NOTHING_KEPT.to_string(),
    }
}
