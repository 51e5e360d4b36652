//! What leaves errlens for a terminal, given a log (and a log's file name) written to attack one:
//! OSC title and clipboard sequences, colours, CR LF that would start a fake row, C1 controls,
//! BiDi overrides. The text form shows them escaped; the JSON form holds them JSON-escaped.

use super::common;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// Sequences a terminal acts on, as a log would carry them (JSON-escaped in an NDJSON line).
const SET_TITLE: &str = "\\u001b]0;owned\\u0007";
const WRITE_CLIPBOARD: &str = "\\u001b]52;c;cm0gLXJmIH4=\\u0007";
const RED: &str = "\\u001b[31m";
const FAKE_ROW: &str = "\\r\\n   999  500  fake_kind";
const C1_CLEAR_SCREEN: &str = "\\u009b2J";
const RIGHT_TO_LEFT: &str = "\\u202e";

/// A folder with one log whose messages, URLs and skipped lines, and whose file name, hold
/// sequences a terminal acts on.
fn hostile_log() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let name = "calls\u{1b}]0;owned\u{7}\r\nFAKE \u{202e}gol.ndjson";
    let call = |status: u16, url: &str, message: &str| {
        format!(
            r#"{{"timestamp":"2026-11-20T09:10:37Z","method":"POST","url":"{url}","status":{status},"response":{{"body":{{"message":"{message}"}}}}}}"#
        )
    };
    let lines = [
        call(
            409,
            &format!("https://api.example/v1/{RED}cust{RIGHT_TO_LEFT}omers"),
            &format!("taken{SET_TITLE}{FAKE_ROW}"),
        ),
        call(
            409,
            &format!("https://api.example/v1/{RED}cust{RIGHT_TO_LEFT}omers"),
            &format!("taken{SET_TITLE}{FAKE_ROW}"),
        ),
        call(500, &format!("/v1/orders{C1_CLEAR_SCREEN}"), &format!("{WRITE_CLIPBOARD}{RED}boom{RIGHT_TO_LEFT}")),
        // Skipped, with the status value quoted in the reason.
        r#"{"method":"GET","url":"/x","status":"4\u001b[2J00"}"#.to_string(),
        // A text line with raw bytes: skipped, its reason shown.
        "GET \u{1b}[2J\u{1b}]0;raw\u{7} not a call".to_string(),
    ];
    let path = dir.path().join(name);
    std::fs::write(&path, lines.join("\n") + "\n").expect("write the log");
    (dir, path)
}

/// The hidden controls in `text`, line breaks aside.
fn raw_controls(text: &str) -> String {
    text.chars().filter(|&c| c != '\n' && errlens::output::is_hidden_control(c)).collect()
}

fn run(args: &[&str]) -> (String, String) {
    let output = common::errlens(args);
    let text = |bytes: &[u8]| String::from_utf8(bytes.to_vec()).expect("UTF-8 output");
    (text(&output.stdout), text(&output.stderr))
}

fn path_arg(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 name")
}

#[test]
fn the_text_summary_shows_control_characters_escaped() {
    let (dir, log) = hostile_log();
    for input in [log.as_path(), dir.path()] {
        let (stdout, stderr) = run(&["summary", path_arg(input)]);
        assert_eq!(raw_controls(&stdout), "", "{stdout}");
        assert_eq!(raw_controls(&stderr), "", "{stderr}");
        for shown in [
            "calls\\e]0;owned\\u{7}\\r\\nFAKE \\u{202e}gol.ndjson",
            "taken\\e]0;owned\\u{7}\\r\\n   999  500  fake_kind",
            "\\e]52;c;cm0gLXJmIH4=\\u{7}\\e[31mboom\\u{202e}",
            "POST /v1/orders\\u{9b}2J",
        ] {
            assert!(stdout.contains(shown), "{shown} in\n{stdout}");
        }
        // One line a file, and no row the log made up.
        assert!(!stdout.lines().any(|line| line.trim_start().starts_with("999")), "{stdout}");
    }
}

#[test]
fn the_json_summary_holds_the_same_text_json_escaped() {
    let (_dir, log) = hostile_log();
    let (stdout, _) = run(&["summary", "--format", "json", path_arg(&log)]);
    assert_eq!(raw_controls(&stdout), "", "{stdout}");
    let summary: Value = serde_json::from_str(&stdout).expect("JSON");
    assert_eq!(summary["inputs"][0]["path"].as_str(), log.to_str());
    let messages: Vec<&str> = summary["groups"]
        .as_array()
        .expect("groups")
        .iter()
        .flat_map(|group| group["messages"].as_array().expect("messages"))
        .filter_map(|message| message["message"].as_str())
        .collect();
    assert!(messages.contains(&"\u{1b}]52;c;cm0gLXJmIH4=\u{7}\u{1b}[31mboom\u{202e}"), "{messages:?}");
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_named_escaped_on_stderr() {
    let dir = tempfile::tempdir().expect("tempdir");
    let gone = dir.path().join("gone\u{1b}[2J\u{1b}]0;owned\u{7}.log");
    std::os::unix::fs::symlink(dir.path().join("nowhere"), &gone).expect("symlink");
    for args in [vec!["summary", path_arg(&gone)], vec!["redact", path_arg(&gone)]] {
        let (stdout, stderr) = run(&args);
        assert_eq!(raw_controls(&stdout), "", "{stdout}");
        assert_eq!(raw_controls(&stderr), "", "{stderr}");
        assert!(stderr.contains("gone\\e[2J\\e]0;owned\\u{7}.log"), "{stderr}");
    }
}

/// The header names of an RFC 5322 message, continuation lines joined to their header.
fn header_names(message: &str) -> Vec<&str> {
    let head = message.split("\r\n\r\n").next().unwrap_or_default();
    head.split("\r\n")
        .filter(|line| !line.starts_with([' ', '\t']))
        .map(|line| line.split(':').next().unwrap_or_default())
        .collect()
}

#[test]
fn a_subject_splitting_call_leaves_the_eml_headers_intact() {
    let dir = tempfile::tempdir().expect("tempdir");
    let log = dir.path().join("calls.ndjson");
    let split = "\\r\\nBcc: victim@evil.example\\r\\n\\r\\nInjected body";
    let call = format!(
        r#"{{"timestamp":"2026-11-20T09:10:37Z","method":"POST{split}","url":"/v1/orders{split}","status":500,"response":{{"body":{{"message":"boom{split}\u001b]0;owned\u0007"}}}}}}"#
    );
    std::fs::write(&log, format!("{call}\n{call}\n")).expect("write the log");
    let output = common::errlens(&[
        "email",
        "--group",
        "internal_error",
        "--account-email",
        "ops@acme-shop.example",
        path_arg(&log),
    ]);
    let message = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert_eq!(
        header_names(&message),
        ["From", "Subject", "MIME-Version", "Content-Type", "Content-Transfer-Encoding", "X-Unsent"],
        "{message}"
    );
    // The logged line breaks show escaped, on the lines they were logged on.
    let unfolded = message.replace("\r\n ", " ");
    let subject = unfolded.lines().find(|line| line.starts_with("Subject:")).unwrap_or_default();
    assert!(
        subject.contains("on POST\\r\\nBCC: [customer email]\\r\\n\\r\\nINJECTED BODY /v1/orders\\r\\n"),
        "{subject}"
    );
    assert!(
        message.contains("\r\n1. Endpoint\r\n   POST\\r\\nBCC: [customer email]\\r\\n\\r\\nINJECTED BODY /v1/orders"),
        "{message}"
    );
    assert!(!message.lines().any(|line| line.starts_with("Bcc") || line.starts_with("Injected")), "{message}");
    assert_eq!(raw_controls(&message.replace("\r\n", "\n")), "", "{message}");
}
