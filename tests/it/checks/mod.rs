//! The checks and the verdict, end to end against loopback servers, and the status page's
//! reader on its own:
//!
//! - `verdicts`: one test per verdict row (and the clock) of `check --json`.
//! - `probe`: the layered probe — samples, a flaky front end, a captive portal, a stalled body,
//!   slowness.
//! - `proxy`: the browser's path through a loopback HTTP proxy, each failure its verdict.
//! - `tls`: certificates from an expected issuer, an unexpected one, an untrusted one.
//! - `products`: the security product an inspecting certificate's issuer names (Avast's).
//! - `status_page`: the `status_page` check against a server playing Intuit's status page.
//! - `status_doc_corpus`: the status page reader on a corpus of real-shaped and broken documents.
//! - `status_body_props`: any bytes as the status page's body: a result, never a panic.
//! - `system`: the checks that read this computer (`proxy`, `browsers`, `firewall`, `system`).

mod probe;
mod products;
mod proxy;
mod status_body_props;
mod status_doc_corpus;
mod status_page;
mod system;
mod tls;
mod verdicts;
