//! Tests of the redactor: names, home folder, host and private addresses become stable tokens.

use super::*;

fn redactor() -> Redactor {
    Redactor::with(
        &["alice".to_string()],
        Some("/home/alice"),
        Some("alices-laptop.corp.example"),
    )
}

#[test]
fn names_home_and_host_get_stable_tokens() {
    let r = redactor();
    assert_eq!(
        r.text("Alice's file /home/alice/qb.txt on alices-laptop.corp.example (alices-laptop)"),
        "user-1's file ~/qb.txt on host-1 (host-1)"
    );
    // Whole words only: "malice" and "alicent" are not the user.
    assert_eq!(r.text("malice alicent"), "malice alicent");
}

#[test]
fn private_and_link_local_addresses_are_tokens_public_and_loopback_kept() {
    let r = redactor();
    let shown = r.text(
        "from 192.168.1.20:8080, 10.0.0.7 and 192.168.1.20 again; fe80::1%eth0, [fd12:3456::9]; \
         kept 127.0.0.1, ::1, 8.8.8.8, 2001:db8::1; not addresses 19:23:23, 10.1.1.500, v1.2",
    );
    assert_eq!(
        shown,
        "from 192.168.x.1:8080, 10.x.x.2 and 192.168.x.1 again; fe80::x:3%eth0, [fd00::x:4]; \
         kept 127.0.0.1, ::1, 8.8.8.8, 2001:db8::1; not addresses 19:23:23, 10.1.1.500, v1.2"
    );
    assert_eq!(
        r.text("172.20.3.4 169.254.9.9 100.64.0.1"),
        "172.16.x.5 169.254.x.6 100.64.x.7"
    );
}

#[test]
fn generic_names_are_not_redacted_and_none_keeps_everything() {
    let r = Redactor::with(&["root".to_string()], Some("/root"), Some("localhost"));
    assert_eq!(
        r.text("Root certificate on localhost"),
        "Root certificate on localhost"
    );
    let none = Redactor::none();
    assert_eq!(none.text("alice at 192.168.1.2"), "alice at 192.168.1.2");
    assert_eq!(none.policy(), Redaction::None);
}
