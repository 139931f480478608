//! Pure readers of firewall and security-software state: ufw's config file, `firewall-cmd
//! --state`, macOS `socketfilterfw --getglobalstate`, Windows `netsh advfirewall` (in several display
//! languages) and the Security Center product list. Text they cannot read gives `Unknown`,
//! never a guess.

/// Whether a product is protecting this computer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    On,
    Off,
    Unknown,
}

impl State {
    pub fn as_str(self) -> &'static str {
        match self {
            State::On => "on",
            State::Off => "off",
            State::Unknown => "unknown",
        }
    }
}

/// One firewall or security product found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Product {
    pub name: String,
    /// `firewall` or `antivirus`.
    pub kind: &'static str,
    pub state: State,
    /// Anything else worth knowing, in words ("definitions out of date").
    pub note: Option<String>,
}

impl Product {
    pub fn firewall(name: &str, state: State) -> Self {
        Product {
            name: name.to_string(),
            kind: "firewall",
            state,
            note: None,
        }
    }
}

/// `ENABLED=yes|no` of `/etc/ufw/ufw.conf`.
pub fn ufw_conf(text: &str) -> State {
    let value = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.starts_with('#'))
        .find_map(|l| l.strip_prefix("ENABLED="));
    match value.map(|v| v.trim().trim_matches(['"', '\'']).to_ascii_lowercase()) {
        Some(v) if v == "yes" => State::On,
        Some(v) if v == "no" => State::Off,
        _ => State::Unknown,
    }
}

/// `firewall-cmd --state`: `running` or `not running`.
pub fn firewalld_state(stdout: &str) -> State {
    match stdout.trim() {
        "running" => State::On,
        "not running" => State::Off,
        _ => State::Unknown,
    }
}

/// `socketfilterfw --getglobalstate`: "Firewall is enabled. (State = 1)"; 1 and 2 (block all)
/// are on, 0 is off.
pub fn socketfilterfw(stdout: &str) -> State {
    let number = stdout
        .split_once("State =")
        .and_then(|(_, rest)| rest.trim().trim_end_matches([')', '.']).trim().parse::<u8>().ok());
    match number {
        Some(0) => State::Off,
        Some(_) => State::On,
        None if stdout.contains("is enabled") || stdout.contains("is blocking") => State::On,
        None if stdout.contains("is disabled") => State::Off,
        None => State::Unknown,
    }
}

/// `netsh advfirewall show allprofiles [state]`, in any display language: each profile and its
/// state. A profile is a header line followed by a line of dashes; its first row is the state
/// ("State ON", "Status EIN", "État Actif"…). netsh always lists Domain, Private and Public in
/// that order, so translated headers are named by position. A state word not in [`ON_WORDS`] /
/// [`OFF_WORDS`] is `Unknown`, never guessed. Empty when the text has no profile at all.
pub fn netsh_profiles(stdout: &str) -> Vec<(String, State)> {
    const NAMES: [&str; 3] = ["Domain", "Private", "Public"];
    let lines: Vec<&str> = stdout.lines().map(str::trim).collect();
    let mut out = Vec::new();
    for pair in lines.windows(3) {
        let [header, rule, row] = [pair[0], pair[1], pair[2]];
        let is_rule = rule.len() >= 10 && rule.chars().all(|c| c == '-');
        if !is_rule || !header.ends_with(':') || row.is_empty() {
            continue;
        }
        let english = header.strip_suffix(" Profile Settings:").map(str::to_string);
        let name = english.unwrap_or_else(|| {
            NAMES
                .get(out.len())
                .map_or_else(|| format!("profile {}", out.len() + 1), |n| n.to_string())
        });
        let word = row.rsplit(char::is_whitespace).next().unwrap_or("");
        out.push((name, state_word(word)));
    }
    out
}

/// Words netsh prints for a profile that is on, by display language (English, German, French,
/// Spanish), upper-cased.
pub const ON_WORDS: &[&str] = &["ON", "EIN", "ACTIF", "ACTIVADO"];
/// Words for a profile that is off, as [`ON_WORDS`].
pub const OFF_WORDS: &[&str] = &["OFF", "AUS", "INACTIF", "DESACTIVADO"];

fn state_word(word: &str) -> State {
    let word = word.to_uppercase();
    if ON_WORDS.contains(&word.as_str()) {
        State::On
    } else if OFF_WORDS.contains(&word.as_str()) {
        State::Off
    } else {
        State::Unknown
    }
}

/// Windows Defender Firewall as `netsh advfirewall show allprofiles` describes it: on when any
/// profile is on (naming the profiles that are off), off when all are, and `Unknown` with a
/// note in words when the answer cannot be read.
pub fn windows_firewall(netsh_stdout: &str) -> Product {
    let profiles = netsh_profiles(netsh_stdout);
    let state = if profiles.iter().any(|(_, s)| *s == State::On) {
        State::On
    } else if !profiles.is_empty() && profiles.iter().all(|(_, s)| *s == State::Off) {
        State::Off
    } else {
        State::Unknown
    };
    let mut p = Product::firewall("Windows Defender Firewall", state);
    let off: Vec<&str> = profiles
        .iter()
        .filter(|(_, s)| *s == State::Off)
        .map(|(n, _)| n.as_str())
        .collect();
    p.note = if profiles.is_empty() {
        Some("netsh answered in a form qbfix cannot read".to_string())
    } else if state == State::Unknown {
        Some("netsh named a state qbfix does not know".to_string())
    } else if state == State::On && !off.is_empty() {
        Some(format!("off for the {} profile(s)", off.join(", ")))
    } else {
        None
    };
    p
}

/// What `productState` of a Security Center product says: bits 0xF000 are the scanner
/// (0x0000 off, 0x1000 on, 0x2000 snoozed, 0x3000 expired), bit 0x10 out-of-date definitions.
pub fn product_state(bits: u32) -> (State, Option<&'static str>) {
    let definitions = (bits & 0xF0 == 0x10).then_some("definitions out of date");
    match bits & 0xF000 {
        0x0000 => (State::Off, None),
        0x1000 => (State::On, definitions),
        0x2000 => (State::Off, Some("paused (snoozed)")),
        0x3000 => (State::Off, Some("subscription expired")),
        _ => (State::Unknown, Some("its state code is not one qbfix knows")),
    }
}

/// Lines `Class|displayName|productState` from the Security Center query (classes
/// `AntiVirusProduct` and `FirewallProduct`), decoded by [`product_state`]; definitions are
/// reported for antivirus products only.
pub fn security_center(stdout: &str) -> Vec<Product> {
    stdout
        .lines()
        .filter_map(|line| {
            let (class, rest) = line.trim().split_once('|')?;
            let (name, state) = rest.rsplit_once('|')?;
            let kind = match class {
                "AntiVirusProduct" => "antivirus",
                "FirewallProduct" => "firewall",
                _ => return None,
            };
            let name = name.trim();
            if name.is_empty() {
                return None;
            }
            let (state, note) = match state.trim().parse::<u32>() {
                Ok(bits) => {
                    let (state, note) = product_state(bits);
                    let note = note.filter(|n| kind == "antivirus" || *n != "definitions out of date");
                    (state, note)
                }
                Err(_) => (State::Unknown, Some("its state could not be read")),
            };
            Some(Product {
                name: name.to_string(),
                kind,
                state,
                note: note.map(str::to_string),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests;
