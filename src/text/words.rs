//! Small measures in the words a person reads: a duration as "41 ms", "1.2 s" or "5 s". Both
//! the probe (its failure texts) and the checks (their summaries) say times this one way.

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_naturally() {
        assert_eq!(human_duration(Duration::from_millis(41)), "41 ms");
        assert_eq!(human_duration(Duration::from_millis(1200)), "1.2 s");
        assert_eq!(human_duration(Duration::from_secs(5)), "5 s");
    }
}
