//! A real squid, as an office proxy, for one test: `squid -N` (no daemon) on 127.0.0.1 with its
//! own config, pid file, logs and no cache in a temp folder ([`super::daemon`]), the test's
//! `http_access` rules appended, and — for a proxy that asks for a password — a password file
//! made by `htpasswd` (apache2-utils) for squid's `basic_ncsa_auth`. Targets are IP literals,
//! so squid never looks a name up (its one name server is 127.0.0.1, and no hosts file).

use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::daemon::{self, Daemon, Launch, Workdir};

/// Where distributions put squid's `basic_ncsa_auth` helper.
const NCSA_AUTH: [&str; 3] = [
    "/usr/lib/squid/basic_ncsa_auth",
    "/usr/lib64/squid/basic_ncsa_auth",
    "/usr/libexec/squid/basic_ncsa_auth",
];

/// squids started by this test process so far, for a service name of each one's own.
static STARTED: AtomicUsize = AtomicUsize::new(0);

/// A running squid, stopped when dropped.
pub struct Squid {
    pub daemon: Daemon,
    work: Workdir,
}

impl Squid {
    /// squid with these ACL and `http_access` lines (the config's last word on access), or
    /// `None` (after a skip message) when squid is not installed outside CI.
    pub fn start(test: &str, rules: &str) -> Option<Squid> {
        let squid = daemon::require(test, &["squid"], "squid")?;
        Some(Squid::launch(squid, Workdir::new(), rules))
    }

    /// squid letting through only `user` with `password` (Basic, checked by
    /// `basic_ncsa_auth` against an `htpasswd` file); everyone else gets 407.
    pub fn with_password(test: &str, user: &str, password: &str) -> Option<Squid> {
        let squid = daemon::require(test, &["squid"], "squid")?;
        let helper = daemon::require(test, &NCSA_AUTH, "squid")?;
        let htpasswd = daemon::require(test, &["htpasswd"], "apache2-utils")?;
        let work = Workdir::new();
        let file = work.path("passwd");
        // -b: the password from the command line; -c: create; -m: MD5, which squid reads.
        let out = Command::new(htpasswd)
            .args(["-b", "-c", "-m"])
            .arg(&file)
            .args([user, password])
            .output()
            .unwrap();
        assert!(out.status.success(), "htpasswd: {out:?}");
        std::fs::set_permissions(&file, std::os::unix::fs::PermissionsExt::from_mode(0o644)).unwrap();
        let rules = format!(
            "auth_param basic program {} {}\n\
             auth_param basic children 2\n\
             auth_param basic realm office\n\
             acl staff proxy_auth REQUIRED\n\
             http_access allow staff\n\
             http_access deny all\n",
            helper.display(),
            file.display()
        );
        Some(Squid::launch(squid, work, &rules))
    }

    fn launch(squid: std::path::PathBuf, work: Workdir, rules: &str) -> Squid {
        let dir = work.dir.path().to_path_buf();
        let command = |port: u16| {
            let conf = work.write("squid.conf", &config(&dir, port, rules));
            // Its shared memory segments are named after the service: one name per squid, or
            // two running at once clash ("shm_open(/squid-cf__metadata.shm): File exists").
            let n = STARTED.fetch_add(1, Ordering::SeqCst);
            let service = format!("qbfixtest{}n{n}", std::process::id());
            let mut cmd = Command::new(&squid);
            // -N: stay in the foreground, one process; -d 1: its log on stderr too.
            cmd.arg("-N")
                .args(["-d", "1"])
                .arg("-n")
                .arg(service)
                .arg("-f")
                .arg(conf);
            cmd
        };
        let ready = |out: &str| out.contains("Accepting HTTP Socket connections");
        let daemon = Daemon::start(&Launch {
            name: "squid",
            work: &work,
            command: &command,
            ready: &ready,
        });
        Squid { daemon, work }
    }

    /// The proxy URL for `[network] proxy`.
    pub fn url(&self) -> String {
        format!("http://{}", self.daemon.addr())
    }

    /// Its log and access log (for assertion messages).
    pub fn log(&self) -> String {
        let access = std::fs::read_to_string(self.work.path("access.log")).unwrap_or_default();
        format!(
            "--- squid output\n{}--- squid access.log\n{access}",
            self.daemon.output()
        )
    }
}

/// squid.conf: listen on 127.0.0.1:`port`, everything in `dir`, no cache, no name lookups,
/// exits at once when told to; then `rules`.
fn config(dir: &std::path::Path, port: u16, rules: &str) -> String {
    let dir = dir.display();
    format!(
        "http_port 127.0.0.1:{port}\n\
         visible_hostname qbfix-test-proxy\n\
         pid_filename {dir}/squid.pid\n\
         cache_log {dir}/cache.log\n\
         access_log stdio:{dir}/access.log\n\
         cache_store_log none\n\
         coredump_dir {dir}\n\
         cache deny all\n\
         cache_mem 4 MB\n\
         pinger_enable off\n\
         shutdown_lifetime 0 seconds\n\
         dns_nameservers 127.0.0.1\n\
         hosts_file none\n\
         acl CONNECT method CONNECT\n\
         {rules}"
    )
}
