//! The wizard tests' environment, built on `support` (declare `mod support;` next to
//! `mod harness;`): healthy loopback servers for every target (QuickBooks answering a chosen
//! status), a config file naming them, a temp data dir, and `qbfix` with a clean environment.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

#[cfg(unix)]
pub mod pty;

use crate::support::{OPERATIONAL, Reply, Setup, World, clean_env, is_dirty};

/// One test's servers, config and data dir.
pub struct Env {
    pub world: World,
    setup: Setup,
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
        Env { world, setup }
    }

    /// A healthy network, but no bank address in the config.
    pub fn without_bank() -> Env {
        let world = World::new();
        let setup = Setup {
            bank: Vec::new(),
            ..world.healthy()
        };
        world.write_config(&setup);
        Env { world, setup }
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
        Env { world, setup }
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
        let mut cmd = assert_cmd::Command::cargo_bin("qbfix").unwrap();
        clean_env(&mut cmd);
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
