//! Shared helpers for the integration tests: loopback servers (plain HTTP with a chosen status,
//! headers, body and delay; one that accepts and never answers; TLS with an rcgen CA; a port
//! that refuses), a config writer that overrides every target, and a runner for
//! `qbfix check --json` with a clean environment. Nothing here touches the internet.
#![allow(dead_code)]

pub mod tls;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use assert_cmd::Command;
use serde::Serialize;
use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use tokio::runtime::Runtime;

/// The healthy status page: every component operational, no incidents.
pub const OPERATIONAL: &str = include_str!("../data/status/operational.json");

/// What a test server answers.
#[derive(Debug, Clone)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// Wait before sending anything.
    pub delay: Duration,
    /// Send the body one byte at a time with this pause between bytes.
    pub drip: Option<Duration>,
    /// Send a correct `Date` header (unless `headers` has one).
    pub date: bool,
}

impl Reply {
    pub fn status(status: u16) -> Reply {
        Reply {
            status,
            headers: Vec::new(),
            body: b"ok".to_vec(),
            delay: Duration::ZERO,
            drip: None,
            date: true,
        }
    }
    pub fn ok() -> Reply {
        Reply::status(200)
    }
    pub fn json(text: &str) -> Reply {
        Reply::ok()
            .header("Content-Type", "application/json")
            .body(text.as_bytes())
    }
    pub fn header(mut self, name: &str, value: &str) -> Reply {
        self.headers.push((name.into(), value.into()));
        self
    }
    pub fn body(mut self, body: &[u8]) -> Reply {
        self.body = body.to_vec();
        self
    }
    pub fn delay(mut self, d: Duration) -> Reply {
        self.delay = d;
        self
    }
    pub fn drip(mut self, d: Duration) -> Reply {
        self.drip = Some(d);
        self
    }

    fn head(&self) -> Vec<u8> {
        let mut head = format!("HTTP/1.1 {} Test\r\n", self.status);
        let has_date = self.headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("date"));
        if self.date && !has_date {
            head.push_str(&format!("Date: {}\r\n", http_date(jiff::Timestamp::now())));
        }
        for (k, v) in &self.headers {
            head.push_str(&format!("{k}: {v}\r\n"));
        }
        head.push_str(&format!(
            "Content-Length: {}\r\nConnection: close\r\n\r\n",
            self.body.len()
        ));
        head.into_bytes()
    }
}

/// An HTTP date ("Sun, 06 Nov 1994 08:49:37 GMT").
pub fn http_date(t: jiff::Timestamp) -> String {
    jiff::fmt::rfc2822::DateTimePrinter::new()
        .timestamp_to_rfc9110_string(&t)
        .unwrap()
}

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
                tokio::spawn(serve(stream, reply.clone()));
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
                        serve(stream, reply).await;
                    }
                });
            }
        });
        format!("https://127.0.0.1:{port}/")
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

    /// Every target on a healthy server of its own.
    pub fn healthy(&self) -> Setup {
        Setup {
            quickbooks: vec![self.http(Reply::ok())],
            control: vec![self.http(Reply::status(204).body(b""))],
            status_page: self.http(Reply::json(OPERATIONAL)),
            bank: vec![self.http(Reply::ok())],
            ..Setup::default()
        }
    }

    /// Writes `setup` as a config file in the temp dir.
    pub fn write_config(&self, setup: &Setup) -> PathBuf {
        let path = self.dir.path().join("config.toml");
        std::fs::write(&path, toml::to_string(&setup.to_toml()).unwrap()).unwrap();
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

/// Hermetic environment: no proxies, no config from the environment, no colour decisions.
pub fn clean_env(cmd: &mut Command) {
    for var in [
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
    ] {
        cmd.env_remove(var);
    }
    cmd.env("NO_PROXY", "*").env("no_proxy", "*");
}

/// The settings a test chooses; `to_toml` writes every target so no default endpoint is used.
#[derive(Debug, Clone)]
pub struct Setup {
    pub quickbooks: Vec<String>,
    pub control: Vec<String>,
    pub status_page: String,
    pub bank: Vec<String>,
    pub timeout_ms: u64,
    pub dns_timeout_ms: u64,
    pub slow_ms: u64,
    pub extra_ca_file: Option<PathBuf>,
    pub expected_issuers: Vec<String>,
}

impl Default for Setup {
    fn default() -> Setup {
        Setup {
            quickbooks: Vec::new(),
            control: Vec::new(),
            status_page: "http://status.invalid/summary.json".into(),
            bank: Vec::new(),
            timeout_ms: 1500,
            dns_timeout_ms: 1500,
            slow_ms: 1000,
            extra_ca_file: None,
            expected_issuers: vec!["DigiCert".into()],
        }
    }
}

#[derive(Serialize)]
struct Toml {
    network: TomlNetwork,
    targets: TomlTargets,
    tls: TomlTls,
}
#[derive(Serialize)]
struct TomlNetwork {
    timeout_ms: u64,
    dns_timeout_ms: u64,
    slow_ms: u64,
}
#[derive(Serialize)]
struct TomlTargets {
    quickbooks: Vec<String>,
    control: Vec<String>,
    status_page: String,
    bank: Vec<String>,
}
#[derive(Serialize)]
struct TomlTls {
    extra_ca_file: String,
    expected_issuers: Vec<String>,
}

impl Setup {
    fn to_toml(&self) -> Toml {
        Toml {
            network: TomlNetwork {
                timeout_ms: self.timeout_ms,
                dns_timeout_ms: self.dns_timeout_ms,
                slow_ms: self.slow_ms,
            },
            targets: TomlTargets {
                quickbooks: self.quickbooks.clone(),
                control: self.control.clone(),
                status_page: self.status_page.clone(),
                bank: self.bank.clone(),
            },
            tls: TomlTls {
                extra_ca_file: self
                    .extra_ca_file
                    .as_deref()
                    .map(|p| p.display().to_string())
                    .unwrap_or_default(),
                expected_issuers: self.expected_issuers.clone(),
            },
        }
    }
}

/// What one `qbfix check` run did.
#[derive(Debug)]
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
    pub report: Value,
    pub elapsed: Duration,
}

impl Run {
    pub fn verdict(&self) -> &str {
        self.report["verdict"]["id"].as_str().unwrap_or("")
    }

    /// Every result with this check id.
    pub fn results(&self, id: &str) -> Vec<&Value> {
        self.report["checks"]
            .as_array()
            .map(|list| list.iter().filter(|r| r["id"] == id).collect())
            .unwrap_or_default()
    }

    /// The status of the only (or first) result with this id.
    pub fn status(&self, id: &str) -> String {
        let results = self.results(id);
        let first = results
            .first()
            .unwrap_or_else(|| panic!("no {id} result in {}", self.stdout));
        first["status"].as_str().unwrap_or("").to_string()
    }

    /// The summary of the first result with this id.
    pub fn summary(&self, id: &str) -> String {
        self.results(id)
            .first()
            .and_then(|r| r["summary"].as_str())
            .unwrap_or("")
            .to_string()
    }

    /// Asserts that neither stream, nor any string inside the JSON, carries an escape,
    /// another control character or a bidi control.
    pub fn assert_clean(&self) {
        for (name, text) in [("stdout", &self.stdout), ("stderr", &self.stderr)] {
            if let Some(c) = text.chars().find(|c| is_dirty(*c)) {
                panic!("{name} contains {c:?}:\n{text}");
            }
        }
        assert_clean_value(&self.report);
    }

    /// A compact dump for assertion messages.
    pub fn dump(&self) -> String {
        format!("exit {:?}\n{}\n{}", self.code, self.stdout, self.stderr)
    }
}

fn is_dirty(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(c, '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
}

fn assert_clean_value(v: &Value) {
    match v {
        Value::String(s) => assert!(!s.chars().any(is_dirty), "dirty string in JSON: {s:?}"),
        Value::Array(items) => items.iter().for_each(assert_clean_value),
        Value::Object(map) => {
            for (k, v) in map {
                assert!(!k.chars().any(is_dirty), "dirty key in JSON: {k:?}");
                assert_clean_value(v);
            }
        }
        _ => {}
    }
}

/// Writes `text` into the temp dir as `name`.
pub fn write_file(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

async fn serve<S>(mut stream: S, reply: Arc<Reply>)
where
    S: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin,
{
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    while !buf.windows(4).any(|w| w == b"\r\n\r\n") && buf.len() < 64 * 1024 {
        match stream.read(&mut chunk).await {
            Ok(0) | Err(_) => return,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    }
    tokio::time::sleep(reply.delay).await;
    if stream.write_all(&reply.head()).await.is_err() {
        return;
    }
    match reply.drip {
        None => {
            let _ = stream.write_all(&reply.body).await;
        }
        Some(pause) => {
            for byte in &reply.body {
                if stream.write_all(&[*byte]).await.is_err() || stream.flush().await.is_err() {
                    return;
                }
                tokio::time::sleep(pause).await;
            }
        }
    }
    let _ = stream.flush().await;
    let _ = stream.shutdown().await;
}
