//! Rules 4 and 5 of the architecture test, which read names rather than arrows: the terminal crates
//! appear only in the drivers and the edge, and `evidence`/`text` name neither tokio, `std::fs` nor
//! sockets (address types such as `SocketAddr` are fine).

use super::lexer::{Scan, Tok};
use super::{Floor, Rule, place};

const TERMINAL: &[&str] = &[
    "ratatui",
    "ratatui_textarea",
    "crossterm",
    "terminput",
    "terminput_crossterm",
];
const SOCKETS: &[&str] = &["TcpStream", "TcpListener", "UdpSocket", "ToSocketAddrs"];

/// Rules 4 and 5: terminal crates only in the drivers and the edge; `evidence` and `text` stay pure.
pub fn crates_and_io(rel: &str, top: &str, scan: &Scan, put: &mut impl FnMut(&str, usize, Rule, String)) {
    let terminal_ok = matches!(place(top), Some((Floor::Edge | Floor::Drivers, _)));
    for p in scan
        .paths
        .iter()
        .filter(|p| !terminal_ok && TERMINAL.contains(&p.segs[0].as_str()))
    {
        let what = format!(
            "`{}` in {top}: terminal crates belong to the drivers and the edge",
            p.segs.join("::")
        );
        put(rel, p.line, Rule::Terminal, what);
    }
    if !matches!(top, "evidence" | "text") {
        return;
    }
    let why = "evidence and text stay pure: no tokio, no std::fs, no sockets";
    let fs_imported = scan.paths.iter().any(|p| p.in_use && p.segs == ["std", "fs"]);
    for p in &scan.paths {
        let bad = match p.segs.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
            ["std", "fs", ..] => true,
            ["fs", _, ..] => fs_imported && !p.in_use,
            _ => false,
        };
        if bad {
            put(
                rel,
                p.line,
                Rule::PureCore,
                format!("`{}`: {why}", p.segs.join("::")),
            );
        }
    }
    for t in &scan.tokens {
        if let Tok::Ident(name) = &t.tok
            && (name == "tokio" || SOCKETS.contains(&name.as_str()))
        {
            put(rel, t.line, Rule::PureCore, format!("`{name}`: {why}"));
        }
    }
}
