//! The Windows registry read in place: real values, written into a Wine prefix's registry with
//! `wine reg add` by the test, come back through qbfix's own reader. The test works in a prefix
//! of its own (a copy of the booted one), so no other test sees a proxy or a pending restart,
//! and it removes `reg.exe` from that copy before qbfix runs: the values can only reach qbfix
//! through the registry itself, never through a `reg query` child process.

use std::path::PathBuf;
use std::process::{Command, Stdio};

use crate::support::World;
use crate::wine::Wine;

const INTERNET_SETTINGS: &str = r"HKCU\Software\Microsoft\Windows\CurrentVersion\Internet Settings";
const REBOOT_PENDING: &str =
    r"HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Component Based Servicing\RebootPending";

/// A copy of the booted `WINEPREFIX` in the test's temp dir: `drive_c` and `dosdevices`
/// hard-linked (nothing writes into their files), the files at the top copied (the registry,
/// which Wine rewrites), except `wineserver`, the name of the booted prefix's server, which
/// the copy's own server writes afresh. That server is stopped on drop.
struct Prefix {
    path: PathBuf,
    loader: PathBuf,
}

impl Prefix {
    fn copy_of_booted(world: &World, wine: &Wine) -> Prefix {
        let booted = PathBuf::from(std::env::var_os("WINEPREFIX").expect("WINEPREFIX"));
        let path = world.dir.path().join("prefix");
        run(Command::new("cp").arg("-al").arg(&booted).arg(&path));
        for entry in std::fs::read_dir(&booted).expect("the booted prefix") {
            let entry = entry.expect("a prefix entry");
            if !entry.file_type().expect("its type").is_file() {
                continue;
            }
            let copy = path.join(entry.file_name());
            std::fs::remove_file(&copy).expect("unlinking the hard link");
            if entry.file_name() != "wineserver" {
                std::fs::copy(entry.path(), &copy).expect("copying a registry file");
            }
        }
        Prefix {
            path,
            loader: wine.loader.clone(),
        }
    }

    /// `reg ARGS…` in this prefix (the test's own tool; qbfix never starts it).
    fn reg(&self, args: &[&str]) {
        run(Command::new(&self.loader)
            .arg("reg")
            .args(args)
            .env("WINEPREFIX", &self.path)
            .env("WINEDEBUG", "-all"));
    }

    /// Removes `reg.exe` from this prefix, so nothing run in it can start it.
    fn remove_reg_exe(&self) {
        let reg = self.path.join("drive_c/windows/system32/reg.exe");
        std::fs::remove_file(&reg).unwrap_or_else(|e| panic!("removing {}: {e}", reg.display()));
    }
}

impl Drop for Prefix {
    fn drop(&mut self) {
        let _ = Command::new("wineserver")
            .arg("-k")
            .env("WINEPREFIX", &self.path)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }
}

/// Runs `cmd` with null stdio (Wine's helpers outlive it and would hold a pipe open).
fn run(cmd: &mut Command) {
    let status = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
    assert!(status.success(), "{cmd:?}: {status}");
}

#[test]
#[ignore = "needs Wine and the Windows build: run by .ci/release.sh"]
fn proxy_settings_and_a_pending_restart_are_read_from_the_registry() {
    let world = World::new();
    let wine = Wine::new();
    let prefix = Prefix::copy_of_booted(&world, &wine);
    let set = |name: &str, kind: &str, data: &str| {
        prefix.reg(&["add", INTERNET_SETTINGS, "/v", name, "/t", kind, "/d", data, "/f"]);
    };
    set("ProxyEnable", "REG_DWORD", "1");
    set(
        "ProxyServer",
        "REG_SZ",
        "http=proxy-a.invalid:8080;https=proxy-b.invalid:8443",
    );
    set("AutoConfigURL", "REG_SZ", "http://wpad.invalid/wpad.dat");
    prefix.reg(&["add", REBOOT_PENDING, "/f"]);
    prefix.remove_reg_exe();

    let wine = wine.in_prefix(prefix.path.clone());
    let run = wine.check_only(&world, &world.healthy(), &["proxy", "system"]);
    let proxy = &run.results("proxy")[0]["details"];
    assert_eq!(proxy["os_settings"], "read", "{}", run.dump());
    assert_eq!(
        proxy["proxies"],
        serde_json::json!([
            {"source": "Windows Internet Settings (http proxy)", "address": "proxy-a.invalid:8080"},
            {"source": "Windows Internet Settings (https proxy)", "address": "proxy-b.invalid:8443"},
        ]),
        "{}",
        run.dump()
    );
    assert_eq!(
        proxy["auto_config"][0]["address"],
        "wpad.invalid",
        "{}",
        run.dump()
    );
    assert!(
        run.summary("proxy").contains("proxy-a.invalid:8080"),
        "{}",
        run.dump()
    );
    assert_eq!(run.status("proxy"), "warn", "{}", run.dump());

    assert_eq!(
        run.results("system")[0]["details"]["reboot_pending"],
        true,
        "{}",
        run.dump()
    );
    assert_eq!(
        run.summary("system"),
        "A restart is pending to finish installing updates",
        "{}",
        run.dump()
    );
    run.assert_clean();
}
