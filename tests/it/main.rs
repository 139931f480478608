//! qbfix's integration tests, one binary (`cargo test --test it`): the real `qbfix` binary, the
//! library's public API and the TUI's render code, against loopback servers, temp dirs and
//! pseudo-terminals; nothing touches the internet. Grouped by what a person touches:
//!
//! - [`cli`]: the commands run from a shell — `check`, `sessions`, `report`, `import`,
//!   `watch`, completions and the man page, flags, config — and what they must never leak.
//! - [`checks`]: each network and system check, and the verdict they lead to.
//! - [`wizard`]: the walk through the steps, in plain mode and in the TUI (keys, screens, a
//!   real terminal), in helpdesk mode too.
//! - [`files`]: what qbfix reads and writes on disk — reports, sessions, the data dir and its
//!   log — including files that are damaged, planted or not files at all.
//!
//! - [`real`] (Unix): the verdicts on what real squid and nginx answer, each started by its
//!   test; skipped outside CI when they are not installed.
//!
//! [`architecture`] reads `src/` and fails on an import that breaks the floors of
//! DESIGN.md's "Architecture". [`support`] holds what they share (servers, the test proxy, TLS, the pty, …). The Windows
//! build under Wine is tested by its own binary, `tests/windows`.

mod architecture;
mod checks;
mod cli;
mod files;
#[cfg(unix)]
mod real;
mod support;
mod wizard;
