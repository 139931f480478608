//! A real nginx on the way to QuickBooks, no proxy (`[network] proxy = "none"`): as the site's
//! front end answering its genuine 502 (a dead upstream) or 503 (`service_outage`), as a Wi-Fi
//! portal answering every path with its sign-in page (`captive_portal`), and as a `stream`
//! filter that reads the site name and drops QuickBooks' connections before any certificate
//! (`quickbooks_blocked`, not interception).

use super::{assert_plain_summaries, details, healthy_but, setup};
use crate::support::nginx::{Nginx, TlsFiles};
use crate::support::tls::{CA_ORG, TestCa};
use crate::support::{Reply, Setup, World};

/// The test CA's server certificate as PEM files in the world's folder.
fn tls_files(world: &World, ca: &TestCa) -> TlsFiles {
    let (cert, key) = ca.server_cert().write_pem_files(world.dir.path(), "nginx");
    TlsFiles { cert, key }
}

#[test]
fn an_nginx_front_end_whose_upstream_is_dead_is_a_service_outage() {
    let world = World::new();
    let ca = TestCa::new(CA_ORG);
    let dead = world.refused();
    let server = format!("location / {{ proxy_pass {dead}; }}");
    let Some(nginx) = Nginx::http(
        "an_nginx_front_end_whose_upstream_is_dead_is_a_service_outage",
        &server,
        Some(&tls_files(&world, &ca)),
    ) else {
        return;
    };
    let run = world.check(&healthy_but(&world, &ca, nginx.url("https"), "none".into()));
    let log = nginx.daemon.output();
    assert_eq!(run.verdict(), "service_outage", "{}\n{log}", run.dump());
    assert_eq!(run.status("tls"), "pass", "{}\n{log}", run.dump());
    assert_eq!(run.status("http"), "fail", "{}\n{log}", run.dump());
    let http = details(&run, "http");
    assert_eq!(http["status_code"], 502, "{http}");
    assert_eq!(http["answered_by"], "origin", "{http}");
    assert!(run.summary("http").contains("502"), "{}", run.dump());
    assert!(
        log.contains("connect() failed"),
        "nginx met its dead upstream:\n{log}"
    );
    assert_plain_summaries(&run);
    run.assert_clean();
}

#[test]
fn an_nginx_answering_503_is_a_service_outage() {
    let world = World::new();
    let ca = TestCa::new(CA_ORG);
    let Some(nginx) = Nginx::http(
        "an_nginx_answering_503_is_a_service_outage",
        "location / { return 503; }",
        None,
    ) else {
        return;
    };
    let run = world.check(&healthy_but(&world, &ca, nginx.url("http"), "none".into()));
    let log = nginx.daemon.output();
    assert_eq!(run.verdict(), "service_outage", "{}\n{log}", run.dump());
    assert_eq!(details(&run, "http")["status_code"], 503, "{}", run.dump());
    assert!(run.summary("http").contains("503"), "{}", run.dump());
    assert_plain_summaries(&run);
}

/// A guest network's sign-in page.
const SIGN_IN: &str = "<html><head><title>Guest Wi-Fi</title></head><body><h1>Welcome to Guest Wi-Fi</h1><form method=post action=/login><input name=room><button>Accept and sign in</button></form></body></html>";

#[test]
fn an_nginx_wifi_portal_answering_every_path_with_its_page_is_captive_portal() {
    let world = World::new();
    let ca = TestCa::new(CA_ORG);
    let server = format!("location / {{ default_type text/html; return 200 '{SIGN_IN}'; }}");
    let Some(portal) = Nginx::http(
        "an_nginx_wifi_portal_answering_every_path_with_its_page_is_captive_portal",
        &server,
        None,
    ) else {
        return;
    };
    let base = portal.url("http");
    let setup = Setup {
        quickbooks: vec![format!("{base}app/homepage"), base.clone()],
        control: vec![format!("{base}generate_204")],
        status_page: format!("{base}api/v2/summary.json"),
        bank: vec![format!("{base}bank/signin")],
        ..setup(&world, &ca, "none".into())
    };
    let run = world.check(&setup);
    let log = portal.daemon.output();
    assert_eq!(run.verdict(), "captive_portal", "{}\n{log}", run.dump());
    assert_eq!(run.status("connectivity"), "warn", "{}", run.dump());
    assert_eq!(
        details(&run, "connectivity")["captive_portal"],
        true,
        "{}",
        run.dump()
    );
    assert_ne!(
        run.status("status_page"),
        "pass",
        "the page is no status: {}",
        run.dump()
    );
    assert_plain_summaries(&run);
    run.assert_clean();
}

#[test]
fn an_nginx_stream_filter_dropping_the_quickbooks_name_is_quickbooks_blocked() {
    let world = World::new();
    let ca = TestCa::new(CA_ORG);
    // Behind the filter: a healthy TLS site (the control site, reached by address: no name).
    let site = world.https(&ca.server_cert(), Reply::status(204).body(b""));
    let site = url::Url::parse(&site).unwrap();
    let dead = url::Url::parse(&world.refused()).unwrap();
    let map = format!(
        "map $ssl_preread_server_name $upstream {{ localhost 127.0.0.1:{}; default 127.0.0.1:{}; }}",
        dead.port().unwrap(),
        site.port().unwrap()
    );
    let Some(filter) = Nginx::stream(
        "an_nginx_stream_filter_dropping_the_quickbooks_name_is_quickbooks_blocked",
        &map,
        "ssl_preread on; proxy_pass $upstream;",
    ) else {
        return;
    };
    let port = filter.daemon.port;
    // QuickBooks by name (sent in the handshake), the control site by address (no name).
    let qb = format!("https://localhost:{port}/");
    let mut setup = healthy_but(&world, &ca, qb, "none".into());
    setup.control = vec![format!("https://127.0.0.1:{port}/generate_204")];
    let run = world.check(&setup);
    let log = filter.daemon.output();
    assert_eq!(run.verdict(), "quickbooks_blocked", "{}\n{log}", run.dump());
    assert_eq!(run.status("connectivity"), "pass", "{}\n{log}", run.dump());
    assert_eq!(run.status("tls"), "fail", "{}\n{log}", run.dump());
    let tls = details(&run, "tls");
    assert_eq!(tls["error_kind"], "tls_cut", "{tls}");
    assert_ne!(tls["cert_seen"], true, "no certificate was shown: {tls}");
    assert_ne!(tls["intercepted"], true, "{tls}");
    let summary = run.summary("tls");
    assert!(
        !summary.contains("eof") && !summary.contains("reset by peer"),
        "no library words for a cut handshake: {summary}"
    );
    assert_plain_summaries(&run);
    run.assert_clean();
}

#[test]
fn a_stream_filter_passing_every_name_is_local_ok() {
    // The ground the test above stands on: the filter carries TLS to the site, by name too.
    let world = World::new();
    let ca = TestCa::new(CA_ORG);
    let site = world.https(&ca.server_cert(), Reply::ok());
    let port = url::Url::parse(&site).unwrap().port().unwrap();
    let map = format!("map $ssl_preread_server_name $upstream {{ default 127.0.0.1:{port}; }}");
    let Some(filter) = Nginx::stream(
        "a_stream_filter_passing_every_name_is_local_ok",
        &map,
        "ssl_preread on; proxy_pass $upstream;",
    ) else {
        return;
    };
    let qb = format!("https://localhost:{}/", filter.daemon.port);
    let run = world.check(&healthy_but(&world, &ca, qb, "none".into()));
    assert_eq!(
        run.verdict(),
        "local_ok",
        "{}\n{}",
        run.dump(),
        filter.daemon.output()
    );
    assert_eq!(run.status("tls"), "pass", "{}", run.dump());
}
