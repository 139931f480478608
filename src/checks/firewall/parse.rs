//! Pure readers of firewall and security-software state: ufw's config file, `firewall-cmd
//! --state`, macOS `socketfilterfw --getglobalstate`, Windows `netsh advfirewall` and the
//! Security Center product list. Unknown or translated text gives `Unknown`, never a guess.

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

/// `netsh advfirewall show allprofiles state`: each profile ("Domain", "Private", "Public")
/// and its state.
pub fn netsh_profiles(stdout: &str) -> Vec<(String, State)> {
    let mut out = Vec::new();
    let mut profile: Option<String> = None;
    for line in stdout.lines().map(str::trim) {
        if let Some(name) = line.strip_suffix(" Profile Settings:") {
            profile = Some(name.to_string());
        } else if let Some(value) = line.strip_prefix("State")
            && let Some(name) = profile.take()
        {
            let state = match value.trim().to_ascii_uppercase().as_str() {
                "ON" => State::On,
                "OFF" => State::Off,
                _ => State::Unknown,
            };
            out.push((name, state));
        }
    }
    out
}

/// Lines `Class|displayName|productState` from the Security Center query (classes
/// `AntiVirusProduct` and `FirewallProduct`). `productState` bit 0x1000 means enabled, bit
/// 0x10 means out-of-date definitions.
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
                Ok(bits) => (
                    if bits & 0x1000 != 0 { State::On } else { State::Off },
                    (kind == "antivirus" && bits & 0x10 != 0).then(|| "definitions out of date".to_string()),
                ),
                Err(_) => (State::Unknown, None),
            };
            Some(Product {
                name: name.to_string(),
                kind,
                state,
                note,
            })
        })
        .collect()
}

#[cfg(test)]
#[path = "parse_tests.rs"]
mod tests;
