//! Running `qbfix.exe` under Wine with a fixed argv and a clean environment, in the test's temp
//! dir (Wine maps it to drive Z:, so Unix paths in arguments and config files resolve).

use std::ffi::{OsStr, OsString};
use std::fs::File;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use crate::support::run::Run;
use crate::support::{Setup, UNSET, World};

/// Liveness bound of one run (Wine starts slowly; the runs themselves take seconds).
const DEADLINE: Duration = Duration::from_secs(180);

/// The checks' timeouts (and the "slow" bound) under Wine: long enough that a slow, loaded
/// machine never turns a loopback answer (or a refusal) into a timeout or a slow connection.
/// A run that passes takes no longer for it.
const PATIENT_MS: u64 = 20_000;

/// Writes `setup` as the config file, with [`PATIENT_MS`] bounds.
pub fn write_config(world: &World, setup: &Setup) -> PathBuf {
    world.write_config(&Setup {
        timeout_ms: PATIENT_MS,
        dns_timeout_ms: PATIENT_MS,
        slow_ms: PATIENT_MS,
        ..setup.clone()
    })
}

/// One run of the Wine loader: its output, and the signal that ended it, if one did.
struct Ended {
    run: Run,
    signal: Option<i32>,
}

/// The signal that ended a process, where there are signals (the Wine tests run on Linux; the
/// Windows lint build compiles them too).
#[cfg(unix)]
fn signal_of(status: &std::process::ExitStatus) -> Option<i32> {
    use std::os::unix::process::ExitStatusExt;
    status.signal()
}

#[cfg(not(unix))]
fn signal_of(_: &std::process::ExitStatus) -> Option<i32> {
    None
}

/// Every `report --format` value the Windows build is asked for.
pub const REPORT_FORMATS: &[&str] = &["md", "json", "html"];

/// The Wine loader and the Windows build, from the environment `.ci/release.sh` sets.
pub struct Wine {
    pub loader: PathBuf,
    exe: PathBuf,
    /// A prefix of the test's own instead of the shared `WINEPREFIX`.
    prefix: Option<PathBuf>,
}

impl Wine {
    pub fn new() -> Wine {
        let exe = std::env::var_os("QBFIX_WINE_EXE")
            .map(PathBuf::from)
            .expect("QBFIX_WINE_EXE names qbfix.exe: run these tests through .ci/release.sh");
        assert!(exe.is_file(), "{} is not a file", exe.display());
        assert!(
            std::env::var_os("WINEPREFIX").is_some(),
            "WINEPREFIX must name a booted prefix (not the user's ~/.wine)"
        );
        let loader = std::env::var_os("QBFIX_WINE").map_or_else(|| PathBuf::from("wine"), PathBuf::from);
        Wine {
            loader,
            exe,
            prefix: None,
        }
    }

    /// The same, running in a prefix of the test's own.
    pub fn in_prefix(self, prefix: PathBuf) -> Wine {
        Wine {
            prefix: Some(prefix),
            ..self
        }
    }

    /// `qbfix.exe --data-dir <tmp>/data ARGS…` with `stdin`; waits for the exit. Output goes
    /// to files, not pipes: Wine's helper processes (services.exe, …) inherit the handles of
    /// whichever run starts them and outlive it, so a pipe would never reach its end.
    ///
    /// The Wine loader itself killed by a signal (seen once on CI after qbfix.exe had written
    /// its whole output: a crash in Wine's teardown, not an exit code of qbfix's) is said on
    /// stderr and the run made once more; a second one fails the test, naming the signal.
    pub fn run<S: AsRef<OsStr>>(&self, world: &World, args: &[S], stdin: &[u8]) -> Run {
        let first = self.run_once(world, args, stdin);
        let Some(signal) = first.signal else {
            return first.run;
        };
        eprintln!(
            "the Wine loader was killed by signal {signal} (qbfix.exe's stderr: {:?}); running once more",
            first.run.stderr
        );
        let again = self.run_once(world, args, stdin);
        if let Some(signal) = again.signal {
            panic!(
                "the Wine loader was killed by signal {signal} twice:\n{}",
                again.run.dump()
            );
        }
        again.run
    }

    fn run_once<S: AsRef<OsStr>>(&self, world: &World, args: &[S], stdin: &[u8]) -> Ended {
        static RUNS: AtomicUsize = AtomicUsize::new(0);
        let n = RUNS.fetch_add(1, Ordering::Relaxed);
        let out_path = world.dir.path().join(format!("wine-{n}.out"));
        let err_path = world.dir.path().join(format!("wine-{n}.err"));
        let data = world.dir.path().join("data");
        let mut cmd = Command::new(&self.loader);
        cmd.arg(&self.exe).arg("--data-dir").arg(&data).args(args);
        for var in UNSET {
            cmd.env_remove(var);
        }
        cmd.env("NO_PROXY", "*")
            .env("no_proxy", "*")
            .env("NO_COLOR", "1")
            .env("WINEDEBUG", "-all")
            .current_dir(world.dir.path())
            .stdin(Stdio::piped())
            .stdout(File::create(&out_path).expect("stdout file"))
            .stderr(File::create(&err_path).expect("stderr file"));
        if let Some(prefix) = &self.prefix {
            cmd.env("WINEPREFIX", prefix);
        }
        let start = Instant::now();
        let mut child = cmd.spawn().expect("starting Wine");
        let mut input = child.stdin.take().expect("stdin is piped");
        input.write_all(stdin).expect("writing stdin");
        drop(input);
        let status = loop {
            if let Some(status) = child.try_wait().expect("waiting for Wine") {
                break status;
            }
            if start.elapsed() > DEADLINE {
                let _ = child.kill();
                panic!(
                    "qbfix.exe did not exit in {DEADLINE:?}; stdout so far:\n{}",
                    std::fs::read_to_string(&out_path).unwrap_or_default()
                );
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        let read = |p: &PathBuf| String::from_utf8_lossy(&std::fs::read(p).unwrap_or_default()).into_owned();
        Ended {
            signal: signal_of(&status),
            run: Run {
                code: status.code(),
                stdout: read(&out_path),
                stderr: read(&err_path),
                report: serde_json::Value::Null,
                elapsed: start.elapsed(),
            },
        }
    }

    /// `check --json` with `setup` written as the config.
    pub fn check(&self, world: &World, setup: &Setup) -> Run {
        self.check_only(world, setup, &[])
    }

    /// `check --json --only ID…` with `setup` written as the config.
    pub fn check_only(&self, world: &World, setup: &Setup, only: &[&str]) -> Run {
        let config: OsString = write_config(world, setup).into();
        let mut args: Vec<OsString> = vec!["--config".into(), config, "check".into(), "--json".into()];
        for id in only {
            args.push("--only".into());
            args.push((*id).into());
        }
        let mut run = self.run(world, &args, b"");
        run.report = serde_json::from_str(&run.stdout)
            .unwrap_or_else(|e| panic!("stdout is not one JSON object ({e}):\n{}", run.dump()));
        run
    }
}
