//! Security products that inspect HTTPS, known by the default names of their certificate
//! authority (`assets/security_products.toml`, embedded and read once): which product issued
//! a certificate ([`product_for_issuer`]), and where its HTTPS scanning is set, in words that
//! stay hedged when the data file could not confirm them ([`Product::setting_words`]).
//!
//! Matching, as the data file's header says: the issuer's common name contains one of an
//! entry's `cn` patterns, or its organisation equals one of its `org` names, ignoring case;
//! the first entry that matches wins.

use std::sync::OnceLock;

use serde::Deserialize;

/// The data file, compiled into the binary.
const PRODUCTS_TOML: &str = include_str!("../../assets/security_products.toml");

/// Who can change what the product does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Security software on this computer: the person can change its settings.
    Antivirus,
    /// A company firewall or cloud proxy: only whoever runs the network can.
    Office,
}

/// One product of the data file.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Product {
    pub id: String,
    /// What the words call it ("Avast Web Shield"): the `product` fact of a tls result.
    pub name: String,
    pub kind: Kind,
    /// Substrings of the issuer's common name.
    #[serde(default)]
    pub cn: Vec<String>,
    /// The issuer's organisation, whole.
    #[serde(default)]
    pub org: Vec<String>,
    /// Where its HTTPS scanning is set, in plain words.
    pub setting: String,
    /// The issuer names were seen on a real certificate (see `source`).
    pub confirmed: bool,
    /// Where the setting lives was found in a source.
    pub setting_confirmed: bool,
    /// Where each claim comes from, or what was looked for and not found.
    pub source: String,
}

impl Product {
    /// True when this issuer (organisation, common name) is this product's.
    pub fn matches(&self, org: Option<&str>, cn: Option<&str>) -> bool {
        let cn = cn.map(str::to_lowercase).unwrap_or_default();
        let org = org.map(|o| o.trim().to_lowercase()).unwrap_or_default();
        let cn_hit = !cn.is_empty() && self.cn.iter().any(|p| cn.contains(&p.to_lowercase()));
        let org_hit = !org.is_empty() && self.org.iter().any(|o| o.trim().to_lowercase() == org);
        cn_hit || org_hit
    }

    /// Where its HTTPS scanning is set, said as surely as the sources allow: an unconfirmed
    /// place is "probably" there.
    pub fn setting_words(&self) -> String {
        if self.setting_confirmed {
            self.setting.clone()
        } else {
            format!("probably {}", self.setting)
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DataFile {
    product: Vec<Product>,
}

/// Every product of the data file, in its order (empty only if the file were broken, which a
/// test rules out).
pub fn all() -> &'static [Product] {
    static PRODUCTS: OnceLock<Vec<Product>> = OnceLock::new();
    PRODUCTS.get_or_init(|| {
        toml::from_str::<DataFile>(PRODUCTS_TOML)
            .map(|d| d.product)
            .unwrap_or_default()
    })
}

/// The product whose certificate authority has this organisation or common name, if any.
pub fn product_for_issuer(org: Option<&str>, cn: Option<&str>) -> Option<Product> {
    all().iter().find(|p| p.matches(org, cn)).cloned()
}

/// The product of this name (what the `product` fact carries), for the words.
pub fn named(name: &str) -> Option<Product> {
    all().iter().find(|p| p.name == name).cloned()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The public authorities of `expected_issuers`' default, as their certificates name them.
    const PUBLIC: [(&str, &str); 6] = [
        ("DigiCert Inc", "DigiCert Global G2 TLS RSA SHA256 2020 CA1"),
        ("Amazon", "Amazon RSA 2048 M02"),
        ("Let's Encrypt", "R11"),
        (
            "Sectigo Limited",
            "Sectigo RSA Domain Validation Secure Server CA",
        ),
        ("Google Trust Services", "WR2"),
        ("Internet Security Research Group", "ISRG Root X1"),
    ];

    #[test]
    fn the_data_file_reads_and_every_entry_says_where_it_comes_from() {
        let products = all();
        assert!(products.len() >= 13, "{products:#?}");
        for p in products {
            assert!(!p.source.trim().is_empty(), "{}: no source", p.id);
            if p.confirmed || p.setting_confirmed {
                assert!(p.source.contains("https://"), "{}: a claim without a URL", p.id);
            }
            if !(p.confirmed && p.setting_confirmed) {
                assert!(
                    p.source.contains("unconfirmed"),
                    "{}: says what is unconfirmed",
                    p.id
                );
            }
            assert!(!p.cn.is_empty() || !p.org.is_empty(), "{}: no names", p.id);
            assert!(!p.setting.trim().is_empty(), "{}: no setting", p.id);
        }
        let mut ids: Vec<&str> = products.iter().map(|p| p.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), products.len(), "ids are unique");
    }

    #[test]
    fn every_product_the_issue_names_is_there() {
        for id in [
            "avast",
            "avg",
            "kaspersky",
            "eset",
            "bitdefender",
            "norton",
            "mcafee",
            "trend_micro",
            "fortinet",
            "palo_alto",
            "sophos",
            "zscaler",
            "netskope",
        ] {
            assert!(all().iter().any(|p| p.id == id), "{id} is missing");
        }
    }

    #[test]
    fn no_pattern_matches_a_public_certificate_authority() {
        for (org, cn) in PUBLIC {
            assert_eq!(product_for_issuer(Some(org), Some(cn)), None, "{org} / {cn}");
        }
        for p in all() {
            for pattern in p.cn.iter().chain(&p.org) {
                assert!(pattern.trim().len() >= 5, "{}: '{pattern}' is too short", p.id);
            }
        }
    }

    #[test]
    fn avasts_issuer_is_avast() {
        let avast = |org: Option<&str>, cn: Option<&str>| product_for_issuer(org, cn).map(|p| p.id);
        let root = Some("Avast Web/Mail Shield Root");
        assert_eq!(
            avast(Some("Avast Web/Mail Shield"), root).as_deref(),
            Some("avast")
        );
        // As the issue saw it: the company as organisation, the shield as common name.
        assert_eq!(
            avast(Some("AVAST Software s.r.o."), root).as_deref(),
            Some("avast")
        );
        assert_eq!(
            avast(None, Some("avast! Web/Mail Shield Root")).as_deref(),
            Some("avast")
        );
        assert_eq!(
            avast(Some("avast web/mail shield"), None).as_deref(),
            Some("avast")
        );
        assert_eq!(
            avast(None, Some("Avast Web/Mail Shield Self-signed Root")).as_deref(),
            Some("avast")
        );
    }

    #[test]
    fn other_products_by_their_names() {
        let id = |org: Option<&str>, cn: Option<&str>| product_for_issuer(org, cn).map(|p| p.id);
        let cases = [
            (
                Some("AO Kaspersky Lab"),
                Some("Kaspersky Web Anti-Virus Certification Authority"),
                "kaspersky",
            ),
            (
                Some("Norton Web/Mail Shield"),
                Some("Norton Web/Mail Shield Root"),
                "norton",
            ),
            (Some("Zscaler Inc."), Some("Zscaler Root CA"), "zscaler"),
            (Some("Fortinet"), Some("FGT60F0000000000"), "fortinet"),
            (Some(" fortinet "), None, "fortinet"),
        ];
        for (org, cn, want) in cases {
            assert_eq!(id(org, cn).as_deref(), Some(want), "{org:?} / {cn:?}");
        }
    }

    #[test]
    fn an_unknown_issuer_is_no_product() {
        assert_eq!(
            product_for_issuer(Some("Contoso Proxy Inspection"), Some("Contoso Root")),
            None
        );
        assert_eq!(product_for_issuer(None, None), None);
        assert_eq!(product_for_issuer(Some(""), Some("")), None);
        // An organisation is matched whole: a longer name that merely contains one is not it.
        assert_eq!(product_for_issuer(Some("Fortinet Reseller GmbH"), None), None);
        assert_eq!(product_for_issuer(Some("Reset Networks"), Some("Reset CA")), None);
    }

    #[test]
    fn unconfirmed_places_are_said_as_probable() {
        let avast = named("Avast Web Shield").unwrap();
        assert!(avast.setting_confirmed);
        assert!(!avast.setting_words().starts_with("probably"));
        let mcafee = product_for_issuer(None, Some("McAfee Web Gateway")).unwrap();
        assert!(!mcafee.setting_confirmed);
        assert!(
            mcafee.setting_words().starts_with("probably "),
            "{}",
            mcafee.setting_words()
        );
        assert_eq!(named("no such product"), None);
    }
}
