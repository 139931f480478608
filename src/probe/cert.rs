//! The plain facts of a certificate a person or helpdesk can use — subject, issuer, dates —
//! read with x509-parser from the chain the [`super::trust`] verifier recorded.

use x509_parser::prelude::{FromDer, X509Certificate};
use x509_parser::x509::AttributeTypeAndValue;

/// The facts of one certificate a person or helpdesk can use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertInfo {
    pub subject: String,
    pub issuer_org: Option<String>,
    pub issuer_cn: Option<String>,
    /// Unix seconds.
    pub not_before: i64,
    pub not_after: i64,
    /// It names itself as its issuer (self-signed, or a root).
    pub self_issued: bool,
}

impl CertInfo {
    /// Reads a DER certificate; `None` when it cannot be parsed.
    pub fn parse(der: &[u8]) -> Option<CertInfo> {
        let (_, cert) = X509Certificate::from_der(der).ok()?;
        let subject = first(cert.subject().iter_common_name())
            .or_else(|| first(cert.subject().iter_organization()))
            .unwrap_or_else(|| cert.subject().to_string());
        Some(CertInfo {
            subject,
            issuer_org: first(cert.issuer().iter_organization()),
            issuer_cn: first(cert.issuer().iter_common_name()),
            not_before: cert.validity().not_before.timestamp(),
            not_after: cert.validity().not_after.timestamp(),
            self_issued: cert.subject().as_raw() == cert.issuer().as_raw(),
        })
    }

    /// The issuer's most telling name: its organisation, else its common name.
    pub fn issuer_name(&self) -> String {
        self.issuer_org
            .clone()
            .or_else(|| self.issuer_cn.clone())
            .unwrap_or_else(|| "an unnamed issuer".into())
    }

    /// True when the issuer's organisation or common name contains one of `expected`
    /// (case-insensitive).
    pub fn issuer_expected(&self, expected: &[String]) -> bool {
        let names: Vec<String> = [&self.issuer_org, &self.issuer_cn]
            .into_iter()
            .flatten()
            .map(|n| n.to_lowercase())
            .collect();
        expected.iter().any(|e| {
            let e = e.trim().to_lowercase();
            !e.is_empty() && names.iter().any(|n| n.contains(&e))
        })
    }

    /// Whole days from `now` (Unix seconds) until expiry; negative once expired.
    pub fn days_left(&self, now: i64) -> i64 {
        (self.not_after - now).div_euclid(86_400)
    }
}

/// The first readable value of a name attribute.
fn first<'a>(mut attrs: impl Iterator<Item = &'a AttributeTypeAndValue<'a>>) -> Option<String> {
    attrs.find_map(|a| a.as_str().ok().map(str::to_string))
}

/// `YYYY-MM-DD` of Unix seconds.
pub fn date(secs: i64) -> String {
    jiff::Timestamp::from_second(secs)
        .map(|t| t.strftime("%Y-%m-%d").to_string())
        .unwrap_or_else(|_| secs.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(org: Option<&str>, cn: Option<&str>) -> CertInfo {
        CertInfo {
            subject: "qbo.intuit.com".into(),
            issuer_org: org.map(str::to_string),
            issuer_cn: cn.map(str::to_string),
            not_before: 0,
            not_after: 86_400 * 10,
            self_issued: false,
        }
    }

    #[test]
    fn expected_issuer_matches_org_or_cn_ignoring_case() {
        let expected = vec!["DigiCert".to_string(), "Amazon".to_string()];
        assert!(info(Some("DigiCert Inc"), None).issuer_expected(&expected));
        assert!(info(None, Some("amazon RSA 2048 M02")).issuer_expected(&expected));
        assert!(!info(Some("Avast Web/Mail Shield"), Some("Avast root")).issuer_expected(&expected));
        assert!(!info(None, None).issuer_expected(&expected));
        assert!(!info(Some("x"), None).issuer_expected(&["  ".to_string()]));
    }

    #[test]
    fn days_left_counts_whole_days() {
        assert_eq!(info(None, None).days_left(0), 10);
        assert_eq!(info(None, None).days_left(86_400 * 11), -1);
        assert_eq!(date(0), "1970-01-01");
    }
}
