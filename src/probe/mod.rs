//! The layered probe: one per target and sample, on the browser's path. [`path`] decides the
//! route (direct or through the proxy), [`layers`] does the lookup, connect, tunnel, TLS, HTTP
//! exchange and body on one connection, [`sample`] holds what each layer found, and [`hub`]
//! shares one run's probes between the checks that judge them.

pub mod cert;
pub mod handshake;
pub mod hub;
pub mod layers;
pub mod path;
pub mod resolve;
pub mod sample;
pub mod trust;

pub use hub::Hub;
pub use path::{Plan, ProxyHop, Route};
pub use sample::{Answer, Failure, Layer, Lookup, Sample, UrlProbe};
