//! The TUI end to end: the real binary in a real pseudo-terminal at 100×30 (`support::pty`),
//! every target on a loopback server. Keys are typed as a person would; each test waits for
//! what a person would see (generous deadline), never for a fixed time.
//!
//! By subject (the helpers for a draft note on step 2 are here):
//!
//! - `walk`: keys through the steps to the summary — quit, back, notes, offline, resume, resize,
//!   a dumb terminal, the helpdesk jump list.
//! - `signals`: Ctrl-C and every signal save, keep a draft note, restore the terminal and exit
//!   128+n, in the TUI and in plain mode in a terminal.
//! - `paste_and_copy`: bracketed and long pastes into the note; `y` copying by OSC 52.
//! - `bank`: the bank step taking a typed or pasted address and testing it.
//! - `offer`: open-and-quit keeps nothing; step 1 offers the unfinished session to continue.
//! - `wait`: `w` on an outage's summary waits for QuickBooks and rings.
#![cfg(unix)]

mod bank;
mod call;
mod offer;
mod paste_and_copy;
mod record;
mod signals;
mod wait;
mod walk;

use crate::support::pty::Tui;

/// Opens the note editor on step 2 and types `draft` into it (not saved).
fn draft_on_step_two(tui: &mut Tui, draft: &str) {
    tui.wait_for("Step 1 of 10");
    tui.keys("1");
    tui.wait_for("Step 2 of 10");
    tui.keys("n");
    tui.wait_for("Note for: ");
    tui.keys(draft);
    tui.wait_for(draft);
}

/// The record of the second step taken.
fn second_step(session: &serde_json::Value) -> &serde_json::Value {
    let id = session["history"][1].as_str().expect("a second step");
    Tui::step(session, id)
}
