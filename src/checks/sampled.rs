//! What the checks that judge layered probes share: the facts of a sample's failure (its kind,
//! and the proxy's own answer apart from the site's), medians over samples, and the `skip` of
//! a layer an earlier failure kept a probe from reaching.

use std::time::Duration;

use crate::evidence::{Answerer, CheckResult, ErrorKind, Facts, Status, median, millis};
use crate::probe::{Layer, Sample, UrlProbe};

/// The facts of how a sample went (route, failure kind, who answered).
pub fn facts_of(s: &Sample) -> Facts {
    let mut f = Facts {
        proxy: s.via.clone(),
        ..Facts::default()
    };
    if let Some(failure) = &s.failure {
        f.error_kind = Some(failure.kind);
        if failure.kind == ErrorKind::Proxy {
            f.proxy_status = s.proxy_status;
            f.proxy_error = Some(failure.text.clone());
            f.answered_by = s.proxy_status.map(|_| Answerer::Proxy);
        }
    }
    if s.answer.is_some() {
        f.answered_by = Some(Answerer::Origin);
    }
    f
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

/// The `skip` of `id` for `target` when the probe failed before `layer`, if it did.
pub fn skipped(id: &str, target: &str, probe: &UrlProbe, layer: Layer) -> Option<CheckResult> {
    let s = probe.first()?;
    let why = s.not_reached(layer)?;
    Some(
        CheckResult::new(id, Status::Skip, format!("{target}: {why}"))
            .with("target", target)
            .with_facts(&Facts {
                proxy: s.via.clone(),
                ..Facts::default()
            })
            .with_duration(s.total),
    )
}

/// The longest time any sample of `probe` took.
pub fn longest(probe: &UrlProbe) -> Duration {
    probe.samples.iter().map(|s| s.total).max().unwrap_or_default()
}
