//! Where `report -o FILE` may write (DESIGN.md "Command line"), through the real binary: a
//! target that exists and is not a regular file (FIFO, folder, socket, device, the program's
//! own output) or that lies inside the data dir (after `..` and links are resolved) is refused:
//! exit 2 naming it, nothing touched. A link to a regular file elsewhere is followed and its
//! target written; `-o -` is stdout.
//!
//! No test aims the binary at the machine's `/dev`: as root, a binary without these rules
//! replaced `/dev/null` with a regular file. The device is a link made in the temp dir to the
//! slave side of a pseudo-terminal this test opens: a binary without the rules replaces the
//! link (the atomic rename replaces a link, not what it points to), and even a binary that
//! followed the link could not replace the device, because nothing can create a file in the
//! `devpts` file system (so the temp file the writer starts with is refused there). The literal
//! `-o /dev/stdout` is tried only when not root (then `/dev` is not writable either way); as
//! root a link to it in the temp dir stands in.
#![cfg(unix)]

use std::os::unix::fs::{FileTypeExt, symlink};
use std::path::{Path, PathBuf};

use super::finished_session;
use crate::support::Env;

/// `report -o TARGET`: its exit code and stderr.
fn report_to(env: &Env, target: &Path) -> (Option<i32>, String) {
    let out = env.cmd().args(["report", "-o"]).arg(target).output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Asserts `report -o TARGET` is refused with exit 2, one line naming `named`, and `why`.
fn refused(env: &Env, target: &Path, named: &str, why: &str) {
    let (code, stderr) = report_to(env, target);
    assert_eq!(code, Some(2), "-o {}: {stderr}", target.display());
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains(named), "names {named}: {stderr}");
    assert!(stderr.contains(why), "says {why:?}: {stderr}");
}

fn is_link(p: &Path) -> bool {
    std::fs::symlink_metadata(p).is_ok_and(|m| m.file_type().is_symlink())
}

#[test]
fn targets_that_are_not_regular_files_are_refused_and_left_alone() {
    let env = Env::new();
    finished_session(&env);
    let dir = env.dir();

    let fifo = dir.join("pipe");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    refused(&env, &fifo, "pipe", "named pipe");
    assert!(std::fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());

    let socket = dir.join("sock");
    let _listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
    refused(&env, &socket, "sock", "socket");
    assert!(
        std::fs::symlink_metadata(&socket)
            .unwrap()
            .file_type()
            .is_socket()
    );

    let folder = dir.join("out");
    std::fs::create_dir(&folder).unwrap();
    refused(&env, &folder, "out", "folder");
    assert_eq!(std::fs::read_dir(&folder).unwrap().count(), 0);

    // A character device no run can harm (see the header): a pseudo-terminal's slave side.
    let pty = portable_pty::native_pty_system()
        .openpty(portable_pty::PtySize::default())
        .unwrap();
    let tty = pty.master.tty_name().expect("the pty's device");
    let device = dir.join("terminal");
    symlink(&tty, &device).unwrap();
    refused(&env, &device, "terminal", "device");
    assert!(is_link(&device) && std::fs::read_link(&device).unwrap() == tty);
    assert!(std::fs::metadata(&tty).unwrap().file_type().is_char_device());

    // The program's own output, under its usual name: `-o -` says that.
    let stdout = dir.join("out-link");
    symlink("/dev/stdout", &stdout).unwrap();
    refused(&env, &stdout, "out-link", "-o -");
    assert!(is_link(&stdout));
    // SAFETY of the test: not root, so nothing in /dev could be replaced.
    if !is_root() {
        refused(&env, Path::new("/dev/stdout"), "/dev/stdout", "-o -");
    }
}

fn is_root() -> bool {
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.trim_ascii() == b"0")
}

/// The session file, its lock file, and paths that reach them with `..` or a link.
#[test]
fn nothing_inside_the_data_dir_is_written() {
    let env = Env::new();
    let id = finished_session(&env);
    let sessions = env.data_dir().join("sessions");
    let session = sessions.join(format!("{id}.json"));
    let lock = sessions.join(format!(".{id}.lock"));
    assert!(lock.is_file(), "the wizard left its lock file");
    let before = std::fs::read(&session).unwrap();
    let lock_before = std::fs::read(&lock).unwrap();
    std::fs::create_dir(env.dir().join("elsewhere")).unwrap();
    symlink(env.data_dir(), env.dir().join("data-link")).unwrap();
    symlink(&session, env.dir().join("session-link")).unwrap();

    let inside: Vec<PathBuf> = vec![
        session.clone(),
        lock.clone(),
        env.dir()
            .join("elsewhere/../data/sessions")
            .join(format!("{id}.json")),
        env.dir().join("data-link/sessions").join(format!("{id}.json")),
        env.dir().join("session-link"),
        // A new file is refused too: the data dir is qbfix's own.
        env.data_dir().join("report.md"),
        env.dir().join("data-link/sessions/new.md"),
    ];
    for target in &inside {
        let name = target.file_name().unwrap().to_string_lossy().to_string();
        refused(&env, target, &name, "data dir");
    }
    assert_eq!(
        std::fs::read(&session).unwrap(),
        before,
        "the session is untouched"
    );
    assert_eq!(
        std::fs::read(&lock).unwrap(),
        lock_before,
        "the lock is untouched"
    );
    assert!(!env.data_dir().join("report.md").exists());
    assert!(!sessions.join("new.md").exists());
    assert!(is_link(&env.dir().join("session-link")));
    env.cmd().args(["report", &id]).assert().success();
}

#[test]
fn a_link_to_a_regular_file_elsewhere_is_followed_and_dash_is_stdout() {
    let env = Env::new();
    finished_session(&env);
    let real = env.dir().join("kept").join("report.md");
    std::fs::create_dir(env.dir().join("kept")).unwrap();
    std::fs::write(&real, "old").unwrap();
    let link = env.dir().join("report-link.md");
    symlink(&real, &link).unwrap();
    let (code, stderr) = report_to(&env, &link);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(is_link(&link), "the link stays a link");
    let written = std::fs::read_to_string(&real).unwrap();
    assert!(written.starts_with("# QuickBooks Online 502"), "{written}");

    let out = env.cmd().args(["report", "-o", "-"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("# QuickBooks Online 502"));
    assert!(!env.dir().join("-").exists(), "no file named -");
}
