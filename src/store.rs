//! The store: every call of a session, one compact row each, column by column.
//!
//! A row keeps what grouping, charts and filters need (time, status, kind, endpoint, message
//! variant, source position) in about 40 bytes; repeated strings are interned. Bodies and headers
//! stay in the input and are read back with [`Store::record`] when someone opens a call.

use crate::endpoint;
use crate::ingest::{self, Format, Ingested, Skipped};
use crate::knowledge::Knowledge;
use crate::record::{Record, SourceSpan};
use crate::variant;
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::Arc;

/// A table of distinct strings, each with a small id.
#[derive(Debug, Default, Clone)]
pub struct Interner {
    ids: HashMap<String, u32>,
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
    /// The (decompressed) content, for reading a record back.
    bytes: Arc<[u8]>,
}

/// How many skipped lines a file keeps with their reasons; the rest are only counted. A file of
/// garbage can have a skipped line every two bytes, and each costs 40 bytes or more to keep.
pub const MAX_SKIPPED_KEPT: usize = 10_000;

/// Bytes [`Store::load`] parses at a time: what a file costs beyond its content and rows.
const LOAD_CHUNK_BYTES: usize = 4 << 20;

/// All rows of a session.
#[derive(Debug, Clone)]
pub struct Store {
    /// The knowledge used to classify.
    pub knowledge: Arc<Knowledge>,
    /// Inputs, in the order they were added.
    pub files: Vec<SourceFile>,
    /// Per row: index into `files`.
    pub file: Vec<u32>,
    /// Per row: where it came from.
    pub span: Vec<SourceSpan>,
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
            span: Vec::new(),
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

    /// Reads a file and adds its records; a file that cannot be read is kept with its error
    /// (see [`SourceFile::error`]), so the caller reports it once, with the rest.
    /// Line formats are parsed a chunk at a time, as the app does, so that what a file costs
    /// beyond its content and rows stays bounded.
    pub fn load(&mut self, path: PathBuf, format: Option<Format>) {
        let (bytes, gzip) = match ingest::read_input(&path) {
            Ok(read) => read,
            Err(error) => return self.add_failed(path, error.to_string()),
        };
        let bytes: Arc<[u8]> = bytes.into();
        let format = format.unwrap_or_else(|| ingest::detect_input(&bytes));
        // A document that cannot be read fails before its one chunk: the file starts with it.
        let mut index = None;
        let read = ingest::ingest_in_chunks(&path, &bytes, Some(format), LOAD_CHUNK_BYTES, |parsed, _| {
            let file = *index.get_or_insert_with(|| self.begin_file(path.clone(), Some(format), gzip, bytes.clone()));
            self.extend_file(file, &parsed.records, parsed.skipped);
            true
        });
        match read {
            Ok(_) if index.is_none() => {
                self.begin_file(path, Some(format), gzip, bytes);
            }
            Ok(_) => {}
            Err(error) => self.add_failed(path, error.to_string()),
        }
    }

    /// Records a file that could not be read.
    pub fn add_failed(&mut self, path: PathBuf, error: String) {
        let index = self.begin_file(path, None, false, Arc::from(Vec::new()));
        self.files[index].error = Some(error);
    }

    /// Adds what was read from one file; returns the file's index.
    pub fn add(&mut self, path: PathBuf, ingested: Ingested, bytes: Arc<[u8]>) -> usize {
        let index = self.begin_file(path, Some(ingested.format), ingested.gzip, bytes);
        self.extend_file(index, &ingested.parsed.records, ingested.parsed.skipped);
        index
    }

    /// Starts a file whose records arrive in chunks ([`Store::extend_file`]); returns its index.
    pub fn begin_file(&mut self, path: PathBuf, format: Option<Format>, gzip: bool, bytes: Arc<[u8]>) -> usize {
        self.files.push(SourceFile {
            path,
            format,
            gzip,
            records: 0,
            skipped: Vec::new(),
            skipped_count: 0,
            error: None,
            bytes,
        });
        self.files.len() - 1
    }

    /// Adds more records to a file already added (a chunk of a file still loading).
    pub fn extend_file(&mut self, file_index: usize, records: &[Record], skipped: Vec<Skipped>) {
        if let Some(file) = self.files.get_mut(file_index) {
            file.records += records.len();
            file.skipped_count += skipped.len();
            let room = MAX_SKIPPED_KEPT.saturating_sub(file.skipped.len());
            file.skipped.extend(skipped.into_iter().take(room));
        }
        for record in records {
            self.push_row(file_index as u32, record);
        }
    }

    fn push_row(&mut self, file: u32, record: &Record) {
        let kind = match self.knowledge.classify(record) {
            Some(classification) => {
                let id = self.kinds.intern(&classification.kind);
                if let Some(vendor) = classification.vendor {
                    self.kind_vendor.entry(id).or_insert(vendor);
                }
                if let Some(value) = record.response.header("retry-after") {
                    *self.retry_after.entry(id).or_default().entry(value.trim().to_string()).or_default() += 1;
                }
                id
            }
            None => NONE,
        };
        let endpoint = endpoint::template(record.method.as_deref(), record.url.as_deref());
        self.file.push(file);
        self.span.push(record.source);
        self.time_ms.push(record.time_ms.unwrap_or(NO_TIME));
        self.status.push(record.status);
        self.kind.push(kind);
        self.endpoint.push(self.endpoints.intern(&endpoint));
        let message = record.message.as_deref().map(variant::of);
        self.message.push(message.map_or(NONE, |text| self.messages.intern(&text)));
    }

    /// Reads the full record of a row back from its input.
    pub fn record(&self, row: usize) -> Option<Record> {
        let file = self.files.get(*self.file.get(row)? as usize)?;
        ingest::reread(&file.bytes, file.format?, *self.span.get(row)?)
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
