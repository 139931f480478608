//! Property: any bytes at all as the status page's body give a result (an error or a reading),
//! never a panic — through the parser and through the check's judging of a probe.

use std::time::Duration;

use proptest::prelude::*;
use qbfix::checks::status_doc::parse;
use qbfix::checks::status_page::{judge, judge_sample};
use qbfix::evidence::Status;
use qbfix::probe::{Reply, Sample};

fn sample(body: Vec<u8>) -> Sample {
    Sample {
        answer: Some(Reply {
            status: 200,
            ..Reply::default()
        }),
        body: Some((body, false)),
        ..Sample::default()
    }
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(body in proptest::collection::vec(any::<u8>(), 0..2048)) {
        if let Ok(doc) = parse(&body) {
            let _ = judge(&doc);
        }
        let r = judge_sample(&sample(body), Duration::from_secs(1));
        prop_assert!(!r.summary.is_empty());
    }

    #[test]
    fn json_shaped_noise_never_panics(text in r#"\{("(status|components|incidents|indicator|name|impact)":(\[|\{|"[a-z_]*"|[0-9]+|null|true),?)*\}?"#) {
        let r = judge_sample(&sample(text.into_bytes()), Duration::from_secs(1));
        prop_assert!(matches!(r.status, Status::Pass | Status::Warn | Status::Fail | Status::Error));
    }
}
