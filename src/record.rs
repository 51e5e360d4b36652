//! The one normalized API call that every input format becomes.
//!
//! Parsers fill a [`Record`] from whatever shape they read; classification, the store, the summary,
//! redaction and the email all work on it and never look at the source format again.

/// One side of an HTTP exchange: its headers (in order, names as logged) and body text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Message {
    /// Header name/value pairs as they appeared in the log.
    pub headers: Vec<(String, String)>,
    /// The body as text (JSON bodies are serialized compactly), if the log carried one.
    pub body: Option<String>,
}

impl Message {
    /// The first header with this name, compared case-insensitively.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(key, _)| key.eq_ignore_ascii_case(name)).map(|(_, value)| value.as_str())
    }
}

/// Where a record came from, so every number can be traced back to its lines.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SourceSpan {
    /// 1-based physical line where the record starts.
    pub line: u64,
    /// Byte offset of the record's text in the (decompressed) input.
    pub offset: u64,
    /// Length in bytes of the record's text.
    pub len: u64,
}

/// One API call, whatever format it was read from.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Record {
    /// When the call started, in milliseconds since the Unix epoch (UTC).
    pub time_ms: Option<i64>,
    /// HTTP method in upper case (`POST`), if known.
    pub method: Option<Method>,
    /// The URL or path as logged (may include host and query string).
    pub url: Option<String>,
    /// The host the call went to, when the log names it apart from the URL (Envoy's authority).
    pub host: Option<String>,
    /// HTTP status; 0 means the call got no response.
    pub status: u16,
    /// The error type the server named (`Conflict`, `card_error`, a problem+json title, ...).
    pub error_type: Option<String>,
    /// The human-readable error message from the response body or the log line.
    pub message: Option<String>,
    /// The request id, if the log or the response carried one.
    pub request_id: Option<String>,
    /// How long the call took, in milliseconds.
    pub duration_ms: Option<f64>,
    /// The request as sent.
    pub request: Message,
    /// A fingerprint of the request body's text as logged ([`body_digest`]): what a summary read
    /// keeps of the body instead of the body (retry chains need to know that two calls sent the
    /// same body, not what it was). `None` when no body was logged or the body was kept whole.
    pub request_digest: Option<u64>,
    /// A fingerprint of the client's address ([`body_digest`]), where the log names the client
    /// (a server's access log): the same request from two clients is not a retry.
    pub client_digest: Option<u64>,
    /// The response as received (empty when there was none).
    pub response: Message,
    /// Where in the input this record was read.
    pub source: SourceSpan,
}

impl Record {
    /// A call failed when the server answered 4xx/5xx or did not answer at all.
    pub fn is_failure(&self) -> bool {
        is_failure_status(self.status)
    }
}

/// An HTTP method as a record keeps it: one of the methods of RFC 9110 or PATCH borrowed, without
/// an allocation a call (of a text log's few per line, one of the two a request line cost); any
/// other text owned.
pub type Method = std::borrow::Cow<'static, str>;

/// `text` as a record's method, as it is.
pub fn method(text: &str) -> Method {
    // A match on the text is a switch on its length and one compare (a search of the list
    // compared them in turn, a tenth of splitting a request line).
    Method::Borrowed(match text {
        "GET" => "GET",
        "POST" => "POST",
        "PUT" => "PUT",
        "PATCH" => "PATCH",
        "DELETE" => "DELETE",
        "HEAD" => "HEAD",
        "OPTIONS" => "OPTIONS",
        "CONNECT" => "CONNECT",
        "TRACE" => "TRACE",
        _ => return Method::Owned(text.to_owned()),
    })
}

/// `text` in upper case as a record's method.
pub fn method_upper(text: &str) -> Method {
    if text.bytes().any(|byte| byte.is_ascii_lowercase()) { method(&text.to_ascii_uppercase()) } else { method(text) }
}

/// The fingerprint of a request body's text, alike for the same text anywhere in one process.
/// Seeded once per process, so a log cannot be written to make two bodies collide.
pub fn body_digest(text: &str) -> u64 {
    use std::hash::BuildHasher as _;
    static SEED: std::sync::LazyLock<u64> = std::sync::LazyLock::new(|| {
        std::hash::BuildHasher::hash_one(&std::collections::hash_map::RandomState::new(), 17)
    });
    foldhash::fast::FixedState::with_seed(*SEED).hash_one(text.as_bytes())
}

/// Whether a call of this method sends a body that says what it does (POST, PUT, PATCH): two
/// such calls to one URL are the same request only with the same body or idempotency key.
pub fn sends_body(method: Option<&str>) -> bool {
    matches!(method, Some("POST" | "PUT" | "PATCH"))
}

/// The failure rule shared by records and store rows.
pub fn is_failure_status(status: u16) -> bool {
    status == 0 || status >= 400
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_known_method_is_borrowed_and_any_other_kept_as_written() {
        assert!(matches!(method("PATCH"), Method::Borrowed("PATCH")));
        assert!(matches!(method_upper("delete"), Method::Borrowed("DELETE")));
        assert_eq!(method("PROPFIND"), "PROPFIND");
        assert_eq!(method("get"), "get", "as it is");
        assert_eq!(method_upper("purge"), "PURGE");
        assert_eq!(method_upper("Gét"), "GéT", "ASCII letters only, as to_ascii_uppercase");
    }
}
