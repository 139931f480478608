//! Shared helpers for the integration tests: loopback servers (plain HTTP with a chosen status,
//! headers, body and delay; one that accepts and never answers; TLS with an rcgen CA; a port
//! that refuses), a config writer that overrides every target, and a runner for
//! `qbfix check --json` with a clean environment. Nothing here touches the internet.
#![allow(dead_code)]

mod counted;
pub mod proxy;
mod run;
mod server;
mod setup;
pub mod tls;

#[allow(unused_imports)]
pub use counted::{Counter, Switch};
#[allow(unused_imports)]
pub use run::{Run, is_dirty};
#[allow(unused_imports)]
pub use server::{Reply, http_date};
pub use setup::Setup;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use assert_cmd::Command;
use serde_json::Value;
use tokio::net::TcpListener;
use tokio::runtime::Runtime;

/// The healthy status page: every component operational, no incidents.
pub const OPERATIONAL: &str = include_str!("../data/status/operational.json");

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
                tokio::spawn(server::serve(stream, reply.clone()));
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
                        server::serve(stream, reply).await;
                    }
                });
            }
        });
        format!("https://127.0.0.1:{port}/")
    }

    /// A plain HTTP server whose connections alternate between `first` and `second` (each
    /// probe sample is a connection of its own): a front end failing every second request.
    pub fn alternating(&self, first: Reply, second: Reply) -> String {
        let (listener, port) = self.listen();
        let replies = [Arc::new(first), Arc::new(second)];
        self.rt.spawn(async move {
            let mut n = 0usize;
            while let Ok((stream, _)) = listener.accept().await {
                tokio::spawn(server::serve(stream, replies[n % 2].clone()));
                n += 1;
            }
        });
        format!("http://127.0.0.1:{port}/")
    }

    /// A TLS server whose connections alternate between `first` and `second`.
    pub fn https_alternating(&self, cert: &tls::ServerCert, first: Reply, second: Reply) -> String {
        let (listener, port) = self.listen();
        let acceptor = cert.acceptor();
        let replies = [Arc::new(first), Arc::new(second)];
        self.rt.spawn(async move {
            let mut n = 0usize;
            while let Ok((stream, _)) = listener.accept().await {
                let acceptor = acceptor.clone();
                let reply = replies[n % 2].clone();
                n += 1;
                tokio::spawn(async move {
                    if let Ok(stream) = acceptor.accept(stream).await {
                        server::serve(stream, reply).await;
                    }
                });
            }
        });
        format!("https://127.0.0.1:{port}/")
    }

    /// A server that reads a request, writes `bytes` raw, and then holds the connection open
    /// without another word (a body that stalls after its headers).
    pub fn raw_then_hang(&self, bytes: &'static [u8]) -> String {
        let (listener, port) = self.listen();
        self.rt.spawn(async move {
            let mut held = Vec::new();
            while let Ok((mut stream, _)) = listener.accept().await {
                use tokio::io::{AsyncReadExt, AsyncWriteExt};
                let mut buf = [0u8; 4096];
                let _ = stream.read(&mut buf).await;
                let _ = stream.write_all(bytes).await;
                held.push(stream);
            }
        });
        format!("http://127.0.0.1:{port}/")
    }

    /// The test proxy in `mode`; returns its URL and connection counter.
    pub fn proxy(&self, mode: proxy::ProxyMode) -> (String, proxy::Counter) {
        let (port, count) = self.rt.block_on(proxy::start_proxy(mode));
        (format!("http://127.0.0.1:{port}"), count)
    }

    /// A relay to `url`'s port that delays each direction by `one_way`; returns `url` with the
    /// relay's port, and its connection counter.
    pub fn relay(&self, url: &str, one_way: Duration) -> (String, proxy::Counter) {
        let parsed = url::Url::parse(url).unwrap();
        let target = format!("127.0.0.1:{}", parsed.port().unwrap());
        let (port, count) = self.rt.block_on(proxy::start_relay(target, one_way));
        let mut relayed = parsed.clone();
        relayed.set_port(Some(port)).unwrap();
        (relayed.to_string(), count)
    }

    /// A server that accepts connections and never says a word.
    pub fn hang(&self) -> String {
        let (listener, port) = self.listen();
        self.rt.spawn(async move {
            let mut held = Vec::new();
            while let Ok((stream, _)) = listener.accept().await {
                held.push(stream);
            }
        });
        format!("http://127.0.0.1:{port}/")
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

    /// Runs `qbfix check --json` with `setup` and returns what it did.
    pub fn check(&self, setup: &Setup) -> Run {
        self.run_check(setup, true)
    }

    /// Runs `qbfix check` (the human table) with `setup`.
    pub fn check_table(&self, setup: &Setup) -> Run {
        self.run_check(setup, false)
    }

    fn run_check(&self, setup: &Setup, json: bool) -> Run {
        let config = self.write_config(setup);
        let data = self.dir.path().join("data");
        let mut cmd = Command::cargo_bin("qbfix").unwrap();
        cmd.arg("--config")
            .arg(&config)
            .arg("--data-dir")
            .arg(&data)
            .arg("check");
        if json {
            cmd.arg("--json");
        }
        clean_env(&mut cmd);
        cmd.timeout(Duration::from_secs(60));
        let start = Instant::now();
        let out = cmd.output().unwrap();
        let stdout = String::from_utf8(out.stdout).unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        let report = if json {
            serde_json::from_str(&stdout)
                .unwrap_or_else(|e| panic!("stdout is not one JSON object ({e}):\n{stdout}\n{stderr}"))
        } else {
            Value::Null
        };
        Run {
            code: out.status.code(),
            stdout,
            stderr,
            report,
            elapsed: start.elapsed(),
        }
    }
}

/// Variables a test run must not inherit: proxies, qbfix's own settings, extra trust roots.
pub const UNSET: &[&str] = &[
    "HTTP_PROXY",
    "HTTPS_PROXY",
    "ALL_PROXY",
    "http_proxy",
    "https_proxy",
    "all_proxy",
    "QBFIX_CONFIG",
    "QBFIX_DATA_DIR",
    "SSL_CERT_FILE",
    "SSL_CERT_DIR",
];

/// Hermetic environment: no proxies, no config from the environment, no colour decisions.
pub fn clean_env(cmd: &mut Command) {
    for var in UNSET {
        cmd.env_remove(var);
    }
    cmd.env("NO_PROXY", "*").env("no_proxy", "*");
    // The host's browsers, firewall, proxy settings and uptime are left out of the verdict.
    cmd.env("QBFIX_HOST_PROBES", "off");
}

/// Every file below `dir` (none when it does not exist), folders walked, links not followed.
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut dirs = vec![dir.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if entry.file_type().is_ok_and(|t| t.is_dir()) {
                dirs.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out
}

/// Writes `text` into the temp dir as `name`.
/// The case code `qbfix import` printed ("… as session ID (QB-XXXX-XXXX).").
pub fn printed_case_code(stdout: &str) -> String {
    stdout
        .split_whitespace()
        .find(|w| w.starts_with("QB-"))
        .map(|w| w.trim_end_matches([')', '.']).to_string())
        .unwrap_or_else(|| panic!("no case code printed: {stdout}"))
}

/// The result code on the "Result code: …" line of `qbfix check`'s table.
pub fn printed_result_code(stdout: &str) -> String {
    stdout
        .lines()
        .find_map(|l| l.trim().strip_prefix("Result code: "))
        .and_then(|l| l.split_whitespace().next())
        .unwrap_or_else(|| panic!("no result code in\n{stdout}"))
        .to_string()
}

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

pub fn write_file(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}
