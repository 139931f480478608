//! A proxy's marks: `Proxy-Status`, `X-Squid-Error`, `Server`; and a relayed answer has none.

use super::*;

fn read(headers: &[(&str, &str)]) -> Option<Marks> {
    Marks::read(headers.iter().copied())
}

#[test]
fn squid_errors_name_squid_and_the_code_without_its_errno() {
    let m = read(&[("Server", "squid/5.7"), ("X-Squid-Error", "ERR_CONNECT_FAIL 111")]).unwrap();
    assert_eq!(m.product.as_deref(), Some("Squid"));
    assert_eq!(m.error_code.as_deref(), Some("ERR_CONNECT_FAIL"));
    assert_eq!(
        m.said().unwrap(),
        "Squid says it could not connect to the site (ERR_CONNECT_FAIL)"
    );
    let m = read(&[("x-squid-error", "ERR_ACCESS_DENIED 0")]).unwrap();
    assert_eq!(m.product.as_deref(), Some("Squid"));
    assert!(m.said().unwrap().contains("rules do not allow"));
}

#[test]
fn proxy_status_names_the_last_intermediary_and_its_error() {
    let m = read(&[(
        "Proxy-Status",
        r#"OriginCDN; error=http_protocol_error, "Office Gateway"; error=destination_ip_prohibited; details="no, not that""#,
    )])
    .unwrap();
    assert_eq!(m.product.as_deref(), Some("Office Gateway"));
    assert_eq!(m.error_code.as_deref(), Some("destination_ip_prohibited"));
    let m = read(&[("proxy-status", "ExampleProxy")]).unwrap();
    assert_eq!(m.product.as_deref(), Some("ExampleProxy"));
    assert_eq!(m.error_code, None);
    assert_eq!(m.said(), None);
}

#[test]
fn server_headers_of_proxy_products_are_marks_and_of_sites_are_not() {
    for (server, product) in [
        ("squid", "Squid"),
        ("mitmproxy 10.1.5", "mitmproxy"),
        ("ATS/9.2.3", "Apache Traffic Server"),
        ("Zscaler/6.2", "Zscaler"),
        ("BlueCoat-Security-Appliance", "Blue Coat ProxySG"),
        ("tinyproxy/1.11.1", "tinyproxy"),
        ("WinGate Engine", "WinGate"),
    ] {
        assert_eq!(
            read(&[("Server", server)]).and_then(|m| m.product).as_deref(),
            Some(product),
            "{server}"
        );
    }
    for server in [
        "nginx",
        "Apache/2.4.57 (Debian)",
        "Varnish",
        "cloudflare",
        "stats-server",
    ] {
        assert_eq!(
            read(&[("Server", server), ("Via", "1.1 varnish")]),
            None,
            "{server}"
        );
    }
}

#[test]
fn unknown_codes_are_given_verbatim() {
    let m = read(&[("X-Squid-Error", "ERR_SOMETHING_NEW 0")]).unwrap();
    assert_eq!(m.said().unwrap(), "Squid gave the error ERR_SOMETHING_NEW");
}
