//! Issue 16, item 8: start-up and `sessions` with many saved sessions (not a test: nothing
//! here asserts a time). The real binary against loopback stand-ins for every target
//! (`tests/it/support`), in a data dir holding none or 10,000 planted sessions (walked
//! sessions of about 8 KB, a third of them unfinished, as a busy helpdesk collects in two
//! years). Each measure is the median wall time of 5 runs:
//! - `qbfix sessions`, the whole command;
//! - `qbfix --plain` answering `q` at step 1 (start, step 1 printed, quit);
//! - the TUI in a pty, from spawning the process to the first frame showing step 1;
//! - with 10,000 sessions and the store's index deleted first: `qbfix sessions` rebuilding it.
//!
//! Run with `cargo bench --bench store` (the binary of the same profile is the one measured).

#[cfg(unix)]
#[path = "../tests/it/support/mod.rs"]
#[allow(dead_code, unused_imports)]
mod support;

#[cfg(unix)]
fn main() {
    use std::path::Path;
    use std::sync::Arc;
    use std::time::{Duration, Instant};

    use jiff::Timestamp;
    use qbfix::evidence::{CheckResult, Status};
    use qbfix::session::{Session, SystemFacts};
    use qbfix::wizard::{Msg, Wizard};
    use support::Env;
    use support::pty::Tui;

    const RUNS: usize = 5;
    const MANY: usize = 10_000;

    /// Three sessions as the wizard leaves them: at step 3, finished, at step 2.
    fn templates() -> Vec<serde_json::Value> {
        let flow = Arc::new(qbfix::flow::default_flow().unwrap_or_else(|e| panic!("{e}")));
        let at = Timestamp::from_second(1_750_000_000).unwrap_or(Timestamp::UNIX_EPOCH);
        [2, 9, 1]
            .into_iter()
            .map(|answers| {
                let session = Session::new("x".into(), &flow.id, at, SystemFacts::current());
                let (mut w, _) = Wizard::new(flow.clone(), session);
                let results = [
                    "dns",
                    "tcp",
                    "tls",
                    "http",
                    "status_page",
                    "clock",
                    "proxy",
                    "system",
                ]
                .iter()
                .flat_map(|id| {
                    (0..3).map(move |i| {
                        CheckResult::new(
                            id,
                            Status::Pass,
                            format!("host{i}.example answered 200 OK in 41 ms"),
                        )
                        .with("status_code", 200)
                        .with("elapsed_ms", 41)
                    })
                })
                .collect();
                support::feed::check_run(&mut w, at, results, at, 900);
                for _ in 0..answers {
                    w.update(Msg::Pick { n: 2, at });
                }
                serde_json::to_value(w.session()).unwrap_or_else(|e| panic!("{e}"))
            })
            .collect()
    }

    /// Writes `n` sessions into `data_dir`'s sessions folder, a minute apart.
    fn plant(data_dir: &Path, n: usize) {
        let dir = data_dir.join("sessions");
        std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
        let templates = templates();
        for i in 0..n {
            let at = Timestamp::from_second(1_700_000_000 + 60 * i as i64).unwrap_or(Timestamp::UNIX_EPOCH);
            let id = qbfix::session::new_id(at);
            let mut v = templates[i % templates.len()].clone();
            v["id"] = id.clone().into();
            v["started_at"] = at.to_string().into();
            let bytes = serde_json::to_vec_pretty(&v).unwrap_or_else(|e| panic!("{e}"));
            std::fs::write(dir.join(format!("{id}.json")), bytes).unwrap_or_else(|e| panic!("{e}"));
        }
    }

    fn median(mut times: Vec<Duration>) -> String {
        times.sort();
        format!("{} ms", times[(times.len() - 1) / 2].as_millis())
    }

    fn sessions(env: &Env) -> Duration {
        let start = Instant::now();
        let out = env
            .cmd()
            .arg("sessions")
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        let took = start.elapsed();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        took
    }

    fn plain_start(env: &Env) -> Duration {
        let start = Instant::now();
        let out = env
            .cmd()
            .arg("--plain")
            .write_stdin("q\n")
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        let took = start.elapsed();
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("Step 1 of 10"),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        took
    }

    fn first_frame(env: &Arc<Env>) -> Duration {
        let start = Instant::now();
        let mut tui = Tui::start_sized(env.clone(), &[], &[], (support::pty::ROWS, support::pty::COLS));
        tui.wait_for("Step 1 of 10");
        let took = start.elapsed();
        // Ctrl-C: leave at once; wait for it, so no run overlaps the next.
        tui.keys("\u{3}");
        tui.wait_exit();
        took
    }

    let row = |name: &str, runs: Vec<Duration>| println!("| {name} | {} |", median(runs));
    let index_of = |env: &Env| env.data_dir().join("sessions.index");
    println!("| with N saved sessions | median of {RUNS} |");
    println!("|---|---|");
    for n in [0, MANY] {
        let env = Arc::new(Env::new());
        plant(&env.data_dir(), n);
        // One run first, as a person's earlier runs would have: it builds the index.
        sessions(&env);
        row(
            &format!("`qbfix sessions`, N = {n}"),
            (0..RUNS).map(|_| sessions(&env)).collect(),
        );
        row(
            &format!("`qbfix --plain`, `q` at step 1, N = {n}"),
            (0..RUNS).map(|_| plain_start(&env)).collect(),
        );
        row(
            &format!("TUI: spawn to first frame, N = {n}"),
            (0..RUNS).map(|_| first_frame(&env)).collect(),
        );
        if n > 0 {
            let rebuild = (0..RUNS)
                .map(|_| {
                    let _ = std::fs::remove_file(index_of(&env));
                    sessions(&env)
                })
                .collect();
            row(
                &format!("`qbfix sessions`, N = {n}, index deleted first"),
                rebuild,
            );
        }
    }
}

#[cfg(not(unix))]
fn main() {}
