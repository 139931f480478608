//! The connection under every probe: to the first of the site's addresses that accepts (tried
//! one after another), or to the proxy (whose every failure is the proxy's); a connection error
//! in a kind and plain words.

use std::net::{IpAddr, SocketAddr};

use tokio::net::TcpStream;

use super::path::ProxyHop;
use super::resolve;
use super::sample::{Failure, Layer, fail};
use crate::evidence::ErrorKind;

/// Connects to the first address that accepts.
pub(super) async fn connect_any(ips: &[IpAddr], port: u16) -> Result<(TcpStream, SocketAddr), Failure> {
    let mut last = fail(Layer::Connect, ErrorKind::Connect, "no addresses to connect to");
    for ip in ips {
        let addr = SocketAddr::new(*ip, port);
        match TcpStream::connect(addr).await {
            Ok(stream) => return Ok((stream, addr)),
            Err(e) => {
                let (kind, text) = classify_io(&e);
                last = fail(Layer::Connect, kind, text);
            }
        }
    }
    Err(last)
}

/// A connection error in a kind and plain words.
pub fn classify_io(e: &std::io::Error) -> (ErrorKind, String) {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::ConnectionRefused => (ErrorKind::Refused, "the connection was refused".into()),
        K::TimedOut => (ErrorKind::Timeout, "timed out".into()),
        K::HostUnreachable | K::NetworkUnreachable | K::AddrNotAvailable => {
            (ErrorKind::Unreachable, "no route to it from this network".into())
        }
        _ => (ErrorKind::Connect, format!("could not connect ({e})")),
    }
}

/// Connects to the proxy; every failure is the proxy's.
pub(super) async fn connect_proxy(hop: &ProxyHop) -> Result<(TcpStream, SocketAddr), Failure> {
    let host = hop.url.host_str().unwrap_or("");
    let port = hop.url.port_or_known_default().unwrap_or(80);
    let ips = match resolve::lookup(host).await {
        Ok(l) => l.addresses(),
        Err(_) => {
            return Err(fail(
                Layer::Connect,
                ErrorKind::Proxy,
                format!("the proxy {} could not be found (name lookup failed)", hop.shown),
            ));
        }
    };
    connect_any(&ips, port).await.map_err(|f| {
        let what = match f.kind {
            ErrorKind::Refused => "refused the connection".to_string(),
            ErrorKind::Unreachable => "cannot be reached from this network".to_string(),
            _ => format!("could not be reached ({})", f.text),
        };
        fail(
            Layer::Connect,
            ErrorKind::Proxy,
            format!("the proxy {} {what}", hop.shown),
        )
    })
}
