//! No Rust error text reaches a person: every summary and every details string of `check`
//! against a broad set of hostile loopback scenarios — sites that close, reset, answer non-HTTP
//! or cut the TLS handshake, each kind of refused certificate, a refused port, a silent server,
//! a name that does not exist, proxies that cut connections off or answer with their marks,
//! SOCKS proxies that refuse or cannot be used — is scanned for `Other(`, `os error`,
//! `Custom {`, `Kind(` and `Error {`.

use crate::support::hostile::Hostile;
use crate::support::proxy::ProxyMode;
use crate::support::run::Run;
use crate::support::tls::{self, CA_ORG, TestCa};
use crate::support::{Reply, Setup, World};

const RUST_TEXT: &[&str] = &["Other(", "os error", "Custom {", "Kind(", "Error {"];

/// Asserts that neither stream of `run` carries Rust error text; returns how many results it
/// scanned.
fn scan(run: &Run, what: &str) -> usize {
    for text in [&run.stdout, &run.stderr] {
        for bad in RUST_TEXT {
            assert!(!text.contains(bad), "{what}: {bad:?} in\n{}", run.dump());
        }
    }
    run.report["checks"].as_array().map_or(0, Vec::len)
}

#[test]
fn no_summary_or_detail_of_a_hostile_network_carries_rust_error_text() {
    let world = World::new();
    let ca = TestCa::new(CA_ORG);
    let stranger = TestCa::new("Contoso Inspection");
    let names = &["localhost", "127.0.0.1", "qbo.invalid"];
    let mut quickbooks = Vec::new();
    for how in [Hostile::Close, Hostile::Reset, Hostile::NotHttp] {
        quickbooks.push(world.hostile(how, "http"));
        quickbooks.push(world.hostile(how, "https"));
        quickbooks.push(world.hostile_after_tls(&ca.server_cert(), how));
    }
    for cert in [
        tls::self_signed(),
        tls::self_signed_authority(),
        ca.cert_for(names, Some(((2019, 1, 1), (2020, 1, 1)))),
        ca.cert_for(names, Some(((2090, 1, 1), (2091, 1, 1)))),
        ca.cert_for(&["elsewhere.invalid"], None),
        stranger.server_cert(),
    ] {
        quickbooks.push(world.https(&cert, Reply::ok()));
    }
    quickbooks.extend([world.refused(), world.hang(), "https://qbo.invalid/".to_string()]);
    let direct = Setup {
        quickbooks: quickbooks.clone(),
        control: vec![world.hostile(Hostile::Reset, "http"), world.refused()],
        status_page: world.hostile(Hostile::NotHttp, "http"),
        bank: vec![world.hostile(Hostile::Close, "https")],
        extra_ca_file: Some(ca.write_pem(world.dir.path())),
        timeout_ms: 1200,
        samples: 1,
        ..Setup::default()
    };
    let mut scanned = scan(&world.check(&direct), "direct");

    // The same sites through proxies: one that passes (the sites inside its tunnels), ones
    // that cut every connection off, one that answers with squid's marks, one that is down.
    let through = |mode: ProxyMode| Setup {
        proxy: world.proxy(mode).0,
        quickbooks: quickbooks
            .iter()
            .map(|u| u.replace("127.0.0.1", "qbo.invalid"))
            .collect(),
        ..direct.clone()
    };
    let squid = ProxyMode::says(
        503,
        &[("Server", "squid/5.7"), ("X-Squid-Error", "ERR_CONNECT_FAIL 111")],
        None,
    );
    for (what, mode) in [
        ("a passing proxy", ProxyMode::Pass),
        ("a proxy that closes", ProxyMode::Hostile(Hostile::Close)),
        ("a proxy that resets", ProxyMode::Hostile(Hostile::Reset)),
        (
            "a proxy that answers garbage",
            ProxyMode::Hostile(Hostile::NotHttp),
        ),
        ("squid", squid),
    ] {
        scanned += scan(&world.check(&through(mode)), what);
    }
    let down = Setup {
        proxy: world.refused().trim_end_matches('/').to_string(),
        ..direct.clone()
    };
    scanned += scan(&world.check(&down), "a proxy that is down");

    // SOCKS: one that refuses every site, one that closes at once, and one qbfix cannot use.
    let (refusing, _) = world.socks(Some(0));
    let closing = world.hostile(Hostile::Close, "socks5h");
    let unusable = "socks4://127.0.0.1:1080".to_string();
    for proxy in [format!("socks5h://{refusing}"), closing, unusable] {
        let vars = [("ALL_PROXY", proxy.as_str()), ("NO_PROXY", ""), ("no_proxy", "")];
        let setup = Setup {
            proxy: "system".into(),
            ..direct.clone()
        };
        scanned += scan(&world.check_with_env(&setup, &vars), &proxy);
    }
    assert!(scanned > 150, "the scenarios produced results to scan: {scanned}");
}
