//! Read-only projections of the wizard for drivers to draw: the current step with its
//! answers, selection, note, check results, notice and helpdesk script, and the summary's
//! tips.

use std::borrow::Cow;

use crate::evidence::{CheckResult, Verdict};
use crate::flow::{Answer, Flow, Listen, Means, Step, StepKind};
use crate::session::{ImportSource, Origin};

use super::Wizard;
use super::hold::CONFIRM_ANSWERS;
use super::tone::Tone;

/// What the checks found on the agent's own computer in a call, shown apart from the
/// customer's results under [`THIS_COMPUTER`](crate::session::customer::THIS_COMPUTER).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ThisComputer<'a> {
    pub results: &'a [CheckResult],
    /// The verdict of those results alone (never the session's).
    pub verdict: Option<&'a Verdict>,
    /// The run is still going.
    pub running: bool,
}

/// The helpdesk script of a step, for the agent on the phone.
#[derive(Debug, Clone, PartialEq)]
pub struct Script<'a> {
    /// Read aloud.
    pub say: Option<Cow<'a, str>>,
    /// What the customer is asked to do.
    pub ask: Option<&'a str>,
    /// What the customer may answer, and which answer (1-based number, label) it means.
    pub listen: Cow<'a, [Listen]>,
}

/// How the start step says that checks run on this computer while the person reads: the
/// paragraph holding it is replaced when the results are the customer's.
pub const TESTING_HERE: &str = "qbfix is already testing";

/// A step's notice, the answer it preselects and what it says of the step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct StepNotice {
    pub text: String,
    pub preselect: Option<String>,
    pub means: Option<Means>,
    /// What the helpdesk script says instead of the step's own, when not the default.
    pub say: Option<String>,
}

/// What a driver needs to draw the current step.
#[derive(Debug, Clone)]
pub struct StepView<'a> {
    pub step: &'a Step,
    /// The step's text as it is true now (see [`Wizard::step_text`]).
    pub text: Cow<'a, str>,
    /// 1-based position in the route, and the route's length.
    pub number: usize,
    pub total: usize,
    /// The answers on screen: the step's, or those of the confirmation question.
    pub answers: Cow<'a, [Answer]>,
    /// The question above the answers ("Did this fix it?", or the confirmation's).
    pub question: Option<&'a str>,
    /// True while the answers are the "is it really working?" confirmation.
    pub confirming: bool,
    pub cursor: usize,
    pub note: Option<&'a str>,
    /// The answer given earlier on this step, if any.
    pub answered: Option<&'a str>,
    /// Latest results of this step's checks.
    pub results: Vec<&'a CheckResult>,
    /// This step's checks still running.
    pub pending: Vec<&'a str>,
    /// A line to show above the text (e.g. "this cannot help while Intuit is down").
    pub notice: Option<String>,
    /// How to mark the notice: a warning, good news, or "start here".
    pub notice_tone: Option<Tone>,
    /// The status page's open incidents, on the step that reads it.
    pub incidents: Vec<super::Incident>,
    /// The line that keeps the person safe, shown before the text.
    pub safety: Option<&'a str>,
    pub verdict: Option<&'a Verdict>,
    /// What the wizard waits for before acting on the answer, if anything.
    pub waiting: Option<super::Waiting>,
    /// A one-line hint for the last key (e.g. a number with no answer).
    pub hint: Option<&'a str>,
}

impl Wizard {
    /// The current step, ready to draw.
    pub fn view(&self) -> StepView<'_> {
        let id = self.current_id();
        let step = self.flow.step(id).unwrap_or(self.flow.start());
        let route = self.route();
        let number = route.iter().position(|s| *s == id).map_or(route.len(), |i| i + 1);
        let record = self.session.step(id);
        let confirm = self.confirm_question();
        let notice = self.notice_for(step);
        let results: Vec<&CheckResult> = self
            .session
            .checks
            .iter()
            .filter(|r| step.checks.contains(&r.id))
            .collect();
        StepView {
            step,
            text: self.with_browsers(step, self.with_report_path(self.step_text(step))),
            number,
            total: route.len(),
            answers: if confirm.is_some() {
                Cow::Borrowed(CONFIRM_ANSWERS.as_slice())
            } else {
                self.answers_here()
            },
            question: confirm.or(step.question.as_deref()),
            confirming: confirm.is_some(),
            cursor: self.cursor,
            note: record.and_then(|r| r.note.as_deref()),
            answered: record.and_then(|r| r.answer.as_deref()),
            incidents: super::incident::incidents(results.iter().copied()),
            results,
            pending: self
                .pending
                .iter()
                .filter(|p| step.checks.contains(p))
                .map(String::as_str)
                .collect(),
            notice_tone: notice.as_ref().map(|n| Tone::of(n.means)),
            notice: notice.map(|n| n.text),
            safety: step.safety.as_deref(),
            verdict: self.session.verdict.as_ref(),
            waiting: self.waiting(),
            hint: self.hint(),
        }
    }

    /// The text of `step` as it is true in this session. With the customer's results loaded
    /// (`--helpdesk --customer`) no check runs on this computer, so the start step's paragraph
    /// saying qbfix "is already testing" the connection says whose results are shown instead.
    pub fn step_text<'a>(&self, step: &'a Step) -> Cow<'a, str> {
        let Some(customer) = &self.session.customer else {
            return Cow::Borrowed(&step.text);
        };
        if step.id != self.flow.start().id || !step.text.contains(TESTING_HERE) {
            return Cow::Borrowed(&step.text);
        }
        let from = match customer.source {
            ImportSource::ResultCode => "result code",
            ImportSource::CheckJson => "check results file",
            ImportSource::SessionJson => "session file",
        };
        let instead = format!(
            "qbfix is showing the results the customer's computer found (loaded from their {from}): \
             no checks run on this computer unless you ask for them. They are shown with each step."
        );
        let paragraphs: Vec<&str> = step
            .text
            .split("\n\n")
            .map(|p| {
                if p.contains(TESTING_HERE) {
                    instead.as_str()
                } else {
                    p
                }
            })
            .collect();
        Cow::Owned(paragraphs.join("\n\n"))
    }

    /// The notice `step` shows now: who can help on the step that hands the session on, a
    /// recent restart on the restart step, else the flow's notice for the verdict.
    pub(super) fn notice_for(&self, step: &Step) -> Option<StepNotice> {
        if let Some(notice) = self.who_can_help_notice(step) {
            return Some(notice);
        }
        if let Some(limit) = step.recent_restart_minutes {
            let uptime = self
                .session
                .checks
                .iter()
                .find(|r| r.id == "system")
                .and_then(|r| r.detail_u64("uptime_s"));
            if let Some(secs) = uptime.filter(|s| *s < limit.saturating_mul(60)) {
                let minutes = (secs / 60).max(1);
                let unit = if minutes == 1 { "minute" } else { "minutes" };
                return Some(StepNotice {
                    text: self.whose(format!(
                        "This computer was restarted {minutes} {unit} ago: you can skip this."
                    )),
                    preselect: Some("skip".to_string()),
                    means: Some(Means::Passed),
                    say: Some(format!(
                        "Your computer was restarted {minutes} {unit} ago, so we can skip this step."
                    )),
                });
            }
        }
        let verdict = self.verdict_id()?;
        Flow::notice(step, verdict).map(|n| StepNotice {
            text: self.whose(self.with_verdict(&n.text)),
            preselect: n.preselect.clone(),
            means: n.means,
            say: None,
        })
    }

    /// A notice's text with `{verdict}` as the verdict's title, which names the product or
    /// proxy the checks found ("Avast Web Shield is inspecting QuickBooks' secure connection").
    fn with_verdict(&self, text: &str) -> String {
        match &self.session.verdict {
            Some(v) if text.contains(crate::flow::NOTICE_VERDICT) => text.replace(
                crate::flow::NOTICE_VERDICT,
                crate::text::sanitize::clean(&v.title).trim_end_matches('.'),
            ),
            _ => text.to_string(),
        }
    }

    /// `text` about "this computer", said of the computer whose results these are: with the
    /// customer's results loaded, the checks found that of the customer's computer, not the
    /// agent's.
    fn whose(&self, text: String) -> String {
        if self.session.customer.is_none() {
            return text;
        }
        text.replace("This computer", "The customer's computer")
            .replace("this computer", "the customer's computer")
    }

    /// In a call on the customer's results: what `r` found on this (the agent's) computer,
    /// apart from theirs — once it has run or is running.
    pub fn this_computer(&self) -> Option<ThisComputer<'_>> {
        self.session.customer.as_ref()?;
        let run = self
            .session
            .check_runs
            .iter()
            .rev()
            .find(|r| r.from == Some(Origin::ThisComputer))?;
        Some(ThisComputer {
            results: &self.session.this_computer_checks,
            verdict: run.verdict.as_ref(),
            running: run.finished_at.is_none() && !self.pending.is_empty(),
        })
    }

    /// The summary's prevention tips that apply to this session: those naming the verdict or a
    /// step that fixed the problem or was tried; all of them when none does.
    pub fn tips(&self) -> Vec<&str> {
        tips_for(self.flow.summary(), &self.session)
    }
}

/// The tips of `summary` that apply to `session` (shared with the reports).
pub fn tips_for<'a>(summary: &'a Step, session: &crate::session::Session) -> Vec<&'a str> {
    debug_assert_eq!(summary.kind, StepKind::Summary);
    let verdict = session.verdict.as_ref().map(|v| v.id);
    let tried = |id: &String| {
        session.resolved_by.as_ref() == Some(id)
            || session
                .step(id)
                .is_some_and(|r| matches!(r.answer_id.as_deref(), Some("yes" | "no")))
    };
    let applying: Vec<&str> = summary
        .tips
        .iter()
        .filter(|t| verdict.is_some_and(|v| t.verdicts.contains(&v)) || t.steps.iter().any(tried))
        .map(|t| t.text.as_str())
        .collect();
    if applying.is_empty() {
        summary.tips.iter().map(|t| t.text.as_str()).collect()
    } else {
        applying
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::session::{Session, SystemFacts};

    #[test]
    fn step_one_says_whose_results_are_shown_when_they_are_the_customers() {
        let flow = Arc::new(crate::flow::default_flow().unwrap());
        let at = jiff::Timestamp::UNIX_EPOCH;
        // The embedded flow says checks run now: that is the paragraph replaced.
        assert_eq!(flow.start().text.matches(TESTING_HERE).count(), 1);
        let mut session = Session::new("id1".into(), &flow.id, at, SystemFacts::default());
        session.customer = Some(crate::session::Customer::results(
            crate::session::ImportSource::SessionJson,
            at,
        ));
        let (w, _) = Wizard::new(flow.clone(), session);
        let text = w.view().text.into_owned();
        assert!(!text.contains("already testing"), "{text}");
        assert!(text.contains("loaded from their session file"), "{text}");
        // The rest of the step stays as the flow has it.
        assert!(text.starts_with("Error 502 (\"Bad Gateway\") means"), "{text}");
        assert!(
            text.ends_with("Which of these comes closest to what you see?"),
            "{text}"
        );
        // Run here, the flow's text is shown as it is.
        let session = Session::new("id2".into(), &flow.id, at, SystemFacts::default());
        let (w, _) = Wizard::new(flow.clone(), session);
        assert_eq!(w.view().text, flow.start().text);
    }

    #[test]
    fn notices_about_this_computer_name_the_customers_when_the_results_are_theirs() {
        let flow = Arc::new(crate::flow::default_flow().unwrap());
        let at = jiff::Timestamp::UNIX_EPOCH;
        let offline_at_connection = |imported: bool| {
            let mut session = Session::new("id1".into(), &flow.id, at, SystemFacts::default());
            session.verdict = Some(crate::evidence::Verdict {
                id: crate::evidence::VerdictId::Offline,
                title: String::new(),
                advice: String::new(),
                actions: Vec::new(),
            });
            session.history = vec![flow.start().id.clone(), "connection".into()];
            if imported {
                session.customer = Some(crate::session::Customer::results(
                    crate::session::ImportSource::ResultCode,
                    at,
                ));
            }
            let (w, _) = Wizard::new(flow.clone(), session);
            w.view()
                .notice
                .expect("the offline notice of the connection step")
        };
        let here = offline_at_connection(false);
        assert!(here.contains("this computer is not online"), "{here}");
        let theirs = offline_at_connection(true);
        assert!(
            theirs.contains("the customer's computer is not online"),
            "{theirs}"
        );
        assert!(!theirs.contains("this computer"), "{theirs}");
    }
}
