//! A whole API call: URL, message, and both sides' headers and bodies, as the call panel shows it
//! and the support email quotes it.

use super::{Redacted, Redaction, Redactor};
use crate::record::{Message, Record};

impl Redactor {
    /// Redacts every part of a call that can carry a secret or personal data; status, times,
    /// request id and source position stay. Locations say which side they came from.
    pub fn redact_record(&self, record: &Record) -> Redacted<Record> {
        let mut removed = Vec::new();
        let mut take = |side: &str, mut found: Vec<Redaction>| {
            for item in &mut found {
                item.location = format!("{side} {}", item.location);
            }
            removed.extend(found);
        };
        let url = record.url.as_deref().map(|url| {
            let redacted = self.redact_url(url);
            take("request", redacted.removed);
            redacted.value
        });
        let message = record.message.as_deref().map(|text| {
            let redacted = self.redact_text(text);
            take("error message", redacted.removed);
            redacted.value
        });
        let mut side = |name: &str, message: &Message| {
            let headers = self.redact_headers(&message.headers);
            take(name, headers.removed);
            let body = message.body.as_deref().map(|body| {
                let redacted = self.redact_body(body);
                take(name, redacted.removed);
                redacted.value
            });
            Message { headers: headers.value, body }
        };
        let request = side("request", &record.request);
        let response = side("response", &record.response);
        Redacted { value: Record { url, message, request, response, ..record.clone() }, removed }
    }
}
