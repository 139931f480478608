//! One run's shared probing: the route plan (read once), the trust anchors (loaded once, off
//! the async workers, and only when an https target is probed), the QuickBooks probes that the
//! `dns`, `tcp`, `tls`, `http` and `clock` checks all judge, and the control sites' probes that
//! `connectivity` and `clock` judge — each started by whichever check asks first, done once.

use std::sync::Arc;

use rustls::RootCertStore;
use tokio::sync::OnceCell;
use url::Url;

use super::Env;
use super::path::Plan;
use super::sample::{DIGEST_BYTES, UrlProbe};
use super::trust;
use crate::config::{Config, ProxySetting};
use crate::machine::process;
use crate::machine::proxy::{self, OsProxy};

/// Bytes of a QuickBooks page read: its size is not what we measure.
const QUICKBOOKS_MAX_BODY: usize = 64 * 1024;

/// The environment variable that, set to `off`, keeps the checks from reading this computer's
/// own state (browsers, firewall, OS proxy settings, uptime): tests set it so their verdicts
/// and exit codes do not depend on the machine they run on.
pub const HOST_PROBES_ENV: &str = "QBFIX_HOST_PROBES";

/// True unless `QBFIX_HOST_PROBES=off`.
pub fn host_probes_on() -> bool {
    std::env::var(HOST_PROBES_ENV).map_or(true, |v| v.trim() != "off")
}

/// What the checks of one run share.
#[derive(Debug)]
pub struct Hub {
    config: Arc<Config>,
    os: OnceCell<OsProxy>,
    plan: OnceCell<Arc<Plan>>,
    roots: OnceCell<Result<Arc<RootCertStore>, String>>,
    quickbooks: OnceCell<Arc<Result<Vec<UrlProbe>, String>>>,
    control: OnceCell<Arc<Result<Vec<UrlProbe>, String>>>,
}

impl Hub {
    pub fn new(config: Arc<Config>) -> Hub {
        Hub {
            config,
            os: OnceCell::new(),
            plan: OnceCell::new(),
            roots: OnceCell::new(),
            quickbooks: OnceCell::new(),
            control: OnceCell::new(),
        }
    }

    /// The OS proxy settings (read once, by child processes with a short timeout).
    pub async fn os_proxy(&self) -> &OsProxy {
        self.os
            .get_or_init(|| async {
                if !host_probes_on() {
                    return OsProxy::Unavailable(format!("not read ({HOST_PROBES_ENV}=off)"));
                }
                let timeout = self.config.network.timeout.min(process::QUICK);
                tokio::time::timeout(self.config.network.timeout, proxy::read(timeout))
                    .await
                    .unwrap_or_else(|_| {
                        OsProxy::Unavailable("the system proxy settings took too long to read".into())
                    })
            })
            .await
    }

    /// The browser's path for this run.
    pub async fn plan(&self) -> Arc<Plan> {
        self.plan
            .get_or_init(|| async {
                let env = |name: &str| std::env::var(name).ok();
                let setting = &self.config.network.proxy;
                let from_env = Plan::new(setting, &env, None);
                if *setting != ProxySetting::System || from_env.has_proxy() {
                    return Arc::new(from_env);
                }
                let findings = match self.os_proxy().await {
                    OsProxy::Read(f) => Some(f.clone()),
                    OsProxy::Unavailable(_) => None,
                };
                Arc::new(Plan::new(setting, &env, findings.as_ref()))
            })
            .await
            .clone()
    }

    /// The trust anchors: the system's plus `extra_ca_file`, read on a blocking thread.
    pub async fn roots(&self) -> Result<Arc<RootCertStore>, String> {
        self.roots
            .get_or_init(|| async {
                let config = self.config.clone();
                tokio::task::spawn_blocking(move || trust::root_store(&config).map(Arc::new))
                    .await
                    .unwrap_or_else(|_| Err("this computer's certificates could not be loaded".into()))
            })
            .await
            .clone()
    }

    /// Probes each URL `samples` times, all at once, on the browser's path. The trust anchors
    /// are loaded only when one of them is https or goes through an HTTPS proxy.
    pub async fn probe(&self, urls: &[Url], samples: u32, max_body: usize) -> Result<Vec<UrlProbe>, String> {
        let plan = self.plan().await;
        let secure = |u: &Url| {
            u.scheme() == "https"
                || plan
                    .route(u)
                    .proxy()
                    .is_some_and(|h| h.kind == super::ProxyKind::Https)
        };
        let roots = if urls.iter().any(secure) {
            self.roots().await?
        } else {
            Arc::new(RootCertStore::empty())
        };
        let env = Env {
            dns_timeout: self.config.network.dns_timeout,
            timeout: self.config.network.timeout,
            roots,
            max_body,
        };
        let probes = urls.iter().map(|url| {
            let route = plan.route(url);
            let env = &env;
            async move { super::probe_url(url, &route, env, samples).await }
        });
        Ok(futures::future::join_all(probes).await)
    }

    /// The control sites' probes of this run (one each), done once: the `connectivity` and
    /// `clock` checks judge them.
    pub async fn control(&self) -> Arc<Result<Vec<UrlProbe>, String>> {
        self.control
            .get_or_init(|| async {
                Arc::new(self.probe(&self.config.targets.control, 1, DIGEST_BYTES).await)
            })
            .await
            .clone()
    }

    /// Whether the trust anchors were loaded (tests: an http-only run never reads them).
    #[cfg(test)]
    pub fn roots_loaded(&self) -> bool {
        self.roots.initialized()
    }

    /// The QuickBooks probes of this run, `[network] samples` per URL, done once.
    pub async fn quickbooks(&self) -> Arc<Result<Vec<UrlProbe>, String>> {
        self.quickbooks
            .get_or_init(|| async {
                let urls = &self.config.targets.quickbooks;
                Arc::new(
                    self.probe(urls, self.config.network.samples, QUICKBOOKS_MAX_BODY)
                        .await,
                )
            })
            .await
            .clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::ProxySetting;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    /// A loopback server answering 204 to every connection; its base URL.
    async fn answering_204() -> String {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        tokio::spawn(async move {
            while let Ok((mut s, _)) = listener.accept().await {
                let mut buf = [0u8; 2048];
                let _ = s.read(&mut buf).await;
                let _ = s
                    .write_all(b"HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n")
                    .await;
            }
        });
        format!("127.0.0.1:{port}")
    }

    #[tokio::test]
    async fn the_trust_store_is_read_only_when_an_https_target_is_probed() {
        let at = answering_204().await;
        let mut config = Config::default();
        config.network.proxy = ProxySetting::None;
        config.targets.quickbooks = vec![Url::parse(&format!("http://{at}/")).unwrap()];
        config.targets.control = vec![Url::parse(&format!("http://{at}/generate_204")).unwrap()];
        let hub = Hub::new(Arc::new(config));
        assert!(hub.quickbooks().await.as_ref().is_ok());
        assert!(hub.control().await.as_ref().is_ok());
        assert!(!hub.roots_loaded(), "an http-only run never reads it");
        let https = Url::parse(&format!("https://{at}/")).unwrap();
        let _ = hub.probe(&[https], 1, 16).await;
        assert!(hub.roots_loaded());
    }
}
