#!/usr/bin/env bash
# The Windows leg of CI: installs mingw-w64 and Wine from Debian's archive and the Rust
# Windows target, runs clippy for that target, builds the release qbfix.exe, boots one
# throw-away Wine prefix, and runs tests/windows (the .exe under Wine against loopback
# servers). Needs root on Debian 12 for apt-get; installs only what is missing. Nothing is
# cached between runs.
set -euo pipefail
cd "$(dirname "$0")/.."
target=x86_64-pc-windows-gnu
start=$SECONDS

missing=()
command -v x86_64-w64-mingw32-gcc >/dev/null || missing+=(gcc-mingw-w64-x86-64)
[ -x /usr/lib/wine/wine64 ] || missing+=(wine64 wine)
if ((${#missing[@]})); then
    echo "windows leg: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}" >/dev/null
fi
rustup target list --installed | grep -qx "$target" || rustup target add "$target"

# Lints for the Windows code paths (cfg(windows) code the Linux clippy never sees).
cargo clippy --locked --target "$target" --all-targets -- -D warnings
echo "windows leg: clippy for $target clean after $((SECONDS - start)) s"
cargo build --release --locked --target "$target"

# The .exe and, beside it only here, the ProcessPrng shim Wine 8 lacks.
leg=target/windows-leg
rm -rf "$leg"
mkdir -p "$leg"
cp "target/$target/release/qbfix.exe" "$leg/"
x86_64-w64-mingw32-gcc -shared -O2 -s -o "$leg/bcryptprimitives.dll" .ci/windows/prng_shim.c -ladvapi32

# One prefix per run, in a temp dir. Wine links the prefix's Documents to $HOME at boot: boot
# it with a HOME of its own, so reports land there and never in a real Documents folder.
work=$(mktemp -d)
export WINEPREFIX="$work/prefix" WINEARCH=win64 WINEDEBUG=-all
export WINEDLLOVERRIDES="bcryptprimitives=n,b;mscoree,mshtml=" DISPLAY=
export QBFIX_WINE_HOME="$work/home"
mkdir -p "$QBFIX_WINE_HOME"
loader=/usr/lib/wine/wine64
cleanup() { wineserver -k 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
HOME="$QBFIX_WINE_HOME" "$loader" wineboot --init >/dev/null 2>&1
wineserver -w # the registry is on disk once the server has gone
[ -f "$WINEPREFIX/system.reg" ] || { echo "windows leg: wineboot made no prefix" >&2; exit 1; }
wineserver -p
# Start Wine's own services now, away from the tests' output files.
"$loader" "$leg/qbfix.exe" --version >/dev/null 2>&1
echo "windows leg: qbfix.exe built and Wine booted in $((SECONDS - start)) s"

QBFIX_WINE="$loader" QBFIX_WINE_EXE="$PWD/$leg/qbfix.exe" \
    cargo test --locked --test windows -- --ignored
echo "windows leg: done in $((SECONDS - start)) s"
