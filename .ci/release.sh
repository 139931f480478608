#!/usr/bin/env bash
# The release leg of CI: dist (cargo-dist, configured in dist-workspace.toml) builds the Linux
# and Windows archives as a release would, and this checks what would ship: the checksums,
# `qbfix --version` from each unpacked archive (the Windows one under Wine), the DLLs the .exe
# imports (Windows' own only), and then tests/windows, run on the .exe from the zip — so the
# Windows build is made once and the tests run what ships. Installs what is missing (dist,
# cargo-xwin, and through .ci/windows/wine.sh mingw-w64, Wine and the Rust target); deletes the
# build folders once the archives are made (QBFIX_KEEP_BUILD=1 keeps them). Prints the time of
# each phase.
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/windows/wine.sh
dist_version=0.34.0
xwin_version=0.23.1
linux=x86_64-unknown-linux-gnu
windows=$windows_target
out=target/distrib      # where dist writes the archives and checksums
check=target/release-check # where they are unpacked
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -1)
start=$SECONDS
last=$SECONDS
phase() {
    echo "release: $1 in $((SECONDS - last)) s (leg $((SECONDS - start)) s)"
    last=$SECONDS
}
fail() {
    echo "release: $*" >&2
    exit 1
}

# --- Tools -------------------------------------------------------------------------------
windows_tools
if [ "$(dist --version 2>/dev/null)" != "cargo-dist $dist_version" ]; then
    echo "release: installing cargo-dist $dist_version (compiles ~340 crates, once per machine)"
    cargo install cargo-dist --version "$dist_version" --locked
fi
# dist builds any Windows target from Linux through `cargo xwin build` and refuses to start
# without it. For a -gnu target cargo-xwin only hands the build on to cargo (its MSVC setup is
# for -msvc targets), and mingw-w64 links the .exe.
if ! cargo xwin --version 2>/dev/null | grep -q " $xwin_version\$"; then
    echo "release: installing cargo-xwin $xwin_version (once per machine)"
    cargo install cargo-xwin --version "$xwin_version" --locked
fi
phase "tools ready ($(dist --version), cargo-xwin $xwin_version)"

# --- Plan and build ----------------------------------------------------------------------
dist plan
phase "dist plan"
rm -rf "$out" "$check"
mkdir -p target
# One run for both targets: the combined sha256.sum then covers both archives (and dist's
# source.tar.gz, its one "global" artifact with no installers). Each target's cargo build says
# how long it took ("Finished `dist` profile … in …").
dist build --artifacts=all --target "$linux" --target "$windows" 2>&1 | tee "target/dist-build.log"
grep -E '^building .* target|Finished `dist` profile' "target/dist-build.log" | sed 's/^/release:   /'
rm -f "target/dist-build.log"
phase "Linux and Windows archives built"
if [ "${QBFIX_KEEP_BUILD:-}" != 1 ]; then
    rm -rf "target/$linux/dist" "target/$windows/dist"
fi

# --- The archives and their checksums ----------------------------------------------------
tarball="$out/qbfix-$linux.tar.gz"
zip="$out/qbfix-$windows.zip"
for archive in "$tarball" "$zip"; do
    [ -f "$archive" ] || fail "dist made no $archive"
    (cd "$(dirname "$archive")" && sha256sum -c "$(basename "$archive").sha256")
done
(cd "$out" && sha256sum -c sha256.sum)
ls -l "$tarball" "$zip"

# --- Linux: unpack and run ---------------------------------------------------------------
mkdir -p "$check/linux" "$check/windows"
tar -xzf "$tarball" -C "$check/linux"
qbfix=$(find "$check/linux" -type f -name qbfix)
[ -n "$qbfix" ] || fail "no qbfix in $tarball"
got=$("$qbfix" --version)
[ "$got" = "qbfix $version" ] || fail "Linux qbfix --version said '$got', not 'qbfix $version'"
echo "release: $tarball: $got"

# --- Windows: unpack, the zip's contents, the DLLs ---------------------------------------
unzip -q "$zip" -d "$check/windows"
exe=$(find "$check/windows" -type f -name qbfix.exe)
[ -n "$exe" ] || fail "no qbfix.exe in $zip"
if unzip -Z1 "$zip" | grep -i '\.dll$'; then
    fail "$zip holds a DLL (the ProcessPrng shim is for the tests only)"
fi

# Windows' own DLLs, which every Windows 10 and 11 has: what qbfix.exe imports today (the
# standard library, the windows-sys and windows crates of tokio, sysinfo, crossterm, the native
# certificate store, the registry). Anything else — mingw's libgcc_s_seh-1.dll,
# libwinpthread-1.dll, libstdc++-6.dll — would be missing on a customer's computer, and the
# double-clicked .exe would not start. A new dependency that needs another of Windows' own DLLs
# fails here until the DLL is checked and added.
system_dlls='^(kernel32|ntdll|msvcrt|advapi32|bcrypt|bcryptprimitives|crypt32|ws2_32|user32|shell32|shlwapi|oleaut32|combase|pdh|powrprof|psapi|api-ms-win-core-[a-z0-9-]+)\.dll$'
dll_check() { # reads objdump's "DLL Name: X" lines; fails on any DLL outside the list
    local bad=0 name
    while read -r _ _ name; do
        if [[ ${name,,} =~ $system_dlls ]]; then
            echo "  $name"
        else
            echo "  $name: not one of Windows' own DLLs" >&2
            bad=1
        fi
    done
    return $bad
}
if printf '\tDLL Name: KERNEL32.dll\n\tDLL Name: libwinpthread-1.dll\n' | dll_check >/dev/null 2>&1; then
    fail "the DLL check let libwinpthread-1.dll through"
fi
imports=$(x86_64-w64-mingw32-objdump -p "$exe" | grep 'DLL Name' | sort -fu) ||
    fail "objdump found no imports in qbfix.exe"
echo "release: qbfix.exe imports:"
dll_check <<<"$imports" || fail "qbfix.exe needs a DLL Windows does not have"
phase "archives checked"

# --- Windows: run under Wine, then the Wine tests on the zip's .exe ----------------------
wine_shim "$(dirname "$exe")" # beside the unpacked .exe, never in the zip
trap wine_cleanup EXIT
wine_boot
# The first run starts Wine's own services; its output goes to a file, because those services
# keep the handles they inherit open (a pipe would never reach its end).
"$QBFIX_WINE" "$exe" --version >"$check/wine-version.txt" 2>/dev/null
got=$(tr -d '\r' <"$check/wine-version.txt")
[ "$got" = "qbfix $version" ] || fail "qbfix.exe --version under Wine said '$got', not 'qbfix $version'"
echo "release: $zip: $got (under Wine)"
phase "Wine booted, qbfix.exe run"

QBFIX_WINE_EXE="$PWD/$exe" cargo test --locked --test windows -- --ignored
phase "Wine tests on the zip's qbfix.exe"
rm -rf "$check"
echo "release: done in $((SECONDS - start)) s; archives in $out:"
ls -l "$out"
