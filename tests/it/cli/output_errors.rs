//! Output that cannot be written (DESIGN.md "Exit codes"), through the real binary, for every
//! command that prints: a reader that closed the pipe ends the command quietly with the exit
//! code it would have had; any other write error is one line on stderr and exit 2; never a
//! panic (exit 101).
//!
//! No timing luck: the closed pipe is made here and its read end dropped before the child
//! starts, so the child's first write fails, every time. The full disk is `/dev/full` (every
//! write to it fails with "no space left on device"; writing to it harms nothing), skipped
//! where there is none.

use std::path::Path;
use std::process::{Output, Stdio};

use qbfix::evidence::VerdictId;

use crate::support::Env;

/// A command line and the exit code it ends with when its output is read.
struct Case {
    args: Vec<String>,
    code: i32,
}

fn case(args: &[&str], code: i32) -> Case {
    Case {
        args: args.iter().map(|a| a.to_string()).collect(),
        code,
    }
}

/// Every command that prints, each with the code it ends with here: the computer is offline,
/// so `check` finds a problem (1) and the others succeed (0).
fn cases() -> Vec<Case> {
    let code = qbfix::evidence::result_code::encode(Some(VerdictId::Offline), &[]);
    let flow = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/flows/qbo-502.toml");
    vec![
        case(&["import", "--code", &code], 0),
        case(&["sessions"], 0),
        case(&["report"], 0),
        case(&["report", "--format", "json"], 0),
        case(&["completions", "bash"], 0),
        case(&["flow", "validate", flow.to_str().unwrap()], 0),
        case(&["man"], 0),
        case(&["check", "--only", "connectivity"], 1),
    ]
}

fn run(env: &Env, case: &Case, stdout: Stdio) -> Output {
    let mut cmd = env.std_cmd();
    cmd.args(&case.args)
        .stdin(Stdio::null())
        .stdout(stdout)
        .stderr(Stdio::piped());
    cmd.output().unwrap()
}

/// A pipe whose reader is gone before anyone writes to it.
fn closed_pipe() -> Stdio {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    Stdio::from(writer)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn a_closed_pipe_ends_each_command_quietly_with_its_own_exit_code() {
    let env = Env::offline();
    let mut wrong = Vec::new();
    for case in cases() {
        let read = run(&env, &case, Stdio::piped());
        let shown = case.args.join(" ");
        assert_eq!(
            read.status.code(),
            Some(case.code),
            "{shown}: {}",
            text(&read.stderr)
        );
        assert!(!read.stdout.is_empty(), "{shown} prints something");
        let closed = run(&env, &case, closed_pipe());
        if closed.status.code() != Some(case.code) || closed.stderr != read.stderr {
            wrong.push(format!(
                "{shown}: exit {:?} (not {}), stderr {:?}",
                closed.status.code(),
                case.code,
                text(&closed.stderr).lines().take(2).collect::<Vec<_>>()
            ));
        }
    }
    assert!(wrong.is_empty(), "into a closed pipe:\n{}", wrong.join("\n"));
    // `import` kept the customer's results although nobody read what it printed.
    assert_eq!(env.sessions().len(), 2, "each import saved its session");
}

#[cfg(unix)]
#[test]
fn a_full_disk_is_one_line_and_exit_2_for_each_command() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        eprintln!("skipped: this system has no /dev/full");
        return;
    };
    let env = Env::offline();
    let mut wrong = Vec::new();
    for case in cases() {
        let out = run(&env, &case, Stdio::from(full.try_clone().unwrap()));
        let stderr = text(&out.stderr);
        let rust = ["panicked", "os error", "Os {", "Kind("]
            .iter()
            .any(|r| stderr.contains(r));
        if out.status.code() != Some(2)
            || stderr.lines().count() != 1
            || !stderr.starts_with("qbfix: cannot write the output: the disk is full")
            || rust
        {
            wrong.push(format!(
                "{}: exit {:?}, stderr {:?}",
                case.args.join(" "),
                out.status.code(),
                stderr.lines().take(2).collect::<Vec<_>>()
            ));
        }
    }
    assert!(wrong.is_empty(), "into /dev/full:\n{}", wrong.join("\n"));
}
