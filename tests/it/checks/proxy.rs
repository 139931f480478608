//! `qbfix check` on the browser's path through a loopback HTTP proxy the tests start: a working
//! tunnel, a proxy answering 502 to `CONNECT`, asking for a password (407), down, forbidding
//! only the QuickBooks port, and relaying a 502 from inside the tunnel — each gives its verdict;
//! a network where only the proxy resolves names is `local_ok`, not `offline`. An HTTPS proxy
//! (reached over TLS) carries every request when its certificate is trusted, and fails as a
//! whole, saying why, when it is not.

use std::sync::atomic::Ordering;

use crate::support;
use crate::support::proxy::ProxyMode;
use crate::support::tls::{CA_ORG, TestCa};
use crate::support::{OPERATIONAL, Reply, Setup, World};

/// QuickBooks over TLS (trusted through `extra_ca_file`), everything else plain, all through
/// the proxy; QuickBooks' URL uses `qbo.invalid`, which only the proxy can resolve.
fn through(world: &World, mode: ProxyMode, qb: Reply) -> (Setup, support::proxy::Counter) {
    let ca = TestCa::new(CA_ORG);
    let qb_url = world
        .https(&ca.server_cert(), qb)
        .replace("127.0.0.1", "qbo.invalid");
    let (proxy, count) = world.proxy(mode);
    let setup = Setup {
        quickbooks: vec![qb_url],
        control: vec![
            format!("{}generate_204", world.http(Reply::status(204).body(b"")))
                .replace("127.0.0.1", "control.invalid"),
        ],
        status_page: world
            .http(Reply::json(OPERATIONAL))
            .replace("127.0.0.1", "status.invalid"),
        extra_ca_file: Some(ca.write_pem(world.dir.path())),
        expected_issuers: vec![CA_ORG.to_lowercase()],
        proxy: proxy.replace("http://", "http://alice:s3cret@"),
        ..Setup::default()
    };
    (setup, count)
}

#[test]
fn only_the_proxy_resolving_names_is_local_ok_not_offline() {
    let world = World::new();
    let (setup, count) = through(&world, ProxyMode::Pass, Reply::ok());
    let run = world.check(&setup);
    assert_eq!(run.verdict(), "local_ok", "{}", run.dump());
    assert_eq!(run.status("http"), "pass", "{}", run.dump());
    assert_eq!(run.status("tls"), "pass", "TLS inside the tunnel: {}", run.dump());
    assert_eq!(
        run.status("dns"),
        "skip",
        "the proxy looks names up: {}",
        run.dump()
    );
    assert!(
        run.summary("dns").contains("looked up by the proxy"),
        "{}",
        run.dump()
    );
    let http = &run.results("http")[0]["details"];
    assert_eq!(http["answered_by"], "origin");
    assert!(
        http["proxy"].as_str().unwrap().starts_with("127.0.0.1:"),
        "{http}"
    );
    // 3 samples of QuickBooks, 1 control, 1 status page: each its own connection.
    assert_eq!(count.load(Ordering::SeqCst), 5);
    assert!(
        !run.stdout.contains("s3cret") && !run.stdout.contains("alice"),
        "{}",
        run.stdout
    );
    run.assert_clean();
}

#[test]
fn a_proxy_answering_502_to_connect_for_quickbooks_only_is_blocked_naming_the_proxy() {
    let world = World::new();
    let (setup, _) = through(&world, ProxyMode::BlockPort(0, 0), Reply::ok());
    // Block QuickBooks' own port with a 502 from the proxy.
    let port = url::Url::parse(&setup.quickbooks[0]).unwrap().port().unwrap();
    let (proxy, _) = world.proxy(ProxyMode::BlockPort(port, 502));
    let setup = Setup { proxy, ..setup };
    let run = world.check(&setup);
    // The proxy carries the control sites: it works; QuickBooks is what it cannot reach.
    assert_eq!(run.status("connectivity"), "pass", "{}", run.dump());
    assert_eq!(run.verdict(), "quickbooks_blocked", "{}", run.dump());
    let advice = run.report["verdict"]["advice"].as_str().unwrap();
    assert!(
        advice.contains("127.0.0.1:") && advice.contains("502"),
        "{advice}"
    );
    let http = &run.results("http")[0]["details"];
    assert_eq!(http["error_kind"], "proxy");
    assert_eq!(http["proxy_status"], 502);
    assert_eq!(http["answered_by"], "proxy");
    assert!(
        http.get("status_code").is_none(),
        "the proxy's answer is not QuickBooks': {http}"
    );
    assert_eq!(run.status("tls"), "skip", "{}", run.dump());
    run.assert_clean();
}

#[test]
fn a_proxy_asking_for_a_password_is_proxy_failing() {
    let world = World::new();
    let (setup, _) = through(&world, ProxyMode::Answer(407), Reply::ok());
    let run = world.check(&setup);
    assert_eq!(run.verdict(), "proxy_failing", "{}", run.dump());
    assert!(
        run.summary("http").contains("asks for a password"),
        "{}",
        run.dump()
    );
    let advice = run.report["verdict"]["advice"].as_str().unwrap();
    assert!(
        !advice.contains("s3cret") && !advice.contains("alice"),
        "{advice}"
    );
    assert!(!run.stdout.contains("s3cret"), "{}", run.stdout);
}

#[test]
fn a_proxy_that_is_down_is_proxy_failing_not_offline() {
    let world = World::new();
    let (setup, _) = through(&world, ProxyMode::Pass, Reply::ok());
    let down = world.refused().trim_end_matches('/').to_string();
    let run = world.check(&Setup { proxy: down, ..setup });
    assert_eq!(run.verdict(), "proxy_failing", "{}", run.dump());
    assert!(
        run.summary("http").contains("refused the connection"),
        "{}",
        run.dump()
    );
}

#[test]
fn a_proxy_forbidding_only_the_quickbooks_port_is_quickbooks_blocked() {
    let world = World::new();
    let (setup, _) = through(&world, ProxyMode::Pass, Reply::ok());
    let port = url::Url::parse(&setup.quickbooks[0]).unwrap().port().unwrap();
    let (proxy, _) = world.proxy(ProxyMode::BlockPort(port, 403));
    let run = world.check(&Setup { proxy, ..setup });
    assert_eq!(run.verdict(), "quickbooks_blocked", "{}", run.dump());
    assert_eq!(run.status("connectivity"), "pass", "{}", run.dump());
}

#[test]
fn a_502_from_inside_the_tunnel_is_intuits_service_outage() {
    let world = World::new();
    let (setup, _) = through(&world, ProxyMode::Pass, Reply::status(502));
    let run = world.check(&setup);
    assert_eq!(run.verdict(), "service_outage", "{}", run.dump());
    let http = &run.results("http")[0]["details"];
    assert_eq!(http["status_code"], 502);
    assert_eq!(http["answered_by"], "origin");
    assert_eq!(run.status("tls"), "pass", "{}", run.dump());
}

/// An HTTPS proxy (an `https://` proxy URL, as Chrome and curl take it) whose certificate is
/// trusted carries every request inside its own secure connection: QuickBooks' TLS runs inside
/// the proxy's, and the plain control sites go to it as absolute-form requests.
#[test]
fn an_https_proxy_with_a_trusted_certificate_carries_every_request() {
    let world = World::new();
    let (setup, _) = through(&world, ProxyMode::Pass, Reply::ok());
    // The proxy's certificate comes from the CA that `extra_ca_file` trusts.
    let ca_pem = std::fs::read_to_string(setup.extra_ca_file.as_ref().unwrap()).unwrap();
    let ca = TestCa::new(CA_ORG);
    let own = world.dir.path().join("proxy-ca");
    std::fs::create_dir(&own).unwrap();
    let proxy_ca = std::fs::read_to_string(ca.write_pem(&own)).unwrap();
    let both = world.dir.path().join("both-cas.pem");
    std::fs::write(&both, format!("{ca_pem}{proxy_ca}")).unwrap();
    let (proxy, count) = world.https_proxy(ProxyMode::Pass, &ca.server_cert());
    let setup = Setup {
        proxy: proxy.replace("https://", "https://alice:s3cret@"),
        extra_ca_file: Some(both),
        ..setup
    };
    let run = world.check(&setup);
    assert_eq!(run.verdict(), "local_ok", "{}", run.dump());
    assert_eq!(run.status("http"), "pass", "{}", run.dump());
    assert_eq!(
        run.status("tls"),
        "pass",
        "TLS inside the proxy's: {}",
        run.dump()
    );
    assert_eq!(run.status("connectivity"), "pass", "{}", run.dump());
    let http = &run.results("http")[0]["details"];
    assert!(
        http["proxy"].as_str().unwrap().starts_with("localhost:"),
        "{http}"
    );
    assert_eq!(count.load(Ordering::SeqCst), 5, "every request went through it");
    assert!(!run.stdout.contains("cannot test through"), "{}", run.stdout);
    assert!(!run.stdout.contains("s3cret"), "{}", run.stdout);
    run.assert_clean();
}

/// An HTTPS proxy showing a certificate this computer does not trust fails as a whole, in
/// words that say so: no request reaches it in the clear.
#[test]
fn an_https_proxy_with_an_untrusted_certificate_is_proxy_failing() {
    let world = World::new();
    let (setup, _) = through(&world, ProxyMode::Pass, Reply::ok());
    let stranger = TestCa::new("Stranger Proxy Authority");
    let (proxy, count) = world.https_proxy(ProxyMode::Pass, &stranger.server_cert());
    let run = world.check(&Setup { proxy, ..setup });
    assert_eq!(run.verdict(), "proxy_failing", "{}", run.dump());
    let summary = run.summary("http");
    assert!(
        summary.contains("showed a certificate that was refused"),
        "{}",
        run.dump()
    );
    assert_eq!(count.load(Ordering::SeqCst), 0, "nothing passed the TLS front");
    run.assert_clean();
}
