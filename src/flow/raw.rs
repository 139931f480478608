//! The flow file's shape as serde reads it: span-carrying raw structs (unknown keys rejected)
//! that [`super::validate`] checks and [`super::load`] turns into a [`super::Flow`].

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use super::{AnswerOutcome, StepKind};
use crate::evidence::VerdictId;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFlow {
    pub id: String,
    pub title: String,
    #[serde(rename = "step")]
    pub steps: Vec<RawStep>,
    /// Verdict id → the step that can fix its cause.
    #[serde(default)]
    pub first_step: BTreeMap<Spanned<String>, Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawStep {
    pub id: Spanned<String>,
    pub kind: Spanned<StepKind>,
    pub title: String,
    pub safety: Option<Spanned<String>>,
    pub text: String,
    pub question: Option<String>,
    pub say: Option<String>,
    pub ask: Option<String>,
    #[serde(default)]
    pub listen: Vec<RawListen>,
    #[serde(default)]
    pub checks: Vec<Spanned<String>>,
    #[serde(default, rename = "answer")]
    pub answers: Vec<RawAnswer>,
    pub next: Option<Spanned<String>>,
    #[serde(default, rename = "notice")]
    pub notices: Vec<RawNotice>,
    pub recent_restart_minutes: Option<u64>,
    pub ask_bank_when: Option<Spanned<String>>,
    #[serde(default, rename = "tip")]
    pub tips: Vec<RawTip>,
    #[serde(default, rename = "browser")]
    pub browsers: Vec<RawBrowser>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawBrowser {
    pub label: Spanned<String>,
    pub names: Vec<String>,
    pub text: String,
    pub short: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawNotice {
    pub verdicts: Vec<Spanned<String>>,
    pub text: Spanned<String>,
    pub preselect: Option<Spanned<String>>,
    pub means: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawListen {
    pub hear: String,
    pub answer: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawAnswer {
    pub id: Spanned<String>,
    pub label: String,
    pub next: Option<Spanned<String>>,
    pub outcome: Option<AnswerOutcome>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawTip {
    pub text: String,
    #[serde(default)]
    pub verdicts: Vec<VerdictId>,
    #[serde(default)]
    pub steps: Vec<Spanned<String>>,
}

impl<'de> Deserialize<'de> for StepKind {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        match s.as_str() {
            "question" => Ok(StepKind::Question),
            "fix" => Ok(StepKind::Fix),
            "summary" => Ok(StepKind::Summary),
            other => Err(serde::de::Error::custom(format!(
                "unknown step kind {other:?} (expected question, fix or summary)"
            ))),
        }
    }
}

impl<'de> Deserialize<'de> for AnswerOutcome {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        match s.as_str() {
            "resolved" => Ok(AnswerOutcome::Resolved),
            "escalated" => Ok(AnswerOutcome::Escalated),
            other => Err(serde::de::Error::custom(format!(
                "unknown outcome {other:?} (expected resolved or escalated)"
            ))),
        }
    }
}
