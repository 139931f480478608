//! What the Wine tests need of the Linux tests' helpers, kept here (a test binary of its own
//! cannot share `tests/it/support` without a `#[path]`), trimmed to what they use: one test's
//! [`World`] — a runtime for its loopback servers (plain HTTP with a chosen status and body,
//! TLS with an rcgen CA, a port that refuses) and a temp dir — a config writer that overrides
//! every target ([`Setup`]), and what one run did ([`Run`]). Nothing here touches the internet.
//!
//! - `servers`: what the servers answer ([`Reply`]), served by hyper.
//! - `tls`: a test certificate authority and the server certificates it signs.
//! - `setup`: the settings a test chooses, written as a config file.
//! - `run`: what a run did, the environment it must not inherit, the codes `qbfix` prints.

pub mod run;
pub mod servers;
pub mod setup;
pub mod tls;

pub use run::{Run, UNSET, is_dirty, printed_case_code, printed_result_code};
pub use servers::Reply;
pub use setup::Setup;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use tokio::net::TcpListener;
use tokio::runtime::Runtime;

/// The healthy status page: every component operational, no incidents.
pub const OPERATIONAL: &str = include_str!("../../data/status/operational.json");

/// The network checks that pass against [`World::healthy`] (plain HTTP, so `tls` skips).
pub const HEALTHY_PASSES: &[&str] = &[
    "connectivity",
    "dns",
    "tcp",
    "http",
    "status_page",
    "bank",
    "clock",
];

/// One test's world: a runtime for its servers and a temp dir for config and data.
pub struct World {
    pub rt: Runtime,
    pub dir: tempfile::TempDir,
}

impl World {
    pub fn new() -> World {
        World {
            rt: tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .unwrap(),
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn listen(&self) -> (TcpListener, u16) {
        let listener = self.rt.block_on(TcpListener::bind("127.0.0.1:0")).unwrap();
        let port = listener.local_addr().unwrap().port();
        (listener, port)
    }

    /// A plain HTTP server giving `reply` to every request; returns its base URL.
    pub fn http(&self, reply: Reply) -> String {
        let (listener, port) = self.listen();
        let reply = Arc::new(reply);
        self.rt.spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                tokio::spawn(servers::serve(stream, reply.clone()));
            }
        });
        format!("http://127.0.0.1:{port}/")
    }

    /// A TLS server presenting `cert` and giving `reply`; returns its base URL.
    pub fn https(&self, cert: &tls::ServerCert, reply: Reply) -> String {
        let (listener, port) = self.listen();
        let acceptor = cert.acceptor();
        let reply = Arc::new(reply);
        self.rt.spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let acceptor = acceptor.clone();
                let reply = reply.clone();
                tokio::spawn(async move {
                    if let Ok(stream) = acceptor.accept(stream).await {
                        servers::serve(stream, reply).await;
                    }
                });
            }
        });
        format!("https://127.0.0.1:{port}/")
    }

    /// A port nothing listens on (bound, then released): connections are refused.
    pub fn refused(&self) -> String {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        drop(listener);
        format!("http://127.0.0.1:{port}/")
    }

    /// Every target on a healthy server of its own (the checks of [`HEALTHY_PASSES`] pass).
    pub fn healthy(&self) -> Setup {
        Setup {
            quickbooks: vec![self.http(Reply::ok())],
            control: vec![self.http(Reply::status(204).body(b""))],
            status_page: self.http(Reply::json(OPERATIONAL)),
            bank: vec![self.http(Reply::ok())],
            ..Setup::default()
        }
    }

    /// Every target refused: no control site, QuickBooks, status page or bank answers.
    pub fn offline(&self) -> Setup {
        Setup {
            quickbooks: vec![self.refused()],
            control: vec![self.refused(), self.refused()],
            status_page: self.refused(),
            bank: vec![self.refused()],
            ..Setup::default()
        }
    }

    /// Writes `setup` as a config file in the temp dir.
    pub fn write_config(&self, setup: &Setup) -> PathBuf {
        let path = self.dir.path().join("config.toml");
        std::fs::write(&path, setup.to_toml_string()).unwrap();
        path
    }
}

/// Writes `text` into `dir` as `name`.
pub fn write_file(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}
