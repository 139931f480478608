#!/usr/bin/env bash
# The network benchmark of issue 9: builds the release binary, then runs benches/net.rs against
# it (loopback stand-ins, a delaying relay, a pty). Prints a Markdown table; see BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked --bin qbfix
QBFIX_BIN="$PWD/target/release/qbfix" cargo bench --locked --bench net
