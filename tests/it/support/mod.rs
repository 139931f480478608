//! What the tests share, one module per thing it provides. Nothing here touches the internet.
//!
//! - `world`: one test's [`World`] — a runtime for its loopback servers and a temp dir — with
//!   the servers it starts (plain HTTP, TLS, alternating, hanging, refusing, the test proxy and
//!   the delaying relay), a config writer that overrides every target, and `qbfix check` run
//!   against them.
//! - `servers`: what those servers answer ([`Reply`]: status, headers, body, delay, a body that
//!   trickles in), served by hyper.
//! - `feed`: one run of checks fed to a wizard, as the driver feeds it.
//! - `counted`: servers that count their requests, or change their answer when a test says so.
//! - `hostile`: servers that close, reset or answer non-HTTP once the client spoke, over
//!   plain TCP or inside a completed TLS session.
//! - `proxy`: the loopback HTTP proxy (tunnels, forwards, or answers a chosen status) and a
//!   relay that delays every chunk both ways.
//! - `socks`: a loopback SOCKS5 server that logs what each client asked to connect to.
//! - `tls`: a test certificate authority made with rcgen and the server certificates it signs.
//! - `setup`: the settings a test chooses ([`Setup`]), written as a config file.
//! - `run`: what a `qbfix check` run did ([`run::Run`]), and the codes `qbfix` prints.
//! - `env`: a clean environment for the real binary, and the wizard tests' [`Env`]: healthy
//!   servers for every target, a config file, a temp data dir and `HOME`, and the sessions
//!   saved there.
//! - `pty`: the wizard in a real pseudo-terminal, read back through a vt100 screen (Unix).
//! - `screen`: the TUI drawn into a `TestBackend` and read back as text.
//! - `files`: files in a test's temp dir.
//! - `daemon`, `squid`, `nginx` (Unix): real squid and nginx run in the foreground on
//!   127.0.0.1 for one test, each with its own temp config, stopped when the test ends;
//!   skipped outside CI when not installed, failed under `CI=true`.

pub mod counted;
#[cfg(unix)]
pub mod daemon;
pub mod env;
pub mod feed;
pub mod files;
pub mod hostile;
#[cfg(unix)]
pub mod nginx;
pub mod proxy;
#[cfg(unix)]
pub mod pty;
pub mod run;
pub mod screen;
pub mod servers;
pub mod setup;
pub mod socks;
#[cfg(unix)]
pub mod squid;
pub mod tls;
pub mod world;

pub use counted::Counter;
#[cfg(unix)]
pub use counted::Switch;
pub use env::{Env, UNSET, clean_env, is_clean, session_files};
pub use files::{files_under, write_file};
pub use run::{printed_case_code, printed_result_code};
pub use servers::{Reply, http_date};
pub use setup::Setup;
pub use world::{HEALTHY_PASSES, OPERATIONAL, World};
