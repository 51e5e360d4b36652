//! Line formats: NDJSON and text are read one physical line at a time, so any chunk that starts
//! at a line boundary can be parsed on its own (which the parallel loader relies on).

use super::formats::{self, Keyed, LineFormat, LineFormatId};
use super::json_value::{JsonObject, JsonValue};
use super::{CallSink, Detail, Format, Parsed, SkipReason, Skipped, encoding, fields, group, logfmt, sparse, text};
use crate::record::{Record, SourceSpan};
use serde_json::Value;
use std::sync::LazyLock;

/// How a line is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Every line should be a JSON object.
    Ndjson,
    /// Lines are text that may carry a request, a status, or embedded JSON.
    Text,
    /// `key=value` lines.
    Logfmt,
    /// Lines of a defined format; a line it does not match is read as text.
    Defined(LineFormatId),
}

impl Mode {
    /// How lines of a line-based `format` are read.
    pub fn of(format: Format) -> Self {
        match format {
            // A table's rows are read as the NDJSON lines they were written out as.
            Format::Ndjson | Format::Parquet | Format::ArrowIpc => Self::Ndjson,
            Format::Logfmt => Self::Logfmt,
            Format::Line(id) => Self::Defined(id),
            _ => Self::Text,
        }
    }
}

/// What a summary builds of a line: what field discovery reads for one, the request's body and
/// headers as their text.
static SUMMARY_PATHS: LazyLock<sparse::Paths> = LazyLock::new(|| {
    // Response bodies stay text until a failure's error is read from one.
    let kept = fields::summary_paths().chain(text::WRAPPED_LINE.iter().copied());
    let pruned = fields::REQUEST_BODY.iter().chain(fields::REQUEST_HEADERS.iter()).copied();
    // Pruned first, so that what holds them is read key by key; then the request's body and
    // headers are kept after all, as their text (passed over as fast as when pruned: the body's
    // fingerprint and an idempotency key tell a retry from a new request).
    let request = fields::REQUEST_BODY.iter().chain(fields::REQUEST_HEADERS.iter()).copied();
    sparse::Paths::new(kept, fields::RESPONSE_BODY.iter().copied(), pruned)
        .with_texts(request)
        .with_headers(fields::RESPONSE_HEADERS.iter().copied(), fields::SUMMARY_HEADERS.iter().copied())
});

/// The UTF-8 byte order mark, which files joined with `cat` carry at the start of a later line.
const BOM: &[u8] = super::encoding::UTF8_BOM;

/// Parses every line of `chunk`, which starts at physical line `first_line` and byte `offset`.
/// Lines longer than `max_line_bytes` are skipped unread.
pub fn parse_lines(
    chunk: &[u8],
    first_line: u64,
    offset: u64,
    mode: Mode,
    detail: Detail,
    max_line_bytes: u64,
) -> Parsed {
    if let Mode::Defined(id) = mode
        && id.def().spans_lines()
    {
        return group::parse_lines(chunk, first_line, offset, id.def(), mode, detail, max_line_bytes);
    }
    let mut parsed = Parsed::default();
    parse_lines_into(&mut parsed, chunk, first_line, offset, mode, detail, max_line_bytes);
    parsed
}

/// [`parse_lines`] into `parsed` (whose vectors may have room already), for a mode whose calls
/// are each on one line. Returns the number of the line after the chunk when it ends with a
/// line end ([`Lines::next_number`]).
pub fn parse_lines_into(
    parsed: &mut Parsed,
    chunk: &[u8],
    first_line: u64,
    offset: u64,
    mode: Mode,
    detail: Detail,
    max_line_bytes: u64,
) -> u64 {
    // Most logs are UTF-8 throughout: checked once for the whole chunk, its lines are text
    // without a check each (a call a line cost a short line some 80 instructions). Lines end at
    // ASCII bytes, so each is a slice of the chunk's text. (JSON lines are checked as they are
    // parsed: for them the chunk's check would be one more.)
    let chunk_text = if mode == Mode::Ndjson { None } else { simdutf8::basic::from_utf8(chunk).ok() };
    let mut lines = lines(chunk, first_line);
    for (number, start, line) in lines.by_ref() {
        let source = SourceSpan { line: number, offset: offset + start as u64, len: line.len() as u64 };
        let text = chunk_text.map(|text| &text[start..start + line.len()]);
        read_line_into(parsed, line, text, source, mode, detail, max_line_bytes);
    }
    lines.next_number()
}

/// One non-blank line read into `parsed`, as [`parse_lines_into`] reads each; `text` is the
/// line's, when it is known to be UTF-8.
fn read_line_into(
    parsed: &mut Parsed,
    line: &[u8],
    text: Option<&str>,
    source: SourceSpan,
    mode: Mode,
    detail: Detail,
    max_line_bytes: u64,
) {
    if let Mode::Defined(id) = mode
        && line.len() as u64 <= max_line_bytes
        && read_defined_in_place(line, text, id.def(), detail, source, parsed)
    {
        return;
    }
    let read = parse_line_into(line, text, mode, detail, max_line_bytes, parsed);
    account(parsed, source, read);
}

/// What reading the line at `source` gave: its call (pushed last onto `parsed.records`) is given
/// its place in the input, or the line is skipped for the reason.
fn account(parsed: &mut Parsed, source: SourceSpan, read: Result<(), SkipReason>) {
    match read {
        Ok(()) => {
            if let Some(record) = parsed.records.last_mut() {
                record.source = source;
            }
        }
        Err(reason) => parsed.skipped.push(Skipped { line: source.line, reason }),
    }
}

/// Lines of a defined format whose calls are each one line: `chunk` starts at physical line
/// `first_line` and byte `offset`.
#[derive(Clone, Copy)]
pub struct DefinedLines<'a> {
    pub chunk: &'a [u8],
    pub first_line: u64,
    pub offset: u64,
    pub id: LineFormatId,
    pub detail: Detail,
    pub max_line_bytes: u64,
}

impl DefinedLines<'_> {
    /// [`parse_lines_into`] of these lines, each call handed to `sink` as soon as it is read
    /// rather than kept in `parsed` (which gets what is not a call). A line of the definition's
    /// own is read into one record reused from line to line: a record pushed, its strings
    /// allocated, then all of it dropped once it was a row cost a short line a twentieth of its
    /// reading. For a summary, while the sink knows rows by their lines' captures, such a line is
    /// read with them as a key, and a line whose row the sink knows is not read into the record
    /// at all ([`formats::read_line_keyed`]). Other lines (JSON, bytes that are not UTF-8, the
    /// generic reader's) are read as [`parse_lines_into`] reads them, and handed on from `parsed`.
    pub fn visit(self, parsed: &mut Parsed, sink: &mut dyn CallSink) -> u64 {
        let Self { chunk, first_line, offset, id, detail, max_line_bytes } = self;
        let (mode, format) = (Mode::Defined(id), id.def());
        let chunk_text = simdutf8::basic::from_utf8(chunk).ok();
        let mut reused = formats::Reused::default();
        let mut key = Vec::new();
        // Asked again only after a line read keyed: a sink that stops knowing rows does not start again.
        let mut keyed = detail == Detail::Summary && sink.keyed();
        // A line of a format that captures no time is its call's whole key, while the sink
        // remembers rows by their lines.
        let mut whole_lines = format.timeless();
        // This thread's scratch for the part's searches, taken from its thread-local once.
        formats::with_thread_scratch(|scratch| {
            let mut lines = lines(chunk, first_line);
            for (number, start, line) in lines.by_ref() {
                let source = SourceSpan { line: number, offset: offset + start as u64, len: line.len() as u64 };
                let text = chunk_text.map(|text| &text[start..start + line.len()]);
                // What `read_defined_in_place` reads as the definition's text.
                if let Some(text) = text.map(trimmed_text)
                    && line.len() as u64 <= max_line_bytes
                    && !text.starts_with('{')
                {
                    let read_keyed = keyed;
                    if read_keyed && whole_lines {
                        match sink.repeat_line(text.as_bytes(), source) {
                            Some(true) => continue,
                            Some(false) => {}
                            None => whole_lines = false,
                        }
                    }
                    let read = if read_keyed {
                        let mut known = |key: &[u8], time_ms| sink.repeat(key, source, time_ms);
                        let read = formats::read_line_keyed(format, text, &mut reused, scratch, &mut key, &mut known);
                        keyed = sink.keyed();
                        read
                    } else {
                        formats::read_line_reusing(format, text, detail, &mut reused, scratch)
                            .map(|read| read.map(|()| Keyed::Read))
                    };
                    match read {
                        Some(Ok(Keyed::Known)) => {
                            if whole_lines {
                                sink.remember_line(text.as_bytes());
                            }
                        }
                        Some(Ok(Keyed::Read)) => {
                            reused.record.source = source;
                            if read_keyed {
                                sink.first(&key, &reused.record);
                                if whole_lines {
                                    sink.remember_line(text.as_bytes());
                                }
                            } else {
                                sink.call(&reused.record);
                            }
                        }
                        Some(Err(reason)) => parsed.skipped.push(Skipped { line: number, reason }),
                        // A line the definition does not read is read as text.
                        None => {
                            let read = text::parse_into(text, detail, &mut parsed.records);
                            account(parsed, source, read);
                        }
                    }
                } else {
                    read_line_into(parsed, line, text, source, mode, detail, max_line_bytes);
                }
                if !parsed.records.is_empty() {
                    for record in parsed.records.drain(..) {
                        sink.call(&record);
                    }
                }
            }
            lines.next_number()
        })
    }
}

/// A line of a defined format read into `parsed` where its record stays, as [`parse_line`] would
/// read it; `false` when it is not text of the format's own (JSON, bytes that are not UTF-8),
/// which [`parse_line`] reads. `text` is the line's, when it is known to be UTF-8.
fn read_defined_in_place(
    line: &[u8],
    text: Option<&str>,
    format: &LineFormat,
    detail: Detail,
    source: SourceSpan,
    parsed: &mut Parsed,
) -> bool {
    let text = match text {
        Some(text) => trimmed_text(text),
        None => match simdutf8::basic::from_utf8(strip_mark(line).trim_ascii()) {
            Ok(text) => text,
            Err(_) => return false,
        },
    };
    if text.starts_with('{') {
        return false;
    }
    // A line the definition does not read is read as text, in place too.
    let read = formats::read_line_into(format, text, detail, &mut parsed.records)
        .unwrap_or_else(|| text::parse_into(text, detail, &mut parsed.records));
    account(parsed, source, read);
    true
}

/// The line that starts at `at` in `text`, without its line ending (as [`lines`] cuts it).
pub fn line_at(text: &[u8], at: usize) -> &[u8] {
    let end = memchr::memchr(b'\n', &text[at..]).map_or(text.len(), |nl| at + nl);
    text[at..end].strip_suffix(b"\r").unwrap_or(&text[at..end])
}

/// The non-blank lines of `chunk`: (physical line number, start in `chunk`, the line without
/// its line ending).
pub fn lines(chunk: &[u8], first_line: u64) -> Lines<'_> {
    Lines { chunk, start: 0, number: first_line }
}

/// The iterator of [`lines`].
pub struct Lines<'a> {
    chunk: &'a [u8],
    start: usize,
    number: u64,
}

impl Lines<'_> {
    /// The number of the line after those read so far: once all are read, of the line after
    /// the chunk when it ends with a line end (its lines counted as they were cut, not again).
    pub fn next_number(&self) -> u64 {
        self.number
    }
}

impl<'a> Iterator for Lines<'a> {
    type Item = (u64, usize, &'a [u8]);

    fn next(&mut self) -> Option<Self::Item> {
        let chunk = self.chunk;
        while self.start < chunk.len() {
            let end = memchr::memchr(b'\n', &chunk[self.start..]).map_or(chunk.len(), |at| self.start + at);
            let raw = &chunk[self.start..end];
            let line = raw.strip_suffix(b"\r").unwrap_or(raw);
            let found = (self.number, self.start, line);
            self.number += 1;
            self.start = end + 1;
            if !line.trim_ascii().is_empty() {
                return Some(found);
            }
        }
        None
    }
}

/// One non-blank line within the line limit, counting a Windows-1252 repair in `parsed`.
pub fn parse_line(
    line: &[u8],
    mode: Mode,
    detail: Detail,
    max_line_bytes: u64,
    parsed: &mut Parsed,
) -> Result<Record, SkipReason> {
    parse_line_into(line, None, mode, detail, max_line_bytes, parsed)?;
    Ok(parsed.records.pop().expect("a call read is pushed"))
}

/// [`parse_line`] with the call pushed onto `parsed.records` (see [`parse_one_into`]); `text` is
/// the line's, when it is known to be UTF-8.
fn parse_line_into(
    line: &[u8],
    text: Option<&str>,
    mode: Mode,
    detail: Detail,
    max_line_bytes: u64,
    parsed: &mut Parsed,
) -> Result<(), SkipReason> {
    if line.len() as u64 > max_line_bytes {
        return Err(SkipReason::TooLong { bytes: line.len() as u64, limit: max_line_bytes });
    }
    let mut repaired = false;
    let result = parse_one_into(line, text, mode, detail, &mut repaired, &mut parsed.records);
    if repaired && result.is_ok() {
        parsed.repaired += 1;
    }
    result
}

/// A line without the byte order mark that starts it: UTF-8's (files joined with `cat`), or a
/// UTF-16 mark that lied about a UTF-8 file (its bytes are never text in UTF-8).
fn strip_mark(line: &[u8]) -> &[u8] {
    [BOM, b"\xFF\xFE", b"\xFE\xFF"].iter().find_map(|mark| line.strip_prefix(*mark)).unwrap_or(line)
}

/// [`strip_mark`] and `trim_ascii` of a line's text (a UTF-16 mark's bytes are never in UTF-8).
fn trimmed_text(line: &str) -> &str {
    line.strip_prefix('\u{feff}').unwrap_or(line).trim_ascii()
}

/// Parses one line (without its line ending).
pub fn parse_one(line: &[u8], mode: Mode, detail: Detail) -> Result<Record, SkipReason> {
    parse_one_repairing(line, mode, detail, &mut false)
}

/// [`parse_one`], setting `repaired` when bytes that are not UTF-8 were read as Windows-1252.
/// Valid UTF-8 costs nothing more: JSON is checked only once it failed, text is checked anyway.
fn parse_one_repairing(line: &[u8], mode: Mode, detail: Detail, repaired: &mut bool) -> Result<Record, SkipReason> {
    super::one_call(|records| parse_one_into(line, None, mode, detail, repaired, records))
}

/// [`parse_one_repairing`] with the call pushed onto `records` and filled where it stays: a
/// record (some 330 bytes) returned through each function here was copied at each, and a JSON
/// line's copies cost 3 % of reading it. Nothing is pushed when the line is not a call. `known`
/// is the line's text, when it is known to be UTF-8.
fn parse_one_into(
    line: &[u8],
    known: Option<&str>,
    mode: Mode,
    detail: Detail,
    repaired: &mut bool,
    records: &mut Vec<Record>,
) -> Result<(), SkipReason> {
    let trimmed = strip_mark(line).trim_ascii();
    let starts_object = trimmed.first() == Some(&b'{');
    let mut too_deep = false;
    if starts_object || mode == Mode::Ndjson {
        // What the scanner is not sure of, the whole parse below reads, and says why not.
        if detail == Detail::Summary
            && let Some(read) = sparse::with_bump(|bump| {
                sparse::parse(trimmed, &SUMMARY_PATHS, bump).map(|object| object_record_into(&object, detail, records))
            })
        {
            return read;
        }
        match serde_json::from_slice::<Value>(trimmed) {
            Ok(Value::Object(object)) => return object_record_into(&object, detail, records),
            Ok(_) => return Err(SkipReason::JsonNotACall),
            Err(_) if !*repaired && known.is_none() && std::str::from_utf8(trimmed).is_err() => {
                *repaired = true;
                let repaired_line = encoding::repair_line(trimmed);
                return parse_one_into(repaired_line.as_bytes(), None, mode, detail, repaired, records);
            }
            Err(error) if starts_object && mode == Mode::Ndjson => return Err(json_skip_reason(&error)),
            Err(error) => too_deep = is_too_deep(&error),
        }
    }
    let text = match known.map(trimmed_text).map_or_else(|| std::str::from_utf8(trimmed), Ok) {
        Ok(text) => std::borrow::Cow::Borrowed(text),
        Err(_) => {
            *repaired = true;
            std::borrow::Cow::Owned(encoding::repair_line(trimmed))
        }
    };
    match mode {
        Mode::Logfmt if !starts_object => return logfmt::read_into(&text, detail, records),
        Mode::Defined(id) if !starts_object => {
            if let Some(result) = formats::read_line_into(id.def(), &text, detail, records) {
                return result;
            }
        }
        _ => {}
    }
    text::parse_into(&text, detail, records).map_err(|reason| match mode {
        _ if too_deep => SkipReason::TooDeep,
        Mode::Ndjson => SkipReason::InvalidJson("the line is not JSON".into()),
        _ => reason,
    })
}

/// A JSON object as a call: its own fields, or the text line it wraps (`{"log": "..."}`).
pub(super) fn object_record(object: &impl JsonObject, detail: Detail) -> Result<Record, SkipReason> {
    super::one_call(|records| object_record_into(object, detail, records))
}

/// [`object_record`] pushed onto `records` (nothing pushed when it is not a call).
pub(super) fn object_record_into(
    object: &impl JsonObject,
    detail: Detail,
    records: &mut Vec<Record>,
) -> Result<(), SkipReason> {
    if fields::discover_into(object, detail, records) {
        return Ok(());
    }
    if let Some(record) = properties_as_text(object, detail) {
        records.push(record);
        return Ok(());
    }
    match text::wrapped_line_into(object, detail, records) {
        Some(Err(SkipReason::NoApiCall)) | None => Err(fields::not_a_call(object, SkipReason::JsonNotACall)),
        Some(wrapped) => wrapped,
    }
}

/// Azure's diagnostic logs (App Service HTTP logs among them) may write their `properties` as
/// JSON text in a string: the call is read from that object, with the record's own time.
fn properties_as_text(object: &impl JsonObject, detail: Detail) -> Option<Record> {
    let text = object.get("properties")?.as_str()?.trim();
    if !text.starts_with('{') {
        return None;
    }
    let Ok(Value::Object(properties)) = serde_json::from_str::<Value>(text) else { return None };
    let mut record = fields::discover(&properties, detail)?;
    if record.time_ms.is_none() {
        record.time_ms = fields::time_in(object);
    }
    Some(record)
}

/// Tells a line cut short from one nested too deep from one that is wrong.
pub fn json_skip_reason(error: &serde_json::Error) -> SkipReason {
    if error.is_eof() {
        SkipReason::TruncatedJson
    } else if is_too_deep(error) {
        SkipReason::TooDeep
    } else {
        SkipReason::InvalidJson(error.to_string())
    }
}

/// serde_json stops at [`super::MAX_JSON_DEPTH`] levels with this error (it has no error kind for
/// it; a test pins the text).
pub fn is_too_deep(error: &serde_json::Error) -> bool {
    error.to_string().starts_with("recursion limit exceeded")
}
