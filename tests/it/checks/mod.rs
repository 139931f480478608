//! The checks and the verdict, end to end against loopback servers, and the status page's
//! reader on its own:
//!
//! - `verdicts`: one test per verdict row (and the clock) of `check --json`.
//! - `certs`: a TLS handshake cut before any certificate; each refused certificate's phrase.
//! - `cutoff`: a site that closes, resets or answers non-HTTP, directly and in a tunnel.
//! - `facts`: `slow_ms`, times and page digests; the clock from any answer; IPv6 fallback.
//! - `plain_words`: no Rust error text in anything a hostile network makes qbfix say.
//! - `probe`: the layered probe — samples, a flaky front end, a captive portal, a stalled body,
//!   slowness.
//! - `proxy`: the browser's path through a loopback HTTP proxy, each failure its verdict.
//! - `proxy_failures`: a proxy cutting connections off; its own errors (marked) vs relayed ones.
//! - `socks`: `socks5h://` and `socks5://` proxies, a refusing one, and SOCKS4 reported unusable.
//! - `tls`: certificates from an expected issuer, an unexpected one, an untrusted one.
//! - `products`: the security product an inspecting certificate's issuer names (Avast's).
//! - `status_page`: the `status_page` check against a server playing Intuit's status page.
//! - `status_doc_corpus`: the status page reader on a corpus of real-shaped and broken documents.
//! - `status_body_props`: any bytes as the status page's body: a result, never a panic.
//! - `system`: the checks that read this computer (`proxy`, `browsers`, `firewall`, `system`).

mod certs;
mod cutoff;
mod facts;
mod plain_words;
mod probe;
mod products;
mod proxy;
mod proxy_failures;
mod socks;
mod status_body_props;
mod status_doc_corpus;
mod status_page;
mod system;
mod tls;
mod verdicts;
