//! HAR 1.2 entries (browser DevTools, mitmproxy, Charles exports) as records.

use super::fields::{headers_of, is_network_failure, status_of, summary_headers};
use super::json_value::{JsonObject, JsonValue};
use super::time;
use super::{Detail, error_body};
use crate::record::{Message, Record};
use base64::Engine as _;

/// Every path [`entry_record`] reads from an entry (a summary builds only these).
pub const READ_PATHS: &[&str] = &[
    "request.method",
    "request.url",
    "request.headers",
    "request.postData.text",
    "startedDateTime",
    "time",
    "_error",
    "response.status",
    "response.statusText",
    "response.headers",
    "response.content.text",
    "response.content.encoding",
    "response._error",
];

/// Headers that carry a request id, the first found wins (response, then request).
pub const REQUEST_ID_HEADERS: &[&str] = &["x-request-id", "request-id", "x-amzn-requestid", "x-correlation-id"];

/// One `log.entries[]` item; `None` when it has no request at all.
pub fn entry_record<O: JsonObject>(entry: &O, detail: Detail) -> Option<Record> {
    let request = entry.get("request")?.as_object()?;
    let response = entry.get("response").and_then(JsonValue::as_object);
    let mut record = Record {
        method: request.get("method").and_then(JsonValue::as_str).map(crate::record::method_upper),
        url: request.get("url").and_then(JsonValue::as_str).map(str::to_string),
        time_ms: entry.get("startedDateTime").and_then(time::parse_value),
        // A summary keeps neither the duration nor the request id (see `Detail::Summary`).
        duration_ms: entry.get("time").and_then(JsonValue::as_f64).filter(|ms| *ms >= 0.0 && detail == Detail::Full),
        request: Message {
            headers: request.get("headers").map(headers_of).unwrap_or_default(),
            body: text_in(request, "postData"),
        },
        ..Record::default()
    };
    let Some(response) = response else {
        record.message = Some("no response recorded".to_string());
        if detail == Detail::Summary {
            keep_request_identity(&mut record);
        }
        return Some(record);
    };
    record.status = response.get("status").and_then(status_of).unwrap_or(0);
    // A summary reads a body only for a failure's error (a success's may be a big base64 image).
    let body = (detail == Detail::Full || record.is_failure()).then(|| response_text(response)).flatten();
    record.response = Message { headers: response.get("headers").map(headers_of).unwrap_or_default(), body };
    if detail == Detail::Full {
        record.request_id = REQUEST_ID_HEADERS
            .iter()
            .find_map(|name| record.response.header(name).or_else(|| record.request.header(name)))
            .map(str::to_string);
    }
    let failure = entry
        .get("_error")
        .or_else(|| response.get("_error"))
        .and_then(JsonValue::as_str)
        .filter(|text| !text.is_empty());
    if record.status == 0 {
        record.message = Some(failure.unwrap_or("no response").to_string());
    } else if record.is_failure() {
        let info = record.response.body.as_deref().map(error_body::from_body_text_remembered).unwrap_or_default();
        record.error_type = info.error_type;
        record.message = info.message.or_else(|| {
            let reason = response.get("statusText").and_then(JsonValue::as_str).unwrap_or_default();
            (!reason.is_empty()).then(|| reason.to_string())
        });
    }
    if record.status != 0 && failure.is_some_and(|text| is_network_failure(Some(text))) && record.message.is_none() {
        record.message = failure.map(str::to_string);
    }
    if detail == Detail::Summary {
        keep_request_identity(&mut record);
        record.response =
            Message { headers: summary_headers(std::mem::take(&mut record.response.headers)), body: None };
    }
    Some(record)
}

/// What a summary keeps of the request: for a call that sends a body, the body's fingerprint and
/// its idempotency key, which tell a retry from a new request; nothing else.
fn keep_request_identity(record: &mut Record) {
    if crate::record::sends_body(record.method.as_deref()) {
        record.request_digest = record.request.body.as_deref().map(crate::record::body_digest);
        record.request.headers = summary_headers(std::mem::take(&mut record.request.headers));
        record.request.body = None;
    } else {
        record.request = Message::default();
    }
}

fn response_text(response: &impl JsonObject) -> Option<String> {
    let content = response.get("content")?.as_object()?;
    let text = text_in(response, "content")?;
    if content.get("encoding").and_then(JsonValue::as_str) != Some("base64") {
        return Some(text);
    }
    // Some exporters write every body in base64 (Charles), others those that are not UTF-8
    // (mitmproxy, Chrome): decoded, a body that is text is read like any other; an image or a
    // compressed payload has no text to read.
    let bytes = base64::engine::general_purpose::STANDARD.decode(text.trim()).ok()?;
    String::from_utf8(bytes).ok().filter(|decoded| !decoded.is_empty() && !decoded.contains('\0'))
}

/// The `text` of the object at `key` (`postData`, `content`), unless it is empty.
fn text_in(object: &impl JsonObject, key: &str) -> Option<String> {
    let text = object.get(key)?.as_object()?.get("text")?.as_str()?;
    (!text.is_empty()).then(|| text.to_string())
}
