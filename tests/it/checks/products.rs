//! The `tls` check names the security product whose certificate authority issued QuickBooks'
//! certificate (`details.product`, from `assets/security_products.toml`): a loopback TLS
//! server plays Avast's Web Shield with an rcgen CA named as Avast's, trusted the way Avast
//! installs its root (`extra_ca_file`) or not trusted at all; an issuer no product uses names
//! none.

use crate::support::tls::{CA_ORG, TestCa};
use crate::support::{Reply, Setup, World};

/// Avast's root, as the issue saw it: the company as organisation, the shield as common name.
fn avast() -> TestCa {
    TestCa::named("AVAST Software s.r.o.", "Avast Web/Mail Shield Root")
}

/// QuickBooks over TLS with a certificate from `ca`, everything else healthy.
fn inspected(world: &World, ca: &TestCa) -> Setup {
    Setup {
        quickbooks: vec![world.https(&ca.server_cert(), Reply::ok())],
        expected_issuers: vec!["DigiCert".into()],
        ..world.healthy()
    }
}

#[test]
fn avasts_trusted_root_is_named_on_the_tls_result() {
    let world = World::new();
    let ca = avast();
    let setup = Setup {
        extra_ca_file: Some(ca.write_pem(world.dir.path())),
        ..inspected(&world, &ca)
    };
    let run = world.check(&setup);
    assert_eq!(run.verdict(), "https_intercepted", "{}", run.dump());
    let tls = &run.results("tls")[0]["details"];
    assert_eq!(tls["trusted"], true, "{tls}");
    assert_eq!(tls["intercepted"], true, "{tls}");
    assert_eq!(tls["product"], "Avast Web Shield", "{tls}");
    assert_eq!(tls["issuer_cn"], "Avast Web/Mail Shield Root", "{tls}");
    run.assert_clean();
}

#[test]
fn avasts_untrusted_root_is_named_too() {
    let world = World::new();
    let ca = TestCa::named("Avast Web/Mail Shield", "Avast Web/Mail Shield Root");
    let run = world.check(&inspected(&world, &ca));
    assert_eq!(run.verdict(), "https_intercepted", "{}", run.dump());
    assert_eq!(run.status("tls"), "fail", "{}", run.dump());
    let tls = &run.results("tls")[0]["details"];
    assert_eq!(tls["trusted"], false, "{tls}");
    assert_eq!(tls["product"], "Avast Web Shield", "{tls}");
}

#[test]
fn an_issuer_no_product_uses_names_none() {
    let world = World::new();
    let ca = TestCa::new("Contoso Proxy Inspection");
    let run = world.check(&inspected(&world, &ca));
    assert_eq!(run.verdict(), "https_intercepted", "{}", run.dump());
    let tls = &run.results("tls")[0]["details"];
    assert_eq!(tls["issuer_org"], "Contoso Proxy Inspection", "{tls}");
    assert!(tls.get("product").is_none(), "{tls}");
    // Nor does the test authority the other tests trust.
    let world = World::new();
    let ca = TestCa::new(CA_ORG);
    let setup = Setup {
        extra_ca_file: Some(ca.write_pem(world.dir.path())),
        expected_issuers: vec![CA_ORG.to_lowercase()],
        quickbooks: vec![world.https(&ca.server_cert(), Reply::ok())],
        ..world.healthy()
    };
    let run = world.check(&setup);
    assert_eq!(run.status("tls"), "pass", "{}", run.dump());
    assert!(run.results("tls")[0]["details"].get("product").is_none());
}
