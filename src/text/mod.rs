//! Text, the leaf every floor may use: the one sanitizer ([`sanitize`]), the one wrapping rule
//! ([`wrap`]), privacy by default ([`redact`]), an error as one line ([`one_line`]), durations
//! in words ([`words`]).

pub mod one_line;
pub mod redact;
pub mod sanitize;
pub mod words;
pub mod wrap;
