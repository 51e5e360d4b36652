//! Ingest: bytes of a log file in, one [`Record`] per API call out, plus an account of every line
//! that was not a call.
//!
//! The format is detected from the content ([`detect`]); gzip is unwrapped first. Line formats
//! (NDJSON, text, CSV rows) report a skipped line with its number and reason; document formats
//! (JSON array, object holding calls, HAR) report skipped items by the line they start on, and a
//! document that cannot be read at all is an [`IngestError`] naming the file and position.

mod csv;
pub mod detect;
pub mod error_body;
pub mod fields;
mod har;
mod json;
mod line;
mod stream;
mod text;
pub mod time;

use crate::record::Record;
use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

pub use detect::Format;
pub use stream::{BLOCK_BYTES, Opened, ingest_file};

/// How much of each call to keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    /// Everything: headers and bodies (reading one call back, redaction, the email).
    Full,
    /// What the store needs (time, status, method, URL, error, request id, Retry-After): bodies
    /// are read for their error but not kept, which spares copying them for every call.
    Summary,
}

/// Decompressed input larger than this is refused: it protects the machine from gzip bombs.
pub const MAX_DECOMPRESSED_BYTES: u64 = 8 << 30;

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
}

/// The result of reading one file.
#[derive(Debug, Clone)]
pub struct Ingested {
    /// The format of the content (inside the gzip, if it was compressed).
    pub format: Format,
    /// Whether the file was gzip-compressed.
    pub gzip: bool,
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
    /// The gzip stream is damaged or truncated.
    #[error("{path}: damaged gzip data after {bytes_read} bytes: {source}")]
    Gzip {
        /// The input.
        path: PathBuf,
        /// Decompressed bytes read before the damage.
        bytes_read: u64,
        /// What the decoder said.
        source: std::io::Error,
    },
    /// The content is larger than errlens will hold.
    #[error("{path}: more than {limit_bytes} bytes after decompression; refusing to read further")]
    TooLarge {
        /// The input.
        path: PathBuf,
        /// The limit that was hit.
        limit_bytes: u64,
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

/// Reads a file from disk, unwrapping gzip, and parses it.
pub fn ingest_path(path: &Path, format: Option<Format>) -> Result<Ingested, IngestError> {
    let (bytes, gzip) = read_input(path)?;
    ingest_bytes(path, &bytes, format).map(|mut ingested| {
        ingested.gzip = gzip;
        ingested
    })
}

/// The bytes of a file, decompressed when they are gzip (by magic number, not by name).
pub fn read_input(path: &Path) -> Result<(Vec<u8>, bool), IngestError> {
    let io_error = |source| IngestError::Io { path: path.to_path_buf(), source };
    if path.is_dir() {
        let source = std::io::Error::new(std::io::ErrorKind::IsADirectory, "is a directory");
        return Err(io_error(source));
    }
    let raw = std::fs::read(path).map_err(io_error)?;
    if !raw.starts_with(&[0x1f, 0x8b]) {
        return Ok((raw, false));
    }
    let mut decoder = flate2::read::MultiGzDecoder::new(raw.as_slice()).take(MAX_DECOMPRESSED_BYTES + 1);
    let mut bytes = Vec::with_capacity(raw.len() * 8);
    if let Err(source) = decoder.read_to_end(&mut bytes) {
        return Err(IngestError::Gzip { path: path.to_path_buf(), bytes_read: bytes.len() as u64, source });
    }
    if bytes.len() as u64 > MAX_DECOMPRESSED_BYTES {
        return Err(IngestError::TooLarge { path: path.to_path_buf(), limit_bytes: MAX_DECOMPRESSED_BYTES });
    }
    Ok((bytes, true))
}

/// Parses bytes already in memory; `path` only names the input in errors.
pub fn ingest_bytes(path: &Path, bytes: &[u8], format: Option<Format>) -> Result<Ingested, IngestError> {
    let bytes = content(bytes);
    let format = format.unwrap_or_else(|| detect::detect(bytes));
    let parsed = match format {
        Format::Ndjson => line::parse_lines(bytes, 1, 0, line::Mode::Ndjson, Detail::Full),
        Format::Text => line::parse_lines(bytes, 1, 0, line::Mode::Text, Detail::Full),
        Format::Csv => csv::parse(bytes, Detail::Full),
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
    Ok(Ingested { format, gzip: false, parsed })
}

/// Re-reads the one record whose text starts at `span` in `bytes`, the same way ingest read it.
/// `bytes` is the whole (decompressed) input, as for [`ingest_bytes`].
pub fn reread(bytes: &[u8], format: Format, span: crate::record::SourceSpan) -> Option<Record> {
    let bytes = content(bytes);
    let start = usize::try_from(span.offset).ok()?;
    let end = start.checked_add(usize::try_from(span.len).ok()?)?;
    let header = (format == Format::Csv).then(|| &bytes[..csv::header_len(bytes)]);
    reread_item(bytes.get(start..end)?, format, header, span)
}

/// Re-reads one record from its own text (a line, an array item, a HAR entry, or a CSV row with
/// its file's header row).
pub fn reread_item(
    text: &[u8],
    format: Format,
    csv_header: Option<&[u8]>,
    span: crate::record::SourceSpan,
) -> Option<Record> {
    let mut record = match format {
        Format::Ndjson => line::parse_one(text, line::Mode::Ndjson, Detail::Full).ok()?,
        Format::Text => line::parse_one(text, line::Mode::Text, Detail::Full).ok()?,
        Format::Csv => csv::row_with_header(csv_header?, text)?,
        Format::Json | Format::Har => json::parse_item(text, format, Detail::Full)?,
    };
    record.source = span;
    Some(record)
}

/// The length of a CSV file's header row, line end included.
pub fn csv_header_len(content: &[u8]) -> usize {
    csv::header_len(content)
}

/// The format of a whole input (as read by [`read_input`]), detected from its content.
pub fn detect_input(bytes: &[u8]) -> Format {
    detect::detect(content(bytes))
}

/// The content of an input without its UTF-8 byte order mark: spans count from here.
fn content(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
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
