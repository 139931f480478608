//! The result code a customer reads aloud (DESIGN "Helpdesk mode"): the verdict and every
//! check's status in nine Crockford base32 characters, shown as `7K3M-9TQ2-5`.
//!
//! Layout, format versions 1 and 2 (40 data bits, most significant first, then one check
//! symbol); version 2 only adds verdicts 10–12 at the end of [`VERDICTS`], so a version 1 code
//! still reads (verdicts 1–9 only):
//!
//! | bits | what |
//! |---|---|
//! | 39–36 | format version (2; 1 still read) |
//! | 35–32 | verdict: 0 none, then [`VERDICTS`] in order from 1 |
//! | 31–0 | the twelve check statuses as one base-6 number, [`CHECKS`] order, first check most significant; digit 0 not run, 1 pass, 2 warn, 3 fail, 4 skip, 5 error |
//!
//! The 40 bits are 8 base32 symbols; the 9th is a Damm check symbol over GF(32)
//! (`p ∘ s = 2·p ⊕ s`, polynomial x⁵+x²+1): a totally anti-symmetric quasigroup, so every
//! single changed symbol and every swap of two neighbours (the check symbol included) is
//! rejected. Reading ignores case, dashes and spaces, and takes O as 0 and I or L as 1.

use crate::evidence::{CheckResult, Status, VerdictId};

/// The format version written into every code.
pub const VERSION: u64 = 2;

/// How many verdicts each format version knows (a prefix of [`VERDICTS`]), by version - 1.
const VERDICTS_IN: [usize; 2] = [9, 12];

/// Crockford's base32 symbols.
const SYMBOLS: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// Verdict ids by number (1-based in the code; 0 means no verdict), written out for the same
/// reason as [`CHECKS`].
pub const VERDICTS: &[&str] = &[
    "offline",
    "captive_portal",
    "proxy_failing",
    "quickbooks_blocked",
    "https_intercepted",
    "service_outage",
    "bank_unreachable",
    "slow_connection",
    "local_ok",
    // Format version 2:
    "clock_wrong",
    "quickbooks_slow",
    "unexplained",
];

/// Check ids, in the order their statuses are packed: format version 1's order, written out
/// rather than read from the registry so that no change there can change what a code means.
pub const CHECKS: &[&str] = &[
    "connectivity",
    "dns",
    "tcp",
    "tls",
    "http",
    "status_page",
    "bank",
    "proxy",
    "clock",
    "browsers",
    "firewall",
    "system",
];

const STATUSES: [Status; 5] = [
    Status::Pass,
    Status::Warn,
    Status::Fail,
    Status::Skip,
    Status::Error,
];

/// What a result code says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The verdict id (`None`: the checks had not finished).
    pub verdict: Option<String>,
    /// Each check's status, in [`CHECKS`] order; `None` when it did not run.
    pub statuses: Vec<(&'static str, Option<Status>)>,
}

/// Why a code was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CodeError {
    #[error("a result code has 9 characters (like 7K3M-9TQ2-5); this one has {0}")]
    Length(usize),
    #[error("{0:?} is not a character of a result code")]
    Symbol(char),
    #[error("the result code does not add up: a character is wrong or two are swapped; please read it again")]
    Check,
    #[error(
        "this result code was made by another qbfix version (format {0}); ask for the report file instead"
    )]
    Version(u64),
    #[error("the result code names no known verdict or status (made by a newer qbfix?)")]
    Unknown,
}

/// The status a check's results add up to: the worst of them.
pub fn worst(results: &[&CheckResult]) -> Option<Status> {
    let rank = |s: Status| match s {
        Status::Fail => 4,
        Status::Error => 3,
        Status::Warn => 2,
        Status::Pass => 1,
        Status::Skip => 0,
    };
    results.iter().map(|r| r.status).max_by_key(|s| rank(*s))
}

/// The code for `verdict` and `results`, formatted `XXXX-XXXX-X`.
pub fn encode(verdict: Option<VerdictId>, results: &[CheckResult]) -> String {
    encode_named(verdict.map(VerdictId::as_str), results)
}

/// [`encode`] with the verdict by its id (`service_outage`).
pub fn encode_named(verdict: Option<&str>, results: &[CheckResult]) -> String {
    let verdict = verdict
        .and_then(|v| VERDICTS.iter().position(|n| *n == v))
        .map_or(0, |i| i as u64 + 1);
    let mut packed: u64 = 0;
    for id in CHECKS {
        let mine: Vec<&CheckResult> = results.iter().filter(|r| r.id == *id).collect();
        let digit = worst(&mine)
            .and_then(|s| STATUSES.iter().position(|x| *x == s))
            .map_or(0, |i| i as u64 + 1);
        packed = packed * 6 + digit;
    }
    let bits = (VERSION << 36) | (verdict << 32) | packed;
    let mut values: Vec<u8> = (0..8).rev().map(|i| ((bits >> (i * 5)) & 31) as u8).collect();
    values.push(damm(&values));
    let text: String = values
        .iter()
        .map(|v| char::from(SYMBOLS[usize::from(*v)]))
        .collect();
    format!("{}-{}-{}", &text[..4], &text[4..8], &text[8..])
}

/// Reads a code typed by a person.
pub fn decode(text: &str) -> Result<Decoded, CodeError> {
    let mut values = Vec::new();
    for c in text.chars().filter(|c| !matches!(c, '-' | ' ')) {
        values.push(symbol_value(c).ok_or(CodeError::Symbol(c))?);
        if values.len() > 9 {
            break;
        }
    }
    if values.len() != 9 {
        let n = text.chars().filter(|c| !matches!(c, '-' | ' ')).count();
        return Err(CodeError::Length(n));
    }
    if damm(&values) != 0 {
        return Err(CodeError::Check);
    }
    let bits = values[..8].iter().fold(0u64, |acc, v| (acc << 5) | u64::from(*v));
    let version = bits >> 36;
    let known = usize::try_from(version)
        .ok()
        .and_then(|v| v.checked_sub(1))
        .and_then(|i| VERDICTS_IN.get(i))
        .ok_or(CodeError::Version(version))?;
    let verdict = match (bits >> 32) & 15 {
        0 => None,
        n => Some(
            VERDICTS[..*known]
                .get(n as usize - 1)
                .ok_or(CodeError::Unknown)?
                .to_string(),
        ),
    };
    let mut packed = bits & 0xFFFF_FFFF;
    let mut statuses = Vec::with_capacity(CHECKS.len());
    for id in CHECKS.iter().rev() {
        let digit = (packed % 6) as usize;
        packed /= 6;
        statuses.push((*id, digit.checked_sub(1).map(|i| STATUSES[i])));
    }
    if packed != 0 {
        return Err(CodeError::Unknown);
    }
    statuses.reverse();
    Ok(Decoded { verdict, statuses })
}

/// The value of one typed symbol (Crockford: case-insensitive, O is 0, I and L are 1).
fn symbol_value(c: char) -> Option<u8> {
    let c = match c.to_ascii_uppercase() {
        'O' => '0',
        'I' | 'L' => '1',
        c => c,
    };
    SYMBOLS.iter().position(|s| char::from(*s) == c).map(|i| i as u8)
}

/// Multiplication by 2 in GF(32) with x⁵+x²+1.
fn times_two(x: u8) -> u8 {
    let y = x << 1;
    if y & 32 != 0 { (y ^ 0b100101) & 31 } else { y }
}

/// Damm over `p ∘ s = 2p ⊕ s`: appending `damm(v)` makes the whole fold to 0.
fn damm(values: &[u8]) -> u8 {
    let fold = values.iter().fold(0u8, |p, s| times_two(p) ^ s);
    times_two(fold)
}

#[cfg(test)]
mod tests;
