//! CSV exports with a header row; cells may hold JSON text (bodies, headers).
//!
//! Each row becomes an object keyed by the header names, so the same field discovery applies as
//! for JSON logs. Rows are counted instead of lines: a quoted cell may span several lines.

use super::{Detail, Parsed, SkipReason, Skipped, fields};
use crate::record::{Record, SourceSpan};
use serde_json::{Map, Value};

fn reader(bytes: &[u8]) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new().flexible(true).has_headers(true).from_reader(bytes)
}

/// Parses every row after the header; rows longer than `max_row_bytes` are skipped unread.
pub fn parse(bytes: &[u8], detail: Detail, max_row_bytes: u64) -> Parsed {
    let mut parsed = Parsed::default();
    let mut reader = reader(bytes);
    let header = match reader.byte_headers() {
        Ok(header) => header.clone(),
        Err(error) => {
            parsed.skipped.push(Skipped { line: 1, reason: SkipReason::BadCsvRow(error.to_string()) });
            return parsed;
        }
    };
    // Skipped rows are collected by byte offset and numbered at the end, with the records.
    let mut skipped_at: Vec<(u64, SkipReason)> = Vec::new();
    let mut row = csv::ByteRecord::new();
    let mut pending: Option<(Record, SourceSpan)> = None;
    loop {
        let result = reader.read_byte_record(&mut row);
        let position = reader.position().clone();
        // A row's span ends where the next one starts.
        if let Some((mut record, mut span)) = pending.take() {
            span.len = end_of_row(bytes, span.offset, position.byte());
            record.source = span;
            parsed.records.push(record);
        }
        match result {
            Ok(false) => break,
            Ok(true) => {
                let start = row.position().map_or(position.clone(), Clone::clone);
                // After a CRLF row end, csv may place the next row at the LF: skip line ends.
                let offset = start.byte()
                    + bytes
                        .get(start.byte() as usize..)
                        .map_or(0, |rest| rest.iter().take_while(|b| matches!(b, b'\r' | b'\n')).count() as u64);
                let span = SourceSpan { line: start.line(), offset, len: 0 };
                let row_bytes = row.as_slice().len() as u64;
                let result = if row_bytes > max_row_bytes {
                    Err(SkipReason::TooLong { bytes: row_bytes, limit: max_row_bytes })
                } else {
                    read_row(&header, &row, detail)
                };
                match result {
                    Ok(record) => pending = Some((record, span)),
                    Err(reason) => skipped_at.push((span.offset, reason)),
                }
            }
            Err(error) => {
                let offset = error.position().map_or(position.byte(), csv::Position::byte);
                skipped_at.push((offset, SkipReason::BadCsvRow(error.to_string())));
                if !matches!(error.kind(), csv::ErrorKind::Utf8 { .. }) {
                    break;
                }
            }
        }
    }
    // csv counts a CRLF row end and a bare LF inside quotes differently from the physical lines an
    // editor shows; count them from the byte offsets instead.
    let record_offsets: Vec<usize> = parsed.records.iter().map(|record| record.source.offset as usize).collect();
    for (record, line) in parsed.records.iter_mut().zip(super::line_numbers(bytes, record_offsets)) {
        record.source.line = line;
    }
    let skipped_lines = super::line_numbers(bytes, skipped_at.iter().map(|(offset, _)| *offset as usize));
    parsed
        .skipped
        .extend(skipped_at.into_iter().zip(skipped_lines).map(|((_, reason), line)| Skipped { line, reason }));
    parsed
}

/// The length of the header row, line end included.
pub fn header_len(bytes: &[u8]) -> usize {
    let mut reader = reader(bytes);
    match reader.byte_headers() {
        Ok(_) => usize::try_from(reader.position().byte()).unwrap_or(0).min(bytes.len()),
        Err(_) => 0,
    }
}

/// Reads one row's text with the file's header row.
pub fn row_with_header(header: &[u8], row: &[u8]) -> Option<Record> {
    let header = reader(header).byte_headers().ok()?.clone();
    let mut rows = csv::ReaderBuilder::new().flexible(true).has_headers(false).from_reader(row);
    let row = rows.byte_records().next()?.ok()?;
    read_row(&header, &row, Detail::Full).ok()
}

fn end_of_row(bytes: &[u8], start: u64, next_start: u64) -> u64 {
    let slice = bytes.get(start as usize..next_start as usize).unwrap_or_default();
    let trimmed = slice.strip_suffix(b"\n").unwrap_or(slice);
    let trimmed = trimmed.strip_suffix(b"\r").unwrap_or(trimmed);
    trimmed.len() as u64
}

/// A row as a record, or why it is not one.
fn read_row(header: &csv::ByteRecord, row: &csv::ByteRecord, detail: Detail) -> Result<Record, SkipReason> {
    let mut object = Map::new();
    for (name, cell) in header.iter().zip(row.iter()) {
        let name = String::from_utf8_lossy(name).trim().to_string();
        let cell = String::from_utf8_lossy(cell);
        let cell = cell.trim();
        if name.is_empty() || cell.is_empty() {
            continue;
        }
        object.insert(name, cell_value(cell));
    }
    fields::discover(&object, detail).ok_or_else(|| row_skip_reason(header, row, &object))
}

/// JSON text in a cell becomes JSON; anything else stays text (statuses parse from text).
fn cell_value(cell: &str) -> Value {
    if (cell.starts_with('{') || cell.starts_with('['))
        && let Ok(value) = serde_json::from_str(cell)
    {
        return value;
    }
    Value::String(cell.to_string())
}

fn row_skip_reason(header: &csv::ByteRecord, row: &csv::ByteRecord, object: &Map<String, Value>) -> SkipReason {
    if row.len() == header.len() {
        return fields::not_a_call(object, SkipReason::RowNotACall);
    }
    let cells = |n: usize| if n == 1 { "1 cell".to_string() } else { format!("{n} cells") };
    // A quote that is never closed swallows the lines after it into one cell: say so, or those
    // lines would vanish without a word.
    let spans_lines = row.iter().any(|cell| cell.contains(&b'\n'));
    let note = if spans_lines { "; a quoted cell runs over several lines (a quote not closed?)" } else { "" };
    SkipReason::BadCsvRow(format!(
        "{} where the header names {}, and no HTTP status{note}",
        cells(row.len()),
        header.len()
    ))
}
