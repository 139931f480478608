//! Privacy by default, through the real binary: a session whose check summaries and notes
//! carry the user's name, home folder, computer name and private addresses (a server's reply
//! can echo them) gives reports in which none of them appears, in every format; with
//! `--no-redact` they are kept, and the JSON report says which policy was applied.

use crate::support::Env;

const USER: &str = "zelda-qbtest";

struct Planted {
    env: Env,
    id: String,
    home: String,
    host: Option<String>,
}

/// A saved session whose texts mention everything private.
fn planted() -> Planted {
    let env = Env::new();
    let home = env.dir().join("home").join(USER).display().to_string();
    let host = sysinfo::System::host_name()
        .ok()
        .filter(|h| h.len() >= 2 && !h.eq_ignore_ascii_case("localhost"));
    let mut cmd = env.cmd();
    cmd.env("USER", USER).env("HOME", &home);
    cmd.arg("--plain").write_stdin("1\n").assert().success();
    let mut v = env.sessions().into_iter().next().unwrap();
    let id = v["id"].as_str().unwrap().to_string();
    let echo = format!(
        "Proxy at 192.168.77.5:3128 said: user {USER} on {} from {home}/Downloads",
        host.as_deref().unwrap_or("no-host")
    );
    v["checks"][0]["summary"] = echo.clone().into();
    v["steps"][0]["checks"][0]["summary"] = echo.clone().into();
    v["steps"][0]["note"] = format!("I am {USER}, router 10.1.2.3, link fe80::1ff:fe23:4567:890a").into();
    let path = env.data_dir().join("sessions").join(format!("{id}.json"));
    std::fs::write(path, serde_json::to_vec_pretty(&v).unwrap()).unwrap();
    Planted { env, id, home, host }
}

fn report(p: &Planted, format: &str, extra: &[&str]) -> String {
    let mut cmd = p.env.cmd();
    cmd.env("USER", USER).env("HOME", &p.home);
    let out = cmd
        .args(["report", &p.id, "--format", format])
        .args(extra)
        .assert()
        .success();
    String::from_utf8_lossy(&out.get_output().stdout).to_string()
}

fn secrets(p: &Planted) -> Vec<String> {
    let mut list = vec![
        USER.to_string(),
        p.home.clone(),
        "192.168.77.5".to_string(),
        "10.1.2.3".to_string(),
        "fe80::1ff:fe23:4567:890a".to_string(),
    ];
    list.extend(p.host.clone());
    list
}

/// `word` appears in `text` on its own (not inside a longer word), ignoring ASCII case.
fn has_word(text: &str, word: &str) -> bool {
    let text = text.to_ascii_lowercase();
    let word = word.to_ascii_lowercase();
    let inner = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    text.match_indices(&word).any(|(at, _)| {
        !inner(text[..at].chars().next_back()) && !inner(text[at + word.len()..].chars().next())
    })
}

#[test]
fn reports_hide_names_homes_hosts_and_private_addresses_by_default() {
    let p = planted();
    for format in ["md", "text", "json", "html"] {
        let text = report(&p, format, &[]);
        for secret in secrets(&p) {
            assert!(
                !has_word(&text, &secret),
                "{format} report shows {secret:?}:\n{text}"
            );
        }
        assert!(
            text.contains("192.168.x.1:3128"),
            "{format}: a readable token stays:\n{text}"
        );
        assert!(text.contains("user-1"), "{format}:\n{text}");
    }
    let json: serde_json::Value = serde_json::from_str(&report(&p, "json", &[])).unwrap();
    assert_eq!(json["redaction"], "redacted");
}

#[test]
fn no_redact_keeps_them_and_says_so() {
    let p = planted();
    for format in ["md", "text", "json", "html"] {
        let text = report(&p, format, &["--no-redact"]);
        for secret in secrets(&p) {
            assert!(text.contains(&secret), "{format} report lost {secret:?}:\n{text}");
        }
    }
    let json: serde_json::Value = serde_json::from_str(&report(&p, "json", &["--no-redact"])).unwrap();
    assert_eq!(json["redaction"], "none");
}

#[test]
fn the_saved_session_itself_is_not_changed_by_a_report() {
    let p = planted();
    let path = p.env.data_dir().join("sessions").join(format!("{}.json", p.id));
    let before = std::fs::read(&path).unwrap();
    report(&p, "md", &[]);
    assert_eq!(std::fs::read(&path).unwrap(), before);
}
