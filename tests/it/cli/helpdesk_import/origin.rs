//! Runs carry their origin: in a call on an offline customer's results, `r` runs the checks on
//! the agent's (healthy) computer and shows them apart, "This computer (yours)"; the session's
//! verdict and result code stay the customer's; the report has `customer`,
//! `this_computer_checks[]` and `from` on every check result.

use qbfix::evidence::{CheckResult, VerdictId};

use super::{qbfix, stdout};
use crate::support;
use crate::support::World;

#[test]
fn r_in_a_call_shows_this_computer_apart_and_the_verdict_stays_the_customers() {
    let world = World::new();
    let customer = world.check(&world.offline());
    assert_eq!(customer.verdict(), "offline", "{}", customer.dump());
    let file = support::write_file(world.dir.path(), "customer.json", &customer.stdout);
    let config = world.write_config(&world.healthy());
    let mut input = vec!["r", "1"];
    input.extend(["2"; 10]);
    let input: String = input.iter().map(|l| format!("{l}\n")).collect();
    let out = qbfix(&world, &config)
        .args(["--helpdesk", "--customer"])
        .arg(&file)
        .env("COLUMNS", "200")
        .write_stdin(input)
        .assert()
        .success();
    let text = stdout(&out);
    assert!(text.contains("This computer (yours)"), "{text}");
    let case = support::printed_case_code(&text);

    let out = qbfix(&world, &config)
        .args(["report", &case, "--format", "json"])
        .assert()
        .success();
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(
        report["verdict"]["id"], "offline",
        "the customer's verdict: {report}"
    );
    assert_eq!(report["customer"]["source"], "check_json", "{report}");
    assert!(report.get("imported").is_none(), "`customer` replaces `imported`");
    let ours = report["this_computer_checks"]
        .as_array()
        .expect("the agent's run");
    assert!(!ours.is_empty());
    assert!(ours.iter().all(|c| c["from"] == "this_computer"), "{ours:?}");
    assert!(
        ours.iter().any(|c| c["id"] == "http" && c["status"] == "pass"),
        "the agent's healthy run: {ours:?}"
    );
    let theirs = report["checks"].as_array().unwrap();
    assert_eq!(theirs.len(), customer.report["checks"].as_array().unwrap().len());
    assert!(theirs.iter().all(|c| c["from"] == "customer"), "{theirs:?}");
    assert!(theirs.iter().any(|c| c["id"] == "http" && c["status"] == "fail"));
    let steps = report["steps"].as_array().unwrap();
    for c in steps.iter().flat_map(|s| s["checks"].as_array().unwrap()) {
        assert_eq!(c["from"], "customer", "{c}");
    }
    let runs = report["check_runs"].as_array().unwrap();
    assert!(runs.iter().any(|r| r["from"] == "this_computer"), "{runs:?}");
    assert_eq!(runs[0]["from"], "customer", "{runs:?}");

    // The result code shown is still the customer's.
    let checks: Vec<CheckResult> = serde_json::from_value(customer.report["checks"].clone()).unwrap();
    let code = qbfix::evidence::result_code::encode(Some(VerdictId::Offline), &checks);
    let out = qbfix(&world, &config).args(["report", &case]).assert().success();
    let md = stdout(&out);
    assert!(md.contains(&code), "the customer's result code {code}: {md}");
    assert!(md.contains("This computer (yours)"), "its own section: {md}");
}
