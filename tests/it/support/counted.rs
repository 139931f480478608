//! A loopback server that counts the requests it gets and changes its answer after a number of
//! them (one request per connection: the servers do not keep connections alive), and one that
//! changes its answer when the test flips a switch (after it saw what it waited for), so tests
//! wait on requests and output, never on time. The switch is for the pty tests, which are
//! Unix-only, and is built only there.

use std::sync::Arc;
#[cfg(unix)]
use std::sync::atomic::AtomicBool;
use std::sync::atomic::{AtomicUsize, Ordering};

#[cfg(unix)]
use super::Setup;
use super::servers::{self, Reply};
use super::world::World;

/// How many requests a counted server has had.
#[derive(Debug, Clone, Default)]
pub struct Counter(Arc<AtomicUsize>);

impl Counter {
    pub fn get(&self) -> usize {
        self.0.load(Ordering::SeqCst)
    }
}

impl World {
    /// A plain HTTP server answering `first` to its first `n` requests and `then` after;
    /// returns its base URL and its request counter.
    pub fn counted(&self, first: Reply, n: usize, then: Reply) -> (String, Counter) {
        let (listener, port) = self.listen();
        let counter = Counter::default();
        let count = counter.0.clone();
        let (first, then) = (Arc::new(first), Arc::new(then));
        self.rt.spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let seen = count.fetch_add(1, Ordering::SeqCst);
                let reply = if seen < n { first.clone() } else { then.clone() };
                tokio::spawn(servers::serve(stream, reply));
            }
        });
        (format!("http://127.0.0.1:{port}/"), counter)
    }
}

/// Flipped by a test to change a [`World::switched`] server's answer.
#[cfg(unix)]
#[derive(Debug, Clone, Default)]
pub struct Switch(Arc<AtomicBool>);

#[cfg(unix)]
impl Switch {
    pub fn flip(&self) {
        self.0.store(true, Ordering::SeqCst);
    }
}

#[cfg(unix)]
impl World {
    /// A plain HTTP server answering `first` until the returned switch is flipped, and `then`
    /// to every request after; returns its base URL and the switch.
    pub fn switched(&self, first: Reply, then: Reply) -> (String, Switch) {
        let (listener, port) = self.listen();
        let switch = Switch::default();
        let flipped = switch.0.clone();
        let (first, then) = (Arc::new(first), Arc::new(then));
        self.rt.spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let reply = if flipped.load(Ordering::SeqCst) {
                    then.clone()
                } else {
                    first.clone()
                };
                tokio::spawn(servers::serve(stream, reply));
            }
        });
        (format!("http://127.0.0.1:{port}/"), switch)
    }

    /// Intuit down until the switches flip: QuickBooks answers 502 and the status page a major
    /// outage, then both answer normally; the control site and the bank answer throughout.
    pub fn outage_until_flipped(&self) -> (Setup, [Switch; 2]) {
        const MAJOR_OUTAGE: &str = include_str!("../../data/status/major_outage.json");
        let (qbo, qbo_back) = self.switched(Reply::status(502), Reply::ok());
        let (status, status_back) = self.switched(Reply::json(MAJOR_OUTAGE), Reply::json(super::OPERATIONAL));
        let setup = Setup {
            quickbooks: vec![qbo],
            control: vec![self.http(Reply::status(204).body(b""))],
            status_page: status,
            bank: vec![self.http(Reply::ok())],
            timeout_ms: 3000,
            dns_timeout_ms: 2000,
            slow_ms: 2500,
            ..Setup::default()
        };
        (setup, [qbo_back, status_back])
    }
}
