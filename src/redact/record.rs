//! A whole API call: URL, message, and both sides' headers and bodies, as the call panel shows it
//! and the support email quotes it.

use super::{KnownValues, Redacted, Redaction, Redactor, Spelling};
use crate::record::{Message, Record};

impl Redactor {
    /// Redacts every part of a call that can carry a secret or personal data; status, times,
    /// request id and source position stay. Locations say which side they came from. A credential
    /// found in one part is then hidden in every other part too (a cookie value copied into the
    /// URL, a token echoed in the body): see [`Redactor::known_values`].
    pub fn redact_record(&self, record: &Record) -> Redacted<Record> {
        let first = self.terms_after_known(|redactor| redactor.redact_parts(record));
        let known = self.known_values(&first.removed);
        if known.is_empty() {
            return first;
        }
        let Redacted { value, mut removed } = first;
        known.sweep_locations(&mut removed);
        let value = sweep_record(&known, value, &mut removed);
        Redacted { value, removed }
    }

    fn redact_parts(&self, record: &Record) -> Redacted<Record> {
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

/// Every part of an already redacted call, swept of the known values.
fn sweep_record(known: &KnownValues, record: Record, removed: &mut Vec<Redaction>) -> Record {
    let mut sweep = |text: String, location: &str| {
        // A body that is JSON stays JSON: a value is matched only as JSON writes it.
        let spelling = if matches!(text.trim_start().as_bytes().first(), Some(b'{' | b'[')) {
            Spelling::Json
        } else {
            Spelling::Text
        };
        let swept = known.sweep(&text, location, spelling);
        removed.extend(swept.removed);
        swept.value
    };
    let mut side = |name: &str, message: Message| Message {
        headers: message
            .headers
            .into_iter()
            .map(|(header, value)| {
                let value = sweep(value, &format!("{name} header {}", header.to_ascii_lowercase()));
                (header, value)
            })
            .collect(),
        body: message.body.map(|body| sweep(body, &format!("{name} body"))),
    };
    let request = side("request", record.request);
    let response = side("response", record.response);
    let url = record.url.map(|url| sweep(url, "request url"));
    let message = record.message.map(|text| sweep(text, "error message"));
    Record { url, message, request, response, ..record }
}
