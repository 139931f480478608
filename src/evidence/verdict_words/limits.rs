//! DESIGN's limits on a verdict's words: a title that names the cause, advice of one or two
//! plain sentences (at most 60 words, no nested parentheses, no list of hosts, not repeating the
//! title, no doubled full stop), 1–4 short imperative actions. One definition for the unit
//! tests over every finding and for every `check` an integration test runs.

use crate::evidence::Verdict;

/// Returns the error when `cond` is false.
macro_rules! ensure {
    ($cond:expr, $($msg:tt)+) => {
        if !$cond {
            return Err(format!($($msg)+));
        }
    };
}

/// DESIGN's limits on a verdict's words; `hosts` are the probed targets' hosts, which the
/// advice must not list. The first limit broken, in words.
pub fn check(v: &Verdict, hosts: &[&str]) -> Result<(), String> {
    let all = format!("{v:#?}");
    ensure!(
        !v.title.is_empty() && v.title.chars().count() <= 90,
        "title: {all}"
    );
    let words = v.advice.split_whitespace().count();
    ensure!((1..=60).contains(&words), "{words} words of advice: {all}");
    ensure!(sentences(&v.advice) <= 2, "more than two sentences: {all}");
    ensure!(depth(&v.advice) <= 1, "nested parentheses: {all}");
    ensure!(!v.advice.contains("://"), "a URL in the advice: {all}");
    // Read under its title, the advice says what the title does not.
    ensure!(
        !v.advice.starts_with(&v.title),
        "the advice repeats the title: {all}"
    );
    for host in hosts {
        ensure!(!v.advice.contains(host), "the host {host} in the advice: {all}");
    }
    ensure!((1..=4).contains(&v.actions.len()), "1–4 actions: {all}");
    for a in v.actions.iter().chain([&v.title, &v.advice]) {
        ensure!(!doubled_stop(a), "a doubled full stop: {a}");
    }
    for a in v.actions.iter().chain([&v.title]) {
        ensure!(a.chars().count() <= 100, "too long: {a}");
        ensure!(!a.ends_with('.'), "a title or action is not a sentence: {a}");
        let capital = a.chars().next().is_some_and(char::is_uppercase);
        ensure!(capital || a.starts_with("qbfix"), "{a}");
        ensure!(depth(a) <= 1, "nested parentheses: {a}");
    }
    Ok(())
}

/// Sentences: a full stop, question or exclamation mark at the end or before a space.
fn sentences(text: &str) -> usize {
    let chars: Vec<char> = text.trim_end().chars().collect();
    let ends = chars
        .iter()
        .enumerate()
        .filter(|(i, c)| matches!(c, '.' | '!' | '?') && chars.get(i + 1).is_none_or(|n| n.is_whitespace()))
        .count();
    ends.max(1)
}

/// "…." or "..": a quoted text that ended a sentence of its own, with the template's stop
/// after it.
fn doubled_stop(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars
        .windows(2)
        .any(|w| matches!(w[0], '.' | '…' | '!' | '?' | ':') && w[1] == '.')
}

/// How deep parentheses nest.
fn depth(text: &str) -> usize {
    let (mut now, mut most) = (0usize, 0usize);
    for c in text.chars() {
        match c {
            '(' => {
                now += 1;
                most = most.max(now);
            }
            ')' => now = now.saturating_sub(1),
            _ => {}
        }
    }
    most
}
