//! The verdict lives in the pure evidence core ([`crate::evidence::verdict`]); this path is
//! kept so `crate::checks::verdict::decide` and friends keep working.

pub use crate::evidence::verdict::{Verdict, VerdictId, decide};
