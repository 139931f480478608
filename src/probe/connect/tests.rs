//! Happy Eyeballs with a fake connector on tokio's paused clock: nothing leaves this process,
//! and every time below is the clock's, not the machine's.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use tokio::time::Instant;

use super::*;

/// What the fake network does for one address.
#[derive(Clone, Copy)]
enum Path {
    /// Never answers (a dead IPv6 route).
    Hangs,
    /// Fails after this long with this I/O error kind.
    Fails(u64, io::ErrorKind),
    /// Connects after this long.
    Connects(u64),
}

fn a(text: &str) -> SocketAddr {
    text.parse().unwrap()
}

/// A fake connector over `paths`; counts attempts alive (dropped ones are subtracted).
struct Fake {
    paths: HashMap<SocketAddr, Path>,
    alive: Arc<AtomicUsize>,
    log: Arc<std::sync::Mutex<Vec<(SocketAddr, Duration)>>>,
    start: Instant,
}

struct Alive(Arc<AtomicUsize>);
impl Drop for Alive {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

impl Fake {
    fn new(paths: &[(&str, Path)]) -> Fake {
        Fake {
            paths: paths.iter().map(|(s, p)| (a(s), *p)).collect(),
            alive: Arc::default(),
            log: Arc::default(),
            start: Instant::now(),
        }
    }

    fn connect(&self, addr: SocketAddr) -> impl Future<Output = io::Result<SocketAddr>> + use<> {
        let path = self.paths[&addr];
        self.alive.fetch_add(1, Ordering::SeqCst);
        let guard = Alive(self.alive.clone());
        self.log.lock().unwrap().push((addr, self.start.elapsed()));
        async move {
            let _guard = guard;
            match path {
                Path::Hangs => std::future::pending().await,
                Path::Fails(ms, kind) => {
                    tokio::time::sleep(Duration::from_millis(ms)).await;
                    Err(io::Error::from(kind))
                }
                Path::Connects(ms) => {
                    tokio::time::sleep(Duration::from_millis(ms)).await;
                    Ok(addr)
                }
            }
        }
    }

    fn starts(&self) -> Vec<(SocketAddr, u64)> {
        let log = self.log.lock().unwrap();
        log.iter().map(|(a, d)| (*a, d.as_millis() as u64)).collect()
    }
}

#[test]
fn addresses_are_interleaved_ipv6_first() {
    let ips: Vec<IpAddr> = [
        "10.0.0.1",
        "10.0.0.2",
        "2001:db8::1",
        "10.0.0.1",
        "2001:db8::2",
        "10.0.0.3",
    ]
    .iter()
    .map(|s| s.parse().unwrap())
    .collect();
    let order: Vec<String> = interleave(&ips).iter().map(ToString::to_string).collect();
    assert_eq!(
        order,
        ["2001:db8::1", "10.0.0.1", "2001:db8::2", "10.0.0.2", "10.0.0.3"]
    );
}

#[tokio::test(start_paused = true)]
async fn a_dead_ipv6_path_falls_back_to_ipv4_after_250_ms_and_is_named() {
    let fake = Fake::new(&[
        ("[2001:db8::1]:443", Path::Hangs),
        ("192.0.2.1:443", Path::Connects(20)),
    ]);
    let start = Instant::now();
    let won = race(&[a("[2001:db8::1]:443"), a("192.0.2.1:443")], |x| fake.connect(x))
        .await
        .unwrap();
    assert_eq!(won.addr, a("192.0.2.1:443"));
    assert_eq!(
        start.elapsed(),
        Duration::from_millis(270),
        "250 ms head start, then 20 ms"
    );
    assert_eq!(
        fake.starts(),
        [(a("[2001:db8::1]:443"), 0), (a("192.0.2.1:443"), 250)]
    );
    assert_eq!(
        won.fallback.as_deref(),
        Some("IPv6 address 2001:db8::1 did not answer in time; connected over IPv4")
    );
    assert_eq!(
        fake.alive.load(Ordering::SeqCst),
        0,
        "the hanging IPv6 attempt was dropped"
    );
}

#[tokio::test(start_paused = true)]
async fn a_failing_attempt_starts_the_next_at_once() {
    let fake = Fake::new(&[
        (
            "[2001:db8::1]:443",
            Path::Fails(30, io::ErrorKind::NetworkUnreachable),
        ),
        ("192.0.2.1:443", Path::Connects(5)),
    ]);
    let start = Instant::now();
    let won = race(&[a("[2001:db8::1]:443"), a("192.0.2.1:443")], |x| fake.connect(x))
        .await
        .unwrap();
    assert_eq!(start.elapsed(), Duration::from_millis(35));
    assert_eq!(fake.starts()[1], (a("192.0.2.1:443"), 30));
    let words = won.fallback.unwrap();
    assert!(
        words.starts_with("IPv6 address 2001:db8::1 failed (no route"),
        "{words}"
    );
}

#[tokio::test(start_paused = true)]
async fn the_first_to_connect_wins_and_the_slower_are_dropped() {
    // IPv6 is slow (400 ms) but alive; IPv4 starts at 250 ms and connects at 260 ms.
    let fake = Fake::new(&[
        ("[2001:db8::1]:443", Path::Connects(400)),
        ("192.0.2.1:443", Path::Connects(10)),
        ("192.0.2.2:443", Path::Connects(1)),
    ]);
    let addrs = [a("[2001:db8::1]:443"), a("192.0.2.1:443"), a("192.0.2.2:443")];
    let won = race(&addrs, |x| fake.connect(x)).await.unwrap();
    assert_eq!(won.addr, a("192.0.2.1:443"));
    assert_eq!(fake.starts().len(), 2, "the third address was never needed");
    assert_eq!(fake.alive.load(Ordering::SeqCst), 0);
    // IPv6 answering first is no fallback.
    let fake = Fake::new(&[
        ("[2001:db8::1]:443", Path::Connects(100)),
        ("192.0.2.1:443", Path::Connects(1)),
    ]);
    let won = race(&addrs[..2], |x| fake.connect(x)).await.unwrap();
    assert_eq!((won.addr, won.fallback), (a("[2001:db8::1]:443"), None));
}

#[tokio::test(start_paused = true)]
async fn when_all_fail_the_refusal_is_reported_over_a_missing_ipv6_route() {
    let fake = Fake::new(&[
        (
            "[2001:db8::1]:443",
            Path::Fails(1, io::ErrorKind::NetworkUnreachable),
        ),
        ("192.0.2.1:443", Path::Fails(1, io::ErrorKind::ConnectionRefused)),
    ]);
    let failed = race(&[a("[2001:db8::1]:443"), a("192.0.2.1:443")], |x| fake.connect(x))
        .await
        .unwrap_err();
    assert_eq!(failed.len(), 2);
    let f = no_connection(&failed);
    assert_eq!(
        (f.kind, f.text.as_str()),
        (ErrorKind::Refused, "the connection was refused")
    );
    assert_eq!(no_connection(&[]).kind, ErrorKind::Connect);
}
