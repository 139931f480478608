//! The double-click experience on Windows: a `qbfix.exe` started from Explorer gets a console
//! window of its own that closes the moment the program ends, taking the result with it. So
//! when qbfix was not started from a shell, it ends with "Press Enter to close". The decision
//! is a pure function of a few process facts (tested with fake ones); the facts come from
//! `sysinfo` (the parent process's name), without `unsafe`.

use std::io::{BufRead, IsTerminal, Write};

/// How this process was launched: what the decision looks at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Launch {
    /// Running on Windows (elsewhere a terminal window never belongs to the program alone).
    pub windows: bool,
    /// Standard input and output are the console (not a pipe or a file).
    pub interactive: bool,
    /// The parent process's executable name (`explorer.exe`), if it could be read.
    pub parent: Option<String>,
}

/// Command shells and terminals that keep their window open after qbfix ends.
const SHELLS: &[&str] = &[
    "cmd.exe",
    "powershell.exe",
    "pwsh.exe",
    "bash.exe",
    "sh.exe",
    "zsh.exe",
    "fish.exe",
    "nu.exe",
    "wsl.exe",
    "tcc.exe",
    "far.exe",
    "conemuc64.exe",
    "conemuc.exe",
    "windowsterminal.exe",
    "openconsole.exe",
    "alacritty.exe",
    "wezterm-gui.exe",
    "mintty.exe",
];

/// Whether to end with "Press Enter to close": on Windows, at a console, when the parent is
/// not a shell (Explorer, a browser's "open file", a shortcut) or is already gone.
pub fn should_hold(launch: &Launch) -> bool {
    if !launch.windows || !launch.interactive {
        return false;
    }
    match &launch.parent {
        Some(name) => {
            let name = name.to_ascii_lowercase();
            let name = name.rsplit(['\\', '/']).next().unwrap_or(&name);
            !SHELLS.contains(&name)
        }
        None => true,
    }
}

/// How this process was launched.
pub fn current_launch() -> Launch {
    let interactive = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
    let windows = cfg!(windows);
    // Only worth asking the OS when the answer could matter.
    let parent = if windows && interactive {
        parent_name()
    } else {
        None
    };
    Launch {
        windows,
        interactive,
        parent,
    }
}

/// The executable name of the parent process, if it is still running and readable.
fn parent_name() -> Option<String> {
    use sysinfo::{ProcessRefreshKind, ProcessesToUpdate, System};

    let me = sysinfo::get_current_pid().ok()?;
    let mut sys = System::new().ok()?;
    sys.refresh_processes_specifics(
        ProcessesToUpdate::Some(&[me]),
        false,
        ProcessRefreshKind::nothing(),
    );
    let parent = sys.process(me)?.parent()?;
    sys.refresh_processes_specifics(
        ProcessesToUpdate::Some(&[parent]),
        false,
        ProcessRefreshKind::nothing(),
    );
    Some(sys.process(parent)?.name().to_string_lossy().into_owned())
}

/// The last words before the window closes.
pub const PROMPT: &str = "Press Enter to close";

/// Prints [`PROMPT`] and waits for one line (or the end of input).
pub fn hold(mut out: impl Write, mut input: impl BufRead) -> std::io::Result<()> {
    writeln!(out)?;
    write!(out, "{PROMPT}")?;
    out.flush()?;
    let mut line = Vec::new();
    // One line at most, and no more than a screenful of it.
    std::io::Read::take(&mut input, 4096).read_until(b'\n', &mut line)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn launch(windows: bool, interactive: bool, parent: Option<&str>) -> Launch {
        Launch {
            windows,
            interactive,
            parent: parent.map(str::to_string),
        }
    }

    #[test]
    fn double_clicked_from_explorer_holds_the_window() {
        assert!(should_hold(&launch(true, true, Some("explorer.exe"))));
        assert!(should_hold(&launch(true, true, Some("Explorer.EXE"))));
        assert!(
            should_hold(&launch(true, true, Some("msedge.exe"))),
            "opened from a download"
        );
        assert!(should_hold(&launch(true, true, None)), "the launcher is gone");
    }

    #[test]
    fn started_from_a_shell_ends_at_once() {
        for shell in [
            "cmd.exe",
            "powershell.exe",
            "pwsh.exe",
            "PowerShell.exe",
            "bash.exe",
        ] {
            assert!(!should_hold(&launch(true, true, Some(shell))), "{shell}");
        }
        assert!(!should_hold(&launch(
            true,
            true,
            Some(r"C:\Windows\System32\cmd.exe")
        )));
    }

    #[test]
    fn pipes_and_other_systems_never_wait() {
        assert!(
            !should_hold(&launch(true, false, Some("explorer.exe"))),
            "stdin is a pipe"
        );
        assert!(!should_hold(&launch(false, true, Some("launchd"))), "macOS");
        assert!(!should_hold(&launch(false, true, None)), "Linux");
    }

    #[test]
    fn hold_prints_the_prompt_and_reads_one_line() {
        let mut out = Vec::new();
        let mut input = std::io::Cursor::new(b"\r\nmore\n".to_vec());
        hold(&mut out, &mut input).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "\nPress Enter to close");
        assert_eq!(input.position(), 2, "only the first line is read");
    }
}
