//! The Wine tests: the real `qbfix.exe` (cross-compiled for x86_64-pc-windows-gnu) run under
//! Wine against the same loopback servers as the Linux tests. Ignored by default; `.ci/release.sh`
//! builds the .exe with dist, unpacks it from the release zip, boots one Wine prefix and runs
//! these with `--ignored`, passing `QBFIX_WINE_EXE` (the .exe from the zip), `QBFIX_WINE` (the
//! Wine loader) and `WINEPREFIX`.

/// The Linux tests' helpers (`tests/it/support`): the same loopback servers, test CA and
/// config writer; this binary uses part of them.
#[path = "../it/support/mod.rs"]
#[allow(dead_code, unused_imports)]
mod support;

mod import;
mod registry;
mod wine;

use support::tls::TestCa;
use support::{Reply, Setup, World};
use wine::Wine;

/// The id of the only session in the world's data dir.
fn walk_session_id(world: &World) -> String {
    let dir = world.dir.path().join("data").join("sessions");
    let mut ids: Vec<String> = std::fs::read_dir(&dir)
        .expect("sessions folder")
        .filter_map(|e| {
            let path = e.ok()?.path();
            let json = path.extension().is_some_and(|x| x == "json");
            json.then(|| path.file_stem()?.to_str().map(str::to_string))?
        })
        .collect();
    assert_eq!(ids.len(), 1, "{ids:?}");
    ids.remove(0)
}

#[test]
#[ignore = "needs Wine and the Windows build: run by .ci/release.sh"]
fn healthy_network_is_local_ok() {
    let world = World::new();
    let run = Wine::new().check(&world, &world.healthy());
    assert_eq!(run.verdict(), "local_ok", "{}", run.dump());
    for id in support::HEALTHY_PASSES {
        assert_eq!(run.status(id), "pass", "{id}: {}", run.dump());
    }
    // A fresh Wine prefix has only its Internet Explorer stand-in, found in its install
    // folder: the one warning, and the reason the exit code is 1.
    assert_eq!(run.status("browsers"), "warn", "{}", run.dump());
    assert!(
        run.summary("browsers").contains("Internet Explorer"),
        "{}",
        run.dump()
    );
    assert_eq!(run.code, Some(1), "{}", run.dump());
    run.assert_clean();
}

#[test]
#[ignore = "needs Wine and the Windows build: run by .ci/release.sh"]
fn bad_gateway_is_service_outage() {
    let world = World::new();
    let setup = Setup {
        quickbooks: vec![world.http(Reply::status(502))],
        ..world.healthy()
    };
    let run = Wine::new().check(&world, &setup);
    assert_eq!(run.verdict(), "service_outage", "{}", run.dump());
    assert_eq!(run.results("http")[0]["details"]["status_code"], 502);
    assert_eq!(run.code, Some(1));
    run.assert_clean();
}

#[test]
#[ignore = "needs Wine and the Windows build: run by .ci/release.sh"]
fn nothing_answering_is_offline() {
    let world = World::new();
    let setup = world.offline();
    let run = Wine::new().check(&world, &setup);
    assert_eq!(run.verdict(), "offline", "{}", run.dump());
    assert_eq!(run.results("tcp")[0]["details"]["error_kind"], "refused");
    assert_eq!(run.code, Some(1));
    run.assert_clean();
}

#[test]
#[ignore = "needs Wine and the Windows build: run by .ci/release.sh"]
fn an_inspecting_certificate_is_https_intercepted() {
    let world = World::new();
    let ca = TestCa::new("Contoso Proxy Inspection");
    let setup = Setup {
        quickbooks: vec![world.https(&ca.server_cert(), Reply::ok())],
        ..world.healthy()
    };
    let run = Wine::new().check(&world, &setup);
    assert_eq!(run.verdict(), "https_intercepted", "{}", run.dump());
    assert_eq!(
        run.results("tls")[0]["details"]["issuer_org"],
        "Contoso Proxy Inspection"
    );
    assert_eq!(run.code, Some(1));
    run.assert_clean();
}

#[test]
#[ignore = "needs Wine and the Windows build: run by .ci/release.sh"]
fn windows_readers_answer_in_words() {
    let world = World::new();
    let wine = Wine::new();
    let setup = world.healthy();
    let run = wine.check_only(&world, &setup, &["proxy", "firewall", "browsers", "system"]);
    for id in ["proxy", "firewall", "browsers", "system"] {
        let summary = run.summary(id);
        assert!(!summary.is_empty(), "{id} says something: {}", run.dump());
    }
    // Wine's registry has Internet Settings without a proxy: read, and nothing set.
    assert_eq!(run.summary("proxy"), "No proxy is set", "{}", run.dump());
    assert_eq!(run.results("proxy")[0]["details"]["os_settings"], "read");
    // Wine's netsh is a stub that prints nothing: the reader says it cannot tell.
    assert!(
        run.summary("firewall").contains("couldn't tell"),
        "{}",
        run.dump()
    );
    let netsh = &run.results("firewall")[0]["details"]["products"][0];
    assert_eq!(netsh["name"], "Windows Defender Firewall");
    assert_eq!(netsh["note"], "netsh answered in a form qbfix cannot read");
    let os = run.results("system")[0]["details"]["os"]
        .as_str()
        .unwrap_or("")
        .to_string();
    assert!(os.contains("Windows"), "{}", run.dump());
    // A fresh prefix has neither servicing key: read, and no restart pending.
    assert_eq!(
        run.results("system")[0]["details"]["reboot_pending"],
        false,
        "{}",
        run.dump()
    );
    run.assert_clean();
}

#[test]
#[ignore = "needs Wine and the Windows build: run by .ci/release.sh"]
fn plain_walk_with_crlf_reaches_the_summary_and_every_report_renders() {
    let world = World::new();
    let wine = Wine::new();
    let config = wine::write_config(&world, &world.healthy());
    let answers = "2\r\n".repeat(12);
    let config = config.to_str().expect("temp paths are UTF-8");
    let walk = wine.run(&world, &["--config", config, "--plain"], answers.as_bytes());
    assert_eq!(walk.code, Some(0), "{}", walk.dump());
    assert!(
        walk.stdout.contains("Step 1 of 10: What do you see?"),
        "{}",
        walk.dump()
    );
    assert!(walk.stdout.contains("Summary"), "{}", walk.dump());
    assert!(
        !walk.stdout.contains("Please type a number"),
        "CRLF answers are read: {}",
        walk.dump()
    );
    assert!(
        !walk.stdout.chars().any(support::run::is_dirty),
        "{}",
        walk.dump()
    );

    for format in wine::REPORT_FORMATS {
        let out = wine.run(&world, &["report", "--format", format], b"");
        assert_eq!(out.code, Some(0), "report --format {format}: {}", out.dump());
        assert!(!out.stdout.trim().is_empty(), "report --format {format} is empty");
        match *format {
            "json" => {
                let v: serde_json::Value = serde_json::from_str(&out.stdout)
                    .unwrap_or_else(|e| panic!("report json ({e}): {}", out.stdout));
                assert_eq!(v["outcome"], "escalated", "{v}");
                assert_eq!(v["verdict"]["id"], "local_ok", "{v}");
            }
            "html" => assert!(out.stdout.contains("<html"), "{}", out.stdout),
            _ => assert!(
                out.stdout.contains("Check your internet connection"),
                "{}",
                out.stdout
            ),
        }
    }

    // The summary saved both reports in the prefix's Documents folder (linked to the HOME
    // Wine was booted with) and printed their Windows paths.
    let id = walk_session_id(&world);
    let home = std::path::PathBuf::from(std::env::var_os("QBFIX_WINE_HOME").expect("QBFIX_WINE_HOME"));
    for ext in ["html", "json"] {
        let file = home.join("qbfix").join(format!("{id}.{ext}"));
        assert!(file.is_file(), "{} missing: {}", file.display(), walk.dump());
        let printed = format!("\\Documents\\qbfix\\{id}.{ext}");
        assert!(walk.stdout.contains(&printed), "{printed}: {}", walk.dump());
    }
}
