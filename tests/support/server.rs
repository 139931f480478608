//! What the loopback test servers answer: a [`Reply`] (status, headers, body, delay, a body
//! that trickles in) and the tiny HTTP/1.1 responder that sends it over plain TCP or TLS.

use std::sync::Arc;
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// What a test server answers.
#[derive(Debug, Clone)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// Wait before sending anything.
    pub delay: Duration,
    /// Send the body one byte at a time with this pause between bytes.
    pub drip: Option<Duration>,
    /// Send a correct `Date` header (unless `headers` has one).
    pub date: bool,
}

impl Reply {
    pub fn status(status: u16) -> Reply {
        Reply {
            status,
            headers: Vec::new(),
            body: b"ok".to_vec(),
            delay: Duration::ZERO,
            drip: None,
            date: true,
        }
    }
    pub fn ok() -> Reply {
        Reply::status(200)
    }
    pub fn json(text: &str) -> Reply {
        Reply::ok()
            .header("Content-Type", "application/json")
            .body(text.as_bytes())
    }
    pub fn header(mut self, name: &str, value: &str) -> Reply {
        self.headers.push((name.into(), value.into()));
        self
    }
    pub fn body(mut self, body: &[u8]) -> Reply {
        self.body = body.to_vec();
        self
    }
    pub fn delay(mut self, d: Duration) -> Reply {
        self.delay = d;
        self
    }
    pub fn drip(mut self, d: Duration) -> Reply {
        self.drip = Some(d);
        self
    }

    fn head(&self) -> Vec<u8> {
        let mut head = format!("HTTP/1.1 {} Test\r\n", self.status);
        let has_date = self.headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("date"));
        if self.date && !has_date {
            head.push_str(&format!("Date: {}\r\n", http_date(jiff::Timestamp::now())));
        }
        for (k, v) in &self.headers {
            head.push_str(&format!("{k}: {v}\r\n"));
        }
        head.push_str(&format!(
            "Content-Length: {}\r\nConnection: close\r\n\r\n",
            self.body.len()
        ));
        head.into_bytes()
    }
}

/// An HTTP date ("Sun, 06 Nov 1994 08:49:37 GMT").
pub fn http_date(t: jiff::Timestamp) -> String {
    jiff::fmt::rfc2822::DateTimePrinter::new()
        .timestamp_to_rfc9110_string(&t)
        .unwrap()
}

/// Reads one request head, waits, and sends `reply`, then closes the connection.
pub async fn serve<S>(mut stream: S, reply: Arc<Reply>)
where
    S: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin,
{
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    while !buf.windows(4).any(|w| w == b"\r\n\r\n") && buf.len() < 64 * 1024 {
        match stream.read(&mut chunk).await {
            Ok(0) | Err(_) => return,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    }
    tokio::time::sleep(reply.delay).await;
    if stream.write_all(&reply.head()).await.is_err() {
        return;
    }
    match reply.drip {
        None => {
            let _ = stream.write_all(&reply.body).await;
        }
        Some(pause) => {
            for byte in &reply.body {
                if stream.write_all(&[*byte]).await.is_err() || stream.flush().await.is_err() {
                    return;
                }
                tokio::time::sleep(pause).await;
            }
        }
    }
    let _ = stream.flush().await;
    let _ = stream.shutdown().await;
}
