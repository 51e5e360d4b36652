//! Line formats: NDJSON and text are read one physical line at a time, so any chunk that starts
//! at a line boundary can be parsed on its own (which the parallel loader relies on).

use super::formats::{self, LineFormatId};
use super::view::JsonObject;
use super::{Detail, Format, Parsed, SkipReason, Skipped, encoding, fields, logfmt, sparse, text};
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
            Format::Ndjson => Self::Ndjson,
            Format::Logfmt => Self::Logfmt,
            Format::Line(id) => Self::Defined(id),
            _ => Self::Text,
        }
    }
}

/// What a summary builds of a line: what field discovery reads for one, without the request's
/// body and headers ([`Detail::Summary`] keeps neither).
static SUMMARY_PATHS: LazyLock<sparse::Paths> = LazyLock::new(|| {
    // Response bodies stay text until a failure's error is read from one.
    let kept = fields::summary_paths().chain(text::WRAPPED_LINE.iter().copied());
    let pruned = fields::REQUEST_BODY.iter().chain(fields::REQUEST_HEADERS).copied();
    sparse::Paths::new(kept, fields::RESPONSE_BODY.iter().copied(), pruned)
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
    let mut parsed = Parsed::default();
    let mut line_number = first_line;
    let mut start = 0usize;
    // A format whose calls span lines: the call its lines belong to, while they continue it.
    let grouping = match mode {
        Mode::Defined(id) => Some(id.def()).filter(|format| format.continuation.is_some()),
        _ => None,
    };
    let mut open: Option<usize> = None;
    while start < chunk.len() {
        let end = memchr::memchr(b'\n', &chunk[start..]).map_or(chunk.len(), |at| start + at);
        let raw = &chunk[start..end];
        let line = raw.strip_suffix(b"\r").unwrap_or(raw);
        if !line.trim_ascii().is_empty() {
            if let (Some(format), Some(at)) = (grouping, open)
                && format.continues(line)
            {
                let record = &mut parsed.records[at];
                record.source.len = offset + (start + line.len()) as u64 - record.source.offset;
                take_body_line(format, record, line, detail);
                parsed.belonging += 1;
            } else {
                let mut repaired = false;
                let result = if line.len() as u64 > max_line_bytes {
                    Err(SkipReason::TooLong { bytes: line.len() as u64, limit: max_line_bytes })
                } else {
                    parse_one_repairing(line, mode, detail, &mut repaired)
                };
                if repaired && result.is_ok() {
                    parsed.repaired += 1;
                }
                open = None;
                match result {
                    Ok(mut record) => {
                        record.source =
                            SourceSpan { line: line_number, offset: offset + start as u64, len: line.len() as u64 };
                        parsed.records.push(record);
                        open = Some(parsed.records.len() - 1);
                    }
                    Err(reason) => parsed.skipped.push(Skipped { line: line_number, reason }),
                }
            }
        }
        line_number += 1;
        start = end + 1;
    }
    parsed
}

/// A line that continues a call, as its response body when the format says it is one: the
/// first body line's error classifies a call that has none yet.
fn take_body_line(format: &formats::LineFormat, record: &mut Record, line: &[u8], detail: Detail) {
    let line = String::from_utf8_lossy(line);
    let Some(found) = format.body.as_ref().and_then(|body| body.captures(&line)) else { return };
    // The body is what the pattern's `body` capture holds (after a logger's prefix), or the line.
    let text = found.name("body").map_or(line.as_ref(), |body| body.as_str()).trim();
    if record.error_type.is_none() && record.is_failure() {
        let error = super::error_body::from_body_text(text);
        if error.error_type.is_some() || error.message.is_some() {
            record.error_type = error.error_type;
            record.message = error.message.or(record.message.take());
        }
    }
    if detail == Detail::Full {
        match &mut record.response.body {
            Some(body) => {
                body.push('\n');
                body.push_str(text);
            }
            None => record.response.body = Some(text.to_string()),
        }
    }
}

/// A line without the byte order mark that starts it: UTF-8's (files joined with `cat`), or a
/// UTF-16 mark that lied about a UTF-8 file (its bytes are never text in UTF-8).
fn strip_mark(line: &[u8]) -> &[u8] {
    [BOM, b"\xFF\xFE", b"\xFE\xFF"].iter().find_map(|mark| line.strip_prefix(*mark)).unwrap_or(line)
}

/// Parses one line (without its line ending).
pub fn parse_one(line: &[u8], mode: Mode, detail: Detail) -> Result<Record, SkipReason> {
    parse_one_repairing(line, mode, detail, &mut false)
}

/// [`parse_one`], setting `repaired` when bytes that are not UTF-8 were read as Windows-1252.
/// Valid UTF-8 costs nothing more: JSON is checked only once it failed, text is checked anyway.
fn parse_one_repairing(line: &[u8], mode: Mode, detail: Detail, repaired: &mut bool) -> Result<Record, SkipReason> {
    let trimmed = strip_mark(line).trim_ascii();
    let starts_object = trimmed.first() == Some(&b'{');
    let mut too_deep = false;
    if starts_object || mode == Mode::Ndjson {
        // What the scanner is not sure of, the whole parse below reads, and says why not.
        if detail == Detail::Summary
            && let Some(object) = sparse::parse(trimmed, &SUMMARY_PATHS)
        {
            return object_record(&object, detail);
        }
        match serde_json::from_slice::<Value>(trimmed) {
            Ok(Value::Object(object)) => return object_record(&object, detail),
            Ok(_) => return Err(SkipReason::JsonNotACall),
            Err(_) if !*repaired && std::str::from_utf8(trimmed).is_err() => {
                *repaired = true;
                return parse_one_repairing(encoding::repair_line(trimmed).as_bytes(), mode, detail, repaired);
            }
            Err(error) if starts_object && mode == Mode::Ndjson => return Err(json_skip_reason(&error)),
            Err(error) => too_deep = is_too_deep(&error),
        }
    }
    let text = match std::str::from_utf8(trimmed) {
        Ok(text) => std::borrow::Cow::Borrowed(text),
        Err(_) => {
            *repaired = true;
            std::borrow::Cow::Owned(encoding::repair_line(trimmed))
        }
    };
    match mode {
        Mode::Logfmt if !starts_object => return logfmt::read(&text, detail),
        Mode::Defined(id) if !starts_object => {
            if let Some(result) = formats::read_line(id.def(), &text, detail) {
                return result;
            }
        }
        _ => {}
    }
    text::parse(&text, detail).map_err(|reason| match mode {
        _ if too_deep => SkipReason::TooDeep,
        Mode::Ndjson => SkipReason::InvalidJson("the line is not JSON".into()),
        _ => reason,
    })
}

/// A JSON object as a call: its own fields, or the text line it wraps (`{"log": "..."}`).
pub(super) fn object_record(object: &impl JsonObject, detail: Detail) -> Result<Record, SkipReason> {
    if let Some(record) = fields::discover(object, detail) {
        return Ok(record);
    }
    match text::from_wrapped_line(object, detail) {
        Some(Err(SkipReason::NoApiCall)) | None => Err(fields::not_a_call(object, SkipReason::JsonNotACall)),
        Some(wrapped) => wrapped,
    }
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
