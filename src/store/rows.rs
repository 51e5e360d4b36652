//! A parsed block turned into rows on its parsing thread: each call classified, its endpoint
//! templated and its message's variant found, and the strings interned within the block.

use super::{Interner, NONE};
use crate::endpoint;
use crate::ingest::{CallSink, Detail, Format, Parts, Skipped};
use crate::knowledge::{Classification, Knowledge};
use crate::record::{Record, SourceSpan};
use crate::variant;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

mod classified;

/// A block's rows column by column, as the store keeps them (so most of adding them is copying
/// slices), their strings ids into the block's own tables.
#[derive(Debug, Default)]
pub(super) struct BlockColumns {
    pub line: Vec<u32>,
    pub offset: Vec<u64>,
    pub text_len: Vec<u32>,
    pub time_ms: Vec<i64>,
    pub status: Vec<u16>,
    pub kind: Vec<u32>,
    pub endpoint: Vec<u32>,
    pub message: Vec<u32>,
    pub request: Vec<u64>,
    pub retry_after_ms: Vec<u32>,
}

impl BlockColumns {
    /// Emptied columns of a block added to the store, for a later block (see
    /// [`BlockColumns::recycle`]); else new ones with room for a block of short lines. Room
    /// reserved is only written as rows come, while columns grown a push at a time were copied
    /// into fresh pages at each doubling: the first blocks' columns, before any came back, cost
    /// urllib3's log a tenth of its page faults that way.
    fn reused() -> Self {
        SPARE_COLUMNS.lock().ok().and_then(|mut spare| spare.pop()).unwrap_or_else(|| Self::with_room(FIRST_ROOM_ROWS))
    }

    fn with_room(rows: usize) -> Self {
        Self {
            line: Vec::with_capacity(rows),
            offset: Vec::with_capacity(rows),
            text_len: Vec::with_capacity(rows),
            time_ms: Vec::with_capacity(rows),
            status: Vec::with_capacity(rows),
            kind: Vec::with_capacity(rows),
            endpoint: Vec::with_capacity(rows),
            message: Vec::with_capacity(rows),
            request: Vec::with_capacity(rows),
            retry_after_ms: Vec::with_capacity(rows),
        }
    }

    /// Hands a block's columns, once the store has copied them, to the blocks after.
    pub(super) fn recycle(mut self) {
        if self.status.capacity() > MAX_SPARE_ROWS {
            return;
        }
        self.clear();
        if let Ok(mut spare) = SPARE_COLUMNS.lock()
            && spare.len() < MAX_SPARE_COLUMNS
        {
            spare.push(self);
        }
    }

    fn clear(&mut self) {
        self.line.clear();
        self.offset.clear();
        self.text_len.clear();
        self.time_ms.clear();
        self.status.clear();
        self.kind.clear();
        self.endpoint.clear();
        self.message.clear();
        self.request.clear();
        self.retry_after_ms.clear();
    }

    fn push(&mut self, record: &Record, kind: u32, endpoint: u32, message: u32, request: u64) {
        let retry_after = record.response.header("retry-after").and_then(|value| retry_after_ms(value, record.time_ms));
        let row = Row {
            status: record.status,
            kind,
            endpoint,
            message,
            request,
            retry_after_ms: retry_after.map_or(NONE, |ms| u32::try_from(ms).unwrap_or(NONE - 1)),
        };
        self.push_row(record.source, record.time_ms, row);
    }

    /// The last row but its place and time.
    fn last_row(&self) -> Option<Row> {
        Some(Row {
            status: *self.status.last()?,
            kind: *self.kind.last()?,
            endpoint: *self.endpoint.last()?,
            message: *self.message.last()?,
            request: *self.request.last()?,
            retry_after_ms: *self.retry_after_ms.last()?,
        })
    }

    /// A row at `span` with `time_ms`.
    fn push_row(&mut self, span: SourceSpan, time_ms: Option<i64>, row: Row) {
        self.line.push(u32::try_from(span.line).unwrap_or(u32::MAX));
        self.offset.push(span.offset);
        self.text_len.push(u32::try_from(span.len).unwrap_or(u32::MAX));
        self.time_ms.push(time_ms.unwrap_or(super::NO_TIME));
        self.status.push(row.status);
        self.kind.push(row.kind);
        self.endpoint.push(row.endpoint);
        self.message.push(row.message);
        self.request.push(row.request);
        self.retry_after_ms.push(row.retry_after_ms);
    }
}

/// A row but its place and time: what a line's captures but its time make ([`Lines`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Row {
    status: u16,
    kind: u32,
    endpoint: u32,
    message: u32,
    request: u64,
    retry_after_ms: u32,
}

/// A parsed block turned into rows (what the loading threads hand over). Its strings are
/// interned within the block on the parsing thread, so adding it to the store interns a few
/// dozen distinct strings instead of three per row: that part runs on the window's thread.
#[derive(Debug, Default)]
pub struct Rows {
    pub(super) rows: BlockColumns,
    pub(super) kinds: Interner,
    pub(super) kind_vendors: Vec<Option<usize>>,
    pub(super) endpoints: Interner,
    pub(super) messages: Interner,
    /// How often each `Retry-After` value came, by block kind id (counted here: a rate-limited
    /// integration sends hundreds of thousands, and the window's thread adds a block's counts).
    pub(super) retry_after: BTreeMap<u32, BTreeMap<String, usize>>,
    /// Lines that were not calls.
    pub skipped: Vec<Skipped>,
    /// Calls read from lines with bytes that are not UTF-8 (read as Windows-1252).
    pub repaired: u64,
    /// Lines that belong to a call of a line before them.
    pub belonging: u64,
}

/// Columns of blocks the store has added, emptied, for the blocks after: a block's fresh columns
/// cost a page fault every 4 KiB and copies as they grew.
static SPARE_COLUMNS: std::sync::Mutex<Vec<BlockColumns>> = std::sync::Mutex::new(Vec::new());

/// Columns kept at most, and the rows they have room for at most (a block of short lines holds
/// some 15,000, 50 bytes each).
const MAX_SPARE_COLUMNS: usize = 4;
const MAX_SPARE_ROWS: usize = 65_536;
/// Rows new columns have room for: a text block (1 MiB) of 64-byte lines.
const FIRST_ROOM_ROWS: usize = 16_384;

thread_local! {
    /// Variants found on this thread, for the blocks after: their first searches on a thread cost
    /// the regexes tens of thousands of instructions a message.
    static VARIANTS: crate::text_memo::TextMemo<String> = crate::text_memo::TextMemo::default();
}

thread_local! {
    /// The memo of this thread's last block, emptied, for its next: its tables keep the room they
    /// grew to (each block grew them anew, and freed them).
    static SPARE_MEMO: std::cell::Cell<Option<Memo>> = const { std::cell::Cell::new(None) };
}

/// What a block already worked out for a message. Logs repeat the same few errors thousands of
/// times; finding a message's variant (regexes) and classifying a failure (lowercasing, keyword
/// search) cost more than looking them up.
#[derive(Default)]
struct Memo {
    messages: hashbrown::HashMap<String, Seen, foldhash::fast::RandomState>,
    no_message: Seen,
    /// A buffer for endpoint templates, which are interned from it.
    endpoint: String,
    calls: Calls,
    last_host: LastHost,
    lines: Lines,
    whole_lines: WholeLines,
    /// The knowledge, when it is shared: then what the block has not classified yet is looked
    /// up in what this thread classified with it ([`classified`]).
    shared: Option<Arc<Knowledge>>,
}

impl Memo {
    /// This memo with all it learned forgotten (every field as a new memo's), its tables keeping
    /// their room.
    fn emptied(self) -> Self {
        let Memo { mut messages, mut endpoint, calls, lines, whole_lines, .. } = self;
        let (mut calls_seen, mut list, mut lines_seen, mut whole_seen) =
            (calls.seen, calls.list, lines.seen, whole_lines.seen);
        messages.clear();
        endpoint.clear();
        calls_seen.clear();
        list.clear();
        lines_seen.clear();
        whole_seen.clear();
        Memo {
            messages,
            endpoint,
            calls: Calls { seen: calls_seen, list, ..Calls::default() },
            lines: Lines { seen: lines_seen, ..Lines::default() },
            whole_lines: WholeLines { seen: whole_seen, ..WholeLines::default() },
            ..Memo::default()
        }
    }
}

/// The vendor of the last host a call went to, for each call the block sees for the first time
/// or does not remember (ids in every path): a block's calls go to a host or two, and matching
/// one against every vendor's hosts cost a urllib3 line some 300 instructions, where comparing
/// it with the last is a few (a host that is in the URL is still parsed out of it).
#[derive(Default)]
struct LastHost {
    /// The host and its vendor, once one was asked for.
    known: Option<(String, Option<usize>)>,
}

impl LastHost {
    fn vendor_of(&mut self, record: &Record, knowledge: &Knowledge) -> Option<usize> {
        let Some(host) = crate::knowledge::call_host(record) else {
            return knowledge.vendor_of(record);
        };
        match &self.known {
            Some((known, vendor)) if known == host => *vendor,
            _ => self.known.insert((host.to_string(), knowledge.vendor_of_host(host))).1,
        }
    }
}

/// The rows of a block's lines of a defined format, by the captures of their lines but the time
/// ([`crate::ingest::formats::read_line_keyed`]): a log repeats its calls, and a repeated one's
/// row then costs a lookup, where reading its record (the request line split, its strings
/// copied) and working out its row cost some 1,100 instructions. A block whose lines seldom
/// repeat (ids in every path, a client's address on every line) stops remembering them.
#[derive(Default)]
struct Lines {
    seen: HashMap<Box<[u8]>, Row, foldhash::fast::RandomState>,
    lookups: u32,
    hits: u32,
}

impl Lines {
    /// Rows remembered at most; and after this many lookups, remembering stops unless half of
    /// them found the row (a line not found costs its key, a lookup and a copy of the key kept).
    const MAX: usize = 4096;
    const TRIAL: u32 = 64;

    fn on(&self) -> bool {
        self.lookups < Self::TRIAL || self.hits * 2 >= self.lookups
    }
}

/// The rows of a block's lines of a timeless format ([`LineFormat::timeless`]) by the lines
/// themselves: a line seen before word for word takes its row for the cost of hashing it, where
/// its search and key cost some 1,100 instructions (urllib3's line). Kept beside [`Lines`], which
/// still knows lines whose captures repeat though their text does not (a response's size);
/// remembering stops in a block whose lines seldom repeat whole.
///
/// [`LineFormat::timeless`]: crate::ingest::formats::LineFormat::timeless
#[derive(Default)]
struct WholeLines {
    // Not a second `Lines`: with one map type for both, the lookup was no longer inlined in
    // either (+0.8 to 1.5 % instructions on urllib3 and combined lines).
    seen: hashbrown::HashMap<Box<[u8]>, Row, foldhash::fast::RandomState>,
    lookups: u32,
    hits: u32,
    /// Whether the block's last row is the same for every line alike: a row found by its
    /// captures, or read from a line without a Retry-After (which is counted beside the row).
    last_row_reusable: bool,
}

impl WholeLines {
    /// Lines remembered at most, and the longest remembered: a long line is seldom seen twice.
    const MAX: usize = 4096;
    const MAX_LINE_BYTES: usize = 1024;

    fn on(&self) -> bool {
        self.lookups < Lines::TRIAL || self.hits * 2 >= self.lookups
    }
}

/// The endpoint and vendor of each call a block saw, by method, URL and host: a log repeats its
/// endpoints, and templating a URL (its segments tested for ids) and matching it to a vendor cost
/// more than looking them up. A block whose URLs seldom repeat (ids in every path) stops
/// remembering them.
#[derive(Default)]
struct Calls {
    /// Where each call is in `list`, found by the hash of its method, URL and host (an index, not
    /// the call: a hit is then one lookup, where a reference could not be returned from the
    /// lookup and a second one was made).
    seen: hashbrown::HashTable<u32>,
    list: Vec<Call>,
    lookups: u32,
    hits: u32,
    /// Whether it stopped remembering ([`Calls::gives_up`]).
    stopped: bool,
}

#[derive(Clone)]
struct Call {
    /// What the call is remembered by: its method, URL and host, and their hash.
    parts: [Option<Box<str>>; 3],
    hash: u64,
    /// The block's id of its endpoint.
    endpoint: u32,
    /// Its vendor, once a failure asked.
    vendor: Option<Option<usize>>,
    /// Its method and target hashed for its request key (when it has a URL).
    target: Option<TargetHash>,
}

/// A call's method, URL and host, as [`Calls`] knows it.
type CallParts<'r> = [Option<&'r str>; 3];

/// The hash of a call's parts, each written after its length (`u64::MAX` when absent), so that
/// parts which run into each other (`GET` + `/x` and `GE` + `T/x`) hash apart; calls with the
/// same hash are told apart by their parts.
fn hash_of_parts(parts: &CallParts<'_>) -> u64 {
    use std::hash::{BuildHasher as _, Hasher as _};
    let mut hasher = foldhash::fast::FixedState::default().build_hasher();
    for part in parts {
        hasher.write_u64(part.map_or(u64::MAX, |part| part.len() as u64));
        hasher.write(part.unwrap_or_default().as_bytes());
    }
    hasher.finish()
}

impl Calls {
    /// Calls remembered at most; and after this many lookups, remembering stops unless a
    /// quarter of them found the call.
    const MAX: usize = 4096;
    const TRIAL: u32 = 1024;
    /// Lookups after which remembering stops early if hardly any (a sixteenth) found the call:
    /// a URL with an id in every call never comes again, and each one remembered cost urllib3's
    /// line its parts copied and kept (some 400 instructions, over a seventh of a block's lines).
    const EARLY_TRIAL: u32 = 256;

    /// Whether remembering stops, after a lookup that did not find the call (only a miss makes
    /// the share of hits smaller; the test is not made for every call).
    fn gives_up(&self) -> bool {
        let few = |share: u32| self.hits * share < self.lookups;
        (self.lookups >= Self::TRIAL && few(4)) || (self.lookups >= Self::EARLY_TRIAL && few(16))
    }
}

#[derive(Default)]
struct Seen {
    /// The block's id of the message's variant.
    variant: Option<u32>,
    /// The block's kind id for each way a failure with this message was classified.
    kinds: Vec<(KindKey, u32)>,
}

/// All a classification reads besides the message.
#[derive(Clone, PartialEq, Eq, Hash)]
struct KindKey {
    vendor: Option<usize>,
    addressed: bool,
    status: u16,
    error_type: Option<Box<str>>,
}

impl Rows {
    /// Classifies every record of a parsed block, part after part (each part's records are
    /// freed before the next part is parsed).
    pub fn of(parts: Parts<'_>, knowledge: &Knowledge) -> Self {
        Self::of_with(parts, knowledge, &mut Memo::default())
    }

    /// [`Rows::of`] with shared knowledge, for a file's blocks: what this thread classified with
    /// it before is taken from its memory (the blocks classify the same messages), and the block
    /// works in the memo of the thread's last block, emptied (its tables keep their room).
    pub fn of_shared(parts: Parts<'_>, knowledge: &Arc<Knowledge>) -> Self {
        let mut memo = SPARE_MEMO.take().unwrap_or_default();
        memo.shared = Some(Arc::clone(knowledge));
        let rows = Self::of_with(parts, knowledge, &mut memo);
        SPARE_MEMO.set(Some(memo.emptied()));
        rows
    }

    /// [`Rows::of`] with what the block works out remembered in `memo`.
    fn of_with(parts: Parts<'_>, knowledge: &Knowledge, memo: &mut Memo) -> Self {
        let mut rows = Self { rows: BlockColumns::reused(), ..Self::default() };
        let rest = parts.for_each_call(&mut Adding { rows: &mut rows, knowledge, memo });
        rows.skipped = rest.skipped;
        rows.repaired = rest.repaired;
        rows.belonging = rest.belonging;
        rows
    }

    /// The endpoint id of `record`'s call, and where its vendor is remembered (if it is).
    fn call<'m>(&mut self, record: &Record, calls: &'m mut Calls, buffer: &mut String) -> (u32, Option<&'m mut Call>) {
        if calls.stopped {
            endpoint::template_into(buffer, record.method.as_deref(), record.url.as_deref());
            return (self.endpoints.intern(buffer), None);
        }
        // Looked up by its parts, without copying them into a key.
        let parts: CallParts<'_> = [record.method.as_deref(), record.url.as_deref(), record.host.as_deref()];
        let hash = hash_of_parts(&parts);
        calls.lookups += 1;
        let Calls { seen, list, .. } = calls;
        let same = |at: &u32| list[*at as usize].parts.iter().map(Option::as_deref).eq(parts);
        if let Some(&at) = seen.find(hash, same) {
            calls.hits += 1;
            let call = &mut calls.list[at as usize];
            return (call.endpoint, Some(call));
        }
        calls.stopped = calls.gives_up();
        endpoint::template_into(buffer, record.method.as_deref(), record.url.as_deref());
        let endpoint = self.endpoints.intern(buffer);
        if calls.list.len() >= Calls::MAX {
            return (endpoint, None);
        }
        let Calls { seen, list, .. } = calls;
        seen.insert_unique(hash, list.len() as u32, |at| list[*at as usize].hash);
        let target = record.url.as_deref().map(|url| TargetHash::of(record.method.as_deref(), url));
        list.push(Call { parts: parts.map(|part| part.map(Box::from)), hash, endpoint, vendor: None, target });
        (endpoint, calls.list.last_mut())
    }

    fn add(&mut self, record: &Record, knowledge: &Knowledge, memo: &mut Memo) {
        let (endpoint, call) = self.call(record, &mut memo.calls, &mut memo.endpoint);
        let request = request_key_after(record, call.as_deref().and_then(|call| call.target.as_ref()));
        // Its vendor, looked up once per call remembered.
        let vendor = |record: &Record| match call {
            Some(Call { vendor: Some(vendor), .. }) => *vendor,
            Some(call) => *call.vendor.insert(memo.last_host.vendor_of(record, knowledge)),
            None => memo.last_host.vendor_of(record, knowledge),
        };
        let seen = match record.message.as_deref() {
            Some(message) => memo.messages.entry_ref(message).or_default(),
            None => &mut memo.no_message,
        };
        let message = match (record.message.as_deref(), seen.variant) {
            (_, Some(id)) => id,
            (Some(message), None) => {
                let variant = crate::text_memo::remembered(&VARIANTS, message, variant::of);
                *seen.variant.insert(self.messages.intern(&variant))
            }
            (None, None) => NONE,
        };
        let kind = if record.is_failure() {
            self.kind_of(record, vendor(record), knowledge, memo.shared.as_ref(), seen)
        } else {
            NONE
        };
        if kind != NONE
            && let Some(value) = record.response.header("retry-after")
        {
            let values = self.retry_after.entry(kind).or_default();
            match values.get_mut(value.trim()) {
                Some(count) => *count += 1,
                None => {
                    values.insert(value.trim().to_string(), 1);
                }
            }
        }
        self.rows.push(record, kind, endpoint, message, request);
    }

    /// The block's kind id of a failure, classified once per message and circumstances.
    fn kind_of(
        &mut self,
        record: &Record,
        vendor: Option<usize>,
        knowledge: &Knowledge,
        shared: Option<&Arc<Knowledge>>,
        seen: &mut Seen,
    ) -> u32 {
        let addressed = record.url.is_some() || record.host.is_some();
        let error_type = record.error_type.as_deref();
        // The status first: it tells most of a message's ways apart (a log without messages has one
        // list of them all, searched for every failure).
        let same = |known: &KindKey| {
            known.status == record.status
                && known.vendor == vendor
                && known.addressed == addressed
                && known.error_type.as_deref() == error_type
        };
        if let Some((_, kind)) = seen.kinds.iter().find(|(known, _)| same(known)) {
            return *kind;
        }
        let key = KindKey { vendor, addressed, status: record.status, error_type: error_type.map(Box::from) };
        let kind = match shared {
            Some(shared) => classified::classify(shared, record, &key, |found| self.add_kind(found)),
            None => self.add_kind(knowledge.classify(record).as_ref()),
        };
        if kind == NONE {
            return NONE;
        }
        seen.kinds.push((key, kind));
        kind
    }

    /// The block's id of a classification's kind (its vendor noted), [`NONE`] for none.
    fn add_kind(&mut self, classification: Option<&Classification>) -> u32 {
        let Some(classification) = classification else { return NONE };
        let kind = self.kinds.intern(&classification.kind);
        // A kind id may be a vendor's and the generic one too (`rate_limited`): its vendor is the
        // first call's that a vendor explains, however the file was cut into blocks.
        match self.kind_vendors.get_mut(kind as usize) {
            Some(vendor) => *vendor = vendor.or(classification.vendor),
            None => self.kind_vendors.push(classification.vendor),
        }
        kind
    }

    /// How many calls.
    pub fn len(&self) -> usize {
        self.rows.status.len()
    }

    /// Whether the block holds no call.
    pub fn is_empty(&self) -> bool {
        self.rows.status.is_empty()
    }
}

/// The calls of a block as they are read, turned into its rows.
struct Adding<'a> {
    rows: &'a mut Rows,
    knowledge: &'a Knowledge,
    memo: &'a mut Memo,
}

impl CallSink for Adding<'_> {
    fn call(&mut self, record: &Record) {
        self.rows.add(record, self.knowledge, self.memo);
    }

    fn keyed(&self) -> bool {
        self.memo.lines.on()
    }

    fn repeat(&mut self, key: &[u8], source: SourceSpan, time_ms: Option<i64>) -> bool {
        let lines = &mut self.memo.lines;
        lines.lookups += 1;
        let Some(&row) = lines.seen.get(key) else { return false };
        lines.hits += 1;
        self.rows.rows.push_row(source, time_ms, row);
        self.memo.whole_lines.last_row_reusable = true;
        true
    }

    fn repeat_line(&mut self, line: &[u8], source: SourceSpan) -> Option<bool> {
        let whole = &mut self.memo.whole_lines;
        if !whole.on() {
            return None;
        }
        whole.lookups += 1;
        let Some(&row) = whole.seen.get(line) else { return Some(false) };
        whole.hits += 1;
        self.rows.rows.push_row(source, None, row);
        Some(true)
    }

    fn remember_line(&mut self, line: &[u8]) {
        let whole = &mut self.memo.whole_lines;
        if whole.last_row_reusable
            && whole.seen.len() < WholeLines::MAX
            && line.len() <= WholeLines::MAX_LINE_BYTES
            && let Some(row) = self.rows.rows.last_row()
        {
            whole.seen.insert(line.into(), row);
        }
    }

    fn first(&mut self, key: &[u8], record: &Record) {
        self.call(record);
        // A Retry-After is counted by value for each call that has one: such a row is not only
        // its columns. (A definition's line has no headers; this keeps it so if one ever has.)
        let reusable = record.response.header("retry-after").is_none();
        self.memo.whole_lines.last_row_reusable = reusable;
        let lines = &mut self.memo.lines;
        if lines.seen.len() < Lines::MAX
            && reusable
            && let Some(row) = self.rows.rows.last_row()
        {
            lines.seen.insert(key.into(), row);
        }
    }
}

/// Whether the rows the store builds from the line-format content `text` (a defined format's
/// repeated lines taken from its block's memo of rows, [`Lines`]) are the rows each of its calls
/// gives on its own, in one block: `Ok` with how many rows the memo gave, or the first row that
/// differs. For the tests and the fuzzer.
pub fn remembered_rows_agree(
    text: &[u8],
    format: Format,
    knowledge: &Knowledge,
    max_line_bytes: u64,
) -> Result<u32, String> {
    let parts = || crate::ingest::parts_of(text, format, Detail::Summary, max_line_bytes);
    let mut memo = Memo::default();
    let remembered = Rows::of_with(parts(), knowledge, &mut memo);
    let (mut one_by_one, mut memo_of_each) = (Rows::default(), Memo::default());
    let rest = parts().for_each_call(&mut |record: &Record| one_by_one.add(record, knowledge, &mut memo_of_each));
    let (got, expected) = (remembered.as_text(), one_by_one.as_text());
    if let Some(row) = (0..got.len().max(expected.len())).find(|&row| got.get(row) != expected.get(row)) {
        return Err(format!("row {row}: {:?}, on its own {:?}", got.get(row), expected.get(row)));
    }
    if remembered.skipped != rest.skipped {
        return Err(format!("skipped {:?}, on their own {:?}", remembered.skipped, rest.skipped));
    }
    let counts = |rows: &Rows, repaired, belonging| (rows.block_totals(), repaired, belonging);
    let (got, expected) = (
        counts(&remembered, remembered.repaired, remembered.belonging),
        counts(&one_by_one, rest.repaired, rest.belonging),
    );
    if got != expected {
        return Err(format!("kinds' vendors, Retry-After counts and line counts {got:?}, on their own {expected:?}"));
    }
    Ok(memo.lines.hits + memo.whole_lines.hits)
}

impl Rows {
    /// What the block holds besides its rows, by kind as text: each kind's vendor and its
    /// `Retry-After` values' counts.
    fn block_totals(&self) -> BTreeMap<String, (Option<usize>, BTreeMap<String, usize>)> {
        (0..self.kinds.len() as u32)
            .map(|kind| {
                let vendor = self.kind_vendors.get(kind as usize).copied().flatten();
                let waits = self.retry_after.get(&kind).cloned().unwrap_or_default();
                (self.kinds.get(kind).to_string(), (vendor, waits))
            })
            .collect()
    }

    /// Each row as a reader sees it: its place, time and status, its kind, endpoint and message
    /// as text (their ids are the block's own), its request key and wait.
    fn as_text(&self) -> Vec<String> {
        let text = |table: &Interner, id: u32| (id != NONE).then(|| table.get(id).to_string());
        let columns = &self.rows;
        (0..self.len())
            .map(|row| {
                format!(
                    "{} {} {} {} {} {:?} {:?} {:?} {} {}",
                    columns.line[row],
                    columns.offset[row],
                    columns.text_len[row],
                    columns.time_ms[row],
                    columns.status[row],
                    text(&self.kinds, columns.kind[row]),
                    text(&self.endpoints, columns.endpoint[row]),
                    text(&self.messages, columns.message[row]),
                    columns.request[row],
                    columns.retry_after_ms[row],
                )
            })
            .collect()
    }
}

/// Which request a call sent, as a number: the same for calls with the same method and URL (path
/// and query: the host may be logged or not) and, for a POST, PUT or PATCH, the same body or
/// idempotency key, from the same client where the log names clients; 0 when the log cannot tell. A POST, PUT or PATCH whose body and key the log
/// does not show is 0: two creates of different customers would look alike.
#[cfg(test)]
pub fn request_key(record: &Record) -> u64 {
    request_key_after(record, None)
}

/// [`request_key`], from `target` when it is the hash of the record's method and URL.
fn request_key_after(record: &Record, target: Option<&TargetHash>) -> u64 {
    use std::hash::Hasher as _;
    let Some(url) = record.url.as_deref() else { return 0 };
    // What tells a body's request apart, first: a log that shows neither (most access logs' POSTs)
    // is 0 without hashing the rest.
    let mut sent = None;
    if crate::record::sends_body(record.method.as_deref()) {
        let key = record.request.header("idempotency-key").map(str::trim).filter(|key| !key.is_empty());
        let body = record.request_digest.or_else(|| record.request.body.as_deref().map(crate::record::body_digest));
        sent = match (key, body) {
            (Some(key), _) => Some(Sent::Key(key)),
            (None, Some(body)) => Some(Sent::Body(body)),
            (None, None) => return 0,
        };
    }
    let mut hasher = target.cloned().unwrap_or_else(|| TargetHash::of(record.method.as_deref(), url)).0;
    hasher.write_u64(record.client_digest.unwrap_or(0));
    match sent {
        Some(Sent::Key(key)) => hasher.write(key.as_bytes()),
        Some(Sent::Body(body)) => hasher.write_u64(body),
        None => {}
    }
    // 0 is "cannot tell".
    hasher.finish().max(1)
}

/// [`request_key`]'s hasher once it has a call's method and target: the same for every call with
/// that method and URL, so a block hashes them once per call it remembers (finding the target
/// and hashing it took a third of adding a text line's call).
#[derive(Clone)]
struct TargetHash(foldhash::fast::FoldHasher<'static>);

impl TargetHash {
    fn of(method: Option<&str>, url: &str) -> Self {
        use std::hash::{BuildHasher as _, Hasher as _};
        let mut hasher = foldhash::fast::FixedState::with_seed(0x6572_726c_656e_7321).build_hasher();
        hasher.write(method.unwrap_or("?").as_bytes());
        hasher.write(endpoint::target_of(url).as_bytes());
        Self(hasher)
    }
}

/// What a POST, PUT or PATCH sent that tells its request from another.
enum Sent<'a> {
    Key(&'a str),
    Body(u64),
}

/// A `Retry-After` value as milliseconds to wait: seconds, or an HTTP date (RFC 9110) counted
/// from the call's time.
pub fn retry_after_ms(value: &str, call_ms: Option<i64>) -> Option<u64> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<f64>() {
        return (seconds.is_finite() && seconds >= 0.0).then(|| (seconds * 1000.0).round() as u64);
    }
    let until = chrono::DateTime::parse_from_rfc2822(value).ok()?.timestamp_millis();
    Some(u64::try_from(until.saturating_sub(call_ms?)).unwrap_or(0))
}

#[cfg(test)]
mod tests;
