//! URLs as they may be shown: never with a user name or password. A configured URL such as
//! `http://alice:s3cret@host/` is used as written for the request, and shown everywhere else
//! (details, summaries, `check --json`, sessions, reports, error messages) as
//! `http://***@host/`.

use std::fmt;

use url::Url;

/// A URL with its credentials (if any) replaced by `***`.
pub fn redact_url(url: &Url) -> String {
    if url.username().is_empty() && url.password().is_none() {
        return url.to_string();
    }
    let mut shown = url.clone();
    // Only URLs without a host ("cannot-be-a-base") refuse these, and they carry no credentials.
    let _ = shown.set_password(None);
    let _ = shown.set_username("***");
    shown.to_string()
}

/// Redacts any URL-looking word of `text` that carries credentials (for messages that quote a
/// value the user wrote, such as a config error).
pub fn redact_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("://") {
        let after = &rest[at + 3..];
        let end_auth = after
            .find(|c: char| matches!(c, '/' | '?' | '#') || c.is_whitespace() || c == '"' || c == '\'')
            .unwrap_or(after.len());
        let authority = &after[..end_auth];
        out.push_str(&rest[..at + 3]);
        match authority.rfind('@') {
            Some(i) => {
                out.push_str("***@");
                out.push_str(&authority[i + 1..]);
            }
            None => out.push_str(authority),
        }
        rest = &after[end_auth..];
    }
    out.push_str(rest);
    out
}

/// A URL that displays redacted; the request still uses [`DisplayUrl::url`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DisplayUrl<'a>(pub &'a Url);

impl fmt::Display for DisplayUrl<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&redact_url(self.0))
    }
}

impl DisplayUrl<'_> {
    pub fn url(&self) -> &Url {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_never_show() {
        let u = Url::parse("http://alice:s3cret@127.0.0.1:8080/x?y=1").unwrap();
        assert_eq!(redact_url(&u), "http://***@127.0.0.1:8080/x?y=1");
        assert_eq!(DisplayUrl(&u).to_string(), "http://***@127.0.0.1:8080/x?y=1");
        let only_user = Url::parse("https://bob@qbo.invalid/").unwrap();
        assert_eq!(redact_url(&only_user), "https://***@qbo.invalid/");
        let plain = Url::parse("https://qbo.intuit.com/").unwrap();
        assert_eq!(redact_url(&plain), "https://qbo.intuit.com/");
    }

    #[test]
    fn text_quoting_a_url_is_redacted() {
        let t = "targets.bank: \"http://alice:s3cret@bank.invalid/x\" is not a URL";
        let r = redact_text(t);
        assert!(!r.contains("s3cret") && !r.contains("alice"), "{r}");
        assert!(r.contains("http://***@bank.invalid/x"), "{r}");
        assert_eq!(redact_text("no url here"), "no url here");
        assert_eq!(redact_text("a http://h:1/p b"), "a http://h:1/p b");
        assert_eq!(redact_text("x://a:b@c"), "x://***@c");
    }
}
