//! Field discovery: finds the parts of an API call in a JSON object, whatever its field names.
//!
//! Each part has an alias table of paths (dotted paths look into nested objects and also match
//! flattened keys such as `"http.response.status_code"`); the first alias with a usable value
//! wins. The tables are the documentation of what errlens understands: see README "Field names".

use super::SkipReason;
use super::error_body::{self, ErrorInfo};
use super::json_value::{JsonObject, JsonValue, Shape};
use super::scan::trim;
use super::sparse;
use super::{Detail, time};
use crate::record::{Message, Method, Record};
use shapes::Lookups;
use std::sync::{LazyLock, OnceLock};

mod shapes;

/// The field names discovery looks for: `assets/formats/fields.toml`, then the `[fields]` tables
/// of the user's format files.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldNames {
    #[serde(default)]
    status: Vec<String>,
    #[serde(default)]
    method: Vec<String>,
    #[serde(default)]
    url: Vec<String>,
    #[serde(default)]
    request_line: Vec<String>,
    #[serde(default)]
    time: Vec<String>,
    #[serde(default)]
    request_id: Vec<String>,
    #[serde(default)]
    request_body: Vec<String>,
    #[serde(default)]
    response_body: Vec<String>,
    #[serde(default)]
    request_headers: Vec<String>,
    #[serde(default)]
    response_headers: Vec<String>,
    #[serde(default)]
    error_message: Vec<String>,
    #[serde(default)]
    error_type: Vec<String>,
    #[serde(default)]
    retry_after: Vec<String>,
    #[serde(default)]
    duration: Vec<DurationName>,
}

/// A duration's path and the milliseconds one unit of it is.
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DurationName {
    path: String,
    ms: f64,
}

impl FieldNames {
    /// Appends `other`'s names to these.
    pub fn extend(&mut self, other: Self) {
        self.status.extend(other.status);
        self.method.extend(other.method);
        self.url.extend(other.url);
        self.request_line.extend(other.request_line);
        self.time.extend(other.time);
        self.request_id.extend(other.request_id);
        self.request_body.extend(other.request_body);
        self.response_body.extend(other.response_body);
        self.request_headers.extend(other.request_headers);
        self.response_headers.extend(other.response_headers);
        self.error_message.extend(other.error_message);
        self.error_type.extend(other.error_type);
        self.retry_after.extend(other.retry_after);
        self.duration.extend(other.duration);
    }
}

/// The names, loaded once: they live as long as errlens.
static NAMES: LazyLock<FieldNames> = LazyLock::new(|| {
    let mut names: FieldNames = toml::from_str(include_str!("../../assets/formats/fields.toml"))
        .expect("the bundled field names parse (tested)");
    names.extend(super::formats::user_field_names());
    names
});

fn leak(names: &[String]) -> &'static [&'static str] {
    names.iter().map(|name| &*Box::leak(name.clone().into_boxed_str())).collect::<Vec<_>>().leak()
}

/// Paths that hold the HTTP status (a number or a numeric string).
pub static STATUS: LazyLock<&'static [&'static str]> = LazyLock::new(|| leak(&NAMES.status));
/// Paths that hold the HTTP method.
pub static METHOD: LazyLock<&'static [&'static str]> = LazyLock::new(|| leak(&NAMES.method));
/// Paths that hold the full URL or the path.
pub static URL: LazyLock<&'static [&'static str]> = LazyLock::new(|| leak(&NAMES.url));
/// Paths that hold a request line (`GET /path HTTP/1.1`).
pub static REQUEST_LINE: LazyLock<&'static [&'static str]> = LazyLock::new(|| leak(&NAMES.request_line));
/// Paths that hold the time the call started.
pub static TIME: LazyLock<&'static [&'static str]> = LazyLock::new(|| leak(&NAMES.time));
/// Paths that hold a request id.
pub static REQUEST_ID: LazyLock<&'static [&'static str]> = LazyLock::new(|| leak(&NAMES.request_id));
/// Duration paths with the unit each is written in (milliseconds per unit).
pub static DURATION: LazyLock<Vec<(&'static str, f64)>> = LazyLock::new(|| {
    NAMES.duration.iter().map(|name| (&*Box::leak(name.path.clone().into_boxed_str()), name.ms)).collect()
});
/// Paths that hold the request body (an object, or JSON or other text in a string).
pub static REQUEST_BODY: LazyLock<&'static [&'static str]> = LazyLock::new(|| leak(&NAMES.request_body));
/// Paths that hold the response body.
pub static RESPONSE_BODY: LazyLock<&'static [&'static str]> = LazyLock::new(|| leak(&NAMES.response_body));
/// Paths that hold request headers (an object, or a list of `{name, value}`).
pub static REQUEST_HEADERS: LazyLock<&'static [&'static str]> = LazyLock::new(|| leak(&NAMES.request_headers));
/// Paths that hold response headers.
pub static RESPONSE_HEADERS: LazyLock<&'static [&'static str]> = LazyLock::new(|| leak(&NAMES.response_headers));
/// Paths that carry an error when no body does (log fields, proxy details).
pub static ERROR_MESSAGE: LazyLock<&'static [&'static str]> = LazyLock::new(|| leak(&NAMES.error_message));
/// Paths that name the error's type when no body does (a table of calls, errlens' own export).
pub static ERROR_TYPE: LazyLock<&'static [&'static str]> = LazyLock::new(|| leak(&NAMES.error_type));
/// Paths that hold a `Retry-After` value outside the response headers (a table of calls).
pub static RETRY_AFTER: LazyLock<&'static [&'static str]> = LazyLock::new(|| leak(&NAMES.retry_after));

/// An alias table and, per path, the bits of the keys its lookup asks an object for
/// ([`sparse::path_key_bits`]): paths whose keys the object surely lacks are not looked up. A
/// log line has a dozen keys and the tables about a hundred paths: one AND rules out most, and
/// one AND with all the table's bits rules out the whole table, most often.
struct Aliases {
    paths: &'static [&'static str],
    /// Its place in [`ALIASES`], where objects of a shape seen before remember its paths.
    id: usize,
    /// Each path's bits, and all of them.
    key_bits: OnceLock<(Vec<sparse::PathBits>, sparse::PathBits)>,
}

impl Aliases {
    const fn new(paths: &'static [&'static str], id: usize) -> Self {
        Self { paths, id, key_bits: OnceLock::new() }
    }

    /// The paths `object` may hold, in table order.
    fn in_object<'s, O: JsonObject>(&'s self, object: &'s O) -> impl Iterator<Item = &'static str> + 's {
        let (key_bits, all) = self.key_bits.get_or_init(|| {
            let key_bits: Vec<_> = self.paths.iter().map(|path| sparse::path_key_bits(path)).collect();
            let all = key_bits.iter().fold(sparse::PathBits::default(), |all, bits| all.union(bits));
            (key_bits, all)
        });
        let paths = if object.may_hold(all) { self.paths } else { &[] };
        paths.iter().zip(key_bits).filter(|(_, bits)| object.may_hold(bits)).map(|(path, _)| *path)
    }
}

static STATUS_ALIASES: LazyLock<Aliases> = LazyLock::new(|| Aliases::new(*STATUS, 0));
static METHOD_ALIASES: LazyLock<Aliases> = LazyLock::new(|| Aliases::new(*METHOD, 1));
static URL_ALIASES: LazyLock<Aliases> = LazyLock::new(|| Aliases::new(*URL, 2));
static REQUEST_LINE_ALIASES: LazyLock<Aliases> = LazyLock::new(|| Aliases::new(*REQUEST_LINE, 3));
static TIME_ALIASES: LazyLock<Aliases> = LazyLock::new(|| Aliases::new(*TIME, 4));
static REQUEST_ID_ALIASES: LazyLock<Aliases> = LazyLock::new(|| Aliases::new(*REQUEST_ID, 5));
static REQUEST_BODY_ALIASES: LazyLock<Aliases> = LazyLock::new(|| Aliases::new(*REQUEST_BODY, 6));
static RESPONSE_BODY_ALIASES: LazyLock<Aliases> = LazyLock::new(|| Aliases::new(*RESPONSE_BODY, 7));
static REQUEST_HEADERS_ALIASES: LazyLock<Aliases> = LazyLock::new(|| Aliases::new(*REQUEST_HEADERS, 8));
static RESPONSE_HEADERS_ALIASES: LazyLock<Aliases> = LazyLock::new(|| Aliases::new(*RESPONSE_HEADERS, 9));
static ERROR_MESSAGE_ALIASES: LazyLock<Aliases> = LazyLock::new(|| Aliases::new(*ERROR_MESSAGE, 10));
static ERROR_TYPE_ALIASES: LazyLock<Aliases> = LazyLock::new(|| Aliases::new(*ERROR_TYPE, 11));
static RETRY_AFTER_ALIASES: LazyLock<Aliases> = LazyLock::new(|| Aliases::new(*RETRY_AFTER, 12));
/// Looked up in a URL's object, never through a remembered shape.
static URL_PARTS: LazyLock<Aliases> = LazyLock::new(|| Aliases::new(&["full", "original", "path", "Path"], usize::MAX));

/// The tables read from a call's object, each at its id.
static ALIASES: LazyLock<[&'static Aliases; 13]> = LazyLock::new(|| {
    [
        &STATUS_ALIASES,
        &METHOD_ALIASES,
        &URL_ALIASES,
        &REQUEST_LINE_ALIASES,
        &TIME_ALIASES,
        &REQUEST_ID_ALIASES,
        &REQUEST_BODY_ALIASES,
        &RESPONSE_BODY_ALIASES,
        &REQUEST_HEADERS_ALIASES,
        &RESPONSE_HEADERS_ALIASES,
        &ERROR_MESSAGE_ALIASES,
        &ERROR_TYPE_ALIASES,
        &RETRY_AFTER_ALIASES,
    ]
    .map(|aliases| &**aliases)
});

/// Every path [`discover`] and [`not_a_call`] read from an object for a summary, and the keys
/// they read directly (`error`, `message`): a summary builds these and checks the rest of a line
/// unbuilt.
pub fn summary_paths() -> impl Iterator<Item = &'static str> {
    let errors = [*ERROR_MESSAGE, *ERROR_TYPE, *RETRY_AFTER];
    [*STATUS, *METHOD, *URL, *REQUEST_LINE, *TIME, *RESPONSE_BODY, *RESPONSE_HEADERS]
        .into_iter()
        .chain(errors)
        .flatten()
        .copied()
        .chain(["error", "message"])
}

/// Every path discovery reads from an object in any detail (a table keeps only the columns these
/// name): the summary's, and the request id, duration, request body and headers of a full read.
pub fn all_paths() -> impl Iterator<Item = &'static str> {
    let full = [*REQUEST_ID, *REQUEST_BODY, *REQUEST_HEADERS].into_iter().flatten().copied();
    summary_paths().chain(full).chain(DURATION.iter().map(|(path, _)| *path))
}

/// Looks up a dotted path, trying flattened keys (`"a.b"`) before nesting at every level.
pub fn lookup<'a, O: JsonObject>(object: &'a O, path: &str) -> Option<&'a O::Value> {
    if object.get_is_cheap() || object.len() > SMALL_OBJECT {
        lookup_by_splits(object, path)
    } else {
        lookup_by_keys(object, path)
    }
}

/// Log objects have a dozen keys: comparing them is cheaper than hashing the key (serde_json's
/// ordered map hashes with SipHash; the scanner's objects are lists), and most alias lookups miss.
const SMALL_OBJECT: usize = 24;

/// [`lookup`] for a large object: the path whole, then split at each dot from the right.
fn lookup_by_splits<'a, O: JsonObject>(object: &'a O, path: &str) -> Option<&'a O::Value> {
    if let Some(value) = object.get(path) {
        return Some(value);
    }
    let mut split_at = path.len();
    while let Some(dot) = path.as_bytes()[..split_at].iter().rposition(|byte| *byte == b'.') {
        if let Some(inner) = object.get(&path[..dot]).and_then(JsonValue::as_object)
            && let Some(value) = lookup(inner, &path[dot + 1..])
        {
            return Some(value);
        }
        split_at = dot;
    }
    None
}

/// [`lookup`] for a small object, the same answer by walking its keys: the path whole wins, then
/// the longest key that is a dotted prefix of the path and holds an object with the rest, then
/// the next longest. Most aliases match no key, which one pass over the keys tells.
fn lookup_by_keys<'a, O: JsonObject>(object: &'a O, path: &str) -> Option<&'a O::Value> {
    let mut shorter_than = path.len();
    let mut whole_checked = false;
    loop {
        let mut longest: Option<(usize, &'a O)> = None;
        for (key, value) in object.entries() {
            if !whole_checked && key == path {
                return Some(value);
            }
            let len = key.len();
            if len < shorter_than
                && longest.is_none_or(|(best, _)| len > best)
                && path.as_bytes().get(len) == Some(&b'.')
                && path.starts_with(key)
                && let Some(inner) = value.as_object()
            {
                longest = Some((len, inner));
            }
        }
        whole_checked = true;
        let (len, inner) = longest?;
        if let Some(value) = lookup(inner, &path[len + 1..]) {
            return Some(value);
        }
        shorter_than = len;
    }
}

fn first<'o, O: JsonObject>(object: &Lookups<'o, O>, aliases: &'static Aliases) -> Option<&'o O::Value> {
    object.find(aliases, |value| !value.is_null())
}

fn first_text<O: JsonObject>(object: &Lookups<'_, O>, aliases: &'static Aliases) -> Option<String> {
    first_text_read(object, aliases, str::to_string)
}

/// [`first_text`] handed to `read` as it is in the object, without a copy of its own (a
/// method's text was copied only to be looked up among the known methods).
fn first_text_read<O: JsonObject, T>(
    object: &Lookups<'_, O>,
    aliases: &'static Aliases,
    read: impl FnOnce(&str) -> T,
) -> Option<T> {
    let value = object.find(aliases, |value| match value.shape() {
        Shape::String(text) => !text.trim().is_empty() && text != "-",
        Shape::Number(_) => true,
        _ => false,
    })?;
    match value.shape() {
        Shape::String(text) => Some(read(text.trim())),
        Shape::Number(number) => Some(read(&number.to_string())),
        _ => None,
    }
}

/// A status code from a number or numeric string; `None` for anything that is not one.
pub fn status_of(value: &impl JsonValue) -> Option<u16> {
    let number = match value.shape() {
        Shape::Number(number) => number.as_f64()?,
        Shape::String(text) => text.trim().parse::<f64>().ok()?,
        _ => return None,
    };
    (number.fract() == 0.0 && (0.0..=999.0).contains(&number)).then_some(number as u16)
}

/// Why an object that [`discover`] turned down is not a call: a status field that holds something
/// other than a status says so (`"status": 99999`, `"status": "ok"`); otherwise `default`.
pub fn not_a_call(object: &impl JsonObject, default: SkipReason) -> SkipReason {
    const SHOWN_CHARS: usize = 40;
    let Some(value) = Lookups::plain(object).find(&STATUS_ALIASES, |value| !value.is_null()) else {
        return default;
    };
    SkipReason::BadStatus(crate::output::text::clip(&value.to_value().to_string(), SHOWN_CHARS))
}

/// Whether an object names its own status or request: a call record, not just an error body.
pub fn describes_call(object: &impl JsonObject) -> bool {
    let object = Lookups::plain(object);
    object.find_map(&STATUS_ALIASES, status_of).is_some()
        || first_text(&object, &METHOD_ALIASES).is_some()
        || url_of(&object).is_some()
}

/// Reads one API call out of a JSON object, or `None` when the object is not one.
pub fn discover(object: &impl JsonObject, detail: Detail) -> Option<Record> {
    discover_through(&Lookups::plain(object), detail)
}

fn discover_through<O: JsonObject>(object: &Lookups<'_, O>, detail: Detail) -> Option<Record> {
    let mut record = Record::default();
    call_of(object)?.write_to(&mut record);
    fill(object, detail, &mut record);
    Some(record)
}

/// [`discover`] into a record pushed onto `records` and filled where it stays (some 330 bytes,
/// copied through every function that returned it); `false`, with nothing pushed, when the
/// object is not a call. An object of a shape this thread has seen is read as that shape's were
/// ([`shapes`]).
pub fn discover_into(object: &impl JsonObject, detail: Detail, records: &mut Vec<Record>) -> bool {
    let object = Lookups::remembered(object);
    let Some(call) = call_of(&object) else { return false };
    // Written in place (a record built and then pushed is copied into the vector).
    records.resize_with(records.len() + 1, Record::default);
    if let Some(record) = records.last_mut() {
        call.write_to(record);
        fill(&object, detail, record);
    }
    true
}

/// What makes an object a call: its method, URL, status and error.
struct Call {
    method: Option<Method>,
    url: Option<String>,
    status: u16,
    error: ErrorInfo,
}

impl Call {
    fn write_to(self, record: &mut Record) {
        (record.method, record.url, record.status) = (self.method, self.url, self.status);
        (record.error_type, record.message) = (self.error.error_type, self.error.message);
    }
}

/// Whether `object` is a call at all, first: a log line's object that is not one (a logfmt line
/// whose call is in its message) is not looked through for times, headers and bodies.
fn call_of<O: JsonObject>(object: &Lookups<'_, O>) -> Option<Call> {
    if object.may_be_call() { call_in(object) } else { None }
}

/// [`call_of`] by looking up every alias.
fn call_in<O: JsonObject>(object: &Lookups<'_, O>) -> Option<Call> {
    let (line_method, line_target) =
        first_text_read(object, &REQUEST_LINE_ALIASES, split_request_line).flatten().unzip();
    let method = first_text_read(object, &METHOD_ALIASES, crate::record::method_upper).or(line_method);
    let url = url_of(object).or(line_target);
    let status = object.find_map(&STATUS_ALIASES, status_of);
    let error = describe_error(object, status.is_none_or(crate::record::is_failure_status));
    let status = match status {
        Some(status) => status,
        None => {
            let from_reason = error.error_type.as_deref().and_then(status_from_reason);
            let looks_like_call = method.is_some() || url.is_some();
            match from_reason {
                Some(status) => status,
                None if looks_like_call && is_network_failure(error.message.as_deref()) => 0,
                None => return None,
            }
        }
    };
    Some(Call { method, url, status, error })
}

/// The first keys of the paths that can make an object a call, by their first byte: its status,
/// method, URL and request line, and where its error's type is read from (a response body, an
/// error type, the `error` key). Every lookup of a path goes through a key that starts with the
/// path's first key (the path whole, flattened, or a part of it before a dot).
static CALL_FIRST_KEYS: LazyLock<Vec<Vec<&'static str>>> = LazyLock::new(|| {
    let tables = [*STATUS, *METHOD, *URL, *REQUEST_LINE, *RESPONSE_BODY, *ERROR_TYPE, &["error"]];
    let mut by_first_byte = vec![Vec::new(); 256];
    for key in tables.into_iter().flatten().map(|path| first_key(path)) {
        let bucket: &mut Vec<&str> = &mut by_first_byte[usize::from(key.bytes().next().unwrap_or(0))];
        if !bucket.contains(&key) {
            bucket.push(key);
        }
    }
    by_first_byte
});

/// A dotted path's first key (`response` of `response.status`).
pub fn first_key(path: &str) -> &str {
    path.bytes().position(|byte| byte == b'.').map_or(path, |dot| &path[..dot])
}

/// Whether `object` may be a call: `false` when none of its keys starts with a key a call is
/// read from (most lines of an application's log: a logfmt line's `ts`, `level` and `msg`,
/// whose alias lookups, each let through by key bits that collide, were half of reading it).
fn may_be_call(object: &impl JsonObject) -> bool {
    let by_first_byte = &*CALL_FIRST_KEYS;
    object.entries().any(|(key, _)| {
        let key = first_key(key);
        by_first_byte[usize::from(key.bytes().next().unwrap_or(0))].contains(&key)
    })
}

/// The time the call in `object` started: the first of [`TIME`]'s paths that holds one.
pub fn time_in(object: &impl JsonObject) -> Option<i64> {
    time_of(&Lookups::plain(object))
}

fn time_of<O: JsonObject>(object: &Lookups<'_, O>) -> Option<i64> {
    object.find_map(&TIME_ALIASES, time::parse_value)
}

/// Fills the rest of a call's `record` from `object`: its time, headers and bodies.
fn fill<O: JsonObject>(object: &Lookups<'_, O>, detail: Detail, record: &mut Record) {
    record.time_ms = time_of(object);
    let mut response_headers = first(object, &RESPONSE_HEADERS_ALIASES).map(headers_of).unwrap_or_default();
    if !response_headers.iter().any(|(name, _)| name.eq_ignore_ascii_case("retry-after"))
        && let Some(value) = first_text(object, &RETRY_AFTER_ALIASES)
    {
        // A table of calls keeps the one header a summary reads as a column of its own.
        response_headers.push(("Retry-After".to_string(), value));
    }
    if detail == Detail::Full {
        record.request_id = first_text(object, &REQUEST_ID_ALIASES);
        record.duration_ms = DURATION
            .iter()
            .find_map(|(path, unit)| lookup(object.object, path).and_then(duration_number).map(|value| value * unit));
        record.request = Message {
            headers: first(object, &REQUEST_HEADERS_ALIASES).map(headers_of).unwrap_or_default(),
            body: first(object, &REQUEST_BODY_ALIASES).and_then(body_text),
        };
        record.response =
            Message { headers: response_headers, body: first(object, &RESPONSE_BODY_ALIASES).and_then(body_text) };
        if record.request_id.is_none() {
            record.request_id = record
                .response
                .header("x-request-id")
                .or_else(|| record.request.header("x-request-id"))
                .map(str::to_string);
        }
    } else {
        record.response.headers = summary_headers(response_headers);
        // What tells a retry of a request that sends a body from a new request: an idempotency
        // key, or the body's fingerprint (the store's request key; other methods need neither).
        if crate::record::sends_body(record.method.as_deref()) {
            record.request.headers = first(object, &REQUEST_HEADERS_ALIASES).map(idempotency_key).unwrap_or_default();
            record.request_digest = first(object, &REQUEST_BODY_ALIASES).and_then(body_digest);
        }
    }
}

fn url_of<O: JsonObject>(object: &Lookups<'_, O>) -> Option<String> {
    object.find_map(&URL_ALIASES, |value| match value.shape() {
        Shape::String(text) if !trim(text).is_empty() && text != "-" => Some(trim(text).to_string()),
        // ECS and Traefik keep URLs as objects.
        Shape::Object(parts) => first_text(&Lookups::plain(parts), &URL_PARTS),
        _ => None,
    })
}

/// `GET /path HTTP/1.1` into method and target.
pub fn split_request_line(line: &str) -> Option<(Method, String)> {
    split_request_target(line).map(|(method, target)| (method, target.to_string()))
}

/// [`split_request_line`] with the target left in `line`.
pub fn split_request_target(line: &str) -> Option<(Method, &str)> {
    if let Some((method, target)) = plain_request(line) {
        return Some((crate::record::method(method), target));
    }
    let (method, target) = first_two_words_fast(line)?;
    let is_method = method.len() <= 10 && method.bytes().all(|b| b.is_ascii_uppercase());
    let is_target = target.starts_with('/') || crate::endpoint::scheme_end(target).is_some();
    (is_method && is_target).then(|| (crate::record::method(method), target))
}

/// The method and target of a request line as nearly every log writes it, `POST /v1/x HTTP/1.1`:
/// up to ten capitals, one space, a path or a URL of printable ASCII up to whitespace or the
/// end. `None` for any other line, which [`first_two_words_fast`] splits; for this one it finds
/// the same two words, and they pass its checks (a split by words cost a request line some 250
/// instructions, this some 150).
fn plain_request(line: &str) -> Option<(&str, &str)> {
    let bytes = line.as_bytes();
    let method_len = bytes.iter().take(11).take_while(|byte| byte.is_ascii_uppercase()).count();
    if !(1..=10).contains(&method_len) || bytes.get(method_len) != Some(&b' ') {
        return None;
    }
    let start = method_len + 1;
    let end = start + crate::ingest::scan::printable_run(&bytes[start..], b' ', b' ');
    // The target ends at ASCII whitespace or the line's end; any other byte may be Unicode
    // whitespace or a control character inside the word, for the slow way to decide.
    if end == start || bytes.get(end).is_some_and(|&byte| !matches!(byte, b'\t'..=b'\r' | b' ')) {
        return None;
    }
    let target = &line[start..end];
    (bytes[start] == b'/' || crate::endpoint::scheme_end(target).is_some()).then(|| (&line[..method_len], target))
}

fn first_two_words(line: &str) -> Option<(&str, &str)> {
    let mut words = line.split_whitespace();
    Some((words.next()?, words.next()?))
}

/// [`first_two_words`] by bytes, sixteen at a time, where the line is printable ASCII and ASCII
/// whitespace up to the second word's end; where it is not, [`first_two_words`] itself
/// (`split_whitespace` decodes every character).
fn first_two_words_fast(line: &str) -> Option<(&str, &str)> {
    let bytes = line.as_bytes();
    // Unicode's White_Space in ASCII: tab, LF, vertical tab, form feed, CR and space.
    let is_space = |byte: u8| matches!(byte, b'\t'..=b'\r' | b' ');
    let mut words = [(0, 0); 2];
    let mut at = 0;
    for word in &mut words {
        at += bytes[at..].iter().position(|&byte| !is_space(byte))?;
        let start = at;
        // A word's bytes are printable ASCII (stepped over sixteen at a time); it ends at
        // whitespace or the line's end. Any other byte may be Unicode whitespace or a control
        // character inside a word: the slow way decides.
        at += crate::ingest::scan::printable_run(&bytes[at..], b' ', b' ');
        if at == start || bytes.get(at).is_some_and(|&byte| !is_space(byte)) {
            return first_two_words(line);
        }
        *word = (start, at);
    }
    let [(method_start, method_end), (target_start, target_end)] = words;
    Some((&line[method_start..method_end], &line[target_start..target_end]))
}

fn duration_number(value: &impl JsonValue) -> Option<f64> {
    match value.shape() {
        Shape::Number(number) => number.as_f64(),
        // GCP writes latency as "0.123s".
        Shape::String(text) => match text.trim().strip_suffix("ms") {
            Some(millis) => millis.trim().parse().ok(),
            None => text.trim().strip_suffix('s')?.parse::<f64>().ok().map(|secs| secs * 1e3),
        },
        _ => None,
    }
    .filter(|number| number.is_finite() && *number >= 0.0)
}

/// The headers the store uses (the response's Retry-After, the request's idempotency key); the
/// rest are read back with the call when it is opened.
pub const SUMMARY_HEADERS: &[&str] = &["retry-after", "idempotency-key"];

/// Whether a header called `name` is one of the [`SUMMARY_HEADERS`] (in any case).
pub fn is_summary_header(name: &str) -> bool {
    SUMMARY_HEADERS.iter().any(|kept| name.eq_ignore_ascii_case(kept))
}

/// Only the [`SUMMARY_HEADERS`] of `headers`.
pub fn summary_headers(mut headers: Vec<(String, String)>) -> Vec<(String, String)> {
    headers.retain(|(name, _)| is_summary_header(name));
    headers
}

/// Headers as an object (`{"X-Api-Key": "..."}`), a HAR list (`[{"name", "value"}]`), or a list
/// of `"Name: value"` strings.
pub fn headers_of(value: &impl JsonValue) -> Vec<(String, String)> {
    match value.shape() {
        Shape::Object(map) => map.entries().map(|(name, value)| (name.to_string(), header_value(value))).collect(),
        Shape::Array(items) => items
            .iter()
            .filter_map(|item| match item.shape() {
                Shape::Object(pair) => Some((
                    pair.get("name")?.as_str()?.to_string(),
                    pair.get("value").map(header_value).unwrap_or_default(),
                )),
                Shape::String(line) => {
                    line.split_once(':').map(|(name, value)| (name.trim().to_string(), value.trim().to_string()))
                }
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

fn header_value(value: &impl JsonValue) -> String {
    match value.shape() {
        Shape::String(text) => text.to_string(),
        Shape::Array(values) => values.iter().map(header_value).collect::<Vec<_>>().join(", "),
        _ => value.to_value().to_string(),
    }
}

/// A body as text: strings as they are, objects and arrays as compact JSON.
pub fn body_text(value: &impl JsonValue) -> Option<String> {
    match value.shape() {
        Shape::Null => None,
        Shape::String("") => None,
        Shape::String(text) => Some(text.to_string()),
        _ => Some(value.to_value().to_string()),
    }
}

/// The request's idempotency key header, if it has one. A summary keeps request headers as their
/// JSON text, which is parsed only when it names such a header (most never do).
fn idempotency_key(value: &impl JsonValue) -> Vec<(String, String)> {
    static NAMES: LazyLock<[memchr::memmem::Finder<'static>; 2]> =
        LazyLock::new(|| [memchr::memmem::Finder::new(b"dempotency"), memchr::memmem::Finder::new(b"DEMPOTENCY")]);
    let named = |text: &str| NAMES.iter().any(|name| name.find(text.as_bytes()).is_some());
    match value.shape() {
        Shape::String(text) if named(text) => serde_json::from_str::<serde_json::Value>(text)
            .map(|parsed| summary_headers(headers_of(&parsed)))
            .unwrap_or_default(),
        Shape::String(_) => Vec::new(),
        _ => summary_headers(headers_of(value)),
    }
}

/// The fingerprint of a body ([`crate::record::body_digest`]) as [`body_text`] gives it, but
/// without copying a body that is already text (a summary keeps a JSON body as its text).
fn body_digest(value: &impl JsonValue) -> Option<u64> {
    match value.shape() {
        Shape::Null | Shape::String("") => None,
        Shape::String(text) => Some(crate::record::body_digest(text)),
        _ => Some(crate::record::body_digest(&value.to_value().to_string())),
    }
}

/// The call's error, from its response body when `read_body` (a failure, or a call whose status
/// is not logged: the body may name it) and otherwise from the log's own error fields. A success's
/// body is data, not an error, and often most of the line, so it is not looked into.
fn describe_error<O: JsonObject>(object: &Lookups<'_, O>, read_body: bool) -> ErrorInfo {
    let body = first(object, &RESPONSE_BODY_ALIASES);
    let mut info = match body {
        _ if !read_body => ErrorInfo::default(),
        Some(value) => match value.shape() {
            Shape::String(text) => error_body::from_body_text_remembered(text),
            _ => error_body::from_json(value),
        },
        None => ErrorInfo::default(),
    };
    let no_body = body.is_none_or(|body| body.is_null() || body.as_str().is_some_and(str::is_empty));
    if info.message.is_none() && no_body {
        info.message = first_text(object, &ERROR_MESSAGE_ALIASES).filter(|text| text != "via_upstream");
    }
    if info.error_type.is_none() && no_body {
        info.error_type = first_text(object, &ERROR_TYPE_ALIASES);
    }
    if info.error_type.is_none() {
        // An app log that wrote only the error body (`{"error": "Conflict", "message": ...}`).
        if let Some(reason) = object.object.get("error").and_then(JsonValue::as_str)
            && status_from_reason(reason).is_some()
        {
            info.error_type = Some(reason.to_string());
            if info.message.as_deref() == Some(reason) {
                info.message = object.object.get("message").and_then(JsonValue::as_str).map(str::to_string);
            }
        }
    }
    info
}

const REASONS: &[(&str, u16)] = &[
    ("bad request", 400),
    ("unauthorized", 401),
    ("payment required", 402),
    ("forbidden", 403),
    ("not found", 404),
    ("method not allowed", 405),
    ("not acceptable", 406),
    ("request timeout", 408),
    ("conflict", 409),
    ("gone", 410),
    ("payload too large", 413),
    ("unsupported media type", 415),
    ("unprocessable entity", 422),
    ("unprocessable content", 422),
    ("too many requests", 429),
    ("internal server error", 500),
    ("not implemented", 501),
    ("bad gateway", 502),
    ("service unavailable", 503),
    ("gateway timeout", 504),
];

/// The status an HTTP reason phrase stands for (`Conflict` → 409).
pub fn status_from_reason(reason: &str) -> Option<u16> {
    let reason = reason.trim().to_ascii_lowercase();
    REASONS.iter().find(|(phrase, _)| *phrase == reason).map(|(_, status)| *status)
}

/// Words that mean the request never got an answer.
pub fn is_network_failure(message: Option<&str>) -> bool {
    const SIGNS: &[&str] = &[
        "timed out",
        "timeout",
        "econnreset",
        "econnrefused",
        "connection reset",
        "connection refused",
        "connect call failed",
        "err_connection",
        "err_name_not_resolved",
        "socket hang up",
        "network error",
        "no response",
        "enotfound",
        "etimedout",
        "connection termination",
        "disconnect",
        "reset before headers",
        "upstream connect error",
        "host unreachable",
    ];
    let Some(message) = message else { return false };
    let lower = message.to_ascii_lowercase();
    SIGNS.iter().any(|sign| lower.contains(sign))
}

#[cfg(test)]
mod tests;
