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

#[test]
fn netsh_all_profiles() {
    let text = "\r
Domain Profile Settings: \r
----------------------------------------------------------------------\r
State                                 ON\r
\r
Private Profile Settings: \r
----------------------------------------------------------------------\r
State                                 ON\r
\r
Public Profile Settings: \r
----------------------------------------------------------------------\r
State                                 OFF\r
Ok.\r
\r
";
    let got = netsh_profiles(text);
    assert_eq!(
        got,
        [
            ("Domain".to_string(), State::On),
            ("Private".to_string(), State::On),
            ("Public".to_string(), State::Off)
        ]
    );
    // Translated output (German) is not guessed at.
    assert!(netsh_profiles("Domänenprofil-Einstellungen:\r\nStatus      EIN\r\n").is_empty());
}

#[test]
fn security_center_products() {
    let text = "AntiVirusProduct|Windows Defender|397568\r
AntiVirusProduct|Norton 360|397328\r
AntiVirusProduct|Old AV|393472\r
FirewallProduct|Norton Firewall|266256\r
AntiVirusProduct||397568\r
garbage line\r
";
    let got = security_center(text);
    assert_eq!(got.len(), 4);
    assert_eq!(got[0].name, "Windows Defender");
    assert_eq!(
        (got[0].kind, got[0].state, got[0].note.as_deref()),
        ("antivirus", State::On, None)
    );
    assert_eq!(got[1].state, State::On);
    assert_eq!(got[1].note.as_deref(), Some("definitions out of date"));
    assert_eq!(got[2].state, State::Off);
    assert_eq!(
        (got[3].kind, got[3].state, got[3].note.as_deref()),
        ("firewall", State::On, None)
    );
}
