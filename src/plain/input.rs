//! Plain mode's input: one line at a time (echoed when input is piped), turned into a wizard
//! message or a one-line hint (`?` shows every command); the end of input saves the session
//! and says how to resume it. A line is read up to the one limit ([`PLAIN_LINE_BYTES`]: a note
//! command with the longest note); the rest of a longer one is read past, never held, and
//! plain mode says it was cut.

use std::io::{BufRead, Write};

use super::PlainError;
use crate::driver::Driver;
use crate::files::limits::{self, PLAIN_LINE_BYTES};
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
        "n" => Ok(Msg::Note {
            text: String::new(),
            at,
        }),
        _ if line.starts_with("n ") => Ok(Msg::Note {
            text: line[2..].to_string(),
            at,
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
    let Some((line, cut)) = read_line(input, PLAIN_LINE_BYTES)? else {
        driver.save()?;
        writeln!(out)?;
        writeln!(out, "{}", crate::text::wrap::fill(&resume_line(driver), width))?;
        return Ok(None);
    };
    let mut line = String::from_utf8_lossy(&line).trim().to_string();
    limits::cut(&mut line, PLAIN_LINE_BYTES);
    if echo {
        writeln!(out, "{}", clean(&line))?;
    }
    if cut {
        writeln!(out, "{}", limits::line_cut())?;
    }
    Ok(Some(line))
}

/// One line of at most `max` bytes (its line break left out) and whether it was longer; the
/// rest of a longer line is read past in the reader's own buffer, never held. `None` at the
/// end of input.
fn read_line(input: &mut impl BufRead, max: usize) -> std::io::Result<Option<(Vec<u8>, bool)>> {
    let mut line = Vec::new();
    let mut cut = false;
    let mut read_any = false;
    loop {
        let buf = match input.fill_buf() {
            Ok(buf) => buf,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            return Ok(read_any.then_some((line, cut)));
        }
        read_any = true;
        let (part, end) = match buf.iter().position(|b| *b == b'\n') {
            Some(at) => (&buf[..at], Some(at + 1)),
            None => (buf, None),
        };
        let room = max - line.len();
        line.extend_from_slice(&part[..part.len().min(room)]);
        cut |= part.len() > room;
        let used = end.unwrap_or(buf.len());
        input.consume(used);
        if end.is_some() {
            return Ok(Some((line, cut)));
        }
    }
}

/// What end of input says: the session is saved, and how to go on (or that nothing was
/// recorded, so nothing was kept).
pub(super) fn resume_line(driver: &Driver) -> String {
    match driver.kept_id() {
        Some(id) => format!("Session saved. Resume with: qbfix --resume {id}"),
        None => crate::driver::NOTHING_KEPT.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_line_is_cut_and_the_next_line_read_whole() {
        let mut input = std::io::BufReader::with_capacity(
            16,
            std::io::Cursor::new(format!("n {}\nsecond\r\nlast", "x".repeat(100))),
        );
        let (first, cut) = read_line(&mut input, 10).unwrap().unwrap();
        assert_eq!((first.as_slice(), cut), (b"n xxxxxxxx".as_slice(), true));
        assert_eq!(
            read_line(&mut input, 10).unwrap(),
            Some((b"second\r".to_vec(), false))
        );
        assert_eq!(
            read_line(&mut input, 10).unwrap(),
            Some((b"last".to_vec(), false))
        );
        assert_eq!(read_line(&mut input, 10).unwrap(), None);
    }

    #[test]
    fn a_line_of_any_length_is_never_held() {
        // 64 MiB of one line: what is kept never grows past the limit.
        let endless = std::io::Read::chain(std::io::Read::take(std::io::repeat(b'x'), 64 << 20), &b"\n"[..]);
        let mut input = std::io::BufReader::new(endless);
        let (line, cut) = read_line(&mut input, PLAIN_LINE_BYTES).unwrap().unwrap();
        assert!(cut);
        assert_eq!(line.len(), PLAIN_LINE_BYTES);
        assert!(line.capacity() < 2 * PLAIN_LINE_BYTES, "{}", line.capacity());
        assert_eq!(read_line(&mut input, 10).unwrap(), None);
    }
}
