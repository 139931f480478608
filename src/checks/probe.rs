//! One bounded, timed HTTP GET that classifies every way it can fail, and the loop the
//! URL-based checks share: set up the client once, probe every URL at once, keep their order.

use std::time::{Duration, Instant};

use futures::future::join_all;
use jiff::Timestamp;
use reqwest::Url;

use super::cert;
use super::net::{client, human_duration};
use super::{CheckResult, Status};
use crate::config::Config;

/// What one GET found.
#[derive(Debug, Clone, Default)]
pub struct Probe {
    /// When the request was sent.
    pub sent_at: Timestamp,
    pub status: Option<u16>,
    pub reason: Option<String>,
    /// Time to the response headers.
    pub ttfb: Option<Duration>,
    pub total: Duration,
    pub final_url: Option<Url>,
    pub date_header: Option<String>,
    pub body: Vec<u8>,
    pub body_truncated: bool,
    pub error_kind: Option<&'static str>,
    pub error: Option<String>,
}

/// GETs `url`, reading at most `max_body` bytes of the body, all within `timeout`.
pub async fn probe(client: &reqwest::Client, url: &Url, timeout: Duration, max_body: usize) -> Probe {
    let start = Instant::now();
    let mut probe = Probe {
        sent_at: Timestamp::now(),
        ..Probe::default()
    };
    let work = async {
        let mut response = client.get(url.clone()).send().await?;
        probe.ttfb = Some(start.elapsed());
        probe.status = Some(response.status().as_u16());
        probe.reason = response.status().canonical_reason().map(str::to_string);
        probe.final_url = Some(response.url().clone());
        probe.date_header = response
            .headers()
            .get(reqwest::header::DATE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        while let Some(chunk) = response.chunk().await? {
            let room = max_body.saturating_sub(probe.body.len());
            probe.body.extend_from_slice(&chunk[..chunk.len().min(room)]);
            if chunk.len() > room {
                probe.body_truncated = true;
                break;
            }
        }
        Ok::<(), reqwest::Error>(())
    };
    match tokio::time::timeout(timeout, work).await {
        Ok(Ok(())) => {}
        Ok(Err(e)) => {
            let (kind, text) = classify(&e);
            probe.error_kind = Some(kind);
            probe.error = Some(text);
        }
        Err(_) => {
            probe.error_kind = Some("timeout");
            probe.error = Some(format!("no answer within {}", human_duration(timeout)));
        }
    }
    probe.total = start.elapsed();
    probe
}

/// Sorts a reqwest failure into one of the `error_kind`s and a short plain description.
pub fn classify(e: &reqwest::Error) -> (&'static str, String) {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(e);
    let mut chain = Vec::new();
    while let Some(err) = source {
        if let Some(tls) = cert::rustls_error(err) {
            return (
                "tls",
                format!("secure connection failed: {}", cert::plain_error(tls)),
            );
        }
        if let Some(io) = err.downcast_ref::<std::io::Error>() {
            match io.kind() {
                std::io::ErrorKind::ConnectionRefused => {
                    return ("refused", "connection refused".into());
                }
                std::io::ErrorKind::TimedOut => return ("timeout", "timed out".into()),
                std::io::ErrorKind::HostUnreachable | std::io::ErrorKind::NetworkUnreachable => {
                    return ("unreachable", "network unreachable".into());
                }
                _ => {}
            }
        }
        chain.push(err.to_string());
        source = err.source();
    }
    let all = chain.join(": ");
    if let Some(dns) = all.rfind("dns error: ") {
        let why = all[dns + 11..].split(": ").next().unwrap_or("");
        return ("dns", format!("name lookup failed ({why})"));
    }
    if e.is_timeout() {
        return ("timeout", "timed out".into());
    }
    if all.contains("certificate") || all.contains("InvalidCertificate") {
        return ("tls", format!("secure connection failed: {all}"));
    }
    if e.is_connect() {
        return ("connect", format!("could not connect: {all}"));
    }
    if e.is_redirect() {
        return ("other", "too many redirects".into());
    }
    ("other", all)
}

/// Probes every URL at once with one client; the probes come back in the URLs' order.
pub async fn probe_each(config: &Config, urls: &[Url], max_body: usize) -> Result<Vec<Probe>, String> {
    let client = client(config)?;
    let timeout = config.network.timeout;
    Ok(join_all(urls.iter().map(|url| probe(&client, url, timeout, max_body))).await)
}

/// The one result of a check whose HTTP client could not be set up (e.g. a bad CA file).
pub fn setup_failed(id: &str, what: &str, problem: String) -> Vec<CheckResult> {
    vec![CheckResult::new(
        id,
        Status::Error,
        format!("Cannot set up the {what}: {problem}"),
    )]
}
