//! A loopback SOCKS5 server (RFC 1928: no authentication, or a user name and password; the
//! `CONNECT` command only) that logs the target each client asked for — a name (`socks5h`)
//! or an address (`socks5`) — resolves `.invalid` names and `localhost` to 127.0.0.1 itself,
//! and refuses (reply 5, "connection refused") targets on a chosen port, or all of them.

use std::net::{Ipv4Addr, Ipv6Addr};
use std::sync::{Arc, Mutex};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

use super::world::World;

/// The targets clients asked for, in order ("qbo.invalid:443", "127.0.0.1:8080").
pub type Log = Arc<Mutex<Vec<String>>>;

/// Where a target goes: names the test network knows, and IPv4 addresses, to themselves.
fn upstream(host: &str, port: u16) -> Option<String> {
    let ip = if host.ends_with(".invalid") || host == "localhost" {
        "127.0.0.1".to_string()
    } else {
        host.parse::<Ipv4Addr>().ok()?.to_string()
    };
    Some(format!("{ip}:{port}"))
}

/// Reply `code` with a zero bound address.
async fn reply(client: &mut TcpStream, code: u8) -> std::io::Result<()> {
    client.write_all(&[5, code, 0, 1, 0, 0, 0, 0, 0, 0]).await
}

async fn serve(mut client: TcpStream, log: Log, refuse_port: Option<u16>) -> std::io::Result<()> {
    let mut head = [0u8; 2];
    client.read_exact(&mut head).await?;
    let mut methods = vec![0u8; usize::from(head[1])];
    client.read_exact(&mut methods).await?;
    if methods.contains(&0) {
        client.write_all(&[5, 0]).await?;
    } else {
        client.write_all(&[5, 2]).await?;
        let mut ver_len = [0u8; 2];
        client.read_exact(&mut ver_len).await?;
        let mut user = vec![0u8; usize::from(ver_len[1])];
        client.read_exact(&mut user).await?;
        let mut plen = [0u8; 1];
        client.read_exact(&mut plen).await?;
        let mut password = vec![0u8; usize::from(plen[0])];
        client.read_exact(&mut password).await?;
        client.write_all(&[1, 0]).await?;
    }
    let mut request = [0u8; 4];
    client.read_exact(&mut request).await?;
    let host = match request[3] {
        1 => {
            let mut ip = [0u8; 4];
            client.read_exact(&mut ip).await?;
            Ipv4Addr::from(ip).to_string()
        }
        3 => {
            let mut len = [0u8; 1];
            client.read_exact(&mut len).await?;
            let mut name = vec![0u8; usize::from(len[0])];
            client.read_exact(&mut name).await?;
            String::from_utf8_lossy(&name).into_owned()
        }
        _ => {
            let mut ip = [0u8; 16];
            client.read_exact(&mut ip).await?;
            format!("[{}]", Ipv6Addr::from(ip))
        }
    };
    let mut port = [0u8; 2];
    client.read_exact(&mut port).await?;
    let port = u16::from_be_bytes(port);
    log.lock().unwrap().push(format!("{host}:{port}"));
    if refuse_port.is_some_and(|p| p == port || p == 0) {
        return reply(&mut client, 5).await;
    }
    let Some(to) = upstream(&host, port) else {
        return reply(&mut client, 4).await;
    };
    let Ok(mut server) = TcpStream::connect(&to).await else {
        return reply(&mut client, 5).await;
    };
    reply(&mut client, 0).await?;
    let _ = tokio::io::copy_bidirectional(&mut client, &mut server).await;
    Ok(())
}

impl World {
    /// A SOCKS5 server refusing targets on `refuse_port` (0: every target); returns its
    /// `127.0.0.1:port` and its log.
    pub fn socks(&self, refuse_port: Option<u16>) -> (String, Log) {
        let (listener, port): (TcpListener, u16) = self.listen();
        let log = Log::default();
        let logged = log.clone();
        self.rt.spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                tokio::spawn(serve(stream, logged.clone(), refuse_port));
            }
        });
        (format!("127.0.0.1:{port}"), log)
    }
}
