//! What an error response says, whichever convention the server followed.
//!
//! Reads the error type and message out of My Virtual Office (`{"error", "message"}`), RFC 9457
//! problem+json, Google, Stripe, Microsoft, JSON:API, GitHub and OAuth bodies, and out of plain
//! text or HTML pages (their title or first line).

use super::json_value::{JsonObject, JsonValue, Shape};
use super::scan::trim;
use super::sparse;
use serde_json::Value;

/// The error a response body describes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ErrorInfo {
    /// A short machine-ish name: a reason phrase, code, or title.
    pub error_type: Option<String>,
    /// The human-readable description.
    pub message: Option<String>,
}

const MAX_MESSAGE_CHARS: usize = 500;

/// Every key [`from_json`] reads of an object at its top level; what it reads below one of them,
/// it reads of that key's whole value. An object that names none of them carries no error (a
/// summary does not read such an object at the end of a text line). A test holds this list to
/// the keys the code names.
pub const OBJECT_KEYS: &[&str] = &[
    "error",
    "errors",
    "message",
    "title",
    "detail",
    "type",
    "error_description",
    "error_message",
    "errorMessage",
    "code",
    "error_code",
];

/// The error carried by a parsed JSON body, if it looks like one.
pub fn from_json(body: &impl JsonValue) -> ErrorInfo {
    let Some(object) = body.as_object() else {
        return match body.shape() {
            Shape::Array(items) => items.first().map(from_json).unwrap_or_default(),
            Shape::String(text) => from_text(text),
            _ => ErrorInfo::default(),
        };
    };
    let text = |key: &str| object.get(key).and_then(scalar_text);

    match object.get("error").map(|error| (error, error.shape())) {
        // Google / Stripe / Microsoft nest the details under `error`.
        Some((_, Shape::Object(inner))) => {
            let field = |key: &str| inner.get(key).and_then(scalar_text);
            let error_type = field("type")
                .filter(|kind| kind != "invalid_request_error" || field("code").is_none())
                .or_else(|| field("code").filter(|code| code.parse::<u16>().is_err()))
                .or_else(|| field("status"))
                .or_else(|| field("code"));
            let message = field("message").or_else(|| detail_message(inner.get("details")));
            return ErrorInfo { error_type, message: message.map(clip) };
        }
        // My Virtual Office (and OAuth: `error` + `error_description`).
        Some((error, _)) if scalar_text(error).is_some() => {
            let message = text("message").or_else(|| text("error_description")).or_else(|| text("detail"));
            return ErrorInfo { error_type: scalar_text(error), message: message.map(clip) };
        }
        _ => {}
    }

    // JSON:API lists errors; GitHub adds `errors[]` beside a top-level message.
    if let Some(Shape::Array(errors)) = object.get("errors").map(JsonValue::shape) {
        let first = errors.first().and_then(JsonValue::as_object);
        let first_text = |key: &str| first.and_then(|item| item.get(key)).and_then(scalar_text);
        let message = text("message")
            .or_else(|| first_text("detail"))
            .or_else(|| first_text("message"))
            .or_else(|| first_text("title"));
        let error_type = first_text("code").or_else(|| first_text("title"));
        if message.is_some() || error_type.is_some() {
            return ErrorInfo { error_type, message: message.map(clip) };
        }
    }

    // RFC 9457 problem details.
    let has_text = |key: &str| object.get(key).is_some_and(|value| value.as_str().is_some());
    if has_text("title") || has_text("detail") {
        let title = text("title");
        let message = text("detail").or_else(|| title.clone());
        let error_type = title.or_else(|| text("type"));
        return ErrorInfo { error_type, message: message.map(clip) };
    }

    let message = text("message")
        .or_else(|| text("error_message"))
        .or_else(|| text("errorMessage"))
        .or_else(|| detail_message(object.get("detail")));
    let error_type = text("code").or_else(|| text("error_code")).or_else(|| text("type"));
    ErrorInfo { error_type, message: message.map(clip) }
}

/// The error a non-JSON body describes: an HTML page's title, or a text's first line.
pub fn from_text(body: &str) -> ErrorInfo {
    let trimmed = body.trim();
    if trimmed.is_empty() {
        return ErrorInfo::default();
    }
    if trimmed.starts_with('<') {
        let message = html_element(trimmed, "title").or_else(|| html_element(trimmed, "h1")).map(clip);
        return ErrorInfo { error_type: None, message };
    }
    let first_line = trimmed.lines().next().unwrap_or(trimmed).trim();
    ErrorInfo { error_type: None, message: Some(clip(first_line.to_string())) }
}

thread_local! {
    /// Bodies read on this thread: an integration's failures repeat the same few.
    static READ_BODIES: crate::text_memo::TextMemo<ErrorInfo> = crate::text_memo::TextMemo::default();
}

/// [`from_body_text`], remembered per thread for bodies that come again.
pub fn from_body_text_remembered(body: &str) -> ErrorInfo {
    crate::text_memo::remembered(&READ_BODIES, body, from_body_text)
}

/// How many times a body logged as a JSON string (holding a JSON string, ...) is unwrapped.
/// Each level doubles the backslashes, so real logs never come near it.
const MAX_UNWRAP: usize = 8;

/// A body given as text: parsed as JSON when it is JSON (also when it was logged as a JSON
/// string holding the JSON, once or a few times over), otherwise read as text or HTML.
pub fn from_body_text(body: &str) -> ErrorInfo {
    let mut text = std::borrow::Cow::Borrowed(body);
    for _ in 0..=MAX_UNWRAP {
        let trimmed = text.trim_start();
        if !matches!(trimmed.as_bytes().first(), Some(b'{' | b'[' | b'"')) {
            break;
        }
        // Most bodies the scanner reads borrowed; what it is unsure of, serde_json reads.
        let read = sparse::with_bump(|bump| match sparse::parse_value(trimmed.as_bytes(), bump)? {
            sparse::Node::String(inner) => Some(Err(inner.to_string())),
            value => Some(Ok(from_json(&value))),
        });
        match read {
            Some(Ok(info)) => return info,
            Some(Err(inner)) => {
                text = std::borrow::Cow::Owned(inner);
                continue;
            }
            None => {}
        }
        match serde_json::from_str::<Value>(trimmed) {
            Ok(Value::String(inner)) => text = std::borrow::Cow::Owned(inner),
            Ok(value) => return from_json(&value),
            Err(_) => break,
        }
    }
    from_text(&text)
}

fn scalar_text(value: &impl JsonValue) -> Option<String> {
    match value.shape() {
        Shape::String(text) if !trim(text).is_empty() => Some(trim(text).to_string()),
        Shape::Number(number) => Some(number.to_string()),
        _ => None,
    }
}

/// FastAPI-style `detail` (a string or a list of `{msg}`) and Microsoft `details[]`.
fn detail_message(detail: Option<&impl JsonValue>) -> Option<String> {
    match detail?.shape() {
        Shape::String(text) => Some(text.to_string()),
        Shape::Array(items) => items.iter().find_map(|item| {
            let item = item.as_object()?;
            item.get("msg").or_else(|| item.get("message")).and_then(scalar_text)
        }),
        _ => None,
    }
}

fn html_element(html: &str, tag: &str) -> Option<String> {
    let lower = html.to_ascii_lowercase();
    let open = lower.find(&format!("<{tag}"))?;
    let start = open + lower[open..].find('>')? + 1;
    let end = start + lower[start..].find(&format!("</{tag}"))?;
    let text = html.get(start..end)?.split_whitespace().collect::<Vec<_>>().join(" ");
    (!text.is_empty()).then_some(text)
}

fn clip(mut text: String) -> String {
    if let Some((cut, _)) = text.char_indices().nth(MAX_MESSAGE_CHARS) {
        text.truncate(cut);
        text.push('…');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn info(error_type: Option<&str>, message: Option<&str>) -> ErrorInfo {
        ErrorInfo { error_type: error_type.map(str::to_string), message: message.map(str::to_string) }
    }

    #[test]
    fn every_known_shape() {
        let cases = [
            (
                json!({"error": "Conflict", "message": "Duplicate email"}),
                info(Some("Conflict"), Some("Duplicate email")),
            ),
            (
                json!({"type": "https://example.com/probs/out-of-credit", "title": "You do not have enough credit.", "status": 403, "detail": "Your current balance is 30"}),
                info(Some("You do not have enough credit."), Some("Your current balance is 30")),
            ),
            (
                json!({"error": {"code": 403, "status": "PERMISSION_DENIED", "message": "The caller does not have permission"}}),
                info(Some("PERMISSION_DENIED"), Some("The caller does not have permission")),
            ),
            (
                json!({"error": {"type": "card_error", "code": "card_declined", "message": "Your card was declined."}}),
                info(Some("card_error"), Some("Your card was declined.")),
            ),
            (
                json!({"error": {"type": "invalid_request_error", "code": "resource_missing", "message": "No such customer"}}),
                info(Some("resource_missing"), Some("No such customer")),
            ),
            (
                json!({"error": {"code": "InvalidAuthenticationToken", "message": "Access token is empty.", "details": []}}),
                info(Some("InvalidAuthenticationToken"), Some("Access token is empty.")),
            ),
            (
                json!({"errors": [{"status": "422", "code": "invalid", "title": "Invalid Attribute", "detail": "First name must contain at least three characters."}]}),
                info(Some("invalid"), Some("First name must contain at least three characters.")),
            ),
            (
                json!({"message": "Validation Failed", "documentation_url": "https://docs.github.com/rest", "errors": [{"resource": "Issue", "field": "title", "code": "missing_field"}]}),
                info(Some("missing_field"), Some("Validation Failed")),
            ),
            (
                json!({"error": "invalid_grant", "error_description": "Bad credentials"}),
                info(Some("invalid_grant"), Some("Bad credentials")),
            ),
            (
                json!({"detail": [{"loc": ["body", "email"], "msg": "field required"}]}),
                info(None, Some("field required")),
            ),
            (json!({"message": "Not Found"}), info(None, Some("Not Found"))),
            (json!({"ok": true}), info(None, None)),
        ];
        for (body, expected) in cases {
            assert_eq!(from_json(&body), expected, "{body}");
        }
    }

    #[test]
    fn text_and_html_bodies() {
        assert_eq!(from_body_text("upstream request timeout\nmore"), info(None, Some("upstream request timeout")));
        assert_eq!(
            from_body_text("<html><head><title>502 Bad Gateway</title></head><body>x</body></html>"),
            info(None, Some("502 Bad Gateway"))
        );
        assert_eq!(
            from_body_text("<!DOCTYPE HTML>\n<h1>Method Not\n Allowed</h1>"),
            info(None, Some("Method Not Allowed"))
        );
        assert_eq!(
            from_body_text(r#"{"error":"Not Found","message":"Customer not found"}"#),
            info(Some("Not Found"), Some("Customer not found"))
        );
        assert_eq!(from_body_text("   "), ErrorInfo::default());
    }

    #[test]
    fn bodies_logged_as_json_strings_are_unwrapped() {
        let body = json!({"error": "Conflict", "message": "Duplicate email"}).to_string();
        let once = Value::String(body.clone()).to_string();
        let twice = Value::String(once.clone()).to_string();
        for text in [&body, &once, &twice] {
            assert_eq!(from_body_text(text), info(Some("Conflict"), Some("Duplicate email")), "{text}");
        }
        // A quoted sentence is a JSON string too: read without its quotes.
        assert_eq!(from_body_text("\"upstream timeout\""), info(None, Some("upstream timeout")));
        let mut deep = body;
        for _ in 0..=MAX_UNWRAP + 1 {
            deep = Value::String(deep).to_string();
        }
        assert_eq!(from_body_text(&deep).error_type, None, "past the limit the text is read as it is");
    }

    /// Every name the code above quotes, paired with values of each shape, alone and two by
    /// two: what `from_json` reads of an object, it reads of `OBJECT_KEYS` only.
    #[test]
    fn object_keys_are_every_key_read_at_the_top() {
        let source = include_str!("error_body.rs");
        let code = &source[..source.find("#[cfg(test)]").expect("the tests follow the code")];
        let names: std::collections::BTreeSet<&str> = code
            .split('"')
            .skip(1)
            .step_by(2)
            .filter(|name| !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'))
            .collect();
        assert!(names.len() > OBJECT_KEYS.len(), "{names:?}");
        let values = [
            json!("rate_limited"),
            json!(429),
            json!({"type": "t", "code": "c", "status": "s", "message": "m", "details": [{"message": "d"}]}),
            json!([{"code": "c", "title": "t", "detail": "d", "message": "m"}]),
        ];
        let members: Vec<(&str, &Value)> =
            names.iter().flat_map(|name| values.iter().map(move |v| (*name, v))).collect();
        let kept_only = |object: &serde_json::Map<String, Value>| {
            let kept = object.iter().filter(|(key, _)| OBJECT_KEYS.contains(&key.as_str()));
            Value::Object(kept.map(|(key, value)| (key.clone(), value.clone())).collect())
        };
        for (first, second) in members.iter().flat_map(|a| members.iter().map(move |b| (a, b))) {
            let mut object = serde_json::Map::new();
            object.insert(first.0.to_string(), first.1.clone());
            object.insert(second.0.to_string(), second.1.clone());
            assert_eq!(from_json(&Value::Object(object.clone())), from_json(&kept_only(&object)), "{object:?}");
        }
    }

    #[test]
    fn long_messages_are_clipped_on_a_char_boundary() {
        let long = "é".repeat(MAX_MESSAGE_CHARS + 10);
        let message = from_text(&long).message.unwrap_or_default();
        assert_eq!(message.chars().count(), MAX_MESSAGE_CHARS + 1);
    }
}
