use super::*;
use crate::record::SourceSpan;
use std::io::Write;

fn ingest(text: &str) -> Ingested {
    ingest_bytes(Path::new("test.log"), text.as_bytes(), None).expect("readable")
}

fn non_blank_lines(text: &str) -> usize {
    text.lines().filter(|line| !line.trim().is_empty()).count()
}

fn reasons(parsed: &Parsed) -> Vec<(u64, SkipReason)> {
    parsed.skipped.iter().map(|s| (s.line, s.reason.clone())).collect()
}

#[test]
fn ndjson_accounts_for_every_non_blank_line() {
    let text = concat!(
        "{\"status\":201,\"method\":\"POST\",\"path\":\"/api/customers\"}\n",
        "\n",
        "    at Object.<anonymous> (/srv/app/index.js:12:5)\n",
        "{\"status\":409,\"method\":\"POST\",\"path\":\"/api/cust\n",
        "{\"level\":\"info\",\"msg\":\"worker started\"}\r\n",
        "   \n",
        "{\"status\":\"404\",\"path\":\"/api/customers/1\"}\r\n",
    );
    let ingested = ingest(text);
    assert_eq!(ingested.format, Format::Ndjson);
    let parsed = &ingested.parsed;
    assert_eq!(parsed.records.len() + parsed.skipped.len(), non_blank_lines(text));
    assert_eq!(parsed.records.iter().map(|r| (r.source.line, r.status)).collect::<Vec<_>>(), vec![(1, 201), (7, 404)]);
    let reasons = reasons(parsed);
    assert_eq!(reasons[0].0, 3);
    assert!(matches!(reasons[0].1, SkipReason::InvalidJson(_)));
    assert_eq!(reasons[1], (4, SkipReason::TruncatedJson));
    assert_eq!(reasons[2], (5, SkipReason::JsonNotACall));
}

#[test]
fn bom_and_crlf_do_not_hide_records() {
    let text = "\u{feff}{\"status\":500}\r\n{\"status\":200}\r\n";
    let parsed = ingest(text).parsed;
    assert_eq!(parsed.records.iter().map(|r| r.status).collect::<Vec<_>>(), vec![500, 200]);
    assert!(parsed.skipped.is_empty());
}

#[test]
fn json_array_reports_items_by_their_line() {
    let text = "[\n  {\"status_code\": \"409\", \"path\": \"/a\"},\n  {\"note\": \"export truncated by admin\"},\n  {\n    \"status_code\": 200\n  }\n]\n";
    let ingested = ingest(text);
    assert_eq!(ingested.format, Format::Json);
    assert_eq!(
        ingested.parsed.records.iter().map(|r| (r.source.line, r.status)).collect::<Vec<_>>(),
        vec![(2, 409), (4, 200)]
    );
    assert_eq!(reasons(&ingested.parsed), vec![(3, SkipReason::JsonNotACall)]);
}

#[test]
fn object_holding_calls() {
    let text = "{\"exported\": \"2026-11-20\", \"calls\": [{\"status\": 503}, {\"status\": 200}]}";
    let ingested = ingest(text);
    assert_eq!(ingested.format, Format::Json);
    assert_eq!(ingested.parsed.records.len(), 2);
}

#[test]
fn har_entries_with_and_without_response() {
    let text = r#"{"log": {"version": "1.2", "creator": {"name": "x"}, "entries": [
  {"startedDateTime": "2026-11-20T10:00:00Z", "time": 12.5,
   "request": {"method": "POST", "url": "https://api.my-virtual-office.com/api/customers", "headers": [{"name": "X-API-Key", "value": "sk_live_x"}], "postData": {"text": "{\"email\":\"a@b.de\"}"}},
   "response": {"status": 409, "headers": [{"name": "x-request-id", "value": "req-9"}], "content": {"mimeType": "application/json", "text": "{\"error\":\"Conflict\",\"message\":\"Duplicate email\"}"}}},
  {"request": {"method": "GET", "url": "https://x/"}, "response": {"status": 0, "_error": "net::ERR_CONNECTION_RESET"}},
  {"request": {"method": "GET", "url": "https://x/"}}
]}}"#;
    let ingested = ingest(text);
    assert_eq!(ingested.format, Format::Har);
    let records = &ingested.parsed.records;
    assert_eq!(records.iter().map(|r| r.status).collect::<Vec<_>>(), vec![409, 0, 0]);
    assert_eq!(records[0].request.header("x-api-key"), Some("sk_live_x"));
    assert_eq!(records[0].request_id.as_deref(), Some("req-9"));
    assert_eq!(records[0].message.as_deref(), Some("Duplicate email"));
    assert_eq!(records[0].duration_ms, Some(12.5));
    assert_eq!(records[1].message.as_deref(), Some("net::ERR_CONNECTION_RESET"));
    assert_eq!(records.iter().map(|r| r.source.line).collect::<Vec<_>>(), vec![2, 5, 6]);
}

/// Charles writes every body in base64, mitmproxy and Chrome those that are not UTF-8: a text
/// body is decoded and read, a binary one gives no text.
#[test]
fn base64_har_bodies_are_decoded_when_they_are_text() {
    use base64::Engine as _;
    let encode = |bytes: &[u8]| base64::engine::general_purpose::STANDARD.encode(bytes);
    let error = encode(br#"{"error":"Conflict","message":"Duplicate email: a@b.de is already registered"}"#);
    let png = encode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\xff\xfe");
    let entry = |status: u16, text: &str| {
        format!(
            r#"{{"request": {{"method": "POST", "url": "https://x/api/customers"}}, "response": {{"status": {status}, "statusText": "Reason {status}", "content": {{"mimeType": "application/json", "encoding": "base64", "text": "{text}"}}}}}}"#
        )
    };
    let text =
        format!(r#"{{"log": {{"entries": [{}, {}, {}]}}}}"#, entry(409, &error), entry(500, &png), entry(502, "%%%"));
    for detail in [Detail::Full, Detail::Summary] {
        let parsed = json::parse(text.as_bytes(), Format::Har, detail).expect("a HAR");
        let records = &parsed.records;
        assert_eq!(records[0].error_type.as_deref(), Some("Conflict"));
        assert_eq!(records[0].message.as_deref(), Some("Duplicate email: a@b.de is already registered"));
        // Binary and broken base64 say nothing: the status text stands in.
        assert_eq!(records[1].message.as_deref(), Some("Reason 500"));
        assert_eq!(records[2].message.as_deref(), Some("Reason 502"));
        if detail == Detail::Full {
            assert!(records[0].response.body.as_deref().is_some_and(|body| body.starts_with(r#"{"error":"Conflict""#)));
            assert_eq!(records[1].response.body, None);
        }
    }
}

#[test]
fn a_truncated_har_is_an_error_naming_file_and_position() {
    let text = "{\"log\": {\"version\": \"1.2\", \"entries\": [\n  {\"request\": {\"method\": \"GET\", \"url\": \"/a\"},\n  \"respo";
    let error = ingest_bytes(Path::new("customer.har"), text.as_bytes(), None).expect_err("truncated");
    let message = error.to_string();
    assert!(message.starts_with("customer.har:3:"), "{message}");
    assert!(message.contains("truncated"), "{message}");
}

#[test]
fn har_entries_must_be_an_array() {
    let text = "{\"log\": {\"version\": \"1.2\",\n \"entries\": {\"a\": 1}}}";
    let message = ingest_bytes(Path::new("x.har"), text.as_bytes(), None).expect_err("not an array").to_string();
    assert_eq!(
        message,
        "x.har:2:13: cannot read the har document: log.entries is not an array: invalid type: map, expected a sequence"
    );
}

#[test]
fn csv_rows_with_json_cells_quoted_newlines_and_ragged_rows() {
    let text = concat!(
        "time,method,endpoint,status,request_body,response_body\n",
        "\"2026-11-20 10:15:02,123\",POST,/api/customers,409,\"{\"\"email\"\":\"\"a@b.de\"\"}\",\"{\"\"error\"\":\"\"Conflict\"\",\n \"\"message\"\":\"\"Duplicate email\"\"}\"\n",
        "\"2026-11-20 10:16:00,000\",GET,/api/customers/1\n",
        "\"2026-11-20 10:17:00,000\",GET,/api/customers/1,404,,\n",
    );
    let ingested = ingest(text);
    assert_eq!(ingested.format, Format::Csv);
    let parsed = &ingested.parsed;
    assert_eq!(parsed.records.iter().map(|r| (r.source.line, r.status)).collect::<Vec<_>>(), vec![(2, 409), (5, 404)]);
    assert_eq!(parsed.records[0].message.as_deref(), Some("Duplicate email"));
    assert_eq!(parsed.records[0].time_ms, Some(1_795_169_702_123));
    assert_eq!(parsed.skipped.len(), 1);
    assert_eq!(parsed.skipped[0].line, 4);
}

#[test]
fn gzip_is_detected_by_magic_and_named_by_inner_format() {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder
        .write_all(b"{\"status\":429}\n{\"status\":200}\n{\"status\":201}\n{\"status\":204}\nnot json\n")
        .expect("write");
    let compressed = encoder.finish().expect("finish");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("no-extension");
    std::fs::write(&path, &compressed).expect("write file");
    let ingested = ingest_path(&path, None).expect("readable");
    assert!(ingested.gzip);
    assert_eq!(ingested.format, Format::Ndjson);
    assert_eq!((ingested.parsed.records.len(), ingested.parsed.skipped.len()), (4, 1));

    std::fs::write(&path, &compressed[..compressed.len() / 2]).expect("write truncated");
    let message = ingest_path(&path, None).expect_err("truncated gzip").to_string();
    assert!(message.contains("no-extension") && message.contains("gzip"), "{message}");
}

#[test]
fn a_directory_is_an_error_naming_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let message = ingest_path(dir.path(), None).expect_err("a directory").to_string();
    assert!(message.contains(&dir.path().display().to_string()), "{message}");
}

#[test]
fn forced_format_overrides_detection() {
    let text = "{\"status\":500}\n";
    let ingested = ingest_bytes(Path::new("x"), text.as_bytes(), Some(Format::Text)).expect("readable");
    assert_eq!(ingested.format, Format::Text);
    assert_eq!(ingested.parsed.records.len(), 1);
}

#[test]
fn every_record_reads_back_the_same() {
    let inputs = [
        "{\"status\":409,\"path\":\"/a\",\"response\":{\"body\":{\"error\":\"Conflict\",\"message\":\"m\"}}}\n{\"status\":200}\n",
        "[{\"status\": 500, \"path\": \"/a\"}, {\"status\": 201}]",
        "time,status,endpoint\n2026-11-20T10:00:00Z,404,/a\n2026-11-20T10:00:01Z,\"503\",/b\n",
        "2026-11-20T10:00:00Z POST /api/customers -> 409 {\"error\":\"Conflict\",\"message\":\"dup\"}\n",
    ];
    for text in inputs {
        let ingested = ingest(text);
        assert!(!ingested.parsed.records.is_empty(), "{text}");
        for record in &ingested.parsed.records {
            let again = reread(text.as_bytes(), ingested.format, record.source);
            assert_eq!(again.as_ref(), Some(record), "{text}");
        }
    }
    assert_eq!(reread(b"{}", Format::Ndjson, SourceSpan { line: 1, offset: 5, len: 10 }), None);
}

#[test]
fn chunks_split_at_line_ends_give_the_same_records() {
    let text = "{\"status\":201}\n\nnot json\n{\"status\":409}\n{\"status\":5\n{\"status\":200}\n";
    let whole = line::parse_lines(text.as_bytes(), 1, 0, line::Mode::Ndjson, Detail::Full, u64::MAX);
    let bytes = text.as_bytes();
    for cut in 0..bytes.len() {
        // Chunks start at a line boundary: extend the cut to the next line end.
        let cut = bytes[cut..].iter().position(|&b| b == b'\n').map_or(bytes.len(), |at| cut + at + 1);
        let first_lines = bytes[..cut].iter().filter(|&&b| b == b'\n').count() as u64;
        let mut first = line::parse_lines(&bytes[..cut], 1, 0, line::Mode::Ndjson, Detail::Full, u64::MAX);
        let second =
            line::parse_lines(&bytes[cut..], first_lines + 1, cut as u64, line::Mode::Ndjson, Detail::Full, u64::MAX);
        first.records.extend(second.records);
        first.skipped.extend(second.skipped);
        assert_eq!(first.records, whole.records, "cut at {cut}");
        assert_eq!(first.skipped, whole.skipped, "cut at {cut}");
    }
}

/// Reads a file through the block reader, collecting everything in order.
fn read_in_blocks(path: &Path) -> (Opened, Parsed, Vec<u64>) {
    read_in_blocks_within(path, IngestLimits::DEFAULT)
}

/// [`read_in_blocks`] within `limits`.
fn read_in_blocks_within(path: &Path, limits: IngestLimits) -> (Opened, Parsed, Vec<u64>) {
    read_in_blocks_with(path, ReadOptions { limits, ..ReadOptions::default() })
}

/// [`read_in_blocks`] with `options`, keeping every call whole.
fn read_in_blocks_with(path: &Path, options: ReadOptions) -> (Opened, Parsed, Vec<u64>) {
    let mut all = Parsed::default();
    let mut progress = Vec::new();
    let options = ReadOptions { detail: Detail::Full, ..options };
    let opened = ingest_file(
        path,
        &options,
        |_| {},
        |parts| parts.joined(),
        |parsed, done| {
            all.records.extend(parsed.records);
            all.skipped.extend(parsed.skipped);
            progress.push(done);
            true
        },
    )
    .expect("readable");
    (opened, all, progress)
}

#[test]
fn the_first_block_is_small_and_the_rest_follow_whole() {
    let line = "{\"status\":503,\"url\":\"/api/customers\",\"message\":\"busy\"}\n";
    let text = line.repeat((BLOCK_BYTES + BLOCK_BYTES / 2) / line.len());
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("short-lines.ndjson");
    std::fs::write(&path, &text).expect("write");
    let (_, blocks, progress) = read_in_blocks(&path);
    let first = super::stream::FIRST_BLOCK_BYTES as u64;
    assert!((first..first + line.len() as u64).contains(&progress[0]), "{progress:?}");
    assert_eq!(progress[0] % line.len() as u64, 0, "cut after a line end");
    assert_eq!(progress.last(), Some(&(text.len() as u64)));
    assert_eq!(blocks.records.len(), text.len() / line.len());
    assert!(blocks.records.iter().enumerate().all(|(at, record)| record.source.line == at as u64 + 1));
}

#[test]
fn a_start_too_short_to_detect_the_format_is_read_on() {
    // 64 lines of 10 kB: the sample detection reads does not fit the first bytes read. By its
    // first 51 lines (45 JSON) the file would be NDJSON; by the 64 sampled (45 JSON of 64), text.
    let pad = "x".repeat(10_000);
    let json = format!("{{\"status\":500,\"pad\":\"{pad}\"}}\n");
    let text = format!("{}{}", json.repeat(45), format!("GET /a 200 {pad}\n").repeat(25));
    assert_eq!(super::detect::detect(text.as_bytes()), Format::Text);
    assert_eq!(super::detect::detect(&text.as_bytes()[..51 * json.len()]), Format::Ndjson);
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("long-lines.log");
    std::fs::write(&path, &text).expect("write");
    let (opened, blocks, _) = read_in_blocks(&path);
    assert_eq!(opened.format, Format::Text);
    let whole = ingest_bytes(&path, text.as_bytes(), None).expect("readable").parsed;
    assert_eq!((blocks.records.len(), blocks.skipped.len()), (whole.records.len(), whole.skipped.len()));
}

#[test]
fn the_block_reader_matches_the_whole_read() {
    // About 3 blocks of varied lines, with a BOM, CRLF, bad lines and one line longer than a block.
    let mut text = String::from("\u{feff}");
    let mut index = 0;
    while text.len() < 2 * BLOCK_BYTES + BLOCK_BYTES / 2 {
        index += 1;
        match index % 7 {
            0 => text.push_str("not json at all\r\n"),
            3 => text.push('\n'),
            5 => text.push_str(&format!("{{\"status\":{},\"path\":\"/a/{index}\"\n", 400 + index % 100)),
            _ => text.push_str(&format!(
                "{{\"status\":{},\"path\":\"/api/customers/{index}\",\"message\":\"m{index}\"}}\n",
                200 + index % 300
            )),
        }
        if index == 1000 {
            text.push_str(&format!("{{\"status\":500,\"pad\":\"{}\"}}\n", "x".repeat(BLOCK_BYTES + 10)));
        }
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("big.ndjson");
    std::fs::write(&path, &text).expect("write");
    let whole = ingest_bytes(&path, text.as_bytes(), None).expect("readable").parsed;
    let (opened, blocks, progress) = read_in_blocks(&path);
    assert_eq!((opened.format, opened.content_offset, opened.gzip), (Format::Ndjson, 3, false));
    assert!(opened.retained.is_none(), "a plain file is read back from disk, not kept");
    assert!(progress.len() >= 3, "{progress:?}");
    assert_eq!(progress.last(), Some(&(text.len() as u64 - 3)));
    assert_eq!(blocks.records.len(), whole.records.len());
    assert_eq!(blocks.records, whole.records);
    assert_eq!(blocks.skipped, whole.skipped);
    // The CLI's smaller blocks (which shrink as the file's end nears; the window's do not), the
    // same calls and skipped lines.
    let (_, small, small_progress) =
        read_in_blocks_with(&path, ReadOptions { blocks: super::Blocks::Small, ..ReadOptions::default() });
    let text_block = super::stream::TEXT_BLOCK_BYTES as u64;
    let at_most_a_text_block =
        |progress: &[u64]| progress.windows(2).filter(|w| w[1] - w[0] <= text_block + 100).count();
    assert_eq!(at_most_a_text_block(&progress), 0, "{progress:?}");
    assert!(at_most_a_text_block(&small_progress) >= 3, "{small_progress:?}");
    assert!(
        small_progress.windows(2).all(|w| w[1] - w[0] <= text_block + 100 || w[0] < 4 * text_block),
        "{small_progress:?}"
    );
    assert_eq!(small.records, whole.records);
    assert_eq!(small.skipped, whole.skipped);
}

#[test]
fn the_block_reader_keeps_gzip_content_and_reads_documents_whole() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(b"{\"status\":429}\n{\"status\":200}\n").expect("write");
    let gz = dir.path().join("log.gz");
    std::fs::write(&gz, encoder.finish().expect("finish")).expect("write");
    let (opened, parsed, _) = read_in_blocks(&gz);
    assert!(opened.gzip && opened.retained.is_some());
    assert_eq!(parsed.records.len(), 2);

    let csv = dir.path().join("export.csv");
    std::fs::write(&csv, "time,status,endpoint\n2026-11-20T10:00:00Z,404,/a\n").expect("write");
    let (opened, parsed, _) = read_in_blocks(&csv);
    assert_eq!(opened.headers.at(0).as_deref(), Some(&b"time,status,endpoint\n"[..]));
    assert_eq!(parsed.records.len(), 1);
    let again = reread_item(
        b"2026-11-20T10:00:00Z,404,/a",
        Format::Csv,
        opened.headers.at(0).as_deref(),
        parsed.records[0].source,
    );
    assert_eq!(again.as_ref(), Some(&parsed.records[0]));

    let har = dir.path().join("cut.har");
    std::fs::write(&har, "{\"log\": {\"entries\": [\n {\"request\": ").expect("write");
    let mut opened_called = false;
    let error =
        ingest_file(&har, &ReadOptions::default(), |_| opened_called = true, |parts| parts.joined(), |_, _| true)
            .expect_err("truncated");
    assert!(!opened_called, "an unreadable document is never announced");
    assert!(error.to_string().contains("cut.har:2:"), "{error}");
}

fn nested(depth: usize) -> String {
    format!("{}{}{}", "{\"a\":".repeat(depth), "1", "}".repeat(depth))
}

#[test]
fn json_deeper_than_the_limit_is_skipped_as_too_deep() {
    // MAX_JSON_DEPTH levels are read; one more is not.
    let at_limit = format!("{{\"status\":500,\"x\":{}}}", nested(MAX_JSON_DEPTH - 1));
    let over = format!("{{\"status\":500,\"x\":{}}}", nested(MAX_JSON_DEPTH));
    let text = format!("{at_limit}\n{over}\n{}\n{}\n", "[".repeat(100_000), nested(100_000));
    let ingested = ingest_bytes(Path::new("x"), text.as_bytes(), Some(Format::Ndjson)).expect("readable");
    assert_eq!(ingested.parsed.records.iter().map(|r| (r.source.line, r.status)).collect::<Vec<_>>(), vec![(1, 500)]);
    assert_eq!(
        reasons(&ingested.parsed),
        vec![(2, SkipReason::TooDeep), (3, SkipReason::TooDeep), (4, SkipReason::TooDeep)]
    );

    let as_text = ingest_bytes(Path::new("x"), over.as_bytes(), Some(Format::Text)).expect("readable").parsed;
    assert_eq!(reasons(&as_text), vec![(1, SkipReason::TooDeep)]);
    let items = format!("[\n{at_limit},\n{over},\n{}\n]", "[".repeat(500) + &"]".repeat(500));
    let document = ingest_bytes(Path::new("x"), items.as_bytes(), None).expect("readable");
    assert_eq!(document.format, Format::Json);
    assert_eq!(document.parsed.records.len(), 1);
    assert_eq!(reasons(&document.parsed), vec![(3, SkipReason::TooDeep), (4, SkipReason::TooDeep)]);
}

#[test]
fn lines_and_rows_over_the_limit_are_skipped_unread() {
    let limits = IngestLimits { max_line_bytes: 40, ..IngestLimits::default() };
    let long = format!("{{\"status\":500,\"message\":\"{}\"}}", "x".repeat(40));
    let text = format!("{{\"status\":404}}\n{long}\r\n{}\n{{\"status\":200}}\n", " ".repeat(100));
    let too_long = SkipReason::TooLong { bytes: long.len() as u64, limit: 40 };
    for format in [Format::Ndjson, Format::Text] {
        let parsed = ingest_bytes_with_limits(Path::new("x"), text.as_bytes(), Some(format), &limits).expect("read");
        assert_eq!(parsed.parsed.records.iter().map(|r| r.status).collect::<Vec<_>>(), vec![404, 200], "{format}");
        // A long blank line is still blank: nothing to account for.
        assert_eq!(reasons(&parsed.parsed), vec![(2, too_long.clone())], "{format}");
    }
    assert_eq!(too_long.to_string(), "67 bytes long, over the 40 bytes errlens reads as one line or row; not read");

    let csv = format!("status,message\n500,short\n500,\"{}\n{}\"\n404,x\n", "y".repeat(30), "z".repeat(30));
    let parsed = ingest_bytes_with_limits(Path::new("x"), csv.as_bytes(), None, &limits).expect("read").parsed;
    assert_eq!(parsed.records.iter().map(|r| (r.source.line, r.status)).collect::<Vec<_>>(), vec![(2, 500), (5, 404)]);
    assert_eq!(reasons(&parsed), vec![(3, SkipReason::TooLong { bytes: 64, limit: 40 })]);
}

#[test]
fn status_fields_that_hold_no_status_say_so() {
    let text = concat!(
        "{\"status\":\"404\"}\n",
        "{\"status\":404.0}\n",
        "{\"status\":-1}\n",
        "{\"status\":99999}\n",
        "{\"status\":\"ok\",\"msg\":\"healthy\"}\n",
        "{\"status\":true}\n",
        "{\"response\":{\"status\":\"a very long status text that goes on and on and on\"}}\n",
        "{\"status\":null,\"msg\":\"x\"}\n",
    );
    let parsed = ingest(text).parsed;
    assert_eq!(parsed.records.iter().map(|r| r.status).collect::<Vec<_>>(), vec![404, 404]);
    let shown: Vec<(u64, String)> = parsed.skipped.iter().map(|s| (s.line, s.reason.to_string())).collect();
    assert_eq!(
        shown,
        vec![
            (3, "the status -1 is not an HTTP status code".to_string()),
            (4, "the status 99999 is not an HTTP status code".to_string()),
            (5, "the status \"ok\" is not an HTTP status code".to_string()),
            (6, "the status true is not an HTTP status code".to_string()),
            (7, "the status \"a very long status text that goes on an… is not an HTTP status code".to_string()),
            (8, SkipReason::JsonNotACall.to_string()),
        ]
    );
    let csv = ingest("method,status\nGET,200\nGET,abc\n").parsed;
    assert_eq!(reasons(&csv), vec![(3, SkipReason::BadStatus("\"abc\"".to_string()))]);
}

#[test]
fn a_byte_order_mark_starting_a_later_line_is_read_over() {
    let text = "{\"status\":500}\n\u{feff}{\"status\":502}\n{\"status\":200}\n\u{feff}{\"status\":404}\n";
    let ingested = ingest(text);
    assert_eq!(ingested.format, Format::Ndjson);
    assert_eq!(ingested.parsed.records.iter().map(|r| r.status).collect::<Vec<_>>(), vec![500, 502, 200, 404]);
    let record = &ingested.parsed.records[1];
    assert_eq!(reread(text.as_bytes(), ingested.format, record.source).as_ref(), Some(record));
    let text = ingest("GET /a -> 200\n\u{feff}GET /b -> 404\n").parsed;
    assert_eq!(
        text.records.iter().map(|r| (r.url.as_deref(), r.status)).collect::<Vec<_>>(),
        [(Some("/a"), 200), (Some("/b"), 404)]
    );
    // A definition whose pattern starts at the line's start (uvicorn's `^`) reads it too.
    let uvicorn = ingest(concat!(
        "INFO:     192.0.2.1:5 - \"GET /a HTTP/1.1\" 200 OK\n",
        "\u{feff}INFO:     192.0.2.1:5 - \"POST /b HTTP/1.1\" 409 Conflict\n",
    ));
    assert_eq!(uvicorn.format.name(), "uvicorn");
    assert_eq!(
        uvicorn.parsed.records.iter().map(|r| (r.url.as_deref(), r.status)).collect::<Vec<_>>(),
        [(Some("/a"), 200), (Some("/b"), 409)]
    );
    // By the definition (which names the client), not by the generic reader's guess.
    assert!(uvicorn.parsed.records.iter().all(|r| r.client_digest.is_some()));
}

#[test]
fn a_quote_never_closed_is_named_in_the_row_it_swallows() {
    let text =
        "time,method,url,status\n2026-01-01T00:00:00Z,GET,/a,500\n\"cut,GET,/b,500\n2026-01-01T00:00:02Z,GET,/c,404\n";
    let parsed = ingest(text).parsed;
    assert_eq!(parsed.records.len(), 1);
    let shown: Vec<(u64, String)> = parsed.skipped.iter().map(|s| (s.line, s.reason.to_string())).collect();
    assert_eq!(
        shown,
        vec![(
            3,
            "unreadable CSV row: 1 cell where the header names 4, and no HTTP status; a quoted cell runs over \
             several lines (a quote not closed?)"
                .to_string()
        )]
    );
}

#[test]
fn the_summary_read_skips_request_parts_but_accepts_and_rejects_as_the_full_read() {
    let deep_body = format!("{{\"status\":400,\"request\":{{\"body\":{}}}}}", nested(200));
    let lines = [
        r#"{"status":409,"method":"POST","url":"/api/customers","request":{"headers":{"x-api-key":"k"},"body":{"email":"a@b.c"}},"response":{"headers":{"Retry-After":"3"},"body":{"error":"Conflict","message":"exists"}}}"#,
        r#"{"status":200,"request":{"body":"\ud800"}}"#,
        r#"{"status":200,"request":{"body":1e400}}"#,
        r#"{"status":200,"payload":{"a":}}"#,
        r#"{"status":200,"request":{"body":"x"},"status":503}"#,
        r#"{"request":{"body":{"status":500}}}"#,
        r#"{"$serde_json::private::RawValue":"{\"status\":404}"}"#,
        "{\"status\":201,\"request_body\":\"\u{1}\"}",
        "{\"status\":201,\"request_headers\":{\"a\":\"\\u00e9\"},\"requestBody\":[1,{\"x\":null}]}",
        &deep_body,
    ];
    for line in lines {
        let full = line::parse_one(line.as_bytes(), line::Mode::Ndjson, Detail::Full);
        let summary = line::parse_one(line.as_bytes(), line::Mode::Ndjson, Detail::Summary);
        match (&full, &summary) {
            (Ok(full), Ok(summary)) => {
                assert_eq!(summary.request, crate::record::Message::default(), "{line}");
                let without_bodies = Record {
                    request: Default::default(),
                    request_digest: summary.request_digest,
                    response: summary.response.clone(),
                    request_id: None,
                    duration_ms: None,
                    ..full.clone()
                };
                assert_eq!(summary, &without_bodies, "{line}");
            }
            (Err(full), Err(summary)) => assert_eq!(summary, full, "{line}"),
            _ => panic!("{line}: full {full:?}, summary {summary:?}"),
        }
    }
    let first = line::parse_one(lines[0].as_bytes(), line::Mode::Ndjson, Detail::Summary).expect("a call");
    assert_eq!((first.status, first.error_type.as_deref()), (409, Some("Conflict")));
    assert_eq!(first.response.header("retry-after"), Some("3"));
}

mod summary_read {
    use super::*;
    use crate::record::Message;
    use proptest::prelude::*;
    use serde_json::{Value, json};

    /// The summary read must find what the full read finds (the fuzzer's check, on call-shaped
    /// input): the same record without bodies, headers, request id and duration, the same
    /// Retry-After, or the same reason.
    fn same_call(text: &[u8], format: Format) -> Result<(), TestCaseError> {
        let full = read_one(text, format, Detail::Full).expect("not CSV");
        let summary = read_one(text, format, Detail::Summary).expect("not CSV");
        match (full, summary) {
            (Ok(full), Ok(summary)) => {
                let retry_after = |record: &Record| record.response.header("retry-after").map(str::to_string);
                prop_assert_eq!(retry_after(&summary), retry_after(&full));
                let stripped = |record: Record| Record {
                    request: Message::default(),
                    request_digest: None,
                    response: Message::default(),
                    request_id: None,
                    duration_ms: None,
                    ..record
                };
                prop_assert_eq!(summary.request_id.as_ref(), None);
                prop_assert_eq!(summary.duration_ms, None);
                prop_assert_eq!(stripped(summary), stripped(full));
            }
            (full, summary) => prop_assert_eq!(summary.err(), full.err()),
        }
        Ok(())
    }

    fn header_name() -> impl Strategy<Value = String> + Clone {
        prop::sample::select(vec![
            "X-Request-Id",
            "x-request-id",
            "Retry-After",
            "request-id",
            "X-Amzn-RequestId",
            "x-correlation-id",
            "Content-Type",
            "x-request-idx",
        ])
        .prop_map(str::to_string)
    }

    fn headers() -> impl Strategy<Value = Value> {
        let pairs = prop::collection::vec((header_name(), "[a-z0-9 -]{0,6}"), 0..5);
        prop_oneof![
            pairs.clone().prop_map(|pairs| Value::Object(pairs.into_iter().map(|(n, v)| (n, json!(v))).collect())),
            pairs.clone().prop_map(|pairs| json!(
                pairs.into_iter().map(|(name, value)| json!({"name": name, "value": value})).collect::<Vec<_>>()
            )),
            pairs.prop_map(|pairs| json!(pairs.into_iter().map(|(n, v)| format!("{n}: {v}")).collect::<Vec<_>>())),
            Just(json!("x-request-id: 1")),
            Just(json!([1, null, {"value": "x"}])),
        ]
    }

    fn status() -> impl Strategy<Value = Value> {
        prop_oneof![Just(json!(200)), Just(json!(409)), Just(json!("503")), Just(Value::Null), Just(json!(0))]
    }

    fn body() -> impl Strategy<Value = Value> {
        prop_oneof![
            Just(json!({"error": "Conflict", "message": "Duplicate email"})),
            Just(json!("{\"error\":\"Too Many Requests\"}")),
            Just(json!([{"message": "first"}])),
            Just(json!("")),
            Just(Value::Null),
            Just(json!({"id": 1, "status": "active"})),
        ]
    }

    /// Escapes a letter of a key and of a header name now and then, as some loggers write them.
    fn written(value: &Value, escape: bool) -> String {
        let text = value.to_string();
        if !escape {
            return text;
        }
        text.replacen("\"status\"", "\"st\\u0061tus\"", 1).replacen("x-request-id", "x-req\\u0075est-id", 1)
    }

    proptest! {
        #[test]
        fn an_ndjson_line_reads_alike_in_summary_and_in_full(
            status in status(),
            headers in headers(),
            body in body(),
            message in prop::option::of(Just("connect ETIMEDOUT")),
            escape in any::<bool>(),
        ) {
            let mut line = json!({
                "timestamp": "2026-11-26T09:00:00Z", "method": "POST", "url": "/api/customers",
                "status": status, "request": {"headers": headers.clone(), "body": {"email": "a@b.c"}},
                "response": {"headers": headers, "body": body},
            });
            if let Some(message) = message {
                line["error"] = json!(message);
            }
            same_call(written(&line, escape).as_bytes(), Format::Ndjson)?;
        }

        /// Text lines that end with an object, which a summary does not read when it names no
        /// key of a call or an error and the text says the line is no call either way.
        #[test]
        fn a_text_line_with_an_object_reads_alike_in_summary_and_in_full(
            prefix in prop::sample::select(vec![
                "# failJSON: ", "2026-11-20 ERROR POST /api/x -> ", "GET /v1/x failed ", "status=503 ",
                "\"- - -\" 0 ", "job done ", "POST /x timed out ", "", "x GET {",
            ]),
            members in prop::collection::vec((
                prop::sample::select(vec![
                    "time", "match", "host", "status", "st\\u0061tus", "error", "errors", "message", "code",
                    "type", "title", "detail", "url", "method", "response", "http.response.status_code",
                    "errorMessage", "error_code", "id", "statusX", "",
                ]),
                prop::sample::select(vec![
                    "\"rate_limited\"", "429", "\"Too Many Requests\"", "{\"status\":500}", "true", "1e3",
                    "[{\"code\":\"Not Found\"}]", "{\"type\":\"Conflict\"}", "\"GET /v1/x HTTP/1.1\"",
                    "\"- - HTTP/1.1\" 400", "{",
                ]),
            ), 0..4),
            tail in prop::sample::select(vec!["", " trailing", "}", " \"-", " status: 500"]),
        ) {
            let members: Vec<String> = members.iter().map(|(key, value)| format!("\"{key}\": {value}")).collect();
            let line = format!("{prefix}{{{}}}{tail}", members.join(", "));
            same_call(line.as_bytes(), Format::Text)?;
        }

        #[test]
        fn a_har_entry_reads_alike_in_summary_and_in_full(
            status in status(),
            request_headers in headers(),
            response_headers in headers(),
            text in body(),
            escape in any::<bool>(),
        ) {
            let entry = json!({
                "startedDateTime": "2026-11-26T09:00:00Z", "time": 12.5,
                "request": {"method": "get", "url": "https://a/b", "headers": request_headers},
                "response": {"status": status, "statusText": "Conflict", "headers": response_headers,
                    "content": {"mimeType": "application/json", "text": text.to_string()}},
                "_initiator": {"type": "script"},
            });
            same_call(written(&entry, escape).as_bytes(), Format::Har)?;
        }
    }
}

/// OpenTelemetry's OTLP JSON: log records and client spans, their attributes as lists of typed
/// values, read as calls with the same field names as a flat log.
#[test]
fn otlp_json_log_records_and_spans_are_calls() {
    let logs = r#"{"resourceLogs":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"billing"}}]},
 "scopeLogs":[{"scope":{"name":"http"},"logRecords":[
  {"timeUnixNano":"1763633702000000000","severityText":"ERROR","body":{"stringValue":"create contact failed"},
   "attributes":[{"key":"http.request.method","value":{"stringValue":"POST"}},
                 {"key":"url.full","value":{"stringValue":"https://api.example.com/v1/contacts"}},
                 {"key":"http.response.status_code","value":{"intValue":"409"}}]},
  {"timeUnixNano":"1763633703000000000","body":{"stringValue":"cache warmed"},"attributes":[]}
 ]}]}]}"#;
    let parsed = ingest_bytes(Path::new("otlp.json"), logs.as_bytes(), None).expect("readable").parsed;
    assert_eq!(parsed.records.len(), 1, "{:?}", parsed.skipped);
    let call = &parsed.records[0];
    assert_eq!((call.status, call.method.as_deref()), (409, Some("POST")));
    assert_eq!(call.url.as_deref(), Some("https://api.example.com/v1/contacts"));
    assert_eq!(call.time_ms, Some(1_763_633_702_000));
    assert_eq!((parsed.skipped.len(), parsed.skipped[0].line), (1, 7));
    let again = reread(logs.as_bytes(), Format::Json, call.source).expect("reads back");
    assert_eq!(again.status, 409);

    let spans = r#"{"resourceSpans":[{"scopeSpans":[{"spans":[
  {"name":"GET","kind":3,"startTimeUnixNano":"1763633702000000000","status":{"code":2},
   "attributes":[{"key":"http.request.method","value":{"stringValue":"GET"}},
                 {"key":"url.full","value":{"stringValue":"https://api.example.com/v1/contacts/42"}},
                 {"key":"http.response.status_code","value":{"intValue":503}}]}]}]}]}"#;
    let parsed = ingest_bytes(Path::new("spans.json"), spans.as_bytes(), None).expect("readable").parsed;
    assert_eq!(parsed.records.iter().map(|r| r.status).collect::<Vec<_>>(), [503]);
}

#[test]
fn a_w3c_log_streamed_from_a_file_reads_as_it_reads_whole() {
    // Blocks of a megabyte: the `#Fields:` line changes in several (an unread one among them), so
    // a block's rows start with a line found in another block, and its rows are read back with it.
    let long_fields = format!("#Fields: {}\n", "x-pad ".repeat(40));
    let mut log = String::from("#Software: Microsoft Internet Information Services 10.0\n");
    let mut full_rows = true;
    for n in 0..120_000usize {
        // The columns change every 17,000 rows (under a block), to another set and back.
        if n % 17_000 == 0 {
            full_rows = (n / 17_000).is_multiple_of(2);
            if n == 51_000 {
                // An unread `#Fields:` line: the row after it has no fields in effect.
                log.push_str(&long_fields);
                log.push_str("404 /v1/none\n");
            }
            log.push_str(if full_rows {
                "#Fields: date time cs-method cs-uri-stem sc-status\n"
            } else {
                "#Fields: sc-status cs-uri-stem\n"
            });
        }
        if full_rows {
            log.push_str(&format!("2022-11-07 14:29:{:02} GET /v1/a/{n} {}\n", n % 60, 200 + n % 300));
        } else {
            log.push_str(&format!("{} /v1/b/{n}\n", 400 + n % 5));
        }
    }
    assert!(log.len() > 3 * stream::TEXT_BLOCK_BYTES, "several blocks");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("u_ex221107.log");
    std::fs::write(&path, &log).expect("write");

    // A `#Fields:` line over the line limit is unread: the rows after it have no fields.
    let limits = IngestLimits { max_line_bytes: 200, ..IngestLimits::DEFAULT };
    let whole = w3c::parse(log.as_bytes(), Detail::Full, limits.max_line_bytes);
    let (opened, streamed, progress) = read_in_blocks_within(&path, limits);
    assert_eq!(opened.format, Format::W3c);
    assert!(progress.len() > 3, "read in {} blocks: {progress:?}", progress.len());
    assert_eq!(streamed.records, whole.records);
    assert_eq!(streamed.skipped, whole.skipped);
    assert!(whole.records.len() > 100_000 && whole.skipped.iter().any(|s| s.reason == SkipReason::NoFieldsYet));

    // Every row reads back with the `#Fields:` line it was read with.
    let all_headers = HeaderRows::of(Format::W3c, log.as_bytes());
    for record in whole.records.iter().step_by(997) {
        let header = opened.headers.at(record.source.offset);
        assert_eq!(header, all_headers.at(record.source.offset));
        let row = &log.as_bytes()[record.source.offset as usize..][..record.source.len as usize];
        assert_eq!(reread_item(row, Format::W3c, header.as_deref(), record.source).as_ref(), Some(record));
    }
}

#[test]
fn a_streamed_w3c_logs_fields_lines_are_known_before_the_rows_that_need_them() {
    let mut log = String::new();
    for n in 0..40_000 {
        if n % 10_000 == 0 {
            log.push_str(&format!("#Fields: date time cs-method cs-uri-stem sc-status x-n{n}\n"));
        }
        log.push_str(&format!("2022-11-07 14:29:{:02} GET /v1/a/{n} 503 {n}\n", n % 60));
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("changing.log");
    std::fs::write(&path, &log).expect("write");
    let headers = std::cell::RefCell::new(None);
    let mut checked = 0;
    let options = ReadOptions { detail: Detail::Full, ..ReadOptions::default() };
    ingest_file(
        &path,
        &options,
        |opened| *headers.borrow_mut() = Some(opened.headers.clone()),
        |parts| parts.joined(),
        |parsed, _| {
            // What the window holds from `on_open` already names the line of the block's last row.
            let record = parsed.records.last().expect("rows");
            let header = headers.borrow().as_ref().and_then(|headers| headers.at(record.source.offset));
            let n = record.url.as_deref().and_then(|url| url.rsplit('/').next()).expect("a url");
            let wanted = format!("x-n{}", n.parse::<u64>().expect("a number") / 10_000 * 10_000);
            assert!(header.is_some_and(|line| line.ends_with(wanted.as_bytes())), "row {n}");
            checked += 1;
            true
        },
    )
    .expect("readable");
    assert!(checked > 1);
}

#[test]
fn a_line_read_in_place_pushes_its_call_once_and_a_line_that_is_none_pushes_nothing() {
    // Each way a line becomes a call or not, in each mode that reads in place: a call, an object
    // that is not one, a wrapped line, an Azure `properties` string, logfmt, text.
    let lines = [
        (line::Mode::Ndjson, r#"{"status":503,"url":"/v1/a","message":"busy"}"#, true),
        (line::Mode::Ndjson, r#"{"level":"info","msg":"started"}"#, false),
        (
            line::Mode::Ndjson,
            r#"{"log":"10.0.0.1 - - [10/Oct/2026:13:55:36 +0000] \"GET /v1/b HTTP/1.1\" 404 12"}"#,
            true,
        ),
        (
            line::Mode::Ndjson,
            r#"{"time":"2026-11-20T10:00:00Z","properties":"{\"status\":429,\"url\":\"/v1/c\"}"}"#,
            true,
        ),
        (line::Mode::Ndjson, "not json", false),
        (line::Mode::Logfmt, r#"level=info method=POST url=/v1/d status=409"#, true),
        (line::Mode::Logfmt, r#"level=info msg="POST /v1/e (500) 3ms" caller=http.go"#, true),
        (line::Mode::Logfmt, "level=info msg=started caller=main.go", false),
        (line::Mode::Text, "POST /v1/f -> 502 Bad Gateway", true),
        (line::Mode::Text, "sync loop started", false),
    ];
    for (mode, text, is_call) in lines {
        for detail in [Detail::Summary, Detail::Full] {
            let mut parsed = Parsed::default();
            line::parse_lines_into(&mut parsed, text.as_bytes(), 7, 100, mode, detail, 1 << 20);
            let (records, skipped) = (parsed.records.len(), parsed.skipped.len());
            assert_eq!((records, skipped), if is_call { (1, 0) } else { (0, 1) }, "{mode:?} {detail:?} {text}");
            if let Some(record) = parsed.records.first() {
                assert_eq!((record.source.line, record.source.offset), (7, 100), "{text}");
                assert!(record.url.is_some(), "{text}");
            }
        }
    }
}
