//! Reading the Windows registry without privileges, child processes or unsafe code: the
//! `windows-registry` crate (Microsoft's windows-rs family, a safe API over the Win32 registry
//! functions) opens a key read-only and lists its values. What comes out is plain data — each
//! value by name, with its registry type ([`RegValue`]) — so the mappings that give it meaning
//! (the proxy settings in [`super::proxy::parse`]) are pure and tested on every platform; only
//! the reader itself is compiled for Windows alone.

use std::collections::BTreeMap;

/// One registry value, by its registry type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RegValue {
    /// `REG_DWORD`.
    Dword(u32),
    /// `REG_QWORD`.
    Qword(u64),
    /// `REG_SZ`.
    Sz(String),
    /// `REG_EXPAND_SZ`, its `%VARIABLES%` left as written.
    ExpandSz(String),
    /// Any other type (`REG_BINARY`, `REG_MULTI_SZ`, …), or data that does not fit its type:
    /// the value exists, its data is not read.
    Other,
}

/// The values directly under one key, by name.
pub type RegValues = BTreeMap<String, RegValue>;

impl RegValue {
    /// A `REG_DWORD` or `REG_QWORD` as a number.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            RegValue::Dword(n) => Some(u64::from(*n)),
            RegValue::Qword(n) => Some(*n),
            _ => None,
        }
    }

    /// A `REG_SZ` or `REG_EXPAND_SZ` as text.
    pub fn as_text(&self) -> Option<&str> {
        match self {
            RegValue::Sz(s) | RegValue::ExpandSz(s) => Some(s),
            _ => None,
        }
    }
}

/// The part of the registry a key is under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hive {
    /// `HKEY_CURRENT_USER` (`HKCU`): the signed-in person's settings.
    CurrentUser,
    /// `HKEY_LOCAL_MACHINE` (`HKLM`): the computer's settings, readable by everyone.
    LocalMachine,
}

#[cfg(windows)]
pub use reader::{RegistryError, key_exists, values};

/// The reader: Windows only (the crate itself is empty elsewhere).
#[cfg(windows)]
mod reader {
    use windows_registry::{CURRENT_USER, Key, LOCAL_MACHINE, Type, Value};

    use super::{Hive, RegValue, RegValues};

    /// `HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND)` and `(ERROR_PATH_NOT_FOUND)`: no such key.
    const NOT_FOUND: [u32; 2] = [0x8007_0002, 0x8007_0003];

    /// Why a key could not be read, in Windows' own words and code ("Access is denied.
    /// (0x80070005)").
    #[derive(Debug, thiserror::Error)]
    #[error("{0}")]
    pub struct RegistryError(String);

    /// Opens `path` under `hive` for reading; `Ok(None)` when the key does not exist.
    fn open(hive: Hive, path: &str) -> Result<Option<Key>, RegistryError> {
        let root = match hive {
            Hive::CurrentUser => CURRENT_USER,
            Hive::LocalMachine => LOCAL_MACHINE,
        };
        match root.open(path) {
            Ok(key) => Ok(Some(key)),
            // The code's bits, as Windows prints them (0x80070002).
            Err(e) if NOT_FOUND.contains(&e.code().0.cast_unsigned()) => Ok(None),
            Err(e) => Err(RegistryError(e.to_string())),
        }
    }

    /// Whether the key `path` exists under `hive`.
    pub fn key_exists(hive: Hive, path: &str) -> Result<bool, RegistryError> {
        Ok(open(hive, path)?.is_some())
    }

    /// The values directly under `path` in `hive` (subkeys are not read); `Ok(None)` when the
    /// key does not exist.
    pub fn values(hive: Hive, path: &str) -> Result<Option<RegValues>, RegistryError> {
        let Some(key) = open(hive, path)? else {
            return Ok(None);
        };
        let list = key.values().map_err(|e| RegistryError(e.to_string()))?;
        Ok(Some(list.map(|(name, value)| (name, typed(value))).collect()))
    }

    /// A value as plain data; data that does not fit its type is [`RegValue::Other`].
    fn typed(value: Value) -> RegValue {
        let read = match value.ty() {
            Type::U32 => u32::try_from(value).map(RegValue::Dword),
            Type::U64 => u64::try_from(value).map(RegValue::Qword),
            Type::String => String::try_from(value).map(RegValue::Sz),
            Type::ExpandString => String::try_from(value).map(RegValue::ExpandSz),
            _ => return RegValue::Other,
        };
        read.unwrap_or(RegValue::Other)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_texts_by_type() {
        assert_eq!(RegValue::Dword(1).as_u64(), Some(1));
        assert_eq!(
            RegValue::Qword(0x01d8_e3c7_a3d4_4a3c).as_u64(),
            Some(0x01d8_e3c7_a3d4_4a3c)
        );
        assert_eq!(RegValue::Sz("1".into()).as_u64(), None, "text is not a number");
        assert_eq!(RegValue::Other.as_u64(), None);
        assert_eq!(RegValue::Sz("proxy:8080".into()).as_text(), Some("proxy:8080"));
        assert_eq!(
            RegValue::ExpandSz("%USERPROFILE%\\x.pac".into()).as_text(),
            Some("%USERPROFILE%\\x.pac")
        );
        assert_eq!(RegValue::Dword(1).as_text(), None, "a number is not text");
        assert_eq!(RegValue::Other.as_text(), None);
    }
}
