//! Copying to the clipboard through the terminal (OSC 52): works over SSH and, wrapped, inside
//! tmux (`TMUX` set) and GNU screen (`STY` set), with no clipboard library or display server.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

/// The footer's word after `y`.
pub const COPIED: &str = "✓ copied the ticket summary to the clipboard";
/// When the terminal could not be written to.
pub const NOT_COPIED: &str = "could not copy: the terminal did not take it";

/// What the sequence has to pass through to reach the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Multiplexer {
    None,
    Tmux,
    Screen,
}

impl Multiplexer {
    /// tmux when `TMUX` is set, else screen when `STY` is set.
    pub fn from_env() -> Multiplexer {
        let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
        if set("TMUX") {
            Multiplexer::Tmux
        } else if set("STY") {
            Multiplexer::Screen
        } else {
            Multiplexer::None
        }
    }
}

/// GNU screen passes on at most this many bytes of one DCS string.
const SCREEN_CHUNK: usize = 76;

/// The escape sequence that puts `text` on the clipboard, wrapped for `via`.
pub fn osc52(text: &str, via: &Multiplexer) -> String {
    let payload = STANDARD.encode(text.as_bytes());
    match via {
        Multiplexer::None => format!("\u{1b}]52;c;{payload}\u{7}"),
        // tmux passes a DCS "tmux;" string through with its ESCs doubled.
        Multiplexer::Tmux => format!("\u{1b}Ptmux;\u{1b}\u{1b}]52;c;{payload}\u{7}\u{1b}\\"),
        // screen: the sequence cut into DCS strings short enough for it.
        Multiplexer::Screen => {
            let inner = format!("\u{1b}]52;c;{payload}\u{7}");
            let mut out = String::with_capacity(inner.len() * 2);
            let bytes = inner.as_bytes();
            for chunk in bytes.chunks(SCREEN_CHUNK) {
                out.push_str("\u{1b}P");
                // The sequence is ASCII, so every chunk is whole characters.
                out.push_str(&String::from_utf8_lossy(chunk));
                out.push_str("\u{1b}\\");
            }
            out
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn payload(sequence: &str) -> String {
        let start = sequence.find("52;c;").map(|i| i + 5).unwrap_or(0);
        let end = sequence.find('\u{7}').unwrap_or(sequence.len());
        String::from_utf8(STANDARD.decode(&sequence[start..end]).unwrap()).unwrap()
    }

    #[test]
    fn plain_tmux_and_screen_sequences_carry_the_text() {
        let text = "Case QB-7K3M-9TQ2 — ✓ done\nline two";
        let plain = osc52(text, &Multiplexer::None);
        assert!(plain.starts_with("\u{1b}]52;c;") && plain.ends_with('\u{7}'));
        assert_eq!(payload(&plain), text);
        let tmux = osc52(text, &Multiplexer::Tmux);
        assert!(tmux.starts_with("\u{1b}Ptmux;\u{1b}\u{1b}]52;c;") && tmux.ends_with("\u{7}\u{1b}\\"));
        assert_eq!(payload(&tmux), text);
        let screen = osc52(&text.repeat(20), &Multiplexer::Screen);
        let unwrapped: String = screen
            .split("\u{1b}\\")
            .filter_map(|part| part.strip_prefix("\u{1b}P"))
            .collect();
        assert!(screen.split("\u{1b}P").all(|p| p.len() <= SCREEN_CHUNK + 2));
        assert_eq!(payload(&unwrapped), text.repeat(20));
    }
}
