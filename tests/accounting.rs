//! The accounting invariant: nothing read is lost without a word. For line formats (NDJSON,
//! text, logfmt, W3C and the formats defined as data), records + skipped = non-blank lines, and each non-blank line is exactly one of them; for
//! CSV, records + skipped = data rows; for JSON and HAR documents, records + skipped = items.
//! Checked over `sample-logs/`, `../shared/real-logs/` (read in place, when it is there) and the
//! hostile corpus, through the CLI's summary and through the library.
//!
//! "Non-blank" is counted here independently of errlens, as the `ingest` module doc defines it:
//! lines end at LF; a line is blank when all its bytes are ASCII whitespace; a byte order mark
//! starting the file is not content; anything else — NUL, invalid UTF-8, a lone CR — is.

mod common;
#[path = "common/corpus.rs"]
mod corpus;

use errlens::ingest;
use serde_json::value::RawValue;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// 1-based numbers of the non-blank lines of `content`.
fn non_blank_lines(content: &[u8]) -> Vec<u64> {
    let content = content.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(content);
    content
        .split(|&b| b == b'\n')
        .enumerate()
        .filter(|(_, line)| !line.iter().all(u8::is_ascii_whitespace))
        .map(|(index, _)| index as u64 + 1)
        .collect()
}

/// The file's content, unwrapped by the `gzip` tool (not by errlens's code) when it is gzip.
/// gzip reads concatenated members and warns about zero padding (exit status 2), as errlens does.
fn content_of(path: &Path) -> Vec<u8> {
    let raw = std::fs::read(path).expect("read");
    if !raw.starts_with(&[0x1f, 0x8b]) {
        return raw;
    }
    let output = std::process::Command::new("gzip").arg("-dc").arg(path).output().expect("gzip runs");
    assert!(matches!(output.status.code(), Some(0 | 2)), "{}", String::from_utf8_lossy(&output.stderr));
    output.stdout
}

/// The content as UTF-8 text, decoded here with the standard library from the encoding errlens
/// says the file is in (the lines are then counted in the text, as errlens counts them).
fn as_utf8(content: Vec<u8>, encoding: &str) -> Vec<u8> {
    let (width, little) = match encoding {
        "utf-8" => return content,
        "utf-16le" => (2, true),
        "utf-16be" => (2, false),
        "utf-32le" => (4, true),
        "utf-32be" => (4, false),
        other => panic!("unknown encoding {other}"),
    };
    let mut text = String::new();
    if width == 2 {
        let units = content
            .chunks_exact(2)
            .map(|p| if little { u16::from_le_bytes([p[0], p[1]]) } else { u16::from_be_bytes([p[0], p[1]]) });
        text.extend(char::decode_utf16(units).map(|c| c.unwrap_or('\u{fffd}')));
    } else {
        text.extend(content.chunks_exact(4).map(|q| {
            let code = if little {
                u32::from_le_bytes([q[0], q[1], q[2], q[3]])
            } else {
                u32::from_be_bytes([q[0], q[1], q[2], q[3]])
            };
            char::from_u32(code).unwrap_or('\u{fffd}')
        }));
    }
    if !content.len().is_multiple_of(width) {
        text.push('\u{fffd}');
    }
    text.into_bytes()
}

/// The non-blank lines after a call's first that its span covers: the lines that belong to it.
fn continuing_lines(content: &[u8], record: &errlens::record::Record) -> Vec<u64> {
    let content = content.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(content);
    let span = record.source;
    let text = &content[span.offset as usize..(span.offset + span.len) as usize];
    non_blank_lines(text).into_iter().filter(|&line| line > 1).map(|line| span.line + line - 1).collect()
}

/// Data rows of a CSV file, as a CSV reader sees them.
fn csv_rows(content: &[u8]) -> u64 {
    let content = content.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(content);
    csv::ReaderBuilder::new().flexible(true).has_headers(true).from_reader(content).byte_records().count() as u64
}

/// Items of a JSON or HAR document: the array, `log.entries`, or the usual call array of an
/// object (`entries`, `calls`, `data`, ...); a lone object is one item.
fn document_items(content: &[u8]) -> u64 {
    let document: &RawValue = serde_json::from_slice(content).expect("a whole document");
    if document.get().starts_with('[') {
        let items: Vec<&RawValue> = serde_json::from_str(document.get()).expect("an array");
        return items.len() as u64;
    }
    let object: BTreeMap<String, &RawValue> = serde_json::from_str(document.get()).expect("an object");
    if let Some(log) = object.get("log") {
        let log: BTreeMap<String, &RawValue> = serde_json::from_str(log.get()).expect("log");
        let entries: Vec<&RawValue> = serde_json::from_str(log["entries"].get()).expect("entries");
        return entries.len() as u64;
    }
    let keys = ["entries", "calls", "requests", "records", "logs", "events", "items", "data", "results"];
    match keys.iter().find_map(|key| object.get(*key).filter(|value| value.get().starts_with('['))) {
        Some(array) => serde_json::from_str::<Vec<&RawValue>>(array.get()).expect("an array").len() as u64,
        None => 1,
    }
}

struct Checked {
    path: PathBuf,
    format: String,
    units: u64,
    records: u64,
    skipped: u64,
}

/// Checks one file; `None` when errlens refused it (an error names the file instead).
fn check(path: &Path) -> Option<Checked> {
    let (summary, _) = common::summary(&[path]);
    let input = &summary["inputs"][0];
    if let Some(error) = input["error"].as_str() {
        assert!(error.contains(&path.display().to_string()), "{error}");
        return None;
    }
    let format = input["format"].as_str().expect("a format").to_string();
    let (records, skipped) = (input["records"].as_u64().expect("records"), input["skipped"].as_u64().expect("skipped"));
    let content = as_utf8(content_of(path), input["encoding"].as_str().expect("an encoding"));
    let parsed_format: ingest::Format = format.parse().expect("a format errlens names");
    let units = match parsed_format {
        // Lines of every line format, and of W3C logs: each is a call, or skipped with a reason.
        _ if parsed_format.is_line_based() || parsed_format == ingest::Format::W3c => {
            let lines = non_blank_lines(&content);
            // Through the library: each non-blank line is exactly one record or skipped line.
            let ingested = ingest::ingest_path(path, None).expect("readable");
            let parsed = &ingested.parsed;
            let continued = parsed.records.iter().flat_map(|record| continuing_lines(&content, record));
            let mut accounted: Vec<u64> = parsed
                .records
                .iter()
                .map(|r| r.source.line)
                .chain(parsed.skipped.iter().map(|s| s.line))
                .chain(continued)
                .collect();
            accounted.sort_unstable();
            assert_eq!(accounted, lines, "{}: each non-blank line once", path.display());
            lines.len() as u64
        }
        ingest::Format::Csv => csv_rows(&content),
        ingest::Format::Json | ingest::Format::Har => document_items(&content),
        other => panic!("unknown format {other}"),
    };
    let belonging = input["belonging_lines"].as_u64().expect("belonging_lines");
    assert_eq!(records + skipped + belonging, units, "{} ({format}): records + skipped + belonging", path.display());
    assert_summary_reads_as_full(path, &ingest::ingest_path(path, None).expect("readable").parsed);
    Some(Checked { path: path.to_path_buf(), format, units, records, skipped })
}

/// What the store keeps of a record: the summary read (which leaves request bodies and headers,
/// the request id and the duration unread) must give exactly what the full read gives.
fn kept(record: &errlens::record::Record) -> String {
    let retry_after = record.response.header("retry-after");
    format!(
        "{:?} {:?} {:?} {:?} {} {:?} {:?} {:?} {retry_after:?}",
        record.source,
        record.time_ms,
        record.method,
        record.url,
        record.status,
        record.host,
        record.error_type,
        record.message,
    )
}

fn assert_summary_reads_as_full(path: &Path, full: &ingest::Parsed) {
    let options = ingest::ReadOptions::default();
    assert_eq!(options.detail, ingest::Detail::Summary);
    let mut summary = ingest::Parsed::default();
    ingest::ingest_file(
        path,
        &options,
        |_| {},
        |parts| parts.joined(),
        |parsed, _| {
            summary.records.extend(parsed.records);
            summary.skipped.extend(parsed.skipped);
            true
        },
    )
    .expect("readable");
    let kept_all = |parsed: &ingest::Parsed| parsed.records.iter().map(kept).collect::<Vec<_>>();
    assert_eq!(kept_all(&summary), kept_all(full), "{}: summary read = full read", path.display());
    assert_eq!(summary.skipped, full.skipped, "{}: summary read skips what the full read skips", path.display());
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> =
        std::fs::read_dir(dir).expect("a folder").flatten().map(|e| e.path()).filter(|p| p.is_file()).collect();
    paths.sort();
    paths
}

fn report(checked: &[Checked]) {
    for file in checked {
        let name = file.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        println!(
            "{name:40} {:7} {:>7} = {:>6} records + {:>5} skipped",
            file.format, file.units, file.records, file.skipped
        );
    }
}

#[test]
fn sample_logs_account_for_every_line_row_and_item() {
    let paths = files_in(&common::root().join("sample-logs"));
    assert_eq!(paths.len(), 10);
    let checked: Vec<Checked> = paths.iter().map(|path| check(path).expect("every sample reads")).collect();
    report(&checked);
    let formats: Vec<&str> = checked.iter().map(|c| c.format.as_str()).collect();
    for format in ["ndjson", "text", "csv", "json", "har", "okhttp"] {
        assert!(formats.contains(&format), "the samples cover {format}");
    }
}

#[test]
fn real_logs_account_for_every_line_row_and_item() {
    let Some(dir) = common::real_logs() else { return };
    let checked: Vec<Checked> = files_in(&dir).iter().map(|path| check(path).expect("every real log reads")).collect();
    report(&checked);
    assert!(checked.len() >= 7);
}

#[test]
fn hostile_files_account_for_every_line_row_and_item() {
    let dir = tempfile::tempdir().expect("tempdir");
    let paths = corpus::write_files(dir.path());
    let checked: Vec<Checked> = paths.iter().filter_map(|path| check(path)).collect();
    report(&checked);
    let refused: Vec<String> = paths
        .iter()
        .filter(|path| !checked.iter().any(|c| &c.path == *path))
        .filter_map(|path| path.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect();
    // Only these are refused as a whole (tests/hostile.rs asserts their messages).
    assert_eq!(
        refused,
        [
            "duplicate-keys.har",
            "truncated.ndjson.gz",
            "trailing-data.ndjson.gz",
            "entries-object.har",
            "entries-null.har"
        ]
    );
    // Skipped lines are part of it: the corpus is not a set of clean files.
    assert!(checked.iter().map(|c| c.skipped).sum::<u64>() >= 20);
}

#[test]
fn a_line_is_non_blank_by_its_bytes() {
    let content = b"\xEF\xBB\xBF\n \t\r\n\x0c\n\x0b\n\x00\n\xc2\xa0\n\xff\nx\r\r\n";
    // A vertical tab, a NUL, a no-break space, a byte that is not UTF-8 and a text with a lone CR.
    assert_eq!(non_blank_lines(content), vec![4, 5, 6, 7, 8]);
    let ingested = ingest::ingest_bytes(Path::new("x"), content, None).expect("readable");
    let parsed = &ingested.parsed;
    let mut accounted: Vec<u64> =
        parsed.records.iter().map(|r| r.source.line).chain(parsed.skipped.iter().map(|s| s.line)).collect();
    accounted.sort_unstable();
    assert_eq!(accounted, vec![4, 5, 6, 7, 8]);
}
