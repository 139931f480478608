//! Finished means finished. Reaching the summary ends the session: checks still running then
//! are waited for ("Finishing the checks…") and finish into the record; from then on the
//! session is a record and [`Wizard::update`] hands every message to `update_closed`, which
//! changes none of its answers, outcome, times or check runs. A note there is a closing note,
//! appended with its time; `r` checks again [`Again`]: beside the record, never into it.

use jiff::Timestamp;

use crate::evidence::{CheckResult, Verdict};
use crate::session::{ClosingNote, Outcome};

use super::{Effect, Msg, Wizard};

/// Said when a key would change a finished session.
pub const FINAL_HINT: &str = "This session is finished: it is a record and stays as it is. \
                              Press n to add a closing note; to try again, start a new session.";

/// Where the session stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Phase {
    /// Steps are being answered.
    Open,
    /// The summary was reached while checks ran: the record is sealed when they end.
    Finishing(Ending),
    /// A record: nothing changes in it but closing notes appended.
    Finished,
}

/// How the session ended, applied to it when it is sealed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Ending {
    pub outcome: Outcome,
    pub resolved_by: Option<String>,
    /// When the summary was reached.
    pub at: Timestamp,
}

/// Checks run again on a finished session's summary: shown beside the record ("Checked again
/// at 10:42: …") until the program ends, never saved into the session.
#[derive(Debug, Clone, PartialEq)]
pub struct Again {
    pub started_at: Timestamp,
    /// `None` while the run goes on.
    pub finished_at: Option<Timestamp>,
    pub results: Vec<CheckResult>,
    /// What these results alone say.
    pub verdict: Option<Verdict>,
}

impl Wizard {
    /// The session is a record (its summary was reached and its checks finished).
    pub fn is_finished(&self) -> bool {
        self.phase == Phase::Finished
    }

    /// The summary is reached and the checks that were running are being waited for.
    pub fn finishing(&self) -> bool {
        matches!(self.phase, Phase::Finishing(_))
    }

    /// Steps are being answered (the summary is not reached).
    pub(super) fn is_open(&self) -> bool {
        self.phase == Phase::Open
    }

    /// The checks run again on the summary, if `r` was pressed there.
    pub fn again(&self) -> Option<&Again> {
        self.again.as_ref()
    }

    /// The summary was reached, ending as `ending` says: sealed now, or when the checks still
    /// running have finished into the record.
    pub(super) fn reach_summary(&mut self, ending: Ending) -> Vec<Effect> {
        if self.pending.is_empty() {
            self.seal(ending);
            vec![Effect::Save, Effect::Finished]
        } else {
            self.phase = Phase::Finishing(ending);
            vec![Effect::Save]
        }
    }

    fn seal(&mut self, ending: Ending) {
        self.session.finished_at = Some(ending.at);
        self.session.outcome = ending.outcome;
        self.session.resolved_by = ending.resolved_by;
        self.hold = None;
        self.phase = Phase::Finished;
    }

    /// A message on the summary (finishing or finished).
    pub(super) fn update_closed(&mut self, msg: Msg) -> Vec<Effect> {
        match msg {
            // The resume offer is for step 1; a finished record keeps its case code.
            Msg::Up | Msg::Down | Msg::Offer(_) | Msg::CaseCode { .. } => vec![],
            Msg::Pick { .. } | Msg::Back | Msg::Jump { .. } | Msg::BankAddress { .. } => {
                self.hint = Some(FINAL_HINT.to_string());
                vec![]
            }
            Msg::Confirm { .. } | Msg::Quit => vec![Effect::Save, Effect::Quit],
            Msg::Note { text, at } => self.closing_note(&text, at, false),
            Msg::DraftNote { text, at } => self.closing_note(&text, at, true),
            Msg::ChecksStarted { ids, at } => {
                if self.phase == Phase::Finished {
                    self.pending = ids;
                    self.again = Some(Again {
                        started_at: at,
                        finished_at: None,
                        results: Vec::new(),
                        verdict: None,
                    });
                }
                // Finishing: a run the wizard did not ask for is no part of the record.
                vec![]
            }
            Msg::CheckFinished { id, results } => match (&self.phase, &mut self.again) {
                (Phase::Finishing(_), _) => self.check_finished(id, results),
                (Phase::Finished, Some(again)) if again.finished_at.is_none() => {
                    self.pending.retain(|p| *p != id);
                    again.results.retain(|r| r.id != id);
                    again.results.extend(results);
                    crate::evidence::catalog::sort(&mut again.results);
                    vec![]
                }
                _ => vec![],
            },
            Msg::ChecksDone { at, duration_ms } => match &self.phase {
                Phase::Finishing(ending) => {
                    let ending = ending.clone();
                    let mut effects = self.checks_done(at, duration_ms);
                    self.seal(ending);
                    effects.retain(|e| *e != Effect::Save);
                    effects.extend([Effect::Save, Effect::Finished]);
                    effects
                }
                Phase::Finished => {
                    self.pending.clear();
                    if let Some(again) = self.again.as_mut().filter(|a| a.finished_at.is_none()) {
                        again.finished_at = Some(at);
                        again.verdict = Some(crate::evidence::decide(&again.results));
                    }
                    vec![]
                }
                Phase::Open => vec![],
            },
            Msg::RerunChecks => {
                if self.phase == Phase::Finished && self.pending.is_empty() {
                    vec![Effect::RunChecks(self.check_ids())]
                } else {
                    vec![]
                }
            }
        }
    }

    /// Appends a closing note (`draft`: one being typed when qbfix ended); the saved reports
    /// are written again once the session is finished.
    fn closing_note(&mut self, text: &str, at: Timestamp, draft: bool) -> Vec<Effect> {
        let text = self.within_note_limit(super::update::note_text(text));
        let last = self.session.closing_notes.last().map(|n| n.text.as_str());
        if text.is_empty() || (draft && last == Some(text.as_str())) {
            return vec![];
        }
        self.session.closing_notes.push(ClosingNote { at, text, draft });
        if self.phase == Phase::Finished {
            vec![Effect::Save, Effect::WriteReports]
        } else {
            vec![Effect::Save]
        }
    }
}
