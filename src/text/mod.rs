//! Text, the leaf every floor may use: the one sanitizer ([`sanitize`]), the one wrapping rule
//! ([`wrap`]), privacy by default ([`redact`]), an error as one line ([`one_line`]), durations
//! in words ([`words`]).

pub mod one_line;
pub(crate) mod position;
pub mod redact;
pub mod sanitize;
pub(crate) mod words;
pub mod wrap;
