//! Ingest: bytes of a log file in, one [`Record`] per API call out, plus an account of every line
//! that was not a call.
//!
//! The format is detected from the content ([`detect`]); gzip is unwrapped first. Line formats
//! (NDJSON, text, CSV rows) report a skipped line with its number and reason; document formats
//! (JSON array, object holding calls, HAR) report skipped items by the line they start on, and a
//! document that cannot be read at all is an [`IngestError`] naming the file and position.
//!
//! **Lines.** A line ends at LF; the CR of a CRLF is dropped, and a lone CR does not end a line
//! (old Mac endings are not read). A line is *blank* when every byte of it is ASCII whitespace
//! (space, tab, CR, form feed); any other byte makes it non-blank — a NUL, a vertical tab, a
//! non-breaking space, bytes that are not UTF-8. A UTF-8 byte order mark that starts the file is
//! not content (spans count from after it); one that starts a later line (files joined with
//! `cat`) is skipped over when the line is read, but the line still counts. For NDJSON and
//! text, every non-blank line is either a record or a skipped line with its reason:
//! records + skipped = non-blank lines, whatever the bytes are. Text is read as UTF-8 with
//! invalid bytes replaced by U+FFFD; in NDJSON, a line with invalid UTF-8 inside a JSON string is
//! invalid JSON and skipped as such.
//!
//! **Limits.** [`IngestLimits`] bounds the content of a file, the size of one line or row and
//! ([`MAX_JSON_DEPTH`]) the nesting of JSON; see [`limits`] for the values and what happens when
//! one is hit.

mod csv;
pub mod dead_end;
pub mod detect;
pub mod encoding;
pub mod error_body;
pub mod fields;
pub mod formats;
mod group;
mod har;
mod input;
mod json;
mod json_value;
pub mod limits;
mod line;
mod logfmt;
mod parts;
pub(crate) mod scan;
mod sparse;
mod stream;
mod table;
mod text;
pub mod time;
mod w3c;

use crate::record::Record;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};

pub use detect::Format;
pub use parts::{CallSink, Parts, give_back_records};
pub use stream::{BLOCK_BYTES, Blocks, Opened, ReadOptions, ingest_file};

/// How much of each call to keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    /// Everything: headers and bodies (reading one call back, redaction, the email).
    Full,
    /// What the store keeps (time, status, method, URL, host, error, Retry-After): bodies are read
    /// for their error but not kept, which spares copying them for every call; the request id and
    /// duration are read with the call when it is opened.
    Summary,
}

use limits::human_bytes;
pub use limits::{IngestLimits, MAX_JSON_DEPTH};

/// Why a line or item did not become a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkipReason {
    /// The line is not JSON and carries no HTTP request or status.
    NoApiCall,
    /// The line starts like JSON but ends before the value does.
    TruncatedJson,
    /// The line starts like JSON but is not valid JSON.
    InvalidJson(String),
    /// Valid JSON, but not an object that describes a call (no HTTP status found).
    JsonNotACall,
    /// A CSV row that names no HTTP status.
    RowNotACall,
    /// A CSV row that could not be read.
    BadCsvRow(String),
    /// A TCP connection or other non-HTTP entry in an access log.
    NotHttp,
    /// A status field holds something that is not an HTTP status (shown as JSON, clipped).
    BadStatus(String),
    /// JSON nested deeper than [`MAX_JSON_DEPTH`]; it was not read.
    TooDeep,
    /// A W3C directive (`#Fields:`, `#Software:`, ...): it describes the rows, it is not one.
    Directive,
    /// A request whose response the log never gives (or a line that continued it).
    RequestWithoutResponse,
    /// A W3C row with no `#Fields:` line in effect (none before it, or the last one too long to
    /// read): its columns have no names.
    NoFieldsYet,
    /// A W3C row with more or fewer values than its `#Fields:` line names.
    ColumnCount {
        /// Values in the row.
        found: usize,
        /// Fields named.
        expected: usize,
    },
    /// A line or row longer than [`IngestLimits::max_line_bytes`]; it was not read.
    TooLong {
        /// Its length in bytes.
        bytes: u64,
        /// The limit it is over.
        limit: u64,
    },
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoApiCall => write!(f, "not JSON and no HTTP request or status in the text"),
            Self::TruncatedJson => write!(f, "truncated JSON (the line ends inside the value)"),
            Self::InvalidJson(why) => write!(f, "invalid JSON: {why}"),
            Self::JsonNotACall => write!(f, "JSON but not an API call (no HTTP status found)"),
            Self::RowNotACall => write!(f, "CSV row without an HTTP status (not an API call)"),
            Self::BadCsvRow(why) => write!(f, "unreadable CSV row: {why}"),
            Self::NotHttp => write!(f, "not an HTTP call (TCP connection entry)"),
            Self::BadStatus(value) => write!(f, "the status {value} is not an HTTP status code"),
            Self::TooDeep => write!(f, "JSON nested deeper than {MAX_JSON_DEPTH} levels, the most errlens reads"),
            Self::Directive => write!(f, "a W3C directive line (#Fields, #Software, ...), not a call"),
            Self::RequestWithoutResponse => write!(f, "part of a request whose response the log does not give"),
            Self::NoFieldsYet => {
                write!(f, "a row with no #Fields: line naming its columns (none before it, or one too long to read)")
            }
            Self::ColumnCount { found, expected } => {
                write!(f, "{found} values where the #Fields: line names {expected}")
            }
            Self::TooLong { bytes, limit } => write!(
                f,
                "{} long, over the {} errlens reads as one line or row; not read",
                human_bytes(*bytes),
                human_bytes(*limit)
            ),
        }
    }
}

/// A line (or array item, or CSV row) that did not become a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// 1-based physical line where it starts.
    pub line: u64,
    /// Why it was skipped.
    pub reason: SkipReason,
}

/// Everything read from one input.
#[derive(Debug, Clone, Default)]
pub struct Parsed {
    /// One record per API call, in input order.
    pub records: Vec<Record>,
    /// Every non-blank line, item or row that was not a call.
    pub skipped: Vec<Skipped>,
    /// Calls read from lines with bytes that are not UTF-8, read as Windows-1252.
    pub repaired: u64,
    /// Lines that belong to a call of the line before them (a stack trace's frames, a logged
    /// response's headers and body): records + skipped + belonging = non-blank lines.
    pub belonging: u64,
}

/// The result of reading one file.
#[derive(Debug, Clone)]
pub struct Ingested {
    /// The format of the content (inside the gzip, if it was compressed).
    pub format: Format,
    /// Whether the file was gzip-compressed.
    pub gzip: bool,
    /// The encoding of its text (read as UTF-8 after turning it into that).
    pub encoding: encoding::Encoding,
    /// Records and skipped lines.
    pub parsed: Parsed,
}

/// A file that could not be read at all.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// The file could not be opened or read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The input.
        path: PathBuf,
        /// What the OS said.
        source: std::io::Error,
    },
    /// Not a file that can be read to its end (a device, a socket).
    #[error("cannot read {path}: it is {what}, not a file")]
    NotAFile {
        /// The input.
        path: PathBuf,
        /// What it is.
        what: &'static str,
    },
    /// The gzip stream is damaged or truncated.
    #[error(
        "{path}: the gzip data is damaged or cut off (a truncated download?) after {} of content: \
         {source}; nothing of this file was read",
        human_bytes(*bytes_read)
    )]
    Gzip {
        /// The input.
        path: PathBuf,
        /// Decompressed bytes read before the damage.
        bytes_read: u64,
        /// What the decoder said.
        source: std::io::Error,
    },
    /// Bytes that are not gzip follow the gzip data.
    #[error(
        "{path}: {bytes} bytes that are not gzip data follow the gzip data at byte {offset}; \
         refusing the file rather than dropping them (decompress it yourself to read the rest)"
    )]
    GzipTrailingData {
        /// The input.
        path: PathBuf,
        /// Where the other bytes start in the file.
        offset: u64,
        /// How many there are.
        bytes: u64,
    },
    /// The content is larger than errlens will hold ([`IngestLimits::max_content_bytes`]).
    #[error(
        "{path}: {} than {}, the most errlens reads from one file; nothing of it was read \
         (split it into smaller files)",
        if *gzip { "the gzip data expands to more" } else { "larger" },
        human_bytes(*limit_bytes)
    )]
    TooLarge {
        /// The input.
        path: PathBuf,
        /// The limit that was hit.
        limit_bytes: u64,
        /// Whether the limit was hit while decompressing (a gzip bomb looks like this).
        gzip: bool,
    },
    /// The memory to hold the content could not be had.
    #[error("{path}: not enough memory to hold {} of content", human_bytes(*bytes))]
    OutOfMemory {
        /// The input.
        path: PathBuf,
        /// How much was wanted.
        bytes: u64,
    },
    /// A Parquet or Arrow IPC file that cannot be read as a table.
    #[error("{path}: cannot read the {format} file: {reason}; nothing of this file was read")]
    Table {
        /// The input.
        path: PathBuf,
        /// The format it was read as.
        format: Format,
        /// What the table reader said.
        reason: String,
    },
    /// A JSON or HAR document that cannot be parsed as a whole.
    #[error("{path}:{line}:{column}: cannot read the {format} document: {reason}")]
    Document {
        /// The input.
        path: PathBuf,
        /// The format it was read as.
        format: Format,
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column of the problem.
        column: usize,
        /// What is wrong.
        reason: String,
    },
}

/// Reads a file from disk, unwrapping gzip, and parses it, within the default limits.
pub fn ingest_path(path: &Path, format: Option<Format>) -> Result<Ingested, IngestError> {
    let limits = IngestLimits::default();
    let (bytes, gzip, encoding) = input::read(path, &limits)?;
    ingest_bytes_with_limits(path, &bytes, format, &limits).map(|mut ingested| {
        ingested.gzip = gzip;
        ingested.encoding = encoding;
        ingested
    })
}

/// The text of a file as UTF-8, decompressed when it is gzip (by magic number, not by name) and
/// turned into UTF-8 when it is UTF-16 or UTF-32, within the default limits.
pub fn read_input(path: &Path) -> Result<(Vec<u8>, bool), IngestError> {
    read_input_with_limits(path, &IngestLimits::default())
}

/// [`read_input`] with explicit limits: content over [`IngestLimits::max_content_bytes`] (before
/// or after decompression) is an [`IngestError::TooLarge`].
pub fn read_input_with_limits(path: &Path, limits: &IngestLimits) -> Result<(Vec<u8>, bool), IngestError> {
    input::read(path, limits).map(|(bytes, gzip, _)| (bytes, gzip))
}

/// Parses bytes already in memory; `path` only names the input in errors.
pub fn ingest_bytes(path: &Path, bytes: &[u8], format: Option<Format>) -> Result<Ingested, IngestError> {
    ingest_bytes_with_limits(path, bytes, format, &IngestLimits::default())
}

/// [`ingest_bytes`] with explicit limits: lines and rows over [`IngestLimits::max_line_bytes`] are
/// skipped unread.
pub fn ingest_bytes_with_limits(
    path: &Path,
    bytes: &[u8],
    format: Option<Format>,
    limits: &IngestLimits,
) -> Result<Ingested, IngestError> {
    let (decoded, encoding) = decoded(bytes);
    let bytes = content(&decoded);
    let format = format.unwrap_or_else(|| detect::detect(bytes));
    let parsed = match format {
        Format::Ndjson | Format::Text | Format::Logfmt | Format::Line(_) => {
            line::parse_lines(bytes, 1, 0, line::Mode::of(format), Detail::Full, limits.max_line_bytes)
        }
        Format::Parquet | Format::ArrowIpc => {
            let text = table_text(path, bytes, format, limits)?;
            line::parse_lines(&text, 1, 0, line::Mode::of(format), Detail::Full, limits.max_line_bytes)
        }
        Format::Csv => csv::parse(bytes, Detail::Full, limits.max_line_bytes),
        Format::W3c => w3c::parse(bytes, Detail::Full, limits.max_line_bytes),
        Format::Json | Format::Har => {
            json::parse(bytes, format, Detail::Full).map_err(|problem| IngestError::Document {
                path: path.to_path_buf(),
                format,
                line: problem.line,
                column: problem.column,
                reason: problem.reason,
            })?
        }
    };
    Ok(Ingested { format, gzip: false, encoding, parsed })
}

/// The rows of a Parquet or Arrow IPC file as NDJSON text, one line a row: what errlens reads
/// and reads calls back from (spans count in it), within the limit of one file's content.
pub fn table_text(path: &Path, bytes: &[u8], format: Format, limits: &IngestLimits) -> Result<Vec<u8>, IngestError> {
    table::to_ndjson(bytes, format, limits.max_content_bytes).map_err(|error| match error {
        table::TableError::TooLarge => {
            IngestError::TooLarge { path: path.to_path_buf(), limit_bytes: limits.max_content_bytes, gzip: false }
        }
        table::TableError::Unreadable(reason) => IngestError::Table { path: path.to_path_buf(), format, reason },
    })
}

/// Bytes as UTF-8 text: UTF-16 and UTF-32 turned into it, anything else as it is.
pub fn decoded(bytes: &[u8]) -> (std::borrow::Cow<'_, [u8]>, encoding::Encoding) {
    match encoding::sniff(bytes) {
        encoding::Encoding::Utf8 => (std::borrow::Cow::Borrowed(bytes), encoding::Encoding::Utf8),
        other => (std::borrow::Cow::Owned(encoding::to_utf8(bytes, other)), other),
    }
}

/// Parses bytes in memory in blocks of about `chunk_bytes`, cut where the block reader cuts
/// them, calling `on_chunk` with each block's result and the bytes done; documents are one block.
/// Tests and the fuzzer use small blocks to check that a cut never splits or drops a record.
pub fn ingest_in_chunks_with_limits(
    path: &Path,
    bytes: &[u8],
    format: Option<Format>,
    chunk_bytes: usize,
    limits: &IngestLimits,
    mut on_chunk: impl FnMut(Parsed, u64) -> bool,
) -> Result<Format, IngestError> {
    let (decoded, _) = decoded(bytes);
    let bytes = &decoded[..];
    let text = content(bytes);
    let format = format.unwrap_or_else(|| detect::detect(text));
    if !format.is_line_based() {
        let ingested = ingest_bytes_with_limits(path, bytes, Some(format), limits)?;
        on_chunk(ingested.parsed, bytes.len() as u64);
        return Ok(format);
    }
    let mode = line::Mode::of(format);
    let skipped_prefix = (bytes.len() - text.len()) as u64;
    for (start, end, first_line) in stream::cut_blocks(text, chunk_bytes, stream::grouping_of(format)) {
        let parsed =
            line::parse_lines(&text[start..end], first_line, start as u64, mode, Detail::Full, limits.max_line_bytes);
        if !on_chunk(parsed, end as u64 + skipped_prefix) {
            break;
        }
    }
    Ok(format)
}

/// The calls of the line-format content `text` as the loaders hand them to the store, one by
/// one ([`Parts::for_each_call`]), with what was not a call; and as its parts hold them
/// ([`Parts::joined`]). The fuzzer holds the two to the same answer.
pub fn calls_visited_and_held(
    text: &[u8],
    format: Format,
    detail: Detail,
    max_line_bytes: u64,
) -> (Vec<Record>, Parsed, Parsed) {
    let mut visited = Vec::new();
    let rest = parts_of(text, format, detail, max_line_bytes)
        .for_each_call(&mut |record: &Record| visited.push(record.clone()));
    (visited, rest, parts_of(text, format, detail, max_line_bytes).joined())
}

/// The parts of the line-format content `text` (a whole file's), as the loaders hand a block's on.
pub fn parts_of(text: &[u8], format: Format, detail: Detail, max_line_bytes: u64) -> Parts<'_> {
    Parts::lines(text, 1, 0, line::Mode::of(format), detail, max_line_bytes)
}

/// Re-reads the one record whose text starts at `span` in `bytes`, the same way ingest read it.
/// `bytes` is the whole (decompressed) input, as for [`ingest_bytes`].
pub fn reread(bytes: &[u8], format: Format, span: crate::record::SourceSpan) -> Option<Record> {
    reread_with_limits(bytes, format, span, &IngestLimits::DEFAULT)
}

/// [`reread`] of a record read with `limits` (as [`ingest_bytes_with_limits`] reads).
pub fn reread_with_limits(
    bytes: &[u8],
    format: Format,
    span: crate::record::SourceSpan,
    limits: &IngestLimits,
) -> Option<Record> {
    let (decoded, _) = decoded(bytes);
    let bytes = content(&decoded);
    let table;
    let bytes = if format.is_table() {
        table = table_text(Path::new(""), bytes, format, &IngestLimits::default()).ok()?;
        &table[..]
    } else {
        bytes
    };
    let start = usize::try_from(span.offset).ok()?;
    let end = start.checked_add(usize::try_from(span.len).ok()?)?;
    let headers = HeaderRows::of(format, bytes);
    reread_item_within(bytes.get(start..end)?, format, headers.at(span.offset).as_deref(), span, limits.max_line_bytes)
}

/// Re-reads one record from its own text (a line, an array item, a HAR entry, or a CSV or W3C
/// row with the header row it was read with: see [`HeaderRows`]), read with the default limits.
pub fn reread_item(
    text: &[u8],
    format: Format,
    header: Option<&[u8]>,
    span: crate::record::SourceSpan,
) -> Option<Record> {
    reread_item_within(text, format, header, span, IngestLimits::DEFAULT.max_line_bytes)
}

/// [`reread_item`] of a record read with lines up to `max_line_bytes`: a call's lines are read
/// back as they were read (a line over the limit inside them is never a call's own line).
fn reread_item_within(
    text: &[u8],
    format: Format,
    header: Option<&[u8]>,
    span: crate::record::SourceSpan,
    max_line_bytes: u64,
) -> Option<Record> {
    let mut record = match format {
        // A call with the lines that continue it is read back with them.
        Format::Line(id) if id.def().spans_lines() => {
            line::parse_lines(text, span.line, span.offset, line::Mode::of(format), Detail::Full, max_line_bytes)
                .records
                .into_iter()
                .next()?
        }
        // A table's row is read back from its line of the table's text.
        Format::Ndjson | Format::Text | Format::Logfmt | Format::Line(_) | Format::Parquet | Format::ArrowIpc => {
            line::parse_one(text, line::Mode::of(format), Detail::Full).ok()?
        }
        Format::Csv => csv::row_with_header(header?, text)?,
        Format::W3c => {
            let row = String::from_utf8_lossy(text);
            w3c::read_row(&String::from_utf8_lossy(header?), &row, Detail::Full).ok()?
        }
        Format::Json | Format::Har => json::parse_item(text, format, Detail::Full)?,
    };
    record.source = span;
    Some(record)
}

/// Reads one line (NDJSON, text) or one item (JSON array item, HAR entry) in the given detail,
/// as ingest reads it; `None` for CSV, whose rows need their header. The fuzzer checks with it
/// that a summary read accepts, rejects and describes a call exactly as the full read does.
pub fn read_one(text: &[u8], format: Format, detail: Detail) -> Option<Result<Record, SkipReason>> {
    match format {
        Format::Ndjson | Format::Text | Format::Logfmt | Format::Line(_) | Format::Parquet | Format::ArrowIpc => {
            Some(line::parse_one(text, line::Mode::of(format), detail))
        }
        Format::Json | Format::Har => Some(json::read_item(text, format, detail)),
        Format::Csv | Format::W3c => None,
    }
}

/// The one call `read` pushes, for callers that want it returned (a call read back, a format
/// detected): the readers push their call where it stays, and nothing when there is none.
fn one_call(read: impl FnOnce(&mut Vec<Record>) -> Result<(), SkipReason>) -> Result<Record, SkipReason> {
    let mut records = Vec::with_capacity(1);
    read(&mut records)?;
    Ok(records.pop().expect("a call read is pushed"))
}

/// The header rows that rows of a file are read with: a CSV file's header row, a W3C log's
/// `#Fields:` lines (each in effect from its offset on). A row read back needs its own.
///
/// A streamed W3C log finds its `#Fields:` lines as it is read: clones share the rows found so
/// far, so a row read back while the file loads finds its own (its block was read before it).
#[derive(Debug, Clone, Default)]
pub struct HeaderRows(Arc<RwLock<Vec<HeaderRow>>>);

/// A header row and the content offset it is in effect from.
type HeaderRow = (u64, Arc<[u8]>);

impl HeaderRows {
    /// The header rows of `content` (without a byte order mark), read as `format`.
    pub fn of(format: Format, content: &[u8]) -> Self {
        let rows = match format {
            Format::Csv => vec![(0, content[..csv::header_len(content)].to_vec())],
            Format::W3c => w3c::fields_lines(content),
            _ => Vec::new(),
        };
        let rows = rows.into_iter().map(|(offset, row)| (offset, row.into())).collect();
        Self(Arc::new(RwLock::new(rows)))
    }

    /// The header row in effect for a row at `offset`.
    pub fn at(&self, offset: u64) -> Option<Arc<[u8]>> {
        let rows = self.0.read().unwrap_or_else(std::sync::PoisonError::into_inner);
        let after = rows.partition_point(|(start, _)| *start <= offset);
        after.checked_sub(1).map(|at| Arc::clone(&rows[at].1))
    }

    /// Adds header rows found further on, after those known.
    pub(super) fn extend(&self, found: impl IntoIterator<Item = (u64, Vec<u8>)>) {
        let mut rows = self.0.write().unwrap_or_else(std::sync::PoisonError::into_inner);
        rows.extend(found.into_iter().map(|(offset, row)| (offset, row.into())));
    }
}

/// The format of a whole input (as read by [`read_input`]), detected from its content.
pub fn detect_input(bytes: &[u8]) -> Format {
    detect::detect(content(&decoded(bytes).0))
}

/// The content of an input without its UTF-8 byte order mark: spans count from here.
fn content(bytes: &[u8]) -> &[u8] {
    encoding::strip_utf8_bom(bytes)
}

/// 1-based line numbers of sorted byte offsets, counted in one pass.
pub(crate) fn line_numbers(bytes: &[u8], sorted_offsets: impl IntoIterator<Item = usize>) -> Vec<u64> {
    let mut line = 1u64;
    let mut counted_to = 0usize;
    sorted_offsets
        .into_iter()
        .map(|offset| {
            let offset = offset.min(bytes.len());
            line += memchr::memchr_iter(b'\n', &bytes[counted_to..offset]).count() as u64;
            counted_to = offset;
            line
        })
        .collect()
}

#[cfg(test)]
mod tests;
