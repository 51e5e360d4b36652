//! The store: every call of a session, one compact row each, column by column.
//!
//! A row keeps what grouping, charts and filters need (time, status, kind, endpoint, message
//! variant, source position) in 42 bytes (plus at most a quarter of growth room); repeated strings are interned. Bodies and headers
//! stay in the input and are read back with [`Store::record`] when someone opens a call: from the
//! file by offset, or from memory for gzip content (which cannot be read by offset).
//!
//! Loading is two steps: [`Rows::of`] classifies the records of a block and interns their
//! strings within the block (on the parsing threads), then [`Store::extend_file`] maps the
//! block's few distinct strings to the store's ids and appends the columns, in file order.

mod rows;

use crate::ingest::{self, Format, Ingested, Opened, Skipped};
use crate::knowledge::Knowledge;
use crate::record::{Record, SourceSpan};
pub use rows::Rows;
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::io::{Read, Seek, SeekFrom};
use std::path::PathBuf;
use std::sync::Arc;

/// A map keyed by strings from a log: every row looks up a few, so hashing them is hot. foldhash
/// is seeded at random per process like std's SipHash (a log cannot pick colliding keys in
/// advance) and several times faster on short keys.
type StringMap<V> = HashMap<String, V, foldhash::fast::RandomState>;

/// A table of distinct strings, each with a small id.
#[derive(Debug, Default, Clone)]
pub struct Interner {
    ids: StringMap<u32>,
    values: Vec<String>,
}

impl Interner {
    /// The id of `value`, adding it if new.
    pub fn intern(&mut self, value: &str) -> u32 {
        if let Some(&id) = self.ids.get(value) {
            return id;
        }
        let id = self.values.len() as u32;
        self.values.push(value.to_string());
        self.ids.insert(value.to_string(), id);
        id
    }

    /// The string of an id.
    pub fn get(&self, id: u32) -> &str {
        self.values.get(id as usize).map_or("", String::as_str)
    }

    /// The id of a string already interned.
    pub fn find(&self, value: &str) -> Option<u32> {
        self.ids.get(value).copied()
    }

    /// How many distinct strings.
    pub fn len(&self) -> usize {
        self.values.len()
    }

    /// Whether nothing was interned.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }
}

/// No value in a `u32` id column.
pub const NONE: u32 = u32::MAX;

/// One input of the session and what reading it gave.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path as given.
    pub path: PathBuf,
    /// Detected (or forced) format; `None` when the file could not be read.
    pub format: Option<Format>,
    /// Whether it was gzip.
    pub gzip: bool,
    /// Records read.
    pub records: usize,
    /// The first [`MAX_SKIPPED_KEPT`] lines, items or rows that were not calls, with reasons.
    pub skipped: Vec<Skipped>,
    /// How many lines, items or rows were not calls: also those past [`MAX_SKIPPED_KEPT`].
    pub skipped_count: usize,
    /// Why the file could not be read, if it could not.
    pub error: Option<String>,
    /// Where the content starts in the file (after a byte order mark); spans count from here.
    pub content_offset: u64,
    /// Content kept in memory (gzip, or given as bytes); otherwise records are read from the file.
    retained: Option<Arc<[u8]>>,
    /// A CSV file's header row, to read a row back.
    csv_header: Option<Vec<u8>>,
    /// Size and modification time when it was read, to tell that it changed on disk since.
    stamp: Option<(u64, std::time::SystemTime)>,
    /// Content bytes to read, as known when it was opened (to size the columns once).
    content_bytes: u64,
}

fn file_stamp(path: &std::path::Path) -> Option<(u64, std::time::SystemTime)> {
    let metadata = std::fs::metadata(path).ok()?;
    Some((metadata.len(), metadata.modified().ok()?))
}

impl SourceFile {
    /// Whether the file on disk is no longer what was read (calls are read back from it).
    pub fn changed_on_disk(&self) -> bool {
        self.retained.is_none() && self.stamp.is_some() && file_stamp(&self.path) != self.stamp
    }

    fn new(path: PathBuf) -> Self {
        Self {
            path,
            format: None,
            gzip: false,
            records: 0,
            skipped: Vec::new(),
            skipped_count: 0,
            error: None,
            content_offset: 0,
            retained: None,
            csv_header: None,
            stamp: None,
            content_bytes: 0,
        }
    }

    /// The bytes of one record's text.
    fn text(&self, span: SourceSpan) -> Option<Cow<'_, [u8]>> {
        let start = self.content_offset.checked_add(span.offset)?;
        let len = usize::try_from(span.len).ok()?;
        if let Some(bytes) = &self.retained {
            let start = usize::try_from(start).ok()?;
            return bytes.get(start..start.checked_add(len)?).map(Cow::Borrowed);
        }
        let mut file = std::fs::File::open(&self.path).ok()?;
        file.seek(SeekFrom::Start(start)).ok()?;
        let mut text = vec![0; len];
        file.read_exact(&mut text).ok()?;
        Some(Cow::Owned(text))
    }
}

/// How many rows of a file are read before its columns are sized for the whole file: the first
/// block alone is small (so a window's first counts come soon) and tells the density of calls to
/// within a few percent only.
const ESTIMATE_AFTER_ROWS: usize = 2_000;

/// How many skipped lines a file keeps with their reasons; the rest are only counted. A file of
/// garbage can have a skipped line every two bytes, and each costs 40 bytes or more to keep.
pub const MAX_SKIPPED_KEPT: usize = 10_000;

/// All rows of a session.
#[derive(Debug, Clone)]
pub struct Store {
    /// The knowledge used to classify.
    pub knowledge: Arc<Knowledge>,
    /// Inputs, in the order they were added.
    pub files: Vec<SourceFile>,
    /// Per row: index into `files`.
    pub file: Vec<u32>,
    /// Per row: 1-based line where it starts.
    pub line: Vec<u32>,
    /// Per row: byte offset of its text in the content.
    pub offset: Vec<u64>,
    /// Per row: length of its text in bytes.
    pub text_len: Vec<u32>,
    /// Per row: epoch milliseconds, `i64::MIN` when unknown.
    pub time_ms: Vec<i64>,
    /// Per row: HTTP status, 0 = no response.
    pub status: Vec<u16>,
    /// Per row: kind id (into `kinds`), [`NONE`] for successes.
    pub kind: Vec<u32>,
    /// Per row: endpoint template (into `endpoints`).
    pub endpoint: Vec<u32>,
    /// Per row: message variant (into `messages`), [`NONE`] when there is none.
    pub message: Vec<u32>,
    /// Kind ids.
    pub kinds: Interner,
    /// The vendor that explains each kind (by kind id), if any record of it went to a vendor.
    pub kind_vendor: HashMap<u32, usize>,
    /// Endpoint templates.
    pub endpoints: Interner,
    /// Message variants (personal values and ids replaced by placeholders).
    pub messages: Interner,
    /// Retry-After values seen per kind, with counts.
    pub retry_after: BTreeMap<u32, BTreeMap<String, usize>>,
}

/// Time value of a row without a time.
pub const NO_TIME: i64 = i64::MIN;

impl Store {
    /// An empty store that classifies with `knowledge`.
    pub fn new(knowledge: Arc<Knowledge>) -> Self {
        Self {
            knowledge,
            files: Vec::new(),
            file: Vec::new(),
            line: Vec::new(),
            offset: Vec::new(),
            text_len: Vec::new(),
            time_ms: Vec::new(),
            status: Vec::new(),
            kind: Vec::new(),
            endpoint: Vec::new(),
            message: Vec::new(),
            kinds: Interner::default(),
            kind_vendor: HashMap::new(),
            endpoints: Interner::default(),
            messages: Interner::default(),
            retry_after: BTreeMap::new(),
        }
    }

    /// Number of rows (calls).
    pub fn len(&self) -> usize {
        self.status.len()
    }

    /// Whether there are no rows.
    pub fn is_empty(&self) -> bool {
        self.status.is_empty()
    }

    /// Reads a file and adds its records, parsing on all cores; a file that cannot be read is
    /// kept with its error (see [`SourceFile::error`]), so the caller reports it once.
    pub fn load(&mut self, path: PathBuf, format: Option<Format>) {
        let knowledge = Arc::clone(&self.knowledge);
        let index = self.files.len();
        self.files.push(SourceFile::new(path.clone()));
        let options = ingest::ReadOptions { format, ..ingest::ReadOptions::default() };
        // The size is known when the file opens, before its blocks: the columns are sized from it.
        let content_bytes = std::cell::Cell::new(0);
        let result = ingest::ingest_file(
            &path,
            &options,
            |opened| content_bytes.set(opened.total_bytes),
            |parsed| Rows::of(parsed, &knowledge),
            |rows, _done| {
                self.files[index].content_bytes = content_bytes.get();
                self.extend_file(index, rows);
                true
            },
        );
        match result {
            Ok(opened) => self.open_file(index, &opened),
            Err(error) => self.fail_file(index, error.to_string()),
        }
    }

    /// Adds a file to be filled by [`Store::extend_file`]; returns its index.
    pub fn begin_file(&mut self, path: PathBuf, opened: &Opened) -> usize {
        self.files.push(SourceFile::new(path));
        let index = self.files.len() - 1;
        self.open_file(index, opened);
        index
    }

    fn open_file(&mut self, index: usize, opened: &Opened) {
        let file = &mut self.files[index];
        file.format = Some(opened.format);
        file.gzip = opened.gzip;
        file.content_offset = opened.content_offset;
        file.content_bytes = opened.total_bytes;
        file.retained = opened.retained.clone();
        file.csv_header = opened.csv_header.clone();
        file.stamp = file_stamp(&file.path);
    }

    /// Records a file that could not be read.
    pub fn add_failed(&mut self, path: PathBuf, error: String) {
        self.files.push(SourceFile::new(path));
        self.fail_file(self.files.len() - 1, error);
    }

    /// Marks a file unreadable; whatever it gave before the failure is dropped with it.
    pub fn fail_file(&mut self, index: usize, error: String) {
        let file = &mut self.files[index];
        file.format = None;
        file.error = Some(error);
        file.skipped.clear();
        file.skipped_count = 0;
        file.records = 0;
        let keep = self.file.iter().take_while(|&&f| f as usize != index).count();
        self.truncate(keep);
    }

    fn truncate(&mut self, rows: usize) {
        self.file.truncate(rows);
        self.line.truncate(rows);
        self.offset.truncate(rows);
        self.text_len.truncate(rows);
        self.time_ms.truncate(rows);
        self.status.truncate(rows);
        self.kind.truncate(rows);
        self.endpoint.truncate(rows);
        self.message.truncate(rows);
    }

    /// Adds what was read from bytes in memory (kept for reading records back).
    pub fn add(&mut self, path: PathBuf, ingested: Ingested, bytes: Arc<[u8]>) -> usize {
        let opened = Opened {
            format: ingested.format,
            gzip: ingested.gzip,
            content_offset: if bytes.starts_with(b"\xEF\xBB\xBF") { 3 } else { 0 },
            total_bytes: bytes.len() as u64,
            retained: Some(bytes),
            csv_header: None,
        };
        let index = self.begin_file(path, &opened);
        if ingested.format == Format::Csv
            && let Some(bytes) = &self.files[index].retained
        {
            let content = &bytes[opened.content_offset as usize..];
            self.files[index].csv_header = Some(content[..ingest::csv_header_len(content)].to_vec());
        }
        let rows = Rows::of(ingested.parsed, &self.knowledge);
        self.extend_file(index, rows);
        index
    }

    /// Adds rows to a file already added (a block of a file still loading).
    pub fn extend_file(&mut self, file_index: usize, rows: Rows) {
        // Once a file has given enough rows to tell its density, its columns are laid out for
        // the whole file at once.
        if let Some(file) = self.files.get(file_index)
            && file.records < ESTIMATE_AFTER_ROWS
            && file.records + rows.len() >= ESTIMATE_AFTER_ROWS
            && let Some(covered) = rows.end_offset()
        {
            let expected = rows::estimate_total(file.records + rows.len(), covered, file.content_bytes);
            self.reserve_rows(expected.saturating_sub(file.records));
        }
        if let Some(file) = self.files.get_mut(file_index) {
            file.records += rows.rows.len();
            file.skipped_count += rows.skipped.len();
            let room = MAX_SKIPPED_KEPT.saturating_sub(file.skipped.len());
            file.skipped.extend(rows.skipped.into_iter().take(room));
        }
        let to_store = |table: &Interner, store: &mut Interner| -> Vec<u32> {
            (0..table.len() as u32).map(|id| store.intern(table.get(id))).collect()
        };
        let kinds = to_store(&rows.kinds, &mut self.kinds);
        let endpoints = to_store(&rows.endpoints, &mut self.endpoints);
        let messages = to_store(&rows.messages, &mut self.messages);
        for (&kind, vendor) in kinds.iter().zip(&rows.kind_vendors) {
            if let Some(vendor) = vendor {
                self.kind_vendor.entry(kind).or_insert(*vendor);
            }
        }
        for (kind, values) in rows.retry_after {
            let counts = self.retry_after.entry(kinds[kind as usize]).or_default();
            for (value, count) in values {
                *counts.entry(value).or_default() += count;
            }
        }
        let global = |ids: &[u32], id: u32| if id == NONE { NONE } else { ids[id as usize] };
        self.reserve_rows(rows.rows.len());
        // Column by column: a window adds a hundred thousand rows in a frame while a big file
        // loads, and one tight loop per column is several times cheaper than a push per cell.
        let rows = &rows.rows;
        self.file.extend(std::iter::repeat_n(file_index as u32, rows.len()));
        self.line.extend(rows.iter().map(|row| u32::try_from(row.span.line).unwrap_or(u32::MAX)));
        self.offset.extend(rows.iter().map(|row| row.span.offset));
        self.text_len.extend(rows.iter().map(|row| u32::try_from(row.span.len).unwrap_or(u32::MAX)));
        self.time_ms.extend(rows.iter().map(|row| row.time_ms));
        self.status.extend(rows.iter().map(|row| row.status));
        self.kind.extend(rows.iter().map(|row| global(&kinds, row.kind)));
        self.endpoint.extend(rows.iter().map(|row| global(&endpoints, row.endpoint)));
        self.message.extend(rows.iter().map(|row| global(&messages, row.message)));
    }

    /// Columns grow by a quarter, not double: a store of millions of rows wastes little room.
    /// Room for `more` rows: by a quarter at least, so appending stays cheap. A file's first
    /// thousands of rows ask for the whole file's estimate, so a big file is laid out once instead
    /// of copied at every growth (which also leaves the old copies' pages behind in the heap).
    fn reserve_rows(&mut self, more: usize) {
        if self.status.capacity() < self.status.len() + more {
            self.grow(more);
        }
    }

    fn grow(&mut self, at_least: usize) {
        let more = (self.status.len() / 4).max(1024).max(at_least);
        self.file.reserve_exact(more);
        self.line.reserve_exact(more);
        self.offset.reserve_exact(more);
        self.text_len.reserve_exact(more);
        self.time_ms.reserve_exact(more);
        self.status.reserve_exact(more);
        self.kind.reserve_exact(more);
        self.endpoint.reserve_exact(more);
        self.message.reserve_exact(more);
    }

    /// Where a row came from.
    pub fn span(&self, row: usize) -> Option<SourceSpan> {
        Some(SourceSpan {
            line: u64::from(*self.line.get(row)?),
            offset: *self.offset.get(row)?,
            len: u64::from(*self.text_len.get(row)?),
        })
    }

    /// Reads the full record of a row back from its input.
    pub fn record(&self, row: usize) -> Option<Record> {
        let file = self.files.get(*self.file.get(row)? as usize)?;
        let span = self.span(row)?;
        ingest::reread_item(&file.text(span)?, file.format?, file.csv_header.as_deref(), span)
    }

    /// The kind id string of a row, if it failed.
    pub fn kind_id(&self, row: usize) -> Option<&str> {
        self.kind.get(row).filter(|&&id| id != NONE).map(|&id| self.kinds.get(id))
    }

    /// The documented kind for a kind id in this store.
    pub fn kind_info(&self, kind: u32) -> Option<crate::knowledge::Kind> {
        self.knowledge.kind(self.kinds.get(kind), self.kind_vendor.get(&kind).copied())
    }

    /// Whether a row failed.
    pub fn is_failure(&self, row: usize) -> bool {
        self.status.get(row).is_some_and(|&status| crate::record::is_failure_status(status))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A big file's columns are laid out once, for about the rows it holds, rather than grown by
    /// quarters (which leaves up to a quarter unused and copies the columns at every growth).
    #[test]
    fn a_big_file_is_laid_out_once_for_its_rows() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("calls.ndjson");
        let lines: String = (0..200_000)
            .map(|at| {
                format!("{{\"status\":{},\"url\":\"/api/customers/{at:06}\"}}\n", if at % 3 == 0 { 200 } else { 503 })
            })
            .collect();
        std::fs::write(&path, &lines).expect("write");
        let mut store = Store::new(Arc::new(Knowledge::bundled()));
        store.load(path, None);
        let rows = store.status.len();
        assert_eq!(rows, 200_000);
        let capacity = store.status.capacity();
        assert!((rows..=rows + rows / 20).contains(&capacity), "{rows} rows in room for {capacity}");
    }
}
