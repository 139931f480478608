//! The words' limits: every verdict, over every finding, as DESIGN sets them.

use super::*;

#[test]
fn every_verdict_has_a_side_and_its_own_generic_words() {
    let mut titles = std::collections::HashSet::new();
    for id in VerdictId::ALL {
        let v = generic(id);
        assert_eq!(v.id, id);
        assert!(!v.advice.is_empty(), "{id:?}");
        assert!(titles.insert(v.title), "{id:?} repeats a title");
        assert_eq!(id.side().is_local(), !id.is_outage(), "{id:?}");
        assert!((1..=4).contains(&v.actions.len()), "{id:?}: 1–4 actions");
        assert!(!who_can_help(Some(id)).says.is_empty(), "{id:?}");
    }
}

/// DESIGN's limits, as a test asserts them.
pub(crate) fn assert_limits(v: &Verdict, hosts: &[&str]) {
    if let Err(e) = limits::check(v, hosts) {
        panic!("{e}");
    }
}

/// Every finding's variety: each way each row can be found, every known product, long and
/// awkward outside words (a proxy's own error text, an incident's name).
fn corpus() -> Vec<Finding> {
    use crate::evidence::products;
    use crate::evidence::verdict::{Blocked, NoAnswer, OutageSeen, ProxySaid, Slowness};
    let proxies = [
        ProxySaid {
            proxy: "proxy.corp.invalid:3128".into(),
            product: Some("squid".into()),
            said: "answered 503 Service Unavailable".into(),
            code: Some("ERR_CONNECT_FAIL".into()),
        },
        ProxySaid {
            proxy: "10.0.0.1:8080".into(),
            product: None,
            said: "asks for a password (407 Proxy Authentication Required)".into(),
            code: None,
        },
        ProxySaid {
            proxy: "[2001:db8::1]:1080".into(),
            product: None,
            said: "could not be found (name lookup failed)".into(),
            code: None,
        },
        ProxySaid {
            proxy: "proxy.corp.invalid:3128".into(),
            product: Some("Zscaler".into()),
            said: "closed the connection without answering".into(),
            code: Some("dns_error".into()),
        },
    ];
    let mut all = vec![Finding::NothingTested, Finding::LocalOk];
    for how in [
        NoAnswer::Names,
        NoAnswer::Timeout,
        NoAnswer::NoRoute,
        NoAnswer::Nothing,
    ] {
        all.push(Finding::Offline { how });
    }
    for host in [None, Some("login.hotel-wifi.invalid".to_string())] {
        all.push(Finding::CaptivePortal { host });
    }
    for said in &proxies {
        all.push(Finding::ProxyFailing { said: said.clone() });
        all.push(Finding::QuickbooksBlocked {
            how: Blocked::Connect,
            by_proxy: Some(said.clone()),
        });
    }
    for how in [
        Blocked::Names,
        Blocked::Connect,
        Blocked::CutOff,
        Blocked::HandshakeCut,
    ] {
        all.push(Finding::QuickbooksBlocked { how, by_proxy: None });
    }
    for off in [
        None,
        Some("3 hours ahead".into()),
        Some("14 minutes behind".into()),
    ] {
        all.push(Finding::ClockWrong { off });
    }
    let names = products::all().iter().map(|p| Some(p.name.clone()));
    for product in names.chain([None, Some("Unheard-of Shield 9".into())]) {
        all.push(Finding::HttpsIntercepted { product });
    }
    for seen in [
        OutageSeen::Incident("Bank feeds delayed".into()),
        // As the row cuts an incident's name: a first sentence of at most 12 words.
        OutageSeen::Incident(
            "Some customers may see errors (update 3) while we investigate the bank feed…".into(),
        ),
        OutageSeen::StatusPage,
        OutageSeen::Gateway {
            code: 502,
            failed: 1,
            of: 3,
        },
        OutageSeen::Gateway {
            code: 504,
            failed: 3,
            of: 3,
        },
    ] {
        all.push(Finding::ServiceOutage { seen });
    }
    for status in [None, Some(503)] {
        all.push(Finding::BankUnreachable { status });
    }
    for how in [Slowness::Took(4210), Slowness::Stalled, Slowness::Unknown] {
        all.push(Finding::QuickbooksSlow { how });
        all.push(Finding::SlowConnection { how });
    }
    let failing: Vec<String> = crate::evidence::verdict::NETWORK_CHECKS
        .iter()
        .map(|id| crate::evidence::catalog::label(id).to_string())
        .collect();
    for n in 1..=failing.len() {
        all.push(Finding::Unexplained {
            failing: failing[..n].to_vec(),
        });
    }
    all
}

#[test]
fn every_verdict_in_words_keeps_design_s_limits() {
    let corpus = corpus();
    for id in VerdictId::ALL {
        assert!(
            corpus.iter().any(|f| f.id() == id),
            "{id:?} missing from the corpus"
        );
        assert_limits(&generic(id), &[]);
    }
    for finding in &corpus {
        assert_limits(&crate::evidence::verdict_words::verdict(finding), &[]);
    }
}

#[test]
fn products_and_proxies_are_named_in_the_words() {
    for finding in corpus() {
        let v = verdict(&finding);
        let text = format!("{} {} {}", v.title, v.advice, v.actions.join(" "));
        match &finding {
            Finding::HttpsIntercepted { product: Some(name) } => {
                assert!(v.title.starts_with(name.as_str()), "{v:#?}");
                assert!(v.advice.starts_with(name.as_str()), "{v:#?}");
            }
            Finding::ProxyFailing { said }
            | Finding::QuickbooksBlocked {
                by_proxy: Some(said), ..
            } => {
                assert!(v.advice.contains(&said.proxy), "{v:#?}");
                if let Some(product) = &said.product {
                    assert!(text.contains(product.as_str()), "{v:#?}");
                }
                if let Some(code) = &said.code {
                    assert!(v.advice.contains(code.as_str()), "{v:#?}");
                }
            }
            _ => {}
        }
    }
}
