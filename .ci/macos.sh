#!/usr/bin/env bash
# macOS type-check: clippy for aarch64-apple-darwin and x86_64-apple-darwin on Debian. Nothing
# is linked (no Apple SDK or linker here), but every crate is compiled for the targets,
# including ring's C and assembly with Debian's clang. ring builds freestanding (its own
# RING_CORE_NOSTDLIBINC mode) and reads one SDK header, TargetConditionals.h, for which
# .ci/macos/ has a stub with the macOS values.
set -euo pipefail
cd "$(dirname "$0")/.."
targets=(aarch64-apple-darwin x86_64-apple-darwin)
start=$SECONDS
if ! command -v clang >/dev/null; then
    echo "macos check: installing clang"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq clang >/dev/null
fi
for t in "${targets[@]}"; do
    rustup target list --installed | grep -qx "$t" || rustup target add "$t"
done
flags="-ffreestanding -nostdlibinc -DRING_CORE_NOSTDLIBINC=1 -I$PWD/.ci/macos"
export CC_aarch64_apple_darwin=clang CC_x86_64_apple_darwin=clang
export CFLAGS_aarch64_apple_darwin="$flags" CFLAGS_x86_64_apple_darwin="$flags"
cargo clippy --locked "${targets[@]/#/--target=}" -- -D warnings
echo "macos check: done in $((SECONDS - start)) s"
