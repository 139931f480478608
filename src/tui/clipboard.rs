//! Copying to the clipboard through the terminal (OSC 52), with no clipboard library or display
//! server: always the plain sequence, which tmux (`set-clipboard`), screen, SSH and modern
//! terminals pass on, and inside tmux (`TMUX` set) or GNU screen (`STY` set) the multiplexer's
//! passthrough too, for those set to block the plain one. Whether a terminal took it cannot be
//! known (macOS Terminal and the old Windows console have no OSC 52), so the words never say
//! "copied" alone: the summary is saved as a file as well.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

/// The footer's words after `y`: what was sent and where the file is (or why it is not).
pub fn said(sent: bool, saved: Option<&Result<std::path::PathBuf, String>>) -> String {
    let sent = if sent {
        "Ticket summary sent to the clipboard (if your terminal allows it)"
    } else {
        "Ticket summary not sent to the clipboard: the terminal did not take it"
    };
    let clean = |p: &std::path::Path| crate::text::sanitize::clean(&p.display().to_string());
    match saved {
        // The file's name first: a narrow footer cuts the end of the line.
        Some(Ok(path)) => match (path.file_name(), path.parent()) {
            (Some(name), Some(folder)) => format!(
                "{sent} and saved as {} in {}",
                clean(std::path::Path::new(name)),
                clean(folder)
            ),
            _ => format!("{sent} and saved to {}", clean(path)),
        },
        Some(Err(e)) => format!("{sent}; not saved: {}", crate::text::sanitize::clean(e)),
        None => sent.to_string(),
    }
}

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

/// The escape sequences that put `text` on the clipboard: the plain one, then, inside a
/// multiplexer, its passthrough.
pub fn osc52(text: &str, via: &Multiplexer) -> String {
    let mut out = wrapped(text, &Multiplexer::None);
    if *via != Multiplexer::None {
        out.push_str(&wrapped(text, via));
    }
    out
}

/// The escape sequence that puts `text` on the clipboard, wrapped for `via`.
fn wrapped(text: &str, via: &Multiplexer) -> String {
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
        let tmux = wrapped(text, &Multiplexer::Tmux);
        assert!(tmux.starts_with("\u{1b}Ptmux;\u{1b}\u{1b}]52;c;") && tmux.ends_with("\u{7}\u{1b}\\"));
        assert_eq!(payload(&tmux), text);
        let screen = wrapped(&text.repeat(20), &Multiplexer::Screen);
        let unwrapped: String = screen
            .split("\u{1b}\\")
            .filter_map(|part| part.strip_prefix("\u{1b}P"))
            .collect();
        assert!(screen.split("\u{1b}P").all(|p| p.len() <= SCREEN_CHUNK + 2));
        assert_eq!(payload(&unwrapped), text.repeat(20));
    }

    #[test]
    fn inside_a_multiplexer_the_plain_sequence_goes_first_then_the_passthrough() {
        let text = "ticket";
        let plain = osc52(text, &Multiplexer::None);
        for via in [Multiplexer::Tmux, Multiplexer::Screen] {
            let both = osc52(text, &via);
            assert!(both.starts_with(&plain), "{via:?}: {both:?}");
            assert_eq!(&both[plain.len()..], wrapped(text, &via), "{via:?}");
        }
    }

    #[test]
    fn the_words_never_say_copied_alone() {
        let path = std::path::PathBuf::from("/home/pat/Documents/qbfix/QB-7K3M-9TQ2-ticket.md");
        let words = said(true, Some(&Ok(path)));
        assert_eq!(
            words,
            "Ticket summary sent to the clipboard (if your terminal allows it) and saved as QB-7K3M-9TQ2-ticket.md in /home/pat/Documents/qbfix"
        );
        assert!(!said(false, None).contains("copied"));
    }
}
