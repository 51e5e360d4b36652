use super::*;
use crate::record::Record;

fn failure(status: u16, url: &str, error_type: Option<&str>, message: &str) -> Record {
    Record {
        status,
        url: Some(url.to_string()),
        error_type: error_type.map(str::to_string),
        message: (!message.is_empty()).then(|| message.to_string()),
        ..Record::default()
    }
}

fn kind_of(knowledge: &Knowledge, record: &Record) -> String {
    knowledge.classify(record).map(|c| c.kind).unwrap_or_default()
}

const VENDOR_URL: &str = "https://api.my-virtual-office.com/api/customers";

#[test]
fn documented_and_reworded_messages() {
    let knowledge = Knowledge::bundled();
    let cases = [
        (401, "API key is required. Provide it via X-API-Key header or Authorization Bearer token.", "missing_api_key"),
        (401, "No API key was provided", "missing_api_key"),
        (401, "Invalid API key", "invalid_api_key"),
        (401, "The API key provided is invalid", "invalid_api_key"),
        (401, "API key has been revoked", "api_key_revoked"),
        (401, "This key was revoked by the account owner", "api_key_revoked"),
        (401, "API key has expired", "api_key_expired"),
        (401, "The key expired on 2026-10-01", "api_key_expired"),
        (401, "", "unauthorized"),
        (400, "body must have required property 'email'", "missing_required_field"),
        (400, "Field first_name is required", "missing_required_field"),
        (400, "body/email must match format \"email\"", "invalid_email_format"),
        (400, "Invalid email address", "invalid_email_format"),
        (400, "body must NOT have fewer than 1 properties", "bad_request"),
        (403, "Customer limit reached for your plan (500 customers)", "customer_limit_reached"),
        (
            403,
            "You have reached the maximum number of customers allowed by your subscription",
            "customer_limit_reached",
        ),
        (403, "Insufficient permissions for this API key", "forbidden"),
        (404, "Customer not found", "not_found"),
        (409, "Customer with email a@b.de already exists", "duplicate_email"),
        (409, "Duplicate email: j.meyer@example.com is already registered", "duplicate_email"),
        (409, "Customer is being modified by another request", "conflict"),
        (429, "Too many requests, please slow down", "rate_limited"),
        (500, "Internal server error", "internal_error"),
        (503, "Service temporarily unavailable", "service_unavailable"),
        (422, "Unprocessable Entity", "http_422"),
        (502, "502 Bad Gateway", "http_502"),
        (0, "connection timed out", "no_response"),
    ];
    for (status, message, expected) in cases {
        let record = failure(status, VENDOR_URL, None, message);
        assert_eq!(kind_of(&knowledge, &record), expected, "{status} {message:?}");
    }
}

#[test]
fn error_type_codes_count_as_words() {
    let knowledge = Knowledge::bundled();
    let record = failure(401, VENDOR_URL, Some("api_key_revoked"), "");
    assert_eq!(kind_of(&knowledge, &record), "api_key_revoked");
}

#[test]
fn vendor_by_host_or_path_and_generic_otherwise() {
    let knowledge = Knowledge::bundled();
    let by_path = failure(404, "/api/customers/1", None, "");
    assert_eq!(knowledge.classify(&by_path).and_then(|c| c.vendor), Some(0));
    let by_host = Record { host: Some("app-api.my-virtual-office.com:443".into()), ..failure(404, "/x", None, "") };
    assert_eq!(knowledge.classify(&by_host).and_then(|c| c.vendor), Some(0));
    let other =
        failure(409, "https://api.example.com/api/customers", None, "Customer with email a@b.de already exists");
    let classification = knowledge.classify(&other).expect("a failure");
    assert_eq!((classification.kind.as_str(), classification.vendor), ("conflict", None));
    assert!(knowledge.classify(&failure(200, VENDOR_URL, None, "")).is_none());
    let nowhere = Record { url: None, ..failure(403, "", None, "You have reached the maximum number of customers") };
    let classification = knowledge.classify(&nowhere).expect("a failure");
    assert_eq!((classification.kind.as_str(), classification.vendor), ("customer_limit_reached", Some(0)));
}

#[test]
fn every_kind_has_text_and_generic_codes_have_titles() {
    let knowledge = Knowledge::bundled();
    for base in knowledge.vendors.iter().chain([&knowledge.generic]) {
        for kind in &base.kinds {
            assert!(!kind.title.is_empty() && !kind.meaning.is_empty() && !kind.fix.is_empty(), "{}", kind.id);
        }
    }
    assert_eq!(knowledge.kind("http_502", None).map(|k| k.title), Some("Bad gateway".to_string()));
    assert_eq!(knowledge.kind("http_418", None).map(|k| k.retry), Some(Retry::AfterFix));
    assert_eq!(knowledge.kind("http_599", None).map(|k| k.retry), Some(Retry::Backoff));
    let vendor_fix = knowledge.kind("not_found", Some(0)).map(|k| k.solution()).unwrap_or_default();
    assert!(vendor_fix.contains("customer"), "{vendor_fix}");
    assert_eq!(knowledge.vendor(0).map(|v| v.support_email.as_str()), Some("hello@my-virtual-office.com"));
}

#[test]
fn a_broken_knowledge_file_names_itself() {
    let error = Knowledge::from_files([("broken.toml", "[[kind]]\nid = 3")]).expect_err("invalid");
    assert!(error.to_string().starts_with("knowledge file broken.toml"));
}

#[test]
fn keywords_match_whatever_their_case_in_the_file() {
    let file = r#"
[vendor]
id = "acme"
name = "Acme"
support_email = "support@acme.test"
hosts = ["api.acme.test"]
path_prefixes = []

[[kind]]
id = "quota"
status = 429
title = "Quota"
meaning = "Over quota."
fix = ["Wait."]
retry = "backoff"
match = [["Quota", "EXCEEDED"]]
"#;
    let knowledge = Knowledge::from_files([("acme.toml", file)]).expect("valid");
    let record = failure(429, "https://api.acme.test/v1/x", None, "Daily quota exceeded");
    assert_eq!(kind_of(&knowledge, &record), "quota");
}
