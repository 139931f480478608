//! Servers that treat qbfix as a hostile network would: after reading what the client sent
//! (a request, or a TLS ClientHello), they close without a word, reset the connection
//! (`SO_LINGER` 0), or answer bytes that are not HTTP — over plain TCP, or inside a TLS
//! session that completed first (what a site behind an inspecting proxy's tunnel does). The
//! servers themselves are [`super::world::World::hostile`] and `hostile_after_tls`.

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::TcpStream;

/// What a hostile server does once the client has spoken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hostile {
    /// Closes the connection without answering.
    Close,
    /// Resets the connection (`SO_LINGER` 0, then close).
    Reset,
    /// Answers bytes that are not HTTP, then closes.
    NotHttp,
}

/// Reads what the client sent first (up to 4 KiB, whatever arrives in one read).
pub async fn read_some<S: AsyncRead + Unpin>(stream: &mut S) {
    let mut buf = [0u8; 4096];
    let _ = stream.read(&mut buf).await;
}

/// Does `how` to an open plain connection once the client has spoken.
pub async fn misbehave(mut stream: TcpStream, how: Hostile) {
    read_some(&mut stream).await;
    finish(&mut stream, how).await;
    if how == Hostile::Reset {
        let _ = stream.set_zero_linger();
    }
}

pub async fn finish<S: AsyncWrite + Unpin>(stream: &mut S, how: Hostile) {
    if how == Hostile::NotHttp {
        let _ = stream
            .write_all(b"SSH-2.0-OpenSSH_9.2\r\n\x00\x01garbage\r\n\r\n")
            .await;
        let _ = stream.flush().await;
    }
}
