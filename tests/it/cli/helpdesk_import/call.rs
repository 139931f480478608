//! The customer's file opens a call: their wizard's summary saved their finished session (the
//! JSON report it wrote, or the session file itself); `--helpdesk --customer FILE` opens a call
//! on it as a new session of the agent's that carries their results, answers and notes into
//! the report. `import` prints `qbfix --helpdesk --customer <case code>`, and `--customer`
//! takes the case code or id of a session imported here.

use assert_cmd::Command;

use super::{data_dir, outage, qbfix, stdout};
use crate::support;
use crate::support::{World, clean_env};

/// The customer's own run of the wizard to its summary, with a note; returns the JSON report
/// their summary saved and their session file.
fn customers_finished_session(
    world: &World,
    config: &std::path::Path,
) -> (std::path::PathBuf, std::path::PathBuf) {
    let data = world.dir.path().join("customer-data");
    let home = world.dir.path().join("customer-home");
    let mut cmd = Command::cargo_bin("qbfix").unwrap();
    clean_env(&mut cmd);
    cmd.arg("--config")
        .arg(config)
        .arg("--data-dir")
        .arg(&data)
        .env("HOME", &home)
        .env_remove("XDG_CONFIG_HOME")
        .arg("--plain")
        .write_stdin("1\nn the bank feed fails since Monday\n4\n")
        .assert()
        .success();
    let sessions = support::session_files(&data.join("sessions"));
    assert_eq!(sessions.len(), 1);
    assert_eq!(sessions[0]["outcome"], "unresolved", "{}", sessions[0]);
    let id = sessions[0]["id"].as_str().unwrap().to_string();
    // In the documents folder, or the data dir when there is none (not the sessions folder).
    let saved = support::files_under(&home)
        .into_iter()
        .chain(support::files_under(&data))
        .find(|p| {
            p.file_name().is_some_and(|n| n == format!("{id}.json").as_str())
                && !p.starts_with(data.join("sessions"))
        })
        .expect("the JSON report the summary saved");
    (saved, data.join("sessions").join(format!("{id}.json")))
}

#[test]
fn the_customers_finished_session_opens_a_call_carrying_their_answers_and_notes() {
    let world = World::new();
    let setup = outage(&world);
    let config = world.write_config(&setup);
    let (report_file, session_file) = customers_finished_session(&world, &config);
    for file in [report_file, session_file] {
        let out = qbfix(&world, &config)
            .args(["--helpdesk", "--customer"])
            .arg(&file)
            .write_stdin("1\n4\n")
            .assert()
            .success();
        let text = stdout(&out);
        assert!(!text.contains("is finished"), "{text}");
        assert!(text.contains("Step 1 of"), "a call opens: {text}");
        let case = support::printed_case_code(&text);
        let out = qbfix(&world, &config)
            .args(["report", &case, "--format", "json"])
            .assert()
            .success();
        let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
        assert_eq!(report["verdict"]["id"], "service_outage", "{report}");
        assert_eq!(report["outcome"], "unresolved", "the call's own outcome");
        let customer = &report["customer"];
        assert_eq!(customer["source"], "session_json", "{report}");
        assert_eq!(customer["outcome"], "unresolved", "{customer}");
        let notes: Vec<&str> = customer["steps"]
            .as_array()
            .expect("the customer's answers")
            .iter()
            .filter_map(|s| s["note"].as_str())
            .collect();
        assert_eq!(notes, ["the bank feed fails since Monday"], "{customer}");
        // The call's steps are the agent's: answered in this call.
        assert_eq!(report["steps"][0]["id"], "symptom");
        let md = stdout(&qbfix(&world, &config).args(["report", &case]).assert().success());
        assert!(md.contains("the bank feed fails since Monday"), "{md}");
        assert!(md.contains("The customer's answers"), "{md}");
    }
}

#[test]
fn import_prints_the_customer_command_and_it_opens_the_call_by_case_code_or_id() {
    let world = World::new();
    let setup = outage(&world);
    let config = world.write_config(&setup);
    let (report_file, _) = customers_finished_session(&world, &config);
    let out = qbfix(&world, &config)
        .arg("import")
        .arg(&report_file)
        .assert()
        .success();
    let text = stdout(&out);
    let case = support::printed_case_code(&text);
    assert!(
        text.contains(&format!("qbfix --helpdesk --customer {case}")),
        "{text}"
    );
    let sessions = support::session_files(&data_dir(&world).join("sessions"));
    assert_eq!(sessions.len(), 1);
    let id = sessions[0]["id"].as_str().unwrap().to_string();
    for key in [case.as_str(), id.as_str()] {
        let out = qbfix(&world, &config)
            .args(["--helpdesk", "--customer", key])
            .write_stdin("q\n")
            .assert()
            .success();
        let text = stdout(&out);
        assert!(text.contains("Step 1 of"), "{key}: {text}");
        assert!(text.contains(&format!("Case code: {case}")), "{key}: {text}");
    }
    // No new session was made: the call is the imported session.
    assert_eq!(
        support::session_files(&data_dir(&world).join("sessions")).len(),
        1
    );
}
