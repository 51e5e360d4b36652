//! Reading a file the fast way: line formats are read in blocks, cut at line ends, and parsed in
//! parallel (rayon) while the next blocks wait on disk; results come back in file order. Only
//! the blocks in flight are held in memory, so a gigabyte log costs tens of megabytes to read.
//! gzip content is decompressed whole (it cannot be read back by offset) and kept for reading
//! records back; documents (JSON, HAR, CSV) are parsed whole and then dropped.

use super::{
    Detail, Format, HeaderRows, IngestError, IngestLimits, Parsed, Parts, csv, detect, input, json, line, w3c,
};
use crate::ingest::encoding::{self, Encoding};
use crate::ingest::formats::LineFormat;
use rayon::prelude::*;
use std::fs::File;
use std::io::Read;
use std::path::Path;
use std::sync::Arc;

/// Bytes parsed by one task, at most: JSON lines (some 1 KiB each) are read 4 MiB at a time by
/// the window ([`Blocks::Large`]).
pub const BLOCK_BYTES: usize = 4 << 20;

/// Bytes parsed by one task of a text format. Its lines are short (some 200 bytes), and the
/// records of 4 MiB of them (330 bytes each) cost fresh pages where 1 MiB's stay in the caches
/// and the allocator's free lists.
pub const TEXT_BLOCK_BYTES: usize = 1 << 20;

/// How large the blocks of JSON lines are, by what the reader does with each block.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Blocks {
    /// [`BLOCK_BYTES`]: for the window, whose views take in every block they are given. A
    /// block's classifications are remembered for its own lines only: the window's load of
    /// 1 GiB took longer with 1 MiB blocks (1.47–1.53 s against 1.29–1.39 s, alternated).
    #[default]
    Large,
    /// [`TEXT_BLOCK_BYTES`], as text's: for a reader that only adds the blocks' rows up (the
    /// CLI, [`crate::store::Store::load`]). Four times as many blocks cost 4 % more
    /// instructions (memos rebuilt), but the summary of 256 MiB took some 4 % less time (60
    /// runs alternated), and its peak memory is some 19 MiB less: a block stays in the caches
    /// from its read to its parse, and the cores wait less for a slow block or the next read (a
    /// timeline of 4 MiB blocks dipped to one busy core while the reading thread caught up).
    Small,
}

/// How many bytes a block of `format` holds.
fn block_bytes(format: Format, blocks: Blocks) -> usize {
    if line::Mode::of(format) == line::Mode::Ndjson && blocks == Blocks::Large { BLOCK_BYTES } else { TEXT_BLOCK_BYTES }
}

/// How many times smaller than the others a block cut near a file's end may be
/// ([`LineBlocks::wanted`]), for a reader that only adds the blocks' rows up: 64 KiB.
const TAIL_SHRINK: usize = 16;

/// The smallest block cut near a file's end. The window's blocks do not shrink: its views take
/// in every block, and its frames were measured with blocks of the full size.
fn smallest_block_bytes(format: Format, blocks: Blocks) -> usize {
    let full = block_bytes(format, blocks);
    if blocks == Blocks::Large { full } else { full / TAIL_SHRINK }
}

/// The first block of a line file: its counts are the first a window shows.
pub const FIRST_BLOCK_BYTES: usize = 256 << 10;

/// Bytes read before a file's format is known: enough for the first block and for detection
/// (some lines), read on to [`BLOCK_BYTES`] when detection needs more.
const HEAD_BYTES: usize = 2 * FIRST_BLOCK_BYTES;

/// How to read a file.
#[derive(Debug, Clone, Copy)]
pub struct ReadOptions {
    /// Read as this format instead of detecting it.
    pub format: Option<Format>,
    /// How much of each call to keep.
    pub detail: Detail,
    /// What errlens refuses to hold or parse.
    pub limits: IngestLimits,
    /// How large the blocks of JSON lines are.
    pub blocks: Blocks,
}

impl Default for ReadOptions {
    /// Detected format, the store's detail, the documented limits, the window's blocks.
    fn default() -> Self {
        Self { format: None, detail: Detail::Summary, limits: IngestLimits::default(), blocks: Blocks::Large }
    }
}

/// How a file was opened, reported before its first records.
#[derive(Debug, Clone)]
pub struct Opened {
    /// The content format (inside gzip).
    pub format: Format,
    /// Whether the file was gzip.
    pub gzip: bool,
    /// The encoding its text was in (the content is UTF-8).
    pub encoding: Encoding,
    /// Where the content starts in the file (3 after a UTF-8 BOM); spans count from here.
    pub content_offset: u64,
    /// Content size in bytes (decompressed, without BOM).
    pub total_bytes: u64,
    /// Content kept in memory to read records back (gzip), when the file cannot serve them.
    pub retained: Option<Arc<[u8]>>,
    /// A CSV file's header row or a W3C log's `#Fields:` lines, needed to read a row back.
    pub headers: HeaderRows,
}

/// Reads `path`, calling `on_open` once the format is known, then `map` on each parsed block (in
/// parallel) and `on_block` with each result in file order, with the content bytes done so far.
/// Reading stops early when `on_block` returns `false`.
pub fn ingest_file<T: Send>(
    path: &Path,
    options: &ReadOptions,
    on_open: impl FnOnce(&Opened),
    map: impl Fn(Parts<'_>) -> T + Sync,
    mut on_block: impl FnMut(T, u64) -> bool,
) -> Result<Opened, IngestError> {
    let ReadOptions { format, detail, limits, blocks } = *options;
    let io_error = |source| IngestError::Io { path: path.to_path_buf(), source };
    let metadata = input::check(path)?;
    if !metadata.is_file() {
        // A pipe: read whole, within the content limit, like any stream that cannot be re-read.
        let (bytes, gzip, encoding) = input::read(path, &limits)?;
        return ingest_whole(path, bytes, (gzip, encoding), options, on_open, map, on_block);
    }
    let too_large =
        || IngestError::TooLarge { path: path.to_path_buf(), limit_bytes: limits.max_content_bytes, gzip: false };
    if metadata.len() > limits.max_content_bytes {
        return Err(too_large());
    }
    let mut file = File::open(path).map_err(io_error)?;
    // The first bytes, and a block's worth only when they do not settle the format or hold no
    // line end: reading 4 MiB into fresh memory took 3-7 ms before any parsing could start.
    let mut head = Vec::with_capacity(HEAD_BYTES);
    (&mut file).take(HEAD_BYTES as u64).read_to_end(&mut head).map_err(io_error)?;
    let settled = |head: &[u8]| {
        let content = &head[super::encoding::utf8_bom_len(head)..];
        memchr::memchr(b'\n', content).is_some() && (format.is_some() || detect::decided_by(content))
    };
    if head.len() == HEAD_BYTES && !settled(&head) {
        head.reserve_exact(BLOCK_BYTES - head.len());
        (&mut file).take((BLOCK_BYTES - head.len()) as u64).read_to_end(&mut head).map_err(io_error)?;
    }
    let is_gzip = head.starts_with(&[0x1f, 0x8b]);
    let file_len = file.metadata().map(|m| m.len()).unwrap_or(0);
    let head_has_line_end = memchr::memchr(b'\n', &head).is_some() || head.len() as u64 >= file_len;
    // A table's bytes are binary: their zero bytes say nothing about an encoding.
    let other_encoding = encoding::sniff(&head) != Encoding::Utf8 && super::table::magic(&head).is_none();
    if is_gzip || other_encoding || !head_has_line_end {
        // Whole-content path: gzip, UTF-16 or UTF-32 (turned into UTF-8 whole, and kept to read
        // calls back from), or a first line longer than a block (a one-line document).
        drop(file);
        let (bytes, gzip, encoding) = input::read(path, &limits)?;
        return ingest_whole(path, bytes, (gzip, encoding), options, on_open, map, on_block);
    }
    let content_offset = super::encoding::utf8_bom_len(&head);
    let format = format.unwrap_or_else(|| detect::detect(&head[content_offset..]));
    // A W3C log is lines too, once the `#Fields:` in effect at a block's start is known.
    let streamed = format.is_line_based() || format == Format::W3c;
    if !streamed {
        let mut bytes = head;
        // Room for the whole document at once, rather than copies as it doubles.
        bytes.reserve_exact(
            usize::try_from(file_len.min(limits.max_content_bytes)).unwrap_or(0).saturating_sub(bytes.len()),
        );
        (&mut file).take(limits.max_content_bytes.saturating_add(1)).read_to_end(&mut bytes).map_err(io_error)?;
        if bytes.len() as u64 > limits.max_content_bytes {
            return Err(too_large());
        }
        let options = ReadOptions { format: Some(format), ..*options };
        return ingest_whole(path, bytes, (false, Encoding::Utf8), &options, on_open, map, on_block);
    }
    let opened = Opened {
        format,
        gzip: false,
        encoding: Encoding::Utf8,
        content_offset: content_offset as u64,
        total_bytes: file_len.saturating_sub(content_offset as u64),
        retained: None,
        // A W3C log's `#Fields:` lines are added as its blocks are read, before their rows.
        headers: HeaderRows::default(),
    };
    on_open(&opened);
    let mode = line::Mode::of(format);
    let mut fields = (format == Format::W3c).then(w3c::FieldsInEffect::default);
    let left_when_opened = file_len.saturating_sub(head.len() as u64);
    // The mark taken off in place (`split_off` copied the head into fresh pages).
    let mut pending = head;
    pending.drain(..content_offset);
    // Read ahead and handed back buffers between parses, on this thread only.
    let reader = std::cell::RefCell::new(LineBlocks::new(
        file,
        pending,
        left_when_opened,
        grouping_of(format),
        block_bytes(format, blocks),
        smallest_block_bytes(format, blocks),
    ));
    let mut first = true;
    parse_in_order(
        blocks == Blocks::Large,
        || {
            let mut reader = reader.borrow_mut();
            let block = if std::mem::take(&mut first) { reader.first_block() } else { reader.next_block() };
            let block = block.map_err(io_error)?;
            // The file grew past the limit while it was read.
            if block.as_ref().is_some_and(|block| block.end > limits.max_content_bytes) {
                return Err(too_large());
            }
            let Some(block) = block else { return Ok(None) };
            let columns = fields.as_mut().map(|fields| {
                let columns = fields.columns.clone();
                opened.headers.extend(fields.pass(&block.bytes, block.offset, limits.max_line_bytes));
                columns
            });
            Ok(Some((block, columns)))
        },
        |(block, columns): (Block, Option<Option<w3c::FieldPositions>>)| {
            let (bytes, line, offset, max_line_bytes) = (&block.bytes, block.line, block.offset, limits.max_line_bytes);
            let result = match columns {
                Some(columns) => {
                    map(Parts::pieces(w3c::parts_of(bytes, line, offset, columns, detail, max_line_bytes)))
                }
                None => map(Parts::lines(bytes, line, offset, mode, detail, max_line_bytes)),
            };
            (result, block.end, block.bytes)
        },
        |(result, end, bytes)| {
            reader.borrow_mut().give_back(bytes);
            on_block(result, end)
        },
    )?;
    Ok(opened)
}

/// Parses each block `next` gives on the pool as soon as it is given, and hands the results to
/// `deliver` in order, each as soon as it and those before it are done: no block waits for a
/// slower one beside it. With `first_alone` (the window's [`Blocks::Large`]), the first block
/// goes alone, as a window's first counts wait for its parse only; then, or from the start, a
/// few are in flight while the next are read. Stops when `next` has no more or `deliver` says
/// `false`.
fn parse_in_order<B: Send, R: Send>(
    first_alone: bool,
    mut next: impl FnMut() -> Result<Option<B>, IngestError>,
    parse: impl Fn(B) -> R + Sync,
    mut deliver: impl FnMut(R) -> bool,
) -> Result<(), IngestError> {
    let in_flight_max = rayon::current_num_threads().max(1) * 2 + 1;
    // Inside the pool (no caller does that today) a blocked wait could starve it: parse in place.
    let inside_pool = rayon::current_thread_index().is_some();
    let (finished, results) = std::sync::mpsc::channel();
    let parse = &parse;
    rayon::in_place_scope(|scope| {
        let mut ready = std::collections::BTreeMap::new();
        let (mut given, mut delivered) = (0usize, 0usize);
        let mut more = true;
        loop {
            let limit = if first_alone && delivered == 0 { 1 } else { in_flight_max };
            while more && given - delivered < limit {
                let Some(block) = next()? else {
                    more = false;
                    break;
                };
                let index = given;
                given += 1;
                if inside_pool {
                    ready.insert(index, parse(block));
                } else {
                    let finished = finished.clone();
                    scope.spawn(move |_| {
                        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| parse(block)));
                        let _ = finished.send((index, result));
                    });
                }
            }
            if delivered == given {
                return Ok(());
            }
            while !ready.contains_key(&delivered) {
                let (index, result) = results.recv().expect("every parse task sends its block");
                ready.insert(index, result.unwrap_or_else(|panic| std::panic::resume_unwind(panic)));
            }
            let result = ready.remove(&delivered).expect("the next block is ready");
            delivered += 1;
            if !deliver(result) {
                return Ok(());
            }
        }
    })
}

/// Content held in memory: parsed in parallel blocks (line formats) or whole (documents).
fn ingest_whole<T: Send>(
    path: &Path,
    bytes: Vec<u8>,
    (gzip, encoding): (bool, Encoding),
    options: &ReadOptions,
    on_open: impl FnOnce(&Opened),
    map: impl Fn(Parts<'_>) -> T + Sync,
    mut on_block: impl FnMut(T, u64) -> bool,
) -> Result<Opened, IngestError> {
    let ReadOptions { format, detail, limits, blocks: sizes } = *options;
    // A table (Parquet, Arrow IPC) is read as the NDJSON text of its rows, which calls are read
    // back from: it is content that is not the file's bytes.
    let table = format.filter(|format| format.is_table()).or_else(|| super::table::magic(&bytes));
    let bytes = match table {
        Some(table) => super::table_text(path, &bytes, table, &limits)?,
        None => bytes,
    };
    // Only content that is not the file's bytes (gzip, another encoding, a table) is kept to read
    // calls back; a plain file is read again from disk, so its bytes are not copied into a shared
    // buffer.
    let (owned, retained): (Vec<u8>, Option<Arc<[u8]>>) = if gzip || encoding != Encoding::Utf8 || table.is_some() {
        (Vec::new(), Some(bytes.into()))
    } else {
        (bytes, None)
    };
    let bytes: &[u8] = retained.as_deref().unwrap_or(&owned);
    let content_offset = super::encoding::utf8_bom_len(bytes);
    let content = &bytes[content_offset..];
    let format = table.or(format).unwrap_or_else(|| detect::detect(content));
    let total_bytes = content.len() as u64;
    let mut opened = Opened {
        format,
        gzip,
        encoding,
        content_offset: content_offset as u64,
        total_bytes,
        retained: retained.clone(),
        headers: HeaderRows::default(),
    };
    if format == Format::W3c {
        // Rows are lines once their `#Fields:` is known: parsed and handed on block by block.
        opened.headers = HeaderRows::of(format, content);
        on_open(&opened);
        let mut blocks = w3c::blocks(content, TEXT_BLOCK_BYTES, limits.max_line_bytes).into_iter();
        parse_in_order(
            sizes == Blocks::Large,
            || Ok(blocks.next()),
            |block: w3c::Block| {
                let end = block.end as u64;
                (map(Parts::pieces(block.parts(content, detail, limits.max_line_bytes))), end)
            },
            |(result, end)| on_block(result, end),
        )?;
        return Ok(opened);
    }
    if !format.is_line_based() && !format.is_table() {
        opened.headers = HeaderRows::of(format, content);
        let parsed = match format {
            Format::Csv => csv::parse(content, detail, limits.max_line_bytes),
            _ => json::parse(content, format, detail).map_err(|problem| IngestError::Document {
                path: path.to_path_buf(),
                format,
                line: problem.line,
                column: problem.column,
                reason: problem.reason,
            })?,
        };
        on_open(&opened);
        // Records become rows on every core, in parts handed on in document order.
        let results: Vec<(T, u64)> = in_parts(parsed, DOCUMENT_PART, total_bytes)
            .into_par_iter()
            .map(|(part, end)| (map(Parts::whole(part)), end))
            .collect();
        for (result, end) in results {
            if !on_block(result, end) {
                break;
            }
        }
        return Ok(opened);
    }
    on_open(&opened);
    let mode = line::Mode::of(format);
    let mut blocks = cut_blocks(content, block_bytes(format, sizes), grouping_of(format)).into_iter();
    parse_in_order(
        sizes == Blocks::Large,
        || Ok(blocks.next()),
        |(start, end, line): (usize, usize, u64)| {
            let parts = Parts::lines(&content[start..end], line, start as u64, mode, detail, limits.max_line_bytes);
            (map(parts), end as u64)
        },
        |(result, end)| on_block(result, end),
    )?;
    Ok(opened)
}

/// Records of a document handed on together.
const DOCUMENT_PART: usize = 16_384;

/// A document's records in parts of `size`, each with the skipped items before the next part's
/// first record and the content offset where that record starts (`total_bytes` for the last).
fn in_parts(parsed: Parsed, size: usize, total_bytes: u64) -> Vec<(Parsed, u64)> {
    let Parsed { records, skipped, mut repaired, .. } = parsed;
    let mut skipped = skipped.into_iter().peekable();
    let mut records = records.into_iter().peekable();
    let mut parts = Vec::new();
    loop {
        let part_records: Vec<_> = records.by_ref().take(size).collect();
        let next = records.peek().map(|record| (record.source.line, record.source.offset));
        let part_skipped = match next {
            Some((line, _)) => std::iter::from_fn(|| skipped.next_if(|item| item.line < line)).collect(),
            None => skipped.by_ref().collect(),
        };
        let last = next.is_none();
        let part = Parsed {
            records: part_records,
            skipped: part_skipped,
            repaired: std::mem::take(&mut repaired),
            ..Parsed::default()
        };
        parts.push((part, next.map_or(total_bytes, |(_, at)| at)));
        if last {
            return parts;
        }
    }
}

/// (start, end, first line) of blocks of about `block_bytes` cut after a line end, and never
/// between a call and the lines that continue it.
pub(super) fn cut_blocks(
    content: &[u8],
    block_bytes: usize,
    grouping: Option<&LineFormat>,
) -> Vec<(usize, usize, u64)> {
    let mut blocks = Vec::new();
    let (mut start, mut line) = (0usize, 1u64);
    while start < content.len() {
        let wanted = start.saturating_add(block_bytes.max(1)).min(content.len());
        let mut end = memchr::memchr(b'\n', &content[wanted..]).map_or(content.len(), |at| wanted + at + 1);
        if let Some(format) = grouping {
            // The lines that continue the block's last call go with it.
            while end < content.len() && !format.may_start_block(content, end) {
                end = memchr::memchr(b'\n', &content[end..]).map_or(content.len(), |at| end + at + 1);
            }
        }
        blocks.push((start, end, line));
        line += memchr::memchr_iter(b'\n', &content[start..end]).count() as u64;
        start = end;
    }
    blocks
}

/// For a format whose calls span lines: the start of the last whole line of `buffer` (one that
/// ends in it) that does not continue the call before it, where a block may end without parting
/// a call from its lines. `None` for other formats, or when no line qualifies (a block-long stack
/// trace is cut where it must be).
fn call_start_before(buffer: &[u8], grouping: Option<&LineFormat>) -> Option<usize> {
    let format = grouping?;
    let mut end = memchr::memrchr(b'\n', buffer)?;
    loop {
        let start = memchr::memrchr(b'\n', &buffer[..end]).map_or(0, |at| at + 1);
        if format.may_start_block(buffer, start) {
            return Some(start);
        }
        if start == 0 {
            return None;
        }
        end = start - 1;
    }
}

/// The format whose calls span lines, if `format` is one.
pub(super) fn grouping_of(format: Format) -> Option<&'static LineFormat> {
    match format {
        Format::Line(id) => Some(id.def()).filter(|def| def.spans_lines()),
        _ => None,
    }
}

struct Block {
    bytes: Vec<u8>,
    offset: u64,
    end: u64,
    line: u64,
}

/// Blocks of whole lines read from a file, each ending after a line end (or at the end of file).
struct LineBlocks {
    file: File,
    pending: Vec<u8>,
    /// Bytes at the front of `pending` already handed out as blocks.
    taken: usize,
    offset: u64,
    line: u64,
    done: bool,
    /// Buffers of parsed blocks, reused: a fresh buffer costs a page fault every 4 KiB.
    spare: Vec<Vec<u8>>,
    /// What the file held past the bytes read, by its length when it was opened: no more room is
    /// made for reading (a file that grew is still read to its end, in room made as it comes).
    /// A small file read whole with the head grew that buffer to a block's size for nothing, and
    /// the allocator copied all its room: some 230 page faults, a fifth of a small file's.
    left_when_opened: u64,
    /// A format whose calls span lines: blocks end before a call's first line.
    grouping: Option<&'static LineFormat>,
    /// How large a block is ([`block_bytes`]), and the smallest cut near the file's end
    /// ([`smallest_block_bytes`]).
    block_bytes: usize,
    smallest: usize,
}

impl LineBlocks {
    /// Blocks of `file`, whose first bytes (from the start of its content) are `pending`.
    fn new(
        file: File,
        pending: Vec<u8>,
        left_when_opened: u64,
        grouping: Option<&'static LineFormat>,
        block_bytes: usize,
        smallest: usize,
    ) -> Self {
        Self {
            file,
            pending,
            taken: 0,
            offset: 0,
            line: 1,
            done: false,
            spare: Vec::new(),
            left_when_opened,
            grouping,
            block_bytes,
            smallest,
        }
    }

    /// A block of about [`FIRST_BLOCK_BYTES`] from what the format detection read ahead, or a
    /// whole block when no line ends after that.
    fn first_block(&mut self) -> std::io::Result<Option<Block>> {
        let unread = &self.pending[self.taken..];
        let Some(after) = unread.get(FIRST_BLOCK_BYTES..).and_then(|tail| memchr::memchr(b'\n', tail)) else {
            return self.next_block();
        };
        let cut = FIRST_BLOCK_BYTES + after + 1;
        let cut = call_start_before(&unread[..cut], self.grouping).filter(|&at| at > 0).unwrap_or(cut);
        Ok(Some(self.take(cut)))
    }

    /// The next block of about `block_bytes` (less near the end, [`LineBlocks::wanted`]), cut
    /// after a line end; `None` at the end.
    fn next_block(&mut self) -> std::io::Result<Option<Block>> {
        while !(self.done && self.taken == self.pending.len()) {
            let wanted = self.wanted();
            while !self.done && self.pending.len() - self.taken < wanted {
                self.read_more(wanted - (self.pending.len() - self.taken))?;
            }
            let unread = &self.pending[self.taken..];
            // Cut after the first line end past a block (what format detection read ahead holds
            // several), else after the last line end; at end of file, take everything.
            let past_a_block = unread.get(wanted..).and_then(|tail| memchr::memchr(b'\n', tail)).map(|at| wanted + at);
            let line_end = past_a_block.or_else(|| if self.done { None } else { memchr::memrchr(b'\n', unread) });
            let cut = match line_end {
                Some(at) => {
                    call_start_before(&unread[..=at], self.grouping).filter(|&start| start > 0).unwrap_or(at + 1)
                }
                None if self.done => unread.len(),
                // A line longer than the buffer: read on until it ends.
                None => {
                    self.read_more(self.block_bytes)?;
                    continue;
                }
            };
            return Ok(Some(self.take(cut)));
        }
        Ok(None)
    }

    /// How many bytes the next block wants: [`LineBlocks::block_bytes`], but a quarter of what
    /// is left of the file once that is less, down to [`LineBlocks::smallest`]. The last blocks
    /// then end close together on every core, where a last block of the full size kept one core
    /// busy alone for up to its whole parse (a text log's megabyte, some 8 ms).
    fn wanted(&self) -> usize {
        let left = self.left_when_opened.saturating_add((self.pending.len() - self.taken) as u64);
        let quarter = usize::try_from(left / 4).unwrap_or(usize::MAX);
        self.block_bytes.min(quarter.max(self.smallest))
    }

    /// The next `len` unread bytes as a block. A block read on its own is handed over whole, and
    /// the start of a line after it is copied to the next buffer; the head format detection read
    /// holds several blocks, each copied out while the rest stays (cutting each off its front
    /// would move the rest every time, megabytes before the first parse).
    fn take(&mut self, len: usize) -> Block {
        let rest = self.pending.len() - self.taken - len;
        let mut buffer = self.spare.pop().unwrap_or_else(|| Vec::with_capacity(2 * self.block_bytes));
        buffer.clear();
        let bytes = if self.taken == 0 && rest <= len {
            // Room for the cut line's start and a block after it, so reading never regrows it.
            buffer.extend_from_slice(&self.pending[len..]);
            self.pending.truncate(len);
            std::mem::replace(&mut self.pending, buffer)
        } else {
            buffer.extend_from_slice(&self.pending[self.taken..self.taken + len]);
            self.taken += len;
            buffer
        };
        self.block(bytes)
    }

    /// The next block, of `bytes`.
    fn block(&mut self, bytes: Vec<u8>) -> Block {
        let lines = memchr::memchr_iter(b'\n', &bytes).count() as u64;
        let block = Block { offset: self.offset, end: self.offset + bytes.len() as u64, line: self.line, bytes };
        self.offset = block.end;
        self.line += lines;
        block
    }

    /// Reads up to `wanted` more bytes into `pending`, into room made for them at once and not
    /// zeroed first (the reader stops at `wanted`, so it never probes past the room and regrows).
    fn read_more(&mut self, wanted: usize) -> std::io::Result<()> {
        if self.taken > 0 {
            // What the blocks copied out left of the head, moved to its front in place (a
            // fresh buffer would cost a page fault every 4 KiB).
            self.pending.copy_within(self.taken.., 0);
            self.pending.truncate(self.pending.len() - self.taken);
            self.taken = 0;
        }
        let before = self.pending.len();
        self.pending.reserve(wanted.min(usize::try_from(self.left_when_opened).unwrap_or(usize::MAX)));
        let read = (&mut self.file).take(wanted as u64).read_to_end(&mut self.pending)?;
        self.left_when_opened = self.left_when_opened.saturating_sub(read as u64);
        if read == 0 && before == self.pending.len() {
            self.done = true;
        }
        Ok(())
    }

    /// Takes back a parsed block's buffer for a later block.
    fn give_back(&mut self, bytes: Vec<u8>) {
        if self.spare.len() < 8 {
            self.spare.push(bytes);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{SkipReason, Skipped};
    use crate::record::{Record, SourceSpan};

    #[test]
    fn a_document_in_parts_keeps_every_record_and_skipped_item_in_order() {
        let record = |line: u64| Record { source: SourceSpan { line, offset: line * 10, len: 5 }, ..Record::default() };
        let skipped = |line: u64| Skipped { line, reason: SkipReason::JsonNotACall };
        let parsed = Parsed {
            records: [2, 3, 5, 6, 8].map(record).to_vec(),
            skipped: [1, 4, 7, 9].map(skipped).to_vec(),
            ..Parsed::default()
        };
        let parts = in_parts(parsed, 2, 1000);
        let lines: Vec<(Vec<u64>, Vec<u64>, u64)> = parts
            .iter()
            .map(|(part, end)| {
                let records = part.records.iter().map(|r| r.source.line).collect();
                (records, part.skipped.iter().map(|s| s.line).collect(), *end)
            })
            .collect();
        assert_eq!(lines, vec![(vec![2, 3], vec![1, 4], 50), (vec![5, 6], vec![7], 80), (vec![8], vec![9], 1000)]);
        let empty = in_parts(Parsed { skipped: vec![skipped(1)], ..Parsed::default() }, 2, 7);
        assert_eq!(empty.len(), 1);
        assert_eq!((empty[0].0.skipped.len(), empty[0].1), (1, 7));
    }

    /// Room for reading is made by the file's length when opened; a file that grew since (here:
    /// every byte past the head) is still read to its end, in blocks cut after line ends.
    #[test]
    fn the_last_blocks_of_a_file_shrink_to_a_quarter_of_what_is_left() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("long.log");
        let text: String = (0..80_000).map(|n| format!("line {n:>6} of a log read in blocks\n")).collect();
        std::fs::write(&path, &text).expect("written");
        let block_bytes = 256 << 10;
        let file = File::open(&path).expect("opened");
        let mut blocks =
            LineBlocks::new(file, Vec::new(), text.len() as u64, None, block_bytes, block_bytes / TAIL_SHRINK);
        let (mut read, mut lines, mut sizes) = (Vec::new(), 1, Vec::new());
        while let Some(block) = blocks.next_block().expect("read") {
            assert_eq!((block.offset, block.line), (read.len() as u64, lines), "blocks in order, lines counted");
            lines += memchr::memchr_iter(b'\n', &block.bytes).count() as u64;
            let left = text.len() - read.len();
            sizes.push(block.bytes.len());
            // The block size while four are left, then a quarter of the rest, but never under
            // the tail's size unless the file ends: within a line of it (cut at a line end).
            let wanted = block_bytes.min((left / 4).max(block_bytes / TAIL_SHRINK)).min(left);
            assert!(block.bytes.len().abs_diff(wanted) < 64, "{} bytes for {wanted}", block.bytes.len());
            read.extend_from_slice(&block.bytes);
            blocks.give_back(block.bytes);
        }
        assert_eq!(read, text.as_bytes());
        assert!(sizes.len() > text.len() / block_bytes + 3, "more, smaller blocks at the end: {sizes:?}");
    }

    #[test]
    fn a_file_longer_than_when_it_was_opened_is_read_to_its_end() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("grown.log");
        let text: String = (0..40_000).map(|n| format!("line {n} of a log that grew\n")).collect();
        std::fs::write(&path, &text).expect("written");
        let mut file = File::open(&path).expect("opened");
        let mut head = Vec::new();
        (&mut file).take(100).read_to_end(&mut head).expect("head read");
        for left_when_opened in [0, 10, u64::MAX] {
            let mut file = File::open(&path).expect("opened");
            std::io::Seek::seek(&mut file, std::io::SeekFrom::Start(100)).expect("after the head");
            let mut blocks = LineBlocks::new(file, head.clone(), left_when_opened, None, 64 << 10, 64 << 10);
            let mut read = Vec::new();
            let mut lines = 1;
            while let Some(block) = blocks.next_block().expect("read") {
                assert!(block.bytes.ends_with(b"\n"), "cut after a line end");
                assert_eq!((block.offset, block.line), (read.len() as u64, lines));
                lines += memchr::memchr_iter(b'\n', &block.bytes).count() as u64;
                read.extend_from_slice(&block.bytes);
                blocks.give_back(block.bytes);
            }
            assert_eq!(read, text.as_bytes(), "left when opened: {left_when_opened}");
        }
    }
}
