use super::*;
use crate::ingest::Parsed;

fn call(status: u16, url: Option<&str>, error_type: Option<&str>, message: Option<&str>) -> Record {
    Record {
        status,
        method: Some("POST".into()),
        url: url.map(str::to_string),
        error_type: error_type.map(str::to_string),
        message: message.map(str::to_string),
        ..Record::default()
    }
}

/// A retry is the same method, URL and body (or idempotency key), however the log was read.
#[test]
fn the_request_key_tells_a_retry_from_another_request() {
    let line = |body: &str, url: &str| {
        format!(r#"{{"method":"POST","url":"{url}","status":503,"request":{{"body":{body}}}}}"#)
    };
    let key = |text: String, detail| {
        let record = crate::ingest::read_one(text.as_bytes(), crate::ingest::Format::Ndjson, detail)
            .expect("a line format")
            .expect("a call");
        request_key(&record)
    };
    let a = line(r#"{"email":"a@example.de"}"#, "https://h.example/api/customers");
    let a_again = line(r#"{"email":"a@example.de"}"#, "/api/customers");
    let b = line(r#"{"email":"b@example.de"}"#, "https://h.example/api/customers");
    let summary = crate::ingest::Detail::Summary;
    assert_ne!(key(a.clone(), summary), 0);
    assert_eq!(key(a.clone(), summary), key(a_again, summary));
    assert_ne!(key(a.clone(), summary), key(b, summary));
    assert_eq!(key(a.clone(), summary), key(a, crate::ingest::Detail::Full), "a compact body reads alike");
    // Without a body, a POST is not known; a GET is its URL.
    let no_body = r#"{"method":"POST","url":"/api/customers","status":503}"#.to_string();
    assert_eq!(key(no_body, summary), 0);
    let get = |query: &str| format!(r#"{{"method":"GET","url":"/api/customers/7{query}","status":503}}"#);
    assert_ne!(key(get(""), summary), key(get("?page=2"), summary));
    // An idempotency key stands for the body.
    let keyed = |body: &str| {
        format!(
            r#"{{"method":"POST","url":"/api/x","status":503,"request":{{"headers":{{"Idempotency-Key":"k1"}},"body":{body}}}}}"#
        )
    };
    assert_eq!(key(keyed("{\"n\":1}"), summary), key(keyed("{\"n\":2}"), summary));
}

#[test]
fn retry_after_is_seconds_or_an_http_date_from_the_call() {
    assert_eq!(retry_after_ms(" 30 ", None), Some(30_000));
    assert_eq!(retry_after_ms("1.5", None), Some(1_500));
    let call = chrono::DateTime::parse_from_rfc3339("2026-11-20T09:00:00Z").expect("time").timestamp_millis();
    assert_eq!(retry_after_ms("Fri, 20 Nov 2026 09:00:12 GMT", Some(call)), Some(12_000));
    assert_eq!(retry_after_ms("Fri, 20 Nov 2026 08:59:00 GMT", Some(call)), Some(0));
    assert_eq!(retry_after_ms("Fri, 20 Nov 2026 09:00:12 GMT", None), None);
    assert_eq!(retry_after_ms("soon", Some(call)), None);
    assert_eq!(retry_after_ms("-3", None), None);
}

#[test]
fn retry_after_values_are_counted_per_kind_in_the_block() {
    let knowledge = Knowledge::bundled();
    let with_retry = |status: u16, value: &str| {
        let mut record = call(status, Some("/api/customers"), None, Some("Too many requests"));
        record.response.headers = vec![("Retry-After".into(), value.into())];
        record
    };
    let records = vec![with_retry(429, "30"), with_retry(429, " 30"), with_retry(429, "5"), with_retry(200, "9")];
    let rows = Rows::of(Parts::whole(Parsed { records, ..Parsed::default() }), &knowledge);
    let kind = rows.rows.kind[0];
    let counts: BTreeMap<String, usize> = BTreeMap::from([("30".into(), 2), ("5".into(), 1)]);
    assert_eq!(rows.retry_after, BTreeMap::from([(kind, counts)]));
}

/// The same message under other circumstances is classified again, not taken from the memo.
#[test]
fn every_row_is_classified_as_on_its_own_however_often_its_message_repeats() {
    let knowledge = Knowledge::bundled();
    let vendor = Some("https://api.my-virtual-office.com/api/customers");
    let other = Some("https://api.example.org/v1/things");
    let missing = "API key missing: send your key in the X-API-Key header";
    let records = vec![
        call(401, vendor, Some("Unauthorized"), Some(missing)),
        call(401, vendor, Some("Unauthorized"), Some(missing)),
        call(401, other, Some("Unauthorized"), Some(missing)),
        call(403, vendor, Some("Unauthorized"), Some(missing)),
        call(401, vendor, None, Some(missing)),
        call(401, None, None, Some(missing)),
        call(200, vendor, None, Some(missing)),
        call(401, vendor, Some("Unauthorized"), Some("Customer 12345678 of a@b.ch")),
        call(401, vendor, Some("Unauthorized"), Some("Customer 12345678 of a@b.ch")),
        call(500, vendor, None, None),
        call(502, None, None, None),
    ];
    let expected_kinds: Vec<Option<String>> =
        records.iter().map(|record| knowledge.classify(record).map(|found| found.kind)).collect();
    let variants: Vec<Option<String>> =
        records.iter().map(|record| record.message.as_deref().map(variant::of)).collect();
    let rows = Rows::of(Parts::whole(Parsed { records, ..Parsed::default() }), &knowledge);

    let kinds: Vec<Option<String>> =
        rows.rows.kind.iter().map(|&kind| (kind != NONE).then(|| rows.kinds.get(kind).to_string())).collect();
    assert_eq!(kinds, expected_kinds);
    let messages: Vec<Option<String>> = rows
        .rows
        .message
        .iter()
        .map(|&message| (message != NONE).then(|| rows.messages.get(message).to_string()))
        .collect();
    assert_eq!(messages, variants);
    // The circumstances do change the kind here, so the memo is put to the test.
    assert_ne!(expected_kinds[0], expected_kinds[2]);
    assert_ne!(expected_kinds[0], expected_kinds[3]);
    assert_eq!(rows.messages.len(), 2);
}

/// A thread's classifications, kept for a file's later blocks, are those of the knowledge they
/// were made with: blocks read with other knowledge (another vendor file) classify afresh.
#[test]
fn a_later_block_classifies_as_its_own_knowledge_does() {
    let vendor = Some("https://api.my-virtual-office.com/api/customers");
    let missing = "API key missing: send your key in the X-API-Key header";
    let records = || {
        vec![
            call(401, vendor, Some("Unauthorized"), Some(missing)),
            call(401, None, None, Some(missing)),
            call(403, vendor, Some("Unauthorized"), Some(missing)),
            call(502, None, None, None),
        ]
    };
    let bundled = Arc::new(Knowledge::bundled());
    // The same files without the vendor's kinds: its messages are generic failures there.
    let mut without_kinds = Knowledge::bundled();
    without_kinds.vendors.iter_mut().for_each(|base| base.kinds.clear());
    let without_kinds = Arc::new(without_kinds);
    let kinds_of = |knowledge: &Arc<Knowledge>| {
        let rows = Rows::of_shared(Parts::whole(Parsed { records: records(), ..Parsed::default() }), knowledge);
        let kinds: Vec<Option<String>> =
            rows.rows.kind.iter().map(|&kind| (kind != NONE).then(|| rows.kinds.get(kind).to_string())).collect();
        let expected: Vec<Option<String>> =
            records().iter().map(|record| knowledge.classify(record).map(|found| found.kind)).collect();
        assert_eq!(kinds, expected);
        kinds
    };
    let first = kinds_of(&bundled);
    assert_eq!(kinds_of(&bundled), first, "a later block, from the thread's memory");
    assert_ne!(kinds_of(&without_kinds), first, "other knowledge, classified afresh");
    assert_eq!(kinds_of(&bundled), first);
}

/// A call's endpoint and vendor come from the block's memo when its method, URL and host
/// were seen: each row still gets what it would get on its own.
#[test]
fn remembered_calls_give_each_row_its_own_endpoint_vendor_and_request_key() {
    let knowledge = Knowledge::bundled();
    let vendor_url = "https://api.my-virtual-office.com/api/customers/3f2a9c1b-1111-4c3d-9e8f-0123456789ab";
    let missing = "API key missing: send your key in the X-API-Key header";
    let with = |method: Option<&str>, url: Option<&str>, host: Option<&str>| {
        let mut record = call(401, url, Some("Unauthorized"), Some(missing));
        record.method = method.map(crate::record::method);
        record.host = host.map(str::to_string);
        record
    };
    let shapes = [
        with(Some("POST"), Some(vendor_url), None),
        with(Some("GET"), Some(vendor_url), None),
        with(None, Some(vendor_url), None),
        with(Some(""), Some(vendor_url), None),
        with(Some("POST"), Some("/api/customers/7"), Some("api.my-virtual-office.com")),
        with(Some("POST"), Some("/api/customers/7"), Some("api.example.org")),
        with(Some("POST"), Some("/api/customers/7"), None),
        with(Some("POST"), None, Some("api.my-virtual-office.com")),
        with(Some("POST"), None, None),
        // Parts that hold what once separated them in the key.
        with(Some("POST\u{1}U\u{0}"), None, None),
        with(Some("POST"), Some("U\u{0}\u{0}"), None),
        with(Some("POST"), Some("7:U"), None),
        with(Some("POST"), Some(""), Some("-")),
        with(Some("GET"), Some("/api/customers/7"), None),
        with(Some("GET"), Some("https://h.example/api/customers/7?page=2#top"), Some("h.example")),
        with(Some("DELETE"), Some(vendor_url), None),
        Record { request_digest: Some(7), ..with(Some("PUT"), Some("/api/customers/7"), None) },
    ];
    // Each shape several times, interleaved, past the memo's trial.
    let records: Vec<Record> = (0..Calls::TRIAL as usize * 2).map(|at| shapes[at % shapes.len()].clone()).collect();
    let expected: Vec<(String, Option<String>, u64)> = records
        .iter()
        .map(|record| {
            let endpoint = endpoint::template(record.method.as_deref(), record.url.as_deref());
            (endpoint, knowledge.classify(record).map(|found| found.kind), request_key(record))
        })
        .collect();
    let rows = Rows::of(Parts::whole(Parsed { records, ..Parsed::default() }), &knowledge);
    let got: Vec<(String, Option<String>, u64)> = (0..rows.len())
        .map(|row| {
            let (endpoint, kind) = (rows.rows.endpoint[row], rows.rows.kind[row]);
            let kind = (kind != NONE).then(|| rows.kinds.get(kind).to_string());
            (rows.endpoints.get(endpoint).to_string(), kind, rows.rows.request[row])
        })
        .collect();
    assert_eq!(got, expected);
    let keys: std::collections::BTreeSet<u64> = expected.iter().map(|(.., key)| *key).collect();
    assert!(keys.len() > 4, "calls with different requests: {keys:?}");
    let kinds: std::collections::BTreeSet<&Option<String>> = expected.iter().map(|(_, kind, _)| kind).collect();
    assert!(kinds.len() > 1, "the vendor changes the kind here, so the memo is put to the test: {kinds:?}");
}

/// Calls whose URLs never come again (an id in each) stop being remembered early, where calls
/// that repeat keep being remembered; the rows are the same either way.
#[test]
fn calls_that_never_come_again_stop_being_remembered_early() {
    let knowledge = Knowledge::bundled();
    let calls = |url: &dyn Fn(usize) -> String| -> Vec<Record> {
        (0..Calls::TRIAL as usize * 2).map(|at| call(404, Some(&url(at)), None, None)).collect()
    };
    let unique = calls(&|at| format!("https://api.example.com/v1/contacts/{:08x}-1111-4c3d-9e8f-0123456789ab", at));
    let repeated = calls(&|at| format!("https://api.example.com/v1/contacts/{}", at % 40));
    for (records, remembered) in [(unique, false), (repeated, true)] {
        let mut memo = Memo::default();
        let rows = Rows::of_with(
            Parts::whole(Parsed { records: records.clone(), ..Parsed::default() }),
            &knowledge,
            &mut memo,
        );
        let (lookups, kept) = (memo.calls.lookups, memo.calls.list.len());
        if remembered {
            assert_eq!((lookups, memo.calls.stopped), (records.len() as u32, false));
        } else {
            assert_eq!((lookups, kept, memo.calls.stopped), (Calls::EARLY_TRIAL, Calls::EARLY_TRIAL as usize, true));
        }
        let mut one_by_one = Rows::default();
        for record in &records {
            one_by_one.add(record, &knowledge, &mut Memo::default());
        }
        assert_eq!(rows.as_text(), one_by_one.as_text());
    }
}

/// Columns a block hands back are empty when the next block takes them, every one of them.
#[test]
fn recycled_columns_come_back_empty() {
    let lengths = |columns: &BlockColumns| {
        [
            columns.line.len(),
            columns.offset.len(),
            columns.text_len.len(),
            columns.time_ms.len(),
            columns.status.len(),
            columns.kind.len(),
            columns.endpoint.len(),
            columns.message.len(),
            columns.request.len(),
            columns.retry_after_ms.len(),
        ]
    };
    let record = Record { status: 503, time_ms: Some(1), ..Record::default() };
    let mut columns = BlockColumns::default();
    columns.push(&record, 1, 2, 3, 4);
    assert_eq!(lengths(&columns), [1; 10]);
    columns.clear();
    assert_eq!(lengths(&columns), [0; 10]);
    columns.push(&record, 1, 2, 3, 4);
    columns.recycle();
    // The pool is the process's: other tests' blocks may be in it, or have taken this one (so
    // which come back is not asserted), and every one of them is empty.
    for _ in 0..MAX_SPARE_COLUMNS + 1 {
        assert_eq!(lengths(&BlockColumns::reused()), [0; 10]);
    }
}

/// A line of a defined format whose captures but its time repeat an earlier line's gets the row
/// that line got, with its own place and time: the same rows as each worked out on its own, on
/// lines that differ in each capture a row is made of, on real logs and on the samples.
#[test]
fn a_repeated_line_gets_the_row_its_call_would_get_on_its_own() {
    use crate::ingest::{Format, formats};
    let knowledge = Knowledge::bundled();
    let defined = |name: &str| Format::Line(formats::registry().find(name).expect("a bundled format"));
    // Lines that differ in one capture at a time, each many times, interleaved, past the trial.
    let mut urllib3 = String::new();
    let mut combined = String::new();
    for n in 0..Lines::TRIAL as usize * 6 {
        // Each line four times running, and again further on.
        let shape = n / 4;
        let host = ["api.example.com", "api.my-virtual-office.com"][shape % 2];
        let request = [
            "POST /v1/contacts HTTP/1.1",
            "GET /api/customers/7 HTTP/1.1",
            "POST /api/customers HTTP/1.1",
            "DELETE /v1/contacts?id=3 HTTP/1.1",
        ][shape / 2 % 4];
        let status = ["200", "409", "429", "503", "401"][shape / 8 % 5];
        urllib3.push_str(&format!("DEBUG:urllib3.connectionpool:https://{host}:443 \"{request}\" {status} 85\n"));
        let client = ["203.0.113.7", "198.51.100.2", "-"][shape / 40 % 3];
        let second = n % 60;
        combined.push_str(&format!(
            "{client} - - [10/Oct/2026:13:55:{second:02} -0700] \"{request}\" {status} 92 \"-\" \"python-requests/2.32\"\n"
        ));
    }
    // A format of two patterns, without a response, read by message and error: and lines a
    // definition reads oddly (a request line that is not one, a time out of range, no status).
    let mut requests = String::new();
    let mut odd = String::new();
    for n in 0..Lines::TRIAL as usize * 6 {
        let shape = n / 4;
        let status = ["409 Client Error: Conflict", "503 Server Error: Service Unavailable"][shape % 2];
        let url =
            ["https://api.example.com/v1/contacts", "https://api.my-virtual-office.com/api/customers"][shape / 2 % 2];
        requests.push_str(&match shape / 4 % 3 {
            0 => format!("requests.exceptions.HTTPError: {status} for url: {url}\n"),
            1 => format!(
                "requests.exceptions.ConnectionError: HTTPSConnectionPool(host='api.example.com', port=443): Max retries exceeded with url: /v1/contacts (Caused by {})\n",
                ["NewConnectionError('refused')", "ReadTimeoutError('timed out')"][shape % 2]
            ),
            _ => format!("requests.exceptions.ReadTimeout: HTTPSConnectionPool(host='{}', port=443): Read timed out. (read timeout=10) url: /v1/x\n", ["a.example", "b.example"][shape % 2]),
        });
        let (request, year) = [
            ("\"\"", 2026),
            ("\"\\x16\\x03\\x01\"", 2026),
            ("\"GET /v1/x HTTP/1.1\"", 1800),
            ("\"GET /v1/x HTTP/1.1\"", 2026),
        ][shape % 4];
        let status = ["400", "-", "200", "000"][shape / 4 % 4];
        odd.push_str(&format!("203.0.113.7 - - [10/Oct/{year}:13:55:{:02} -0700] {request} {status} 0\n", n % 60));
    }
    let mut cases: Vec<(String, Vec<u8>, Format)> = vec![
        ("urllib3 lines".into(), urllib3.into_bytes(), defined("python-urllib3")),
        ("combined lines".into(), combined.into_bytes(), defined("combined")),
        ("requests lines".into(), requests.into_bytes(), defined("python-requests-error")),
        ("odd combined lines".into(), odd.into_bytes(), defined("combined")),
    ];
    let real = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/real-logs");
    let samples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-logs");
    for folder in [real, samples] {
        for entry in std::fs::read_dir(&folder).into_iter().flatten().flatten() {
            let Ok(bytes) = std::fs::read(entry.path()) else { continue };
            let format = crate::ingest::detect::detect(&bytes);
            if matches!(format, Format::Line(_)) {
                cases.push((entry.path().display().to_string(), bytes, format));
            }
        }
    }
    assert!(cases.len() > 8, "the real logs and samples are there: {}", cases.len());
    let mut hits = 0;
    for (label, bytes, format) in &cases {
        let remembered =
            remembered_rows_agree(bytes, *format, &knowledge, 1 << 20).unwrap_or_else(|row| panic!("{label}: {row}"));
        hits += remembered;
        if label.ends_with(" lines") {
            assert!(
                remembered as usize > bytes.split(|&b| b == b'\n').count() / 2,
                "{label}: the memo is put to the test"
            );
        }
    }
    assert!(hits > 1000, "rows were remembered: {hits}");
}

/// A timeless format's line seen before word for word takes its row by the line, without a
/// search; lines alike in their captures only (a response's size) still take theirs by the
/// captures; a format that captures a time never remembers lines whole. Every row is its own.
#[test]
fn a_timeless_line_seen_word_for_word_takes_its_row_by_the_line() {
    use crate::ingest::{Format, formats};
    let knowledge = Knowledge::bundled();
    let defined = |name: &str| Format::Line(formats::registry().find(name).expect("a bundled format"));
    let (urllib3, combined) = (defined("python-urllib3"), defined("combined"));
    let line = |n: usize, size: usize| {
        let status = ["200", "409", "429", "503"][n % 4];
        format!(
            "DEBUG:urllib3.connectionpool:https://api.example.com:443 \"POST /v1/contacts HTTP/1.1\" {status} {size}\n"
        )
    };
    let lines = Lines::TRIAL as usize * 8;
    let same_lines: String = (0..lines).map(|n| line(n, 85)).collect();
    let sizes_differ: String = (0..lines).map(|n| line(n, 100 + n)).collect();
    let timed: String = (0..lines)
        .map(|n| format!("203.0.113.7 - - [10/Oct/2026:13:55:{:02} -0700] \"GET /v1/x HTTP/1.1\" 200 92\n", n % 4))
        .collect();
    let memo_of = |text: &str, format| {
        let parts = crate::ingest::parts_of(text.as_bytes(), format, crate::ingest::Detail::Summary, 1 << 20);
        let mut memo = Memo::default();
        let rows = Rows::of_with(parts, &knowledge, &mut memo);
        assert_eq!(rows.len(), lines);
        memo
    };
    let memo = memo_of(&same_lines, urllib3);
    assert!(memo.whole_lines.hits as usize > lines - 8, "taken whole: {}", memo.whole_lines.hits);
    let memo = memo_of(&sizes_differ, urllib3);
    assert_eq!(memo.whole_lines.hits, 0);
    assert_eq!(memo.whole_lines.lookups, Lines::TRIAL, "it stops looking after its trial");
    assert!(memo.lines.hits as usize > lines - 8, "taken by their captures: {}", memo.lines.hits);
    let memo = memo_of(&timed, combined);
    assert_eq!((memo.whole_lines.lookups, memo.whole_lines.seen.len()), (0, 0));
    assert!(memo.lines.hits > 0);
    for (text, format) in [(&same_lines, urllib3), (&sizes_differ, urllib3), (&timed, combined)] {
        remembered_rows_agree(text.as_bytes(), format, &knowledge, 1 << 20).expect("every row is its call's own");
    }
}

/// A thread's blocks share one memo, emptied between them: a block read after others gets the
/// rows a fresh memo gives it, and an emptied memo has learned nothing (its tables only keep
/// their room).
#[test]
fn a_block_read_after_others_gets_the_rows_a_fresh_memo_gives() {
    use crate::ingest::{Format, formats};
    let knowledge = Arc::new(Knowledge::bundled());
    let urllib3 = Format::Line(formats::registry().find("python-urllib3").expect("a bundled format"));
    let line = |n: usize| {
        let status = ["200", "409", "429", "503"][n % 4];
        format!(
            "DEBUG:urllib3.connectionpool:https://api.example.com:443 \"POST /v1/contacts/{} HTTP/1.1\" {status} 85\n",
            n % 7
        )
    };
    let repeated: String = (0..Lines::TRIAL as usize * 4).map(line).collect();
    let app = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/sample-logs/app.ndjson")).expect("a sample");
    let blocks = [(repeated.as_bytes(), urllib3), (&app[..], Format::Ndjson), (repeated.as_bytes(), urllib3)];
    for (text, format) in blocks.into_iter().cycle().take(6) {
        let parts = || crate::ingest::parts_of(text, format, crate::ingest::Detail::Summary, 1 << 20);
        let (shared, fresh) = (Rows::of_shared(parts(), &knowledge), Rows::of(parts(), &knowledge));
        assert!(shared.len() > 20);
        assert_eq!(shared.as_text(), fresh.as_text());
        assert_eq!(shared.block_totals(), fresh.block_totals());
    }
    let mut memo = Memo::default();
    let parts = crate::ingest::parts_of(repeated.as_bytes(), urllib3, crate::ingest::Detail::Summary, 1 << 20);
    Rows::of_with(parts, &knowledge, &mut memo);
    assert!(memo.lines.hits > 0 && !memo.messages.is_empty() || memo.calls.lookups > 0);
    let emptied = memo.emptied();
    let learned = |memo: &Memo| {
        (memo.messages.len(), memo.calls.list.len(), memo.calls.lookups, memo.calls.hits, memo.lines.seen.len())
    };
    assert_eq!(learned(&emptied), (0, 0, 0, 0, 0));
    let more = |memo: &Memo| {
        (
            memo.lines.lookups,
            memo.lines.hits,
            memo.whole_lines.seen.len(),
            memo.whole_lines.lookups,
            memo.whole_lines.hits,
        )
    };
    assert_eq!(more(&emptied), (0, 0, 0, 0, 0));
    assert!(emptied.endpoint.is_empty() && emptied.last_host.known.is_none() && emptied.shared.is_none());
    assert!(!emptied.whole_lines.last_row_reusable && emptied.no_message.kinds.is_empty());
}
