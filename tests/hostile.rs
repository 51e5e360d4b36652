//! Hostile inputs: what a user gets from `errlens summary` (and, where the library is the right
//! level, from `ingest`) for files that break naive log readers. Every input is answered with
//! records, skipped lines with reasons, or an error naming the file; nothing panics or hangs.
//!
//! The files are generated at test time (`common/corpus.rs`); the large ones only in their test.
//! What errlens writes for hostile logs (terminal, JSON, mail) is in `hostile/outputs.rs`; folders
//! built to trap a walk are in `hostile/folders.rs`.

mod common;
#[path = "common/corpus.rs"]
mod corpus;
#[path = "hostile/folders.rs"]
mod folders;
#[path = "hostile/outputs.rs"]
mod outputs;

use errlens::ingest::{self, Format, IngestError, IngestLimits, SkipReason};
use errlens::redact::Redactor;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// One `errlens summary --format json` run.
struct Run {
    summary: Value,
    code: i32,
    stderr: String,
}

impl Run {
    fn input(&self, index: usize) -> &Value {
        &self.summary["inputs"][index]
    }
}

fn cli(paths: &[&Path]) -> Run {
    let mut args = vec!["summary".to_string(), "--format".to_string(), "json".to_string()];
    args.extend(paths.iter().map(|path| path.display().to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let output = common::errlens(&args);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let summary = serde_json::from_str(&stdout).unwrap_or_else(|error| panic!("summary is JSON ({error}): {stdout}"));
    Run { summary, code: output.status.code().unwrap_or(-1), stderr: String::from_utf8_lossy(&output.stderr).into() }
}

/// The corpus in a temporary folder; returns the folder and a lookup by name.
struct Corpus {
    dir: tempfile::TempDir,
}

impl Corpus {
    fn new() -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        corpus::write_files(dir.path());
        Self { dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        let path = self.dir.path().join(name);
        assert!(path.exists(), "{name} is in the corpus");
        path
    }

    /// Runs the CLI on one corpus file.
    fn run(&self, name: &str) -> Run {
        cli(&[&self.path(name)])
    }
}

fn skipped_lines(input: &Value) -> Vec<(u64, String)> {
    input["skipped_examples"]
        .as_array()
        .expect("skipped examples")
        .iter()
        .map(|e| (e["line"].as_u64().unwrap_or(0), e["reason"].as_str().unwrap_or_default().to_string()))
        .collect()
}

fn by_status(run: &Run) -> Vec<(String, u64)> {
    run.summary["by_status"]
        .as_object()
        .expect("by_status")
        .iter()
        .map(|(status, count)| (status.clone(), count.as_u64().unwrap_or(0)))
        .collect()
}

fn statuses(pairs: &[(&str, u64)]) -> Vec<(String, u64)> {
    pairs.iter().map(|(status, count)| (status.to_string(), *count)).collect()
}

/// (line, status) of every record, read through the library.
fn record_lines(path: &Path) -> Vec<(u64, u16)> {
    let ingested = ingest::ingest_path(path, None).expect("readable");
    ingested.parsed.records.iter().map(|r| (r.source.line, r.status)).collect()
}

/// Asserts a file read cleanly: the format, records and skipped count, no error, exit 0.
fn assert_read(run: &Run, format: &str, records: u64, skipped: u64) {
    let input = run.input(0);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(input["error"], Value::Null);
    assert_eq!(input["format"], format);
    assert_eq!((input["records"].as_u64(), input["skipped"].as_u64()), (Some(records), Some(skipped)), "{input}");
}

/// Asserts a file could not be read: exit 2, the error names it, on stderr and in the summary.
fn assert_refused(run: &Run, path: &Path, says: &str) -> String {
    let input = run.input(0);
    let error = input["error"].as_str().unwrap_or_default().to_string();
    assert_eq!(run.code, 2);
    assert!(error.contains(&path.display().to_string()), "names the file: {error}");
    assert!(error.contains(says), "says {says:?}: {error}");
    assert!(run.stderr.contains(&error), "stderr repeats it: {}", run.stderr);
    assert_eq!((input["format"].clone(), input["records"].as_u64()), (Value::Null, Some(0)));
    error
}

#[test]
fn empty_and_blank_files_hold_nothing_and_say_nothing_is_wrong() {
    let corpus = Corpus::new();
    for name in ["empty.log", "blank-lines.log"] {
        let run = corpus.run(name);
        assert_read(&run, "text", 0, 0);
        assert_eq!(run.summary["groups"], Value::Array(Vec::new()), "{name}");
    }
}

#[test]
fn nul_bytes_and_invalid_utf8_cost_only_their_own_lines() {
    let corpus = Corpus::new();
    let run = corpus.run("nul-and-invalid-utf8.ndjson");
    // `caf\xe9` (Windows-1252) is read as `café`: the call is kept and the repair counted.
    assert_read(&run, "ndjson", 3, 3);
    assert_eq!(run.input(0)["repaired_lines"], 1);
    assert_eq!(by_status(&run), statuses(&[("404", 1), ("500", 1), ("502", 1)]));
    let skipped = skipped_lines(run.input(0));
    assert_eq!(skipped.iter().map(|(line, _)| *line).collect::<Vec<_>>(), vec![3, 4, 6]);
    assert!(skipped[0].1.starts_with("invalid JSON: control character"), "{skipped:?}");
    assert_eq!(skipped[1].1, "invalid JSON: the line is not JSON");
    assert!(skipped[2].1.starts_with("invalid JSON: expected value"), "{skipped:?}");

    // Text with bytes that are not UTF-8 is read as Windows-1252; a line of NULs is not a call.
    let path = corpus.path("nul-and-invalid-utf8.log");
    let run = cli(&[&path]);
    assert_read(&run, "text", 3, 1);
    assert_eq!(record_lines(&path), vec![(1, 500), (2, 409), (4, 200)]);
    assert_eq!(skipped_lines(run.input(0)), vec![(3, SkipReason::NoApiCall.to_string())]);
}

#[test]
fn odd_encodings_read_as_what_they_are() {
    let corpus = Corpus::new();
    // A UTF-16 mark and nothing else: an empty UTF-16 file.
    let run = corpus.run("lone-bom.log");
    assert_read(&run, "text", 0, 0);
    assert_eq!(run.input(0)["encoding"], "utf-16le");
    // A UTF-16 mark before UTF-8 text: the text is read as UTF-8, every call kept.
    let run = corpus.run("lying-bom.ndjson");
    assert_read(&run, "ndjson", 2, 0);
    assert_eq!(run.input(0)["encoding"], "utf-8");
    assert_eq!(record_lines(&corpus.path("lying-bom.ndjson")), vec![(1, 500), (2, 404)]);
    // UTF-16 cut in the middle of a unit: the calls before it are read, the cut line says why.
    let run = corpus.run("utf16-odd-length.ndjson");
    assert_read(&run, "ndjson", 1, 1);
    assert_eq!(run.input(0)["encoding"], "utf-16le");
    assert_eq!(skipped_lines(run.input(0))[0].0, 2);
}

#[test]
fn byte_order_marks_crlf_and_mixed_line_endings() {
    let corpus = Corpus::new();
    let path = corpus.path("bom.ndjson");
    assert_read(&corpus.run("bom.ndjson"), "ndjson", 3, 0);
    assert_eq!(record_lines(&path), vec![(1, 500), (2, 404), (3, 502)]);
    assert_read(&corpus.run("bom.csv"), "csv", 1, 0);

    let path = corpus.path("crlf.ndjson");
    assert_read(&corpus.run("crlf.ndjson"), "ndjson", 3, 0);
    assert_eq!(record_lines(&path), vec![(1, 500), (2, 404), (4, 200)]);
    // Spans leave the CR out, and every record reads back the same.
    let bytes = std::fs::read(&path).expect("read");
    let ingested = ingest::ingest_bytes(&path, &bytes, None).expect("readable");
    for record in &ingested.parsed.records {
        let end = (record.source.offset + record.source.len) as usize;
        assert_eq!(bytes[end], b'\r', "{:?}", record.source);
        assert_eq!(ingest::reread(&bytes, Format::Ndjson, record.source).as_ref(), Some(record));
    }

    // LF ends a line, CRLF too; a lone CR does not (documented): `GET /d` shares line 3.
    let path = corpus.path("mixed-endings.log");
    assert_read(&corpus.run("mixed-endings.log"), "text", 4, 0);
    assert_eq!(record_lines(&path), vec![(1, 500), (2, 404), (3, 503), (5, 200)]);
}

/// Runs `work` on a thread with a 1 MiB stack: half of what the app's loading thread gets, so a
/// pass here leaves room to spare (stack overflow aborts the process, it cannot be caught).
fn on_small_stack(work: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new().stack_size(1 << 20).spawn(work).expect("spawn").join().expect("no panic");
}

#[test]
fn json_nested_100000_levels_deep_is_skipped_as_too_deep_without_overflowing_the_stack() {
    let corpus = Corpus::new();
    let too_deep = SkipReason::TooDeep.to_string();
    assert_eq!(too_deep, "JSON nested deeper than 127 levels, the most errlens reads");

    let run = corpus.run("deep.ndjson");
    assert_read(&run, "ndjson", 3, 2);
    assert_eq!(skipped_lines(run.input(0)), vec![(2, too_deep.clone()), (3, too_deep.clone())]);
    let run = corpus.run("deep.json");
    assert_read(&run, "json", 1, 1);
    assert_eq!(skipped_lines(run.input(0)), vec![(2, too_deep.clone())]);
    // The entry whose request is too deep is skipped; the one whose body is, is a call.
    let run = corpus.run("deep.har");
    assert_read(&run, "har", 1, 1);
    assert_eq!(skipped_lines(run.input(0)), vec![(3, too_deep.clone())]);
    assert_eq!(by_status(&run), statuses(&[("502", 1)]));
    // Text: the embedded JSON cannot be read, the request and status still can.
    let run = corpus.run("deep.log");
    assert_read(&run, "text", 2, 0);
    assert_eq!(by_status(&run), statuses(&[("200", 1), ("500", 1)]));

    // The same, and every walk over JSON that redaction and error reading do, on a small stack.
    let files: Vec<(&str, Vec<u8>)> =
        corpus::files().into_iter().filter(|(name, _)| name.starts_with("deep")).collect();
    on_small_stack(move || {
        for (name, bytes) in &files {
            let ingested = ingest::ingest_bytes(Path::new(name), bytes, None).expect("readable");
            assert!(!ingested.parsed.records.is_empty(), "{name}");
            let text = String::from_utf8_lossy(bytes);
            let redactor = Redactor::default();
            redactor.redact_text(&text);
            redactor.redact_body(&text);
            redactor.redact_url(&text);
            ingest::error_body::from_body_text(&text);
        }
        let deepest =
            format!("{{\"password\":\"hunter22\",\"x\":{}}}", corpus::deep_object(ingest::MAX_JSON_DEPTH - 1));
        let value: Value = serde_json::from_str(&deepest).expect("at the limit parses");
        let redacted = Redactor::default().redact_json(&value);
        assert_eq!(redacted.value["password"], "[secret]");
        let embedded = format!("{{\"status\":500,\"body\":{}}}", serde_json::Value::String(deepest));
        let record = ingest::ingest_bytes(Path::new("x"), embedded.as_bytes(), None).expect("readable");
        assert_eq!(record.parsed.records.len(), 1);
    });
}

#[test]
fn duplicate_keys_the_last_one_wins_and_a_duplicated_har_log_is_refused() {
    let corpus = Corpus::new();
    let path = corpus.path("duplicate-keys.ndjson");
    let run = cli(&[&path]);
    assert_read(&run, "ndjson", 2, 1);
    assert_eq!(record_lines(&path), vec![(1, 500), (3, 404)]);
    assert_eq!(skipped_lines(run.input(0)), vec![(2, "the status \"x\" is not an HTTP status code".to_string())]);
    assert_eq!(run.summary["groups"][1]["endpoints"][0]["endpoint"], "? /b", "the later path wins");

    // Redaction reads the last value too, so an earlier one is never kept unread.
    let redacted = Redactor::default().redact_body(r#"{"note":"key sk_live_4eC39HqLyjWDarjtT1zdp7dc","note":"ok"}"#);
    assert_eq!(redacted.value, r#"{"note":"ok"}"#);

    let path = corpus.path("duplicate-keys.har");
    let error = assert_refused(&corpus.run("duplicate-keys.har"), &path, "duplicate field `log`");
    assert!(error.contains("duplicate-keys.har:1:43:"), "{error}");
}

#[test]
fn statuses_as_strings_floats_negative_or_too_large() {
    let corpus = Corpus::new();
    let path = corpus.path("statuses.ndjson");
    let run = cli(&[&path]);
    assert_read(&run, "ndjson", 3, 6);
    assert_eq!(record_lines(&path), vec![(1, 404), (2, 404), (9, 0)]);
    let not_a_status = |value: &str| format!("the status {value} is not an HTTP status code");
    let mut expected: Vec<(u64, String)> =
        [(3, "-1"), (4, "99999"), (5, "404.5"), (6, "\"ok\""), (7, "true")].map(|(l, v)| (l, not_a_status(v))).into();
    expected.push((8, "invalid JSON: number out of range at line 1 column 15".to_string()));
    assert_eq!(skipped_lines(run.input(0)), expected);
    assert_eq!(by_status(&run), statuses(&[("0", 1), ("404", 2)]));
}

#[test]
fn times_before_1970_are_kept_and_past_9999_dropped() {
    let corpus = Corpus::new();
    let run = corpus.run("times.ndjson");
    assert_read(&run, "ndjson", 6, 0);
    let groups = run.summary["groups"].as_array().expect("groups");
    let seen = |kind: &str| {
        let group = groups.iter().find(|g| g["kind"] == kind).expect("group");
        (group["count"].as_u64(), group["first_seen"].clone(), group["last_seen"].clone())
    };
    assert_eq!(
        seen("not_found"),
        (Some(1), "1969-07-20T20:17:40.000Z".into(), "1969-07-20T20:17:40.000Z".into()),
        "before 1970 is a time like any other"
    );
    // Year 10000, an epoch of 1e30 and a negative epoch have no time; 0000 and 9999 are the ends.
    assert_eq!(seen("internal_error"), (Some(5), "0000-01-01T00:00:00.000Z".into(), "9999-12-31T23:59:59.999Z".into()));
}

#[test]
fn a_body_that_is_a_json_string_holding_json_holding_json() {
    let corpus = Corpus::new();
    let run = corpus.run("json-in-json-in-json.ndjson");
    assert_read(&run, "ndjson", 1, 0);
    let group = &run.summary["groups"][0];
    assert_eq!((group["status"].as_u64(), group["kind"].as_str()), (Some(409), Some("duplicate_email")));
    assert_eq!(group["messages"][0]["message"], "Duplicate email");
    // Redaction unwraps it too.
    let line = corpus::json_in_json_in_json().replace("Duplicate email", "jane.doe@example.com exists");
    let redacted = Redactor::default().redact_text(&line);
    assert!(!redacted.value.contains("jane.doe"), "{}", redacted.value);
    assert!(redacted.value.contains("[customer email] exists"), "{}", redacted.value);
}

#[test]
fn gzip_cut_off_padded_concatenated_or_followed_by_other_bytes() {
    let corpus = Corpus::new();
    let path = corpus.path("truncated.ndjson.gz");
    let error = assert_refused(&corpus.run("truncated.ndjson.gz"), &path, "the gzip data is damaged or cut off");
    assert!(error.contains("nothing of this file was read"), "{error}");

    let run = corpus.run("padded.ndjson.gz");
    assert_read(&run, "ndjson", 2, 0);
    assert_eq!(run.input(0)["gzip"], true);
    let run = corpus.run("concatenated.ndjson.gz");
    assert_read(&run, "ndjson", 3, 0);
    assert_eq!(by_status(&run), statuses(&[("404", 1), ("500", 1), ("503", 1)]));

    let path = corpus.path("trailing-data.ndjson.gz");
    let error = assert_refused(&corpus.run("trailing-data.ndjson.gz"), &path, "15 bytes that are not gzip data");
    assert!(error.contains("refusing the file rather than dropping them"), "{error}");
}

#[test]
fn a_gzip_bomb_stops_at_the_content_limit_and_says_so() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bomb = dir.path().join("bomb.log.gz");
    // 64 MiB of one byte: about 64 KiB compressed.
    let compressed = corpus::gzip(&vec![b'x'; 64 << 20]);
    assert!(compressed.len() < 1 << 20, "{}", compressed.len());
    std::fs::write(&bomb, &compressed).expect("write");
    let limits = IngestLimits { max_content_bytes: 1 << 20, ..IngestLimits::default() };
    let started = Instant::now();
    let error = ingest::read_input_with_limits(&bomb, &limits).expect_err("over the limit");
    assert!(matches!(error, IngestError::TooLarge { gzip: true, limit_bytes: 1_048_576, .. }), "{error:?}");
    assert_eq!(
        error.to_string(),
        format!(
            "{}: the gzip data expands to more than 1 MiB, the most errlens reads from one file; nothing of it was \
             read (split it into smaller files)",
            bomb.display()
        )
    );
    // Stopping at 1 MiB is quick; inflating all 64 MiB would not be, in a debug build.
    println!("refused after {:?}", started.elapsed());

    // Within the limit the same data is read.
    let roomy = IngestLimits { max_content_bytes: 64 << 20, ..IngestLimits::default() };
    let (content, gzip) = ingest::read_input_with_limits(&bomb, &roomy).expect("at the limit");
    assert_eq!((content.len(), gzip), (64 << 20, true));

    // The limit holds for plain files too, checked before reading.
    let plain = dir.path().join("big.log");
    std::fs::write(&plain, vec![b'\n'; (1 << 20) + 1]).expect("write");
    let error = ingest::read_input_with_limits(&plain, &limits).expect_err("over the limit");
    assert_eq!(
        error.to_string(),
        format!(
            "{}: larger than 1 MiB, the most errlens reads from one file; nothing of it was read (split it into \
             smaller files)",
            plain.display()
        )
    );
}

#[test]
fn the_limits_have_their_documented_values() {
    let limits = IngestLimits::default();
    assert_eq!(limits.max_content_bytes, 2 << 30);
    assert_eq!(limits.max_line_bytes, 16 << 20);
    assert_eq!(ingest::MAX_JSON_DEPTH, 127);
    // The depth is where serde_json stops: one level less parses, the limit itself does not.
    let parses = |depth: usize| serde_json::from_str::<Value>(&corpus::deep_array(depth)).is_ok();
    assert!(parses(ingest::MAX_JSON_DEPTH) && !parses(ingest::MAX_JSON_DEPTH + 1));
}

#[test]
fn har_entries_that_are_not_an_array() {
    let corpus = Corpus::new();
    let path = corpus.path("entries-object.har");
    let error = assert_refused(&corpus.run("entries-object.har"), &path, "log.entries is not an array");
    assert!(error.contains("entries-object.har:2:11: cannot read the har document"), "{error}");
    let path = corpus.path("entries-null.har");
    assert_refused(&corpus.run("entries-null.har"), &path, "the HAR has no log.entries");

    // Items that are not objects are skipped by the line they start on.
    let run = corpus.run("entries-mixed.har");
    assert_read(&run, "har", 1, 4);
    let lines: Vec<u64> = skipped_lines(run.input(0)).into_iter().map(|(line, _)| line).collect();
    assert_eq!(lines, vec![2, 3, 4, 6]);
    assert_eq!(by_status(&run), statuses(&[("404", 1)]));
}

#[test]
fn csv_with_ragged_rows_quoted_newlines_and_a_quote_never_closed() {
    let corpus = Corpus::new();
    let path = corpus.path("ragged.csv");
    let run = cli(&[&path]);
    assert_read(&run, "csv", 3, 3);
    // The row with extra cells still names its status; the quoted newline stays in its cell.
    assert_eq!(record_lines(&path), vec![(2, 500), (3, 409), (7, 404)]);
    let group = run.summary["groups"].as_array().expect("groups").iter().find(|g| g["kind"] == "conflict").cloned();
    assert_eq!(group.map(|g| g["messages"][0]["message"].clone()), Some("dup".into()));
    let cells = |n: &str| format!("unreadable CSV row: {n} where the header names 5, and no HTTP status");
    assert_eq!(
        skipped_lines(run.input(0)),
        vec![
            (5, cells("4 cells")),
            (6, cells("1 cell")),
            // The open quote swallows line 9: the reason says so instead of dropping it unnoticed.
            (8, cells("1 cell") + "; a quoted cell runs over several lines (a quote not closed?)"),
        ]
    );
}

#[test]
fn a_directory_as_input() {
    let corpus = Corpus::new();
    // The CLI reads the files in a folder (sorted); the library refuses a folder as a file.
    let run = cli(&[corpus.dir.path()]);
    assert_eq!(run.summary["inputs"].as_array().map(Vec::len), Some(corpus::files().len()));
    let error = ingest::read_input(corpus.dir.path()).expect_err("a folder");
    assert_eq!(error.to_string(), format!("cannot read {}: is a directory", corpus.dir.path().display()));

    let empty = tempfile::tempdir().expect("tempdir");
    let run = cli(&[empty.path()]);
    assert_eq!((run.code, run.summary["inputs"].as_array().map(Vec::len)), (0, Some(0)));
}

#[cfg(unix)]
#[test]
fn unreadable_inputs_are_errors_naming_the_file_and_the_rest_is_still_read() {
    let corpus = Corpus::new();
    let good = corpus.path("crlf.ndjson");
    let dangling = corpus.dir.path().join("gone.log");
    std::os::unix::fs::symlink(corpus.dir.path().join("nowhere.log"), &dangling).expect("symlink");
    let run = cli(&[&dangling, &good]);
    assert_refused(&run, &dangling, "No such file or directory");
    assert_eq!(run.input(1)["records"], 3, "the other file is still read");

    // A device that never ends is refused before reading.
    let zero = Path::new("/dev/zero");
    assert_refused(&cli(&[zero]), zero, "it is a character device, not a file");

    // A file that exists but fails to read: tests run as root here, where chmod 000 does not
    // stop a read, but /proc/self/mem fails on its first page for any user.
    let mem = Path::new("/proc/self/mem");
    if mem.exists() {
        assert_refused(&cli(&[mem]), mem, "cannot read /proc/self/mem:");
    }
    let locked = corpus.path("bom.ndjson");
    std::fs::set_permissions(&locked, std::os::unix::fs::PermissionsExt::from_mode(0o000)).expect("chmod");
    if std::fs::read(&locked).is_ok() {
        eprintln!("SKIPPED: chmod 000 does not stop reads here (running as root); /proc/self/mem covers it");
    } else {
        assert_refused(&cli(&[&locked]), &locked, "Permission denied");
    }
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo").arg(path).status().expect("mkfifo runs");
    assert!(status.success());
}

#[cfg(unix)]
#[test]
fn a_fifo_is_read_until_its_writer_closes_it_and_an_endless_one_stops_at_the_limit() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fifo = dir.path().join("stream.ndjson");
    mkfifo(&fifo);
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::write(&fifo, corpus::varied_lines(1000)).expect("write the fifo"))
    };
    let run = cli(&[&fifo]);
    writer.join().expect("writer");
    assert_read(&run, "ndjson", 1000, 0);

    // A writer that never stops: reading stops at the content limit instead of filling memory.
    let endless = dir.path().join("endless.ndjson");
    mkfifo(&endless);
    let writer = {
        let endless = endless.clone();
        std::thread::spawn(move || {
            let mut file = std::fs::OpenOptions::new().write(true).open(&endless).expect("open the fifo");
            let lines = corpus::varied_lines(1000);
            // Ends when the reader goes away (a broken pipe).
            while std::io::Write::write_all(&mut file, &lines).is_ok() {}
        })
    };
    let limits = IngestLimits { max_content_bytes: 4 << 20, ..IngestLimits::default() };
    let error = ingest::read_input_with_limits(&endless, &limits).expect_err("endless");
    assert!(matches!(error, IngestError::TooLarge { gzip: false, .. }), "{error:?}");
    writer.join().expect("writer");
}

/// A file that another process appends to while errlens reads it: every run finishes, and reads
/// a snapshot, whose only damage can be a last line caught half-written.
#[test]
fn a_file_that_grows_while_it_is_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("growing.ndjson");
    let first = corpus::varied_lines(5_000);
    std::fs::write(&path, &first).expect("write");
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let writer = {
        let (path, stop) = (path.clone(), std::sync::Arc::clone(&stop));
        std::thread::spawn(move || {
            let mut file = std::fs::OpenOptions::new().append(true).open(&path).expect("open");
            // About 1 MB a second, and never more than 3 MB in all: growth, not a flood.
            let batch = corpus::varied_lines(20);
            for _ in 0..3_000_000 / batch.len() {
                if stop.load(std::sync::atomic::Ordering::Relaxed) {
                    break;
                }
                std::io::Write::write_all(&mut file, &batch).expect("append");
                std::thread::sleep(Duration::from_millis(1));
            }
        })
    };
    let mut seen = Vec::new();
    for _ in 0..3 {
        let run = cli(&[&path]);
        let input = run.input(0);
        assert_eq!((run.code, input["format"].as_str()), (0, Some("ndjson")), "{}", run.stderr);
        let records = input["records"].as_u64().unwrap_or(0);
        let skipped = skipped_lines(input);
        assert!(records >= 5_000, "at least what was there before: {records}");
        assert!(skipped.len() <= 1, "{skipped:?}");
        if let Some((line, reason)) = skipped.first() {
            assert_eq!((*line, reason.as_str()), (records + 1, "truncated JSON (the line ends inside the value)"));
        }
        seen.push(records);
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    writer.join().expect("writer");
    println!("records seen while the file grew: {seen:?}");
}

/// A file cut short and rewritten while errlens reads it: every run finishes with a summary whose
/// damaged lines all carry a reason; a call is read back from the file when opened, so once the
/// file is emptied it cannot be opened (an answer, not a panic) until the content is back.
#[test]
fn a_file_that_shrinks_while_it_is_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("shrinking.ndjson");
    let full = corpus::varied_lines(50_000);
    let lines = 50_000u64;
    std::fs::write(&path, &full).expect("write");
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let writer = {
        let (path, stop, full) = (path.clone(), std::sync::Arc::clone(&stop), full.clone());
        std::thread::spawn(move || {
            let mut cut = full.len();
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                cut = (cut * 7 / 10).max(1);
                let file = std::fs::OpenOptions::new().write(true).open(&path).expect("open");
                file.set_len(cut as u64).expect("truncate");
                if cut < 1000 {
                    std::fs::write(&path, &full).expect("rewrite");
                    cut = full.len();
                }
                std::thread::sleep(Duration::from_millis(2));
            }
        })
    };
    for _ in 0..5 {
        let run = cli(&[&path]);
        let input = run.input(0);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let counted = input["records"].as_u64().unwrap_or(0) + input["skipped"].as_u64().unwrap_or(0);
        assert!(counted <= lines, "{counted}");
        // Blocks are read one after another from the live file, so a rewrite mid-read can leave
        // several damaged lines: each is reported with its reason, none is dropped.
        for example in input["skipped_examples"].as_array().expect("examples") {
            assert!(example["reason"].as_str().is_some_and(|reason| !reason.is_empty()), "{example}");
        }
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    writer.join().expect("writer");

    std::fs::write(&path, &full).expect("write");
    let mut store = errlens::store::Store::new(std::sync::Arc::new(errlens::knowledge::Knowledge::bundled()));
    store.load(path.clone(), None);
    let last = store.len() - 1;
    assert_eq!(store.record(last).map(|record| record.source.line), Some(lines));
    // Calls are read back from the file when opened (they are not kept in memory): once the file
    // is emptied the call cannot be read, and that is an answer, not a panic.
    std::fs::write(&path, b"").expect("empty it");
    assert_eq!(store.record(last), None);
    assert!(store.files[0].changed_on_disk(), "the window can say why");
    std::fs::write(&path, &full).expect("put it back");
    assert_eq!(store.record(last).map(|record| record.source.line), Some(lines));
}

#[test]
fn a_100_mb_single_line_is_skipped_with_its_size_and_the_next_line_is_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("huge-line.ndjson");
    let mut bytes = Vec::with_capacity(101 << 20);
    bytes.extend(b"{\"status\":500,\"body\":\"");
    bytes.resize(bytes.len() + (100 << 20), b'x');
    bytes.extend(b"\"}\n{\"status\":404}\n");
    std::fs::write(&path, &bytes).expect("write");
    let started = Instant::now();
    let run = cli(&[&path]);
    let elapsed = started.elapsed();
    assert_read(&run, "ndjson", 1, 1);
    assert_eq!(
        skipped_lines(run.input(0)),
        vec![(1, "100 MiB long, over the 16 MiB errlens reads as one line or row; not read".to_string())]
    );
    assert_eq!(by_status(&run), statuses(&[("404", 1)]));
    println!("100 MB line: {elapsed:?}");
    assert!(elapsed < Duration::from_secs(60), "{elapsed:?}");

    // The same line as text, through the library's block reader with a small limit.
    let limits = IngestLimits { max_line_bytes: 1 << 20, ..IngestLimits::default() };
    let mut parsed = ingest::Parsed::default();
    let options =
        ingest::ReadOptions { format: Some(Format::Text), detail: ingest::Detail::Full, limits, ..Default::default() };
    ingest::ingest_file(
        &path,
        &options,
        |_| {},
        |parts| parts.joined(),
        |chunk, _| {
            parsed.records.extend(chunk.records);
            parsed.skipped.extend(chunk.skipped);
            true
        },
    )
    .expect("readable");
    assert_eq!(parsed.records.iter().map(|r| (r.source.line, r.status)).collect::<Vec<_>>(), vec![(2, 404)]);
    let reason = SkipReason::TooLong { bytes: bytes.len() as u64 - 16, limit: 1 << 20 };
    assert_eq!(parsed.skipped.iter().map(|s| (s.line, s.reason.clone())).collect::<Vec<_>>(), vec![(1, reason)]);
}

/// Redaction runs on bodies and log lines as the user opens them; text built to make its JSON
/// search fail late from every start once took time quadratic in its length (300 KB of `"{\`:
/// about 17 minutes in a debug build). Each of these takes about a second in a debug build now.
#[test]
fn redacting_adversarial_text_takes_time_linear_in_its_length() {
    let size = 300_000;
    let secret = " sk_live_4eC39HqLyjWDarjtT1zdp7dc {\"password\":\"hunter22\"}";
    let cases = [
        ("unclosed escaped strings", "\"{\\".repeat(size / 3)),
        ("unclosed arrays", "[".repeat(size)),
        ("unclosed objects", "{\"a\":".repeat(size / 5)),
        ("unclosed strings in arrays", "[\"".repeat(size / 2)),
        ("deep, closed", corpus::deep_array(size / 2)),
    ];
    for (name, text) in cases {
        let text = text + secret;
        let started = Instant::now();
        let redacted = Redactor::default().redact_text(&text);
        let elapsed = started.elapsed();
        println!("{name}: {elapsed:?}");
        assert!(elapsed < Duration::from_secs(30), "{name}: {elapsed:?}");
        // Past the search budget the value patterns still apply.
        assert!(!redacted.value.contains("sk_live_4eC3") && !redacted.value.contains("hunter22"), "{name}");
    }
}
