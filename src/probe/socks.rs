//! Through a SOCKS5 proxy (`socks5://`, `socks5h://`), with `tokio-socks`: over the connection
//! already open to the proxy, asks it to connect to the site — by name for `socks5h` (the proxy
//! looks it up), by the address this computer looked up for `socks5` — with the proxy URL's
//! user name and password if it has them. A refusal is the proxy's failure, in plain words
//! ([`super::plain::socks_error`]), its reply recorded as the proxy's error code.

use std::net::{IpAddr, SocketAddr};

use tokio_socks::TargetAddr;
use tokio_socks::tcp::Socks5Stream;

use super::marks::Marks;
use super::path::ProxyHop;
use super::plain;
use super::sample::{Failure, Layer, Sample, fail};
use super::{Io, Lookup};
use crate::evidence::ErrorKind;

/// Asks the SOCKS5 proxy `hop` for a connection to `host:port` over `stream`.
pub(super) async fn connect(
    s: &mut Sample,
    stream: Box<dyn Io>,
    hop: &ProxyHop,
    host: &str,
    port: u16,
) -> Result<Socks5Stream<Box<dyn Io>>, Failure> {
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    let local = s.lookup.as_ref().map(|(l, _)| l);
    let target: TargetAddr<'static> = match (bare.parse::<IpAddr>(), local) {
        (Ok(ip), _) => TargetAddr::Ip(SocketAddr::new(ip, port)),
        (Err(_), Some(lookup)) if hop.kind.local_dns() => match first_address(lookup) {
            Some(ip) => TargetAddr::Ip(SocketAddr::new(ip, port)),
            None => return Err(fail(Layer::Dns, ErrorKind::Dns, "name lookup found no address")),
        },
        (Err(_), _) => TargetAddr::Domain(bare.to_string().into(), port),
    };
    let decode = |t: &str| {
        percent_encoding::percent_decode_str(t)
            .decode_utf8_lossy()
            .into_owned()
    };
    let (user, password) = (
        decode(hop.url.username()),
        decode(hop.url.password().unwrap_or("")),
    );
    let shown_target = format!("{host}:{port}");
    let result = if user.is_empty() && password.is_empty() {
        Socks5Stream::connect_with_socket(stream, target).await
    } else {
        Socks5Stream::connect_with_password_and_socket(stream, target, &user, &password).await
    };
    result.map_err(|e| {
        let (words, code) = plain::socks_error(&e, &shown_target);
        if let Some(code) = code {
            s.proxy_marks = Some(Marks {
                product: None,
                error_code: Some(code.to_string()),
            });
        }
        fail(
            Layer::Proxy,
            ErrorKind::Proxy,
            format!("the SOCKS proxy {} {words}", hop.shown),
        )
    })
}

/// The address to ask for: the first the lookup gave (IPv4 first for `localhost`).
fn first_address(lookup: &Lookup) -> Option<IpAddr> {
    lookup.addresses().first().copied()
}
