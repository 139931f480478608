//! Who said it, through a proxy: a proxy that accepts and then cuts every connection off (or
//! cannot be reached) fails on every result that went through it; over plain http, an error is
//! the proxy's own only when it carries the proxy's marks (`X-Squid-Error`, `Proxy-Status`, a
//! proxy product's `Server`), else it was relayed from the site; to `CONNECT`, the answer is
//! the proxy's, its marks read all the same.

use serde_json::Value;

use crate::support::hostile::Hostile;
use crate::support::proxy::ProxyMode;
use crate::support::run::Run;
use crate::support::tls::{CA_ORG, TestCa};
use crate::support::{Reply, Setup, World};

/// QuickBooks over TLS as `qbo.invalid` (only the proxy resolves it), a plain-http control
/// site and status page, all through a proxy in `mode`.
fn through(world: &World, mode: ProxyMode, qb: Reply) -> Setup {
    let ca = TestCa::new(CA_ORG);
    let qb_url = world
        .https(&ca.server_cert(), qb)
        .replace("127.0.0.1", "qbo.invalid");
    let (proxy, _) = world.proxy(mode);
    Setup {
        quickbooks: vec![qb_url],
        extra_ca_file: Some(ca.write_pem(world.dir.path())),
        expected_issuers: vec![CA_ORG.to_lowercase()],
        proxy,
        ..world.healthy()
    }
}

/// A proxy's answer's headers.
type Headers = &'static [(&'static str, &'static str)];

/// The details of every result of these checks.
fn details<'a>(run: &'a Run, ids: &[&str]) -> Vec<&'a Value> {
    ids.iter()
        .flat_map(|id| run.results(id))
        .map(|r| &r["details"])
        .collect()
}

#[test]
fn a_proxy_that_cuts_every_connection_off_fails_every_result_through_it() {
    for (how, words) in [
        (Hostile::Close, "closed the connection without answering"),
        (Hostile::Reset, "reset the connection without answering"),
        (Hostile::NotHttp, "answered something that is not HTTP"),
    ] {
        let world = World::new();
        let setup = through(&world, ProxyMode::Hostile(how), Reply::ok());
        let run = world.check(&setup);
        for d in details(&run, &["http", "tcp", "connectivity", "status_page"]) {
            assert_eq!(d["error_kind"], "proxy", "{how:?}: {}", run.dump());
            assert!(d.get("proxy_status").is_none(), "{d}");
            let said = d["proxy_error"].as_str().unwrap();
            assert!(
                said.starts_with("the proxy 127.0.0.1:") && said.ends_with(words),
                "{said}"
            );
        }
        let tls = &run.results("tls")[0]["details"];
        assert_eq!(tls["error_kind"], "proxy", "{}", run.dump());
        assert!(tls["proxy"].as_str().is_some(), "{tls}");
        assert_eq!(run.verdict(), "proxy_failing", "{how:?}: {}", run.dump());
        run.assert_clean();
    }
}

#[test]
fn a_proxy_that_cannot_be_reached_fails_every_result_through_it() {
    let world = World::new();
    let setup = Setup {
        proxy: world.refused().trim_end_matches('/').to_string(),
        ..through(&world, ProxyMode::Pass, Reply::ok())
    };
    let run = world.check(&setup);
    for d in details(&run, &["http", "tcp", "connectivity"]) {
        assert_eq!(d["error_kind"], "proxy", "{}", run.dump());
        assert!(
            d["proxy_error"]
                .as_str()
                .unwrap()
                .ends_with("refused the connection"),
            "{d}"
        );
    }
}

#[test]
fn a_relayed_502_over_plain_http_is_the_sites_not_the_proxys() {
    let world = World::new();
    let qb = world.http(Reply::status(502).header("Server", "nginx").body(b"<h1>502</h1>"));
    let setup = Setup {
        quickbooks: vec![qb],
        ..through(&world, ProxyMode::Pass, Reply::ok())
    };
    let run = world.check(&setup);
    let http = &run.results("http")[0]["details"];
    assert_eq!(http["answered_by"], "origin", "{}", run.dump());
    assert_eq!(http["status_code"], 502);
    assert!(
        http.get("proxy_status").is_none() && http.get("error_kind").is_none(),
        "{http}"
    );
    assert!(http["proxy"].as_str().is_some(), "{http}");
    assert_eq!(run.verdict(), "service_outage", "{}", run.dump());
}

#[test]
fn a_marked_error_over_plain_http_is_the_proxys_own_with_its_product_and_code() {
    let cases: [(Headers, u16, &str, &str); 3] = [
        (
            &[("Server", "squid/5.7"), ("X-Squid-Error", "ERR_CONNECT_FAIL 111")],
            503,
            "Squid",
            "ERR_CONNECT_FAIL",
        ),
        (
            &[("Proxy-Status", "OfficeGate; error=destination_ip_prohibited")],
            403,
            "OfficeGate",
            "destination_ip_prohibited",
        ),
        (&[("Server", "tinyproxy/1.11.1")], 502, "tinyproxy", ""),
    ];
    for (headers, code, product, error_code) in cases {
        let world = World::new();
        let qb = world.http(Reply::ok());
        let port = url::Url::parse(&qb).unwrap().port();
        let setup = Setup {
            quickbooks: vec![qb],
            ..through(&world, ProxyMode::says(code, headers, port), Reply::ok())
        };
        let run = world.check(&setup);
        let http = &run.results("http")[0]["details"];
        assert_eq!(http["answered_by"], "proxy", "{}", run.dump());
        assert_eq!(http["proxy_status"], code, "{http}");
        assert_eq!(http["error_kind"], "proxy", "{http}");
        assert_eq!(http["proxy_product"], product, "{http}");
        if error_code.is_empty() {
            assert!(http.get("proxy_error_code").is_none(), "{http}");
        } else {
            assert_eq!(http["proxy_error_code"], error_code, "{http}");
        }
        assert!(
            http.get("status_code").is_none(),
            "not QuickBooks' answer: {http}"
        );
        assert_eq!(run.status("connectivity"), "pass", "{}", run.dump());
        let control = &run.results("connectivity")[0]["details"];
        assert!(
            control["proxy"].as_str().is_some(),
            "the control site went through it: {control}"
        );
        run.assert_clean();
    }
}

#[test]
fn a_squid_refusal_to_connect_names_squid_its_code_and_its_meaning() {
    let world = World::new();
    let setup = through(&world, ProxyMode::Pass, Reply::ok());
    let port = url::Url::parse(&setup.quickbooks[0]).unwrap().port();
    let mode = ProxyMode::says(
        503,
        &[("Server", "squid/5.7"), ("X-Squid-Error", "ERR_CONNECT_FAIL 111")],
        port,
    );
    let (proxy, _) = world.proxy(mode);
    let run = world.check(&Setup { proxy, ..setup });
    let http = &run.results("http")[0]["details"];
    assert_eq!(http["proxy_status"], 503, "{}", run.dump());
    assert_eq!(http["proxy_product"], "Squid");
    assert_eq!(http["proxy_error_code"], "ERR_CONNECT_FAIL");
    let said = http["proxy_error"].as_str().unwrap();
    assert!(
        said.contains("503") && said.contains("Squid says it could not connect to the site"),
        "{said}"
    );
    assert!(!said.contains("111"), "squid's errno is not for a person: {said}");
    let tcp = &run.results("tcp")[0]["details"];
    assert_eq!(tcp["proxy_product"], "Squid", "{tcp}");
}

#[test]
fn mitmproxy_answering_502_to_connect_is_named() {
    let world = World::new();
    let setup = through(&world, ProxyMode::Pass, Reply::ok());
    let port = url::Url::parse(&setup.quickbooks[0]).unwrap().port();
    let (proxy, _) = world.proxy(ProxyMode::says(502, &[("Server", "mitmproxy 10.1.5")], port));
    let run = world.check(&Setup { proxy, ..setup });
    let http = &run.results("http")[0]["details"];
    assert_eq!(http["answered_by"], "proxy", "{}", run.dump());
    assert_eq!(http["proxy_status"], 502);
    assert_eq!(http["proxy_product"], "mitmproxy");
}
