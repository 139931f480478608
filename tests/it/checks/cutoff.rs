//! Reached, then cut off: a QuickBooks server that closes without answering, resets the
//! connection, or answers something that is not HTTP — directly, and inside a proxy's tunnel —
//! is told apart (`error_kind` closed, reset, http) and said in plain words.

use crate::support::hostile::Hostile;
use crate::support::proxy::ProxyMode;
use crate::support::tls::{CA_ORG, TestCa};
use crate::support::{Setup, World};

/// The kind and the words each misbehaviour must give.
fn expected(how: Hostile) -> (&'static str, &'static str) {
    match how {
        Hostile::Close => ("closed", "the server closed the connection without answering"),
        Hostile::Reset => ("reset", "the connection was reset"),
        Hostile::NotHttp => ("http", "the server answered something that is not HTTP"),
    }
}

#[test]
fn closed_reset_and_not_http_are_told_apart_directly() {
    for how in [Hostile::Close, Hostile::Reset, Hostile::NotHttp] {
        let world = World::new();
        let setup = Setup {
            quickbooks: vec![world.hostile(how, "http")],
            ..world.healthy()
        };
        let run = world.check(&setup);
        let (kind, words) = expected(how);
        assert_eq!(run.status("http"), "fail", "{how:?}: {}", run.dump());
        let http = &run.results("http")[0]["details"];
        assert_eq!(http["error_kind"], kind, "{how:?}: {http}");
        assert!(http.get("answered_by").is_none(), "nobody answered: {http}");
        assert!(run.summary("http").contains(words), "{how:?}: {}", run.dump());
        assert_eq!(
            run.status("tcp"),
            "pass",
            "the connect itself worked: {}",
            run.dump()
        );
        // Issue 15, case 1: QuickBooks fails while the control sites answer: never "fine".
        assert_eq!(run.verdict(), "quickbooks_blocked", "{how:?}: {}", run.dump());
        run.assert_clean();
    }
}

#[test]
fn closed_reset_and_not_http_inside_a_proxy_tunnel_are_the_sites() {
    for how in [Hostile::Close, Hostile::Reset, Hostile::NotHttp] {
        let world = World::new();
        let ca = TestCa::new(CA_ORG);
        let qb = world
            .hostile_after_tls(&ca.server_cert(), how)
            .replace("127.0.0.1", "qbo.invalid");
        let (proxy, _) = world.proxy(ProxyMode::Pass);
        let setup = Setup {
            quickbooks: vec![qb],
            extra_ca_file: Some(ca.write_pem(world.dir.path())),
            expected_issuers: vec![CA_ORG.to_lowercase()],
            proxy,
            ..world.healthy()
        };
        let run = world.check(&setup);
        let (kind, words) = expected(how);
        let http = &run.results("http")[0]["details"];
        assert_eq!(http["error_kind"], kind, "{how:?}: {}", run.dump());
        assert!(http["proxy"].as_str().is_some(), "{http}");
        assert!(http.get("proxy_status").is_none(), "{http}");
        assert!(run.summary("http").contains(words), "{how:?}: {}", run.dump());
        assert_eq!(run.status("tls"), "pass", "{how:?}: {}", run.dump());
        // The proxy carried the control sites and the tunnel: the site cut it off.
        assert_eq!(run.verdict(), "quickbooks_blocked", "{how:?}: {}", run.dump());
        run.assert_clean();
    }
}
