//! Plain mode after the summary: the session is a record. `n TEXT` appends a closing note (the
//! saved reports are written again), `r` checks again and prints the result beside the record
//! (not saved), `y` prints the ticket summary; Enter, `q` or the end of input ends. Anything
//! that would change the record (`b`, a number) gets the wizard's refusal in words.

use std::io::{BufRead, Write};

use super::input::{parse, read_line};
use super::{Plain, PlainError, write_ticket};
use crate::driver::{Driver, Stop};
use crate::text::sanitize::clean;
use crate::text::wrap::{fill, wrap_line};
use crate::wizard::{Effect, Msg};

const PROMPT: &str = "n TEXT adds a closing note, r checks again, y prints the ticket summary; Enter ends: ";

const HELP: &str = "This session is finished: it is a record. Commands:
  n TEXT    add a closing note (saved with its time; the reports are written again)
  r         check again now (shown here, not saved in the session)
  y         print the ticket summary (to paste into a ticket)
  q, Enter  end";

/// Reads commands on the summary until the person ends.
pub(super) fn after_summary(
    plain: &mut Plain<'_>,
    driver: &mut Driver,
    input: &mut impl BufRead,
    out: &mut impl Write,
    echo: bool,
    width: usize,
) -> Result<(), PlainError> {
    loop {
        writeln!(out)?;
        write!(out, "{PROMPT}")?;
        out.flush()?;
        let Some(line) = read_line(input, out, echo)? else {
            return Ok(());
        };
        let msg = match line.as_str() {
            "" | "q" | "quit" => return Ok(()),
            "y" | "Y" => {
                write_ticket(out, driver)?;
                continue;
            }
            "?" | "h" | "help" => {
                writeln!(out, "{HELP}")?;
                continue;
            }
            _ => match parse(&line) {
                Ok(msg) => msg,
                Err(_) => {
                    writeln!(
                        out,
                        "{}",
                        fill("Please type n and a note, r, y, or press Enter to end.", width)
                    )?;
                    continue;
                }
            },
        };
        let noting = matches!(msg, Msg::Note { .. });
        let notes = driver.wizard.session().closing_notes.len();
        let effects = driver.wizard.update(msg);
        if let Some(hint) = driver.wizard.hint() {
            writeln!(out, "{}", fill(&clean(hint), width))?;
        }
        let checking = effects.iter().any(|e| matches!(e, Effect::RunChecks(_)));
        if plain.apply(driver, effects)? == Some(Stop::Quit) {
            return Ok(());
        }
        if noting && driver.wizard.session().closing_notes.len() > notes {
            writeln!(out, "Closing note added; the saved reports were written again.")?;
        }
        if checking {
            writeln!(out, "(checking again …)")?;
            out.flush()?;
            let running = driver.wizard.pending().to_vec();
            plain.wait_for(driver, &running)?;
            write_again(out, driver, width)?;
        }
    }
}

/// What `r` found, beside the record.
fn write_again(out: &mut impl Write, driver: &Driver, width: usize) -> std::io::Result<()> {
    let Some(again) = driver.wizard.again() else {
        return Ok(());
    };
    let words = crate::report::checked_again(again, driver.wizard.session().customer.is_some());
    writeln!(out, "{}", fill(&words.headline, width))?;
    writeln!(out, "{}", fill(words.aside, width))?;
    for item in &words.results {
        let symbol = item.mark.map_or("•", |m| m.symbol());
        for l in wrap_line(&format!("  {symbol} {}: {}", item.label, item.text), width) {
            writeln!(out, "{l}")?;
        }
    }
    Ok(())
}
