//! Terminal input bytes to crossterm events, incrementally, as crossterm's own Unix parser does
//! it: each byte goes into a buffer that `terminput` (a port of crossterm's parser) is asked
//! to read; a whole event is emitted and the buffer cleared, an incomplete one waits for the
//! next byte, a sequence that cannot be an event is dropped. Bytes may arrive split anywhere
//! (an escape sequence, a UTF-8 character, a bracketed paste across many reads).
//!
//! One rule terminput leaves to its caller (crossterm's `input_available`): a lone ESC is the
//! Esc key only when nothing follows it in the same read; with more bytes at hand it may start
//! a sequence (`ESC [ A` is Up), so it waits for them.
//!
//! Bounded: a paste keeps its first [`MAX_PASTE`] bytes (the rest is read to its end marker
//! and dropped, never taken as keys); any other sequence longer than [`MAX_SEQUENCE`] is junk.

use crossterm::event::Event;

const ESC: u8 = 0x1b;
const PASTE_START: &[u8] = b"\x1b[200~";
const PASTE_END: &[u8] = b"\x1b[201~";

/// The most of one paste that is kept.
pub const MAX_PASTE: usize = 1 << 20;
/// The longest escape sequence that is not a paste (real ones are a few dozen bytes).
pub const MAX_SEQUENCE: usize = 256;

/// The bytes of the event being read, kept across reads.
#[derive(Debug, Default)]
pub struct Parser {
    buffer: Vec<u8>,
}

impl Parser {
    pub fn new() -> Parser {
        Parser::default()
    }

    /// Reads `bytes` (one read's worth) and hands every event completed by them to `emit`, in
    /// order. `more` says whether more input may be waiting right after these bytes (the read
    /// filled its buffer), so that a trailing ESC waits instead of being the Esc key.
    pub fn advance(&mut self, bytes: &[u8], more: bool, mut emit: impl FnMut(Event)) {
        for (at, &byte) in bytes.iter().enumerate() {
            let more = more || at + 1 < bytes.len();
            // ESC ESC: the first is the Esc key, the second starts over.
            if self.buffer == [ESC] && byte == ESC {
                emit(esc());
                self.buffer.clear();
            }
            self.buffer.push(byte);
            if self.buffer == [ESC] && more {
                continue;
            }
            if !self.bounded() {
                continue;
            }
            match terminput::Event::parse_from(&self.buffer) {
                Ok(Some(event)) => {
                    self.buffer.clear();
                    // Only events crossterm has no way to say are dropped (none from a terminal).
                    if let Ok(event) = terminput_crossterm::to_crossterm(event) {
                        emit(event);
                    }
                }
                Ok(None) => {}
                Err(_) => self.buffer.clear(),
            }
        }
    }

    /// Keeps the buffer within its caps; false when the byte just pushed was dropped.
    fn bounded(&mut self) -> bool {
        let len = self.buffer.len();
        if self.buffer.starts_with(PASTE_START) {
            // Past the cap, keep the first part and a window as long as the end marker.
            let cap = PASTE_START.len() + MAX_PASTE + PASTE_END.len();
            if len > cap {
                let window = len - PASTE_END.len();
                self.buffer.copy_within(window.., cap - PASTE_END.len());
                self.buffer.truncate(cap);
            }
            true
        } else if len > MAX_SEQUENCE {
            self.buffer.clear();
            false
        } else {
            true
        }
    }

    /// Bytes held for an event not yet complete (the tests bound it).
    #[cfg(test)]
    pub fn pending(&self) -> usize {
        self.buffer.len()
    }
}

fn esc() -> Event {
    Event::Key(crossterm::event::KeyCode::Esc.into())
}

#[cfg(test)]
mod tests;
