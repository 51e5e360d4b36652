//! `errlens export` and Parquet as input: every sample and real log exported to Parquet reads
//! back with the same records, statuses, kinds (and their times and endpoints) as the log itself;
//! the filters are the app's; exports are redacted; a damaged table is an error naming the file.
#![cfg(feature = "table")]

mod common;

use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// What a round trip keeps: records, statuses, and per kind its count, first and last time and
/// endpoints.
fn account(summary: &Value) -> (Value, Value, Value, BTreeMap<String, Value>) {
    let groups = summary["groups"].as_array().expect("groups").iter().map(|group| {
        let kept = [&group["count"], &group["first_seen"], &group["last_seen"], &group["endpoints"]];
        (group["kind"].as_str().expect("kind").to_string(), Value::from(kept.map(Value::clone).to_vec()))
    });
    (summary["records"].clone(), summary["errors"].clone(), summary["by_status"].clone(), groups.collect())
}

fn export(to: &str, out: &Path, args: &[&str], files: &[&Path]) -> std::process::Output {
    let mut line = vec!["export", "--to", to, "-o", out.to_str().expect("utf-8 path")];
    line.extend(args);
    let names: Vec<&str> = files.iter().map(|file| file.to_str().expect("utf-8 path")).collect();
    line.extend(names);
    let output = common::errlens(&line);
    assert!(output.status.success(), "export {files:?}: {}", String::from_utf8_lossy(&output.stderr));
    output
}

/// The logs a round trip is checked on: each sample, and each real log where they are.
fn logs() -> Vec<PathBuf> {
    let mut logs: Vec<PathBuf> = std::fs::read_dir(common::root().join("sample-logs"))
        .expect("samples")
        .map(|entry| entry.expect("entry").path())
        .collect();
    if let Some(dir) = common::real_logs() {
        let real = std::fs::read_dir(dir).expect("real logs").map(|entry| entry.expect("entry").path());
        // Beside the logs: their provenance and the expected counts of another test.
        logs.extend(real.filter(|path| path.is_file() && !path.ends_with("PROVENANCE.md")));
        logs.retain(|path| !path.ends_with("expected.json"));
    }
    logs.sort();
    logs
}

#[test]
fn every_log_exported_to_parquet_reads_back_with_the_same_summary() {
    let dir = tempfile::tempdir().expect("tempdir");
    let logs = logs();
    assert!(logs.len() >= 9);
    for log in &logs {
        let table = dir.path().join("calls.parquet");
        export("parquet", &table, &[], &[log]);
        let (original, _) = common::summary(&[log]);
        let (read_back, code) = common::summary(&[&table]);
        assert_eq!(code, 0, "{}", log.display());
        assert_eq!(read_back["inputs"][0]["format"], "parquet");
        assert_eq!(account(&read_back), account(&original), "{}", log.display());
    }
}

#[test]
fn the_samples_together_round_trip_through_arrow_ipc_and_ndjson_too() {
    let dir = tempfile::tempdir().expect("tempdir");
    let samples = common::root().join("sample-logs");
    let (original, _) = common::summary(&[&samples]);
    for (to, name) in [("ipc", "calls.arrow"), ("ndjson", "calls.ndjson"), ("parquet", "calls.parquet")] {
        let table = dir.path().join(name);
        export(to, &table, &[], &[&samples]);
        let (read_back, code) = common::summary(&[&table]);
        assert_eq!(code, 0, "{to}");
        assert_eq!(account(&read_back), account(&original), "{to}");
    }
}

#[test]
fn the_filters_keep_what_the_summary_counts() {
    let dir = tempfile::tempdir().expect("tempdir");
    let samples = common::root().join("sample-logs");
    let (summary, _) = common::summary(&[&samples]);
    let lines = |args: &[&str]| {
        let out = dir.path().join("calls.ndjson");
        export("ndjson", &out, args, &[&samples]);
        std::fs::read_to_string(out).expect("written").lines().count() as u64
    };
    assert_eq!(lines(&[]), summary["records"].as_u64().expect("records"));
    assert_eq!(lines(&["--failures-only"]), summary["errors"].as_u64().expect("errors"));
    let group = &summary["groups"][0];
    assert_eq!(lines(&["--kind", group["kind"].as_str().expect("kind")]), group["count"].as_u64().expect("count"));
    assert_eq!(lines(&["--status", "409"]), summary["by_status"]["409"].as_u64().expect("409s"));
    let client: u64 = summary["by_status"]
        .as_object()
        .expect("statuses")
        .iter()
        .filter(|(status, _)| status.starts_with('4') && status.len() == 3)
        .map(|(_, count)| count.as_u64().unwrap_or(0))
        .sum();
    assert_eq!(lines(&["--status", "4xx"]), client);
    assert!(lines(&["--since", "2026-11-20T10:20:00Z", "--until", "2026-11-20T10:40:00Z"]) < lines(&[]));
    let endpoint = group["endpoints"][0]["endpoint"].as_str().expect("endpoint");
    assert!(lines(&["--endpoint", endpoint]) >= group["endpoints"][0]["count"].as_u64().expect("count"));
    assert_eq!(lines(&["--text", "no such text anywhere"]), 0);
    let bad = common::errlens(&["export", "--to", "csv", "-o", "-", "--status", "abc", "x.log"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn an_export_leaks_no_planted_secret_unless_asked_to() {
    let dir = tempfile::tempdir().expect("tempdir");
    let samples = common::root().join("sample-logs");
    for to in ["csv", "ndjson"] {
        let out = dir.path().join(format!("calls.{to}"));
        export(to, &out, &[], &[&samples]);
        let text = std::fs::read_to_string(&out).expect("written");
        for secret in common::planted() {
            assert!(!text.contains(&secret), "{to} export holds {secret}");
        }
    }
}

#[test]
fn a_cut_or_damaged_table_is_an_error_naming_the_file_and_the_other_files_are_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let sample = common::root().join("sample-logs/app.ndjson");
    let table = dir.path().join("calls.parquet");
    export("parquet", &table, &[], &[&sample]);
    let bytes = std::fs::read(&table).expect("written");
    let cut = dir.path().join("cut.parquet");
    for damaged in [
        bytes[..bytes.len() / 2].to_vec(),
        bytes.iter().map(|b| b ^ 0x41).enumerate().map(|(at, b)| if at < 4 { bytes[at] } else { b }).collect(),
    ] {
        std::fs::write(&cut, damaged).expect("write");
        let output = common::errlens(&["summary", cut.to_str().expect("path"), sample.to_str().expect("path")]);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains("cut.parquet") && stderr.contains("cannot read the parquet file"), "{stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert!(String::from_utf8_lossy(&output.stdout).contains("app.ndjson"));
    }
}

#[test]
fn a_table_redacted_is_the_ndjson_of_its_rows() {
    let dir = tempfile::tempdir().expect("tempdir");
    let sample = common::root().join("sample-logs/app.ndjson");
    let table = dir.path().join("calls.parquet");
    export("parquet", &table, &["--no-redact"], &[&sample]);
    let output = common::errlens(&["redact", table.to_str().expect("path")]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let copy = String::from_utf8(output.stdout).expect("utf-8 text, not the table's bytes");
    let (summary, _) = common::summary(&[&sample]);
    assert_eq!(copy.lines().count() as u64, summary["records"].as_u64().expect("records"));
    assert!(copy.lines().all(|line| serde_json::from_str::<Value>(line).is_ok()));
    for secret in common::planted() {
        assert!(!copy.contains(&secret), "{secret}");
    }
}
