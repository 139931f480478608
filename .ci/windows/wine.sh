# Sourced by .ci/windows.sh and .ci/release.sh: the Windows tools of CI, from Debian's archive
# and the Rust toolchain, and Wine for running qbfix.exe. Needs root on Debian 12 for apt-get;
# installs only what is missing. Nothing is cached between runs.
#   windows_tools        mingw-w64 (cross linker, objdump), Wine, unzip, the Rust target
#   wine_shim DIR        builds the ProcessPrng shim Wine 8 lacks into DIR (beside a test .exe)
#   wine_boot            boots one throw-away prefix in a temp dir and exports WINEPREFIX,
#                        QBFIX_WINE (the loader) and QBFIX_WINE_HOME; wine_cleanup ends it
windows_target=x86_64-pc-windows-gnu

windows_tools() {
    local missing=()
    command -v x86_64-w64-mingw32-gcc >/dev/null || missing+=(gcc-mingw-w64-x86-64)
    command -v x86_64-w64-mingw32-objdump >/dev/null || missing+=(binutils-mingw-w64-x86-64)
    [ -x /usr/lib/wine/wine64 ] || missing+=(wine64 wine)
    command -v unzip >/dev/null || missing+=(unzip)
    if ((${#missing[@]})); then
        echo "windows tools: installing ${missing[*]}"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
    rustup target list --installed | grep -qx "$windows_target" || rustup target add "$windows_target"
}

# Rust's standard library loads ProcessPrng from bcryptprimitives.dll, which Wine 8 lacks: this
# stand-in goes beside the .exe under test only, never into an archive.
wine_shim() {
    x86_64-w64-mingw32-gcc -shared -O2 -s -o "$1/bcryptprimitives.dll" .ci/windows/prng_shim.c -ladvapi32
}

# One prefix per run, in a temp dir. Wine links the prefix's Documents to $HOME at boot: boot
# it with a HOME of its own, so reports land there and never in a real Documents folder.
wine_boot() {
    wine_work=$(mktemp -d)
    export WINEPREFIX="$wine_work/prefix" WINEARCH=win64 WINEDEBUG=-all
    export WINEDLLOVERRIDES="bcryptprimitives=n,b;mscoree,mshtml=" DISPLAY=
    export QBFIX_WINE_HOME="$wine_work/home" QBFIX_WINE=/usr/lib/wine/wine64
    mkdir -p "$QBFIX_WINE_HOME"
    HOME="$QBFIX_WINE_HOME" "$QBFIX_WINE" wineboot --init >/dev/null 2>&1
    wineserver -w # the registry is on disk once the server has gone
    [ -f "$WINEPREFIX/system.reg" ] || { echo "wine: wineboot made no prefix" >&2; return 1; }
    wineserver -p
}

wine_cleanup() {
    if [ -n "${wine_work:-}" ]; then
        wineserver -k 2>/dev/null || true
        rm -rf "$wine_work"
    fi
}
