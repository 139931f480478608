//! The bank question: when the symptom is bank downloads and no bank address is known, the
//! bank step asks for the bank's sign-in address and the driver tests it in this session.

use super::{Effect, Wizard};

/// The bank check's id.
const BANK: &str = "bank";

/// What the bank question says.
pub const BANK_PROMPT: &str = "Type your bank's web address to test it, or press Enter to skip";

/// What the test of the address typed at the bank question found, shown on that step.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum BankTest<'a> {
    /// The bank check is running on it.
    Testing,
    /// The bank check's result.
    Done(&'a crate::evidence::CheckResult),
}

impl Wizard {
    /// On the step that asked for the bank's address, once one was typed: the test running,
    /// then its result.
    pub fn bank_test(&self) -> Option<BankTest<'_>> {
        if !self.bank_asked || self.session.bank_address.is_none() {
            return None;
        }
        self.flow.step(self.current_id())?.ask_bank_when.as_ref()?;
        if self.pending.iter().any(|p| p == BANK) {
            return Some(BankTest::Testing);
        }
        self.session
            .checks
            .iter()
            .rev()
            .find(|r| r.id == BANK)
            .map(BankTest::Done)
    }

    /// The bank question, when the current step asks it now: its symptom was picked, no bank
    /// address is known (none typed before, and the bank check skipped), and it was not
    /// answered yet.
    pub fn bank_question(&self) -> Option<&'static str> {
        if self.bank_asked || self.hold.is_some() || self.session.bank_address.is_some() {
            return None;
        }
        let step = self.flow.step(self.current_id())?;
        let when = step.ask_bank_when.as_deref()?;
        let symptom = self.session.step(&self.flow.start().id)?.answer_id.as_deref()?;
        let bank_known = self
            .session
            .checks
            .iter()
            .any(|r| r.id == BANK && r.status != crate::evidence::Status::Skip);
        (symptom == when && !bank_known).then_some(BANK_PROMPT)
    }

    /// The person typed `text` (or nothing) at the bank question.
    pub(super) fn bank_address(&mut self, text: &str) -> Vec<Effect> {
        if self.bank_question().is_none() {
            return vec![];
        }
        let text = text.trim();
        if text.is_empty() {
            self.bank_asked = true;
            return vec![];
        }
        let url = if text.contains("://") {
            text.to_string()
        } else {
            format!("https://{text}")
        };
        match crate::session::plain_web_address(&url) {
            Some(url) => {
                self.bank_asked = true;
                self.session.bank_address = Some(url.clone());
                vec![Effect::TestBank(url)]
            }
            None => {
                self.hint = Some(format!(
                    "{:?} is not a web address (like mybank.com): try again, or press Enter to skip.",
                    crate::text::sanitize::clean(text)
                ));
                vec![]
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::session::plain_web_address as ok;

    #[test]
    fn only_plain_web_addresses_are_tested() {
        assert!(ok("https://mybank.com/login").is_some());
        assert!(ok("http://127.0.0.1:8080/").is_some());
        assert!(ok("https://user:pw@mybank.com/").is_none());
        assert!(ok("ftp://mybank.com/").is_none());
        assert!(ok("https://my bank/").is_none());
        assert!(ok("https://mybank.com/\u{1b}]52;c;eA==\u{7}").is_none());
    }
}
