//! A block's calls handed on in parts, each parsed only when the consumer asks for it.
//!
//! A block of text lines (1 MiB) holds some 5,000 calls. Parsed all at once, their records
//! (330 bytes each, with their strings) are all alive before the first is turned into a row;
//! parsed 64 KiB at a time, each part's records are read while they are still in the caches and
//! freed before the next part is made, so the allocator hands the same memory back. On the
//! 64 MiB uvicorn log the summary's peak memory fell from 95 to 79 MB, at the same instruction
//! count; smaller blocks instead (a task and a merge each) made the summary slower.

use super::line::{self, DefinedLines, Mode};
use super::{Detail, Parsed};
use crate::record::{Record, SourceSpan};

/// Bytes of lines parsed at a time, at least (a part ends at the end of a line).
pub const PART_BYTES: usize = 64 << 10;

thread_local! {
    /// The vector of a part whose records were turned into rows, emptied, for the next part of
    /// this thread (see [`give_back_records`]): a fresh one cost page faults and copies as it grew.
    static SPARE_RECORDS: std::cell::Cell<Vec<Record>> = const { std::cell::Cell::new(Vec::new()) };
}

/// Takes back a part's records once they are rows, their vector for the next part read on this
/// thread. (A document's records, handed on whole, may be many: a vector of more than
/// [`MAX_SPARE_RECORDS`] is freed rather than held by the thread.)
pub fn give_back_records(mut records: Vec<Record>) {
    if records.capacity() <= MAX_SPARE_RECORDS {
        records.clear();
        SPARE_RECORDS.set(records);
    }
}

/// This thread's spare vector for a block's records (empty, with the room the last part or
/// block's records left), for a reader that reads a whole block ([`super::group`]).
pub fn spare_records() -> Vec<Record> {
    SPARE_RECORDS.take()
}

/// Records a kept vector has room for at most (a part of short lines holds a few thousand, some
/// 330 bytes each).
const MAX_SPARE_RECORDS: usize = 16_384;

/// Where [`Parts::for_each_call`] hands each call (a closure takes them one by one).
pub trait CallSink {
    /// A call read.
    fn call(&mut self, record: &Record);

    /// Whether it knows rows by the captures of their lines ([`CallSink::repeat`]): while it
    /// does, lines of a defined format are read with their captures as a key, for a summary.
    fn keyed(&self) -> bool {
        false
    }

    /// Takes the row of a call whose line's captures (all but its time) are `key` with this
    /// line's `source` and `time_ms`, if it has taken a line with the same ones: `false` when not.
    fn repeat(&mut self, _key: &[u8], _source: SourceSpan, _time_ms: Option<i64>) -> bool {
        false
    }

    /// A call read from a line whose captures are `key` ([`CallSink::repeat`] did not know it).
    fn first(&mut self, _key: &[u8], record: &Record) {
        self.call(record);
    }

    /// Takes the row of the call of a line of a timeless format ([`LineFormat::timeless`]) that
    /// is this `line` word for word, with its `source`, if it remembers one (`Some(true)`): its
    /// search and key are then not made at all. `None` once it remembers no lines whole: it is
    /// not asked again for the part.
    ///
    /// [`LineFormat::timeless`]: super::formats::LineFormat::timeless
    fn repeat_line(&mut self, _line: &[u8], _source: SourceSpan) -> Option<bool> {
        None
    }

    /// After [`CallSink::repeat`] or [`CallSink::first`] took the call of a timeless format's
    /// `line`: its row may be remembered by the line for [`CallSink::repeat_line`].
    fn remember_line(&mut self, _line: &[u8]) {}
}

impl<F: FnMut(&Record)> CallSink for F {
    fn call(&mut self, record: &Record) {
        self(record);
    }
}

/// The parts of a block, as [`Parsed`]s in input order.
pub struct Parts<'a>(Inner<'a>);

enum Inner<'a> {
    /// Records read already (a document): handed on whole.
    Parsed(Option<Parsed>),
    /// Parts read as they are asked for ([`read_in_parts`]).
    Pieces(Box<dyn Iterator<Item = Parsed> + 'a>),
    /// Lines of a defined format whose calls are each one line, not read yet: read part by part
    /// when iterated, or call by call by [`Parts::for_each_call`].
    Defined(DefinedLines<'a>),
    /// Taken while a [`Inner::Defined`] becomes its pieces.
    Gone,
}

/// The lines of `chunk`, which starts at physical line `first_line` and content byte `offset`,
/// read by `read` (a part, its first line, its offset, where its records go; it returns the
/// number of the line after the part, having cut its lines) [`PART_BYTES`] at a time, each part
/// cut after a line end. A part is given room at once for as many records as the last one held
/// (growing a vector of records copies them).
pub fn read_in_parts<'a>(
    chunk: &'a [u8],
    first_line: u64,
    offset: u64,
    mut read: impl FnMut(&'a [u8], u64, u64, &mut Parsed) -> u64 + 'a,
) -> impl Iterator<Item = Parsed> + 'a {
    let (mut rest, mut line, mut offset, mut room, mut skipped_room) = (chunk, first_line, offset, 0, 0);
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = match rest.get(PART_BYTES..).and_then(|after| memchr::memchr(b'\n', after)) {
            Some(newline) => PART_BYTES + newline + 1,
            None => rest.len(),
        };
        let (part, after) = rest.split_at(end);
        let mut records = SPARE_RECORDS.take();
        records.reserve(room);
        // The lines skipped have room as the last part's had, not grown a push at a time (in a
        // log of comments and other lines, most lines).
        let skipped = Vec::with_capacity(skipped_room);
        let mut parsed = Parsed { records, skipped, ..Parsed::default() };
        let next_line = read(part, line, offset, &mut parsed);
        room = parsed.records.len() + parsed.records.len() / 8;
        skipped_room = parsed.skipped.len() + parsed.skipped.len() / 8;
        line = next_line;
        offset += end as u64;
        rest = after;
        Some(parsed)
    })
}

/// Adds what `part` held besides its calls to `rest`, and gives its records back.
fn keep_rest(rest: &mut Parsed, part: Parsed) {
    if rest.skipped.is_empty() {
        // The first part's are taken as they are, not copied.
        rest.skipped = part.skipped;
    } else {
        rest.skipped.extend(part.skipped);
    }
    rest.repaired += part.repaired;
    rest.belonging += part.belonging;
    give_back_records(part.records);
}

/// Its parts, each read whole as [`line::parse_lines_into`] reads it.
fn pieces_of(lines: DefinedLines<'_>) -> impl Iterator<Item = Parsed> + '_ {
    let DefinedLines { chunk, first_line, offset, id, detail, max_line_bytes } = lines;
    read_in_parts(chunk, first_line, offset, move |part, line, offset, parsed| {
        line::parse_lines_into(parsed, part, line, offset, Mode::Defined(id), detail, max_line_bytes)
    })
}

impl<'a> Parts<'a> {
    /// The lines of `chunk`, which starts at physical line `first_line` and byte `offset`, parsed
    /// part by part. A format whose calls span lines is parsed whole: a part may not cut a call.
    pub fn lines(
        chunk: &'a [u8],
        first_line: u64,
        offset: u64,
        mode: Mode,
        detail: Detail,
        max_line_bytes: u64,
    ) -> Self {
        if let Mode::Defined(id) = mode {
            if id.def().spans_lines() {
                return Self::whole(line::parse_lines(chunk, first_line, offset, mode, detail, max_line_bytes));
            }
            return Self(Inner::Defined(DefinedLines { chunk, first_line, offset, id, detail, max_line_bytes }));
        }
        Self::pieces(read_in_parts(chunk, first_line, offset, move |part, line, offset, parsed| {
            line::parse_lines_into(parsed, part, line, offset, mode, detail, max_line_bytes)
        }))
    }

    /// Records parsed already, as one part.
    pub fn whole(parsed: Parsed) -> Self {
        Self(Inner::Parsed(Some(parsed)))
    }

    /// The pieces `pieces` reads, in order.
    pub fn pieces(pieces: impl Iterator<Item = Parsed> + 'a) -> Self {
        Self(Inner::Pieces(Box::new(pieces)))
    }

    /// Every call of every part handed to `sink`, in input order; returned, what was not a
    /// call (the skipped lines and the counts). A part's records are given back once handed on
    /// ([`give_back_records`]); the lines of a defined format are read call by call, into one
    /// record reused from line to line ([`DefinedLines::visit`]), and their parts hold none.
    pub fn for_each_call(self, sink: &mut dyn CallSink) -> Parsed {
        let mut rest = Parsed::default();
        if let Inner::Defined(lines) = self.0 {
            // Cut into parts as the pieces are: a part's UTF-8 is checked at once.
            let pieces =
                read_in_parts(lines.chunk, lines.first_line, lines.offset, |chunk, first_line, offset, parsed| {
                    DefinedLines { chunk, first_line, offset, ..lines }.visit(parsed, &mut *sink)
                });
            for part in pieces {
                keep_rest(&mut rest, part);
            }
            return rest;
        }
        for part in self {
            for record in &part.records {
                sink.call(record);
            }
            keep_rest(&mut rest, part);
        }
        rest
    }

    /// Every part, joined.
    pub fn joined(self) -> Parsed {
        let mut all = Parsed::default();
        for part in self {
            all.records.extend(part.records);
            all.skipped.extend(part.skipped);
            all.repaired += part.repaired;
            all.belonging += part.belonging;
        }
        all
    }
}

impl Iterator for Parts<'_> {
    type Item = Parsed;

    fn next(&mut self) -> Option<Parsed> {
        if let Inner::Defined(_) = self.0 {
            let Inner::Defined(lines) = std::mem::replace(&mut self.0, Inner::Gone) else { unreachable!() };
            self.0 = Inner::Pieces(Box::new(pieces_of(lines)));
        }
        match &mut self.0 {
            Inner::Parsed(parsed) => parsed.take(),
            Inner::Pieces(pieces) => pieces.next(),
            Inner::Defined(_) | Inner::Gone => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_read_what_the_whole_block_reads_with_the_same_lines_and_offsets() {
        // Calls, blank lines, lines that are not calls and CRLF endings across many parts.
        let mut text = String::new();
        for n in 0..6_000 {
            match n % 4 {
                0 => text.push_str(&format!(
                    "203.0.113.{} - - [10/Oct/2026:13:55:36 -0700] \"GET /v1/contacts/{n} HTTP/1.1\" 404 12\r\n",
                    n % 250
                )),
                1 => text.push('\n'),
                2 => text.push_str("just a line that says nothing of a call\n"),
                _ => text.push_str(&format!("{{\"status\": 500, \"method\": \"POST\", \"url\": \"/v1/x/{n}\"}}\n")),
            }
        }
        let bytes = text.as_bytes();
        assert!(bytes.len() > 3 * PART_BYTES, "several parts");
        let mode = Mode::of(super::super::detect::detect(bytes));
        let whole = line::parse_lines(&bytes[5..], 3, 5, mode, Detail::Full, 4096);
        let parts: Vec<Parsed> = Parts::lines(&bytes[5..], 3, 5, mode, Detail::Full, 4096).collect();
        assert!(parts.len() > 3, "{} parts", parts.len());
        let joined = Parts::lines(&bytes[5..], 3, 5, mode, Detail::Full, 4096).joined();
        assert_eq!(joined.records.len(), whole.records.len());
        assert!(joined.records.iter().zip(&whole.records).all(|(a, b)| a.source == b.source && a.url == b.url));
        assert_eq!(joined.skipped, whole.skipped);
        assert_eq!(joined.records.len() + joined.skipped.len(), 4_500);
    }

    /// The calls handed on one by one, from a record reused from line to line, are those the
    /// parts hold, with the same skipped lines and counts: for every defined format whose calls
    /// are each one line, over lines of every definition's sample (each read by its own
    /// definition, the generic reader or not at all), lines without the fields of the line
    /// before (which a reused record must not keep), JSON, bytes that are not UTF-8, a line over
    /// the limit and blank lines, across several parts; and over the real logs of such formats.
    #[test]
    fn calls_visited_one_by_one_are_the_calls_the_parts_hold() {
        let registry = super::super::formats::registry();
        let shapes: Vec<Vec<u8>> = registry
            .ids()
            .map(|(_, format)| format.sample.as_bytes().to_vec())
            .chain(
                [
                    "requests.exceptions.ConnectionError: HTTPSConnectionPool(host='api.example.com', port=443): Max retries exceeded with url: /v1/contacts (Caused by NewConnectionError)",
                    "requests.exceptions.HTTPError: 503 Server Error: Service Unavailable for url: https://api.example.com/v1/contacts",
                    r#"{"status": 503, "method": "POST", "url": "/v1/x"}"#,
                    // A request line the server could not read: a call with a message.
                    r#"203.0.113.9 - - [10/Oct/2026:13:55:36 -0700] "\x16\x03\x01" 400 157 "-" "-""#,
                    "\tINFO:     192.0.2.1:51234 - \"POST /v1/contacts HTTP/1.1\" 500 Internal Server Error",
                    "",
                ]
                .map(|line| line.as_bytes().to_vec()),
            )
            .chain([format!("GET /{} HTTP/1.1\" 500", "x".repeat(5000)).into_bytes()])
            .collect();
        // Bytes that are not UTF-8 in the first part only: a part that holds some has every
        // line's text checked on its own.
        let mut text = b"GET /caf\xe9 HTTP/1.1\" 500 12\n".to_vec();
        for turn in 0..60 {
            for (at, shape) in shapes.iter().enumerate() {
                // The shapes in another order each turn, so that each comes after each.
                text.extend_from_slice(&shapes[(at * (turn + 1) + turn) % shapes.len()]);
                text.extend_from_slice(if at % 7 == 0 { b"\r\n" } else { b"\n" });
                text.extend_from_slice(shape);
                text.push(b'\n');
            }
        }
        assert!(text.len() > 3 * PART_BYTES, "several parts");
        let same = |bytes: &[u8], id: super::super::formats::LineFormatId, label: &str| {
            let mode = Mode::Defined(id);
            let mut visited = Vec::new();
            let rest = Parts::lines(bytes, 3, 5, mode, Detail::Summary, 4096)
                .for_each_call(&mut |record: &Record| visited.push(record.clone()));
            let held = Parts::lines(bytes, 3, 5, mode, Detail::Summary, 4096).joined();
            assert!(visited == held.records, "{label}: the calls differ");
            assert_eq!(rest.skipped, held.skipped, "{label}");
            assert_eq!((rest.repaired, rest.belonging), (held.repaired, held.belonging), "{label}");
            held.records.len()
        };
        let mut calls = 0;
        for (id, format) in registry.ids().filter(|(_, format)| !format.spans_lines()) {
            calls += same(&text, id, format.name);
        }
        assert!(calls > 10_000, "{calls} calls compared");
        let real = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/real-logs");
        for path in std::fs::read_dir(real).into_iter().flatten().flatten().map(|entry| entry.path()) {
            let Ok(bytes) = std::fs::read(&path) else { continue };
            if let super::super::Format::Line(id) = super::super::detect::detect(&bytes)
                && !id.def().spans_lines()
            {
                same(&bytes, id, &path.display().to_string());
            }
        }
    }

    #[test]
    fn a_part_read_after_records_were_given_back_holds_its_own_only() {
        let line = "203.0.113.9 - - [10/Oct/2026:13:55:36 -0700] \"GET /v1/contacts/1 HTTP/1.1\" 404 12\n";
        let mode = Mode::of(super::super::detect::detect(line.as_bytes()));
        let stale = Record { url: Some("/stale".into()), ..Record::default() };
        give_back_records(vec![stale.clone(), stale]);
        let parts: Vec<Parsed> = Parts::lines(line.as_bytes(), 1, 0, mode, Detail::Summary, 4096).collect();
        let urls: Vec<_> = parts.iter().flat_map(|part| &part.records).map(|record| record.url.as_deref()).collect();
        assert_eq!(urls, [Some("/v1/contacts/1")]);
    }
}
