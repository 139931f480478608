//! One test's world: a tokio runtime for its loopback servers (plain HTTP with a chosen status,
//! headers, body and delay; alternating answers; a raw reply that then hangs; one that accepts
//! and never answers; TLS with an rcgen CA; the test proxy and the delaying relay; a port that
//! refuses) and a temp dir for config and data, with a config writer that overrides every
//! target, and a runner for `qbfix check --json` with a clean environment. Nothing here touches
//! the internet.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use assert_cmd::Command;
use serde_json::Value;
use tokio::net::{TcpListener, TcpStream};
use tokio::runtime::Runtime;
use tokio_rustls::server::TlsStream;

use super::env::clean_env;
use super::hostile::{self, Hostile};
use super::run::Run;
use super::servers::{self, Reply};
use super::setup::Setup;
use super::{proxy, tls};

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

    pub(super) fn listen(&self) -> (TcpListener, u16) {
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
        let reply = Arc::new(reply);
        let port = self.serve_tls(cert, move |stream| servers::serve(stream, reply.clone()));
        format!("https://127.0.0.1:{port}/")
    }

    /// A TLS listener presenting `cert`: each connection that completes the handshake is
    /// handed to `serve`, on a task of its own. Returns its port.
    fn serve_tls<F, Fut>(&self, cert: &tls::ServerCert, serve: F) -> u16
    where
        F: Fn(TlsStream<TcpStream>) -> Fut + Send + Sync + 'static,
        Fut: std::future::Future<Output = ()> + Send + 'static,
    {
        let (listener, port) = self.listen();
        let acceptor = cert.acceptor();
        let serve = Arc::new(serve);
        self.rt.spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let acceptor = acceptor.clone();
                let serve = serve.clone();
                tokio::spawn(async move {
                    if let Ok(tls) = acceptor.accept(stream).await {
                        serve(tls).await;
                    }
                });
            }
        });
        port
    }

    /// A plain HTTP server whose connections alternate between `first` and `second` (each
    /// probe sample is a connection of its own): a front end failing every second request.
    pub fn alternating(&self, first: Reply, second: Reply) -> String {
        let (listener, port) = self.listen();
        let replies = [Arc::new(first), Arc::new(second)];
        self.rt.spawn(async move {
            let mut n = 0usize;
            while let Ok((stream, _)) = listener.accept().await {
                tokio::spawn(servers::serve(stream, replies[n % 2].clone()));
                n += 1;
            }
        });
        format!("http://127.0.0.1:{port}/")
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

    /// The test proxy in `mode` reached over TLS (an HTTPS proxy), presenting `cert`: a TLS
    /// front on a port of its own that hands the plain bytes to the proxy. Returns its URL
    /// (`https://localhost:PORT`) and the proxy's connection counter.
    pub fn https_proxy(&self, mode: proxy::ProxyMode, cert: &tls::ServerCert) -> (String, proxy::Counter) {
        let (inner, count) = self.rt.block_on(proxy::start_proxy(mode));
        let port = self.serve_tls(cert, move |mut outside| async move {
            if let Ok(mut plain) = TcpStream::connect(("127.0.0.1", inner)).await {
                let _ = tokio::io::copy_bidirectional(&mut outside, &mut plain).await;
            }
        });
        (format!("https://localhost:{port}"), count)
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
        self.run_check(setup, true, &[])
    }

    /// Runs `qbfix check --json` with `setup` and these environment variables set over the
    /// clean environment (a proxy variable; `NO_PROXY` set to "" to unset it).
    pub fn check_with_env(&self, setup: &Setup, vars: &[(&str, &str)]) -> Run {
        self.run_check(setup, true, vars)
    }

    /// Runs `qbfix check` (the human table) with `setup`.
    pub fn check_table(&self, setup: &Setup) -> Run {
        self.run_check(setup, false, &[])
    }

    fn run_check(&self, setup: &Setup, json: bool, vars: &[(&str, &str)]) -> Run {
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
        for (k, v) in vars {
            cmd.env(k, v);
        }
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
        if json {
            assert_words_within_limits(&report, setup);
        }
        Run {
            code: out.status.code(),
            stdout,
            stderr,
            report,
            elapsed: start.elapsed(),
        }
    }
}

/// Every verdict a test's `check --json` shows keeps DESIGN's limits on its words, and its
/// advice names none of the targets (issue 17: the scenario corpus is every network the tests
/// build).
fn assert_words_within_limits(report: &Value, setup: &Setup) {
    let verdict: qbfix::evidence::Verdict = serde_json::from_value(report["verdict"].clone())
        .unwrap_or_else(|e| panic!("no verdict ({e}): {report:#}"));
    let targets: Vec<String> = setup
        .quickbooks
        .iter()
        .chain(&setup.control)
        .chain(&setup.bank)
        .filter_map(|u| url::Url::parse(u).ok())
        .filter_map(|u| Some(format!("{}:{}", u.host_str()?, u.port_or_known_default()?)))
        .collect();
    let hosts: Vec<&str> = targets.iter().map(String::as_str).collect();
    if let Err(e) = qbfix::evidence::words_within_limits(&verdict, &hosts) {
        panic!("the verdict's words break DESIGN's limits: {e}");
    }
}

impl World {
    /// A server doing `how` to every connection after the client spoke; for `https`, the TLS
    /// handshake is cut that way (before any certificate). Returns its base URL.
    pub fn hostile(&self, how: Hostile, scheme: &str) -> String {
        let (listener, port) = self.listen();
        self.rt.spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                tokio::spawn(hostile::misbehave(stream, how));
            }
        });
        format!("{scheme}://127.0.0.1:{port}/")
    }

    /// A TLS server that completes the handshake with `cert`, reads the request, then does
    /// `how` inside the session. Returns its base URL.
    pub fn hostile_after_tls(&self, cert: &tls::ServerCert, how: Hostile) -> String {
        let port = self.serve_tls(cert, move |mut tls| async move {
            hostile::read_some(&mut tls).await;
            hostile::finish(&mut tls, how).await;
            let (tcp, _) = tls.into_inner();
            match how {
                Hostile::Reset => {
                    let _ = tcp.set_zero_linger();
                }
                Hostile::Close | Hostile::NotHttp => {}
            }
        });
        format!("https://127.0.0.1:{port}/")
    }
}
