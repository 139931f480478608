//! `import` on Windows: a customer's `check --json` file and their result code, both produced
//! by `qbfix.exe` under Wine during an outage, become sessions the agent can report on; a bad
//! import exits 2 and writes nothing.

use crate::support::{self, Reply, Setup, World};
use crate::wine::Wine;

const MAJOR_OUTAGE: &str = include_str!("../data/status/major_outage.json");

/// An outage: QuickBooks answers 502 and the status page reports a major incident.
fn outage(world: &World) -> Setup {
    Setup {
        quickbooks: vec![world.http(Reply::status(502))],
        status_page: world.http(Reply::json(MAJOR_OUTAGE)),
        ..world.healthy()
    }
}

/// The names in the data dir's sessions folder, sorted (empty when it does not exist).
fn listing(world: &World) -> Vec<String> {
    let dir = world.dir.path().join("data").join("sessions");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(|e| Some(e.ok()?.file_name().to_string_lossy().into_owned()))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
#[ignore = "needs Wine and the Windows build: run by .ci/release.sh"]
fn a_customers_check_file_and_result_code_import_and_report() {
    let world = World::new();
    let wine = Wine::new();
    let setup = outage(&world);
    let run = wine.check(&world, &setup);
    assert_eq!(run.verdict(), "service_outage", "{}", run.dump());
    // Windows line endings, as a file saved on a customer's Windows computer would have.
    let crlf = run.stdout.replace('\n', "\r\n");
    let file = support::write_file(world.dir.path(), "customer.json", &crlf);

    let out = wine.run(&world, &[std::ffi::OsStr::new("import"), file.as_os_str()], b"");
    assert_eq!(out.code, Some(0), "{}", out.dump());
    assert!(out.stdout.contains("Imported as session"), "{}", out.dump());
    let case = support::printed_case_code(&out.stdout);

    let out = wine.run(&world, &["report", &case, "--format", "json"], b"");
    assert_eq!(out.code, Some(0), "{}", out.dump());
    let report: serde_json::Value =
        serde_json::from_str(&out.stdout).unwrap_or_else(|e| panic!("report json ({e}): {}", out.dump()));
    assert_eq!(report["verdict"]["id"], "service_outage", "{report}");
    assert_eq!(report["customer"]["source"], "check_json", "{report}");
    assert_eq!(report["case_code"], case.as_str());
    let checks = report["checks"].as_array().expect("checks");
    assert!(
        checks.iter().any(|c| c["id"] == "http" && c["status"] == "fail"),
        "{report}"
    );

    // The result code the customer reads aloud from `check`'s table.
    let config = crate::wine::write_config(&world, &setup);
    let table = wine.run(
        &world,
        &[
            std::ffi::OsStr::new("--config"),
            config.as_os_str(),
            std::ffi::OsStr::new("check"),
        ],
        b"",
    );
    let code = support::printed_result_code(&table.stdout);
    let typed = code.to_lowercase().replace('-', "");
    let out = wine.run(&world, &["import", "--code", &typed], b"");
    assert_eq!(out.code, Some(0), "{}", out.dump());
    let case = support::printed_case_code(&out.stdout);
    let out = wine.run(&world, &["report", &case, "--format", "md"], b"");
    assert_eq!(out.code, Some(0), "{}", out.dump());
    assert!(
        out.stdout.contains("reported by the customer's result code"),
        "{}",
        out.dump()
    );
    assert!(out.stdout.contains("Intuit's side"), "{}", out.dump());

    let out = wine.run(&world, &["sessions"], b"");
    assert_eq!(out.code, Some(0), "{}", out.dump());
    assert_eq!(out.stdout.matches("(imported)").count(), 2, "{}", out.dump());
}

#[test]
#[ignore = "needs Wine and the Windows build: run by .ci/release.sh"]
fn a_bad_import_exits_2_with_one_line_and_writes_nothing() {
    let world = World::new();
    let wine = Wine::new();
    let before = listing(&world);
    let not_json = support::write_file(world.dir.path(), "notes.txt", "my bank feed fails\r\n");
    let folder = world.dir.path().join("a-folder");
    std::fs::create_dir(&folder).expect("folder");
    for bad in [not_json.as_os_str(), folder.as_os_str()] {
        let out = wine.run(&world, &[std::ffi::OsStr::new("import"), bad], b"");
        assert_eq!(out.code, Some(2), "{}", out.dump());
        assert_eq!(out.stderr.trim().lines().count(), 1, "one line: {}", out.dump());
        assert!(out.stdout.trim().is_empty(), "{}", out.dump());
    }
    let out = wine.run(&world, &["import", "--code", "7K3M-9TQ2-5"], b"");
    assert_eq!(out.code, Some(2), "a mistyped code: {}", out.dump());
    assert_eq!(listing(&world), before, "nothing written");
}
