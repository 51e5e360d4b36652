//! The rules on small logs written here: each rule found where it should be, and not on calls
//! that keep the practice.

use super::*;
use crate::knowledge::Knowledge;
use std::sync::Arc;

const T0: i64 = 1_795_168_800_000;

/// One NDJSON call: (ms after T0, method, path, status, body, Retry-After).
type Call<'a> = (i64, &'a str, &'a str, u16, Option<&'a str>, Option<&'a str>);

fn store_of(calls: &[Call]) -> Store {
    store_with(calls, Knowledge::bundled())
}

fn store_with(calls: &[Call], knowledge: Knowledge) -> Store {
    let text: String = calls
        .iter()
        .map(|(at, method, path, status, body, retry_after)| {
            let mut line = serde_json::json!({"ts": T0 + at, "method": method, "url": format!("https://api.example.org{path}"), "status": status});
            if let Some(body) = body {
                line["request"] = serde_json::json!({"body": serde_json::from_str::<serde_json::Value>(body).expect("json")});
            }
            if *status >= 400 {
                line["response"] = serde_json::json!({"body": {"error": "Error", "message": format!("failed with {status}")}});
            }
            if let Some(value) = retry_after {
                line["response"]["headers"] = serde_json::json!({"Retry-After": value});
            }
            format!("{line}\n")
        })
        .collect();
    let ingested = crate::ingest::ingest_bytes("t.ndjson".as_ref(), text.as_bytes(), None).expect("parse");
    let mut store = Store::new(Arc::new(knowledge));
    store.add("t.ndjson".into(), ingested, text.as_bytes().into());
    store
}

fn rules(audit: &Audit) -> Vec<(&str, usize)> {
    audit.findings.iter().map(|finding| (finding.rule.as_str(), finding.attempts.len())).collect()
}

const BODY: Option<&str> = Some(r#"{"email":"a@example.de"}"#);

#[test]
fn fixed_pace_retries_of_a_5xx_break_backoff_and_doubling_ones_do_not() {
    let fixed: Vec<Call> =
        (0..4).map(|n| (n * 1000, "POST", "/c", if n < 3 { 503 } else { 201 }, BODY, None)).collect();
    let audit = audit(&store_of(&fixed));
    assert_eq!(rules(&audit), [("retry_without_backoff", 4)]);
    assert_eq!(audit.findings[0].gaps_ms(), [1000, 1000, 1000]);
    assert_eq!(audit.practice("retry_with_backoff").map(|p| p.verdict), Some(Verdict::NotFollowed));
    assert_eq!(
        audit.retry_summary().as_deref(),
        Some("The client retried 5xx errors 3 times at a fixed 1 s interval.")
    );

    let doubling: Vec<Call> = [0, 1000, 3000, 7000]
        .iter()
        .enumerate()
        .map(|(n, &at)| (at, "GET", "/c/7", if n < 3 { 500 } else { 200 }, None, None))
        .collect();
    let audit = super::audit(&store_of(&doubling));
    assert!(audit.findings.is_empty(), "{:?}", audit.findings);
    assert_eq!(audit.chains.len(), 1);
    assert_eq!(audit.practice("retry_with_backoff").map(|p| p.verdict), Some(Verdict::Followed));
    assert_eq!(audit.retry_summary(), None);
}

#[test]
fn ten_attempts_in_a_minute_are_a_storm_instead() {
    let storm: Vec<Call> = (0..12).map(|n| (n * 200, "GET", "/c/7", 0, None, None)).collect();
    assert_eq!(rules(&audit(&store_of(&storm))), [("retry_storm", 12)]);
}

#[test]
fn retries_before_retry_after_and_after_it() {
    let early: Vec<Call> = vec![(0, "GET", "/c", 429, None, Some("30")), (5_000, "GET", "/c", 200, None, None)];
    let audit = audit(&store_of(&early));
    assert_eq!(rules(&audit), [("retry_before_retry_after", 2)]);
    assert_eq!(audit.findings[0].retry_after_ms, Some(30_000));
    let date: Vec<Call> = vec![
        (0, "GET", "/c", 429, None, Some("Fri, 20 Nov 2026 09:00:10 GMT")),
        (10_500, "GET", "/c", 200, None, None),
    ];
    let patient = super::audit(&store_of(&date));
    assert!(patient.findings.is_empty(), "{:?}", patient.findings);
    assert_eq!(patient.practice("handle_rate_limits").map(|p| p.verdict), Some(Verdict::Followed));
    let unnamed: Vec<Call> = vec![(0, "GET", "/c", 429, None, None), (300, "GET", "/c", 200, None, None)];
    assert_eq!(rules(&super::audit(&store_of(&unnamed))), [("retry_before_retry_after", 2)]);
}

#[test]
fn a_4xx_repeated_unchanged_is_found_and_a_corrected_request_is_not() {
    let repeated: Vec<Call> = vec![(0, "POST", "/c", 409, BODY, None), (2_000, "POST", "/c", 409, BODY, None)];
    assert_eq!(rules(&audit(&store_of(&repeated))), [("retried_non_retryable", 2)]);
    let corrected: Vec<Call> =
        vec![(0, "POST", "/c", 400, BODY, None), (2_000, "POST", "/c", 201, Some(r#"{"email":"b@example.de"}"#), None)];
    let audit = super::audit(&store_of(&corrected));
    assert!(audit.findings.is_empty() && audit.chains.is_empty(), "{:?}", audit.findings);
    // Ten minutes apart is another request.
    let later: Vec<Call> = vec![(0, "POST", "/c", 409, BODY, None), (600_001, "POST", "/c", 409, BODY, None)];
    assert!(super::audit(&store_of(&later)).chains.is_empty());
}

#[test]
fn an_id_the_client_never_got_after_a_failure_is_a_used_failed_result() {
    let calls: Vec<Call> = vec![
        (0, "POST", "/c", 409, BODY, None),
        (100, "GET", "/c/undefined", 404, None, None),
        (200, "GET", "/c/null", 404, None, None),
        (300, "GET", "/c/7", 200, None, None),
        (400, "GET", "/c/None", 404, None, None),
    ];
    let audit = audit(&store_of(&calls));
    let found: Vec<(&str, &str, u16)> =
        audit.findings.iter().map(|f| (f.rule.as_str(), f.endpoint.as_str(), f.status)).collect();
    // The second follows a failure too (the first), the last follows a success.
    assert_eq!(found, [("used_failed_result", "GET /c/undefined", 409), ("used_failed_result", "GET /c/null", 404)]);
    assert_eq!(audit.practice("check_status_codes").map(|p| p.findings), Some(2));
}

#[test]
fn a_knowledge_file_tunes_the_thresholds() {
    let fixed: Vec<Call> = (0..3).map(|n| (n * 1000, "GET", "/c/7", 503, None, None)).collect();
    assert_eq!(rules(&audit(&store_of(&fixed))), [("retry_without_backoff", 3)]);
    let tuning = "[audit]\nbackoff_min_attempts = 4\n";
    let files = crate::knowledge::BUNDLED.iter().copied().chain([("tuning.toml", tuning)]);
    let knowledge = Knowledge::from_files(files).expect("knowledge");
    assert!(audit(&store_with(&fixed, knowledge)).findings.is_empty());
}

#[test]
fn practices_not_put_to_the_test_are_not_seen() {
    let audit = audit(&store_of(&[(0, "GET", "/c/7", 200, None, None)]));
    let verdicts: Vec<(&str, Verdict)> = audit.practices.iter().map(|p| (p.id.as_str(), p.verdict)).collect();
    assert_eq!(
        verdicts,
        [
            ("check_status_codes", Verdict::NotSeen),
            ("retry_with_backoff", Verdict::NotSeen),
            ("log_errors", Verdict::NotSeen),
            ("handle_rate_limits", Verdict::NotSeen)
        ]
    );
}

#[test]
fn durations_read_naturally() {
    let shown: Vec<String> =
        [250, 1000, 1500, 90_000, 180_000, 9_000_000].iter().map(|&ms| sentence::duration(ms)).collect();
    assert_eq!(shown, ["250 ms", "1 s", "1.5 s", "90 s", "3 min", "2.5 h"]);
}

/// A browser's HAR, read as the CLI reads it (the summary read): POSTs with the same text sent
/// are one request retried, and one with other text is another request.
#[test]
fn a_hars_posts_are_told_apart_by_the_text_they_sent() {
    let entry = |ms: i64, status: u16, text: &str| {
        let time = crate::ingest::time::format_rfc3339(T0 + ms).expect("time");
        serde_json::json!({
            "startedDateTime": time,
            "request": {"method": "POST", "url": "https://api.example.org/c", "headers": [],
                        "postData": {"mimeType": "application/json", "text": text}},
            "response": {"status": status, "headers": [], "content": {"text": "{}"}}
        })
    };
    let same = r#"{"email":"a@example.de"}"#;
    let entries = [entry(0, 503, same), entry(1000, 503, same), entry(2000, 503, same), entry(2500, 201, "{}")];
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("b.har");
    std::fs::write(&path, serde_json::json!({"log": {"version": "1.2", "entries": entries}}).to_string())
        .expect("write");
    let mut store = Store::new(Arc::new(Knowledge::bundled()));
    store.load(path, None);
    let audit = audit(&store);
    assert_eq!(rules(&audit), [("retry_without_backoff", 3)]);
}

#[test]
fn the_app_learns_how_many_of_a_kinds_failures_come_in_chains() {
    let calls: Vec<Call> = vec![
        (0, "GET", "/c/7", 503, None, None),
        (1000, "GET", "/c/7", 503, None, None),
        (2000, "GET", "/c/7", 200, None, None),
        (3000, "GET", "/c/8", 503, None, None),
    ];
    let store = store_of(&calls);
    let audit = audit(&store);
    let kind = store.kind.get(0).expect("a kind");
    assert_eq!(audit.failures_in_chains(&store, kind), 2);
    assert_eq!(audit.chains[0].gaps_ms(), [1000, 1000]);
}

#[test]
fn the_retry_summary_names_the_weightiest_retry_finding() {
    let storm: Vec<Call> = (0..12).map(|n| (n * 500, "GET", "/c/7", 503, None, None)).collect();
    let early: Vec<Call> =
        vec![(600_000_000, "GET", "/d", 429, None, Some("30")), (600_002_000, "GET", "/d", 200, None, None)];
    assert_eq!(
        audit(&store_of(&[storm, early.clone()].concat())).retry_summary().as_deref(),
        Some("The client sent the same request 12 times in 5.5 s after a 503 (1 more retry finding in the log).")
    );
    assert_eq!(
        audit(&store_of(&early)).retry_summary().as_deref(),
        Some("After a 429 the client retried 2 s later, before the 30 s its Retry-After asked for.")
    );
}
