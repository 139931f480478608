//! Privacy by default: the user's name, home folder and computer name, and private or
//! link-local IP addresses, are replaced in reports and logs wherever they appear (a server's
//! reply can echo them). Each value gets a stable token (`user-1`, `host-1`, `~`, `10.x.x.1`,
//! `fe80::x:1`) so a report stays readable; loopback and public addresses are kept.
//! `--no-redact` keeps everything ([`Redactor::none`]).

use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

/// Which policy a report was made with (the JSON report says it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Redaction {
    /// Names, home folder and private addresses replaced by tokens.
    Redacted,
    /// `--no-redact`: everything as recorded.
    None,
}

/// Replaces the values it knows with tokens, the same token for the same value every time.
#[derive(Debug)]
pub struct Redactor {
    policy: Redaction,
    /// (text, token), longest text first, so a home folder goes before the name inside it.
    words: Vec<(String, String)>,
    ips: Mutex<HashMap<IpAddr, String>>,
}

impl Redactor {
    /// Redacts this computer's user name, home folder and host name, and private addresses.
    pub fn from_system() -> Redactor {
        let users = ["USER", "USERNAME", "LOGNAME"]
            .iter()
            .filter_map(|v| std::env::var(v).ok())
            .collect::<Vec<_>>();
        let home = directories::BaseDirs::new().map(|d| d.home_dir().display().to_string());
        let host = sysinfo::System::host_name().ok();
        Redactor::with(&users, home.as_deref(), host.as_deref())
    }

    /// Redacts the given user names, home folder and host name, and private addresses.
    pub fn with(users: &[String], home: Option<&str>, host: Option<&str>) -> Redactor {
        let mut words: Vec<(String, String)> = Vec::new();
        if let Some(home) = home.filter(|h| h.len() > 1) {
            add_word(&mut words, home, "~");
            add_word(&mut words, &home.replace('\\', "/"), "~");
        }
        let home_user = home.and_then(|h| h.rsplit(['/', '\\']).find(|p| !p.is_empty()));
        let mut n = 0;
        for user in users.iter().map(String::as_str).chain(home_user) {
            let user = user.trim();
            if !words.iter().any(|(w, _)| w == user) && !is_generic(user) {
                n += 1;
                add_word(&mut words, user, &format!("user-{n}"));
            }
        }
        if let Some(host) = host.map(str::trim).filter(|h| !is_generic(h)) {
            add_word(&mut words, host, "host-1");
            if let Some((short, _)) = host.split_once('.').filter(|(s, _)| !is_generic(s)) {
                add_word(&mut words, short, "host-1");
            }
        }
        words.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        Redactor {
            policy: Redaction::Redacted,
            words,
            ips: Mutex::new(HashMap::new()),
        }
    }

    /// Keeps everything (`--no-redact`).
    pub fn none() -> Redactor {
        Redactor {
            policy: Redaction::None,
            words: Vec::new(),
            ips: Mutex::new(HashMap::new()),
        }
    }

    pub fn policy(&self) -> Redaction {
        self.policy
    }

    /// `text` with every known value replaced by its token.
    pub fn text(&self, text: &str) -> String {
        if self.policy == Redaction::None {
            return text.to_string();
        }
        let mut out = text.to_string();
        for (word, token) in &self.words {
            out = replace_word(&out, word, token);
        }
        self.addresses(&out)
    }

    /// Replaces private and link-local IPv4/IPv6 addresses.
    fn addresses(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(start) = rest.find(|c: char| c.is_ascii_hexdigit() || c == ':') {
            let (before, from) = rest.split_at(start);
            out.push_str(before);
            let len = from
                .find(|c: char| !(c.is_ascii_hexdigit() || c == ':' || c == '.'))
                .unwrap_or(from.len());
            let run = &from[..len];
            let glued = before
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_');
            match (!glued).then(|| self.address_token(run)).flatten() {
                Some((used, token)) => {
                    out.push_str(&token);
                    out.push_str(&run[used..]);
                }
                None => out.push_str(run),
            }
            rest = &from[len..];
        }
        out.push_str(rest);
        out
    }

    /// The token for the address at the start of `run`, with how many bytes it covers.
    fn address_token(&self, run: &str) -> Option<(usize, String)> {
        // The longest prefix that parses (an IPv4 address may be followed by ":port" or ".").
        // The longest address is 45 bytes; all of `run` is ASCII.
        let (used, ip) = (2..=run.len().min(45))
            .rev()
            .find_map(|end| run[..end].parse::<IpAddr>().ok().map(|ip| (end, ip)))?;
        // Not the start of something longer that is no address ("10.0.0.1a", "10.1.1.500").
        if run[used..].starts_with(|c: char| c.is_ascii_hexdigit()) {
            return None;
        }
        let prefix = private_prefix(ip)?;
        let mut ips = self.ips.lock().unwrap_or_else(|e| e.into_inner());
        let n = ips.len() + 1;
        let token = ips.entry(ip).or_insert_with(|| format!("{prefix}{n}")).clone();
        Some((used, token))
    }
}

/// The token's start for a private or link-local address, `None` for one to keep.
fn private_prefix(ip: IpAddr) -> Option<&'static str> {
    match ip {
        IpAddr::V4(v4) => v4_prefix(v4),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4_prefix(v4),
            None => v6_prefix(v6),
        },
    }
}

fn v4_prefix(ip: Ipv4Addr) -> Option<&'static str> {
    let [a, b, ..] = ip.octets();
    match (a, b) {
        (10, _) => Some("10.x.x."),
        (172, 16..=31) => Some("172.16.x."),
        (192, 168) => Some("192.168.x."),
        (169, 254) => Some("169.254.x."),
        (100, 64..=127) => Some("100.64.x."),
        _ => None,
    }
}

fn v6_prefix(ip: Ipv6Addr) -> Option<&'static str> {
    let first = ip.segments()[0];
    if first & 0xffc0 == 0xfe80 {
        Some("fe80::x:")
    } else if first & 0xfe00 == 0xfc00 {
        Some("fd00::x:")
    } else {
        None
    }
}

fn add_word(words: &mut Vec<(String, String)>, text: &str, token: &str) {
    let text = text.trim();
    if text.chars().count() >= 2 && !words.iter().any(|(w, _)| w == text) {
        words.push((text.to_string(), token.to_string()));
    }
}

/// Names too common to be personal (and that would wreck ordinary words if replaced).
fn is_generic(name: &str) -> bool {
    let n = name.trim().to_ascii_lowercase();
    n.len() < 2
        || matches!(
            n.as_str(),
            "localhost" | "localhost.localdomain" | "root" | "user" | "admin" | "administrator"
        )
}

/// `text` with each whole-word, ASCII-case-insensitive occurrence of `word` replaced.
fn replace_word(text: &str, word: &str, token: &str) -> String {
    let lower = text.to_ascii_lowercase();
    let needle = word.to_ascii_lowercase();
    let word_char = |c: char| c.is_alphanumeric() || c == '_';
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    let mut from = 0;
    while let Some(found) = lower.get(from..).and_then(|l| l.find(&needle)) {
        let start = from + found;
        let end = start + needle.len();
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        // A word starting or ending with a separator (a path) needs no boundary on that side.
        let open = word.starts_with(|c: char| !word_char(c)) || !before.is_some_and(word_char);
        let close = word.ends_with(|c: char| !word_char(c)) || !after.is_some_and(word_char);
        if open && close {
            out.push_str(&text[last..start]);
            out.push_str(token);
            last = end;
        }
        from = end;
    }
    out.push_str(&text[last..]);
    out
}

#[cfg(test)]
mod tests;
