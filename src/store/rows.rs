//! A parsed block turned into rows on its parsing thread: each call classified, its endpoint
//! templated and its message's variant found, and the strings interned within the block.

use super::{Interner, NONE};
use crate::endpoint;
use crate::ingest::{Parsed, Skipped};
use crate::knowledge::Knowledge;
use crate::record::Record;
use crate::variant;
use std::collections::{BTreeMap, HashMap};

/// A block's rows column by column, as the store keeps them (so most of adding them is copying
/// slices), their strings ids into the block's own tables.
#[derive(Debug, Default)]
pub(super) struct BlockColumns {
    pub line: Vec<u32>,
    pub offset: Vec<u64>,
    pub text_len: Vec<u32>,
    pub time_ms: Vec<i64>,
    pub status: Vec<u16>,
    pub kind: Vec<u32>,
    pub endpoint: Vec<u32>,
    pub message: Vec<u32>,
    pub request: Vec<u64>,
    pub retry_after_ms: Vec<u32>,
}

impl BlockColumns {
    fn reserve(&mut self, rows: usize) {
        self.line.reserve(rows);
        self.offset.reserve(rows);
        self.text_len.reserve(rows);
        self.time_ms.reserve(rows);
        self.status.reserve(rows);
        self.kind.reserve(rows);
        self.endpoint.reserve(rows);
        self.message.reserve(rows);
        self.request.reserve(rows);
        self.retry_after_ms.reserve(rows);
    }

    fn push(&mut self, record: &Record, kind: u32, endpoint: u32, message: u32) {
        let span = record.source;
        self.line.push(u32::try_from(span.line).unwrap_or(u32::MAX));
        self.offset.push(span.offset);
        self.text_len.push(u32::try_from(span.len).unwrap_or(u32::MAX));
        self.time_ms.push(record.time_ms.unwrap_or(super::NO_TIME));
        self.status.push(record.status);
        self.kind.push(kind);
        self.endpoint.push(endpoint);
        self.message.push(message);
        self.request.push(request_key(record));
        let retry_after = record.response.header("retry-after").and_then(|value| retry_after_ms(value, record.time_ms));
        self.retry_after_ms.push(retry_after.map_or(NONE, |ms| u32::try_from(ms).unwrap_or(NONE - 1)));
    }
}

/// A parsed block turned into rows (what the loading threads hand over). Its strings are
/// interned within the block on the parsing thread, so adding it to the store interns a few
/// dozen distinct strings instead of three per row: that part runs on the window's thread.
#[derive(Debug, Default)]
pub struct Rows {
    pub(super) rows: BlockColumns,
    pub(super) kinds: Interner,
    pub(super) kind_vendors: Vec<Option<usize>>,
    pub(super) endpoints: Interner,
    pub(super) messages: Interner,
    /// How often each `Retry-After` value came, by block kind id (counted here: a rate-limited
    /// integration sends hundreds of thousands, and the window's thread adds a block's counts).
    pub(super) retry_after: BTreeMap<u32, BTreeMap<String, usize>>,
    /// Lines that were not calls.
    pub skipped: Vec<Skipped>,
    /// Calls read from lines with bytes that are not UTF-8 (read as Windows-1252).
    pub repaired: u64,
    /// Lines that belong to a call of a line before them.
    pub belonging: u64,
}

thread_local! {
    /// Variants found on this thread, for the blocks after: their first searches on a thread cost
    /// the regexes tens of thousands of instructions a message.
    static VARIANTS: crate::text_memo::TextMemo<String> = crate::text_memo::TextMemo::default();
}

/// What a block already worked out for a message. Logs repeat the same few errors thousands of
/// times; finding a message's variant (regexes) and classifying a failure (lowercasing, keyword
/// search) cost more than looking them up.
#[derive(Default)]
struct Memo {
    messages: HashMap<Box<str>, Seen, foldhash::fast::RandomState>,
    no_message: Seen,
    /// A buffer for endpoint templates, which are interned from it.
    endpoint: String,
}

#[derive(Default)]
struct Seen {
    /// The block's id of the message's variant.
    variant: Option<u32>,
    /// The block's kind id for each way a failure with this message was classified.
    kinds: Vec<(KindKey, u32)>,
}

/// All a classification reads besides the message.
struct KindKey {
    vendor: Option<usize>,
    addressed: bool,
    status: u16,
    error_type: Option<Box<str>>,
}

impl Rows {
    /// Classifies every record of a parsed block, part after part (each part's records are
    /// freed before the next part is parsed).
    pub fn of(parts: impl IntoIterator<Item = Parsed>, knowledge: &Knowledge) -> Self {
        let mut rows = Self::default();
        let mut memo = Memo::default();
        for parsed in parts {
            rows.rows.reserve(parsed.records.len());
            for record in &parsed.records {
                rows.add(record, knowledge, &mut memo);
            }
            rows.skipped.extend(parsed.skipped);
            rows.repaired += parsed.repaired;
            rows.belonging += parsed.belonging;
        }
        rows
    }

    fn add(&mut self, record: &Record, knowledge: &Knowledge, memo: &mut Memo) {
        endpoint::template_into(&mut memo.endpoint, record.method.as_deref(), record.url.as_deref());
        let endpoint = self.endpoints.intern(&memo.endpoint);
        let seen = match record.message.as_deref() {
            Some(message) => {
                if !memo.messages.contains_key(message) {
                    memo.messages.insert(message.into(), Seen::default());
                }
                memo.messages.get_mut(message).expect("inserted above")
            }
            None => &mut memo.no_message,
        };
        let message = match (record.message.as_deref(), seen.variant) {
            (_, Some(id)) => id,
            (Some(message), None) => {
                let variant = crate::text_memo::remembered(&VARIANTS, message, variant::of);
                *seen.variant.insert(self.messages.intern(&variant))
            }
            (None, None) => NONE,
        };
        let kind = if record.is_failure() { self.kind_of(record, knowledge, seen) } else { NONE };
        if kind != NONE
            && let Some(value) = record.response.header("retry-after")
        {
            let values = self.retry_after.entry(kind).or_default();
            match values.get_mut(value.trim()) {
                Some(count) => *count += 1,
                None => {
                    values.insert(value.trim().to_string(), 1);
                }
            }
        }
        self.rows.push(record, kind, endpoint, message);
    }

    /// The block's kind id of a failure, classified once per message and circumstances.
    fn kind_of(&mut self, record: &Record, knowledge: &Knowledge, seen: &mut Seen) -> u32 {
        let vendor = knowledge.vendor_of(record);
        let addressed = record.url.is_some() || record.host.is_some();
        let error_type = record.error_type.as_deref();
        let same = |known: &KindKey| {
            known.vendor == vendor
                && known.addressed == addressed
                && known.status == record.status
                && known.error_type.as_deref() == error_type
        };
        if let Some((_, kind)) = seen.kinds.iter().find(|(known, _)| same(known)) {
            return *kind;
        }
        let key = KindKey { vendor, addressed, status: record.status, error_type: error_type.map(Box::from) };
        let Some(classification) = knowledge.classify(record) else { return NONE };
        let kind = self.kinds.intern(&classification.kind);
        if kind as usize == self.kind_vendors.len() {
            self.kind_vendors.push(classification.vendor);
        }
        seen.kinds.push((key, kind));
        kind
    }

    /// How many calls.
    pub fn len(&self) -> usize {
        self.rows.status.len()
    }

    /// Whether the block holds no call.
    pub fn is_empty(&self) -> bool {
        self.rows.status.is_empty()
    }
}

/// Which request a call sent, as a number: the same for calls with the same method and URL (path
/// and query: the host may be logged or not) and, for a POST, PUT or PATCH, the same body or
/// idempotency key, from the same client where the log names clients; 0 when the log cannot tell. A POST, PUT or PATCH whose body and key the log
/// does not show is 0: two creates of different customers would look alike.
pub fn request_key(record: &Record) -> u64 {
    use std::hash::{BuildHasher as _, Hasher as _};
    let Some(url) = record.url.as_deref() else { return 0 };
    let mut hasher = foldhash::fast::FixedState::with_seed(0x6572_726c_656e_7321).build_hasher();
    hasher.write(record.method.as_deref().unwrap_or("?").as_bytes());
    hasher.write(endpoint::target_of(url).as_bytes());
    hasher.write_u64(record.client_digest.unwrap_or(0));
    if crate::record::sends_body(record.method.as_deref()) {
        let key = record.request.header("idempotency-key").map(str::trim).filter(|key| !key.is_empty());
        let body = record.request_digest.or_else(|| record.request.body.as_deref().map(crate::record::body_digest));
        match (key, body) {
            (Some(key), _) => hasher.write(key.as_bytes()),
            (None, Some(body)) => hasher.write_u64(body),
            (None, None) => return 0,
        }
    }
    // 0 is "cannot tell".
    hasher.finish().max(1)
}

/// A `Retry-After` value as milliseconds to wait: seconds, or an HTTP date (RFC 9110) counted
/// from the call's time.
pub fn retry_after_ms(value: &str, call_ms: Option<i64>) -> Option<u64> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<f64>() {
        return (seconds.is_finite() && seconds >= 0.0).then(|| (seconds * 1000.0).round() as u64);
    }
    let until = chrono::DateTime::parse_from_rfc2822(value).ok()?.timestamp_millis();
    Some(u64::try_from(until.saturating_sub(call_ms?)).unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::Parsed;

    fn call(status: u16, url: Option<&str>, error_type: Option<&str>, message: Option<&str>) -> Record {
        Record {
            status,
            method: Some("POST".into()),
            url: url.map(str::to_string),
            error_type: error_type.map(str::to_string),
            message: message.map(str::to_string),
            ..Record::default()
        }
    }

    /// A retry is the same method, URL and body (or idempotency key), however the log was read.
    #[test]
    fn the_request_key_tells_a_retry_from_another_request() {
        let line = |body: &str, url: &str| {
            format!(r#"{{"method":"POST","url":"{url}","status":503,"request":{{"body":{body}}}}}"#)
        };
        let key = |text: String, detail| {
            let record = crate::ingest::read_one(text.as_bytes(), crate::ingest::Format::Ndjson, detail)
                .expect("a line format")
                .expect("a call");
            request_key(&record)
        };
        let a = line(r#"{"email":"a@example.de"}"#, "https://h.example/api/customers");
        let a_again = line(r#"{"email":"a@example.de"}"#, "/api/customers");
        let b = line(r#"{"email":"b@example.de"}"#, "https://h.example/api/customers");
        let summary = crate::ingest::Detail::Summary;
        assert_ne!(key(a.clone(), summary), 0);
        assert_eq!(key(a.clone(), summary), key(a_again, summary));
        assert_ne!(key(a.clone(), summary), key(b, summary));
        assert_eq!(key(a.clone(), summary), key(a, crate::ingest::Detail::Full), "a compact body reads alike");
        // Without a body, a POST is not known; a GET is its URL.
        let no_body = r#"{"method":"POST","url":"/api/customers","status":503}"#.to_string();
        assert_eq!(key(no_body, summary), 0);
        let get = |query: &str| format!(r#"{{"method":"GET","url":"/api/customers/7{query}","status":503}}"#);
        assert_ne!(key(get(""), summary), key(get("?page=2"), summary));
        // An idempotency key stands for the body.
        let keyed = |body: &str| {
            format!(
                r#"{{"method":"POST","url":"/api/x","status":503,"request":{{"headers":{{"Idempotency-Key":"k1"}},"body":{body}}}}}"#
            )
        };
        assert_eq!(key(keyed("{\"n\":1}"), summary), key(keyed("{\"n\":2}"), summary));
    }

    #[test]
    fn retry_after_is_seconds_or_an_http_date_from_the_call() {
        assert_eq!(retry_after_ms(" 30 ", None), Some(30_000));
        assert_eq!(retry_after_ms("1.5", None), Some(1_500));
        let call = chrono::DateTime::parse_from_rfc3339("2026-11-20T09:00:00Z").expect("time").timestamp_millis();
        assert_eq!(retry_after_ms("Fri, 20 Nov 2026 09:00:12 GMT", Some(call)), Some(12_000));
        assert_eq!(retry_after_ms("Fri, 20 Nov 2026 08:59:00 GMT", Some(call)), Some(0));
        assert_eq!(retry_after_ms("Fri, 20 Nov 2026 09:00:12 GMT", None), None);
        assert_eq!(retry_after_ms("soon", Some(call)), None);
        assert_eq!(retry_after_ms("-3", None), None);
    }

    #[test]
    fn retry_after_values_are_counted_per_kind_in_the_block() {
        let knowledge = Knowledge::bundled();
        let with_retry = |status: u16, value: &str| {
            let mut record = call(status, Some("/api/customers"), None, Some("Too many requests"));
            record.response.headers = vec![("Retry-After".into(), value.into())];
            record
        };
        let records = vec![with_retry(429, "30"), with_retry(429, " 30"), with_retry(429, "5"), with_retry(200, "9")];
        let rows = Rows::of([Parsed { records, ..Parsed::default() }], &knowledge);
        let kind = rows.rows.kind[0];
        let counts: BTreeMap<String, usize> = BTreeMap::from([("30".into(), 2), ("5".into(), 1)]);
        assert_eq!(rows.retry_after, BTreeMap::from([(kind, counts)]));
    }

    /// The same message under other circumstances is classified again, not taken from the memo.
    #[test]
    fn every_row_is_classified_as_on_its_own_however_often_its_message_repeats() {
        let knowledge = Knowledge::bundled();
        let vendor = Some("https://api.my-virtual-office.com/api/customers");
        let other = Some("https://api.example.org/v1/things");
        let missing = "API key missing: send your key in the X-API-Key header";
        let records = vec![
            call(401, vendor, Some("Unauthorized"), Some(missing)),
            call(401, vendor, Some("Unauthorized"), Some(missing)),
            call(401, other, Some("Unauthorized"), Some(missing)),
            call(403, vendor, Some("Unauthorized"), Some(missing)),
            call(401, vendor, None, Some(missing)),
            call(401, None, None, Some(missing)),
            call(200, vendor, None, Some(missing)),
            call(401, vendor, Some("Unauthorized"), Some("Customer 12345678 of a@b.ch")),
            call(401, vendor, Some("Unauthorized"), Some("Customer 12345678 of a@b.ch")),
            call(500, vendor, None, None),
            call(502, None, None, None),
        ];
        let expected_kinds: Vec<Option<String>> =
            records.iter().map(|record| knowledge.classify(record).map(|found| found.kind)).collect();
        let variants: Vec<Option<String>> =
            records.iter().map(|record| record.message.as_deref().map(variant::of)).collect();
        let rows = Rows::of([Parsed { records, ..Parsed::default() }], &knowledge);

        let kinds: Vec<Option<String>> =
            rows.rows.kind.iter().map(|&kind| (kind != NONE).then(|| rows.kinds.get(kind).to_string())).collect();
        assert_eq!(kinds, expected_kinds);
        let messages: Vec<Option<String>> = rows
            .rows
            .message
            .iter()
            .map(|&message| (message != NONE).then(|| rows.messages.get(message).to_string()))
            .collect();
        assert_eq!(messages, variants);
        // The circumstances do change the kind here, so the memo is put to the test.
        assert_ne!(expected_kinds[0], expected_kinds[2]);
        assert_ne!(expected_kinds[0], expected_kinds[3]);
        assert_eq!(rows.messages.len(), 2);
    }
}
