//! Tests of the firewall parsers on captured (real-shaped) outputs.

use super::*;

#[test]
fn ufw_config_file() {
    let on = "# /etc/ufw/ufw.conf\n#\n\n# Set to yes to start on boot.\nENABLED=yes\n\nLOGLEVEL=low\n";
    assert_eq!(ufw_conf(on), State::On);
    assert_eq!(ufw_conf("ENABLED=no\nLOGLEVEL=low\n"), State::Off);
    assert_eq!(ufw_conf("# ENABLED=yes\nENABLED=\"yes\"\n"), State::On);
    assert_eq!(ufw_conf("LOGLEVEL=low\n"), State::Unknown);
}

#[test]
fn firewalld_and_socketfilterfw_states() {
    assert_eq!(firewalld_state("running\n"), State::On);
    assert_eq!(firewalld_state("not running\n"), State::Off);
    assert_eq!(firewalld_state(""), State::Unknown);
    assert_eq!(socketfilterfw("Firewall is enabled. (State = 1)\n"), State::On);
    assert_eq!(socketfilterfw("Firewall is disabled. (State = 0)\n"), State::Off);
    assert_eq!(
        socketfilterfw("Firewall is blocking all non-essential incoming connections. (State = 2)\n"),
        State::On
    );
    assert_eq!(socketfilterfw("Firewall is enabled.\n"), State::On);
    assert_eq!(socketfilterfw("something else"), State::Unknown);
}

const NETSH_EN: &str = include_str!("fixtures/netsh-allprofiles-en.txt");
const NETSH_DE: &str = include_str!("fixtures/netsh-allprofiles-de.txt");
const NETSH_DE_CP850: &[u8] = include_bytes!("fixtures/netsh-allprofiles-de-cp850.txt");
const NETSH_STATE_OFF: &str = include_str!("fixtures/netsh-state-en-all-off.txt");
const NETSH_UNKNOWN: &str = include_str!("fixtures/netsh-not-running.txt");
const SECURITY_CENTER: &str = include_str!("fixtures/security-center.txt");

fn profiles(list: &[(&str, State)]) -> Vec<(String, State)> {
    list.iter().map(|(n, s)| (n.to_string(), *s)).collect()
}

#[test]
fn netsh_english_full_output() {
    let got = netsh_profiles(NETSH_EN);
    let want = [
        ("Domain", State::On),
        ("Private", State::On),
        ("Public", State::Off),
    ];
    assert_eq!(got, profiles(&want), "the Logging: block is not a profile");
    let fw = windows_firewall(NETSH_EN);
    assert_eq!(fw.state, State::On);
    assert_eq!(fw.note.as_deref(), Some("off for the Public profile(s)"));
}

#[test]
fn netsh_german_output_is_read_by_position() {
    let want = [
        ("Domain", State::On),
        ("Private", State::Off),
        ("Public", State::On),
    ];
    assert_eq!(netsh_profiles(NETSH_DE), profiles(&want));
    // Down a pipe netsh writes the OEM code page: "Domänenprofil" arrives mangled; the
    // structure and the state words still read.
    let piped = String::from_utf8_lossy(NETSH_DE_CP850);
    assert!(piped.contains('\u{FFFD}'), "the fixture really is not UTF-8");
    assert_eq!(netsh_profiles(&piped), profiles(&want));
    assert_eq!(
        windows_firewall(&piped).note.as_deref(),
        Some("off for the Private profile(s)")
    );
}

#[test]
fn netsh_state_only_all_off() {
    let want = [
        ("Domain", State::Off),
        ("Private", State::Off),
        ("Public", State::Off),
    ];
    assert_eq!(netsh_profiles(NETSH_STATE_OFF), profiles(&want));
    let fw = windows_firewall(NETSH_STATE_OFF);
    assert_eq!((fw.state, fw.note), (State::Off, None));
}

#[test]
fn netsh_that_cannot_be_read_says_so() {
    assert!(netsh_profiles(NETSH_UNKNOWN).is_empty());
    let fw = windows_firewall(NETSH_UNKNOWN);
    assert_eq!(fw.state, State::Unknown);
    assert_eq!(
        fw.note.as_deref(),
        Some("netsh answered in a form qbfix cannot read")
    );
    let odd = NETSH_EN.replace("ON\r", "MAYBE\r").replace("OFF\r", "MAYBE\r");
    let fw = windows_firewall(&odd);
    assert_eq!(fw.state, State::Unknown);
    assert_eq!(
        fw.note.as_deref(),
        Some("netsh named a state qbfix does not know")
    );
}

#[test]
fn product_state_bits() {
    // Values Windows reports: Defender on / off, a third-party product on, out of date,
    // snoozed, expired.
    assert_eq!(product_state(397568), (State::On, None)); // 0x61100
    assert_eq!(product_state(393472), (State::Off, None)); // 0x60100
    assert_eq!(product_state(266240), (State::On, None)); // 0x41000
    assert_eq!(
        product_state(397584),
        (State::On, Some("definitions out of date"))
    ); // 0x61110
    assert_eq!(product_state(270336), (State::Off, Some("paused (snoozed)"))); // 0x42000
    assert_eq!(product_state(274432), (State::Off, Some("subscription expired"))); // 0x43000
    assert_eq!(product_state(0x46000).0, State::Unknown);
}

#[test]
fn security_center_products() {
    let got = security_center(SECURITY_CENTER);
    let summary: Vec<(&str, &str, State, Option<&str>)> = got
        .iter()
        .map(|p| (p.name.as_str(), p.kind, p.state, p.note.as_deref()))
        .collect();
    assert_eq!(
        summary,
        [
            ("Windows Defender", "antivirus", State::Off, None),
            ("Norton 360", "antivirus", State::On, None),
            (
                "McAfee LiveSafe",
                "antivirus",
                State::On,
                Some("definitions out of date")
            ),
            (
                "Avast Free Antivirus",
                "antivirus",
                State::Off,
                Some("paused (snoozed)")
            ),
            ("Kaspersky Total Security", "antivirus", State::On, None),
            (
                "Mystery AV",
                "antivirus",
                State::Unknown,
                Some("its state code is not one qbfix knows")
            ),
            ("Norton Firewall", "firewall", State::On, None),
            ("ZoneAlarm Firewall", "firewall", State::Off, None),
        ]
    );
    let odd = security_center(
        "AntiVirusProduct|Windows Defender|not a number\r\nAntiVirusProduct||397568\r\ngarbage\r\n",
    );
    assert_eq!(odd.len(), 1);
    assert_eq!(odd[0].state, State::Unknown);
    assert_eq!(odd[0].note.as_deref(), Some("its state could not be read"));
}
