//! Real-shaped Internet Settings keys for the tests, as (name, type, value): the values a
//! fresh Windows 10 profile holds under
//! `HKCU\Software\Microsoft\Windows\CurrentVersion\Internet Settings`, and the ones the
//! proxy dialog adds (a manual proxy, a setup script, a proxy left behind but switched off).

use crate::machine::registry::{RegValue, RegValues};

/// A value's registry type and data, as Registry Editor lists them.
pub enum Typed {
    Dword(u32),
    Qword(u64),
    Sz(&'static str),
    /// `REG_BINARY` (qbfix reads no binary value, so the bytes are left out).
    Binary,
}

use Typed::{Binary, Dword, Qword, Sz};

/// One key's values: (name, type and value).
pub type Key = &'static [(&'static str, Typed)];

/// What every profile has, proxy or not (`ProxyEnable` 0: no proxy).
const BASE: Key = &[
    ("DisableCachingOfSSLPages", Dword(0)),
    ("IE5_UA_Backup_Flag", Sz("5.0")),
    ("PrivacyAdvanced", Dword(1)),
    ("SecureProtocols", Dword(0xa80)),
    ("User Agent", Sz("Mozilla/4.0 (compatible; MSIE 8.0; Win32)")),
    ("CertificateRevocation", Dword(1)),
    ("ZonesSecurityUpgrade", Binary),
    ("WarnonZoneCrossing", Dword(0)),
    ("EnableNegotiate", Dword(1)),
    ("MigrateProxy", Dword(1)),
    ("ProxyEnable", Dword(0)),
    ("ActiveXCache", Sz("C:\\Windows\\Downloaded Program Files")),
    ("CodeBaseSearchPath", Sz("CODEBASE")),
    ("EnableHttp1_1", Dword(1)),
    ("EnablePunycode", Dword(1)),
    ("UrlEncoding", Dword(0)),
    ("ProxyHttp1.1", Dword(1)),
    ("LockDatabase", Qword(0x01d8_e3c7_a3d4_4a3c)),
];

/// "Use a proxy server" ticked, one address for everything, local addresses bypassed.
pub const PROXY: Key = &[
    ("ProxyEnable", Dword(1)),
    ("ProxyServer", Sz("proxy.contoso.example:8080")),
    ("ProxyOverride", Sz("*.contoso.example;<local>")),
];

/// "Use setup script" on, no proxy server.
pub const PAC: Key = &[
    ("AutoConfigURL", Sz("http://wpad.contoso.example/wpad.dat")),
    ("AutoDetect", Dword(0)),
];

/// A proxy per protocol, left behind when "Use a proxy server" was unticked.
pub const STALE: Key = &[(
    "ProxyServer",
    Sz("http=old-proxy.example:3128;https=old-proxy.example:3128;ftp=old-proxy.example:3128"),
)];

/// The base profile with `changes` on top (a later value replaces one of the same name).
pub fn profile(changes: &[Key]) -> RegValues {
    std::iter::once(BASE)
        .chain(changes.iter().copied())
        .flat_map(|key| key.iter())
        .map(|(name, typed)| (name.to_string(), value(typed)))
        .collect()
}

fn value(typed: &Typed) -> RegValue {
    match typed {
        Dword(n) => RegValue::Dword(*n),
        Qword(n) => RegValue::Qword(*n),
        Sz(s) => RegValue::Sz(s.to_string()),
        Binary => RegValue::Other,
    }
}
