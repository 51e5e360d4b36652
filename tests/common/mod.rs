//! Helpers shared by the integration tests: run the real binary, find the real logs.

#![allow(dead_code)]

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Output;

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `../shared/real-logs`, when this checkout sits beside it (as in CI).
pub fn real_logs() -> Option<PathBuf> {
    let dir = root().join("../shared/real-logs");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("SKIPPED: {} does not exist here; the real-log tests run where it does (CI)", dir.display());
        None
    }
}

/// Runs the errlens binary.
pub fn errlens(args: &[&str]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_errlens")).args(args).output().expect("errlens runs")
}

/// `errlens summary --format json FILES...`, parsed, with the exit code.
pub fn summary(files: &[&Path]) -> (Value, i32) {
    let mut args = vec!["summary", "--format", "json"];
    let names: Vec<String> = files.iter().map(|path| path.display().to_string()).collect();
    args.extend(names.iter().map(String::as_str));
    let output = errlens(&args);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let json = serde_json::from_str(&stdout).unwrap_or_else(|error| panic!("summary is JSON ({error}): {stdout}"));
    (json, output.status.code().unwrap_or(-1))
}

/// The generator's account of the sample logs (`tests/sample-logs.expected.json`).
pub fn manifest() -> Value {
    let text = std::fs::read_to_string(root().join("tests/sample-logs.expected.json")).expect("manifest");
    serde_json::from_str(&text).expect("manifest is JSON")
}

/// Every secret and personal value the generator planted in the samples, longest first.
pub fn planted() -> Vec<String> {
    let manifest = manifest();
    let mut values: Vec<String> = manifest["secrets"]
        .as_object()
        .expect("secrets")
        .values()
        .flat_map(|list| list.as_array().expect("list").iter().filter_map(Value::as_str).map(str::to_string))
        .collect();
    values.sort_by_key(|value| std::cmp::Reverse(value.len()));
    values
}
