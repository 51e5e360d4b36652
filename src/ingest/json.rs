//! Document formats: a JSON array of calls, one object holding an array of calls, and HAR.
//!
//! Items are borrowed as raw JSON first, so each record knows the byte span it came from and can
//! be read again later without keeping its bodies in memory.

use super::{Detail, Format, Parsed, SkipReason, Skipped, fields, har, line, line_numbers, sparse};
use crate::record::{Record, SourceSpan};
use rayon::prelude::*;
use serde::Deserialize;
use serde_json::Value;
use serde_json::value::RawValue;
use std::collections::BTreeMap;
use std::sync::LazyLock;

/// Where and why a document could not be read.
#[derive(Debug)]
pub struct Problem {
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// What is wrong.
    pub reason: String,
}

impl From<serde_json::Error> for Problem {
    fn from(error: serde_json::Error) -> Self {
        let what = without_position(&error);
        let reason = if error.is_eof() { format!("the document ends too early (truncated?): {what}") } else { what };
        Self { line: error.line(), column: error.column().max(1), reason }
    }
}

/// serde_json's message without its ` at line L column C`: the problem reports the position
/// itself, in the whole file rather than in the part that was being read.
fn without_position(error: &serde_json::Error) -> String {
    let text = error.to_string();
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    text.strip_suffix(&suffix).map_or_else(|| text.clone(), str::to_string)
}

/// Keys that usually hold the calls in an exported object, most likely first.
const CALL_ARRAY_KEYS: &[&str] =
    &["entries", "calls", "requests", "records", "logs", "events", "items", "data", "results"];

#[derive(Deserialize)]
struct HarDocument<'a> {
    #[serde(borrow)]
    log: HarLog<'a>,
}

#[derive(Deserialize)]
struct HarLog<'a> {
    #[serde(borrow)]
    entries: Option<&'a RawValue>,
}

/// A HAR read in one pass, its entries as raw items.
#[derive(Deserialize)]
struct HarItems<'a> {
    #[serde(borrow)]
    log: HarLogItems<'a>,
}

#[derive(Deserialize)]
struct HarLogItems<'a> {
    #[serde(borrow)]
    entries: Option<Entries<'a>>,
}

/// `log.entries`: its items, or a sign that it is something else than an array.
enum Entries<'a> {
    Items(Vec<&'a RawValue>),
    NotAnArray,
}

impl<'de: 'a, 'a> Deserialize<'de> for Entries<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(EntriesVisitor(std::marker::PhantomData))
    }
}

struct EntriesVisitor<'a>(std::marker::PhantomData<&'a ()>);

impl<'de: 'a, 'a> serde::de::Visitor<'de> for EntriesVisitor<'a> {
    type Value = Entries<'a>;

    fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
        formatter.write_str("the HAR entries")
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(item) = seq.next_element::<&'de RawValue>()? {
            items.push(item);
        }
        Ok(Entries::Items(items))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        while map.next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?.is_some() {}
        Ok(Entries::NotAnArray)
    }

    fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
        Ok(Entries::NotAnArray)
    }

    fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
        Ok(Entries::NotAnArray)
    }

    fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
        Ok(Entries::NotAnArray)
    }

    fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
        Ok(Entries::NotAnArray)
    }

    fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
        Ok(Entries::NotAnArray)
    }

    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(Entries::NotAnArray)
    }
}

/// Parses a whole document into records and skipped items.
pub fn parse(bytes: &[u8], format: Format, detail: Detail) -> Result<Parsed, Problem> {
    let items = match format {
        Format::Har => har_entries(bytes)?,
        _ => json_items(bytes)?,
    };
    let offsets: Vec<usize> = items.iter().map(|item| offset_in(bytes, item)).collect();
    let lines = line_numbers(bytes, offsets.iter().copied());
    // Items are independent: read them on every core, then keep document order.
    let results: Vec<Result<Record, SkipReason>> =
        items.par_iter().map(|item| read_item(item.get().as_bytes(), format, detail)).collect();
    let mut parsed = Parsed::default();
    for (((item, offset), line), result) in items.iter().zip(offsets).zip(lines).zip(results) {
        let span = SourceSpan { line, offset: offset as u64, len: item.get().len() as u64 };
        match result {
            Ok(mut record) => {
                record.source = span;
                parsed.records.push(record);
            }
            Err(reason) => parsed.skipped.push(Skipped { line, reason }),
        }
    }
    Ok(parsed)
}

/// Reads one item (an array element or a HAR entry) as a record.
pub fn parse_item(text: &[u8], format: Format, detail: Detail) -> Option<Record> {
    read_item(text, format, detail).ok()
}

/// What a HAR summary never reads: cookies, query lists (the URL has the query), timings, and
/// Chrome's `_initiator` stack traces, often the bulk of an entry. Request headers stay: a request
/// id may only be in them; so does the text sent (only POST, PUT and PATCH send any), for its
/// fingerprint (retry chains).
const HAR_SUMMARY_PRUNED: &[&str] = &[
    "_initiator",
    "timings",
    "cache",
    "request.postData.params",
    "request.cookies",
    "request.queryString",
    "response.cookies",
];

/// What a HAR summary builds of an entry: what [`har::entry_record`] reads, and the status paths
/// that say why an entry is not a call.
static HAR_SUMMARY_PATHS: LazyLock<sparse::Paths> = LazyLock::new(|| {
    sparse::Paths::new(
        har::READ_PATHS.iter().chain(fields::STATUS.iter()).copied(),
        [],
        HAR_SUMMARY_PRUNED.iter().copied(),
    )
    .with_headers(["request.headers", "response.headers"], fields::SUMMARY_HEADERS.iter().copied())
});

/// Reads one item as a record, or says why it is not one.
pub fn read_item(text: &[u8], format: Format, detail: Detail) -> Result<Record, SkipReason> {
    // What the scanner is not sure of, the whole parse below reads, and says why not.
    if format == Format::Har
        && detail == Detail::Summary
        && let Some(read) = sparse::with_bump(|bump| {
            let object = sparse::parse(text, &HAR_SUMMARY_PATHS, bump)?;
            Some(
                har::entry_record(&object, detail).ok_or_else(|| fields::not_a_call(&object, SkipReason::JsonNotACall)),
            )
        })
    {
        return read;
    }
    let object = match serde_json::from_slice::<Value>(text) {
        Ok(Value::Object(object)) => flatten_otlp(object),
        Ok(_) => return Err(SkipReason::JsonNotACall),
        // Items were already read once as raw JSON, which has no depth limit; parsing has one.
        Err(error) => return Err(line::json_skip_reason(&error)),
    };
    let looks_like_har_entry = object.get("request").is_some_and(Value::is_object) && object.contains_key("response");
    let record = if format == Format::Har || looks_like_har_entry {
        har::entry_record(&object, detail)
    } else {
        fields::discover(&object, detail)
    };
    record.ok_or_else(|| fields::not_a_call(&object, SkipReason::JsonNotACall))
}

fn har_entries(bytes: &[u8]) -> Result<Vec<&RawValue>, Problem> {
    // One pass takes the entries apart while the document is read; only a HAR that is not
    // well-formed is read again below, for the message that says where and why.
    if let Ok(HarItems { log: HarLogItems { entries: Some(Entries::Items(items)) } }) = serde_json::from_slice(bytes) {
        return Ok(items);
    }
    let document: HarDocument = serde_json::from_slice(bytes)?;
    let entries = document.log.entries.ok_or_else(|| Problem {
        line: 1,
        column: 1,
        reason: "the HAR has no log.entries".to_string(),
    })?;
    array_items(bytes, entries, "log.entries")
}

/// An OpenTelemetry (OTLP JSON) export: its log records and spans are the items.
#[derive(Deserialize)]
struct Otlp<'a> {
    #[serde(borrow, default, rename = "resourceLogs")]
    logs: Vec<OtlpResource<'a>>,
    #[serde(borrow, default, rename = "resourceSpans")]
    spans: Vec<OtlpResource<'a>>,
}

#[derive(Deserialize)]
struct OtlpResource<'a> {
    #[serde(borrow, default, rename = "scopeLogs")]
    scope_logs: Vec<OtlpScope<'a>>,
    #[serde(borrow, default, rename = "scopeSpans")]
    scope_spans: Vec<OtlpScope<'a>>,
}

#[derive(Deserialize)]
struct OtlpScope<'a> {
    #[serde(borrow, default, rename = "logRecords")]
    log_records: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    spans: Vec<&'a RawValue>,
}

fn otlp_items(document: &RawValue) -> Result<Vec<&RawValue>, Problem> {
    let otlp: Otlp = serde_json::from_str(document.get())?;
    let resources = otlp.logs.into_iter().chain(otlp.spans);
    let scopes = resources.flat_map(|resource| resource.scope_logs.into_iter().chain(resource.scope_spans));
    Ok(scopes.flat_map(|scope| scope.log_records.into_iter().chain(scope.spans)).collect())
}

/// An OTLP record's attribute list (`[{"key": "http.request.method", "value": {"stringValue":
/// "POST"}}]`) as keys of the record, its body as its message and its start as its time, so field
/// discovery reads it as any other JSON log.
fn flatten_otlp(mut object: serde_json::Map<String, Value>) -> serde_json::Map<String, Value> {
    let Some(Value::Array(attributes)) = object.get("attributes") else { return object };
    let pairs: Vec<(String, Value)> = attributes
        .iter()
        .filter_map(|attribute| {
            let key = attribute.get("key")?.as_str()?;
            let value = attribute.get("value")?.as_object()?.values().next()?;
            // OTLP JSON writes 64-bit integers as strings.
            let value = match value {
                Value::String(text) if attribute["value"].get("intValue").is_some() => {
                    text.parse::<i64>().map_or_else(|_| value.clone(), Value::from)
                }
                other => other.clone(),
            };
            Some((key.to_string(), value))
        })
        .collect();
    for (key, value) in pairs {
        object.entry(key).or_insert(value);
    }
    let body = object.get("body").and_then(|body| body.get("stringValue")).cloned();
    if let Some(body) = body {
        object.entry("message").or_insert(body);
    }
    let start = ["timeUnixNano", "startTimeUnixNano", "observedTimeUnixNano"]
        .iter()
        .find_map(|key| object.get(*key)?.as_str()?.parse::<f64>().ok());
    if let Some(nanos) = start {
        object.entry("time").or_insert(Value::from(nanos));
    }
    object
}

fn json_items(bytes: &[u8]) -> Result<Vec<&RawValue>, Problem> {
    let document: &RawValue = serde_json::from_slice(bytes)?;
    if document.get().starts_with('[') {
        return array_items(bytes, document, "the document");
    }
    let object: BTreeMap<String, &RawValue> = serde_json::from_str(document.get())?;
    if object.contains_key("resourceLogs") || object.contains_key("resourceSpans") {
        return otlp_items(document);
    }
    let holder = CALL_ARRAY_KEYS
        .iter()
        .filter_map(|key| object.get(*key))
        .chain(object.values())
        .find(|value| value.get().starts_with('['));
    match holder {
        Some(array) => array_items(bytes, array, "the call array"),
        // One object on its own: it is the only item.
        None => Ok(vec![document]),
    }
}

fn array_items<'a>(bytes: &[u8], array: &'a RawValue, what: &str) -> Result<Vec<&'a RawValue>, Problem> {
    serde_json::from_str::<Vec<&RawValue>>(array.get()).map_err(|error| {
        // serde counts from the array's start; the file's own line and column are wanted.
        let offset = offset_in(bytes, array).min(bytes.len());
        let base_line = line_numbers(bytes, [offset])[0] as usize;
        let line_start = bytes[..offset].iter().rposition(|&b| b == b'\n').map_or(0, |at| at + 1);
        // serde says column 0 for a problem found before the line's first character was read.
        let column = error.column().max(1) + if error.line() <= 1 { offset - line_start } else { 0 };
        Problem {
            line: base_line + error.line().saturating_sub(1),
            column,
            reason: format!("{what} is not an array: {}", without_position(&error)),
        }
    })
}

/// The byte offset of a borrowed item inside the document it was parsed from.
fn offset_in(document: &[u8], item: &RawValue) -> usize {
    (item.get().as_ptr() as usize).saturating_sub(document.as_ptr() as usize)
}
