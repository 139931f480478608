//! Tests of config parsing: defaults, overrides, and errors located by line and column.

use super::*;
use crate::text::position::line_col;

fn err(text: &str) -> String {
    Config::parse(text, Path::new("c.toml")).unwrap_err().to_string()
}

#[test]
fn defaults_are_the_real_endpoints() {
    let c = Config::default();
    assert_eq!(c.targets.quickbooks.len(), 2);
    assert_eq!(c.targets.control.len(), 2);
    assert_eq!(c.targets.status_page.as_str(), DEFAULT_STATUS_PAGE);
    assert_eq!(c.network.timeout, Duration::from_secs(5));
    assert_eq!(c.network.dns_timeout, Duration::from_secs(3));
    assert_eq!(Config::parse("", Path::new("x")).unwrap(), c);
}

#[test]
fn overrides_apply() {
    let dir = tempfile::tempdir().unwrap();
    let cert = rcgen::generate_simple_self_signed(vec!["localhost".into()]).unwrap();
    std::fs::write(dir.path().join("ca.pem"), cert.cert.pem()).unwrap();
    let c = Config::parse(
        "[network]\ntimeout_ms = 700\n[targets]\nbank = [\"http://127.0.0.1:9/\"]\n[tls]\nextra_ca_file = \"ca.pem\"\n",
        &dir.path().join("config.toml"),
    )
    .unwrap();
    assert_eq!(c.network.timeout, Duration::from_millis(700));
    assert_eq!(c.targets.bank[0].port(), Some(9));
    assert_eq!(c.tls.extra_ca_file, Some(dir.path().join("ca.pem")));
}

#[test]
fn unusable_ca_file_is_located() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    let e = Config::parse("[tls]\nextra_ca_file = \"missing.pem\"\n", &config)
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("config.toml:2:17: tls.extra_ca_file: cannot read"),
        "{e}"
    );
    std::fs::write(dir.path().join("empty.pem"), "not a certificate\n").unwrap();
    let e = Config::parse("[tls]\nextra_ca_file = \"empty.pem\"\n", &config)
        .unwrap_err()
        .to_string();
    assert!(e.contains("holds no PEM certificate"), "{e}");
}

#[test]
fn unknown_key_names_key_line_and_column() {
    let e = err("[network]\ntimeout_ms = 1\ncolour = 3\n");
    assert!(e.starts_with("c.toml:3:1: "), "{e}");
    assert!(e.contains("colour"), "{e}");
}

#[test]
fn wrong_type_is_located() {
    let e = err("[network]\ntimeout_ms = \"fast\"\n");
    assert!(e.starts_with("c.toml:2:14: "), "{e}");
}

#[test]
fn non_http_url_is_rejected() {
    let e = err("[targets]\ncontrol = [\"http://ok/\", \"ftp://x/\"]\n");
    assert!(e.starts_with("c.toml:2:26: "), "{e}");
    assert!(e.contains("http:// or https://"), "{e}");
    let e = err("[targets]\nstatus_page = \"not a url\"\n");
    assert!(e.starts_with("c.toml:2:15: "), "{e}");
}

#[test]
fn zero_timeout_is_rejected() {
    let e = err("[network]\nslow_ms = 0\n");
    assert!(e.contains("slow_ms must be between"), "{e}");
}

#[test]
fn broken_toml_is_located() {
    let e = err("[network\n");
    assert!(e.starts_with("c.toml:1:"), "{e}");
}

#[test]
fn line_col_counts_characters() {
    assert_eq!(line_col("ab\ncé d", 7), (2, 4));
    assert_eq!(line_col("", 10), (1, 1));
}

#[test]
fn samples_and_proxy_are_read_and_checked() {
    let c = Config::default();
    assert_eq!((c.network.samples, &c.network.proxy), (3, &ProxySetting::System));
    let c = Config::parse("[network]\nsamples = 5\nproxy = \"none\"\n", Path::new("c.toml")).unwrap();
    assert_eq!((c.network.samples, c.network.proxy), (5, ProxySetting::None));
    let c = Config::parse(
        "[network]\nproxy = \"http://u:p@127.0.0.1:3128\"\n",
        Path::new("c.toml"),
    )
    .unwrap();
    assert!(matches!(c.network.proxy, ProxySetting::Url(u) if u.port() == Some(3128)));
    assert_eq!(
        err("[network]\nsamples = 0\n"),
        "c.toml:2:11: samples must be between 1 and 10"
    );
    // SOCKS proxies are taken as browsers take them; an unknown kind is refused, without
    // the password it carried.
    let c = Config::parse(
        "[network]\nproxy = \"socks5h://127.0.0.1:1080\"\n",
        Path::new("c.toml"),
    )
    .unwrap();
    assert!(matches!(c.network.proxy, ProxySetting::Url(u) if u.scheme() == "socks5h"));
    let e = err("[network]\nproxy = \"gopher://alice:s3cret@p.invalid:1080\"\n");
    assert!(e.starts_with("c.toml:2:9: "), "{e}");
    assert!(e.contains("proxy"), "{e}");
    assert!(!e.contains("s3cret") && !e.contains("alice"), "{e}");
}

#[test]
fn url_errors_never_show_credentials() {
    let e = err("[targets]\nbank = [\"ftp://alice:s3cret@bank.invalid/\"]\n");
    assert!(!e.contains("s3cret") && !e.contains("alice"), "{e}");
    assert!(e.contains("***@bank.invalid"), "{e}");
}

#[test]
fn messages_echo_no_control_characters_or_passwords() {
    let e = err("[targets]\nquickbooks = [\"ftp://alice:s3cret@h/\\u001b]52;c;eA==\\u0007\"]\n");
    assert!(!e.contains('\u{1b}') && !e.contains('\u{7}'), "{e:?}");
    assert!(!e.contains("s3cret") && e.contains("***@h"), "{e}");
    let e = err("[\"\\u001b[2Jnet\"]\nx = 1\n");
    assert!(!e.contains('\u{1b}'), "{e:?}");
    let e = Config::parse("", Path::new("/tmp/\u{1b}[31mc.toml"))
        .map(|_| ())
        .and(Config::load(Path::new("/nonexistent/\u{1b}[31mc.toml")))
        .unwrap_err()
        .to_string();
    assert_eq!(e, "/nonexistent/c.toml: cannot read config: no such file");
}

#[test]
fn keys_in_inline_tables_and_lists_are_named_by_their_path() {
    assert_eq!(
        err("network = { timeout_ms = \"x\" }\n"),
        "c.toml:1:26: network.timeout_ms: expected a whole number of milliseconds, found the text \"x\""
    );
    let e = err("targets = { quickbooks = [\"http://a/\"], bank = 5 }\n");
    assert!(e.starts_with("c.toml:1:48: targets.bank: expected a list"), "{e}");
    let e = err("[tls]\nexpected_issuers = [\"a\", 5]\n");
    assert!(
        e.starts_with("c.toml:2:26: tls.expected_issuers[1]: expected "),
        "{e}"
    );
}

#[test]
fn a_duplicate_key_is_named() {
    assert_eq!(
        err("[network]\ntimeout_ms = 5\ntimeout_ms = 6\n"),
        "c.toml:3:1: network.timeout_ms: duplicate key (set twice)"
    );
    let e = err("network = { samples = 1, samples = 2 }\n");
    assert!(
        e.starts_with("c.toml:1:26: network.samples: duplicate key"),
        "{e}"
    );
    let e = err("[tls]\n[tls]\n");
    assert!(e.starts_with("c.toml:2:2: tls: duplicate key"), "{e}");
}

#[test]
fn a_negative_number_is_named() {
    assert_eq!(
        err("[network]\ntimeout_ms = -5\n"),
        "c.toml:2:14: network.timeout_ms: expected a whole number of milliseconds, found the number -5"
    );
    let e = err("network.samples = -1\n");
    assert!(
        e.starts_with("c.toml:1:19: network.samples: expected a whole number, found the number -1"),
        "{e}"
    );
}

#[test]
fn an_extra_ca_file_with_an_invalid_certificate_is_named() {
    let dir = tempfile::tempdir().unwrap();
    // Good PEM armour and base64 around bytes that are no certificate.
    std::fs::write(
        dir.path().join("bad.pem"),
        "-----BEGIN CERTIFICATE-----\nAAECAwQFBgcICQ==\n-----END CERTIFICATE-----\n",
    )
    .unwrap();
    let e = Config::parse(
        "[tls]\nextra_ca_file = \"bad.pem\"\n",
        &dir.path().join("config.toml"),
    )
    .unwrap_err()
    .to_string();
    assert!(e.contains("config.toml:2:17: tls.extra_ca_file: "), "{e}");
    assert!(
        e.contains("bad.pem: certificate 1 is not a valid certificate"),
        "{e}"
    );
}

#[test]
fn an_empty_quickbooks_or_control_list_is_named_and_bank_may_be_empty() {
    for key in ["quickbooks", "control"] {
        let e = err(&format!("[targets]\n{key} = []\n"));
        let at = key.len() + 4;
        assert!(
            e.starts_with(&format!("c.toml:2:{at}: targets.{key}: the list is empty")),
            "{e}"
        );
    }
    let c = Config::parse("[targets]\nbank = []\n", Path::new("c.toml")).unwrap();
    assert!(c.targets.bank.is_empty());
}
