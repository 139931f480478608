//! What a second window on a session offers, before any screen is set up: read the session
//! (its report, printed) or start a new session. Asked on a line when a person is at the
//! keyboard; without one (input from a pipe or file) qbfix does not guess: it says which
//! session is in use and exits with code 2.

use std::io::{BufRead, Write};

/// The person's choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    ReadOnly,
    NewSession,
    Quit,
}

/// Shows `message` (which session, held by whom) and asks until a valid answer or the end of
/// input (which quits).
pub fn ask(message: &str, mut input: impl BufRead, mut out: impl Write) -> std::io::Result<Choice> {
    writeln!(out, "{}", crate::text::sanitize::clean(message))?;
    loop {
        write!(
            out,
            "  r  read it (its report, nothing changes)\n  n  start a new session\n  q  quit\nChoose r, n or q: "
        )?;
        out.flush()?;
        let mut line = String::new();
        if input.read_line(&mut line)? == 0 {
            writeln!(out)?;
            return Ok(Choice::Quit);
        }
        match line.trim().to_ascii_lowercase().as_str() {
            "r" | "read" => return Ok(Choice::ReadOnly),
            "n" | "new" => return Ok(Choice::NewSession),
            "q" | "quit" => return Ok(Choice::Quit),
            _ => writeln!(out, "Please type r, n or q.")?,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn asks_again_until_an_answer_and_quits_at_end_of_input() {
        let mut out = Vec::new();
        let choice = ask("session X is open", &b"x\nN\n"[..], &mut out).unwrap();
        assert_eq!(choice, Choice::NewSession);
        let shown = String::from_utf8(out).unwrap();
        assert!(shown.starts_with("session X is open\n") && shown.contains("Please type r, n or q."));
        assert_eq!(ask("m", &b""[..], Vec::new()).unwrap(), Choice::Quit);
        assert_eq!(ask("m", &b"r\n"[..], Vec::new()).unwrap(), Choice::ReadOnly);
    }
}
