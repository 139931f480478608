//! What the checks that judge layered probes share: the facts of a sample's failure (its kind,
//! and the proxy's own answer apart from the site's), medians over samples, the `skip` of a
//! layer an earlier failure kept a probe from reaching, and the `error` of a probe not made
//! because its proxy cannot be used.

use std::time::Duration;

use crate::evidence::{Answerer, CheckResult, ErrorKind, Facts, Status, median, millis, redact_url};
use crate::probe::handshake::Trust;
use crate::probe::{Layer, Sample, UrlProbe};

/// The facts of how a sample went: its route, how it failed (and, for a proxy's failure, what
/// the proxy said and which marks it carried), whether a certificate was shown and why it was
/// refused, who answered, and a digest of what answered.
pub fn facts_of(s: &Sample) -> Facts {
    let mut f = Facts {
        proxy: s.via.clone(),
        cert_seen: s.cert_seen,
        cert_problem: s.tls.as_ref().and_then(|(hs, _)| match hs.trust {
            Trust::Refused(problem, _) => Some(problem),
            Trust::Trusted => None,
        }),
        ..Facts::default()
    };
    if let Some(failure) = &s.failure {
        f.error_kind = Some(failure.kind);
        if failure.kind == ErrorKind::Proxy {
            f.proxy_status = s.proxy_status;
            f.proxy_error = Some(failure.text.clone());
            f.answered_by = s.proxy_status.map(|_| Answerer::Proxy);
            if let Some(marks) = &s.proxy_marks {
                f.proxy_product = marks.product.clone();
                f.proxy_error_code = marks.error_code.clone();
            }
        }
    }
    if s.answer.is_some() {
        f.answered_by = Some(Answerer::Origin);
        f.body_digest = s.body_digest();
    }
    f
}

/// The result of a probe that was not made because the route's proxy cannot be used (never
/// silently direct): `error`, saying so, with the proxy named.
pub fn not_tested(id: &str, target: &str, probe: &UrlProbe) -> Option<CheckResult> {
    let s = probe.first()?;
    let f = s.failure.as_ref().filter(|f| f.layer == Layer::Route)?;
    Some(
        CheckResult::new(id, Status::Error, format!("{target} was not tested: {}", f.text))
            .with("target", redact_url(&probe.url))
            .with("unusable_proxy", true)
            .with_facts(&Facts {
                proxy: s.via.clone(),
                error_kind: Some(f.kind),
                ..Facts::default()
            }),
    )
}

/// Median of a per-sample time, over the samples that have it.
pub fn median_of(samples: &[Sample], get: impl Fn(&Sample) -> Option<Duration>) -> Option<u64> {
    let values: Vec<Duration> = samples.iter().filter_map(get).collect();
    (!values.is_empty()).then(|| millis(median(&values)))
}

/// Per-layer medians into `f`.
pub fn layer_times(samples: &[Sample], f: &mut Facts) {
    f.dns_ms = median_of(samples, |s| s.lookup.as_ref().map(|l| l.1));
    f.connect_ms = median_of(samples, |s| s.connected.map(|c| c.1));
    f.tls_ms = median_of(samples, |s| s.tls.as_ref().map(|t| t.1));
    f.ttfb_ms = median_of(samples, |s| s.answer.as_ref().map(|a| a.ttfb));
    f.total_ms = median_of(samples, |s| Some(s.total));
}

/// The `skip` of `id` for `target` when the probe failed before `layer`, if it did. A proxy's
/// failure is carried on the skip too: the result went through that proxy, and it failed.
pub fn skipped(id: &str, target: &str, probe: &UrlProbe, layer: Layer) -> Option<CheckResult> {
    let s = probe.first()?;
    let why = s.not_reached(layer)?;
    let facts = match &s.failure {
        Some(f) if f.kind == ErrorKind::Proxy => facts_of(s),
        _ => Facts {
            proxy: s.via.clone(),
            ..Facts::default()
        },
    };
    Some(
        CheckResult::new(id, Status::Skip, format!("{target}: {why}"))
            .with("target", target)
            .with_facts(&facts)
            .with_duration(s.total),
    )
}

/// The longest time any sample of `probe` took.
pub fn longest(probe: &UrlProbe) -> Duration {
    probe.samples.iter().map(|s| s.total).max().unwrap_or_default()
}
