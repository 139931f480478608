//! A loopback HTTP proxy for the tests, and a relay that delays every chunk both ways: the
//! proxy tunnels `CONNECT` and forwards absolute-URI requests, resolving `.invalid` names to
//! 127.0.0.1 itself (so a network where only the proxy resolves names can be built), or answers
//! a chosen status itself (with a proxy product's marks, for one port or all), or cuts every
//! connection off; both count the connections they accept.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

use super::hostile::{Hostile, misbehave};

/// What the test proxy does with each request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProxyMode {
    /// Tunnels and forwards.
    Pass,
    /// Answers this status itself to everything (502, 407, …), with no mark of its own.
    Answer(u16),
    /// Answers this status to `CONNECT` for this port only; tunnels the rest.
    BlockPort(u16, u16),
    /// Answers `code` with these headers (its marks: `X-Squid-Error`, `Proxy-Status`,
    /// `Server`) to any request (`CONNECT` or plain) for `port`, or for every port when `None`;
    /// passes the rest.
    Says {
        code: u16,
        headers: Vec<(String, String)>,
        port: Option<u16>,
    },
    /// Accepts, reads the request, then closes, resets or answers garbage: never answers.
    Hostile(Hostile),
}

impl ProxyMode {
    /// [`ProxyMode::Says`] from string pairs.
    pub fn says(code: u16, headers: &[(&str, &str)], port: Option<u16>) -> ProxyMode {
        ProxyMode::Says {
            code,
            headers: headers
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            port,
        }
    }
}

/// Connections accepted, shared with the test.
pub type Counter = Arc<AtomicUsize>;

/// Where a name the proxy is asked for goes: `.invalid` names and `localhost` to 127.0.0.1.
fn upstream(authority: &str) -> Option<String> {
    let (host, port) = authority.rsplit_once(':')?;
    let host = host.trim_start_matches('[').trim_end_matches(']');
    let ip = if host.ends_with(".invalid") || host == "localhost" || host == "127.0.0.1" {
        "127.0.0.1"
    } else {
        return None;
    };
    Some(format!("{ip}:{port}"))
}

/// Reads a request head (up to 16 KiB).
async fn read_head(stream: &mut TcpStream) -> Option<Vec<u8>> {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        if head.len() > 16 * 1024 || stream.read(&mut byte).await.ok()? == 0 {
            return None;
        }
        head.push(byte[0]);
    }
    Some(head)
}

async fn answer(stream: &mut TcpStream, code: u16) {
    let extra = if code == 407 {
        "Proxy-Authenticate: Basic realm=\"office\"\r\n"
    } else {
        ""
    };
    answer_with(stream, code, extra).await;
}

async fn answer_with(stream: &mut TcpStream, code: u16, extra: &str) {
    let text =
        format!("HTTP/1.1 {code} Proxy Says No\r\n{extra}Content-Length: 0\r\nConnection: close\r\n\r\n");
    let _ = stream.write_all(text.as_bytes()).await;
}

async fn serve(mut client: TcpStream, mode: ProxyMode) {
    if let ProxyMode::Hostile(how) = mode {
        return misbehave(client, how).await;
    }
    let Some(head) = read_head(&mut client).await else {
        return;
    };
    let text = String::from_utf8_lossy(&head).into_owned();
    let mut words = text.split_whitespace();
    let (method, target) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
    if let ProxyMode::Answer(code) = mode {
        return answer(&mut client, code).await;
    }
    if let ProxyMode::Says { code, headers, port } = &mode {
        let authority = target
            .trim_start_matches("http://")
            .split('/')
            .next()
            .unwrap_or("");
        let its_port = authority
            .rsplit_once(':')
            .and_then(|(_, p)| p.parse::<u16>().ok());
        if port.is_none() || its_port == *port {
            let extra: String = headers.iter().map(|(k, v)| format!("{k}: {v}\r\n")).collect();
            return answer_with(&mut client, *code, &extra).await;
        }
    }
    if method == "CONNECT" {
        if let ProxyMode::BlockPort(port, code) = mode
            && target.ends_with(&format!(":{port}"))
        {
            return answer(&mut client, code).await;
        }
        let Some(to) = upstream(target) else {
            return answer(&mut client, 502).await;
        };
        let Ok(server) = TcpStream::connect(&to).await else {
            return answer(&mut client, 502).await;
        };
        if client
            .write_all(b"HTTP/1.1 200 Connection established\r\n\r\n")
            .await
            .is_err()
        {
            return;
        }
        relay(client, server).await;
        return;
    }
    // A plain request in absolute form: forward it in origin form.
    let Some(rest) = target.strip_prefix("http://") else {
        return answer(&mut client, 400).await;
    };
    let (authority, path) = rest.split_once('/').map_or((rest, ""), |(a, p)| (a, p));
    let authority = if authority.contains(':') {
        authority.to_string()
    } else {
        format!("{authority}:80")
    };
    let Some(to) = upstream(&authority) else {
        return answer(&mut client, 502).await;
    };
    let Ok(mut server) = TcpStream::connect(&to).await else {
        return answer(&mut client, 502).await;
    };
    let rewritten = text.replacen(target, &format!("/{path}"), 1);
    if server.write_all(rewritten.as_bytes()).await.is_err() {
        return;
    }
    relay(client, server).await;
}

/// Copies both ways until one side ends; a site that resets is passed on as a reset.
async fn relay(mut client: TcpStream, mut server: TcpStream) {
    if let Err(e) = tokio::io::copy_bidirectional(&mut client, &mut server).await
        && e.kind() == std::io::ErrorKind::ConnectionReset
    {
        let _ = client.set_zero_linger();
    }
}

/// Starts the proxy on a loopback port; returns its port and its connection counter.
pub async fn start_proxy(mode: ProxyMode) -> (u16, Counter) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let count: Counter = Arc::default();
    let counted = count.clone();
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            counted.fetch_add(1, Ordering::SeqCst);
            tokio::spawn(serve(stream, mode.clone()));
        }
    });
    (port, count)
}

/// Copies `from` to `to`, delivering each chunk `delay` after it was read (order kept).
async fn delayed_copy(
    mut from: tokio::net::tcp::OwnedReadHalf,
    mut to: tokio::net::tcp::OwnedWriteHalf,
    delay: Duration,
) {
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<(tokio::time::Instant, Vec<u8>)>();
    let writer = tokio::spawn(async move {
        while let Some((due, chunk)) = rx.recv().await {
            tokio::time::sleep_until(due).await;
            if to.write_all(&chunk).await.is_err() {
                return;
            }
        }
        let _ = to.shutdown().await;
    });
    let mut buf = vec![0u8; 16 * 1024];
    while let Ok(n) = from.read(&mut buf).await {
        if n == 0
            || tx
                .send((tokio::time::Instant::now() + delay, buf[..n].to_vec()))
                .is_err()
        {
            break;
        }
    }
    drop(tx);
    let _ = writer.await;
}

/// A relay on a loopback port to `target` (`127.0.0.1:port`) that delays every chunk by
/// `one_way` in each direction (a round trip of twice that); counts connections.
pub async fn start_relay(target: String, one_way: Duration) -> (u16, Counter) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let count: Counter = Arc::default();
    let counted = count.clone();
    tokio::spawn(async move {
        while let Ok((client, _)) = listener.accept().await {
            counted.fetch_add(1, Ordering::SeqCst);
            let target = target.clone();
            tokio::spawn(async move {
                let Ok(server) = TcpStream::connect(&target).await else {
                    return;
                };
                let _ = client.set_nodelay(true);
                let _ = server.set_nodelay(true);
                let (cr, cw) = client.into_split();
                let (sr, sw) = server.into_split();
                tokio::join!(delayed_copy(cr, sw, one_way), delayed_copy(sr, cw, one_way));
            });
        }
    });
    (port, count)
}
