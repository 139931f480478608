//! The verdict table on synthetic results, row by row.

use super::*;

fn ok(id: &str) -> CheckResult {
    CheckResult::new(id, Status::Pass, format!("{id} fine")).with("status_code", 200)
}

fn down(id: &str, kind: &str) -> CheckResult {
    CheckResult::new(id, Status::Fail, format!("{id} {kind}")).with("error_kind", kind)
}

#[test]
fn nothing_answering_is_offline() {
    let v = decide(&[down("connectivity", "dns"), down("http", "timeout")]);
    assert_eq!(v.id, VerdictId::Offline);
    assert!(v.advice.contains("http timeout"), "{}", v.advice);
}

#[test]
fn control_ok_but_quickbooks_failing_is_blocked() {
    for kind in ["dns", "refused", "timeout"] {
        let v = decide(&[ok("connectivity"), down("http", kind)]);
        assert_eq!(v.id, VerdictId::QuickbooksBlocked, "{kind}");
    }
    let v = decide(&[ok("connectivity"), ok("http"), down("dns", "dns")]);
    assert_eq!(v.id, VerdictId::QuickbooksBlocked);
}

#[test]
fn untrusted_or_unexpected_issuer_is_intercepted() {
    let tls = CheckResult::new("tls", Status::Fail, "issuer Avast").with("intercepted", true);
    assert_eq!(
        decide(&[ok("connectivity"), ok("http"), tls]).id,
        VerdictId::HttpsIntercepted
    );
    let v = decide(&[ok("connectivity"), ok("http"), down("http", "tls")]);
    assert_eq!(v.id, VerdictId::HttpsIntercepted);
}

#[test]
fn gateway_errors_and_incidents_are_outages() {
    for code in [502, 503, 504] {
        let r = CheckResult::new("http", Status::Fail, format!("answered {code}")).with("status_code", code);
        let v = decide(&[ok("connectivity"), r]);
        assert_eq!(v.id, VerdictId::ServiceOutage);
        assert!(v.advice.contains(&format!("answered {code}")));
    }
    let page = CheckResult::new("status_page", Status::Warn, "Banking: degraded").with("outage", true);
    assert_eq!(
        decide(&[ok("connectivity"), ok("http"), page]).id,
        VerdictId::ServiceOutage
    );
    let plain_500 = CheckResult::new("http", Status::Fail, "500").with("status_code", 500);
    assert_eq!(decide(&[ok("connectivity"), plain_500]).id, VerdictId::LocalOk);
}

#[test]
fn bank_failing_while_quickbooks_answers() {
    let bank = CheckResult::new("bank", Status::Fail, "bank 503").with("status_code", 503);
    assert_eq!(
        decide(&[ok("connectivity"), ok("http"), bank.clone()]).id,
        VerdictId::BankUnreachable
    );
    assert_eq!(
        decide(&[ok("connectivity"), ok("http"), down("bank", "refused")]).id,
        VerdictId::BankUnreachable
    );
    // A bank result alone, with QuickBooks not answering, is not this verdict.
    assert_eq!(decide(&[ok("connectivity"), bank]).id, VerdictId::LocalOk);
}

#[test]
fn slow_reply_is_slow_connection() {
    let slow = ok("http").with("slow", true);
    assert_eq!(decide(&[ok("connectivity"), slow]).id, VerdictId::SlowConnection);
}

#[test]
fn first_match_wins() {
    let gateway = CheckResult::new("http", Status::Fail, "502").with("status_code", 502);
    let tls = CheckResult::new("tls", Status::Fail, "x").with("intercepted", true);
    assert_eq!(
        decide(&[ok("connectivity"), gateway, tls]).id,
        VerdictId::HttpsIntercepted
    );
}

#[test]
fn healthy_or_empty_is_local_ok() {
    assert_eq!(decide(&[ok("connectivity"), ok("http")]).id, VerdictId::LocalOk);
    let empty = decide(&[]);
    assert_eq!(empty.id, VerdictId::LocalOk);
    assert!(
        empty.title.contains("checks that ran"),
        "no claim about an untested connection"
    );
}

#[test]
fn ids_serialize_as_in_design() {
    for id in [
        VerdictId::Offline,
        VerdictId::QuickbooksBlocked,
        VerdictId::HttpsIntercepted,
        VerdictId::ServiceOutage,
        VerdictId::BankUnreachable,
        VerdictId::SlowConnection,
        VerdictId::LocalOk,
    ] {
        assert_eq!(serde_json::to_value(id).unwrap(), id.as_str());
    }
}
