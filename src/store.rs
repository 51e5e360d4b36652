//! The store: every call of a session, one compact row each, column by column.
//!
//! A row keeps what grouping, charts, filters and the audit need (time, status, kind, endpoint,
//! message variant, source position, which request it sent, Retry-After) in 54 bytes, in columns of fixed-size chunks ([`Column`]); repeated
//! strings are interned. Bodies and headers stay in the input and are read back with
//! [`Store::record`] when someone opens a call: from the file by offset, or from memory for gzip
//! content (which cannot be read by offset).
//!
//! Loading is two steps: [`Rows::of`] classifies the records of a block and interns their
//! strings within the block (on the parsing threads), then [`Store::extend_file`] maps the
//! block's few distinct strings to the store's ids and appends the columns, in file order.

mod column;
mod columns;
mod read_back;
mod rows;
mod visit;

use crate::ingest::{self, Format, Ingested, Opened, Skipped};
use crate::knowledge::Knowledge;
use crate::record::{Record, SourceSpan};
pub use column::{CHUNK_ROWS, Column};
pub use columns::{Columns, Room};
use columns::{MAX_SPARE_ROOMS, SpareRooms};
pub use rows::{Rows, remembered_rows_agree};
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::io::{Read, Seek, SeekFrom};
use std::path::PathBuf;
use std::sync::Arc;
pub use visit::RowValues;

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
    /// The encoding of its text (read as UTF-8).
    pub encoding: ingest::encoding::Encoding,
    /// Calls read from lines with bytes that are not UTF-8, read as Windows-1252.
    pub repaired_lines: u64,
    /// Lines that belong to a call on a line before them (a stack trace, a logged response).
    pub belonging_lines: u64,
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
    /// A CSV file's header row or a W3C log's `#Fields:` lines, to read a row back.
    headers: ingest::HeaderRows,
    /// Size and modification time when it was read, to tell that it changed on disk since.
    stamp: Option<(u64, std::time::SystemTime)>,
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
            encoding: ingest::encoding::Encoding::Utf8,
            repaired_lines: 0,
            belonging_lines: 0,
            records: 0,
            skipped: Vec::new(),
            skipped_count: 0,
            error: None,
            content_offset: 0,
            retained: None,
            headers: ingest::HeaderRows::default(),
            stamp: None,
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
    /// Every row's values, column by column; read through the store (`store.status`, ...),
    /// changed only by it, so that the columns' lengths agree.
    columns: Columns,
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
    /// Chunks of room made ahead by a loading thread, for the next rows.
    spare: SpareRooms,
    /// Which rows these are: another store's, or rows some of which were taken back since
    /// ([`Store::fail_file`]), have another number. Rows only appended keep it, so a view may
    /// count only the rows added since its last count ([`crate::view::Counted`]).
    generation: u64,
}

/// The columns are read as the store's own fields (`store.status[row]`), never written from
/// outside it: a column longer than the others would pair one call's values with another's.
impl std::ops::Deref for Store {
    type Target = Columns;

    fn deref(&self) -> &Columns {
        &self.columns
    }
}

/// Time value of a row without a time.
pub const NO_TIME: i64 = i64::MIN;

/// A number no store's rows had before (see [`Store::generation`]).
fn next_generation() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

impl Store {
    /// An empty store that classifies with `knowledge`.
    pub fn new(knowledge: Arc<Knowledge>) -> Self {
        Self {
            knowledge,
            files: Vec::new(),
            columns: Columns::default(),
            kinds: Interner::default(),
            kind_vendor: HashMap::new(),
            endpoints: Interner::default(),
            messages: Interner::default(),
            retry_after: BTreeMap::new(),
            spare: SpareRooms::default(),
            generation: next_generation(),
        }
    }

    /// Which rows these are: the same number as before means the rows counted then are still
    /// the first rows (more may have been added after them).
    pub fn generation(&self) -> u64 {
        self.generation
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
        // Blocks of any format as small as text's: nothing here takes in each block but its rows.
        let options = ingest::ReadOptions { format, blocks: ingest::Blocks::Small, ..ingest::ReadOptions::default() };
        let result = ingest::ingest_file(
            &path,
            &options,
            |_opened| {},
            |parts| Rows::of_shared(parts, &knowledge),
            |rows, _done| {
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
        file.encoding = opened.encoding;
        file.content_offset = opened.content_offset;
        file.retained = opened.retained.clone();
        file.headers = opened.headers.clone();
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
        file.repaired_lines = 0;
        file.belonging_lines = 0;
        file.records = 0;
        let keep = self.file.iter().take_while(|&f| f as usize != index).count();
        self.columns.truncate(keep);
        self.generation = next_generation();
    }

    /// Adds what was read from bytes in memory (kept for reading records back; UTF-16 and UTF-32
    /// are kept as the UTF-8 text the spans count in).
    pub fn add(&mut self, path: PathBuf, ingested: Ingested, bytes: Arc<[u8]>) -> usize {
        let bytes = match ingest::decoded(&bytes) {
            (std::borrow::Cow::Owned(text), _) => Arc::from(text),
            (std::borrow::Cow::Borrowed(_), _) => bytes,
        };
        let content_offset = crate::ingest::encoding::utf8_bom_len(&bytes);
        let opened = Opened {
            format: ingested.format,
            gzip: ingested.gzip,
            encoding: ingested.encoding,
            content_offset: content_offset as u64,
            total_bytes: bytes.len() as u64,
            headers: ingest::HeaderRows::of(ingested.format, &bytes[content_offset..]),
            retained: Some(bytes),
        };
        let index = self.begin_file(path, &opened);
        let rows = Rows::of(ingest::Parts::whole(ingested.parsed), &self.knowledge);
        self.extend_file(index, rows);
        index
    }

    /// Keeps `room` for the rows to come (a loading thread makes it ahead of them).
    pub fn add_room(&mut self, room: Room) {
        if self.spare.0.len() < MAX_SPARE_ROOMS {
            self.spare.0.push(room);
        }
    }

    /// Whether rooms made ahead are kept.
    pub fn has_rooms(&self) -> bool {
        !self.spare.0.is_empty()
    }

    /// Frees the rooms kept ahead (when nothing more is loading).
    pub fn release_rooms(&mut self) {
        self.spare.0.clear();
    }

    /// Adds rows to a file already added (a block of a file still loading).
    pub fn extend_file(&mut self, file_index: usize, rows: Rows) {
        if let Some(file) = self.files.get_mut(file_index) {
            file.records += rows.len();
            file.skipped_count += rows.skipped.len();
            file.repaired_lines += rows.repaired;
            file.belonging_lines += rows.belonging;
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
        let block = &rows.rows;
        let (mut start, count) = (0, block.status.len());
        while start < count {
            if self.columns.status.room() == 0 {
                // In a room made ahead if there is one.
                let room = self.spare.0.pop().unwrap_or_default();
                self.columns.add_chunk(room);
            }
            let part = start..count.min(start + self.columns.status.room());
            start = part.end;
            // Each column from where its values come: copied slices where the block holds them
            // as the store does, the block's string ids mapped to the store's.
            let columns = &mut self.columns;
            columns.file.extend_last(std::iter::repeat_n(file_index as u32, part.len()));
            columns.line.extend_last_from_slice(&block.line[part.clone()]);
            columns.offset.extend_last_from_slice(&block.offset[part.clone()]);
            columns.text_len.extend_last_from_slice(&block.text_len[part.clone()]);
            columns.time_ms.extend_last_from_slice(&block.time_ms[part.clone()]);
            columns.status.extend_last_from_slice(&block.status[part.clone()]);
            columns.kind.extend_last(block.kind[part.clone()].iter().map(|&id| global(&kinds, id)));
            columns.endpoint.extend_last(block.endpoint[part.clone()].iter().map(|&id| global(&endpoints, id)));
            columns.message.extend_last(block.message[part.clone()].iter().map(|&id| global(&messages, id)));
            columns.request.extend_last_from_slice(&block.request[part.clone()]);
            columns.retry_after_ms.extend_last_from_slice(&block.retry_after_ms[part]);
        }
        rows.rows.recycle();
    }

    /// Where a row came from.
    pub fn span(&self, row: usize) -> Option<SourceSpan> {
        Some(SourceSpan {
            line: u64::from(self.line.get(row)?),
            offset: self.offset.get(row)?,
            len: u64::from(self.text_len.get(row)?),
        })
    }

    /// Reads the full record of a row back from its input.
    pub fn record(&self, row: usize) -> Option<Record> {
        let file = self.files.get(self.file.get(row)? as usize)?;
        let span = self.span(row)?;
        ingest::reread_item(&file.text(span)?, file.format?, file.headers.at(span.offset).as_deref(), span)
    }

    /// The kind id string of a row, if it failed.
    pub fn kind_id(&self, row: usize) -> Option<&str> {
        self.kind.get(row).filter(|&id| id != NONE).map(|id| self.kinds.get(id))
    }

    /// The documented kind for a kind id in this store.
    pub fn kind_info(&self, kind: u32) -> Option<crate::knowledge::Kind> {
        self.knowledge.kind(self.kinds.get(kind), self.kind_vendor.get(&kind).copied())
    }

    /// Whether a row failed.
    pub fn is_failure(&self, row: usize) -> bool {
        self.status.get(row).is_some_and(crate::record::is_failure_status)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn calls(count: usize) -> String {
        (0..count)
            .map(|at| {
                format!("{{\"status\":{},\"url\":\"/api/customers/{at:06}\"}}\n", if at % 3 == 0 { 200 } else { 503 })
            })
            .collect()
    }

    /// A kind that is a vendor's and the generic one (`rate_limited`) is explained by the vendor
    /// when any of its calls went there, wherever the blocks were cut: a block whose first such
    /// call went elsewhere said "no vendor" for it.
    #[test]
    fn a_kinds_vendor_does_not_hang_on_where_blocks_were_cut() {
        let elsewhere = r#"{"status":429,"url":"https://api.elsewhere.example/v1/x","message":"slow down"}"#;
        let vendors = r#"{"status":429,"url":"https://api.my-virtual-office.com/api/customers","message":"slow down"}"#;
        let text = format!("{elsewhere}\n{vendors}\n{elsewhere}\n");
        let parsed = crate::ingest::ingest_bytes("mixed.ndjson".as_ref(), text.as_bytes(), None).expect("parse");
        let knowledge = Arc::new(Knowledge::bundled());
        let vendor_of_kind = |blocks: Vec<Vec<Record>>| {
            let mut store = Store::new(Arc::clone(&knowledge));
            let opened = crate::ingest::Opened {
                format: crate::ingest::Format::Ndjson,
                gzip: false,
                encoding: crate::ingest::encoding::Encoding::Utf8,
                content_offset: 0,
                total_bytes: text.len() as u64,
                retained: None,
                headers: crate::ingest::HeaderRows::default(),
            };
            let index = store.begin_file("mixed.ndjson".into(), &opened);
            for records in blocks {
                let parsed = crate::ingest::Parsed { records, ..Default::default() };
                store.extend_file(index, Rows::of(ingest::Parts::whole(parsed), &knowledge));
            }
            let kind = store.kinds.find("rate_limited").expect("the kind");
            store
                .kind_vendor
                .get(&kind)
                .and_then(|&vendor| knowledge.vendors[vendor].vendor.as_ref())
                .map(|vendor| vendor.name.clone())
        };
        let records = parsed.parsed.records;
        let whole = vendor_of_kind(vec![records.clone()]);
        assert_eq!(whole.as_deref(), Some("My Virtual Office API"));
        for cut in 1..records.len() {
            let blocks = vec![records[..cut].to_vec(), records[cut..].to_vec()];
            assert_eq!(vendor_of_kind(blocks), whole, "cut after {cut}");
        }
    }

    /// A big file fills chunks in file order and holds room for less than one chunk more.
    #[test]
    fn a_big_file_fills_its_chunks_in_order_with_little_room_left() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("calls.ndjson");
        std::fs::write(&path, calls(200_000)).expect("write");
        let mut store = Store::new(Arc::new(Knowledge::bundled()));
        store.load(path, None);
        let rows = store.status.len();
        assert_eq!(rows, 200_000);
        assert!(store.status.capacity() - rows < CHUNK_ROWS, "{rows} rows in room for {}", store.status.capacity());
        assert!(store.status.iter().enumerate().all(|(at, status)| status == if at % 3 == 0 { 200 } else { 503 }));
        assert!(store.line.iter().eq(1..=200_000));
        assert!(store.file.iter().all(|file| file == 0));
    }

    /// Rooms made ahead hold the next rows; a store keeps only a few, and a failed second file
    /// leaves the first one's rows as they were, however the chunks fell.
    #[test]
    fn rooms_made_ahead_take_the_next_rows_and_a_failed_file_leaves_the_earlier_ones() {
        let mut store = Store::new(Arc::new(Knowledge::bundled()));
        for _ in 0..MAX_SPARE_ROOMS + 3 {
            store.add_room(Room::touched());
        }
        assert_eq!(store.spare.0.len(), MAX_SPARE_ROOMS);
        let first = calls(CHUNK_ROWS + 10);
        let parsed = crate::ingest::ingest_bytes("first.ndjson".as_ref(), first.as_bytes(), None).expect("parse");
        store.add("first.ndjson".into(), parsed, first.as_bytes().into());
        assert_eq!(store.spare.0.len(), 0);
        assert_eq!(store.len(), CHUNK_ROWS + 10);

        let second = calls(CHUNK_ROWS);
        let parsed = crate::ingest::ingest_bytes("second.ndjson".as_ref(), second.as_bytes(), None).expect("parse");
        let index = store.add("second.ndjson".into(), parsed, second.as_bytes().into());
        assert_eq!(store.len(), 2 * CHUNK_ROWS + 10);
        store.fail_file(index, "gone".into());
        assert_eq!(store.len(), CHUNK_ROWS + 10);
        assert!(store.line.iter().eq(1..=(CHUNK_ROWS + 10) as u32));
        assert_eq!(
            store.record(CHUNK_ROWS + 9).map(|record| record.status),
            Some(if (CHUNK_ROWS + 9).is_multiple_of(3) { 200 } else { 503 })
        );
        assert_eq!(store.status.get(CHUNK_ROWS + 10), None);
    }
}
