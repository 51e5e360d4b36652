use super::*;

fn parse_full(line: &str) -> Result<Record, SkipReason> {
    parse(line, Detail::Full)
}

fn call(line: &str) -> Record {
    parse(line, Detail::Full).unwrap_or_else(|reason| panic!("{line}: {reason}"))
}

#[test]
fn app_log_with_arrow_and_body() {
    let record = call(
        r#"2026-11-20 10:15:02,123 ERROR [sync] POST /api/customers -> 409 Conflict {"error":"Conflict","message":"Customer with email a@b.de already exists"}"#,
    );
    assert_eq!(
        (record.status, record.method.as_deref(), record.url.as_deref()),
        (409, Some("POST"), Some("/api/customers"))
    );
    assert_eq!(record.time_ms, Some(1_795_169_702_123));
    assert_eq!(record.error_type.as_deref(), Some("Conflict"));
    assert_eq!(record.message.as_deref(), Some("Customer with email a@b.de already exists"));
    assert!(record.response.body.as_deref().is_some_and(|body| body.contains("already exists")));
}

#[test]
fn full_url_status_and_duration() {
    let record = call(
        "2026-11-20T10:16:00Z INFO GET https://app-api.my-virtual-office.com/api/customers/3f2a9c1b-1111-4c3d-9e8f-0123456789ab 200 (85 ms)",
    );
    assert_eq!(record.status, 200);
    assert_eq!(record.duration_ms, Some(85.0));
    assert!(record.url.as_deref().is_some_and(|url| url.starts_with("https://app-api")));
}

#[test]
fn body_only_line_takes_its_status_from_the_reason_phrase() {
    let record = call(
        r#"2026-11-20 10:17:00,001 ERROR create failed: {"error":"Too Many Requests","message":"Too many requests, please slow down"}"#,
    );
    assert_eq!(record.status, 429);
    assert_eq!(record.method, None);
}

#[test]
fn a_timeout_is_a_call_without_response() {
    let record = call("2026-11-20 10:18:00,000 ERROR POST /api/customers failed: connection timed out after 30000 ms");
    assert_eq!(record.status, 0);
    assert_eq!(record.message.as_deref(), Some("connection timed out after 30000 ms"));
}

#[test]
fn envoy_lines() {
    let record = call(
        r#"[2022-06-22T10:17:14.118Z] "GET /status/418 HTTP/1.1" 503 UH no_healthy_upstream - "-" 0 19 1 - "-" "curl/7.83.1-DEV" "5735b2d0-4949-9384-b082-9d4c368eb9dc" "httpbin:8000" "-" outbound|8000||httpbin - 10.99.37.119:8000 172.17.0.6:44690 - default"#,
    );
    assert_eq!(record.status, 503);
    assert_eq!(record.message.as_deref(), Some("no_healthy_upstream"));
    assert_eq!(record.request_id.as_deref(), Some("5735b2d0-4949-9384-b082-9d4c368eb9dc"));
    assert_eq!(record.host.as_deref(), Some("httpbin:8000"));

    let flags_only = call(
        r#"[2019-04-11T00:31:55.439Z] "GET /elastic HTTP/1.1" 404 NR 0 0 0 - "172.17.0.3" "curl/7.59.0" "58436667-bf70-4fd0-9fe9-cdadadecfd55" "192.168.99.107:30901" "-""#,
    );
    assert_eq!((flags_only.status, flags_only.message.as_deref()), (404, Some("no route configured")));

    let unparsed = call(
        r#"[2022-09-01T09:36:33.553Z] "- - HTTP/1.1" 400 DPE http1.codec_error - "-" 0 11 46 - "-" "-" "-" "-" "-" - -"#,
    );
    assert_eq!((unparsed.status, unparsed.method.as_deref()), (400, None));
    assert_eq!(
        parse_full(r#"[2019-04-08T16:50:12.533Z] "- - -" 0 - 87 254 4 - "-" "-" "-" "-" "172.27.0.2:80""#),
        Err(SkipReason::NotHttp)
    );
}

#[test]
fn lines_without_a_call_are_skipped() {
    for line in
        ["INFO sync loop started", "DEBUG using key sk_live_abc", "status=500 but nothing else", "2026-11-20 GET ready"]
    {
        assert_eq!(parse(line, Detail::Full), Err(SkipReason::NoApiCall), "{line}");
    }
}

#[test]
fn status_field_in_key_value_logs() {
    let record = call(
        "ts=2026-11-20T10:00:00Z method=POST path=/api/customers status=401 msg=\"request failed\" request_id=req-77 POST /api/customers",
    );
    assert_eq!(record.status, 401);
    assert_eq!(record.request_id.as_deref(), Some("req-77"));
}

#[test]
fn a_redacted_target_is_still_a_request() {
    let record =
        call("2026-11-20T12:37:16Z INFO GET https://h.example/api/customers/1?api_key=[api key]&page=2 200 (134 ms)");
    assert_eq!(record.status, 200);
    assert_eq!(record.url.as_deref(), Some("https://h.example/api/customers/1?api_key=[api key]&page=2"));
}

#[test]
fn quoted_values_are_what_the_quote_pattern_finds() {
    let pattern = Regex::new(r#""([^"]*)""#).expect("pattern");
    for text in ["", "\"", "a \"b\" c", "\"\"\"", "\"x\" \"y\" \"z", "\"é\" \"→\"", "no quotes", "\"\"\"\""] {
        let by_pattern: Vec<&str> = pattern.captures_iter(text).map(|c| c.get(1).expect("group").as_str()).collect();
        assert_eq!(quoted_values(text).collect::<Vec<_>>(), by_pattern, "{text:?}");
    }
}

#[test]
fn a_uuid_is_what_the_uuid_pattern_matches() {
    let uuid = "82df3d8f-27f2-43f2-a2e8-f6e0f8784CCF";
    let mut values = vec![uuid.to_string(), String::new(), "-".into(), format!(" {uuid}"), format!("{uuid}0")];
    // Each byte in turn made a dash, a letter past `f`, a digit and a character of two bytes.
    for at in 0..uuid.len() {
        for other in ["-", "g", "7", "é"] {
            values.push(format!("{}{other}{}", &uuid[..at], &uuid[at + 1..]));
        }
    }
    for value in &values {
        assert_eq!(scan::is_uuid(value.as_bytes()), UUID.is_match(value), "{value:?}");
    }
    assert!(values.iter().filter(|value| scan::is_uuid(value.as_bytes())).count() > 20, "some of them are UUIDs");
}

#[test]
fn a_request_is_split_where_its_pattern_puts_its_groups() {
    for text in [
        "GET /x 200",
        "x POST\thttps://a.example/b?c=[api key] 1",
        "PUT\u{a0} /nbsp",
        "DELETE  \u{2003}/wide",
        "éGET /x",
        "GETX /no",
        "HEAD /",
        "\"OPTIONS /a\"b",
    ] {
        let by_pattern = REQUEST.captures(text).map(|c| (c[1].to_string(), c[2].to_string()));
        let split = request_in(text).map(|g| (g[1].to_string(), g[2].to_string()));
        assert_eq!(split, by_pattern, "{text:?}");
    }
}

#[test]
fn a_summary_reads_an_embedded_object_with_the_scanner_as_serde_json_reads_it_and_remembers_it() {
    let lines = [
        r#"2026-11-20 10:15:02,123 ERROR [sync] POST /api/customers -> 409 Conflict {"error":"Conflict","message":"Customer with email a@b.de already exists"}"#,
        r#"ERROR POST /api/x failed {"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","status":403,"detail":"Your balance is 30"}"#,
        r#"upstream said {"errors":[{"code":"rate_limited","message":"slow down"}],"status":"429"}"#,
        r#"WARN GET /v1/x -> 500 {"error":{"type":"api_error","message":"boom","nested":{"deep":[1,2.5e3,null,true]}}}"#,
        r#"# failJSON: { "time": "2013-12-08T23:55:23.000", "match": true , "host": "91.188.124.227" }"#,
        r#"call {"method":"PATCH","url":"/api/customers/1","status":422,"message":"a","message":"b"}"#,
        r#"call {"request":{"method":"GET","url":"/a\u00e9\"b"},"response":{"status":404,"body":{"error":"Not Found"}}}"#,
        r#"POST /x -> 400 {"error":"Bad Request","message":"field \"email\" is invalid \ud83d\ude00"}"#,
        r#"POST /x -> 400 {"error":"Bad Request"} and then some text"#,
        r#"POST /x -> 400 {"error":"Bad Request","#,
        r#"{"status":200,"method":"GET","url":"/ok"}"#,
        r#"status=500 {"error":"Internal Server Error"}"#,
        r#"status=500 {"time": 1}"#,
        r#"GET /v1/x {"time": 1}"#,
        r#"job {"time": "GET /v1/x HTTP/1.1", "host": 500}"#,
        r#"job {"time": 1, "status": 500}"#,
        r#"job {"time": ""- - HTTP/1.1" 400"}"#,
        // The same object after other text: what the object tells is remembered, not the line's call.
        r#"2026-11-21T08:00:00Z GET /api/customers/7 -> 404 {"error":"Bad Request"}"#,
        r#"POST /x -> 400 {"error":"Bad Request"}"#,
        r#"nothing to see {"error":"Bad Request"}"#,
        r#"2026-11-21T08:00:01Z call {"status":200,"method":"GET","url":"/ok"}"#,
    ];
    // Twice: the second time each object is remembered.
    for line in lines.iter().chain(&lines) {
        let (prefix, embedded) = split_embedded_json(line, memchr::memchr(b'{', line.as_bytes()));
        let mut records = Vec::new();
        let mut slot = Slot { records: &mut records, taken: false };
        let embedded = embedded.map(|value| ObjectRead::of(&value, Detail::Summary));
        let by_serde = parse_with(line, prefix, embedded, Detail::Summary, &mut slot).map(|()| records[0].clone());
        assert_eq!(format!("{:?}", parse(line, Detail::Summary)), format!("{by_serde:?}"), "{line}");
    }
}

/// The bundled samples and the real logs beside the checkout (when they are there).
fn sample_and_real_logs() -> Vec<std::path::PathBuf> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in [root.join("sample-logs"), root.join("../shared/real-logs")] {
        if let Ok(entries) = std::fs::read_dir(&dir) {
            files.extend(entries.flatten().map(|entry| entry.path()));
        }
    }
    files
}

/// [`request::find`]'s answer as the regex gives it: the match, the end of its method (its first
/// whitespace) and the start of its target.
fn request_by_regex(text: &str) -> Option<(usize, usize, usize, usize)> {
    let found = REQUEST.find(text)?;
    let method_end = found.start() + found.as_str().find(char::is_whitespace)?;
    let target_start = text[method_end..found.end()].find(|c: char| !c.is_whitespace())? + method_end;
    Some((found.start(), method_end, target_start, found.end()))
}

#[test]
fn requests_are_found_by_hand_where_the_regex_finds_them_on_every_sample_and_real_line() {
    let files = sample_and_real_logs();
    let mut lines = 0;
    for file in files {
        let Ok(bytes) = std::fs::read(&file) else { continue };
        for line in String::from_utf8_lossy(&bytes).lines() {
            lines += 1;
            assert_eq!(request::find(line), request_by_regex(line), "{}: {line:?}", file.display());
        }
    }
    assert!(lines > 10_000, "{lines} lines");
    let tricky = [
        "GET /a",
        "xGET /a",
        "_GET /a",
        "éGET /a",
        "é GET /a",
        "-GET /a",
        "GET\u{a0}/a\u{2003}b",
        "GET\u{2003}\u{a0} https://h/x",
        "GET  http:/x GET /y",
        "PATCHEAD /x HEAD /y",
        "GET /a?key=[api key]&x=[this is twenty-five chars]y",
        "GET /a[abcdefghijklmnopqrstuvwx]b",
        "GET /a[abcdefghijklmnopqrstuvwxy]b",
        "GET /a[]b [ab] [A] [a",
        "GET /a\"b",
        "GET /é€/✓ next",
        "GET",
        "GET ",
        "GET https:",
        "get /lower POST /upper",
        "OPTIONS * HTTP/1.1 CONNECT host:443 TRACE /t",
    ];
    for text in tricky {
        assert_eq!(request::find(text), request_by_regex(text), "{text:?}");
    }
}

proptest::proptest! {
    #[test]
    fn requests_are_found_by_hand_where_the_regex_finds_them_in_generated_text(
        parts in proptest::collection::vec(proptest::sample::select(vec![
            "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "CONNECT", "TRACE", "GE", "T",
            " ", "  ", "\t", "\u{a0}", "\u{2003}", "\n", "/", "//", "http://", "https://", "http", "h",
            "[", "]", "[api key]", "[a]", "a", "z", "Z", "_", "0", "é", "€", "\"", "-", ":", "?", "=",
        ]), 0..16)
    ) {
        let text: String = parts.concat();
        proptest::prop_assert_eq!(request::find(&text), request_by_regex(&text), "{:?}", text);
    }
}

#[test]
fn a_text_without_the_word_status_has_no_status_field() {
    for text in [
        "status=500",
        "x STATUS: 404",
        "http_Status='503'",
        "StatusCode: 200",
        "no word here",
        "stat us=5",
        "state=1",
        "s",
    ] {
        let by_regex = STATUS_FIELD.is_match(text);
        assert!(!by_regex || holds_status_word(text), "{text:?}: the regex matches without the word");
        assert_eq!(holds_status_word(text), text.to_ascii_lowercase().contains("status"), "{text:?}");
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut matched = 0;
    for dir in [root.join("sample-logs"), root.join("../shared/real-logs")] {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let Ok(bytes) = std::fs::read(entry.path()) else { continue };
            for line in String::from_utf8_lossy(&bytes).lines().filter(|line| STATUS_FIELD.is_match(line)) {
                matched += 1;
                assert!(holds_status_word(line), "{line:?}");
            }
        }
    }
    assert!(matched > 100, "{matched} lines with a status field");
}

/// [`stamp::find`]'s answer as the regex gives it.
fn time_by_regex(text: &str) -> Option<(usize, usize)> {
    TIME.find(text).map(|found| (found.start(), found.end()))
}

#[test]
fn times_are_found_by_hand_where_the_regex_finds_them_on_every_sample_and_real_line() {
    let files = sample_and_real_logs();
    let (mut lines, mut found) = (0, 0);
    for file in files {
        let Ok(bytes) = std::fs::read(&file) else { continue };
        for line in String::from_utf8_lossy(&bytes).lines() {
            lines += 1;
            let Some(by_hand) = stamp::find(line) else {
                assert!(line.chars().any(|c| !c.is_ascii() && c.is_numeric()), "{}: {line:?}", file.display());
                continue;
            };
            found += usize::from(by_hand.is_some());
            assert_eq!(by_hand, time_by_regex(line), "{}: {line:?}", file.display());
        }
    }
    assert!(lines > 10_000 && found > 5_000, "{found} times in {lines} lines");
    let tricky = [
        "2026-11-20 11:00:44,422 ERROR",
        "2026-11-20T11:00:44Z",
        "2026-11-20T11:00:44.123456789012Z",
        "2026-11-20T11:00:44.Z",
        "2026-11-20T11:00:44,5+01:00",
        "2026-11-20T11:00:44+0100",
        "2026-11-20T11:00:44+01:0",
        "2026-11-20T11:00:44+01",
        "2026-11-20T11:00:44-01:00x",
        "2026-11-20X11:00:44",
        "12026-11-20 11:00:44",
        "x 10/Oct/2026:13:55:36 +0000 2026-11-20 11:00:44",
        "10/Oct/2026:13:55:36 -07000",
        "10/oct/2026:13:55:36 +0000 then 2026-1-20 11:00:44",
        "10/Oct/2026:13:55:36 0000",
        "2026-11-20 11:00:4",
        "",
        "7",
        "::::::::::::::::2026-11-20 11:00:44",
        "1:2:3:4:5:6:7:8:9:10:11:12:13:14:15",
        "10/Oct/2026:13:55:36 +00002026-11-20T11:00:44Z",
        "2026-11-20 11:00:4410/Oct/2026:13:55:36 +0000",
        "POST /push.v1.PusherService/Push (200) 33.598849ms",
        // Text outside ASCII without a numeral outside it: read by hand as well.
        "POST /push.v1.PusherService/Push (200) 432.924µs",
        "µs 2026-11-20 11:00:44,422 é",
        "2026-11-20é11:00:44",
        "10/Oct/2026:13:55:36 +0000 → 2026-11-20T11:00:44Z",
        "日志 10/Oct/2026:13:55:36 +0000",
        "2026-11-20T11:00:44.12µ",
        "2026-11-2\u{301}0 11:00:44",
    ];
    for text in tricky {
        assert_eq!(stamp::find(text), Some(time_by_regex(text)), "{text:?}");
    }
    assert_eq!(stamp::find("٢٠٢٦-11-20 11:00:44"), None, "other scripts' digits are the regex's");
    assert_eq!(stamp::find("½ 2026-11-20 11:00:44"), None, "a numeral outside ASCII is the regex's");
}

/// Two times written over each other at every pair of offsets, in digits: the leftmost start
/// wins, whichever colon the search met first.
#[test]
fn overlapping_times_are_found_where_the_regex_finds_them() {
    let times = ["2026-11-20T11:00:44", "10/Oct/2026:13:55:36 +0000", "2026-11-20 11:00:44.5+01:00"];
    for first in times {
        for second in times {
            for (at_first, at_second) in (0..16).flat_map(|a| (0..16).map(move |b| (a, b))) {
                let mut text = vec![b'1'; 48];
                text[at_first..at_first + first.len()].copy_from_slice(first.as_bytes());
                text[at_second..at_second + second.len()].copy_from_slice(second.as_bytes());
                let text = String::from_utf8(text).expect("ASCII");
                assert_eq!(stamp::find(&text), Some(time_by_regex(&text)), "{text:?}");
            }
        }
    }
}

proptest::proptest! {
    #[test]
    fn times_are_found_by_hand_where_the_regex_finds_them_in_generated_text(
        parts in proptest::collection::vec(proptest::sample::select(vec![
            "2026", "11", "1", "0", "9", "-", "/", ":", ".", ",", " ", "T", "Z", "+", "x", "Oct", "oct",
            "OCT", "2026-11-20", "11:00:44", "10/Oct/2026:13:55:36", "+0000", "-07:00", "123456789",
            "µ", "é", "→", "日", "٣",
        ]), 0..14)
    ) {
        let text: String = parts.concat();
        // Text with another script's digit is the regex's alone.
        let expected = (!text.contains('٣')).then(|| time_by_regex(&text));
        proptest::prop_assert_eq!(stamp::find(&text), expected, "{:?}", text);
    }
}

/// [`status_after_request`]'s answer as the regex gives it.
fn status_by_regex(rest: &str) -> Option<(&str, usize)> {
    let captures = STATUS_AFTER_REQUEST.captures(rest)?;
    Some((captures.get(1)?.as_str(), captures.get(0)?.end()))
}

#[test]
fn statuses_after_requests_are_found_by_the_program_where_the_regex_finds_them() {
    let files = sample_and_real_logs();
    let (mut requests, mut found) = (0, 0);
    for file in files {
        let Ok(bytes) = std::fs::read(&file) else { continue };
        for line in String::from_utf8_lossy(&bytes).lines() {
            let Some((_, _, _, end)) = request::find(line) else { continue };
            let rest = &line[end..];
            requests += 1;
            found += usize::from(status_by_regex(rest).is_some());
            assert_eq!(status_after_request(rest), status_by_regex(rest), "{}: {line:?}", file.display());
        }
    }
    assert!(requests > 1_000 && found > 500, "{found} statuses after {requests} requests");
    let tricky = [
        " HTTP/1.1 200",
        " HTTP/1.1200",
        " HTTP/1.1\" 404 12",
        " -> 503 Service Unavailable",
        " => (429)",
        " → 500",
        " → 5000",
        " returned 201",
        " status_code = 409",
        " status: 400",
        " status=4000 then 200",
        ": 2001",
        " 12345",
        " (200)",
        "  \t 302x",
        "\u{a0}200",
        " HTTP/2 ٢٠٠",
        " (200) 432.924µs",
        " 200µs",
        " 200 µs",
        " 20٠",
        " HTTP/1.1 → 500",
        " -> 404 Not Found (é)",
        " \u{a0} 200",
        "\" 200 12",
        "\"(200)",
        "\" \"200",
        " (2000)",
        " (200",
        " 200_",
        " 099",
        "\x0B200",
        "((200)",
        "",
    ];
    for rest in tricky {
        assert_eq!(status_after_request(rest), status_by_regex(rest), "{rest:?}");
    }
}

proptest::proptest! {
    #[test]
    fn statuses_after_requests_are_found_by_the_program_where_the_regex_finds_them_in_generated_text(
        parts in proptest::collection::vec(proptest::sample::select(vec![
            " ", "  ", "\t", "HTTP/", "1.1", "2", ".", "\"", "->", "=>", "→", ":", "-", "returned", "status",
            "_code", "=", "(", ")", "200", "4", "09", "5000", "x", "_", "\u{a0}", "µs", "٢", "é", "ms",
        ]), 0..12)
    ) {
        let text: String = parts.concat();
        proptest::prop_assert_eq!(status_after_request(&text), status_by_regex(&text), "{:?}", text);
    }
}

/// Tails turned away before the regex's search are those it finds nothing in: every tail of up
/// to four pieces.
#[test]
fn envoy_details_are_read_where_the_regex_finds_them() {
    let pieces = [
        " ",
        "\t",
        "\u{a0}",
        "\u{3000}",
        "UH",
        "UF,URX",
        "RL",
        "-",
        "via_upstream",
        "x",
        "µs",
        "200",
        "{a}",
        ",",
        "ms",
    ];
    let mut tails = vec![String::new()];
    let mut level = tails.clone();
    for _ in 0..4 {
        level = level.iter().flat_map(|tail| pieces.map(|piece| format!("{tail}{piece}"))).collect();
        tails.extend(level.iter().cloned());
    }
    let mut found = 0;
    for tail in &tails {
        let by_regex = groups(&ENVOY_DETAILS, tail).and_then(|captures| envoy_details(&captures));
        found += usize::from(by_regex.is_some());
        assert_eq!(envoy_message(tail), by_regex, "{tail:?}");
    }
    assert!(found > 1_000, "{found} of {} tails have details", tails.len());
}
