//! The evidence core: what a check found, as data. No I/O, no tokio: the result shape of
//! DESIGN.md ([`CheckResult`], [`Status`]), the typed facts the verdict reads ([`Facts`],
//! [`ErrorKind`], [`Answerer`]), the verdict itself ([`decide`]), the one way a
//! URL is shown anywhere ([`redact_url`]), and the security products a certificate's issuer
//! names ([`products`]).
//!
//! A result's `details` stay a JSON object (reports and sessions keep their shape); the facts
//! the verdict depends on are written into and read from it only through [`Facts`], whose
//! field names are the `details` keys, so a typo cannot silently change a verdict.

pub mod catalog;
pub(crate) mod display_url;
pub mod facts;
pub mod incidents;
pub mod products;
pub mod result_code;
pub mod verdict;
pub(crate) mod verdict_words;

use std::time::Duration;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

pub use catalog::{CheckId, ids};
pub use display_url::{DisplayUrl, redact_text, redact_url};
pub use facts::{Answerer, CertProblem, ErrorKind, Facts};
pub use verdict::{Verdict, VerdictId};
pub use verdict_words::limits::check as words_within_limits;
pub use verdict_words::{Side, WhoCanHelp, who_can_help};

/// Decides the verdict from all results: the first row of the table that matches
/// ([`verdict::find`]), in its words ([`verdict_words::verdict`]). The words quote the checks'
/// own, so they are kept within the one limit of a session's text
/// ([`crate::files::limits::SESSION_TEXT_BYTES`]): a session holding the verdict loads back.
pub fn decide(results: &[CheckResult]) -> Verdict {
    use crate::files::limits::{SESSION_TEXT_BYTES, cut};
    let mut verdict = verdict_words::verdict(&verdict::find(results));
    cut(&mut verdict.title, SESSION_TEXT_BYTES);
    cut(&mut verdict.advice, SESSION_TEXT_BYTES);
    verdict
}

/// How a check came out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Pass,
    Warn,
    Fail,
    Skip,
    Error,
}

impl Status {
    /// The symbol shown in tables and panels.
    pub fn symbol(self) -> &'static str {
        match self {
            Status::Pass => "✓",
            Status::Warn => "!",
            Status::Fail | Status::Error => "✗",
            Status::Skip => "-",
        }
    }

    /// True for statuses that make `qbfix check` exit 1.
    pub fn is_problem(self) -> bool {
        matches!(self, Status::Warn | Status::Fail | Status::Error)
    }
}

/// One measured fact, in the shape of DESIGN.md.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckResult {
    pub id: String,
    pub status: Status,
    pub summary: String,
    #[serde(default)]
    pub details: Map<String, Value>,
    #[serde(default)]
    pub duration_ms: u64,
}

impl CheckResult {
    /// How long the check took, when something was timed: a result read from a result code
    /// or a check that skipped at once says 0, which a person is never shown.
    pub fn timed_ms(&self) -> Option<u64> {
        (self.duration_ms > 0).then_some(self.duration_ms)
    }

    pub fn new(id: &str, status: Status, summary: impl Into<String>) -> Self {
        CheckResult {
            id: id.to_string(),
            status,
            summary: summary.into(),
            details: Map::new(),
            duration_ms: 0,
        }
    }

    /// Adds one detail (builder style) that the verdict does not read.
    pub fn with(mut self, key: &str, value: impl Into<Value>) -> Self {
        self.details.insert(key.to_string(), value.into());
        self
    }

    /// Writes every set fact into `details` under its key.
    pub fn with_facts(mut self, facts: &Facts) -> Self {
        facts.write_into(&mut self.details);
        self
    }

    /// This result with every string stripped of control and bidi characters (what came
    /// from outside: a server's words, an imported file) and cut to the one limit of a text
    /// in a session ([`crate::files::limits::SESSION_TEXT_BYTES`]), so a session keeping it
    /// loads back.
    pub fn cleaned(mut self) -> Self {
        use crate::files::limits;
        self.summary = crate::text::sanitize::clean(&self.summary);
        limits::cut(&mut self.summary, limits::SESSION_TEXT_BYTES);
        for value in self.details.values_mut() {
            crate::text::sanitize::clean_json(value, false);
            limits::cut_json(value);
        }
        self
    }

    /// The typed facts of `details` (missing or malformed ones are unset).
    pub fn facts(&self) -> Facts {
        Facts::read(&self.details)
    }

    pub fn with_duration(mut self, d: Duration) -> Self {
        self.duration_ms = millis(d);
        self
    }

    pub fn detail_str(&self, key: &str) -> Option<&str> {
        self.details.get(key).and_then(Value::as_str)
    }

    pub fn detail_u64(&self, key: &str) -> Option<u64> {
        self.details.get(key).and_then(Value::as_u64)
    }

    pub fn detail_bool(&self, key: &str) -> bool {
        self.details.get(key).and_then(Value::as_bool).unwrap_or(false)
    }
}

/// Whole milliseconds, for `*_ms` fields.
pub fn millis(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}

/// The median of some durations (the lower middle for an even count); zero for none.
pub fn median(values: &[Duration]) -> Duration {
    let mut sorted = values.to_vec();
    sorted.sort();
    match sorted.len() {
        0 => Duration::ZERO,
        n => sorted[(n - 1) / 2],
    }
}
