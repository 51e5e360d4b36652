//! Logs from Windows and older systems: every sample log re-encoded as UTF-16 (both byte orders,
//! with and without a byte order mark) and as UTF-32 reads exactly as its UTF-8 original, its
//! calls read back the same (the email, `redact`); Windows-1252 bytes in a UTF-8 log are read,
//! not skipped. The re-encoding is done here with the standard library, not errlens' code.

mod common;

use serde_json::Value;
use std::io::{Read, Write};
use std::path::Path;

fn utf16(text: &str, little: bool, mark: bool) -> Vec<u8> {
    let units = mark.then_some(0xFEFF_u16).into_iter().chain(text.encode_utf16());
    units.flat_map(|unit| if little { unit.to_le_bytes() } else { unit.to_be_bytes() }).collect()
}

fn gunzip(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(bytes).read_to_end(&mut out).expect("gzip");
    out
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(bytes).expect("compress");
    encoder.finish().expect("compress")
}

/// The summary without what names the file and its encoding.
fn comparable(mut summary: Value) -> Value {
    for input in summary["inputs"].as_array_mut().expect("inputs") {
        let input = input.as_object_mut().expect("an input");
        input.remove("path");
        input.remove("encoding");
    }
    summary
}

#[test]
fn every_sample_log_in_utf16_and_utf32_reads_as_its_utf8_original() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut checked = 0;
    for entry in std::fs::read_dir(common::root().join("sample-logs")).expect("samples") {
        let path = entry.expect("entry").path();
        let name = path.file_name().expect("a name").to_string_lossy().into_owned();
        let raw = std::fs::read(&path).expect("read");
        let gzipped = raw.starts_with(&[0x1f, 0x8b]);
        let text = String::from_utf8(if gzipped { gunzip(&raw) } else { raw }).expect("samples are UTF-8");
        let (original, code) = common::summary(&[&path]);
        assert_eq!(code, 0);
        let mut variants: Vec<(String, &str, Vec<u8>)> = Vec::new();
        for (little, mark) in [(true, true), (false, true), (true, false), (false, false)] {
            let encoding = if little { "utf-16le" } else { "utf-16be" };
            variants.push((format!("{little}-{mark}"), encoding, utf16(&text, little, mark)));
        }
        let utf32: Vec<u8> = "\u{feff}".chars().chain(text.chars()).flat_map(|c| u32::from(c).to_le_bytes()).collect();
        variants.push(("utf32".into(), "utf-32le", utf32));
        for (label, encoding, mut bytes) in variants {
            if gzipped {
                bytes = gzip(&bytes);
            }
            let copy = dir.path().join(format!("{label}-{name}"));
            std::fs::write(&copy, &bytes).expect("write");
            let (summary, code) = common::summary(&[&copy]);
            assert_eq!(code, 0, "{name} {label}");
            assert_eq!(summary["inputs"][0]["encoding"], encoding, "{name} {label}");
            assert_eq!(comparable(summary), comparable(original.clone()), "{name} as {label}");
            checked += 1;
        }
    }
    assert_eq!(checked, 10 * 5);
}

/// What `errlens ARGS FILE` prints, with the file's path taken out.
fn output_of(args: &[&str], file: &Path) -> String {
    let path = file.display().to_string();
    let mut all: Vec<&str> = args.to_vec();
    all.push(&path);
    let output = common::errlens(&all);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8_lossy(&output.stdout).replace(&path, "FILE")
}

#[test]
fn calls_of_a_utf16_log_read_back_as_the_utf8_ones() {
    let dir = tempfile::tempdir().expect("tempdir");
    let original = common::root().join("sample-logs/app.ndjson");
    let text = std::fs::read_to_string(&original).expect("read");
    let copy = dir.path().join("app.ndjson");
    std::fs::write(&copy, utf16(&text, true, true)).expect("write");
    let email = ["email", "--group", "duplicate_email", "--account-email", "owner@example.com"];
    assert_eq!(output_of(&email, &copy), output_of(&email, &original));
    let oldest = ["email", "--group", "rate_limited", "--record", "1"];
    assert_eq!(output_of(&oldest, &copy), output_of(&oldest, &original));
    assert_eq!(output_of(&["redact"], &copy), output_of(&["redact"], &original));
}

#[test]
fn windows_1252_bytes_in_messages_lose_no_call() {
    let dir = tempfile::tempdir().expect("tempdir");
    let log = dir.path().join("legacy.ndjson");
    let mut bytes = Vec::new();
    bytes.extend(b"{\"status\":409,\"method\":\"POST\",\"path\":\"/v1/contacts\",\"response_body\":{\"error\":\"Conflict\",\"message\":\"ren\xe9@example.com already exists\"}}\n");
    bytes.extend(b"{\"status\":200,\"method\":\"GET\",\"path\":\"/v1/contacts\"}\n");
    bytes.extend(b"2026-11-20T10:00:00Z POST /v1/orders -> 500 \x93upstream\x94 caf\xe9\n");
    std::fs::write(&log, &bytes).expect("write");
    let (summary, code) = common::summary(&[&log]);
    assert_eq!(code, 0);
    assert_eq!(summary["records"], 3, "{summary}");
    assert_eq!(summary["inputs"][0]["repaired_lines"], 2);
    let text = output_of(&["summary"], &log);
    assert!(text.contains("2 line(s) had bytes that are not UTF-8, read as Windows-1252"), "{text}");
    let email = output_of(&["email", "--group", "conflict"], &log);
    assert!(email.contains("already exists"), "{email}");
}
