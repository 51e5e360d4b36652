//! `errlens summary` on the bundled samples and on real logs from other projects, with exact counts.

mod common;

use common::manifest;
use serde_json::{Value, json};
use std::collections::BTreeMap;

fn kinds_of(summary: &Value) -> BTreeMap<String, u64> {
    summary["groups"]
        .as_array()
        .expect("groups")
        .iter()
        .map(|group| (group["kind"].as_str().expect("kind").to_string(), group["count"].as_u64().expect("count")))
        .collect()
}

/// The generator names Envoy's text log `envoy`; errlens reads it as `text`.
fn errlens_format(generated: &str) -> &str {
    if generated == "envoy" { "text" } else { generated }
}

#[test]
fn every_sample_file_gives_the_generators_counts_and_kinds() {
    let manifest = manifest();
    let files = manifest["files"].as_object().expect("files");
    assert_eq!(files.len(), 10);
    for (name, expected) in files {
        let path = common::root().join("sample-logs").join(name);
        let (summary, code) = common::summary(&[&path]);
        assert_eq!(code, 0, "{name}");
        let input = &summary["inputs"][0];
        assert_eq!(input["format"], errlens_format(expected["format"].as_str().unwrap_or_default()), "{name}");
        assert_eq!(input["gzip"], json!(name.ends_with(".gz")), "{name}");
        assert_eq!(input["records"], expected["records"], "{name}");
        assert_eq!(input["skipped"], expected["skipped"], "{name}");
        let skipped_lines: Vec<&Value> =
            input["skipped_examples"].as_array().expect("examples").iter().map(|e| &e["line"]).collect();
        let expected_lines: Vec<&Value> =
            expected["skipped_lines"].as_array().expect("lines").iter().map(|e| &e["line"]).collect();
        assert_eq!(skipped_lines, expected_lines, "{name}");
        assert_eq!(summary["by_status"], expected["by_status"], "{name}");
        let expected_kinds: BTreeMap<String, u64> =
            serde_json::from_value(expected["by_kind"].clone()).expect("by_kind");
        assert_eq!(kinds_of(&summary), expected_kinds, "{name}");
        let records = expected["records"].as_u64().unwrap_or_default();
        let failing: u64 = expected_kinds.values().sum();
        assert_eq!((summary["records"].as_u64(), summary["errors"].as_u64()), (Some(records), Some(failing)), "{name}");
    }
}

#[test]
fn the_whole_folder_summarizes_together() {
    let (summary, code) = common::summary(&[&common::root().join("sample-logs")]);
    assert_eq!(code, 0);
    assert_eq!(summary["inputs"].as_array().map(Vec::len), Some(10));
    let manifest = manifest();
    let records: u64 =
        manifest["files"].as_object().expect("files").values().map(|f| f["records"].as_u64().unwrap_or(0)).sum();
    assert_eq!(summary["records"].as_u64(), Some(records));
    let groups = summary["groups"].as_array().expect("groups");
    let counts: Vec<u64> = groups.iter().map(|g| g["count"].as_u64().unwrap_or(0)).collect();
    assert!(counts.windows(2).all(|pair| pair[0] >= pair[1]), "most frequent first: {counts:?}");
    let duplicate = groups.iter().find(|g| g["kind"] == "duplicate_email").expect("duplicate_email group");
    assert_eq!(duplicate["status"], 409);
    assert_eq!(duplicate["retryable"], false);
    assert_eq!(duplicate["endpoints"][0]["endpoint"], "POST /api/customers");
    assert!(duplicate["solution"].as_str().is_some_and(|s| s.contains("PATCH")));
    assert!(duplicate["first_seen"].as_str().is_some_and(|t| t.starts_with("2026-11-20T") && t.ends_with('Z')));
    // Message variants never carry the customers' emails.
    for message in duplicate["messages"].as_array().expect("messages") {
        assert!(!message["message"].as_str().unwrap_or_default().contains("@example"), "{message}");
    }
}

#[test]
fn a_broken_input_is_reported_and_the_others_still_summarized() {
    let dir = tempfile::tempdir().expect("tempdir");
    let broken = dir.path().join("cut.har");
    std::fs::write(&broken, "{\"log\": {\"version\": \"1.2\", \"entries\": [\n {\"request\": {").expect("write");
    let good = common::root().join("sample-logs/worker.log");
    let output =
        common::errlens(&["summary", "--format", "json", &broken.display().to_string(), &good.display().to_string()]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("cut.har:2:"), "{stderr}");
    let summary: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert!(summary["inputs"][0]["error"].as_str().is_some_and(|e| e.contains("cut.har")));
    assert_eq!(summary["inputs"][0]["format"], Value::Null);
    assert_eq!(summary["inputs"][1]["records"], 70);
}

#[test]
fn input_format_overrides_detection_and_text_output_is_a_table() {
    let path = common::root().join("sample-logs/app.ndjson");
    let output = common::errlens(&["summary", "--input-format", "text", &path.display().to_string()]);
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("text") && text.contains("duplicate_email"), "{text}");
    let bad = common::errlens(&["summary", "--input-format", "yaml", &path.display().to_string()]);
    assert_eq!(bad.status.code(), Some(2), "clap rejects an unknown format");
}

struct RealLog {
    name: &'static str,
    format: &'static str,
    records: u64,
    skipped: &'static [u64],
    by_status: &'static [(&'static str, u64)],
    kinds: &'static [(&'static str, u64)],
}

const REAL_LOGS: &[RealLog] = &[
    RealLog {
        name: "problem-json.har",
        format: "har",
        records: 5,
        skipped: &[],
        by_status: &[("200", 4), ("400", 1)],
        kinds: &[("bad_request", 1)],
    },
    RealLog {
        name: "mitmproxy-no-response.har",
        format: "har",
        records: 2,
        skipped: &[],
        by_status: &[("0", 1), ("405", 1)],
        kinds: &[("http_405", 1), ("no_response", 1)],
    },
    RealLog {
        name: "traefik-access.ndjson",
        format: "ndjson",
        records: 7,
        skipped: &[],
        by_status: &[("200", 3), ("304", 1), ("404", 3)],
        kinds: &[("not_found", 3)],
    },
    RealLog {
        name: "istio-access.ndjson",
        format: "ndjson",
        records: 3,
        skipped: &[],
        by_status: &[("200", 2), ("400", 1)],
        kinds: &[("bad_request", 1)],
    },
    RealLog {
        name: "istio-access-failed.log",
        format: "text",
        records: 8,
        skipped: &[],
        by_status: &[("0", 1), ("400", 1), ("404", 2), ("418", 1), ("503", 3)],
        kinds: &[("bad_request", 1), ("http_418", 1), ("no_response", 1), ("not_found", 2), ("service_unavailable", 3)],
    },
    RealLog {
        name: "envoy-mixed-text.log",
        format: "text",
        records: 5,
        skipped: &[1, 7],
        by_status: &[("200", 2), ("301", 1), ("404", 1), ("501", 1)],
        kinds: &[("http_501", 1), ("not_found", 1)],
    },
];

#[test]
fn real_logs_from_other_projects() {
    let Some(dir) = common::real_logs() else { return };
    for expected in REAL_LOGS {
        let (summary, code) = common::summary(&[&dir.join(expected.name)]);
        assert_eq!(code, 0, "{}", expected.name);
        let input = &summary["inputs"][0];
        assert_eq!(input["format"], expected.format, "{}", expected.name);
        assert_eq!(input["records"], expected.records, "{}", expected.name);
        let lines: Vec<u64> =
            input["skipped_examples"].as_array().expect("examples").iter().filter_map(|e| e["line"].as_u64()).collect();
        assert_eq!(lines, expected.skipped, "{}", expected.name);
        let by_status: BTreeMap<String, u64> = expected.by_status.iter().map(|(s, n)| (s.to_string(), *n)).collect();
        assert_eq!(summary["by_status"], json!(by_status), "{}", expected.name);
        let kinds: BTreeMap<String, u64> = expected.kinds.iter().map(|(k, n)| (k.to_string(), *n)).collect();
        assert_eq!(kinds_of(&summary), kinds, "{}", expected.name);
    }
}

#[test]
fn the_chrome_har_with_every_status() {
    let Some(dir) = common::real_logs() else { return };
    let (summary, code) = common::summary(&[&dir.join("all-statuses-chrome.har")]);
    assert_eq!(code, 0);
    assert_eq!(summary["records"], 665);
    assert_eq!(summary["inputs"][0]["skipped"], 0);
    let by_status = summary["by_status"].as_object().expect("by_status");
    assert_eq!(by_status.len(), 61);
    assert_eq!(
        (by_status["0"].as_u64(), by_status["200"].as_u64(), by_status["304"].as_u64(), by_status["401"].as_u64()),
        (Some(11), Some(20), Some(13), Some(13))
    );
    assert_eq!((by_status["502"].as_u64(), by_status["504"].as_u64()), (Some(1), Some(1)));
    let failing: u64 = by_status
        .iter()
        .filter(|(s, _)| s.as_str() == "0" || s.as_str() >= "400")
        .map(|(_, n)| n.as_u64().unwrap_or(0))
        .sum();
    assert_eq!(summary["errors"].as_u64(), Some(failing));
    let kinds = kinds_of(&summary);
    assert_eq!(
        (kinds.get("no_response"), kinds.get("unauthorized"), kinds.get("http_418")),
        (Some(&11), Some(&13), Some(&11))
    );
}

/// A reader that stops early (`errlens report … | head`) changes nothing but what it reads: no
/// panic, no error, and each command ends with the status it has when its output is read whole
/// (2 for an unreadable input, 1 for `compare --fail-on new` with a new kind).
#[test]
fn a_closed_output_ends_each_command_as_it_would_end_anyway() {
    let sample = |name: &str| common::root().join("sample-logs").join(name).to_str().expect("a UTF-8 path").to_string();
    let samples = common::root().join("sample-logs").to_str().expect("a UTF-8 path").to_string();
    let commands: Vec<Vec<String>> = [
        vec!["summary", "--format", "json", &samples],
        vec!["summary", &sample("worker.log"), "/nonexistent/errlens.log"],
        vec!["audit", "--format", "json", &samples],
        vec!["report", &samples],
        vec!["redact", &sample("worker.log")],
        vec!["email", "--group", "rate_limited", &samples],
        vec!["compare", "--before", &sample("envoy-access.log"), "--after", &sample("app.ndjson"), "--fail-on", "new"],
        vec!["formats"],
        vec!["completions", "bash"],
        vec!["man"],
    ]
    .into_iter()
    .map(|args| args.into_iter().map(str::to_string).collect())
    .collect();
    #[cfg(feature = "table")]
    let commands: Vec<Vec<String>> = commands
        .into_iter()
        .chain(
            ["ndjson", "csv", "parquet"]
                .map(|to| ["export", "--to", to, "-o", "-", &samples].into_iter().map(str::to_string).collect()),
        )
        .collect();
    let mut codes = std::collections::BTreeSet::new();
    for args in commands {
        let read_whole = common::errlens(&args.iter().map(String::as_str).collect::<Vec<_>>());
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_errlens"))
            .args(&args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("errlens runs");
        // The reading end closed before errlens writes (it reads its files first; an output
        // larger than the pipe's buffer fails to be written even if errlens were quicker).
        drop(child.stdout.take());
        let output = child.wait_with_output().expect("errlens ends");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!stderr.contains("panicked") && !stderr.contains("Broken pipe"), "{args:?}: {stderr}");
        assert_eq!(output.status.code(), read_whole.status.code(), "{args:?}: {stderr}");
        codes.extend(output.status.code());
    }
    assert_eq!(codes, [0, 1, 2].into(), "the commands end with each status");
}
