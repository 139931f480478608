//! Helpdesk case codes: `QB-` and two groups of four characters from an alphabet without
//! look-alikes (no 0/O, no 1/I), e.g. `QB-7K3M-9TQ2`. Read back case-insensitively, with or
//! without the dashes, and accepted wherever a session id is
//! ([`crate::session::SessionStore::find_session`]).

use std::collections::HashSet;

/// The characters of a case code (the session format's own list).
pub use crate::session::CASE_ALPHABET as ALPHABET;

/// A fresh random case code.
pub fn generate() -> String {
    generate_with(&mut fastrand::Rng::new())
}

/// A case code drawn from `rng` (tests seed it).
pub fn generate_with(rng: &mut fastrand::Rng) -> String {
    let mut part = || -> String {
        (0..4)
            .map(|_| char::from(ALPHABET[rng.usize(..ALPHABET.len())]))
            .collect()
    };
    let a = part();
    let b = part();
    format!("QB-{a}-{b}")
}

/// A case code none of `taken` has (the store's codes), so two sessions never share one.
pub fn generate_unique(taken: &HashSet<String>) -> String {
    loop {
        let code = generate();
        if !taken.contains(&code) {
            return code;
        }
    }
}

/// The canonical form of `text` when it is a case code (`qb7k3m9tq2`, `QB-7K3M-9TQ2`, with
/// spaces or dashes anywhere), else `None`.
pub fn parse(text: &str) -> Option<String> {
    let chars: Vec<char> = text
        .chars()
        .filter(|c| !matches!(c, '-' | ' '))
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let body = chars.strip_prefix(&['Q', 'B'])?;
    if body.len() != 8
        || !body
            .iter()
            .all(|c| c.is_ascii() && ALPHABET.contains(&(*c as u8)))
    {
        return None;
    }
    let body: String = body.iter().collect();
    Some(format!("QB-{}-{}", &body[..4], &body[4..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_is_qb_and_two_groups_of_four_without_look_alikes() {
        let mut rng = fastrand::Rng::with_seed(7);
        for _ in 0..1000 {
            let code = generate_with(&mut rng);
            assert_eq!(code.len(), 12, "{code}");
            assert!(code.starts_with("QB-") && code.as_bytes()[7] == b'-', "{code}");
            for c in code[3..].chars().filter(|c| *c != '-') {
                assert!(!"01OI".contains(c), "{code} has a look-alike");
                assert!(ALPHABET.contains(&(c as u8)), "{code}");
            }
            assert_eq!(parse(&code).as_deref(), Some(code.as_str()));
        }
    }

    #[test]
    fn ten_thousand_codes_are_all_different() {
        let mut seen = HashSet::new();
        for _ in 0..10_000 {
            let code = generate_unique(&seen);
            assert!(seen.insert(code));
        }
        // And plain random draws do not collide either (40 bits of randomness).
        let mut rng = fastrand::Rng::with_seed(42);
        let drawn: HashSet<String> = (0..10_000).map(|_| generate_with(&mut rng)).collect();
        assert_eq!(drawn.len(), 10_000);
    }

    #[test]
    fn parse_ignores_case_dashes_and_spaces_and_refuses_the_rest() {
        assert_eq!(parse("qb-7k3m-9tq2").as_deref(), Some("QB-7K3M-9TQ2"));
        assert_eq!(parse("QB7K3M9TQ2").as_deref(), Some("QB-7K3M-9TQ2"));
        assert_eq!(parse(" qb 7k3m 9tq2 ").as_deref(), Some("QB-7K3M-9TQ2"));
        for bad in [
            "",
            "latest",
            "QB-7K3M-9TQ",
            "QB-7K3M-9TQ22",
            "QB-7K3M-9TQ0",
            "XB-7K3M-9TQ2",
            "20261218-101320-c0ffee",
            "QB-7K3M-9TQé",
        ] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }
}
