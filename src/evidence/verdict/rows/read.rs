//! What a finding says, read from the results: how the network failed, what the proxy did (its
//! words without the hosts it was asked for), how far the clock is off, the incident's name,
//! how slow QuickBooks was. Short and typed: the words never quote a check's own line.

use super::Item;
use crate::evidence::CheckResult;
use crate::evidence::facts::ErrorKind;
use crate::evidence::ids::CONNECTIVITY;
use crate::evidence::verdict::{NoAnswer, ProxySaid, Slowness};

/// The one way the network failed, when every failure was of that kind.
pub(super) fn no_answer(kinds: impl Iterator<Item = ErrorKind>) -> NoAnswer {
    let mut how: Option<NoAnswer> = None;
    for kind in kinds {
        let this = match kind {
            ErrorKind::Dns => NoAnswer::Names,
            ErrorKind::Timeout => NoAnswer::Timeout,
            ErrorKind::Refused | ErrorKind::Unreachable | ErrorKind::Connect => NoAnswer::NoRoute,
            _ => NoAnswer::Nothing,
        };
        match how {
            None => how = Some(this),
            Some(h) if h == this => {}
            Some(_) => return NoAnswer::Nothing,
        }
    }
    how.unwrap_or(NoAnswer::Nothing)
}

/// What the proxy did, in plain words after "the proxy": its own failure's words without its
/// address and without the target it was asked for (the advice names the proxy; hosts belong
/// to the check list).
pub(super) fn proxy_said(proxy: String, items: &[&Item]) -> ProxySaid {
    let first = items.first();
    let words = items.iter().find_map(|i| {
        let words = i.f.proxy_error.clone()?;
        // The host it was asked for is said as what it is (no hosts in the advice).
        let what = if i.r.id == CONNECTIVITY {
            "a test site"
        } else {
            "QuickBooks"
        };
        let host = i.f.target.as_deref().and_then(|t| url::Url::parse(t).ok());
        let host = host.as_ref().and_then(|u| u.host_str().map(str::to_string));
        let words = without_addresses(&words, &proxy, what);
        Some(match host {
            Some(host) => words.replace(&host, what),
            None => words,
        })
    });
    let said = match (words, first.and_then(|i| i.f.proxy_status)) {
        (Some(words), _) => {
            let rest = words
                .strip_prefix("the SOCKS proxy ")
                .or_else(|| words.strip_prefix("the proxy "))
                .map(|r| r.strip_prefix(proxy.as_str()).unwrap_or(r).trim_start())
                .unwrap_or(&words);
            let rest = rest.split(" when asked to connect").next().unwrap_or(rest);
            rest.trim().trim_end_matches('.').to_string()
        }
        (None, Some(code)) => format!("answered {code}"),
        (None, None) => "gave no answer".to_string(),
    };
    ProxySaid {
        proxy,
        product: items.iter().find_map(|i| i.f.proxy_product.clone()),
        said,
        code: items.iter().find_map(|i| i.f.proxy_error_code.clone()),
    }
}

/// `words` with every `host:port` but the proxy's said as `what`: a SOCKS proxy names the
/// address it was handed, which may not be the target's name.
fn without_addresses(words: &str, proxy: &str, what: &str) -> String {
    let is_address = |token: &str| {
        let token = token.trim_end_matches([',', ';', '.', ')']);
        token != proxy
            && token.rsplit_once(':').is_some_and(|(host, port)| {
                !host.is_empty() && !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit())
            })
    };
    words
        .split(' ')
        .map(|token| if is_address(token) { what } else { token })
        .collect::<Vec<_>>()
        .join(" ")
}

/// "3 hours ahead", "14 minutes behind": how far a clock `offset` seconds ahead is off.
pub(super) fn how_far(offset: i64) -> String {
    let amount = crate::text::words::clock_amount(offset.unsigned_abs());
    let side = if offset > 0 { "ahead" } else { "behind" };
    format!("{amount} {side}")
}

/// The first open incident's name on a status page result, when it names one: its first
/// sentence, at most 12 words, without its closing stop (the advice says it in a sentence).
pub(super) fn incident(r: &CheckResult) -> Option<String> {
    const WORDS: usize = 12;
    let first = crate::evidence::incidents::listed([r])
        .into_iter()
        .find(|i| !i.maintenance)?;
    let name = first.name?;
    let first = name
        .split_inclusive(['.', '!', '?'])
        .next()
        .unwrap_or(name)
        .trim()
        .trim_end_matches(['.', '!', '?']);
    let words: Vec<&str> = first.split_whitespace().collect();
    let mut short = words.iter().take(WORDS).copied().collect::<Vec<_>>().join(" ");
    // A whole first sentence needs no mark: only a sentence cut short gets one.
    if words.len() > WORDS {
        short.push('…');
    }
    (!short.is_empty()).then_some(short)
}

/// The slowest of the slow replies.
pub(super) fn slowness(slow: &[&Item]) -> Slowness {
    if slow
        .iter()
        .any(|i| i.f.error_kind == Some(ErrorKind::BodyStalled))
    {
        return Slowness::Stalled;
    }
    slow.iter()
        .filter_map(|i| i.f.total_ms.or(i.f.ttfb_ms))
        .max()
        .map_or(Slowness::Unknown, Slowness::Took)
}
