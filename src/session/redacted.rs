//! The redacted copy of a session that reports and logs use: every string passed through a
//! [`Redactor`], the copy marked with the policy applied. The saved session is never changed.

use crate::session::Session;
use crate::text::redact::Redactor;

/// Session-wide: a copy of `session` with every string passed through `redactor`, marked with
/// the policy applied. The saved session is never changed; only reports and logs use the copy.
pub fn redacted(session: &Session, redactor: &Redactor) -> Session {
    let mut copy = match serde_json::to_value(session) {
        Ok(mut v) => {
            redact_json(&mut v, redactor);
            serde_json::from_value::<Session>(v).unwrap_or_else(|_| session.clone())
        }
        Err(_) => session.clone(),
    };
    copy.redaction = Some(redactor.policy());
    copy
}

fn redact_json(v: &mut serde_json::Value, r: &Redactor) {
    use serde_json::Value;
    match v {
        Value::String(s) => *s = r.text(s),
        Value::Array(items) => items.iter_mut().for_each(|i| redact_json(i, r)),
        Value::Object(map) => map.values_mut().for_each(|v| redact_json(v, r)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::redact::Redaction;

    #[test]
    fn a_session_copy_is_redacted_everywhere_and_marked() {
        let now = jiff::Timestamp::from_second(1_790_000_000).unwrap();
        let mut s = Session::new(
            "20260911-012640-abcdef".into(),
            "qbo-502",
            now,
            crate::session::SystemFacts::default(),
        );
        s.steps.push(crate::session::StepRecord {
            id: "symptom".into(),
            title: "What do you see?".into(),
            answer: None,
            answer_id: None,
            note: Some("alice on alices-laptop, router 192.168.0.1".into()),
            note_draft: false,
            answered_at: None,
            checks: Vec::new(),
        });
        let copy = redacted(
            &s,
            &Redactor::with(
                &["alice".to_string()],
                Some("/home/alice"),
                Some("alices-laptop.corp.example"),
            ),
        );
        assert_eq!(
            copy.steps[0].note.as_deref(),
            Some("user-1 on host-1, router 192.168.x.1")
        );
        assert_eq!(copy.redaction, Some(Redaction::Redacted));
        assert_eq!(copy.id, s.id);
        assert_eq!(s.redaction, None, "the original is untouched");
    }
}
