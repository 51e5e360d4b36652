//! Line formats: NDJSON and text are read one physical line at a time, so any chunk that starts
//! at a line boundary can be parsed on its own (which the parallel loader relies on).

use super::{Detail, Parsed, SkipReason, Skipped, fields, text};
use crate::record::{Record, SourceSpan};
use serde_json::Value;

/// How a line is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Every line should be a JSON object.
    Ndjson,
    /// Lines are text that may carry a request, a status, or embedded JSON.
    Text,
}

/// Parses every line of `chunk`, which starts at physical line `first_line` and byte `offset`.
pub fn parse_lines(chunk: &[u8], first_line: u64, offset: u64, mode: Mode, detail: Detail) -> Parsed {
    let mut parsed = Parsed::default();
    let mut line_number = first_line;
    let mut start = 0usize;
    while start < chunk.len() {
        let end = memchr::memchr(b'\n', &chunk[start..]).map_or(chunk.len(), |at| start + at);
        let raw = &chunk[start..end];
        let line = raw.strip_suffix(b"\r").unwrap_or(raw);
        if !line.trim_ascii().is_empty() {
            match parse_one(line, mode, detail) {
                Ok(mut record) => {
                    record.source =
                        SourceSpan { line: line_number, offset: offset + start as u64, len: line.len() as u64 };
                    parsed.records.push(record);
                }
                Err(reason) => parsed.skipped.push(Skipped { line: line_number, reason }),
            }
        }
        line_number += 1;
        start = end + 1;
    }
    parsed
}

/// Parses one line (without its line ending).
pub fn parse_one(line: &[u8], mode: Mode, detail: Detail) -> Result<Record, SkipReason> {
    let trimmed = line.trim_ascii();
    if trimmed.first() == Some(&b'{') {
        match serde_json::from_slice::<Value>(trimmed) {
            Ok(Value::Object(object)) => {
                if let Some(record) = fields::discover(&object, detail) {
                    return Ok(record);
                }
                return match text::from_wrapped_line(&object, detail) {
                    Some(Err(SkipReason::NoApiCall)) | None => Err(SkipReason::JsonNotACall),
                    Some(wrapped) => wrapped,
                };
            }
            Ok(_) => return Err(SkipReason::JsonNotACall),
            Err(error) if mode == Mode::Ndjson => return Err(json_skip_reason(&error)),
            Err(_) => {}
        }
    } else if mode == Mode::Ndjson {
        return match serde_json::from_slice::<Value>(trimmed) {
            Ok(_) => Err(SkipReason::JsonNotACall),
            Err(_) => text::parse(&String::from_utf8_lossy(trimmed), detail)
                .map_err(|_| SkipReason::InvalidJson("the line is not JSON".into())),
        };
    }
    text::parse(&String::from_utf8_lossy(trimmed), detail)
}

/// Tells a line cut short from one that is wrong.
pub fn json_skip_reason(error: &serde_json::Error) -> SkipReason {
    if error.is_eof() { SkipReason::TruncatedJson } else { SkipReason::InvalidJson(error.to_string()) }
}
