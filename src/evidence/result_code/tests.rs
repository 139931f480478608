//! Result code: every verdict and status class round-trips; every single-character change and
//! every swap of two neighbours is refused; case, dashes and Crockford aliases are accepted.

use super::*;
use proptest::prelude::*;

fn verdict_id(name: &str) -> Option<VerdictId> {
    serde_json::from_value(serde_json::Value::String(name.into())).ok()
}

/// Results giving check `i` the status class `classes[i]` (0 not run, 1..=5 a status; a
/// status of 6 means two results, one pass and one fail, which add up to fail).
fn results(classes: &[usize]) -> Vec<CheckResult> {
    let mut out = Vec::new();
    for (id, class) in CHECKS.iter().zip(classes) {
        match class {
            0 => {}
            6 => {
                out.push(CheckResult::new(id, Status::Pass, "a"));
                out.push(CheckResult::new(id, Status::Fail, "b"));
            }
            n => out.push(CheckResult::new(id, STATUSES[n - 1], "x")),
        }
    }
    out
}

fn expected(classes: &[usize]) -> Vec<(&'static str, Option<Status>)> {
    CHECKS
        .iter()
        .zip(classes)
        .map(|(id, c)| {
            let s = match c {
                0 => None,
                6 => Some(Status::Fail),
                n => Some(STATUSES[n - 1]),
            };
            (*id, s)
        })
        .collect()
}

#[test]
fn every_verdict_and_every_status_class_round_trips() {
    let mut verdicts: Vec<Option<&str>> = VERDICTS.iter().copied().map(Some).collect();
    verdicts.push(None);
    for (vi, verdict) in verdicts.iter().enumerate() {
        // Every status class at every check position, in a rotating pattern.
        for shift in 0..7 {
            let classes: Vec<usize> = (0..CHECKS.len()).map(|i| (i + shift + vi) % 7).collect();
            let code = encode_named(*verdict, &results(&classes));
            if let Some(id) = verdict.and_then(verdict_id) {
                assert_eq!(encode(Some(id), &results(&classes)), code);
            }
            assert_eq!(code.len(), 11, "{code}");
            assert!(code.chars().filter(|c| *c != '-').count() <= 12);
            let back = decode(&code).unwrap_or_else(|e| panic!("{code}: {e}"));
            assert_eq!(back.verdict.as_deref(), *verdict, "{code}");
            assert_eq!(back.statuses, expected(&classes), "{code}");
        }
    }
    // The extremes: nothing ran; everything errored.
    for classes in [[0; 12], [5; 12]] {
        let code = encode(Some(VerdictId::LocalOk), &results(&classes));
        assert_eq!(decode(&code).unwrap().statuses, expected(&classes));
    }
}

fn sample_codes() -> Vec<String> {
    let mut rng = fastrand::Rng::with_seed(11);
    (0..60)
        .map(|i| {
            let classes: Vec<usize> = (0..12).map(|_| rng.usize(0..6)).collect();
            let verdict = VERDICTS.get(i % (VERDICTS.len() + 1)).copied();
            encode_named(verdict, &results(&classes))
        })
        .collect()
}

#[test]
fn every_verdict_id_has_its_own_number_and_round_trips() {
    let mut codes = std::collections::HashSet::new();
    for id in VerdictId::ALL {
        assert!(VERDICTS.contains(&id.as_str()), "{} has no number", id.as_str());
        let code = encode(Some(id), &results(&[1; 12]));
        assert_eq!(decode(&code).unwrap().verdict.as_deref(), Some(id.as_str()));
        assert_eq!(verdict_id(id.as_str()), Some(id));
        assert!(codes.insert(code));
    }
    assert_eq!(VERDICTS.len(), VerdictId::ALL.len());
}

#[test]
fn every_registered_check_has_a_place_in_the_code() {
    // The packing order is format version 1's and stays as written; a check added to the
    // registry must be given a place (and a new version), never silently left out.
    let registry: Vec<&str> = crate::evidence::CheckId::ALL.iter().map(|c| c.as_str()).collect();
    assert_eq!(CHECKS, registry.as_slice());
}

#[test]
fn every_single_character_change_is_refused() {
    let mut tried = 0;
    for code in sample_codes() {
        let plain: Vec<char> = code.chars().filter(|c| *c != '-').collect();
        for pos in 0..plain.len() {
            for sym in SYMBOLS.iter().map(|b| char::from(*b)).chain(['U', '*', 'é']) {
                if sym == plain[pos] {
                    continue;
                }
                let mut changed = plain.clone();
                changed[pos] = sym;
                let text: String = changed.iter().collect();
                assert!(decode(&text).is_err(), "{code} → {text} was accepted");
                tried += 1;
            }
        }
    }
    assert!(tried > 60 * 9 * 31);
}

#[test]
fn every_swap_of_two_neighbours_is_refused() {
    let mut tried = 0;
    for code in sample_codes() {
        let plain: Vec<char> = code.chars().filter(|c| *c != '-').collect();
        for pos in 0..plain.len() - 1 {
            if plain[pos] == plain[pos + 1] {
                continue;
            }
            let mut swapped = plain.clone();
            swapped.swap(pos, pos + 1);
            let text: String = swapped.iter().collect();
            assert_eq!(decode(&text), Err(CodeError::Check), "{code} → {text}");
            tried += 1;
        }
    }
    assert!(tried > 300, "{tried}");
    // Exhaustively over the quasigroup: (p∘a)∘b = (p∘b)∘a only when a = b.
    for p in 0..32u8 {
        for a in 0..32u8 {
            for b in 0..32u8 {
                let ab = times_two(times_two(p) ^ a) ^ b;
                let ba = times_two(times_two(p) ^ b) ^ a;
                assert!(a == b || ab != ba, "p={p} a={a} b={b}");
            }
        }
    }
}

#[test]
fn lower_case_missing_dashes_and_aliases_are_accepted() {
    let code = encode(
        Some(VerdictId::ServiceOutage),
        &results(&[1, 1, 1, 1, 3, 3, 0, 1, 1, 1, 2, 1]),
    );
    let want = decode(&code).unwrap();
    assert_eq!(want.verdict.as_deref(), Some("service_outage"));
    let bare: String = code.chars().filter(|c| *c != '-').collect();
    for text in [
        code.to_lowercase(),
        bare.clone(),
        bare.to_lowercase(),
        format!(" {} ", code.replace('-', " ")),
    ] {
        assert_eq!(decode(&text).as_ref(), Ok(&want), "{text}");
    }
    // Crockford: O reads as 0 and I/L as 1.
    let aliased = bare.replace('0', "O").replace('1', "l");
    assert_eq!(decode(&aliased).as_ref(), Ok(&want), "{aliased}");
}

#[test]
fn wrong_length_and_other_versions_are_refused_plainly() {
    assert_eq!(decode(""), Err(CodeError::Length(0)));
    assert_eq!(decode("7K3M-9TQ2"), Err(CodeError::Length(8)));
    assert!(matches!(decode("7K3M-9TQ2-55"), Err(CodeError::Length(_))));
    // Version 3 with a valid check symbol.
    assert_eq!(decode(&raw_code(3, 0, 0)), Err(CodeError::Version(3)));
    assert_eq!(decode(&raw_code(0, 0, 0)), Err(CodeError::Version(0)));
}

/// A code written by hand: `version`, verdict number, packed statuses, with its check symbol.
fn raw_code(version: u64, verdict: u64, packed: u64) -> String {
    let bits = (version << 36) | (verdict << 32) | packed;
    let mut values: Vec<u8> = (0..8).rev().map(|i| ((bits >> (i * 5)) & 31) as u8).collect();
    values.push(damm(&values));
    values.iter().map(|v| char::from(SYMBOLS[*v as usize])).collect()
}

#[test]
fn format_1_codes_still_read_and_know_only_the_first_nine_verdicts() {
    // A code a qbfix of format 1 wrote: local_ok (9), no checks run.
    let old = decode(&raw_code(1, 9, 0)).expect("format 1 reads");
    assert_eq!(old.verdict.as_deref(), Some("local_ok"));
    // Format 1 had no verdict 10: a code claiming one is not trusted.
    assert_eq!(decode(&raw_code(1, 10, 0)), Err(CodeError::Unknown));
    // Format 2 has it: clock_wrong.
    let new = decode(&raw_code(2, 10, 0)).expect("format 2 reads");
    assert_eq!(new.verdict.as_deref(), Some("clock_wrong"));
    assert_eq!(decode(&raw_code(2, 13, 0)), Err(CodeError::Unknown));
}

#[test]
fn codes_are_written_in_format_2() {
    let code = encode(Some(VerdictId::Unexplained), &[]);
    let decoded = decode(&code).unwrap();
    assert_eq!(decoded.verdict.as_deref(), Some("unexplained"));
    assert_eq!(
        code,
        raw_code(2, 12, 0)
            .chars()
            .enumerate()
            .fold(String::new(), |mut s, (i, c)| {
                if i == 4 || i == 8 {
                    s.push('-');
                }
                s.push(c);
                s
            })
    );
}

proptest! {
    #[test]
    fn arbitrary_text_never_panics(text in ".{0,40}") {
        let _ = decode(&text);
    }

    #[test]
    fn arbitrary_base32_never_panics(text in "[0-9A-Za-z-]{0,14}") {
        let _ = decode(&text);
    }
}
