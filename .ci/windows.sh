#!/usr/bin/env bash
# The Windows lints of CI: installs mingw-w64, Wine and the Rust Windows target when missing
# (.ci/windows/wine.sh) and runs clippy for x86_64-pc-windows-gnu, which sees the cfg(windows)
# code the Linux clippy never compiles. The Windows build itself, its checks and the Wine tests
# are .ci/release.sh's: the .exe is built once, by dist, and the tests run the one in the zip.
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/windows/wine.sh
start=$SECONDS
windows_tools
cargo clippy --locked --target "$windows_target" --all-targets -- -D warnings
echo "windows lints: clippy for $windows_target clean in $((SECONDS - start)) s"
