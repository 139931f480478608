//! A real nginx for one test: `daemon off; master_process off;` (one process, so killing it
//! leaves no worker behind) on 127.0.0.1 with its own config, pid file and temp paths in a temp
//! folder ([`super::daemon`]), errors on stderr. Either an `http` server — plain, or TLS with
//! a test certificate — whose body the test writes (a front end, a Wi-Fi portal), or a `stream`
//! server (a filter that reads the site name), when this nginx has the stream module.

use std::path::{Path, PathBuf};
use std::process::Command;

use super::daemon::{self, Daemon, Launch, Workdir};

/// A running nginx, killed when dropped.
pub struct Nginx {
    pub daemon: Daemon,
    _work: Workdir,
}

/// Where its certificate and key are (PEM files), for a TLS server.
pub struct TlsFiles {
    pub cert: PathBuf,
    pub key: PathBuf,
}

impl Nginx {
    /// nginx with one `http` server whose body is `server` (`location`s, `return`s), over TLS
    /// when `tls` is given; `None` (after a skip message) when nginx is not installed outside CI.
    pub fn http(test: &str, server: &str, tls: Option<&TlsFiles>) -> Option<Nginx> {
        let nginx = daemon::require(test, &["nginx"], "nginx")?;
        let work = Workdir::new();
        let temp = ["body", "proxy", "fastcgi", "uwsgi", "scgi"]
            .map(|t| format!("  {t}_temp_path {};\n", work.folder(t).display()))
            .concat()
            .replace("  body_temp_path", "  client_body_temp_path");
        let (ssl, certs) = match tls {
            Some(t) => (
                " ssl",
                format!(
                    "    ssl_certificate {};\n    ssl_certificate_key {};\n",
                    t.cert.display(),
                    t.key.display()
                ),
            ),
            None => ("", String::new()),
        };
        let block = |port: u16| {
            format!(
                "http {{\n  access_log off;\n{temp}  server {{\n    listen 127.0.0.1:{port}{ssl};\n{certs}    {server}\n  }}\n}}\n"
            )
        };
        Some(Nginx::launch(nginx, work, "", &block))
    }

    /// nginx with one `stream` server whose body is `server`, `top` (a `map`) before it; `None`
    /// when nginx, or its stream module, is missing outside CI.
    pub fn stream(test: &str, top: &str, server: &str) -> Option<Nginx> {
        let nginx = daemon::require(test, &["nginx"], "nginx")?;
        let load = match stream_module(&nginx) {
            Some(load) => load,
            None if daemon::in_ci() => panic!(
                "{test}: this nginx has no stream module, and CI=true: .ci/packages.sh installs libnginx-mod-stream"
            ),
            None => {
                daemon::skip(&format!(
                    "{test}: this nginx has no stream module (Debian package libnginx-mod-stream)"
                ));
                return None;
            }
        };
        let block = |port: u16| {
            format!("stream {{\n  {top}\n  server {{\n    listen 127.0.0.1:{port};\n    {server}\n  }}\n}}\n")
        };
        Some(Nginx::launch(nginx, Workdir::new(), &load, &block))
    }

    fn launch(nginx: PathBuf, work: Workdir, load: &str, block: &dyn Fn(u16) -> String) -> Nginx {
        let dir = work.dir.path().to_path_buf();
        let pid = work.path("nginx.pid");
        let command = |port: u16| {
            let _ = std::fs::remove_file(&pid);
            let text = format!(
                "daemon off;\nmaster_process off;\nworker_processes 1;\nerror_log stderr notice;\n\
                 pid {};\n{load}\nevents {{ worker_connections 64; }}\n{}",
                pid.display(),
                block(port)
            );
            let conf = work.write("nginx.conf", &text);
            let mut cmd = Command::new(&nginx);
            // -p: its prefix (relative paths) is the temp folder; -e: early errors on stderr.
            cmd.arg("-p")
                .arg(format!("{}/", dir.display()))
                .arg("-e")
                .arg("stderr")
                .arg("-c")
                .arg(conf);
            cmd
        };
        // nginx writes its pid file once every listening socket is bound.
        let ready = |_: &str| pid.exists();
        let daemon = Daemon::start(&Launch {
            name: "nginx",
            work: &work,
            command: &command,
            ready: &ready,
        });
        Nginx { daemon, _work: work }
    }

    /// `scheme://127.0.0.1:PORT/`.
    pub fn url(&self, scheme: &str) -> String {
        format!("{scheme}://{}/", self.daemon.addr())
    }
}

/// The `load_module` line the stream module needs ("" when built in), or `None` when this
/// nginx has none, read from `nginx -V`.
fn stream_module(nginx: &Path) -> Option<String> {
    let out = Command::new(nginx).arg("-V").output().ok()?;
    let text = String::from_utf8_lossy(&out.stderr).into_owned() + &String::from_utf8_lossy(&out.stdout);
    let args: Vec<&str> = text.split_whitespace().collect();
    if args.contains(&"--with-stream") {
        return Some(String::new());
    }
    if !args.contains(&"--with-stream=dynamic") || !args.contains(&"--with-stream_ssl_preread_module") {
        return None;
    }
    let modules = args
        .iter()
        .find_map(|a| a.strip_prefix("--modules-path="))
        .unwrap_or("/usr/lib/nginx/modules");
    let module = Path::new(modules).join("ngx_stream_module.so");
    module
        .exists()
        .then(|| format!("load_module {};", module.display()))
}
