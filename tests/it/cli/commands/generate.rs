//! What qbfix generates or checks for its user: shell completions for every shell and the man
//! page; `flow validate` reporting ok or the line and column of a mistake.

use crate::support::Env;

#[test]
fn completions_and_man_page_generate() {
    let env = Env::new();
    for (shell, marker) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef qbfix"),
        ("fish", "complete -c qbfix"),
        ("powershell", "Register-ArgumentCompleter"),
        ("elvish", "edit:completion"),
    ] {
        let out = env.cmd().args(["completions", shell]).assert().success();
        let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
        assert!(text.contains(marker), "{shell}: {text}");
        assert!(
            text.contains("report") && text.contains("sessions"),
            "{shell} completes commands"
        );
    }
    env.cmd().args(["completions", "tcsh"]).assert().code(2);
    let out = env.cmd().arg("man").assert().success();
    let man = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(man.starts_with(".ie") || man.contains(".TH qbfix"), "{man}");
    assert!(man.contains("report") && man.contains("\\-\\-helpdesk"), "{man}");
}

#[test]
fn flow_validate_reports_ok_or_line_and_column() {
    let env = Env::new();
    let good = env.dir().join("good.toml");
    std::fs::write(&good, qbfix::flow::DEFAULT_FLOW).unwrap();
    env.cmd()
        .arg("flow")
        .arg("validate")
        .arg(&good)
        .assert()
        .success()
        .stdout("ok: 10 steps\n");
    let bad = env.dir().join("bad.toml");
    std::fs::write(
        &bad,
        qbfix::flow::DEFAULT_FLOW.replace("next = \"cache\"", "next = \"cahce\""),
    )
    .unwrap();
    let out = env.cmd().arg("flow").arg("validate").arg(&bad).assert().code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr);
    assert!(
        stderr.contains("bad.toml:") && stderr.contains("unknown step \"cahce\""),
        "{stderr}"
    );
    let line = qbfix::flow::DEFAULT_FLOW
        .lines()
        .position(|l| l == "next = \"cache\"")
        .unwrap()
        + 1;
    assert!(stderr.contains(&format!("bad.toml:{line}:8:")), "{stderr}");
    env.cmd().arg("--plain").arg("--flow").arg(&bad).assert().code(2);
}
