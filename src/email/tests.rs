use super::*;
use crate::ingest::ingest_bytes;
use crate::knowledge::Knowledge;
use crate::summary::summarize;
use std::path::Path;
use std::sync::Arc;

const KEY: &str = "sk_live_Q7vR2mX9kL4pT8wZ3nB6yH1cF5gJ0dS2aE4uI7oP9qW3rT6y";

fn log() -> String {
    let call = |time: &str, id: &str, email: &str| {
        format!(
            "{{\"time\":\"{time}\",\"method\":\"POST\",\"url\":\"https://api.my-virtual-office.com/api/customers?api_key={KEY}\",\"status\":409,\"request_id\":\"{id}\",\
             \"request\":{{\"headers\":{{\"X-API-Key\":\"{KEY}\"}},\"body\":{{\"first_name\":\"Jörg\",\"email\":\"{email}\",\"language\":\"de\"}}}},\
             \"response\":{{\"headers\":{{\"Retry-After\":\"5\"}},\"body\":{{\"error\":\"Conflict\",\"message\":\"Duplicate email: {email} is already registered\"}}}}}}\n"
        )
    };
    [call("2026-11-20T10:00:00Z", "req-1", "anna@example.de"), call("2026-11-20T12:00:00Z", "req-2", "jörg@example.de")]
        .concat()
}

fn compose_with(record: Option<usize>, account: Option<&str>) -> Result<SupportEmail, EmailError> {
    let text = log();
    let ingested = ingest_bytes(Path::new("app.ndjson"), text.as_bytes(), None).expect("readable");
    let mut store = Store::new(Arc::new(Knowledge::bundled()));
    store.add("app.ndjson".into(), ingested, text.as_bytes().into());
    let summary = summarize(&store, None);
    let redactor = Redactor { account_email: account.map(str::to_string), ..Redactor::default() };
    compose(&store, &summary.groups[0], record, &redactor)
}

#[test]
fn carries_the_four_items_and_no_secret() {
    let email = compose_with(None, Some("ops@acme-shop.example")).expect("email");
    assert_eq!(email.to.as_deref(), Some("hello@my-virtual-office.com"));
    assert_eq!(email.subject, "[API] 409 Duplicate email on POST /api/customers (2 failures since 2026-11-20)");
    for part in [
        "1. Endpoint\n   POST https://api.my-virtual-office.com/api/customers?api_key=",
        "2. Request body (sensitive data removed)",
        "\"language\": \"de\"",
        "3. Full error response\n   HTTP 409\n   Retry-After: 5",
        "\"error\": \"Conflict\"",
        "4. Account email\n   ops@acme-shop.example",
        "Request id of this call: req-2",
        "Request ids of other occurrences: req-1 (2026-11-20T10:00:00.000Z)",
        "PATCH /api/customers/{id}",
    ] {
        assert!(email.body.contains(part), "missing {part:?} in\n{}", email.body);
    }
    for secret in [KEY, "anna@example.de", "jörg@example.de", "Jörg"] {
        assert!(!email.body.contains(secret) && !email.subject.contains(secret), "{secret} leaked:\n{}", email.body);
    }
    assert!(email.removed.iter().any(|r| r.original == KEY));
    assert!(email.removed.iter().any(|r| r.original == "jörg@example.de"));
}

#[test]
fn the_chosen_record_and_its_range() {
    let oldest = compose_with(Some(1), None).expect("email");
    assert!(oldest.body.contains("Request id of this call: req-1"));
    assert!(oldest.body.contains("4. Account email\n   (please add your account email)"));
    assert_eq!(oldest.from, None);
    assert_eq!(
        compose_with(Some(3), None),
        Err(EmailError::RecordOutOfRange { kind: "duplicate_email".into(), count: 2 })
    );
    assert_eq!(
        compose_with(Some(0), None).map(|_| ()),
        Err(EmailError::RecordOutOfRange { kind: "duplicate_email".into(), count: 2 })
    );
}

#[test]
fn rfc5322_and_mailto() {
    let mut email = compose_with(None, Some("ops@acme-shop.example")).expect("email");
    let message = email.to_rfc5322();
    assert!(
        message.starts_with("From: ops@acme-shop.example\r\nTo: hello@my-virtual-office.com\r\nSubject: [API] 409")
    );
    assert!(message.contains("\r\nContent-Type: text/plain; charset=utf-8\r\n"));
    assert!(message.contains("\r\n\r\nHello My Virtual Office API support,\r\n"));
    assert!(!message.replace("\r\n", "").contains('\n'), "every line ends with CRLF");

    assert_eq!(email.to_mailto(), None, "the full body is longer than a mailto URL may be");
    email.body = "short & sweet".into();
    email.subject = "Grüße".into();
    assert_eq!(
        email.to_mailto().as_deref(),
        Some("mailto:hello@my-virtual-office.com?subject=Gr%C3%BC%C3%9Fe&body=short%20%26%20sweet")
    );
    assert!(email.to_rfc5322().contains("Subject: =?utf-8?B?R3LDvMOfZQ==?=\r\n"));
}

/// Values shown on one line are escaped after they are redacted: an escaped line break (`\n`)
/// before a secret must not hide it from the redactor, nor a logged one start a line.
#[test]
fn a_secret_after_a_logged_line_break_is_removed_and_the_break_shown_escaped() {
    let line = format!(
        "{{\"time\":\"2026-11-20T10:00:00Z\",\"method\":\"POST\",\"url\":\"/api/orders\",\"status\":500,\
         \"request_id\":\"req\\n{KEY}\",\"response\":{{\"body\":{{\"message\":\"boom\\r\\n{KEY}\\u001b[2J\"}}}}}}\n"
    );
    let ingested = ingest_bytes(Path::new("app.ndjson"), line.as_bytes(), None).expect("readable");
    let mut store = Store::new(Arc::new(Knowledge::bundled()));
    store.add("app.ndjson".into(), ingested, line.as_bytes().into());
    let summary = summarize(&store, None);
    let email = compose(&store, &summary.groups[0], None, &Redactor::default()).expect("email");
    for form in [&email.subject, &email.body, &email.to_rfc5322()] {
        assert!(!form.contains(KEY), "the key leaked:\n{form}");
        assert!(!form.contains('\u{1b}'), "a raw ESC:\n{form}");
    }
    assert!(email.body.contains("Request id of this call: req\\n["), "{}", email.body);
    assert!(email.body.contains("Messages seen: \"boom\\r\\n["), "{}", email.body);
}

#[test]
fn the_review_lists_a_value_once_with_its_places() {
    let email = compose_with(None, None).expect("email");
    let review = email.review();
    let key = review.iter().find(|entry| entry.first.original == KEY).expect("the key is listed");
    let places = email.removed.iter().filter(|item| item.original == KEY).count();
    // The URL's query and the X-API-Key header at least.
    assert!(places >= 2, "{:#?}", email.removed);
    assert_eq!(key.places, places);
    assert_eq!(review.iter().filter(|entry| entry.first.original == KEY).count(), 1);
    assert_eq!(review.iter().map(|entry| entry.places).sum::<usize>(), email.removed.len());
}

#[test]
fn a_cookie_value_in_the_quoted_call_goes_wherever_the_email_repeats_it() {
    let sid = "Zk3pQ9vR7tW2xY8a";
    let line = format!(
        "{{\"method\":\"GET\",\"url\":\"https://api.my-virtual-office.com/api/customers?c47={sid}\",\"status\":401,\
         \"request\":{{\"headers\":{{\"Cookie\":\"sid={sid}\"}}}},\
         \"response\":{{\"body\":{{\"error\":\"Unauthorized\",\"message\":\"session {sid} expired\"}}}}}}\n"
    );
    let ingested = ingest_bytes(Path::new("app.ndjson"), line.as_bytes(), None).expect("readable");
    let mut store = Store::new(Arc::new(Knowledge::bundled()));
    store.add("app.ndjson".into(), ingested, line.as_bytes().into());
    let summary = summarize(&store, None);
    let email = compose(&store, &summary.groups[0], None, &Redactor::default()).expect("email");
    assert!(!email.to_rfc5322().contains(sid), "{}", email.body);
    let review = email.review();
    let entry = review.iter().find(|entry| entry.first.original == sid).expect("listed");
    assert!(entry.places >= 3, "{:#?}", email.removed);

    // A term the user hides, inside the cookie value, does not cut it apart before it is known:
    // the group's messages quote it again.
    let hiding = Redactor { extra_terms: vec!["3".into()], ..Redactor::default() };
    let email = compose(&store, &summary.groups[0], None, &hiding).expect("email");
    let sent = email.to_rfc5322();
    assert!(!sent.contains("pQ9vR7tW2xY8a") && !sent.contains("Zk["), "{}", email.body);
    assert!(email.body.contains("session [cookie] expired"), "{}", email.body);
}

#[test]
fn a_kinds_group_alone_is_the_whole_summarys_group() {
    let text = log();
    let ingested = ingest_bytes(Path::new("app.ndjson"), text.as_bytes(), None).expect("readable");
    let mut store = Store::new(Arc::new(Knowledge::bundled()));
    store.add("app.ndjson".into(), ingested, text.as_bytes().into());
    let summary = summarize(&store, None);
    assert!(!summary.groups.is_empty());
    for group in &summary.groups {
        let alone = super::kind_group(&store, group.kind_index).expect("the kind has rows");
        assert_eq!(serde_json::to_value(&alone).ok(), serde_json::to_value(group).ok());
        assert_eq!(alone.span_ms, group.span_ms);
    }
    assert!(super::kind_group(&store, u32::MAX).is_none());
}

#[test]
fn a_paragraph_goes_before_the_closing_question() {
    let mut email = compose_with(None, Some("ops@acme-shop.example")).expect("email");
    email.add_paragraph("How our client retries", "The client retried 5xx errors 4 times\nat a fixed 1 s interval.");
    let note = email.body.find("\nHow our client retries: The client retried 5xx errors 4 times").expect("added");
    let closing = email.body.find("Could you tell us what else causes this").expect("closing");
    assert!(note < closing, "{}", email.body);
    assert!(!email.body.contains("times\nat"), "one line: {}", email.body);
}
