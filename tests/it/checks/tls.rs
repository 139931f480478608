//! The `tls` check end to end against a loopback TLS server whose certificate an rcgen test CA
//! signed: trusted through `extra_ca_file` with an expected issuer (pass), trusted but from an
//! unexpected issuer, and not trusted at all (both: HTTPS is intercepted, naming the issuer).

use crate::support::tls::{CA_ORG, TestCa};
use crate::support::{Reply, Setup, World};

/// A world whose QuickBooks URL is served over TLS by a certificate from `ca`.
fn tls_setup(world: &World, ca: &TestCa) -> Setup {
    let url = world.https(&ca.server_cert(), Reply::ok());
    Setup {
        quickbooks: vec![url],
        ..world.healthy()
    }
}

#[test]
fn trusted_chain_from_an_expected_issuer_passes() {
    let world = World::new();
    let ca = TestCa::new(CA_ORG);
    let setup = Setup {
        extra_ca_file: Some(ca.write_pem(world.dir.path())),
        expected_issuers: vec!["DigiCert".into(), CA_ORG.to_lowercase()],
        ..tls_setup(&world, &ca)
    };
    let run = world.check(&setup);
    assert_eq!(run.verdict(), "local_ok", "{}", run.dump());
    assert_eq!(run.status("tls"), "pass", "{}", run.dump());
    let tls = &run.results("tls")[0]["details"];
    assert_eq!(tls["trusted"], true);
    assert_eq!(tls["intercepted"], false);
    assert_eq!(tls["issuer_org"], CA_ORG);
    assert!(tls["protocol"].as_str().unwrap().starts_with("TLS 1."), "{tls}");
    assert!(tls["days_to_expiry"].as_i64().unwrap() > 7, "{tls}");
    assert_eq!(run.status("http"), "pass", "same roots for the web check");
    assert_eq!(run.code, Some(0), "{}", run.dump());
    run.assert_clean();
}

#[test]
fn trusted_chain_from_an_unexpected_issuer_is_intercepted() {
    let world = World::new();
    let ca = TestCa::new("Avast Web Shield");
    let setup = Setup {
        extra_ca_file: Some(ca.write_pem(world.dir.path())),
        expected_issuers: vec!["DigiCert".into(), "Let's Encrypt".into()],
        ..tls_setup(&world, &ca)
    };
    let run = world.check(&setup);
    assert_eq!(run.verdict(), "https_intercepted", "{}", run.dump());
    assert_eq!(run.status("tls"), "warn", "{}", run.dump());
    let tls = &run.results("tls")[0]["details"];
    assert_eq!(tls["trusted"], true);
    assert_eq!(tls["intercepted"], true);
    assert!(run.summary("tls").contains("Avast Web Shield"), "{}", run.dump());
    assert_eq!(run.code, Some(1));
    run.assert_clean();
}

#[test]
fn untrusted_chain_is_intercepted_and_names_the_issuer() {
    let world = World::new();
    let ca = TestCa::new("Contoso Proxy Inspection");
    let setup = Setup {
        extra_ca_file: None,
        ..tls_setup(&world, &ca)
    };
    let run = world.check(&setup);
    assert_eq!(run.verdict(), "https_intercepted", "{}", run.dump());
    assert_eq!(run.status("tls"), "fail", "{}", run.dump());
    let tls = &run.results("tls")[0]["details"];
    assert_eq!(tls["trusted"], false);
    assert_eq!(tls["intercepted"], true);
    assert_eq!(tls["issuer_org"], "Contoso Proxy Inspection");
    assert_eq!(tls["subject"], "localhost");
    assert!(
        run.summary("tls").contains("Contoso Proxy Inspection"),
        "{}",
        run.dump()
    );
    assert_eq!(run.status("http"), "fail");
    assert_eq!(run.results("http")[0]["details"]["error_kind"], "tls");
    run.assert_clean();
}

#[test]
fn plain_http_quickbooks_urls_skip_the_tls_check() {
    let world = World::new();
    let run = world.check(&world.healthy());
    assert_eq!(run.results("tls").len(), 1);
    assert_eq!(run.status("tls"), "skip");
}
