//! SOCKS proxies, as browsers and curl take them from `HTTPS_PROXY`/`ALL_PROXY`: `socks5h://`
//! lets the proxy look names up, `socks5://` looks them up here and hands the proxy an
//! address (both seen in the loopback SOCKS5 server's log); a proxy qbfix cannot test through
//! (SOCKS4) is reported as such by the `proxy` check, never as bypassed, and nothing goes
//! direct behind its back: the probes through it are not made and say so.

use std::sync::atomic::Ordering;
use std::time::Duration;

use crate::support::tls::{CA_ORG, TestCa};
use crate::support::{Reply, Setup, World};

/// The environment of a run whose browser path is `proxy` (and nothing bypasses it).
fn via(proxy: &str) -> Vec<(&'static str, String)> {
    vec![
        ("HTTPS_PROXY", proxy.to_string()),
        ("ALL_PROXY", proxy.to_string()),
        ("NO_PROXY", String::new()),
        ("no_proxy", String::new()),
    ]
}

fn check_via(world: &World, setup: &Setup, proxy: &str) -> crate::support::run::Run {
    let vars = via(proxy);
    let vars: Vec<(&str, &str)> = vars.iter().map(|(k, v)| (*k, v.as_str())).collect();
    world.check_with_env(setup, &vars)
}

#[test]
fn socks5h_lets_the_proxy_look_the_name_up() {
    let world = World::new();
    let ca = TestCa::new(CA_ORG);
    let qb = world
        .https(&ca.server_cert(), Reply::ok())
        .replace("127.0.0.1", "qbo.invalid");
    let port = url::Url::parse(&qb).unwrap().port().unwrap();
    let (socks, log) = world.socks(None);
    let setup = Setup {
        quickbooks: vec![qb],
        extra_ca_file: Some(ca.write_pem(world.dir.path())),
        expected_issuers: vec![CA_ORG.to_lowercase()],
        proxy: "system".into(),
        ..world.healthy()
    };
    let run = check_via(&world, &setup, &format!("socks5h://{socks}"));
    assert_eq!(run.status("http"), "pass", "{}", run.dump());
    assert_eq!(run.status("tls"), "pass", "{}", run.dump());
    assert_eq!(run.results("http")[0]["details"]["proxy"], socks.as_str());
    assert!(
        run.summary("dns").contains("looked up by the proxy"),
        "{}",
        run.dump()
    );
    let asked = log.lock().unwrap().clone();
    assert!(asked.contains(&format!("qbo.invalid:{port}")), "{asked:?}");
    let proxy = &run.results("proxy")[0];
    assert_eq!(proxy["details"]["bypassed_for_quickbooks"], false, "{proxy}");
    assert_eq!(run.verdict(), "local_ok", "{}", run.dump());
}

#[test]
fn socks5_looks_the_name_up_here_and_hands_the_proxy_an_address() {
    let world = World::new();
    let qb = world.http(Reply::ok()).replace("127.0.0.1", "localhost");
    let port = url::Url::parse(&qb).unwrap().port().unwrap();
    let (socks, log) = world.socks(None);
    let setup = Setup {
        quickbooks: vec![qb],
        proxy: "system".into(),
        ..world.healthy()
    };
    let run = check_via(&world, &setup, &format!("socks5://{socks}"));
    assert_eq!(run.status("http"), "pass", "{}", run.dump());
    assert_eq!(run.status("dns"), "pass", "looked up here: {}", run.dump());
    let asked = log.lock().unwrap().clone();
    assert!(asked.contains(&format!("127.0.0.1:{port}")), "{asked:?}");
    assert!(!asked.iter().any(|a| a.starts_with("localhost")), "{asked:?}");
}

#[test]
fn a_socks_refusal_is_the_proxys_failure_in_plain_words() {
    let world = World::new();
    let qb = world.http(Reply::ok());
    let port = url::Url::parse(&qb).unwrap().port().unwrap();
    let (socks, _) = world.socks(Some(port));
    let setup = Setup {
        quickbooks: vec![qb],
        proxy: "system".into(),
        ..world.healthy()
    };
    let run = check_via(&world, &setup, &format!("socks5h://{socks}"));
    let http = &run.results("http")[0]["details"];
    assert_eq!(http["error_kind"], "proxy", "{}", run.dump());
    assert_eq!(http["proxy_error_code"], "connection_refused");
    let said = http["proxy_error"].as_str().unwrap();
    assert!(
        said.contains("says 127.0.0.1:") && said.ends_with("refused the connection"),
        "{said}"
    );
    assert_eq!(run.status("connectivity"), "pass", "{}", run.dump());
}

#[test]
fn a_socks4_proxy_is_reported_unusable_and_nothing_goes_direct() {
    let world = World::new();
    let (qb, count) = world.relay(&world.http(Reply::ok()), Duration::ZERO);
    let (control, control_count) = world.relay(&world.http(Reply::status(204).body(b"")), Duration::ZERO);
    let setup = Setup {
        quickbooks: vec![qb],
        control: vec![format!("{control}generate_204")],
        proxy: "system".into(),
        ..world.healthy()
    };
    let run = check_via(&world, &setup, "socks4://127.0.0.1:1080");
    let proxy = &run.results("proxy")[0];
    assert_eq!(proxy["status"], "warn", "{}", run.dump());
    assert_eq!(
        proxy["summary"],
        "A SOCKS4 proxy is set (127.0.0.1:1080); qbfix cannot test through it"
    );
    assert_eq!(proxy["details"]["bypassed_for_quickbooks"], false);
    for id in ["http", "connectivity"] {
        let r = &run.results(id)[0];
        assert_eq!(r["status"], "error", "{id}: {}", run.dump());
        assert!(
            r["summary"]
                .as_str()
                .unwrap()
                .contains("was not tested: a SOCKS4 proxy"),
            "{r}"
        );
        assert_eq!(r["details"]["proxy"], "127.0.0.1:1080");
    }
    for id in ["dns", "tcp"] {
        assert_eq!(run.status(id), "skip", "{id}: {}", run.dump());
    }
    assert_eq!(
        count.load(Ordering::SeqCst),
        0,
        "QuickBooks was not reached directly"
    );
    assert_eq!(control_count.load(Ordering::SeqCst), 0, "nor the control site");
}

#[test]
fn a_socks_proxy_that_never_answers_is_the_proxys_failure_not_the_sites() {
    let world = World::new();
    let silent = world.hang().replace("http://", "socks5h://");
    let setup = Setup {
        quickbooks: vec![world.http(Reply::ok())],
        proxy: "system".into(),
        timeout_ms: 800,
        ..world.healthy()
    };
    let run = check_via(&world, &setup, &silent);
    let http = &run.results("http")[0]["details"];
    assert_eq!(http["error_kind"], "proxy", "{}", run.dump());
    assert!(
        http["proxy_error"]
            .as_str()
            .unwrap()
            .contains("did not open a tunnel within"),
        "{http}"
    );
}

#[test]
fn a_socks5h_proxy_set_in_the_config_is_used() {
    let world = World::new();
    let qb = world.http(Reply::ok()).replace("127.0.0.1", "qbo.invalid");
    let port = url::Url::parse(&qb).unwrap().port().unwrap();
    let (socks, log) = world.socks(None);
    let setup = Setup {
        quickbooks: vec![qb],
        proxy: format!("socks5h://{socks}"),
        ..world.healthy()
    };
    let run = world.check(&setup);
    assert_eq!(run.status("http"), "pass", "{}", run.dump());
    assert_eq!(run.results("http")[0]["details"]["proxy"], socks.as_str());
    let asked = log.lock().unwrap().clone();
    assert!(asked.contains(&format!("qbo.invalid:{port}")), "{asked:?}");
    assert_eq!(run.verdict(), "local_ok", "{}", run.dump());
}
