//! Certificates, end to end: a TLS handshake cut before any certificate (closed or reset, as a
//! filter reading the site name does) is `tls_cut`, not interception; a certificate shown and
//! refused says why in one plain phrase (self-signed, expired, not yet valid, wrong name,
//! unknown issuer) with `cert_seen`; dates alone from an expected issuer are not interception;
//! a self-signed authority trusted as a root and shown as the site (webpki's
//! `CaUsedAsEndEntity`) is self-signed.

use crate::support::hostile::Hostile;
use crate::support::proxy::ProxyMode;
use crate::support::run::Run;
use crate::support::tls::{self, CA_ORG, ServerCert, TestCa};
use crate::support::{Reply, Setup, World};

#[test]
fn a_handshake_cut_before_any_certificate_is_tls_cut_in_plain_words() {
    for how in [Hostile::Close, Hostile::Reset] {
        for via_proxy in [false, true] {
            let world = World::new();
            let mut qb = world.hostile(how, "https");
            let mut setup = world.healthy();
            if via_proxy {
                qb = qb.replace("127.0.0.1", "qbo.invalid");
                setup.proxy = world.proxy(ProxyMode::Pass).0;
            }
            let run = world.check(&Setup {
                quickbooks: vec![qb],
                ..setup
            });
            let what = format!("{how:?}, through a proxy: {via_proxy}");
            let tls = &run.results("tls")[0]["details"];
            assert_eq!(tls["error_kind"], "tls_cut", "{what}: {}", run.dump());
            assert_eq!(tls["cert_seen"], false, "{what}");
            assert_eq!(tls["intercepted"], false, "{what}");
            let summary = run.summary("tls");
            assert!(
                summary.contains("cut off before the site showed a certificate"),
                "{what}: {summary}"
            );
            assert_eq!(run.results("http")[0]["details"]["error_kind"], "tls_cut");
            for bad in ["eof", "os error", "reset by peer"] {
                assert!(
                    !run.stdout.to_lowercase().contains(bad),
                    "{what}: {bad}: {}",
                    run.stdout
                );
            }
            assert_ne!(
                run.verdict(),
                "https_intercepted",
                "no certificate, no interception"
            );
        }
    }
}

/// `qbfix check` against QuickBooks served over TLS with `cert`, trusting `ca` (if any) and
/// expecting the test CA's name.
fn refused(world: &World, cert: &ServerCert, ca: Option<&TestCa>) -> Run {
    let setup = Setup {
        quickbooks: vec![world.https(cert, Reply::ok())],
        extra_ca_file: ca.map(|ca| ca.write_pem(world.dir.path())),
        expected_issuers: vec![CA_ORG.to_lowercase()],
        ..world.healthy()
    };
    world.check(&setup)
}

#[test]
fn each_refused_certificate_says_why_in_one_plain_phrase() {
    let ca = TestCa::new(CA_ORG);
    let names = &["localhost", "127.0.0.1"];
    let cases = [
        ("self_signed", tls::self_signed(), None, "is self-signed", true),
        (
            "self_signed",
            tls::self_signed_authority(),
            None,
            "is self-signed",
            true,
        ),
        (
            "expired",
            ca.cert_for(names, Some(((2019, 1, 1), (2020, 1, 1)))),
            Some(&ca),
            "has expired",
            false,
        ),
        (
            "not_yet_valid",
            ca.cert_for(names, Some(((2090, 1, 1), (2091, 1, 1)))),
            Some(&ca),
            "is not valid yet",
            false,
        ),
        (
            "wrong_name",
            ca.cert_for(&["elsewhere.invalid"], None),
            Some(&ca),
            "made out for another site",
            true,
        ),
        (
            "unknown_issuer",
            ca.server_cert(),
            None,
            "issuer is not one this computer trusts",
            true,
        ),
    ];
    for (problem, cert, trusted, phrase, intercepted) in cases {
        let world = World::new();
        let run = refused(&world, &cert, trusted);
        let tls = &run.results("tls")[0]["details"];
        assert_eq!(run.status("tls"), "fail", "{problem}: {}", run.dump());
        assert_eq!(tls["cert_problem"], problem, "{}", run.dump());
        assert_eq!(tls["cert_seen"], true, "{problem}");
        assert_eq!(tls["intercepted"], intercepted, "{problem}: {tls}");
        let summary = run.summary("tls");
        assert!(summary.contains(phrase), "{problem}: {summary}");
        assert_eq!(
            summary.matches('(').count(),
            0,
            "{problem}: one plain phrase: {summary}"
        );
        let http = &run.results("http")[0]["details"];
        assert_eq!(http["error_kind"], "tls", "{problem}");
        assert_eq!(http["cert_seen"], true, "{problem}");
        assert_eq!(http["cert_problem"], problem, "{problem}");
        run.assert_clean();
    }
}

#[test]
fn a_trusted_handshake_saw_a_certificate() {
    let world = World::new();
    let ca = TestCa::new(CA_ORG);
    let run = refused(&world, &ca.server_cert(), Some(&ca));
    assert_eq!(run.status("tls"), "pass", "{}", run.dump());
    let tls = &run.results("tls")[0]["details"];
    assert_eq!(tls["cert_seen"], true);
    assert!(tls.get("cert_problem").is_none(), "{tls}");
}

#[test]
fn a_self_signed_authority_trusted_as_a_root_and_shown_as_the_site_is_self_signed() {
    // webpki refuses it as `CaUsedAsEndEntity`, which once reached the summary as Rust text.
    let world = World::new();
    let cert = tls::self_signed_authority();
    let pem = world.dir.path().join("self.pem");
    std::fs::write(&pem, cert.pem()).unwrap();
    let setup = Setup {
        quickbooks: vec![world.https(&cert, Reply::ok())],
        extra_ca_file: Some(pem),
        ..world.healthy()
    };
    let run = world.check(&setup);
    let tls = &run.results("tls")[0]["details"];
    assert_eq!(tls["cert_problem"], "self_signed", "{}", run.dump());
    assert!(run.summary("tls").contains("is self-signed"), "{}", run.dump());
    assert!(!run.stdout.contains("CaUsedAsEndEntity"), "{}", run.stdout);
}
