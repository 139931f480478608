//! Small measures in the words a person reads: a duration as "41 ms", "1.2 s" or "5 s"; how far
//! a clock is off ("3 hours", "14 minutes"); a sentence's capital. The probe, the checks and the
//! verdict's words say them this one way.

use std::time::Duration;

/// "41 ms", "1.2 s", "5 s".
pub fn human_duration(d: Duration) -> String {
    let ms = d.as_millis();
    if ms < 1000 {
        format!("{ms} ms")
    } else if ms.is_multiple_of(1000) {
        format!("{} s", ms / 1000)
    } else {
        format!("{:.1} s", d.as_secs_f64())
    }
}

/// How far a clock `size_secs` off is, rounded as a person says it: "3 hours" from two hours
/// up, "14 minutes" from two minutes up, else "40 seconds".
pub fn clock_amount(size_secs: u64) -> String {
    if size_secs >= 7200 {
        format!("{} hours", (size_secs + 1800) / 3600)
    } else if size_secs >= 120 {
        format!("{} minutes", (size_secs + 30) / 60)
    } else {
        format!("{size_secs} seconds")
    }
}

/// `text` with its first letter capitalized, as a sentence starts.
pub fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clock_amounts_round_as_a_person_says_them() {
        assert_eq!(clock_amount(40), "40 seconds");
        assert_eq!(clock_amount(14 * 60 + 10), "14 minutes");
        assert_eq!(clock_amount(3 * 3600 - 600), "3 hours");
        assert_eq!(capitalized("the proxy"), "The proxy");
        assert_eq!(capitalized(""), "");
    }

    #[test]
    fn durations_read_naturally() {
        assert_eq!(human_duration(Duration::from_millis(41)), "41 ms");
        assert_eq!(human_duration(Duration::from_millis(1200)), "1.2 s");
        assert_eq!(human_duration(Duration::from_secs(5)), "5 s");
    }
}
