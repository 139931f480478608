//! `clock`: compares this computer's clock with the `Date` header of the servers' replies —
//! QuickBooks' first, else a control site's (over plain http too), so a wrong clock is seen
//! even when every QuickBooks certificate is refused for its dates. A clock off by minutes
//! makes certificates look expired or not yet valid, which breaks secure connections: over 2
//! minutes warns, over 5 minutes fails (DESIGN's `clock_wrong`). Skipped when no reply carried
//! a date.

use std::sync::Arc;
use std::time::Duration;

use jiff::Timestamp;
use jiff::fmt::rfc2822::DateTimeParser;
use url::Url;

use super::{Context, sampled, setup_failed};
use crate::evidence::redact_url;
use crate::evidence::{CheckResult, Status};
use crate::probe::UrlProbe;

pub const ID: &str = "clock";

/// Off by more than this: a warning.
const WARN_SECS: i64 = 2 * 60;
/// Off by more than this: secure connections are likely to fail.
const FAIL_SECS: i64 = 5 * 60;

static PARSER: DateTimeParser = DateTimeParser::new();

pub async fn run(ctx: Arc<Context>) -> Vec<CheckResult> {
    let quickbooks = ctx.hub.quickbooks().await;
    let control = ctx.hub.control().await;
    let sources = [
        (quickbooks.as_ref(), "QuickBooks' servers"),
        (control.as_ref(), "the web servers it reached"),
    ];
    if let (Err(e), Err(_)) = (quickbooks.as_ref(), control.as_ref()) {
        return setup_failed(ID, "clock test", e.clone());
    }
    let took = sources
        .iter()
        .filter_map(|(p, _)| p.as_ref().ok())
        .flatten()
        .map(sampled::longest)
        .max()
        .unwrap_or_default();
    let found = sources.iter().find_map(|(probes, whose)| {
        let (url, server, local) = dated(probes.as_ref().ok()?)?;
        Some((url, server, local, *whose))
    });
    let result = match found {
        Some((url, server, local, whose)) => judge(local.as_second() - server.as_second(), whose)
            .with("target", redact_url(url))
            .with("server_time", server.to_string())
            .with("local_time", local.to_string())
            .with_duration(took),
        None => CheckResult::new(
            ID,
            Status::Skip,
            "No server told its time, so this computer's clock could not be compared",
        )
        .with_duration(took),
    };
    vec![result]
}

/// The first answer among `probes` with a readable `Date`: its URL, the server's time, and
/// this computer's time when the server stamped it (about when the answer's head arrived).
fn dated(probes: &[UrlProbe]) -> Option<(&Url, Timestamp, Timestamp)> {
    probes.iter().find_map(|p| {
        p.samples.iter().find_map(|s| {
            let answer = s.answer.as_ref()?;
            let server = parse_http_date(answer.date.as_deref()?)?;
            let until_head = s.connected.map_or(Duration::ZERO, |c| c.1)
                + s.tls.as_ref().map_or(Duration::ZERO, |t| t.1)
                + answer.ttfb;
            let local = s.sent_at.checked_add(until_head).unwrap_or(s.sent_at);
            Some((&p.url, server, local))
        })
    })
}

/// Parses an HTTP `Date` header ("Sun, 06 Nov 1994 08:49:37 GMT").
fn parse_http_date(text: &str) -> Option<Timestamp> {
    PARSER.parse_timestamp(text.trim()).ok()
}

/// A result for a clock `offset` seconds ahead (positive) or behind (negative) of `whose`
/// time ("QuickBooks' servers").
pub fn judge(offset: i64, whose: &str) -> CheckResult {
    let size = offset.abs();
    let how_far = crate::text::words::clock_amount(offset.unsigned_abs());
    let side = if offset > 0 { "ahead of" } else { "behind" };
    let (status, summary) = if size > FAIL_SECS {
        (
            Status::Fail,
            format!(
                "Your clock is {how_far} {side} {whose}; a wrong clock breaks secure connections: set the date and time automatically"
            ),
        )
    } else if size > WARN_SECS {
        (
            Status::Warn,
            format!(
                "Your clock is {how_far} {side} {whose}; set the date and time automatically before it breaks secure connections"
            ),
        )
    } else {
        (Status::Pass, format!("Your clock matches {whose}"))
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
        let judge = |offset| judge(offset, "QuickBooks' servers");
        assert_eq!(judge(30).status, Status::Pass);
        assert_eq!(judge(-90).status, Status::Pass);
        let r = judge(4 * 60);
        assert_eq!(r.status, Status::Warn);
        assert!(
            r.summary.contains("4 minutes ahead of QuickBooks' servers"),
            "{}",
            r.summary
        );
        assert_eq!(judge(5 * 60).status, Status::Warn, "5 minutes is not more than 5");
        let r = judge(-(5 * 60 + 30));
        assert_eq!(r.status, Status::Fail, "over 5 minutes: certificates fail");
        let r = judge(-14 * 60);
        assert_eq!(r.status, Status::Fail);
        assert!(r.summary.contains("14 minutes behind"), "{}", r.summary);
        assert!(judge(3 * 3600).summary.contains("3 hours"));
    }
}
