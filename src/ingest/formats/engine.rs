//! A line through a definition: its captures become a [`Record`].

use super::LineFormat;
use super::pattern::{Captured, Field};
use super::runs::Scratch;
use crate::ingest::fields::{is_network_failure, split_request_line, split_request_target, status_from_reason};
use crate::ingest::{Detail, SkipReason, error_body, time};
use crate::record::Record;

/// The call `format` reads in `line`, why the line is not one, or `None` when it does not match.
pub fn read_line(format: &LineFormat, line: &str, detail: Detail) -> Option<Result<Record, SkipReason>> {
    format
        .patterns
        .iter()
        .find_map(|pattern| pattern.with_captures(line, |captures| record_of(format, captures, detail)))
}

/// What the line that opens a call (`Started POST "/x"`, curl's `> POST /x HTTP/1.1`) says of it:
/// a call without a status yet, or `None` when the format has no opener or it does not match.
pub fn read_opener(format: &LineFormat, line: &str, detail: Detail) -> Option<Record> {
    format.opener.as_ref()?.with_captures(line, |captures| {
        let mut record =
            Record { method: text(captures, Field::Method).map(crate::record::method_upper), ..Record::default() };
        if let Some((method, target)) = text(captures, Field::Request).and_then(split_request_line) {
            record.method.get_or_insert(method);
            record.url = Some(target);
        }
        record.url = url_of(captures).or(record.url);
        record.host = text(captures, Field::Host).map(str::to_string);
        record.time_ms = time_of(format, captures);
        if detail == Detail::Full {
            record.request_id = text(captures, Field::RequestId).map(str::to_string);
        }
        record
    })
}

/// A capture's text, unless it is empty or a log's "none" (`-`).
/// (A capture that cuts a character in two, which an ASCII class can, is not text: skipped.)
fn text<'a>(captures: &'a Captured<'_>, field: Field) -> Option<&'a str> {
    let found = crate::ingest::scan::trim(captures.text(field)?);
    (!found.is_empty() && found != "-").then_some(found)
}

fn record_of(format: &LineFormat, captures: &Captured<'_>, detail: Detail) -> Result<Record, SkipReason> {
    let mut record = Record::default();
    fill(format, captures, detail, time_of(format, captures), &mut record, &mut Buffers::default())?;
    Ok(record)
}

/// A record read again for every line, its strings' memory kept from line to line: a line whose
/// call is handed on at once ([`read_line_reusing`]) costs no allocation for its URL, host and
/// message, nor a record to drop.
#[derive(Default)]
pub struct Reused {
    /// The last line's call.
    pub record: Record,
    buffers: Buffers,
}

/// The memory of strings a record held, emptied, for the next record's.
#[derive(Default)]
struct Buffers {
    url: String,
    host: String,
    message: String,
}

impl Reused {
    /// A default record again, its strings' memory kept. Only what [`fill`] writes is reset:
    /// the rest (the request, the response's headers) stays as the default left it, and a whole
    /// default record written and the last one dropped cost a short line 3 % of its reading.
    fn clear(&mut self) {
        let Self { record, buffers } = self;
        for (text, buffer) in [
            (&mut record.url, &mut buffers.url),
            (&mut record.host, &mut buffers.host),
            (&mut record.message, &mut buffers.message),
        ] {
            if let Some(text) = text.take() {
                *buffer = text;
            }
        }
        record.method = None;
        record.client_digest = None;
        record.time_ms = None;
        record.error_type = None;
        record.response.body = None;
        record.status = 0;
        record.request_id = None;
        record.duration_ms = None;
        debug_assert!(
            *record == Record { source: record.source, ..Record::default() },
            "fill writes only what is reset: {record:?}"
        );
    }
}

/// `text` as a record's string, written into `buffer`'s memory.
fn put(buffer: &mut String, text: &str) -> Option<String> {
    let mut owned = std::mem::take(buffer);
    owned.clear();
    owned.push_str(text);
    Some(owned)
}

/// [`read_line_into`] into `reused.record` rather than a new record pushed onto a vector, the
/// patterns searched with `scratch` ([`super::with_thread_scratch`]).
pub fn read_line_reusing(
    format: &LineFormat,
    line: &str,
    detail: Detail,
    reused: &mut Reused,
    scratch: &mut Scratch,
) -> Option<Result<(), SkipReason>> {
    format.patterns.iter().find_map(|pattern| {
        pattern.with_captures_in(line, scratch, |captures| {
            reused.clear();
            fill(format, captures, detail, time_of(format, captures), &mut reused.record, &mut reused.buffers)
        })
    })
}

/// How [`read_line_keyed`] took a line of the format's own.
pub enum Keyed {
    /// Its row was known by its captures, and taken with the line's time.
    Known,
    /// Its call was read into the reused record.
    Read,
}

/// [`read_line_reusing`] for a summary's rows, which are known by the captures they are made of:
/// those of the line and the number of the pattern that matched ([`Captured::row_key_into`]) are
/// written into `key`, and `known` is asked first whether it has the row of a line with the same
/// ones, given this line's time. If it has, the record is not filled: no request line split, no
/// strings copied, no row worked out again.
pub fn read_line_keyed(
    format: &LineFormat,
    line: &str,
    reused: &mut Reused,
    scratch: &mut Scratch,
    key: &mut Vec<u8>,
    known: &mut dyn FnMut(&[u8], Option<i64>) -> bool,
) -> Option<Result<Keyed, SkipReason>> {
    format.patterns.iter().enumerate().find_map(|(number, pattern)| {
        pattern.with_captures_in(line, scratch, |captures| {
            captures.row_key_into(number, key);
            let time_ms = time_of(format, captures);
            if known(key, time_ms) {
                return Ok(Keyed::Known);
            }
            reused.clear();
            fill(format, captures, Detail::Summary, time_ms, &mut reused.record, &mut reused.buffers)
                .map(|()| Keyed::Read)
        })
    })
}

/// The call `format` reads in `line` pushed onto `records`, why the line is not one, or `None`
/// when it does not match. A record is some 330 bytes: built where it stays, it is not copied
/// through every function that returns it (which cost a line as much as its pattern).
pub fn read_line_into(
    format: &LineFormat,
    line: &str,
    detail: Detail,
    records: &mut Vec<Record>,
) -> Option<Result<(), SkipReason>> {
    format.patterns.iter().find_map(|pattern| {
        pattern.with_captures(line, |captures| {
            // Written in place (a record built and then pushed is copied into the vector).
            records.resize_with(records.len() + 1, Record::default);
            let record = records.last_mut()?;
            let result = fill(format, captures, detail, time_of(format, captures), record, &mut Buffers::default());
            if result.is_err() {
                records.pop();
            }
            Some(result)
        })?
    })
}

/// Fills a default `record` with what `captures` hold, its time `time_ms` ([`time_of`] them),
/// its URL, host and message written into the memory of `buffers` (empty, for a record of its own).
fn fill(
    format: &LineFormat,
    captures: &Captured<'_>,
    detail: Detail,
    time_ms: Option<i64>,
    record: &mut Record,
    buffers: &mut Buffers,
) -> Result<(), SkipReason> {
    if let Some(request) = text(captures, Field::Request) {
        match split_request_target(request) {
            Some((method, target)) => {
                record.method = Some(method);
                record.url = put(&mut buffers.url, target);
            }
            // A request line the server could not parse (`""`, binary junk) is still a call.
            None => record.message = Some(format!("malformed request line: {}", clip(request))),
        }
    }
    if let Some(method) = text(captures, Field::Method) {
        record.method = Some(crate::record::method_upper(method));
    }
    if let Some(url) = url_of(captures) {
        record.url = Some(url);
    }
    record.host = text(captures, Field::Host).and_then(|host| put(&mut buffers.host, host));
    record.client_digest = text(captures, Field::Client).map(crate::record::body_digest);
    record.time_ms = time_ms;
    if let Some(message) = text(captures, Field::Message).or_else(|| text(captures, Field::Error)) {
        record.message = put(&mut buffers.message, message);
    }
    let body = text(captures, Field::Body);
    if let Some(body) = body {
        let error = error_body::from_body_text(body);
        record.error_type = error.error_type;
        if error.message.is_some() {
            record.message = error.message;
        }
        if detail == Detail::Full {
            record.response.body = Some(body.to_string());
        }
    }
    let status = captures.bytes(Field::Status);
    record.status = match status {
        Some(bytes) => match status_of_digits(bytes) {
            Some(status) => status,
            None => parse_status(crate::ingest::scan::trim(&String::from_utf8_lossy(bytes)))?,
        },
        None => match record.error_type.as_deref().and_then(status_from_reason) {
            Some(status) => status,
            None if format.no_response || is_network_failure(record.message.as_deref()) => 0,
            None => return Err(SkipReason::NoApiCall),
        },
    };
    if detail == Detail::Full {
        record.request_id = text(captures, Field::RequestId).map(str::to_string);
        record.duration_ms = duration_ms(captures);
    }
    Ok(())
}

/// The call's time, from the `time` capture.
fn time_of(format: &LineFormat, captures: &Captured<'_>) -> Option<i64> {
    text(captures, Field::Time)
        .and_then(|value| parse_time(format, value))
        .filter(|at| (time::MIN_TIME_MS..=time::MAX_TIME_MS).contains(at))
}

/// A status of one to three digits as [`parse_status`] reads it, when it reads one (nearly every
/// line): without checking the bytes as UTF-8 and trimming them first.
fn status_of_digits(bytes: &[u8]) -> Option<u16> {
    if bytes.is_empty() || bytes.len() > 3 || !bytes.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let code = bytes.iter().fold(0u16, |code, digit| code * 10 + u16::from(digit - b'0'));
    (code == 0 || (100..=599).contains(&code)).then_some(code)
}

/// A status as logged: digits, or `-`/`000` for a request that got no response.
fn parse_status(status: &str) -> Result<u16, SkipReason> {
    if status == "-" || status == "-1" || status.bytes().all(|b| b == b'0') && !status.is_empty() {
        return Ok(0);
    }
    match status.parse::<u16>() {
        Ok(code) if (100..=599).contains(&code) => Ok(code),
        _ => Err(SkipReason::BadStatus(clip(status))),
    }
}

/// The URL: a whole one, or a path with its query and the host when they are logged apart.
fn url_of(captures: &Captured<'_>) -> Option<String> {
    if let Some(url) = text(captures, Field::Url) {
        return Some(url.to_string());
    }
    let path = text(captures, Field::Path)?;
    Some(match text(captures, Field::Query) {
        Some(query) => format!("{path}?{}", query.trim_start_matches('?')),
        None => path.to_string(),
    })
}

fn parse_time(format: &LineFormat, value: &str) -> Option<i64> {
    if let Some(at) = time::clf_millis(value) {
        return Some(at);
    }
    let Some(time_format) = &format.time_format else { return time::parse_text(value) };
    // A pattern without a zone is UTC, as everywhere in errlens; a line that writes its time
    // otherwise still gets one if it is a shape errlens knows.
    time_format.parse(value).or_else(|| time::parse_text(value))
}

fn duration_ms(captures: &Captured<'_>) -> Option<f64> {
    let number =
        |field: Field| text(captures, field)?.parse::<f64>().ok().filter(|value| value.is_finite() && *value >= 0.0);
    if let Some(ms) = number(Field::DurationMs) {
        return Some(ms);
    }
    if let Some(seconds) = number(Field::DurationS) {
        return Some(seconds * 1e3);
    }
    if let Some(micros) = number(Field::DurationUs) {
        return Some(micros / 1e3);
    }
    with_unit(text(captures, Field::Duration)?)
}

/// `33.5ms`, `432.9µs`, `1.2s`, `250 ms` in milliseconds.
pub fn with_unit(text: &str) -> Option<f64> {
    let split = text.find(|c: char| !(c.is_ascii_digit() || c == '.'))?;
    let (number, unit) = text.split_at(split);
    let number: f64 = number.parse().ok()?;
    let scale = match unit.trim() {
        "ms" => 1.0,
        "s" | "sec" => 1e3,
        "µs" | "us" | "μs" => 1e-3,
        "ns" => 1e-6,
        "m" | "min" => 60e3,
        _ => return None,
    };
    Some(number * scale)
}

/// A value quoted in a skip reason: as long as field discovery quotes one.
fn clip(text: &str) -> String {
    crate::output::text::clip(text, 40)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_with_units() {
        assert_eq!(with_unit("33.5ms"), Some(33.5));
        assert_eq!(with_unit("1.5s"), Some(1500.0));
        assert_eq!(with_unit("250µs"), Some(0.25));
        assert_eq!(with_unit("12"), None);
        assert_eq!(with_unit("12 parsecs"), None);
    }

    #[test]
    fn digits_read_as_parse_status_reads_them() {
        for status in
            ["0", "00", "000", "99", "100", "200", "404", "599", "600", "999", "1", "12", "0200", "", "2a", " 20"]
        {
            match status_of_digits(status.as_bytes()) {
                Some(code) => assert_eq!(Ok(code), parse_status(status), "{status:?}"),
                None => assert!(
                    parse_status(status).is_err() || status.len() > 3 || !status.bytes().all(|b| b.is_ascii_digit()),
                    "{status:?} is left to parse_status, which must then refuse it or see more than digits"
                ),
            }
        }
    }

    #[test]
    fn statuses_as_logged() {
        assert_eq!(parse_status("409"), Ok(409));
        assert_eq!(parse_status("000"), Ok(0));
        assert_eq!(parse_status("-"), Ok(0));
        assert!(matches!(parse_status("99"), Err(SkipReason::BadStatus(_))));
        assert!(matches!(parse_status("x"), Err(SkipReason::BadStatus(_))));
    }
}
