//! The network benchmark of issue 9 (not a test: nothing here asserts a time). Runs the release
//! binary against loopback stand-ins and prints, side by side: `check` wall on loopback (with
//! https QuickBooks URLs, and with http:// targets only, which never read the trust store); wall
//! against stand-ins a 200 ms round trip away (a relay delaying every chunk 100 ms each way)
//! divided by that round trip; TCP connections per QuickBooks URL counted at its relay; peak
//! RSS of the network checks; the release binary's size; and the time to the first TUI frame in
//! a pty while a browser's `--version` takes 2 s. Run with `bash benches/net.sh`.

#[path = "../tests/it/support/hostile.rs"]
#[allow(dead_code)]
mod hostile;
#[path = "../tests/it/support/proxy.rs"]
#[allow(dead_code)]
mod proxy;
#[path = "../tests/it/support/servers.rs"]
#[allow(dead_code)]
mod servers;
#[path = "../tests/it/support/tls.rs"]
#[allow(dead_code)]
mod tls;

use std::io::Read;
use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use servers::Reply;
use tokio::net::TcpListener;

const RUNS: usize = 5;
/// Runs of the http-only loopback `check` (issue 15: the trust store is not read for them).
const PLAIN_RUNS: usize = 21;
const ONE_WAY: Duration = Duration::from_millis(100);
const NETWORK_CHECKS: &str = "connectivity,dns,tcp,tls,http,status_page,bank,clock";
const OPERATIONAL: &str = include_str!("../tests/data/status/operational.json");

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[(v.len() - 1) / 2]
}

async fn serve_http(reply: Reply) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let reply = Arc::new(reply);
    tokio::spawn(async move {
        while let Ok((s, _)) = listener.accept().await {
            tokio::spawn(servers::serve(s, reply.clone()));
        }
    });
    port
}

async fn serve_https(cert: &tls::ServerCert, reply: Reply) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let acceptor = cert.acceptor();
    let reply = Arc::new(reply);
    tokio::spawn(async move {
        while let Ok((s, _)) = listener.accept().await {
            let (acceptor, reply) = (acceptor.clone(), reply.clone());
            tokio::spawn(async move {
                if let Ok(s) = acceptor.accept(s).await {
                    servers::serve(s, reply).await;
                }
            });
        }
    });
    port
}

struct Targets {
    quickbooks: Vec<String>,
    control: String,
    status: String,
}

fn config(dir: &Path, name: &str, t: &Targets, ca: &Path) -> PathBuf {
    let qb: Vec<String> = t.quickbooks.iter().map(|u| format!("\"{u}\"")).collect();
    let text = format!(
        "[network]\ntimeout_ms = 5000\nproxy = \"none\"\n[targets]\nquickbooks = [{}]\ncontrol = [\"{}\"]\nstatus_page = \"{}\"\nbank = []\n[tls]\nextra_ca_file = \"{}\"\nexpected_issuers = [\"{}\"]\n",
        qb.join(", "),
        t.control,
        t.status,
        ca.display(),
        tls::CA_ORG
    );
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// `--config CONFIG --data-dir DATA check --json --only …` for the network checks.
fn check_args(config: &Path, data: &Path) -> Vec<std::ffi::OsString> {
    let mut args: Vec<std::ffi::OsString> = vec![
        "--config".into(),
        config.into(),
        "--data-dir".into(),
        data.into(),
        "check".into(),
        "--json".into(),
    ];
    for id in NETWORK_CHECKS.split(',') {
        args.extend(["--only".into(), id.into()]);
    }
    args
}

fn check(bin: &Path, config: &Path, data: &Path) -> Duration {
    let start = Instant::now();
    let out = Command::new(bin)
        .args(check_args(config, data))
        .env("QBFIX_HOST_PROBES", "off")
        .output()
        .unwrap();
    let took = start.elapsed();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    assert_eq!(
        json["verdict"]["id"],
        "local_ok",
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    took
}

fn peak_rss_kib(bin: &Path, config: &Path, data: &Path) -> Option<u64> {
    let out = Command::new("/usr/bin/time")
        .args(["-f", "%M"])
        .arg(bin)
        .args(check_args(config, data))
        .env("QBFIX_HOST_PROBES", "off")
        .output()
        .ok()?;
    String::from_utf8_lossy(&out.stderr)
        .lines()
        .last()?
        .trim()
        .parse()
        .ok()
}

/// Time from start to the first drawn frame in a pty, with a browser whose `--version` takes 2 s.
fn first_frame(bin: &Path, config: &Path, dir: &Path) -> Duration {
    let fake = dir.join("bin");
    std::fs::create_dir_all(&fake).unwrap();
    let browser = fake.join("google-chrome");
    std::fs::write(
        &browser,
        "#!/bin/sh\nsleep 2\necho 'Google Chrome 131.0.6778.85'\n",
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&browser, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 30,
            cols: 100,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(bin);
    cmd.arg("--config");
    cmd.arg(config);
    cmd.arg("--data-dir");
    cmd.arg(dir.join(format!("data-{}", fastrand::u32(..))));
    cmd.env("TERM", "xterm-256color");
    cmd.env("PATH", format!("{}:/usr/bin:/bin", fake.display()));
    let start = Instant::now();
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let screen = Arc::new(Mutex::new(vt100::Parser::new(
        NonZeroU16::new(30).unwrap(),
        NonZeroU16::new(100).unwrap(),
        0,
    )));
    let mut reader = pair.master.try_clone_reader().unwrap();
    let mut buf = [0u8; 8192];
    let took = loop {
        let n = reader.read(&mut buf).unwrap_or(0);
        if n == 0 {
            break start.elapsed();
        }
        let mut s = screen.lock().unwrap();
        s.process(&buf[..n]);
        if s.screen().contents().contains("qbfix") || s.screen().contents().trim().len() > 40 {
            break start.elapsed();
        }
    };
    let _ = child.kill();
    let _ = child.wait();
    took
}

fn main() {
    let bin = PathBuf::from(std::env::var("QBFIX_BIN").unwrap_or_else(|_| "target/release/qbfix".into()));
    let dir = tempfile::tempdir().unwrap();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let ca = tls::TestCa::new(tls::CA_ORG);
    let ca_file = ca.write_pem(dir.path());
    let cert = ca.server_cert();
    let (near, plain, far, counters) = rt.block_on(async {
        let qb = serve_https(&cert, Reply::ok()).await;
        let qb_plain = serve_http(Reply::ok()).await;
        let control = serve_http(Reply::status(204).body(b"")).await;
        let status = serve_http(Reply::json(OPERATIONAL)).await;
        // Only http:// targets: a run that must never read the system's trust store.
        let plain = Targets {
            quickbooks: vec![
                format!("http://localhost:{qb_plain}/"),
                format!("http://127.0.0.1:{qb_plain}/app"),
            ],
            control: format!("http://127.0.0.1:{control}/generate_204"),
            status: format!("http://127.0.0.1:{status}/api/v2/summary.json"),
        };
        let near = Targets {
            quickbooks: vec![
                format!("https://localhost:{qb}/"),
                format!("https://127.0.0.1:{qb}/app"),
            ],
            control: format!("http://127.0.0.1:{control}/generate_204"),
            status: format!("http://127.0.0.1:{status}/api/v2/summary.json"),
        };
        let mut counters = Vec::new();
        let mut far_qb = Vec::new();
        for (host, path) in [("localhost", ""), ("127.0.0.1", "app")] {
            let (port, count) = proxy::start_relay(format!("127.0.0.1:{qb}"), ONE_WAY).await;
            far_qb.push(format!("https://{host}:{port}/{path}"));
            counters.push(count);
        }
        let (cport, _) = proxy::start_relay(format!("127.0.0.1:{control}"), ONE_WAY).await;
        let (sport, _) = proxy::start_relay(format!("127.0.0.1:{status}"), ONE_WAY).await;
        let far = Targets {
            quickbooks: far_qb,
            control: format!("http://127.0.0.1:{cport}/generate_204"),
            status: format!("http://127.0.0.1:{sport}/api/v2/summary.json"),
        };
        (near, plain, far, counters)
    });
    let near_cfg = config(dir.path(), "near.toml", &near, &ca_file);
    let plain_cfg = config(dir.path(), "plain.toml", &plain, &ca_file);
    let far_cfg = config(dir.path(), "far.toml", &far, &ca_file);
    let data = dir.path().join("data");

    let loopback = median((0..RUNS).map(|_| check(&bin, &near_cfg, &data)).collect());
    let plain_wall = median((0..PLAIN_RUNS).map(|_| check(&bin, &plain_cfg, &data)).collect());
    for c in &counters {
        c.store(0, Ordering::SeqCst);
    }
    let far_wall = median((0..RUNS).map(|_| check(&bin, &far_cfg, &data)).collect());
    let per_url: Vec<usize> = counters.iter().map(|c| c.load(Ordering::SeqCst) / RUNS).collect();
    let rtt = ONE_WAY * 2;
    let rss = peak_rss_kib(&bin, &far_cfg, &data);
    let size = std::fs::metadata(&bin).map(|m| m.len()).unwrap_or(0);
    let frame = median(
        (0..RUNS)
            .map(|_| first_frame(&bin, &near_cfg, dir.path()))
            .collect(),
    );

    let mib = |b: u64| b as f64 / (1024.0 * 1024.0);
    println!("| measure | value | target | met |");
    println!("|---|---|---|---|");
    println!(
        "| `check` wall, loopback (median of {RUNS}) | {} ms | — | — |",
        loopback.as_millis()
    );
    println!(
        "| `check` wall, loopback, http:// targets only (median of {PLAIN_RUNS}) | {} ms | — | — |",
        plain_wall.as_millis()
    );
    let rtts = far_wall.as_secs_f64() / rtt.as_secs_f64();
    println!(
        "| `check` wall, stand-ins {} ms RTT away | {} ms = {rtts:.2} RTT | ≤ 2.5 RTT | {} |",
        rtt.as_millis(),
        far_wall.as_millis(),
        if rtts <= 2.5 { "yes" } else { "no" }
    );
    let samples = 3;
    println!(
        "| TCP connections per QuickBooks URL (per run) | {per_url:?} | = samples ({samples}) | {} |",
        if per_url.iter().all(|n| *n == samples) {
            "yes"
        } else {
            "no"
        }
    );
    match rss {
        Some(kib) => println!(
            "| peak RSS, network checks | {:.1} MiB | ≤ 8 MiB | {} |",
            kib as f64 / 1024.0,
            if kib <= 8 * 1024 { "yes" } else { "no" }
        ),
        None => println!("| peak RSS, network checks | (no /usr/bin/time) | ≤ 8 MiB | ? |"),
    }
    println!(
        "| release binary size | {:.2} MiB | ≤ 10 MiB | {} |",
        mib(size),
        if size <= 10 * 1024 * 1024 { "yes" } else { "no" }
    );
    println!(
        "| first TUI frame, browser `--version` taking 2 s | {} ms | ≤ 50 ms | {} |",
        frame.as_millis(),
        if frame <= Duration::from_millis(50) {
            "yes"
        } else {
            "no"
        }
    );
}
