//! The environment `qbfix` runs in: a clean one (no proxies, no config or data dir from the
//! environment, the host's own probes off), and the wizard tests' [`Env`], built on the rest of
//! `support`: healthy loopback servers for every target (QuickBooks answering a chosen status),
//! a config file naming them, a temp data dir, and `qbfix` with a clean environment.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

use super::run::is_dirty;
use super::servers::Reply;
use super::setup::Setup;
use super::world::{OPERATIONAL, World};

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
    for (var, value) in SET {
        cmd.env(var, value);
    }
}

/// [`clean_env`] for a `std::process::Command` (a test that chooses the child's stdout).
fn clean_std_env(cmd: &mut std::process::Command) {
    for var in UNSET {
        cmd.env_remove(var);
    }
    for (var, value) in SET {
        cmd.env(var, value);
    }
}

/// What a hermetic run sets: no proxy for anything, and the host's browsers, firewall, proxy
/// settings and uptime left out of the verdict.
const SET: &[(&str, &str)] = &[("NO_PROXY", "*"), ("no_proxy", "*"), ("QBFIX_HOST_PROBES", "off")];

/// One test's servers, config and data dir.
pub struct Env {
    pub world: World,
}

impl Env {
    pub fn new() -> Env {
        Env::with_qbo_status(200)
    }

    /// Like [`Env::new`], but QuickBooks answers `status`.
    pub fn with_qbo_status(status: u16) -> Env {
        let world = World::new();
        let setup = Setup {
            quickbooks: vec![world.http(Reply::status(status))],
            control: vec![world.http(Reply::status(204).body(b""))],
            status_page: world.http(Reply::json(OPERATIONAL)),
            bank: vec![world.http(Reply::ok())],
            timeout_ms: 3000,
            dns_timeout_ms: 2000,
            slow_ms: 2500,
            ..Setup::default()
        };
        world.write_config(&setup);
        Env { world }
    }

    /// A healthy network, but no bank address in the config.
    pub fn without_bank() -> Env {
        let world = World::new();
        let setup = Setup {
            bank: Vec::new(),
            ..world.healthy()
        };
        world.write_config(&setup);
        Env { world }
    }

    /// A computer that is not online: QuickBooks, the control sites, the status page and the
    /// bank all refuse the connection.
    pub fn offline() -> Env {
        let world = World::new();
        let setup = Setup {
            quickbooks: vec![world.refused()],
            control: vec![world.refused()],
            status_page: world.refused(),
            bank: vec![world.refused()],
            timeout_ms: 2000,
            dns_timeout_ms: 1500,
            ..Setup::default()
        };
        world.write_config(&setup);
        Env { world }
    }

    /// The temp folder holding the config and the data dir.
    pub fn dir(&self) -> &Path {
        self.world.dir.path()
    }

    pub fn config_path(&self) -> PathBuf {
        self.dir().join("config.toml")
    }

    pub fn data_dir(&self) -> PathBuf {
        self.dir().join("data")
    }

    /// A home folder of the test's own (`HOME`), so no run writes reports into the real
    /// Documents folder.
    pub fn home(&self) -> PathBuf {
        self.dir().join("home")
    }

    /// Names `~/<folder>` as the test home's XDG documents folder (`~/.config/user-dirs.dirs`,
    /// as xdg-user-dirs-update writes it), where the summary saves reports; returns that folder.
    pub fn documents(&self, folder: &str) -> PathBuf {
        let config = self.home().join(".config");
        std::fs::create_dir_all(&config).unwrap();
        std::fs::write(
            config.join("user-dirs.dirs"),
            format!(
                "# written by xdg-user-dirs-update\nXDG_DESKTOP_DIR=\"$HOME/Desktop\"\nXDG_DOCUMENTS_DIR=\"$HOME/{folder}\"\n"
            ),
        )
        .unwrap();
        self.home().join(folder)
    }

    /// `qbfix --config … --data-dir …` with proxies off, no config or data dir from the
    /// environment, the test's own `HOME`, and colour off.
    pub fn cmd(&self) -> assert_cmd::Command {
        assert_cmd::Command::from_std(self.std_cmd())
    }

    /// [`Env::cmd`] as a `std::process::Command`, for a test that chooses where its output goes.
    pub fn std_cmd(&self) -> std::process::Command {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_qbfix"));
        clean_std_env(&mut cmd);
        cmd.env("HOME", self.home()).env_remove("XDG_CONFIG_HOME");
        cmd.arg("--config")
            .arg(self.config_path())
            .arg("--data-dir")
            .arg(self.data_dir())
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
    !s.chars().any(is_dirty)
}
