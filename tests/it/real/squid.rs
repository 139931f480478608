//! A real squid as the office proxy on the browser's path (`[network] proxy` set to it): what
//! squid answers for itself (always with `X-Squid-Error`) against what it relays from the site,
//! and whether it fails for the control sites too (`proxy_failing`) or for QuickBooks only
//! (`quickbooks_blocked`, naming the proxy and what it said).

use super::{assert_plain_summaries, details, healthy_but, setup, verdict_words};
use crate::support::squid::Squid;
use crate::support::tls::{CA_ORG, TestCa};
use crate::support::{Reply, Setup, World};

/// QuickBooks over TLS on a loopback server signed by the test CA; its port.
fn quickbooks_tls(world: &World, ca: &TestCa) -> (String, u16) {
    let url = world.https(&ca.server_cert(), Reply::ok());
    let port = url::Url::parse(&url).unwrap().port().unwrap();
    (url, port)
}

/// The proxy's own answer, as the `http` result records it.
fn assert_squid_said(run: &crate::support::run::Run, status: u16, code: &str, log: &str) {
    let http = details(run, "http");
    assert_eq!(http["answered_by"], "proxy", "{}\n{log}", run.dump());
    assert_eq!(http["proxy_status"], status, "{}\n{log}", run.dump());
    let product = http["proxy_product"].as_str().unwrap_or("");
    assert!(
        product.to_lowercase().contains("squid"),
        "the proxy's product: {http}"
    );
    let said = http["proxy_error_code"].as_str().unwrap_or("");
    assert!(said.starts_with(code), "the proxy's error code: {http}");
    assert!(
        http.get("status_code").is_none(),
        "squid's answer is not QuickBooks': {http}"
    );
}

#[test]
fn an_acl_refusing_connect_to_the_quickbooks_port_is_quickbooks_blocked_naming_the_proxy() {
    let world = World::new();
    let ca = TestCa::new(CA_ORG);
    let (qb, port) = quickbooks_tls(&world, &ca);
    let rules = format!(
        "acl quickbooks_port port {port}\nhttp_access deny CONNECT quickbooks_port\nhttp_access allow all\n"
    );
    let Some(squid) = Squid::start(
        "an_acl_refusing_connect_to_the_quickbooks_port_is_quickbooks_blocked_naming_the_proxy",
        &rules,
    ) else {
        return;
    };
    let run = world.check(&healthy_but(&world, &ca, qb, squid.url()));
    let log = squid.log();
    assert_eq!(run.verdict(), "quickbooks_blocked", "{}\n{log}", run.dump());
    assert_eq!(run.status("connectivity"), "pass", "{}\n{log}", run.dump());
    assert_eq!(run.status("status_page"), "pass", "{}\n{log}", run.dump());
    assert_eq!(run.status("http"), "fail", "{}\n{log}", run.dump());
    assert_eq!(run.status("tls"), "skip", "no handshake happened: {}", run.dump());
    assert_squid_said(&run, 403, "ERR_ACCESS_DENIED", &log);
    let words = verdict_words(&run);
    assert!(words.contains(&squid.daemon.addr()), "names the proxy: {words}");
    assert_plain_summaries(&run);
    run.assert_clean();
}

#[test]
fn a_squid_asking_for_a_password_is_proxy_failing() {
    let world = World::new();
    let ca = TestCa::new(CA_ORG);
    let (qb, _) = quickbooks_tls(&world, &ca);
    let Some(squid) = Squid::with_password(
        "a_squid_asking_for_a_password_is_proxy_failing",
        "alice",
        "s3cret",
    ) else {
        return;
    };
    let run = world.check(&healthy_but(&world, &ca, qb, squid.url()));
    let log = squid.log();
    assert_eq!(run.verdict(), "proxy_failing", "{}\n{log}", run.dump());
    assert_eq!(run.status("connectivity"), "fail", "{}\n{log}", run.dump());
    assert_eq!(details(&run, "http")["proxy_status"], 407, "{}", run.dump());
    assert_eq!(
        details(&run, "connectivity")["proxy_status"],
        407,
        "{}",
        run.dump()
    );
    let words = verdict_words(&run);
    assert!(words.contains(&squid.daemon.addr()), "names the proxy: {words}");
    assert_plain_summaries(&run);
    run.assert_clean();
}

#[test]
fn the_same_squid_given_its_password_lets_everything_through() {
    let world = World::new();
    let ca = TestCa::new(CA_ORG);
    let (qb, _) = quickbooks_tls(&world, &ca);
    let Some(squid) = Squid::with_password(
        "the_same_squid_given_its_password_lets_everything_through",
        "alice",
        "s3cret",
    ) else {
        return;
    };
    let proxy = squid.url().replace("http://", "http://alice:s3cret@");
    let run = world.check(&healthy_but(&world, &ca, qb, proxy));
    let log = squid.log();
    assert_eq!(run.verdict(), "local_ok", "{}\n{log}", run.dump());
    for id in ["connectivity", "tls", "http", "status_page", "bank"] {
        assert_eq!(run.status(id), "pass", "{id}: {}\n{log}", run.dump());
    }
    assert_eq!(details(&run, "http")["answered_by"], "origin");
    assert!(
        !run.stdout.contains("s3cret") && !run.stderr.contains("s3cret"),
        "{}",
        run.dump()
    );
}

#[test]
fn squid_unable_to_reach_only_quickbooks_is_quickbooks_blocked() {
    let world = World::new();
    let ca = TestCa::new(CA_ORG);
    let dead = world.refused().replace("http://", "https://");
    let Some(squid) = Squid::start(
        "squid_unable_to_reach_only_quickbooks_is_quickbooks_blocked",
        "http_access allow all\n",
    ) else {
        return;
    };
    let run = world.check(&healthy_but(&world, &ca, dead, squid.url()));
    let log = squid.log();
    assert_eq!(run.verdict(), "quickbooks_blocked", "{}\n{log}", run.dump());
    assert_eq!(run.status("connectivity"), "pass", "{}\n{log}", run.dump());
    assert_eq!(run.status("http"), "fail", "{}\n{log}", run.dump());
    assert_squid_said(&run, 503, "ERR_CONNECT_FAIL", &log);
    let words = verdict_words(&run);
    assert!(words.contains(&squid.daemon.addr()), "names the proxy: {words}");
    assert_plain_summaries(&run);
    run.assert_clean();
}

#[test]
fn squids_own_503_for_a_plain_http_quickbooks_url_is_quickbooks_blocked_not_an_outage() {
    let world = World::new();
    let ca = TestCa::new(CA_ORG);
    let Some(squid) = Squid::start(
        "squids_own_503_for_a_plain_http_quickbooks_url_is_quickbooks_blocked_not_an_outage",
        "http_access allow all\n",
    ) else {
        return;
    };
    let run = world.check(&healthy_but(&world, &ca, world.refused(), squid.url()));
    let log = squid.log();
    assert_eq!(run.verdict(), "quickbooks_blocked", "{}\n{log}", run.dump());
    assert_eq!(run.status("connectivity"), "pass", "{}\n{log}", run.dump());
    assert_squid_said(&run, 503, "ERR_CONNECT_FAIL", &log);
    assert_plain_summaries(&run);
}

#[test]
fn squid_reaching_nothing_is_proxy_failing() {
    let world = World::new();
    let ca = TestCa::new(CA_ORG);
    let Some(squid) = Squid::start(
        "squid_reaching_nothing_is_proxy_failing",
        "http_access allow all\n",
    ) else {
        return;
    };
    let https_dead = || world.refused().replace("http://", "https://");
    let setup = Setup {
        quickbooks: vec![https_dead()],
        control: vec![format!("{}generate_204", world.refused())],
        status_page: https_dead(),
        bank: vec![https_dead()],
        ..setup(&world, &ca, squid.url())
    };
    let run = world.check(&setup);
    let log = squid.log();
    assert_eq!(run.verdict(), "proxy_failing", "{}\n{log}", run.dump());
    assert_eq!(run.status("connectivity"), "fail", "{}\n{log}", run.dump());
    assert_squid_said(&run, 503, "ERR_CONNECT_FAIL", &log);
    let control = details(&run, "connectivity");
    assert_eq!(control["answered_by"], "proxy", "{control}");
    assert_eq!(control["proxy_status"], 503, "{control}");
    let words = verdict_words(&run);
    assert!(words.contains(&squid.daemon.addr()), "names the proxy: {words}");
    assert_plain_summaries(&run);
    run.assert_clean();
}

/// nginx's own page for a 502, as a front end sends it.
const NGINX_502: &str = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.22.1</center>\r\n</body>\r\n</html>\r\n";

#[test]
fn a_502_squid_relays_from_the_site_over_plain_http_is_a_service_outage() {
    let world = World::new();
    let ca = TestCa::new(CA_ORG);
    let site = world.http(
        Reply::status(502)
            .header("Server", "nginx/1.22.1")
            .header("Content-Type", "text/html")
            .body(NGINX_502.as_bytes()),
    );
    let Some(squid) = Squid::start(
        "a_502_squid_relays_from_the_site_over_plain_http_is_a_service_outage",
        "http_access allow all\n",
    ) else {
        return;
    };
    let run = world.check(&healthy_but(&world, &ca, site, squid.url()));
    let log = squid.log();
    assert_eq!(run.verdict(), "service_outage", "{}\n{log}", run.dump());
    assert_eq!(run.status("connectivity"), "pass", "{}\n{log}", run.dump());
    let http = details(&run, "http");
    assert_eq!(http["status_code"], 502, "{}\n{log}", run.dump());
    assert_eq!(
        http["answered_by"], "origin",
        "the site said it, not squid: {http}"
    );
    assert!(http.get("proxy_error_code").is_none(), "{http}");
    assert_plain_summaries(&run);
    run.assert_clean();
}

#[test]
fn a_squid_that_lets_everything_through_is_local_ok() {
    // The ground the other tests stand on: squid carries the control site, the status page,
    // the bank and QuickBooks' tunnel.
    let world = World::new();
    let ca = TestCa::new(CA_ORG);
    let (qb, _) = quickbooks_tls(&world, &ca);
    let Some(squid) = Squid::start(
        "a_squid_that_lets_everything_through_is_local_ok",
        "http_access allow all\n",
    ) else {
        return;
    };
    let run = world.check(&healthy_but(&world, &ca, qb, squid.url()));
    let log = squid.log();
    assert_eq!(run.verdict(), "local_ok", "{}\n{log}", run.dump());
    assert_eq!(run.status("tls"), "pass", "{}\n{log}", run.dump());
    let http = details(&run, "http");
    assert_eq!(http["answered_by"], "origin", "{http}");
    assert_eq!(http["proxy"], squid.daemon.addr(), "{http}");
    assert!(log.contains("CONNECT 127.0.0.1:"), "went through squid:\n{log}");
}
