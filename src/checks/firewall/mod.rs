//! `firewall`: which firewall and security software is present and whether it is on, read
//! without privileges and without changing anything. A firewall being on is not a problem (it
//! passes, named, so the user knows what to look at); what cannot be read is skipped, never an
//! error.

pub mod os;
pub mod parse;

use std::sync::Arc;
use std::time::Instant;

use serde_json::{Value, json};

use super::{CheckResult, Context, Status};
use crate::machine::process;
use os::Reading;
use parse::State;

pub const ID: &str = "firewall";

pub async fn run(ctx: Arc<Context>) -> Vec<CheckResult> {
    if let Some(skip) = super::host_probes_off(ID) {
        return skip;
    }
    let started = Instant::now();
    let budget = ctx.config.network.timeout;
    let reading = tokio::time::timeout(budget, os::read(budget.min(process::MAX_TIMEOUT)))
        .await
        .unwrap_or_else(|_| Reading {
            not_readable: vec!["the firewall state took too long to read".into()],
            ..Reading::default()
        });
    vec![judge(&reading).with_duration(started.elapsed())]
}

/// The result for one reading of the firewall state.
pub fn judge(r: &Reading) -> CheckResult {
    let names = |state: Option<State>| -> Vec<&str> {
        r.products
            .iter()
            .filter(|p| state.is_none_or(|s| p.state == s))
            .map(|p| p.name.as_str())
            .collect()
    };
    let on = names(Some(State::On));
    let (status, summary) = if !on.is_empty() {
        let all_firewalls = r
            .products
            .iter()
            .filter(|p| p.state == State::On)
            .all(|p| p.kind == "firewall");
        let subject = if all_firewalls {
            "Firewall"
        } else {
            "Security software"
        };
        let verb = if on.len() == 1 {
            "is active (it can"
        } else {
            "are active (they can"
        };
        (
            Status::Pass,
            format!("{subject}: {} {verb} block QuickBooks if set to)", and_list(&on)),
        )
    } else if !r.products.is_empty() {
        let all = names(None);
        if r.products.iter().all(|p| p.state == State::Off) {
            (
                Status::Pass,
                format!("Firewall: {} is installed but turned off", and_list(&all)),
            )
        } else {
            (
                Status::Pass,
                format!(
                    "Firewall: found {}, but couldn't tell whether it is on",
                    and_list(&all)
                ),
            )
        }
    } else if !r.not_readable.is_empty() {
        (
            Status::Skip,
            "Couldn't read the firewall settings without administrator rights".to_string(),
        )
    } else {
        (Status::Pass, "No firewall or security software found".to_string())
    };
    let products: Vec<Value> = r
        .products
        .iter()
        .map(|p| json!({ "name": p.name, "kind": p.kind, "state": p.state.as_str(), "note": p.note }))
        .collect();
    CheckResult::new(ID, status, summary)
        .with("products", Value::Array(products))
        .with("not_readable", r.not_readable.clone())
        .with("limits", r.limits.clone())
}

/// "A", "A and B", "A, B and C".
fn and_list(names: &[&str]) -> String {
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        Some((last, _)) => last.to_string(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use std::fs;

    use super::*;
    use parse::Product;

    #[test]
    fn reads_linux_config_files_under_a_root() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        assert_eq!(
            judge(&os::linux_files(root)).summary,
            "No firewall or security software found"
        );
        fs::create_dir_all(root.join("etc/ufw")).unwrap();
        fs::write(
            root.join("etc/ufw/ufw.conf"),
            "# ufw\nENABLED=yes\nLOGLEVEL=low\n",
        )
        .unwrap();
        fs::create_dir_all(root.join("etc/firewalld")).unwrap();
        let reading = os::linux_files(root);
        assert_eq!(reading.products[0], Product::firewall("ufw", State::On));
        assert_eq!(reading.products[1], Product::firewall("firewalld", State::Off));
        let r = judge(&reading);
        assert_eq!(r.status, Status::Pass);
        assert_eq!(
            r.summary,
            "Firewall: ufw is active (it can block QuickBooks if set to)"
        );
        assert_eq!(r.details["products"][1]["state"], "off");
    }

    #[test]
    fn several_products_and_antivirus_are_named() {
        let mut av = Product::firewall("Windows Defender", State::On);
        av.kind = "antivirus";
        let reading = Reading {
            products: vec![Product::firewall("Windows Defender Firewall", State::On), av],
            ..Reading::default()
        };
        assert_eq!(
            judge(&reading).summary,
            "Security software: Windows Defender Firewall and Windows Defender are active \
             (they can block QuickBooks if set to)"
        );
    }

    #[test]
    fn off_unknown_and_unreadable() {
        let off = Reading {
            products: vec![Product::firewall("ufw", State::Off)],
            ..Reading::default()
        };
        assert_eq!(judge(&off).summary, "Firewall: ufw is installed but turned off");
        let unknown = Reading {
            products: vec![Product::firewall("macOS firewall", State::Unknown)],
            ..Reading::default()
        };
        assert!(judge(&unknown).summary.contains("couldn't tell"));
        let unreadable = Reading {
            not_readable: vec!["ufw settings: permission denied".into()],
            ..Reading::default()
        };
        let r = judge(&unreadable);
        assert_eq!(r.status, Status::Skip);
        assert!(r.summary.contains("administrator"));
    }
}
