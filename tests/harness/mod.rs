//! Test harness for the wizard's integration tests: a loopback HTTP server (axum on
//! 127.0.0.1, port 0) standing in for every target, a config file pointing every target at it,
//! and a `qbfix` command with a temp data dir and no proxy. Nothing here touches the internet.
#![allow(dead_code)]

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use axum::Router;
use axum::http::StatusCode;
use axum::routing::get;

pub const HEALTHY_STATUS: &str = r#"{"page":{"name":"QuickBooks"},"status":{"indicator":"none","description":"All Systems Operational"},"components":[{"name":"QuickBooks Online","status":"operational"}],"incidents":[]}"#;

/// A loopback server that answers like healthy QuickBooks, control and status-page sites,
/// and `/qbo` with `qbo_status`.
pub struct Server {
    pub addr: SocketAddr,
    _thread: std::thread::JoinHandle<()>,
}

impl Server {
    pub fn start(qbo_status: u16) -> Server {
        let (tx, rx) = std::sync::mpsc::channel();
        let thread = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            rt.block_on(async move {
                let status = StatusCode::from_u16(qbo_status).unwrap();
                let app = Router::new()
                    .route("/generate_204", get(|| async { StatusCode::NO_CONTENT }))
                    .route("/qbo", get(move || async move { (status, "QuickBooks") }))
                    .route("/bank", get(|| async { "Bank sign-in" }))
                    .route(
                        "/summary.json",
                        get(|| async { ([("content-type", "application/json")], HEALTHY_STATUS) }),
                    );
                let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
                tx.send(listener.local_addr().unwrap()).unwrap();
                axum::serve(listener, app).await.unwrap();
            });
        });
        let addr = rx.recv().unwrap();
        Server {
            addr,
            _thread: thread,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }
}

/// A temp folder with a config file that sends every target to `server`.
pub struct Env {
    pub dir: tempfile::TempDir,
    pub server: Server,
}

impl Env {
    pub fn new() -> Env {
        Env::with_qbo_status(200)
    }

    pub fn with_qbo_status(status: u16) -> Env {
        let server = Server::start(status);
        let dir = tempfile::tempdir().unwrap();
        let env = Env { dir, server };
        env.write_config("");
        env
    }

    /// Rewrites the config, adding `extra` TOML at the end of `[network]`.
    pub fn write_config(&self, extra: &str) {
        let s = &self.server;
        let text = format!(
            "[network]\ntimeout_ms = 3000\ndns_timeout_ms = 2000\nslow_ms = 2500\n{extra}\n\
             [targets]\nquickbooks = [\"{}\"]\ncontrol = [\"{}\"]\nstatus_page = \"{}\"\nbank = [\"{}\"]\n",
            s.url("/qbo"),
            s.url("/generate_204"),
            s.url("/summary.json"),
            s.url("/bank"),
        );
        std::fs::write(self.config_path(), text).unwrap();
    }

    pub fn config_path(&self) -> PathBuf {
        self.dir.path().join("config.toml")
    }

    pub fn data_dir(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    /// `qbfix --config … --data-dir …` with proxies off and colour off.
    pub fn cmd(&self) -> assert_cmd::Command {
        let mut cmd = assert_cmd::Command::cargo_bin("qbfix").unwrap();
        cmd.arg("--config")
            .arg(self.config_path())
            .arg("--data-dir")
            .arg(self.data_dir())
            .env("NO_PROXY", "*")
            .env("no_proxy", "*")
            .env_remove("HTTP_PROXY")
            .env_remove("HTTPS_PROXY")
            .env_remove("ALL_PROXY")
            .env_remove("http_proxy")
            .env_remove("https_proxy")
            .env_remove("all_proxy")
            .env_remove("QBFIX_CONFIG")
            .env_remove("QBFIX_DATA_DIR")
            .env("NO_COLOR", "1");
        cmd
    }

    /// Every saved session file, parsed.
    pub fn sessions(&self) -> Vec<serde_json::Value> {
        session_files(&self.data_dir().join("sessions"))
    }
}

pub fn session_files(dir: &Path) -> Vec<serde_json::Value> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let bytes = std::fs::read(&path).unwrap();
            if !bytes.is_empty() {
                out.push(serde_json::from_slice(&bytes).unwrap());
            }
        }
    }
    out
}

/// True when `s` has no escape, control (but newline) or bidi character.
pub fn is_clean(s: &str) -> bool {
    !s.chars().any(|c| {
        (c.is_control() && c != '\n')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
    })
}
