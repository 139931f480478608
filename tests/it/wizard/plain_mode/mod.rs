//! The plain line mode, driven through the real binary with answers on stdin, against a
//! loopback server standing in for every target.
//!
//! By subject:
//!
//! - `walk`: answering the steps to the summary, re-running the checks on "yes", bad input, an
//!   outage, echoed answers, a custom flow file.
//! - `resume`: quitting, end of input, and resuming by id, latest, or not at all.
//! - `offer`: open-and-quit keeps nothing; step 1 offers the unfinished session to continue.
//! - `helpdesk`: the case code, the read-aloud scripts and the ticket summary.
//! - `bank`: the bank step asking for the bank's address and testing it.

mod bank;
mod helpdesk;
mod offer;
mod reading;
mod record;
mod resume;
mod walk;

fn answers(lines: &[&str]) -> String {
    lines.iter().map(|l| format!("{l}\n")).collect()
}
