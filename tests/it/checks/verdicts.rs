//! `qbfix check --json` end to end against loopback servers: one test per verdict row (and
//! the clock), asserting the verdict, the failing check's status, the exit code, and that no
//! output carries escape or bidi characters.

use std::time::Duration;

use crate::support;
use crate::support::{Reply, Setup, World};

#[test]
fn healthy_network_is_local_ok_and_exits_0() {
    let world = World::new();
    let run = world.check(&world.healthy());
    assert_eq!(run.verdict(), "local_ok", "{}", run.dump());
    assert_eq!(run.code, Some(0), "{}", run.dump());
    for id in support::HEALTHY_PASSES {
        assert_eq!(run.status(id), "pass", "{id}: {}", run.dump());
    }
    assert_eq!(run.status("tls"), "skip", "no https target here");
    assert_eq!(run.report["schema_version"], 1);
    assert!(run.report["duration_ms"].is_u64());
    run.assert_clean();
}

#[test]
fn nothing_answering_is_offline() {
    let world = World::new();
    let setup = world.offline();
    let run = world.check(&setup);
    assert_eq!(run.verdict(), "offline", "{}", run.dump());
    assert_eq!(run.code, Some(1));
    assert_eq!(run.status("connectivity"), "fail");
    assert_eq!(run.status("tcp"), "fail");
    assert_eq!(run.results("tcp")[0]["details"]["error_kind"], "refused");
    run.assert_clean();
}

#[test]
fn refused_quickbooks_while_control_answers_is_blocked() {
    let world = World::new();
    let setup = Setup {
        quickbooks: vec![world.refused()],
        ..world.healthy()
    };
    let run = world.check(&setup);
    assert_eq!(run.verdict(), "quickbooks_blocked", "{}", run.dump());
    assert_eq!(run.code, Some(1));
    assert_eq!(run.status("tcp"), "fail");
    let tcp = &run.results("tcp")[0]["details"];
    assert_eq!(tcp["error_kind"], "refused");
    assert!(run.summary("tcp").contains("refused"), "{}", run.dump());
    assert_eq!(run.status("http"), "fail");
    // QuickBooks gave no reply, but the control site told its time (issue 15: any answer's
    // `Date` is read).
    assert_eq!(run.status("clock"), "pass", "{}", run.dump());
    run.assert_clean();
}

#[test]
fn unresolvable_quickbooks_host_is_blocked_with_dns_fail() {
    let world = World::new();
    let setup = Setup {
        quickbooks: vec!["https://qbo.invalid/".into()],
        ..world.healthy()
    };
    let run = world.check(&setup);
    assert_eq!(run.verdict(), "quickbooks_blocked", "{}", run.dump());
    assert_eq!(run.status("dns"), "fail");
    let dns = &run.results("dns")[0]["details"];
    assert_eq!(dns["error_kind"], "dns");
    assert_eq!(dns["dns_error"], "nxdomain");
    assert_eq!(dns["target"], "qbo.invalid");
    assert!(run.summary("dns").contains("no such name"), "{}", run.dump());
    // The layers after the failed lookup were not reached: skipped, with why.
    for id in ["tcp", "tls"] {
        assert_eq!(run.status(id), "skip", "{id}: {}", run.dump());
        assert!(
            run.summary(id).contains("not tried: name lookup failed"),
            "{}",
            run.dump()
        );
    }
    run.assert_clean();
}

#[test]
fn a_server_that_never_answers_does_not_hang_the_run() {
    let world = World::new();
    let setup = Setup {
        quickbooks: vec![world.hang()],
        status_page: world.hang(),
        bank: vec![world.hang()],
        ..world.healthy()
    };
    let run = world.check(&setup);
    // Liveness only: the run ends (configured timeout 1.5 s; this bound is very generous).
    assert!(run.elapsed < Duration::from_secs(30), "took {:?}", run.elapsed);
    assert_eq!(run.verdict(), "quickbooks_blocked", "{}", run.dump());
    assert_eq!(run.status("http"), "fail");
    assert_eq!(run.results("http")[0]["details"]["error_kind"], "timeout");
    assert_eq!(run.status("status_page"), "warn");
    run.assert_clean();
}

fn gateway(code: u16) {
    let world = World::new();
    let setup = Setup {
        quickbooks: vec![world.http(Reply::status(code))],
        ..world.healthy()
    };
    let run = world.check(&setup);
    assert_eq!(run.verdict(), "service_outage", "{}", run.dump());
    assert_eq!(run.status("http"), "fail");
    assert_eq!(run.results("http")[0]["details"]["status_code"], code);
    assert!(run.summary("http").contains(&code.to_string()), "{}", run.dump());
    assert_eq!(run.code, Some(1));
    run.assert_clean();
}

#[test]
fn bad_gateway_502_is_service_outage() {
    gateway(502);
}

#[test]
fn unavailable_503_is_service_outage() {
    gateway(503);
}

#[test]
fn gateway_timeout_504_is_service_outage() {
    gateway(504);
}

#[test]
fn bank_503_while_quickbooks_is_fine_is_bank_unreachable() {
    let world = World::new();
    let setup = Setup {
        bank: vec![world.http(Reply::status(503))],
        ..world.healthy()
    };
    let run = world.check(&setup);
    assert_eq!(run.verdict(), "bank_unreachable", "{}", run.dump());
    assert_eq!(run.status("bank"), "fail");
    assert!(run.summary("bank").contains("your bank"), "{}", run.dump());
    assert_eq!(run.status("http"), "pass");
    run.assert_clean();
}

#[test]
fn a_bank_name_that_does_not_exist_is_a_typo_not_an_outage() {
    let world = World::new();
    let healthy = world.healthy();
    // QuickBooks by name (`localhost` resolves without asking a DNS server); the bank's name
    // does not exist (`.invalid` is answered without a query).
    let by_name = healthy.quickbooks[0].replace("127.0.0.1", "localhost");
    let bank = healthy.bank[0].replace("127.0.0.1", "mybank.invalid");
    let setup = Setup {
        quickbooks: vec![by_name],
        bank: vec![bank],
        ..healthy
    };
    let run = world.check(&setup);
    assert_eq!(run.status("bank"), "warn", "{}", run.dump());
    assert!(
        run.summary("bank").contains("check the spelling"),
        "{}",
        run.dump()
    );
    assert_eq!(run.verdict(), "local_ok", "{}", run.dump());
    run.assert_clean();
}

#[test]
fn bank_refused_while_quickbooks_is_fine_is_bank_unreachable() {
    let world = World::new();
    let setup = Setup {
        bank: vec![world.refused()],
        ..world.healthy()
    };
    let run = world.check(&setup);
    assert_eq!(run.verdict(), "bank_unreachable", "{}", run.dump());
    assert_eq!(run.status("bank"), "fail");
    assert_eq!(run.results("bank")[0]["details"]["error_kind"], "refused");
    run.assert_clean();
}

#[test]
fn no_bank_configured_is_skipped_with_a_hint() {
    let world = World::new();
    let setup = Setup {
        bank: Vec::new(),
        ..world.healthy()
    };
    let run = world.check(&setup);
    assert_eq!(run.status("bank"), "skip");
    assert!(
        run.summary("bank").contains("your bank's sign-in address"),
        "{}",
        run.dump()
    );
    assert_eq!(run.code, Some(0), "skip counts as pass");
}

#[test]
fn slow_quickbooks_reply_is_slow_connection() {
    let world = World::new();
    // 50 ms before each reply is always more than 1 ms, however busy or fast the machine: the
    // control site must be slow too, or a loopback answer in under 0.2 ms reads as
    // `quickbooks_slow` (it did, on a fast CI machine).
    let wait = Duration::from_millis(50);
    let setup = Setup {
        quickbooks: vec![world.http(Reply::ok().delay(wait))],
        control: vec![world.http(Reply::status(204).body(b"").delay(wait))],
        slow_ms: 1,
        ..world.healthy()
    };
    let run = world.check(&setup);
    assert_eq!(run.verdict(), "slow_connection", "{}", run.dump());
    assert_eq!(run.status("http"), "warn");
    assert_eq!(run.results("http")[0]["details"]["slow"], true);
    assert_eq!(run.code, Some(1));
    run.assert_clean();
}

#[test]
fn skewed_server_date_fails_the_clock_check() {
    let world = World::new();
    let ahead = jiff::Timestamp::now()
        .checked_add(jiff::SignedDuration::from_mins(30))
        .unwrap();
    let reply = Reply::ok().header("Date", &support::http_date(ahead));
    let setup = Setup {
        quickbooks: vec![world.http(reply)],
        ..world.healthy()
    };
    let run = world.check(&setup);
    assert_eq!(run.status("clock"), "fail", "{}", run.dump());
    let summary = run.summary("clock");
    assert!(summary.contains("30 minutes behind"), "{summary}");
    let offset = run.results("clock")[0]["details"]["offset_seconds"]
        .as_i64()
        .unwrap();
    assert!((-1830..=-1770).contains(&offset), "{offset}");
    assert_eq!(run.code, Some(1));
    run.assert_clean();
}

#[test]
fn localhost_quickbooks_host_is_reported_as_the_local_computer() {
    let world = World::new();
    let port_url = world.http(Reply::ok());
    let setup = Setup {
        quickbooks: vec![port_url.replace("127.0.0.1", "localhost")],
        ..world.healthy()
    };
    let run = world.check(&setup);
    assert_eq!(run.status("dns"), "pass", "{}", run.dump());
    assert!(run.summary("dns").contains("local computer"), "{}", run.dump());
    assert_eq!(run.status("tcp"), "pass", "{}", run.dump());
    assert_eq!(run.verdict(), "local_ok", "{}", run.dump());
}
