//! Plain text lines: access logs (Envoy, Istio, common log style), application logs that name a
//! request and a status, and lines that embed a JSON error body.
//!
//! A line is a call when it names a request (method and URL or path) with a status, or embeds a
//! JSON error body whose reason phrase tells the status, or names a request that never got an
//! answer (a timeout, a reset connection).

use super::error_body::{self, ErrorInfo};
use super::fields::{self, status_from_reason};
use super::formats::{Field, Pattern};
use super::json_value::{JsonObject, JsonValue};
use super::time;
use super::{Detail, SkipReason, scan, sparse};
use crate::record::Record;
use regex::{CaptureLocations, Regex};
use serde_json::Value;
use std::cell::RefCell;
use std::sync::LazyLock;

static TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d{1,9})?(?:Z|[+-]\d{2}:?\d{2})?|\d{2}/[A-Z][a-z]{2}/\d{4}:\d{2}:\d{2}:\d{2} [+-]\d{4}",
    )
    .expect("valid time pattern")
});
/// What a request looks like in text; [`request::find`] finds it by hand (the tests hold the two
/// to the same answer).
#[cfg(test)]
static REQUEST: LazyLock<Regex> = LazyLock::new(|| {
    // A target may hold redaction markers (`?api_key=[api key]`): a shared log is still readable.
    Regex::new(
        r#"\b(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|CONNECT|TRACE)\s+((?:https?://|/)(?:\[[a-z ]{1,24}\]|[^\s"])*)"#,
    )
    .expect("valid request pattern")
});
/// What may stand between a request target and its status: a protocol, a quote, an arrow.
const STATUS_AFTER_REQUEST_SOURCE: &str =
    r#"^(?:\s+HTTP/[\d.]+)?"?\s*(?:(?:->|=>|→|:|-|returned|status(?:_code)?\s*[=:]?)\s*)?\(?(?P<status>\d{1,3})\b"#;
static STATUS_AFTER_REQUEST: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(STATUS_AFTER_REQUEST_SOURCE).expect("valid status pattern"));
/// The same as a format's program, for ASCII text (where the regex's Unicode `\s`, `\d` and `\b`
/// are the program's ASCII ones): the regex's captures ran its backtracker on every request a
/// line named, a tenth of reading an application log.
static STATUS_AFTER_REQUEST_PROGRAM: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::lazy(STATUS_AFTER_REQUEST_SOURCE).expect("the status pattern has a program"));
static STATUS_FIELD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)\b(?:status|status_code|statusCode|http_status)["']?\s*[=:]\s*["']?(\d{1,3})\b"#)
        .expect("valid status field pattern")
});
/// Whether `text` holds `status` in any case, as every match of [`STATUS_FIELD`] does: most
/// lines do not, and turning them away by bytes costs less than setting up the regex search.
fn holds_status_word(text: &str) -> bool {
    let bytes = text.as_bytes();
    scan::positions_of(bytes, b's', b'S')
        .any(|at| bytes.get(at..at + 6).is_some_and(|word| word.eq_ignore_ascii_case(b"status")))
}
/// Envoy writes `"- - HTTP/1.1" 400` for a request it could not parse, `"- - -" 0` for TCP.
static DASH_REQUEST: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#""-\s+-\s+(HTTP/[\d.]+|-)"\s+(\d{1,3})\b"#).expect("valid dash pattern"));
/// A quoted value that is a request id (Envoy's); [`scan::is_uuid`] reads it by hand.
#[cfg(test)]
static UUID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
        .expect("valid uuid pattern")
});
static REQUEST_ID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)\breq(?:uest)?[-_ ]?id["']?\s*[=:]\s*["']?([\w.:-]+)"#).expect("valid request id pattern")
});
static DURATION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d+(?:\.\d+)?)\s?ms\b").expect("valid duration pattern"));
/// Envoy's response-flag details (`no_healthy_upstream`, `route_not_found`, ...) after the status.
static ENVOY_DETAILS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s+([A-Z]{2,3}(?:,[A-Z]{2,3})*|-)(?:\s+([a-z][a-z0-9_]*(?:\{[^}]*\})?))?")
        .expect("valid envoy pattern")
});

thread_local! {
    /// Each pattern's clone on this thread and where its groups are written, reused line after
    /// line: threads that share one regex take turns at its cache pool (a clone has its own), and
    /// the regex crate's `captures` allocates the groups anew for every search.
    static LOCAL: RefCell<Vec<(usize, Regex, CaptureLocations)>> = const { RefCell::new(Vec::new()) };
}

/// Calls `search` with this thread's clone of `regex` and its capture slots.
fn with_local<T>(regex: &Regex, search: impl FnOnce(&Regex, &mut CaptureLocations) -> T) -> T {
    LOCAL.with_borrow_mut(|kept| {
        let key = std::ptr::from_ref(regex) as usize;
        let at = match kept.iter().position(|(known, ..)| *known == key) {
            Some(at) => at,
            None => {
                kept.push((key, regex.clone(), regex.capture_locations()));
                kept.len() - 1
            }
        };
        let (_, local, locations) = &mut kept[at];
        search(local, locations)
    })
}

/// The groups (at most [`GROUPS`]) of `regex`'s first match in `text`.
fn groups<'t>(regex: &Regex, text: &'t str) -> Option<Groups<'t>> {
    with_local(regex, |regex, locations| {
        regex.captures_read(locations, text)?;
        let mut spans = [None; GROUPS];
        for (group, span) in spans.iter_mut().enumerate() {
            *span = locations.get(group);
        }
        Some(Groups { text, spans })
    })
}

/// The status [`STATUS_AFTER_REQUEST`] finds at the start of `rest` (the text after a request),
/// and where its match ends (where the status ends: only `\b` follows it).
///
/// The program reads ASCII (its `\s`, `\d` and `\b` are the ASCII ones). It is given the text
/// up to the first byte that no part of the pattern matches when that byte is ASCII: no way the
/// regex tries goes past it, and up to it the two read alike, so a later `µs` or `→` in a Go
/// log's message changes nothing. The regex reads what is left.
fn status_after_request(rest: &str) -> Option<(&str, usize)> {
    let bytes = rest.as_bytes();
    let matched = &*STATUS_AFTER_REQUEST_BYTES;
    let stop = bytes.iter().position(|&byte| !byte.is_ascii() || !matched[usize::from(byte)]);
    let read = match stop {
        None => Some(bytes),
        Some(at) if bytes[at].is_ascii() => Some(&bytes[..=at]),
        Some(_) => None,
    };
    if let Some(read) = read {
        if let Some(found) = status_by_hand(read) {
            let (start, end) = found?;
            return Some((&rest[start..end], end));
        }
        let [status] = STATUS_AFTER_REQUEST_PROGRAM.find_spans(read, [Field::Status])?;
        let (start, end) = status?;
        return Some((&rest[start..end], end));
    }
    let captures = groups(&STATUS_AFTER_REQUEST, rest)?;
    Some((captures.get(1)?, captures.end()))
}

/// Where the status is in `read` (ASCII), worked out by hand for the tails most requests have:
/// `" 200 …`, ` (200) 33ms`, ` -> 404 Not Found`, `: 500`, ` returned 201`; `None` for a tail
/// with a protocol (`HTTP/`) or a `status` word, which the program reads. Each way the pattern
/// could go here has one answer, which is the program's: the quote and the spaces before a word
/// are taken whole (no word, paren or digit starts with either), a word is taken when it is
/// there (no other word starts with it but `-`, which `->` is tried before and which a `>`
/// cannot follow), and when the status after a word fails, leaving the word out fails too (no
/// word starts with a paren or a digit). One step where the program took some 1,000
/// instructions, a sixth of an application log's line with an error.
fn status_by_hand(read: &[u8]) -> Option<Option<(usize, usize)>> {
    let spaces = |from: usize| read[from..].iter().take_while(|byte| scan::is_space(byte)).count();
    let mut at = usize::from(read.first() == Some(&b'"'));
    at += spaces(at);
    let word = match &read[at..] {
        [b'H' | b's', ..] => return None,
        [b'-' | b'=', b'>', ..] => 2,
        [b':' | b'-', ..] => 1,
        rest if rest.starts_with(b"returned") => 8,
        _ => 0,
    };
    if word > 0 {
        at += word;
        at += spaces(at);
    }
    at += usize::from(read.get(at) == Some(&b'('));
    let digits = read[at..].iter().take_while(|byte| byte.is_ascii_digit()).count();
    let word_byte = |byte: &u8| byte.is_ascii_alphanumeric() || *byte == b'_';
    let found = (1..=3).contains(&digits) && !read.get(at + digits).is_some_and(word_byte);
    Some(found.then_some((at, at + digits)))
}

/// The ASCII bytes some part of [`STATUS_AFTER_REQUEST_SOURCE`] matches (its literals and
/// classes, read from the pattern).
static STATUS_AFTER_REQUEST_BYTES: LazyLock<[bool; 128]> = LazyLock::new(|| {
    let hir = regex_syntax::parse(STATUS_AFTER_REQUEST_SOURCE).expect("valid status pattern");
    let mut matched = [false; 128];
    mark_ascii_matched(&hir, &mut matched);
    matched
});

/// Marks the ASCII bytes `hir` can match anywhere in it.
fn mark_ascii_matched(hir: &regex_syntax::hir::Hir, matched: &mut [bool; 128]) {
    use regex_syntax::hir::{Class, HirKind};
    let mut mark = |start: u32, end: u32| {
        for byte in start..=end.min(127) {
            matched[byte as usize] = true;
        }
    };
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => {}
        HirKind::Literal(literal) => literal.0.iter().for_each(|&byte| mark(u32::from(byte), u32::from(byte))),
        HirKind::Class(Class::Unicode(class)) => {
            class.ranges().iter().for_each(|range| mark(u32::from(range.start()), u32::from(range.end())));
        }
        HirKind::Class(Class::Bytes(class)) => {
            class.ranges().iter().for_each(|range| mark(u32::from(range.start()), u32::from(range.end())));
        }
        HirKind::Repetition(repetition) => mark_ascii_matched(&repetition.sub, matched),
        HirKind::Capture(capture) => mark_ascii_matched(&capture.sub, matched),
        HirKind::Concat(parts) | HirKind::Alternation(parts) => {
            parts.iter().for_each(|part| mark_ascii_matched(part, matched));
        }
    }
}

/// Where `regex` first matches in `text`.
fn find<'t>(regex: &Regex, text: &'t str) -> Option<regex::Match<'t>> {
    with_local(regex, |regex, _| regex.find(text))
}

/// [`REQUEST`]'s groups in `text`: the whole request, its method and its target.
fn request_in(text: &str) -> Option<Groups<'_>> {
    let (start, method_end, target_start, end) = request::find(text)?;
    let spans = [Some((start, end)), Some((start, method_end)), Some((target_start, end)), None];
    Some(Groups { text, spans })
}

/// Groups a text pattern of this module has at most, the whole match included.
const GROUPS: usize = 4;

/// A match's groups in a text.
struct Groups<'t> {
    text: &'t str,
    spans: [Option<(usize, usize)>; GROUPS],
}

impl<'t> Groups<'t> {
    fn get(&self, group: usize) -> Option<&'t str> {
        self.spans.get(group).copied().flatten().map(|(start, end)| &self.text[start..end])
    }

    /// Where the whole match ends.
    fn end(&self) -> usize {
        self.spans[0].map_or(0, |(_, end)| end)
    }
}

impl std::ops::Index<usize> for Groups<'_> {
    type Output = str;

    fn index(&self, group: usize) -> &str {
        self.get(group).unwrap_or_default()
    }
}

/// Reads one text line.
pub fn parse(line: &str, detail: Detail) -> Result<Record, SkipReason> {
    let mut records = Vec::new();
    parse_into(line, detail, &mut records)?;
    Ok(records.pop().expect("a call read is pushed"))
}

/// [`parse`] pushed onto `records` (nothing pushed when the line is not a call), written where it
/// stays: a record is some 330 bytes, and the copies of it that returning it made cost a text line
/// a fiftieth of its reading.
pub fn parse_into(line: &str, detail: Detail, records: &mut Vec<Record>) -> Result<(), SkipReason> {
    let mut slot = Slot { records, taken: false };
    let read = read(line, detail, &mut slot);
    if read.is_err() && slot.taken {
        slot.records.pop();
    }
    read
}

/// Where a line's call is written: a default record pushed onto the block's records once the line
/// is known to hold a call (most lines of a log are none: they are rejected without one).
struct Slot<'r> {
    records: &'r mut Vec<Record>,
    taken: bool,
}

impl Slot<'_> {
    fn record(&mut self) -> &mut Record {
        if !self.taken {
            // Written in place: a default record pushed is built first and then copied in.
            self.records.resize_with(self.records.len() + 1, Record::default);
            self.taken = true;
        }
        self.records.last_mut().expect("pushed")
    }
}

/// [`parse`] into `slot`.
fn read(line: &str, detail: Detail, slot: &mut Slot<'_>) -> Result<(), SkipReason> {
    // Found once, with memchr (`str::find` with a char, twice a line, stepped a byte at a time).
    let Some(open) = memchr::memchr(b'{', line.as_bytes()) else {
        // Most lines: no object to read.
        return parse_with(line, line, None, detail, slot);
    };
    if detail == Detail::Summary {
        // An object that names no key a call or an error is read from is not read when the
        // text says the line is no call either way it could turn out.
        let rest = &line[open..];
        if !embedded::may_name_call_key(rest) && no_call_either_way(line, open) {
            return Err(SkipReason::NoApiCall);
        }
        let object = crate::text_memo::remembered(&SUMMARY_OBJECTS, rest, object_for_summary);
        let prefix = if object.is_some() { &line[..open] } else { line };
        return parse_with(line, prefix, object, detail, slot);
    }
    let (prefix, embedded) = split_embedded_json(line, Some(open));
    let object = embedded.map(|value| ObjectRead::of(&value, detail));
    parse_with(line, prefix, object, detail, slot)
}

thread_local! {
    /// What the text from a line's first `{` on gave a summary: logs repeat the same few error
    /// bodies thousands of times, and reading one (scanning it, looking up the dozens of keys a
    /// call may be named by, reading its error) was half of reading a line that ends with one.
    static SUMMARY_OBJECTS: crate::text_memo::TextMemo<Option<ObjectRead>> = crate::text_memo::TextMemo::default();
}

/// The object `text` (a line from its first `{` on) starts with, read for a summary; `None`
/// when none parses there. A summary reads it with the scanner, which builds no map of hashed
/// keys and no owned strings; what the scanner is not sure of, serde_json reads, as for JSON
/// lines.
fn object_for_summary(text: &str) -> Option<ObjectRead> {
    let read = sparse::with_bump(|bump| match sparse::parse_value(text.as_bytes(), bump)? {
        node @ sparse::Node::Object(_) => Some(ObjectRead::of(&node, Detail::Summary)),
        _ => None,
    });
    if read.is_some() {
        return read;
    }
    let (_, value) = split_embedded_json(text, Some(0));
    value.map(|value| ObjectRead::of(&value, Detail::Summary))
}

/// What the JSON object a line embeds tells its call, read once for the whole line.
#[derive(Clone)]
struct ObjectRead {
    /// The call the object describes whole (an access log's JSON tail), if it does; boxed, as
    /// most objects describe none and a record is some 330 bytes to move.
    call: Option<Box<Record>>,
    /// The error it carries, when it describes no call.
    body_error: ErrorInfo,
    /// Its text, kept as the response body in full detail.
    body: Option<String>,
}

impl ObjectRead {
    fn of<V: JsonValue>(value: &V, detail: Detail) -> Self {
        let call = value
            .as_object()
            .filter(|object| fields::describes_call(*object))
            .and_then(|object| fields::discover(object, detail))
            .map(Box::new);
        if call.is_some() {
            return Self { call, body_error: ErrorInfo::default(), body: None };
        }
        let body = (detail == Detail::Full).then(|| value.to_value().to_string());
        Self { call, body_error: error_body::from_json(value), body }
    }
}

/// Whether a line whose text from `open` on (a `{`) names no key of a call or an error is no
/// call, as [`parse_with`] reads it either way it could be: an object after `line[..open]`
/// (which then neither describes a call nor carries an error) or, when no object parses there,
/// text without JSON. Neither way is a call when the whole line names no request (so neither
/// does its start) and no Envoy `"-` request, and no status word comes before the object.
fn no_call_either_way(line: &str, open: usize) -> bool {
    !has_dash_request_start(line) && request::find(line).is_none() && !holds_status_word(&line[..open])
}

/// Whether `text` holds `"-`, which every match of [`DASH_REQUEST`] starts with: a line without
/// it is not searched (the regex's own setup costs more than looking for two bytes).
fn has_dash_request_start(text: &str) -> bool {
    scan::holds_pair(text.as_bytes(), b'"', b'-')
}

/// [`parse`] of a line whose `prefix` is followed by the JSON object read as `embedded`, if any.
fn parse_with(
    line: &str,
    prefix: &str,
    embedded: Option<ObjectRead>,
    detail: Detail,
    slot: &mut Slot<'_>,
) -> Result<(), SkipReason> {
    let (object_error, body) = match embedded {
        Some(ObjectRead { call: Some(call), .. }) => {
            let record = slot.record();
            *record = *call;
            fill_from_text(record, prefix, request_in(prefix).as_ref(), detail);
            return Ok(());
        }
        Some(ObjectRead { call: None, body_error, body }) => (Some(body_error), body),
        None => (None, None),
    };

    let dash = has_dash_request_start(prefix).then(|| groups(&DASH_REQUEST, prefix)).flatten();
    if let Some(dash) = dash {
        if &dash[1] == "-" {
            return Err(SkipReason::NotHttp);
        }
        let record = slot.record();
        record.status = dash[2].parse().unwrap_or(0);
        fill_from_text(record, prefix, request_in(prefix).as_ref(), detail);
        return Ok(());
    }

    let request = request_in(prefix);
    if request.is_none() && object_error.is_none() {
        // A bare `status=500` without a request or a body is not evidence of an API call (and
        // a line with neither, most lines of a log, is not searched for a status at all).
        return Err(SkipReason::NoApiCall);
    }
    let status_after = request.as_ref().and_then(|found| {
        let rest = &prefix[found.end()..];
        let (digits, end) = status_after_request(rest)?;
        let status: u16 = digits.parse().ok()?;
        (status == 0 || (100..=599).contains(&status)).then(|| (status, &rest[end..]))
    });
    let body_error = object_error.unwrap_or_default();

    let mut envoy_tail = None;
    let mut network_failure = false;
    let status = if let Some((status, tail)) = status_after {
        envoy_tail = Some(tail);
        status
    } else if let Some(status) = holds_status_word(prefix)
        .then(|| groups(&STATUS_FIELD, prefix))
        .flatten()
        .and_then(|c| c[1].parse::<u16>().ok())
    {
        status
    } else if let Some(status) = body_error.error_type.as_deref().and_then(status_from_reason) {
        status
    } else if request.is_some() && fields::is_network_failure(Some(line)) {
        network_failure = true;
        0
    } else {
        return Err(SkipReason::NoApiCall);
    };

    let record = slot.record();
    record.status = status;
    if network_failure {
        record.message = Some(failure_message(prefix));
    }
    record.error_type = body_error.error_type;
    if body_error.message.is_some() {
        record.message = body_error.message;
    }
    if let Some(body) = body {
        record.response.body = Some(body);
    }
    if record.message.is_none() {
        record.message = envoy_tail.and_then(envoy_message);
    }
    fill_from_text(record, prefix, request.as_ref(), detail);
    Ok(())
}

/// Keys of an object that wraps a text line (`{"log": "..."}`), in the order they are tried.
pub const WRAPPED_LINE: &[&str] = &["message", "log", "msg"];

/// A JSON log line that wraps a text line (Kubernetes `{"log": ...}`, `{"message": ...}`), its
/// call pushed onto `records`. `None` when the object wraps no text; otherwise whether the text is
/// a call.
pub fn wrapped_line_into(
    object: &impl JsonObject,
    detail: Detail,
    records: &mut Vec<Record>,
) -> Option<Result<(), SkipReason>> {
    let text = WRAPPED_LINE.iter().find_map(|key| object.get(key)?.as_str())?;
    let read = parse_into(text, detail, records);
    if read.is_ok()
        && let Some(record) = records.last_mut()
        && record.time_ms.is_none()
    {
        record.time_ms = fields::time_in(object);
    }
    Some(read)
}

/// The text before the first JSON object in the line (whose first `{` is at `open`), and that
/// object if it parses.
fn split_embedded_json(line: &str, open: Option<usize>) -> (&str, Option<Value>) {
    let Some(open) = open else { return (line, None) };
    let mut values = serde_json::Deserializer::from_str(&line[open..]).into_iter::<Value>();
    match values.next() {
        Some(Ok(value @ Value::Object(_))) => (&line[..open], Some(value)),
        _ => (line, None),
    }
}

/// Fills what `record` lacks from the text of its line; `request` is [`REQUEST`]'s captures in it.
fn fill_from_text(record: &mut Record, text: &str, request: Option<&Groups<'_>>, detail: Detail) {
    if record.time_ms.is_none() {
        let found = stamp::find(text).unwrap_or_else(|| find(&TIME, text).map(|found| (found.start(), found.end())));
        record.time_ms = found.and_then(|(start, end)| time::parse_text(&text[start..end]));
    }
    if let Some(request) = request {
        if record.method.is_none() {
            record.method = Some(crate::record::method(&request[1]));
        }
        if record.url.is_none() {
            record.url = Some(request[2].to_string());
        }
    }
    let mut quoted = quoted_values(text);
    // By hand, as [`UUID`] matches one: a line with a JSON body holds dozens of quoted values, and
    // a regex search set up for each, and the list of them, cost an application log 1 %.
    if let Some(id) = quoted.find(|value| scan::is_uuid(value.as_bytes())) {
        if record.request_id.is_none() && detail == Detail::Full {
            record.request_id = Some(id.to_string());
        }
        // Envoy writes the authority right after the request id.
        if let Some(authority) = quoted.next().filter(|value| *value != "-" && !value.contains(' ')) {
            record.host.get_or_insert_with(|| authority.to_string());
        }
    }
    // A summary keeps neither (see `Detail::Summary`).
    if detail == Detail::Summary {
        return;
    }
    if record.request_id.is_none() {
        record.request_id = REQUEST_ID.captures(text).map(|c| c[1].to_string());
    }
    if record.duration_ms.is_none() {
        record.duration_ms = DURATION.captures(text).and_then(|c| c[1].parse().ok());
    }
}

/// The text between each pair of double quotes, in order: what `"([^"]*)"` finds in turn (a
/// quote opens, the next closes), without a regex.
fn quoted_values(text: &str) -> impl Iterator<Item = &str> {
    let mut quotes = memchr::memchr_iter(b'"', text.as_bytes());
    std::iter::from_fn(move || Some(&text[quotes.next()? + 1..quotes.next()?]))
}

fn envoy_message(tail: &str) -> Option<String> {
    // What every match starts with: whitespace (Unicode's, as `\s`), then a flag or `-`. Most
    // tails, an application's words after a status, are turned away before the regex's search.
    let flags = tail.trim_start();
    if flags.len() == tail.len() || !flags.starts_with(|c: char| c.is_ascii_uppercase() || c == '-') {
        return None;
    }
    envoy_details(&groups(&ENVOY_DETAILS, tail)?)
}

/// The message of [`ENVOY_DETAILS`]'s captures: the response details, else the flags described.
fn envoy_details(captures: &Groups<'_>) -> Option<String> {
    if let Some(details) = captures.get(2).filter(|d| *d != "via_upstream") {
        return Some(details.to_string());
    }
    let flags = captures.get(1)?;
    let described: Vec<&str> = flags.split(',').filter_map(envoy_flag).collect();
    (!described.is_empty()).then(|| described.join("; "))
}

fn envoy_flag(flag: &str) -> Option<&'static str> {
    Some(match flag {
        "UH" => "no healthy upstream",
        "UF" => "upstream connection failure",
        "UO" => "upstream overflow (circuit breaking)",
        "NR" => "no route configured",
        "URX" => "upstream retry limit exceeded",
        "UT" => "upstream request timeout",
        "UC" => "upstream connection termination",
        "DC" => "downstream connection termination",
        "DPE" => "downstream protocol error",
        "RL" => "rate limited locally",
        "UAEX" => "unauthorized by external authorization",
        _ => return None,
    })
}

fn failure_message(prefix: &str) -> String {
    let after_request = request::find(prefix).map_or(prefix, |(.., end)| &prefix[end..]);
    let message = after_request.trim().trim_start_matches(|c: char| c == ':' || c == '-' || c.is_whitespace());
    let message = message.strip_prefix("failed:").unwrap_or(message).trim();
    if message.is_empty() { "no response".to_string() } else { message.to_string() }
}

mod embedded;
mod request;
mod stamp;
#[cfg(test)]
mod tests;
