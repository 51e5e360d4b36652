//! Calls that span lines, for the formats that say so ([`LineFormat::spans_lines`]): a Java
//! exception with its stack trace, OkHttp's response with its headers and body, Rails'
//! `Started … Completed`, Faraday's `request:` / `response:` pair, a `curl -v` transcript.
//!
//! A call is the line its patterns match, with the lines after it that continue it and, for a
//! format with an opener, the opener line and the lines between. Each call is counted once; its
//! other lines are counted as belonging to it (records + skipped + belonging = non-blank lines);
//! its span covers them all, so reading it back reads them again. An opener whose call never
//! comes is skipped, with the lines that continued it, saying so. Blocks are cut only where a
//! line may start one ([`LineFormat::may_start_block`]), so no call is parted from its lines.

use super::formats::{self, Field, LineFormat};
use super::line::{self, Mode};
use super::{Detail, Parsed, SkipReason, Skipped};
use crate::record::{Record, SourceSpan};

/// An opener waiting for the line that ends its call.
struct Pending {
    record: Record,
    line: u64,
    offset: u64,
}

/// Parses every line of `chunk` (at physical line `first_line`, byte `offset`) as `format`.
pub fn parse_lines(
    chunk: &[u8],
    first_line: u64,
    offset: u64,
    format: &'static LineFormat,
    mode: Mode,
    detail: Detail,
    max_line_bytes: u64,
) -> Parsed {
    // The vector the thread's last block or part gave back: grown a push at a time, a block's
    // records (330 bytes each) were copied at each doubling.
    let mut parsed = Parsed { records: super::parts::spare_records(), ..Parsed::default() };
    let mut open: Option<usize> = None;
    let mut pending: Option<Pending> = None;
    // The lines that continued the opener waiting (one list for all of them: a list of its own
    // grew twice for every call, 2 % of OkHttp's instructions).
    let mut continued: Vec<u64> = Vec::new();
    for (number, start, bytes) in line::lines(chunk, first_line) {
        let end = offset + (start + bytes.len()) as u64;
        if let Some(at) = open
            && format.continues(bytes)
        {
            let record = &mut parsed.records[at];
            record.source.len = end - record.source.offset;
            take_body_line(format, record, bytes, detail);
            parsed.belonging += 1;
            continue;
        }
        open = None;
        let text = super::encoding::lossy(bytes);
        // With openers, whether the line is a call's decides what it is: read it once (a line
        // over the limit is never one, as everywhere).
        let within = bytes.len() as u64 <= max_line_bytes;
        let mut call = if within && format.opener.is_some() { formats::read_line(format, &text, detail) } else { None };
        if let Some(waiting) = pending.as_mut() {
            if let Some(Ok(mut record)) = call.take_if(|found| found.is_ok()) {
                let waiting = pending.take().expect("an opener waits");
                merge_opener(&mut record, waiting.record);
                record.source = SourceSpan { line: waiting.line, offset: waiting.offset, len: end - waiting.offset };
                parsed.belonging += continued.len() as u64 + 1;
                parsed.records.push(record);
                open = Some(parsed.records.len() - 1);
                continue;
            }
            if format.continues(bytes) {
                continued.push(number);
                if detail == Detail::Full {
                    take_request_line(format, &mut waiting.record, bytes);
                }
                continue;
            }
            abandon(pending.take(), &mut continued, &mut parsed);
        }
        if within
            && call.is_none()
            && let Some(record) = formats::read_opener(format, &text, detail)
        {
            pending = Some(Pending { record, line: number, offset: offset + start as u64 });
            continued.clear();
            continue;
        }
        match line::parse_line(bytes, mode, detail, max_line_bytes, &mut parsed) {
            Ok(mut record) => {
                record.source = SourceSpan { line: number, offset: offset + start as u64, len: bytes.len() as u64 };
                parsed.records.push(record);
                open = Some(parsed.records.len() - 1);
            }
            Err(reason) => parsed.skipped.push(Skipped { line: number, reason }),
        }
    }
    abandon(pending, &mut continued, &mut parsed);
    parsed
}

/// An opener whose call never came: it and the lines that continued it are skipped.
fn abandon(pending: Option<Pending>, continued: &mut Vec<u64>, parsed: &mut Parsed) {
    let Some(pending) = pending else { return };
    parsed.skipped.push(Skipped { line: pending.line, reason: SkipReason::RequestWithoutResponse });
    for line in continued.drain(..) {
        parsed.skipped.push(Skipped { line, reason: SkipReason::RequestWithoutResponse });
    }
    parsed.skipped.sort_by_key(|skipped| skipped.line);
}

/// The opener's method, URL, host, request id and the request its lines logged, where the call's
/// own line has none; the call started when it was opened.
fn merge_opener(record: &mut Record, opener: Record) {
    record.method = record.method.take().or(opener.method);
    record.url = record.url.take().or(opener.url);
    record.host = record.host.take().or(opener.host);
    record.time_ms = opener.time_ms.or(record.time_ms);
    record.request_id = record.request_id.take().or(opener.request_id);
    if record.request == crate::record::Message::default() {
        record.request = opener.request;
    }
}

/// A header (`Name: value`) as the format's `header` pattern finds it in a line: its name and
/// value, untrimmed.
fn header_spans<'l>(format: &LineFormat, line: &'l [u8]) -> Option<(&'l [u8], &'l [u8])> {
    let [name, value] = format.header.as_ref()?.find_spans(line, [Field::Name, Field::Value])?;
    let (start, end) = name?;
    Some((&line[start..end], value.map_or(&[][..], |(start, end)| &line[start..end])))
}

/// A header as owned text, trimmed.
fn header_of(format: &LineFormat, line: &[u8]) -> Option<(String, String)> {
    header_spans(format, line).map(|(name, value)| (trimmed_text(name), trimmed_text(value)))
}

fn trimmed_text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).trim().to_string()
}

/// Whether a header's name is one a summary keeps, read as [`header_of`] reads it but not copied.
fn is_summary_header(name: &[u8]) -> bool {
    super::fields::is_summary_header(String::from_utf8_lossy(name).trim())
}

/// A line between an opener and its call: a request header or the request body.
fn take_request_line(format: &LineFormat, record: &mut Record, line: &[u8]) {
    if let Some(body) = body_in(format, line) {
        append(&mut record.request.body, &trimmed_text(body));
    } else if let Some(header) = header_of(format, line) {
        record.request.headers.push(header);
    }
}

/// The body a line holds, as the format's `body` pattern finds it: what its `body` capture holds
/// (after a logger's prefix), or the line.
fn body_in<'l>(format: &LineFormat, line: &'l [u8]) -> Option<&'l [u8]> {
    let [body] = format.body.as_ref()?.find_spans(line, [Field::Body])?;
    Some(body.map_or(line, |(start, end)| &line[start..end]))
}

fn append(body: &mut Option<String>, text: &str) {
    match body {
        Some(body) => {
            body.push('\n');
            body.push_str(text);
        }
        None => *body = Some(text.to_string()),
    }
}

/// A line that continues a call: a response header (only `Retry-After` for a summary, which
/// keeps no others), or its response body, whose first error classifies a call that has none yet.
/// A summary makes text of neither unless it keeps it (most are a success's headers and body).
fn take_body_line(format: &LineFormat, record: &mut Record, line: &[u8], detail: Detail) {
    let wants_error = record.error_type.is_none() && record.is_failure();
    // A summary that needs no error keeps only the headers it names: a line that does not
    // name one (a success's body, most headers) is not searched for either.
    if detail == Detail::Summary
        && !wants_error
        && !super::scan::mentions_ignoring_case(line, super::fields::SUMMARY_HEADERS)
    {
        return;
    }
    let Some(body) = body_in(format, line) else {
        if let Some((name, value)) = header_spans(format, line)
            && (detail == Detail::Full || is_summary_header(name))
        {
            record.response.headers.push((trimmed_text(name), trimmed_text(value)));
        }
        return;
    };
    if !wants_error && detail != Detail::Full {
        return;
    }
    let text = trimmed_text(body);
    if wants_error {
        let error = super::error_body::from_body_text(&text);
        if error.error_type.is_some() || error.message.is_some() {
            record.error_type = error.error_type;
            record.message = error.message.or(record.message.take());
        }
    }
    if detail == Detail::Full {
        append(&mut record.response.body, &text);
    }
}
