//! Small pieces of a report's wording, each said once: how the session ended (handed on to
//! whom), a step's place in the flow (the number the screen showed), the helpdesk jumps in
//! plain words, the operating system in one phrase ("Debian GNU/Linux 12", not sysinfo's
//! "Debian GNU/Linux Linux (Debian GNU/Linux 12)"), and whether a check's summary already
//! names its time (then the report adds no second one).

use super::document::Item;
use crate::flow::Flow;
use crate::session::{Jump, Session, SystemFacts};
use crate::text::sanitize::clean;

/// Step numbers as the screen showed them: the place on the route the verdict gives (the
/// verdict's first step comes second), not the order the steps were visited in.
pub(super) struct Numbers<'a> {
    route: Vec<&'a str>,
}

impl<'a> Numbers<'a> {
    pub(super) fn new(flow: Option<&'a Flow>, s: &Session) -> Numbers<'a> {
        let verdict = s.verdict.as_ref().map(|v| v.id.as_str());
        Numbers {
            route: flow.map_or_else(Vec::new, |f| crate::wizard::route_for(f, verdict)),
        }
    }

    /// The number of step `id`, when the flow is known and has it.
    pub(super) fn of(&self, id: &str) -> Option<usize> {
        self.route.iter().position(|s| *s == id).map(|i| i + 1)
    }
}

/// Each jump as "Jumped from step 2 to step 6: Check your firewall and security software",
/// with its time.
pub(super) fn jump_items(
    s: &Session,
    flow: Option<&Flow>,
    numbers: &Numbers,
    when: &dyn Fn(&jiff::Timestamp) -> String,
) -> Vec<Item> {
    let title = |id: &str| {
        flow.and_then(|f| f.step(id))
            .map(|st| st.title.as_str())
            .or_else(|| s.step(id).map(|r| r.title.as_str()))
            .map(clean)
    };
    let place = |id: &str| match (numbers.of(id), title(id)) {
        (Some(n), _) => format!("step {n}"),
        (None, Some(t)) => t,
        (None, None) => "another step".to_string(),
    };
    s.jumps
        .iter()
        .map(|Jump { from, to, at }| {
            let mut text = format!("Jumped from {} to {}", place(from), place(to));
            if let (Some(_), Some(t)) = (numbers.of(to), title(to)) {
                text.push_str(&format!(": {t}"));
            }
            Item {
                time: Some(when(at)),
                ..Item::new("", text)
            }
        })
        .collect()
}

/// The operating system in one phrase. sysinfo names Linux "Debian GNU/Linux" with the long
/// version "Linux (Debian GNU/Linux 12)", macOS "Darwin" with "macOS 15.1 Sequoia", Windows
/// "Windows" with "Windows 11 Pro"; a session made from a customer's check file has the name
/// and the kernel. Each is said once.
pub(super) fn os_words(os: &str, version: &str) -> String {
    let (os, version) = (os.trim(), version.trim());
    let version = version
        .strip_suffix(')')
        .and_then(|v| v.split_once(" ("))
        .map_or(version, |(_, inner)| inner.trim());
    let lower = |s: &str| s.to_lowercase();
    if version.is_empty() {
        os.to_string()
    } else if os.is_empty() || lower(version).contains(&lower(os)) {
        version.to_string()
    } else if lower(os).contains(&lower(version)) {
        os.to_string()
    } else if version.starts_with(char::is_alphabetic) {
        // A name of its own ("macOS 15.1 Sequoia" beside "Darwin").
        version.to_string()
    } else if os.contains(|c: char| c.is_ascii_digit()) {
        // The name has its version already: what follows is the kernel's (a check file).
        format!("{os}, kernel {version}")
    } else {
        format!("{os} {version}")
    }
}

/// "Debian GNU/Linux 12, x86_64"; `None` when nothing is known (a result code carries none).
pub(super) fn system_line(sys: &SystemFacts) -> Option<String> {
    let os = os_words(&clean(&sys.os), &clean(&sys.os_version));
    let arch = clean(sys.arch.trim());
    match (os.is_empty(), arch.is_empty()) {
        (true, true) => None,
        (false, true) => Some(os),
        (true, false) => Some(arch),
        (false, false) => Some(format!("{os}, {arch}")),
    }
}

/// Whether `summary` already says how long something took ("answered in 41 ms", "took 2.5 s"):
/// then a report shows no second time beside it.
pub(super) fn names_a_time(summary: &str) -> bool {
    let words: Vec<&str> = summary
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| matches!(c, ',' | ';' | ':' | '.' | ')' | '(')))
        .collect();
    let is_number = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',');
    let is_unit = |w: &str| matches!(w, "ms" | "s" | "second" | "seconds" | "milliseconds");
    words.iter().enumerate().any(|(i, w)| {
        let attached = w
            .strip_suffix("ms")
            .or_else(|| w.strip_suffix('s'))
            .is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit()) && is_number(n));
        attached || (is_number(w) && words.get(i + 1).is_some_and(|u| is_unit(u)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_os_is_said_once_on_every_platform() {
        for (os, version, said) in [
            (
                "Debian GNU/Linux",
                "Linux (Debian GNU/Linux 12)",
                "Debian GNU/Linux 12",
            ),
            ("Ubuntu", "Linux (Ubuntu 24.04)", "Ubuntu 24.04"),
            ("Darwin", "macOS 15.1 Sequoia", "macOS 15.1 Sequoia"),
            ("Windows", "Windows 11 Pro", "Windows 11 Pro"),
            ("Debian GNU/Linux", "12", "Debian GNU/Linux 12"),
            (
                "Debian GNU/Linux 12 (bookworm)",
                "",
                "Debian GNU/Linux 12 (bookworm)",
            ),
            (
                "Debian GNU/Linux 12 (bookworm)",
                "6.1.0-26-amd64",
                "Debian GNU/Linux 12 (bookworm), kernel 6.1.0-26-amd64",
            ),
            ("", "", ""),
        ] {
            assert_eq!(os_words(os, version), said, "{os:?} {version:?}");
        }
        assert_eq!(system_line(&SystemFacts::default()), None);
    }

    #[test]
    fn a_time_in_the_summary_is_seen() {
        for said in [
            "Internet works: example answered in 41 ms",
            "answered in 3ms",
            "the handshake took 2.5 s.",
            "slow (1,200 ms)",
        ] {
            assert!(names_a_time(said), "{said}");
        }
        for silent in [
            "Firewall is on",
            "2 of 3 requests answered 502",
            "Chrome 131 is up to date",
        ] {
            assert!(!names_a_time(silent), "{silent}");
        }
    }
}
