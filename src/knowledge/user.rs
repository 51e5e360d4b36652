//! The knowledge a user adds without rebuilding: `*.toml` vendor files in
//! `<config dir>/errlens/knowledge/` and in `--knowledge DIR`, loaded after the bundled ones. A user
//! file about a bundled vendor (same vendor id) replaces it; a broken file is named with its line
//! and column, and the rest still loads.

use super::{Base, Knowledge};
use std::path::PathBuf;
use std::sync::OnceLock;

static INSTALLED: OnceLock<(Knowledge, Vec<String>)> = OnceLock::new();

/// Loads the bundled knowledge and the user's files, `extra_dirs` included; returns the problems
/// found, or `None` when knowledge was already loaded. Call it before anything classifies.
pub fn configure(extra_dirs: &[PathBuf]) -> Option<&'static [String]> {
    let mut fresh = false;
    let (_, problems) = INSTALLED.get_or_init(|| {
        fresh = true;
        load(&dirs(extra_dirs))
    });
    fresh.then_some(problems.as_slice())
}

impl Knowledge {
    /// The bundled knowledge with the user's files (loaded on first use).
    pub fn installed() -> &'static Knowledge {
        &INSTALLED.get_or_init(|| load(&dirs(&[]))).0
    }
}

fn dirs(extra_dirs: &[PathBuf]) -> Vec<PathBuf> {
    let config = crate::user_files::config_dir().map(|dir| dir.join("knowledge"));
    config.into_iter().chain(extra_dirs.iter().cloned()).collect()
}

/// The bundled files, then each folder's `*.toml` in name order.
pub fn load(dirs: &[PathBuf]) -> (Knowledge, Vec<String>) {
    let mut knowledge = Knowledge::bundled();
    let mut problems = Vec::new();
    for path in crate::user_files::toml_files(dirs) {
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(error) => {
                problems.push(format!("{}: cannot read it: {error}", path.display()));
                continue;
            }
        };
        match toml::from_str::<Base>(&text) {
            Ok(base) => add(&mut knowledge, base),
            Err(error) => {
                let at = error.span().map_or(0, |span| span.start);
                let (line, column) = crate::user_files::line_and_column(&text, at);
                problems.push(format!("{}:{line}:{column}: {}", path.display(), error.message()));
            }
        }
    }
    (knowledge, problems)
}

/// A vendor file replaces the vendor of the same id, or comes before the bundled ones (a user's
/// vendor is more specific); a generic file adds its kinds and statuses to the generic advice;
/// either tunes the audit's practices, rules and thresholds.
fn add(knowledge: &mut Knowledge, base: Base) {
    // The user's tables are read last, so they win over every bundled file.
    base.tune(&mut knowledge.practices);
    match &base.vendor {
        Some(vendor) => {
            match knowledge.vendors.iter().position(|known| known.vendor.as_ref().is_some_and(|v| v.id == vendor.id)) {
                Some(at) => knowledge.vendors[at] = base,
                None => knowledge.vendors.insert(0, base),
            }
        }
        None => {
            knowledge.generic.kinds.extend(base.kinds);
            knowledge.generic.statuses.extend(base.statuses);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ACME: &str = r#"
[vendor]
id = "acme"
name = "ACME API"
support_email = "support@acme.example"
hosts = ["api.acme.example"]

[[kind]]
id = "acme_quota"
status = 429
title = "ACME quota used up"
meaning = "The plan's monthly quota is used up."
fix = ["Upgrade the plan."]
retry = "after_fix"
"#;

    /// A user's file changes the one threshold and the one rule's fields it names, and keeps the rest.
    #[test]
    fn a_users_file_tunes_a_rule_and_a_threshold() {
        let dir = tempfile::tempdir().expect("tempdir");
        let tuning = "[audit]\nstorm_attempts = 5\n\n[[rule]]\nid = \"retry_storm\"\nseverity = \"low\"\n";
        std::fs::write(dir.path().join("tuning.toml"), tuning).expect("write");
        let (knowledge, problems) = load(&[dir.path().to_path_buf()]);
        assert!(problems.is_empty(), "{problems:?}");
        let (bundled, tuned) = (&Knowledge::bundled().practices, &knowledge.practices);
        assert_eq!((bundled.storm_attempts, tuned.storm_attempts), (10, 5));
        assert_eq!(tuned.storm_window_ms, bundled.storm_window_ms);
        let storm = tuned.rule("retry_storm").expect("rule");
        assert_eq!(storm.severity, crate::knowledge::Severity::Low);
        assert_eq!(storm.advice, bundled.rule("retry_storm").expect("rule").advice);
        assert_eq!(tuned.practices, bundled.practices);
    }

    #[test]
    fn a_users_vendor_is_added_and_a_broken_file_named() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("acme.toml"), ACME).expect("write");
        std::fs::write(dir.path().join("broken.toml"), "[vendor]\nid = 3\n").expect("write");
        let (knowledge, problems) = load(&[dir.path().to_path_buf()]);
        assert_eq!(knowledge.vendor(0).map(|v| v.id.as_str()), Some("acme"));
        assert_eq!(knowledge.vendors.len(), Knowledge::bundled().vendors.len() + 1);
        assert_eq!(problems.len(), 1);
        assert!(problems[0].contains("broken.toml:2:6:"), "{problems:?}");
    }
}
