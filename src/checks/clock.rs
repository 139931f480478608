//! `clock`: compares this computer's clock with the `Date` header of QuickBooks' replies. A
//! clock off by minutes makes certificates look expired or not yet valid, which breaks secure
//! connections. Skipped when no reply carried a date.

use std::sync::Arc;
use std::time::Duration;

use jiff::Timestamp;
use jiff::fmt::rfc2822::DateTimeParser;

use super::{Context, sampled, setup_failed};
use crate::evidence::redact_url;
use crate::evidence::{CheckResult, Status};

pub const ID: &str = "clock";

/// Off by more than this: a warning.
const WARN_SECS: i64 = 2 * 60;
/// Off by more than this: secure connections are likely to fail.
const FAIL_SECS: i64 = 5 * 60;

static PARSER: DateTimeParser = DateTimeParser::new();

pub async fn run(ctx: Arc<Context>) -> Vec<CheckResult> {
    let probes = ctx.hub.quickbooks().await;
    let probes = match probes.as_ref() {
        Ok(p) => p,
        Err(e) => return setup_failed(ID, "clock test", e.clone()),
    };
    let took = probes.iter().map(sampled::longest).max().unwrap_or_default();
    let found = probes.iter().find_map(|p| {
        p.samples.iter().find_map(|s| {
            let answer = s.answer.as_ref()?;
            let server = parse_http_date(answer.date.as_deref()?)?;
            // The server stamped its reply about when its head arrived.
            let until_head = s.connected.map_or(Duration::ZERO, |c| c.1)
                + s.tls.as_ref().map_or(Duration::ZERO, |t| t.1)
                + answer.ttfb;
            let local = s.sent_at.checked_add(until_head).unwrap_or(s.sent_at);
            Some((&p.url, server, local))
        })
    });
    let result = match found {
        Some((url, server, local)) => judge(local.as_second() - server.as_second())
            .with("target", redact_url(url))
            .with("server_time", server.to_string())
            .with("local_time", local.to_string())
            .with_duration(took),
        None => CheckResult::new(
            ID,
            Status::Skip,
            "No QuickBooks server told its time, so this computer's clock could not be compared",
        )
        .with_duration(took),
    };
    vec![result]
}

/// Parses an HTTP `Date` header ("Sun, 06 Nov 1994 08:49:37 GMT").
fn parse_http_date(text: &str) -> Option<Timestamp> {
    PARSER.parse_timestamp(text.trim()).ok()
}

/// A result for a clock `offset` seconds ahead (positive) or behind (negative) of the server.
pub fn judge(offset: i64) -> CheckResult {
    let size = offset.abs();
    let how_far = if size >= 7200 {
        format!("{} hours", (size + 1800) / 3600)
    } else if size >= 120 {
        format!("{} minutes", (size + 30) / 60)
    } else {
        format!("{size} seconds")
    };
    let side = if offset > 0 { "ahead of" } else { "behind" };
    let (status, summary) = if size > FAIL_SECS {
        (
            Status::Fail,
            format!(
                "Your clock is {how_far} {side} QuickBooks' servers; a wrong clock breaks secure connections: set the date and time automatically"
            ),
        )
    } else if size > WARN_SECS {
        (
            Status::Warn,
            format!(
                "Your clock is {how_far} {side} QuickBooks' servers; set the date and time automatically before it breaks secure connections"
            ),
        )
    } else {
        (Status::Pass, "Your clock matches QuickBooks' servers".to_string())
    };
    CheckResult::new(ID, status, summary).with("offset_seconds", offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http_dates_parse() {
        let t = parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT").unwrap();
        assert_eq!(t.as_second(), 784_111_777);
        assert!(parse_http_date("yesterday").is_none());
        assert!(parse_http_date("").is_none());
    }

    #[test]
    fn offsets_are_judged_and_named() {
        assert_eq!(judge(30).status, Status::Pass);
        assert_eq!(judge(-90).status, Status::Pass);
        let r = judge(5 * 60);
        assert_eq!(r.status, Status::Warn);
        assert!(r.summary.contains("5 minutes ahead of"), "{}", r.summary);
        let r = judge(-14 * 60);
        assert_eq!(r.status, Status::Fail);
        assert!(r.summary.contains("14 minutes behind"), "{}", r.summary);
        assert!(judge(3 * 3600).summary.contains("3 hours"));
    }
}
