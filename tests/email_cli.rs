//! `errlens email` and `errlens redact` on the bundled samples: complete emails that leak none of
//! the secrets the generator planted, and redacted logs that read as the same calls.

mod common;

use common::{manifest, planted};
use serde_json::Value;
use std::collections::BTreeMap;

const ACCOUNT: &str = "ops@acme-shop.example";

/// The planted values found in `text`.
fn leaks<'a>(text: &str, planted: &'a [String]) -> Vec<&'a str> {
    planted.iter().map(String::as_str).filter(|value| text.contains(value)).collect()
}

#[test]
fn an_email_for_every_group_in_the_samples_is_complete_and_leaks_nothing() {
    let samples = common::root().join("sample-logs");
    let (summary, _) = common::summary(&[&samples]);
    let planted = planted();
    let groups = summary["groups"].as_array().expect("groups");
    assert_eq!(groups.len(), 20);
    for group in groups {
        let kind = group["kind"].as_str().expect("kind");
        let output =
            common::errlens(&["email", "--group", kind, "--account-email", ACCOUNT, &samples.display().to_string()]);
        assert_eq!(output.status.code(), Some(0), "{kind}: {}", String::from_utf8_lossy(&output.stderr));
        let message = String::from_utf8(output.stdout).expect("UTF-8");
        assert!(
            message.starts_with(&format!("From: {ACCOUNT}\r\nTo: hello@my-virtual-office.com\r\nSubject: [API] ")),
            "{kind}:\n{message}"
        );
        assert!(message.contains(group["title"].as_str().expect("title")), "{kind}");
        let endpoint = group["endpoints"][0]["endpoint"].as_str().expect("endpoint");
        assert!(message.contains(endpoint), "{kind}: no {endpoint}");
        for item in [
            "1. Endpoint",
            "2. Request body (sensitive data removed)",
            "3. Full error response",
            &format!("4. Account email\r\n   {ACCOUNT}"),
        ] {
            assert!(message.contains(item), "{kind}: no {item:?}\n{message}");
        }
        let status = group["status"].as_u64().expect("status");
        if status != 0 {
            assert!(message.contains(&format!("HTTP {status}")), "{kind}: the error response");
        }
        assert_eq!(leaks(&message, &planted), Vec::<&str>::new(), "{kind} leaks:\n{message}");
    }
}

#[test]
fn unknown_groups_and_bad_record_numbers_are_refused_with_a_reason() {
    let samples = common::root().join("sample-logs/worker.log");
    let unknown = common::errlens(&["email", "--group", "teapot", &samples.display().to_string()]);
    assert_eq!(unknown.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&unknown.stderr);
    assert!(stderr.contains("\"teapot\"") && stderr.contains("duplicate_email"), "{stderr}");

    let range =
        common::errlens(&["email", "--group", "duplicate_email", "--record", "99", &samples.display().to_string()]);
    assert_eq!(range.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&range.stderr).contains("--record must be between 1 and 3"));
}

fn kinds(summary: &Value) -> BTreeMap<String, u64> {
    summary["groups"]
        .as_array()
        .expect("groups")
        .iter()
        .map(|g| (g["kind"].as_str().unwrap_or_default().to_string(), g["count"].as_u64().unwrap_or(0)))
        .collect()
}

#[test]
fn a_redacted_log_keeps_its_format_calls_and_kinds_and_loses_its_secrets() {
    let dir = tempfile::tempdir().expect("tempdir");
    let planted = planted();
    let manifest = manifest();
    for name in manifest["files"].as_object().expect("files").keys() {
        let original = common::root().join("sample-logs").join(name);
        let output = common::errlens(&["redact", "--account-email", ACCOUNT, &original.display().to_string()]);
        assert_eq!(output.status.code(), Some(0), "{name}");
        let redacted_text = String::from_utf8(output.stdout).expect("UTF-8");
        assert_eq!(leaks(&redacted_text, &planted), Vec::<&str>::new(), "{name} leaks");
        let copy = dir.path().join(name.trim_end_matches(".gz"));
        std::fs::write(&copy, &redacted_text).expect("write");

        let (before, _) = common::summary(&[&original]);
        let (after, code) = common::summary(&[&copy]);
        assert_eq!(code, 0, "{name}");
        assert_eq!(after["inputs"][0]["format"], before["inputs"][0]["format"], "{name}");
        assert_eq!(after["records"], before["records"], "{name}");
        assert_eq!(after["inputs"][0]["skipped"], before["inputs"][0]["skipped"], "{name}");
        assert_eq!(after["by_status"], before["by_status"], "{name}");
        assert_eq!(kinds(&after), kinds(&before), "{name}");
    }
}
