//! The bundled definitions against their samples, and calls that span lines.

mod definitions {
    use super::super::*;
    use crate::ingest::time;

    #[test]
    fn every_definition_reads_its_sample_as_it_says() {
        let registry = load::load(&[]);
        for format in &registry.formats {
            let record = match format.read(&format.sample) {
                Some(Ok(record)) => record,
                other => panic!("{}: the sample gives {other:?}", format.name),
            };
            let Expect { status, method, url, host, time, message } = &format.expect;
            assert!(status.is_some(), "{}: the sample says what status it has", format.name);
            assert_eq!(Some(record.status), *status, "{}", format.name);
            let checks = [
                ("method", method, record.method.as_deref()),
                ("url", url, record.url.as_deref()),
                ("host", host, record.host.as_deref()),
                ("message", message, record.message.as_deref()),
            ];
            for (what, wanted, got) in checks {
                if wanted.is_some() {
                    assert_eq!(got, wanted.as_deref(), "{}: {what}", format.name);
                }
            }
            if let Some(wanted) = time {
                assert_eq!(record.time_ms, time::parse_text(wanted), "{}: time", format.name);
                assert!(record.time_ms.is_some(), "{}: {wanted} is a time", format.name);
            }
        }
    }

    #[test]
    fn a_line_the_pattern_does_not_match_is_not_read() {
        let registry = load::load(&[]);
        let combined = registry.formats.iter().find(|f| f.name == "combined").expect("bundled");
        assert!(combined.read("just a sentence").is_none());
        let bad = combined.read(r#"1.2.3.4 - - [10/Oct/2026:13:55:36 -0700] "GET / HTTP/1.1" 999 0"#);
        assert!(matches!(bad, Some(Err(crate::ingest::SkipReason::BadStatus(_)))));
        let empty = combined.read(r#"1.2.3.4 - - [10/Oct/2026:13:55:36 -0700] "" 400 0"#).expect("matches");
        let empty = empty.expect("a call");
        assert_eq!((empty.status, empty.method, empty.url), (400, None, None));
    }
}

mod multi_line_tests {
    use crate::ingest::{self, Format, IngestLimits, Parsed};
    use std::path::Path;

    /// OkHttp at level BODY (a request block, then the response with its headers and body) and a
    /// Spring exception with its stack trace, causes and a suppressed exception.
    const OKHTTP: &str = "\
--> POST https://api.example.com/v1/contacts
Content-Type: application/json
Content-Length: 31

{\"email\":\"jane@example.com\"}
--> END POST (31-byte body)
<-- 409 Conflict https://api.example.com/v1/contacts (198ms)
Content-Type: application/json
X-Request-Id: 1b2c

{\"error\":\"Conflict\",\"message\":\"A contact with this email already exists\"}
<-- END HTTP (74-byte body)
<-- 200 OK https://api.example.com/v1/contacts/42 (35ms)
<-- END HTTP (0-byte body)
<-- HTTP FAILED: java.net.SocketTimeoutException: timeout
";

    const SPRING: &str = "\
2026-11-20 10:15:02.123 ERROR 1 --- [ctor-http-nio-3] c.a.ContactClient : create failed
org.springframework.web.reactive.function.client.WebClientResponseException$Conflict: 409 Conflict from POST https://api.example.com/v1/contacts
\tat org.springframework.web.reactive.function.client.WebClientResponseException.create(WebClientResponseException.java:307)
\tSuppressed: reactor.core.publisher.FluxOnAssembly$OnAssemblyException:
Error has been observed at the following site(s):
\t*__checkpoint \u{21e2} 409 from POST https://api.example.com/v1/contacts [DefaultWebClient]
Original Stack Trace:
\t\tat org.springframework.web.reactive.function.client.WebClientResponseException.create(WebClientResponseException.java:307)
Caused by: org.springframework.web.reactive.function.client.WebClientResponseException$Conflict: 409 Conflict from POST https://api.example.com/v1/contacts
\t... 12 common frames omitted
2026-11-20 10:15:03.001 INFO 1 --- [main] c.a.App : still running
";

    fn read(text: &str, format: &str) -> Parsed {
        let format: Format = format.parse().expect("a bundled format");
        ingest::ingest_bytes(Path::new("t.log"), text.as_bytes(), Some(format)).expect("readable").parsed
    }

    #[test]
    fn a_call_and_the_lines_that_continue_it_count_once() {
        let okhttp = read(OKHTTP, "okhttp");
        let calls: Vec<(u64, u16)> = okhttp.records.iter().map(|r| (r.source.line, r.status)).collect();
        // The request block opens the 409's call (OkHttp's <-- line does not name the method).
        assert_eq!(calls, [(1, 409), (13, 200), (15, 0)]);
        assert_eq!(okhttp.records[0].method.as_deref(), Some("POST"));
        // Its request and response as the lines between log them.
        assert_eq!(okhttp.records[0].request.header("content-type"), Some("application/json"));
        assert_eq!(okhttp.records[0].request.body.as_deref(), Some("{\"email\":\"jane@example.com\"}"));
        assert_eq!(okhttp.records[0].response.header("x-request-id"), Some("1b2c"));
        let conflict = &okhttp.records[0];
        assert_eq!(conflict.message.as_deref(), Some("A contact with this email already exists"));
        assert_eq!(conflict.error_type.as_deref(), Some("Conflict"));
        assert_eq!(okhttp.belonging, 10, "the request block, the 409's line, headers, body and END; the 200's END");
        assert_eq!(okhttp.skipped.len(), 0);
        let non_blank = OKHTTP.lines().filter(|line| !line.trim().is_empty()).count() as u64;
        assert_eq!(okhttp.records.len() as u64 + okhttp.skipped.len() as u64 + okhttp.belonging, non_blank);

        let spring = read(SPRING, "spring-webclient");
        assert_eq!(spring.records.len(), 1, "the cause is the same call, not another");
        assert_eq!(spring.records[0].status, 409);
        assert_eq!((spring.belonging, spring.skipped.len()), (8, 2));
    }

    #[test]
    fn a_call_reads_back_with_its_lines_and_blocks_never_part_them() {
        for (text, format) in [(OKHTTP, "okhttp"), (SPRING, "spring-webclient")] {
            let whole = read(text, format);
            for record in &whole.records {
                let again = ingest::reread(text.as_bytes(), format.parse().expect("format"), record.source);
                assert_eq!(again.as_ref(), Some(record), "{format}: line {}", record.source.line);
            }
            for chunk in [1, 7, 40, 200] {
                let mut chunks = Parsed::default();
                ingest::ingest_in_chunks_with_limits(
                    Path::new("t.log"),
                    text.as_bytes(),
                    Some(format.parse().expect("format")),
                    chunk,
                    &IngestLimits::default(),
                    |parsed, _| {
                        chunks.records.extend(parsed.records);
                        chunks.belonging += parsed.belonging;
                        true
                    },
                )
                .expect("readable");
                assert_eq!(chunks.records, whole.records, "{format} in blocks of {chunk}");
                assert_eq!(chunks.belonging, whole.belonging, "{format} in blocks of {chunk}");
            }
        }
    }
}

mod multi_line_file_tests {
    use crate::ingest::{self, Format, Parsed, ReadOptions};

    #[test]
    fn blocks_read_from_a_file_never_part_a_call_from_its_lines() {
        // Past two 4 MiB blocks and the 256 KiB first block, each call with a dozen lines.
        let group = "<-- 409 Conflict https://api.example.com/v1/contacts (198ms)\n\
                     Content-Type: application/json\nX-A: 1\nX-B: 2\nX-C: 3\nX-D: 4\nX-E: 5\n\n\
                     {\"error\":\"Conflict\",\"message\":\"A contact with this email already exists\"}\n\
                     <-- END HTTP (74-byte body)\n";
        let calls = (10 << 20) / group.len();
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("okhttp.log");
        std::fs::write(&path, group.repeat(calls)).expect("write");
        let options =
            ReadOptions { format: Some("okhttp".parse::<Format>().expect("bundled")), ..ReadOptions::default() };
        let mut read = Parsed::default();
        ingest::ingest_file(
            &path,
            &options,
            |_| {},
            |parts| parts.joined(),
            |parsed, _| {
                assert!(
                    parsed.records.iter().all(|r| r.error_type.as_deref() == Some("Conflict")),
                    "each call has its body"
                );
                read.records.extend(parsed.records);
                read.skipped.extend(parsed.skipped);
                read.belonging += parsed.belonging;
                true
            },
        )
        .expect("readable");
        assert_eq!((read.records.len(), read.skipped.len()), (calls, 0));
        assert_eq!(read.belonging, calls as u64 * 8);
    }
}

mod opener_tests {
    use crate::ingest::{self, Format, IngestLimits, Parsed, time};
    use std::path::Path;

    const RAILS: &str = "\
I, [2026-11-20T10:15:02.100000 #1234]  INFO -- : [8f1f] Started POST \"/v1/contacts\" for 192.0.2.1 at 2026-11-20 10:15:02 +0000
I, [2026-11-20T10:15:02.101000 #1234]  INFO -- : [8f1f] Processing by ContactsController#create as JSON
I, [2026-11-20T10:15:02.101500 #1234]  INFO -- : [8f1f]   Parameters: {\"email\"=>\"[FILTERED]\"}
I, [2026-11-20T10:15:02.112000 #1234]  INFO -- : [8f1f] Completed 422 Unprocessable Entity in 12ms (ActiveRecord: 1.9ms)
I, [2026-11-20T10:15:03.000000 #1234]  INFO -- : [9a2b] Started GET \"/v1/contacts/42\" for 192.0.2.1 at 2026-11-20 10:15:03 +0000
I, [2026-11-20T10:15:04.000000 #1234]  INFO -- : Booting worker
I, [2026-11-20T10:15:05.000000 #1234]  INFO -- : [7c3d] Started DELETE \"/v1/contacts/42\" for 192.0.2.1 at 2026-11-20 10:15:05 +0000
I, [2026-11-20T10:15:05.010000 #1234]  INFO -- : [7c3d] Completed 204 No Content in 10ms
";

    const CURL: &str = "\
*   Trying 192.0.2.10:443...
* Connected to api.example.com (192.0.2.10) port 443
> POST /v1/contacts HTTP/2
> Host: api.example.com
> content-type: application/json
>
< HTTP/2 409
< content-type: application/json
<
{\"error\":\"Conflict\",\"message\":\"A contact with this email already exists\"}
* Connection #0 to host api.example.com left intact
";

    const FARADAY: &str = "\
I, [2026-11-20T10:15:02.123456 #1234]  INFO -- request: POST https://api.example.com/v1/contacts
I, [2026-11-20T10:15:02.123456 #1234]  INFO -- request: Content-Type: \"application/json\"
I, [2026-11-20T10:15:02.123456 #1234]  INFO -- request: {\"email\":\"jane@example.com\"}
I, [2026-11-20T10:15:02.323456 #1234]  INFO -- response: Status 409
I, [2026-11-20T10:15:02.323456 #1234]  INFO -- response: content-type: \"application/json\"
I, [2026-11-20T10:15:02.323456 #1234]  INFO -- response: {\"error\":\"Conflict\",\"message\":\"A contact with this email already exists\"}
";

    fn read(text: &str, format: &str) -> Parsed {
        ingest::ingest_bytes(Path::new("t.log"), text.as_bytes(), Some(format.parse().expect("bundled")))
            .expect("readable")
            .parsed
    }

    #[test]
    fn a_request_opened_on_one_line_and_answered_on_another_is_one_call() {
        let rails = read(RAILS, "rails");
        let calls: Vec<(u64, u16, Option<&str>, Option<&str>)> =
            rails.records.iter().map(|r| (r.source.line, r.status, r.method.as_deref(), r.url.as_deref())).collect();
        assert_eq!(
            calls,
            [(1, 422, Some("POST"), Some("/v1/contacts")), (7, 204, Some("DELETE"), Some("/v1/contacts/42"))]
        );
        assert_eq!(rails.records[0].time_ms, time::parse_text("2026-11-20T10:15:02Z"), "the opener's time");
        let skipped: Vec<(u64, String)> = rails.skipped.iter().map(|s| (s.line, s.reason.to_string())).collect();
        assert_eq!(skipped[0], (5, ingest::SkipReason::RequestWithoutResponse.to_string()), "{skipped:?}");
        assert_eq!((rails.belonging, rails.skipped.len()), (4, 2));

        let curl = read(CURL, "curl-verbose");
        assert_eq!(curl.records.len(), 1);
        let call = &curl.records[0];
        assert_eq!(
            (call.status, call.method.as_deref(), call.url.as_deref()),
            (409, Some("POST"), Some("/v1/contacts"))
        );
        assert_eq!(call.message.as_deref(), Some("A contact with this email already exists"));
        assert_eq!((curl.belonging, curl.skipped.len()), (8, 2), "the lines before the request are not a call");

        let faraday = read(FARADAY, "faraday");
        assert_eq!(faraday.records.len(), 1);
        let call = &faraday.records[0];
        assert_eq!((call.status, call.url.as_deref()), (409, Some("https://api.example.com/v1/contacts")));
        assert_eq!(call.message.as_deref(), Some("A contact with this email already exists"));
        assert_eq!(faraday.belonging, 5);
    }

    #[test]
    fn such_calls_read_back_whole_and_blocks_never_part_them() {
        for (text, name) in [(RAILS, "rails"), (CURL, "curl-verbose"), (FARADAY, "faraday")] {
            let format: Format = name.parse().expect("bundled");
            let whole = read(text, name);
            let non_blank = text.lines().filter(|line| !line.trim().is_empty()).count() as u64;
            assert_eq!(whole.records.len() as u64 + whole.skipped.len() as u64 + whole.belonging, non_blank, "{name}");
            for record in &whole.records {
                assert_eq!(ingest::reread(text.as_bytes(), format, record.source).as_ref(), Some(record), "{name}");
            }
            for chunk in [1, 9, 50] {
                let mut chunks = Parsed::default();
                ingest::ingest_in_chunks_with_limits(
                    Path::new("t.log"),
                    text.as_bytes(),
                    Some(format),
                    chunk,
                    &IngestLimits::default(),
                    |parsed, _| {
                        chunks.records.extend(parsed.records);
                        chunks.skipped.extend(parsed.skipped);
                        chunks.belonging += parsed.belonging;
                        true
                    },
                )
                .expect("readable");
                assert_eq!(chunks.records, whole.records, "{name} in blocks of {chunk}");
                assert_eq!((chunks.belonging, chunks.skipped.len()), (whole.belonging, whole.skipped.len()), "{name}");
            }
        }
    }
}

mod matcher_tests {
    use super::super::pattern::{Pattern, build_regex};

    /// Patterns that may start anywhere, asked in turn on several threads: each answers as its
    /// regex does (each thread's cache of each pattern is that pattern's).
    #[test]
    fn patterns_asked_in_turn_on_several_threads_answer_as_their_regexes() {
        let sources = [
            r"(?:^|: )(?:[A-Za-z][\w-]*: \S|\s*[\[{])|OkHttpClient: [^<\-]",
            r"(?:^|\] )\s*(?:Processing by |Parameters: |Rendered )",
            r"\bat [\w$.]+\(",
        ];
        let lines = [
            "I/okhttp.OkHttpClient: accept: application/json",
            "I/okhttp.OkHttpClient: --> POST https://a",
            "[x] Processing by UsersController#create",
            "    at com.example.Sync.run(Sync.java:12)",
            r#"{"a": [1]}"#,
            "nothing",
            "",
        ];
        let patterns: Vec<Pattern> = sources.iter().map(|source| Pattern::lazy(source).expect("a program")).collect();
        let regexes: Vec<_> = sources.iter().map(|source| build_regex(source).expect("builds")).collect();
        std::thread::scope(|scope| {
            for _ in 0..3 {
                scope.spawn(|| {
                    for _ in 0..3 {
                        for line in lines {
                            for (pattern, regex) in patterns.iter().zip(&regexes) {
                                assert_eq!(
                                    pattern.is_match(line.as_bytes()),
                                    regex.is_match(line.as_bytes()),
                                    "{regex} on {line:?}"
                                );
                            }
                        }
                    }
                });
            }
        });
    }
}
