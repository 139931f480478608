//! An error as the one line a user sees: the message, then each cause that adds something.
//! Many errors already quote their cause in their own message (`cannot save …: No space left
//! on device (os error 28)`) and also return it as `source()`; printing both would say it
//! twice, so a cause whose text is already in the line is left out. The line is sanitized.

use std::error::Error;

/// `error: cause: cause…`, each cause only when the line does not already say it.
pub fn one_line<'a>(chain: impl IntoIterator<Item = &'a (dyn Error + 'static)>) -> String {
    let mut line = String::new();
    for e in chain {
        let text = e.to_string();
        let text = text.trim();
        if text.is_empty() || line.contains(text) {
            continue;
        }
        if !line.is_empty() {
            line.push_str(": ");
        }
        line.push_str(text);
    }
    crate::text::sanitize::clean(&line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, thiserror::Error)]
    #[error("cannot save session to /d/s.json: {source}")]
    struct Save {
        source: std::io::Error,
    }

    #[test]
    fn a_cause_already_quoted_is_said_once() {
        let e = anyhow::Error::new(Save {
            source: std::io::Error::from_raw_os_error(28),
        });
        let line = one_line(e.chain());
        assert_eq!(line.matches("os error 28").count(), 1, "{line}");
        assert!(line.starts_with("cannot save session to /d/s.json: "), "{line}");
    }

    #[test]
    fn context_and_cause_both_show_when_they_differ() {
        let e =
            anyhow::Error::new(std::io::Error::other("disk \u{1b}[2Jgone")).context("writing report.html");
        assert_eq!(one_line(e.chain()), "writing report.html: disk gone");
    }
}
