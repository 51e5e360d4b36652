//! The summary: what failed, how often, since when, and the documented fix, for all inputs
//! together. Its JSON form is a contract (see README "Summary JSON"); the grouping is one pass over
//! the store's columns, counting by interned id.

use crate::ingest::time::format_rfc3339;
use crate::knowledge::Retry;
use crate::store::{NO_TIME, NONE, RowValues, Store};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};

mod text;
pub use text::render_text;

/// How many skipped lines each input lists.
pub const SKIPPED_EXAMPLES: usize = 20;

/// One skipped line as shown to users.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct SkippedExample {
    /// 1-based line.
    pub line: u64,
    /// Why.
    pub reason: String,
}

/// One input file.
#[derive(Debug, Clone, Serialize)]
pub struct InputSummary {
    /// The path as given.
    pub path: String,
    /// The content format (inside gzip); `null` when unreadable.
    pub format: Option<&'static str>,
    /// Whether it was gzip-compressed.
    pub gzip: bool,
    /// The encoding its text was in (`utf-8`, `utf-16le`, `utf-16be`, `utf-32le`, `utf-32be`).
    pub encoding: crate::ingest::encoding::Encoding,
    /// Calls read from lines with bytes that are not UTF-8, read as Windows-1252.
    pub repaired_lines: u64,
    /// Lines that belong to a call on a line before them: records + skipped + these = non-blank
    /// lines.
    pub belonging_lines: u64,
    /// Records read.
    pub records: usize,
    /// Lines, items or rows that were not calls.
    pub skipped: usize,
    /// The first skipped lines with their reasons.
    pub skipped_examples: Vec<SkippedExample>,
    /// Why the file could not be read.
    pub error: Option<String>,
}

/// A value with how often it was seen.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct EndpointCount {
    /// `METHOD /path/{id}`.
    pub endpoint: String,
    /// Calls.
    pub count: usize,
}

/// A message variant with how often it was seen.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct MessageCount {
    /// The message with values replaced by placeholders.
    pub message: String,
    /// Calls.
    pub count: usize,
}

/// All failures of one kind.
#[derive(Debug, Clone, Serialize)]
pub struct Group {
    /// Kind id.
    pub kind: String,
    /// Its status (0 = no response).
    pub status: u16,
    /// Title.
    pub title: String,
    /// Failed calls.
    pub count: usize,
    /// Earliest time, RFC 3339 UTC.
    pub first_seen: Option<String>,
    /// Latest time, RFC 3339 UTC.
    pub last_seen: Option<String>,
    /// Endpoints, most frequent first.
    pub endpoints: Vec<EndpointCount>,
    /// Message variants, most frequent first.
    pub messages: Vec<MessageCount>,
    /// The documented fix in one paragraph.
    pub solution: String,
    /// Whether retrying the same call can succeed.
    pub retryable: bool,
    /// What it means.
    pub meaning: String,
    /// The fix as steps.
    pub fix: Vec<String>,
    /// When to retry.
    pub retry: Retry,
    /// `Retry-After` values seen, with counts.
    pub retry_after: BTreeMap<String, usize>,
    /// The vendor whose documentation this is, if any.
    pub vendor: Option<String>,
    /// The kind's index in the store (for the UI), not part of the JSON.
    #[serde(skip)]
    pub kind_index: u32,
    /// First and last time in epoch ms (for the UI), not part of the JSON.
    #[serde(skip)]
    pub span_ms: Option<(i64, i64)>,
}

/// Everything `errlens summary` prints.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    /// Every input.
    pub inputs: Vec<InputSummary>,
    /// Every call, successes included.
    pub records: usize,
    /// Calls with status >= 400 or no response.
    pub errors: usize,
    /// Every status seen, with its calls; 0 = no response. In JSON the keys are text in text
    /// order (`"0"`, `"200"`, …), as the contract has always had them.
    #[serde(serialize_with = "status_keys_as_text")]
    pub by_status: BTreeMap<u16, usize>,
    /// One group per kind, most frequent first.
    pub groups: Vec<Group>,
}

/// Summarizes the rows `rows` of a store (all rows: `None`).
pub fn summarize(store: &Store, rows: Option<&[u32]>) -> Summary {
    let counter = match rows {
        Some(rows) => {
            let mut counter = SummaryCounter::new(store);
            store.for_each_row(Some(rows), |_, row| counter.add(row));
            counter
        }
        // All rows go without a list of them (4 bytes a call less at the peak of a big summary),
        // their chunks counted on every core: the CLI's summary is its last step, on one core
        // the others waited for (5 ms of a million calls).
        None => (0..store.chunk_count())
            .into_par_iter()
            .fold(
                || SummaryCounter::new(store),
                |mut counter, chunk| {
                    store.for_each_row_in_chunk(chunk, |row| counter.add(row));
                    counter
                },
            )
            .reduce_with(SummaryCounter::merge)
            .unwrap_or_else(|| SummaryCounter::new(store)),
    };
    counter.finish(store)
}

/// A summary counted row by row, so that a view can count it in the pass that counts its other
/// figures. Counts go into arrays indexed by status and kind id: the store's strings are
/// interned, so grouping needs no hashing of text.
#[derive(Clone)]
pub struct SummaryCounter {
    records: usize,
    errors: usize,
    /// Calls by status, as long as the highest status counted (a few hundred entries, not the
    /// 65,536 a `u16` may be: each thread and each view starts one).
    per_status: Vec<usize>,
    tallies: Vec<Option<Tally>>,
}

impl SummaryCounter {
    /// Nothing counted yet, for rows of `store`.
    pub fn new(store: &Store) -> Self {
        let mut tallies = Vec::new();
        tallies.resize_with(store.kinds.len(), || None);
        Self { records: 0, errors: 0, per_status: Vec::new(), tallies }
    }

    /// Counts one row.
    pub fn add(&mut self, row: RowValues) {
        self.records += 1;
        let status = usize::from(row.status);
        match self.per_status.get_mut(status) {
            Some(count) => *count += 1,
            None => {
                self.per_status.resize(status + 1, 0);
                self.per_status[status] = 1;
            }
        }
        if row.kind == NONE {
            return;
        }
        self.errors += 1;
        let kind = row.kind as usize;
        if kind >= self.tallies.len() {
            // A kind the store interned after this counter began (a view extended as a file loads).
            self.tallies.resize_with(kind + 1, || None);
        }
        self.tallies[kind].get_or_insert_with(Tally::default).add(row.time_ms, row.endpoint, row.message);
    }

    /// The counts of both: `other` counted rows of the same store.
    fn merge(mut self, other: Self) -> Self {
        self.records += other.records;
        self.errors += other.errors;
        if self.per_status.len() < other.per_status.len() {
            self.per_status.resize(other.per_status.len(), 0);
        }
        self.per_status.iter_mut().zip(other.per_status).for_each(|(mine, theirs)| *mine += theirs);
        if self.tallies.len() < other.tallies.len() {
            self.tallies.resize_with(other.tallies.len(), || None);
        }
        for (mine, theirs) in self.tallies.iter_mut().zip(other.tallies) {
            match (mine.as_mut(), theirs) {
                (Some(mine), Some(theirs)) => mine.merge(theirs),
                (None, theirs) => *mine = theirs,
                (Some(_), None) => {}
            }
        }
        self
    }

    /// The summary of the rows counted.
    pub fn finish(self, store: &Store) -> Summary {
        let by_status = self
            .per_status
            .iter()
            .enumerate()
            .filter(|(_, count)| **count > 0)
            .map(|(status, count)| (status as u16, *count))
            .collect();
        let mut groups: Vec<Group> = self
            .tallies
            .into_iter()
            .enumerate()
            .filter_map(|(kind, tally)| Some(tally?.into_group(store, kind as u32)))
            .collect();
        groups.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.kind.cmp(&b.kind)));
        let inputs = store.files.iter().map(input_summary).collect();
        Summary { inputs, records: self.records, errors: self.errors, by_status, groups }
    }
}

/// Calls by status keyed by the status as text, in text order (`"1000"` before `"200"`): how the
/// JSON and the CLI's table list them.
pub fn statuses_as_text(by_status: &BTreeMap<u16, usize>) -> BTreeMap<String, usize> {
    by_status.iter().map(|(status, count)| (status.to_string(), *count)).collect()
}

fn status_keys_as_text<S: serde::Serializer>(by_status: &BTreeMap<u16, usize>, to: S) -> Result<S::Ok, S::Error> {
    statuses_as_text(by_status).serialize(to)
}

/// Counts by interned id. Ids are small dense integers, so a multiply is hash enough.
type IdCounts = HashMap<u32, usize, BuildHasherDefault<IdHasher>>;

#[derive(Default)]
struct IdHasher(u64);

impl Hasher for IdHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(byte)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }

    fn write_u32(&mut self, id: u32) {
        // The table picks buckets from the high bits: the multiply spreads the id into them.
        self.0 = u64::from(id).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// What the failures of one kind add up to.
#[derive(Default, Clone)]
struct Tally {
    count: usize,
    span_ms: Option<(i64, i64)>,
    endpoints: RunCounts,
    messages: RunCounts,
}

impl Tally {
    fn add(&mut self, time_ms: i64, endpoint: u32, message: u32) {
        self.count += 1;
        if time_ms != NO_TIME {
            crate::query::widen(&mut self.span_ms, time_ms);
        }
        self.endpoints.add(endpoint);
        if message != NONE {
            self.messages.add(message);
        }
    }

    fn merge(&mut self, other: Self) {
        self.count += other.count;
        if let Some((first, last)) = other.span_ms {
            crate::query::widen(&mut self.span_ms, first);
            crate::query::widen(&mut self.span_ms, last);
        }
        self.endpoints.merge(other.endpoints);
        self.messages.merge(other.messages);
    }

    fn into_group(self, store: &Store, kind: u32) -> Group {
        let endpoints = sorted_counts(self.endpoints.into_counts(), |id| store.endpoints.get(id).to_string());
        let messages = sorted_counts(self.messages.into_counts(), |id| store.messages.get(id).to_string());
        group(store, kind, self.count, self.span_ms, endpoints, messages)
    }
}

/// Counts by id, with the run of the last id counted apart until another comes: a kind's
/// failures mostly come from one endpoint with one message after another, each of which then
/// costs an addition instead of a lookup (urllib3's log, three quarters failures: −0.8 % of its
/// instructions).
#[derive(Default, Clone)]
struct RunCounts {
    counts: IdCounts,
    last: u32,
    run: usize,
}

impl RunCounts {
    fn add(&mut self, id: u32) {
        if self.run > 0 && id == self.last {
            self.run += 1;
        } else {
            self.flush();
            (self.last, self.run) = (id, 1);
        }
    }

    fn flush(&mut self) {
        if self.run > 0 {
            *self.counts.entry(self.last).or_insert(0) += self.run;
            self.run = 0;
        }
    }

    fn merge(&mut self, other: Self) {
        for (id, count) in other.into_counts() {
            *self.counts.entry(id).or_insert(0) += count;
        }
    }

    fn into_counts(mut self) -> IdCounts {
        self.flush();
        self.counts
    }
}

fn input_summary(file: &crate::store::SourceFile) -> InputSummary {
    InputSummary {
        path: file.path.display().to_string(),
        format: file.format.map(|format| format.name()),
        gzip: file.gzip,
        encoding: file.encoding,
        repaired_lines: file.repaired_lines,
        belonging_lines: file.belonging_lines,
        records: file.records,
        skipped: file.skipped_count,
        skipped_examples: file
            .skipped
            .iter()
            .take(SKIPPED_EXAMPLES)
            .map(|skipped| SkippedExample { line: skipped.line, reason: skipped.reason.to_string() })
            .collect(),
        error: file.error.clone(),
    }
}

fn sorted_counts(counts: IdCounts, name: impl Fn(u32) -> String) -> Vec<(String, usize)> {
    let mut named: Vec<(String, usize)> = counts.into_iter().map(|(id, count)| (name(id), count)).collect();
    named.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    named
}

fn group(
    store: &Store,
    kind: u32,
    count: usize,
    span_ms: Option<(i64, i64)>,
    endpoints: Vec<(String, usize)>,
    messages: Vec<(String, usize)>,
) -> Group {
    let id = store.kinds.get(kind).to_string();
    let info = store.kind_info(kind);
    let status = info.as_ref().map_or(0, |info| info.status);
    let vendor =
        store.kind_vendor.get(&kind).and_then(|&index| store.knowledge.vendor(index)).map(|vendor| vendor.name.clone());
    let retry = info.as_ref().map_or(Retry::AfterFix, |info| info.retry);
    Group {
        kind: id.clone(),
        status,
        title: info.as_ref().map_or_else(|| id.clone(), |info| info.title.clone()),
        count,
        first_seen: span_ms.and_then(|(first, _)| format_rfc3339(first)),
        last_seen: span_ms.and_then(|(_, last)| format_rfc3339(last)),
        endpoints: endpoints.into_iter().map(|(endpoint, count)| EndpointCount { endpoint, count }).collect(),
        messages: messages.into_iter().map(|(message, count)| MessageCount { message, count }).collect(),
        solution: info.as_ref().map(crate::knowledge::Kind::solution).unwrap_or_default(),
        retryable: retry.is_retryable(),
        meaning: info.as_ref().map(|info| info.meaning.clone()).unwrap_or_default(),
        fix: info.as_ref().map(|info| info.fix.clone()).unwrap_or_default(),
        retry,
        retry_after: store.retry_after.get(&kind).cloned().unwrap_or_default(),
        vendor,
        kind_index: kind,
        span_ms,
    }
}

#[cfg(test)]
mod tests;
