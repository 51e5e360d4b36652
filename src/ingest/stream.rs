//! Reading a file the fast way: line formats are read in blocks, cut at line ends, and parsed in
//! parallel (rayon) while the next blocks wait on disk; results come back in file order. Only
//! the blocks in flight are held in memory, so a gigabyte log costs tens of megabytes to read.
//! gzip content is decompressed whole (it cannot be read back by offset) and kept for reading
//! records back; documents (JSON, HAR, CSV) are parsed whole and then dropped.

use super::{
    Detail, Format, IngestError, IngestLimits, Parsed, csv, detect, input, json, line, read_input_with_limits,
};
use rayon::prelude::*;
use std::fs::File;
use std::io::Read;
use std::path::Path;
use std::sync::Arc;

/// Bytes parsed by one task.
pub const BLOCK_BYTES: usize = 4 << 20;

/// How to read a file.
#[derive(Debug, Clone, Copy)]
pub struct ReadOptions {
    /// Read as this format instead of detecting it.
    pub format: Option<Format>,
    /// How much of each call to keep.
    pub detail: Detail,
    /// What errlens refuses to hold or parse.
    pub limits: IngestLimits,
}

impl Default for ReadOptions {
    /// Detected format, the store's detail, the documented limits.
    fn default() -> Self {
        Self { format: None, detail: Detail::Summary, limits: IngestLimits::default() }
    }
}

/// How a file was opened, reported before its first records.
#[derive(Debug, Clone)]
pub struct Opened {
    /// The content format (inside gzip).
    pub format: Format,
    /// Whether the file was gzip.
    pub gzip: bool,
    /// Where the content starts in the file (3 after a UTF-8 BOM); spans count from here.
    pub content_offset: u64,
    /// Content size in bytes (decompressed, without BOM).
    pub total_bytes: u64,
    /// Content kept in memory to read records back (gzip), when the file cannot serve them.
    pub retained: Option<Arc<[u8]>>,
    /// A CSV file's header row, needed to read a row back.
    pub csv_header: Option<Vec<u8>>,
}

/// Reads `path`, calling `on_open` once the format is known, then `map` on each parsed block (in
/// parallel) and `on_block` with each result in file order, with the content bytes done so far.
/// Reading stops early when `on_block` returns `false`.
pub fn ingest_file<T: Send>(
    path: &Path,
    options: &ReadOptions,
    on_open: impl FnOnce(&Opened),
    map: impl Fn(Parsed) -> T + Sync,
    mut on_block: impl FnMut(T, u64) -> bool,
) -> Result<Opened, IngestError> {
    let ReadOptions { format, detail, limits } = *options;
    let io_error = |source| IngestError::Io { path: path.to_path_buf(), source };
    let metadata = input::check(path)?;
    if !metadata.is_file() {
        // A pipe: read whole, within the content limit, like any stream that cannot be re-read.
        let (bytes, gzip) = read_input_with_limits(path, &limits)?;
        return ingest_whole(path, bytes.into(), gzip, options, on_open, map, on_block);
    }
    let too_large =
        || IngestError::TooLarge { path: path.to_path_buf(), limit_bytes: limits.max_content_bytes, gzip: false };
    if metadata.len() > limits.max_content_bytes {
        return Err(too_large());
    }
    let mut file = File::open(path).map_err(io_error)?;
    let mut head = Vec::with_capacity(BLOCK_BYTES);
    (&mut file).take(BLOCK_BYTES as u64).read_to_end(&mut head).map_err(io_error)?;
    let is_gzip = head.starts_with(&[0x1f, 0x8b]);
    let file_len = file.metadata().map(|m| m.len()).unwrap_or(0);
    let head_has_line_end = memchr::memchr(b'\n', &head).is_some() || head.len() as u64 >= file_len;
    if is_gzip || !head_has_line_end {
        // Whole-content path: gzip, or a first line longer than a block (a one-line document).
        drop(file);
        let (bytes, gzip) = read_input_with_limits(path, &limits)?;
        return ingest_whole(path, bytes.into(), gzip, options, on_open, map, on_block);
    }
    let content_offset = if head.starts_with(b"\xEF\xBB\xBF") { 3 } else { 0 };
    let format = format.unwrap_or_else(|| detect::detect(&head[content_offset..]));
    if !format.is_line_based() {
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
        return ingest_whole(path, bytes.into(), false, &options, on_open, map, on_block);
    }
    let opened = Opened {
        format,
        gzip: false,
        content_offset: content_offset as u64,
        total_bytes: file_len.saturating_sub(content_offset as u64),
        retained: None,
        csv_header: None,
    };
    on_open(&opened);
    let mode = line_mode(format);
    let pending = head.split_off(content_offset);
    let mut reader = LineBlocks { file, pending, offset: 0, line: 1, done: false };
    let batch = rayon::current_num_threads().max(1) * 2;
    // The first block goes alone, so the first counts come after one block's parse, not a batch's.
    let mut next_batch = 1;
    loop {
        let blocks = reader.next_blocks(next_batch).map_err(io_error)?;
        next_batch = batch;
        if blocks.is_empty() {
            break;
        }
        // The file grew past the limit while it was read.
        if blocks.last().is_some_and(|block| block.end > limits.max_content_bytes) {
            return Err(too_large());
        }
        let results: Vec<(T, u64)> = blocks
            .into_par_iter()
            .map(|block| {
                let parsed =
                    line::parse_lines(&block.bytes, block.line, block.offset, mode, detail, limits.max_line_bytes);
                (map(parsed), block.end)
            })
            .collect();
        for (result, end) in results {
            if !on_block(result, end) {
                return Ok(opened);
            }
        }
    }
    Ok(opened)
}

fn line_mode(format: Format) -> line::Mode {
    if format == Format::Ndjson { line::Mode::Ndjson } else { line::Mode::Text }
}

/// Content held in memory: parsed in parallel blocks (line formats) or whole (documents).
fn ingest_whole<T: Send>(
    path: &Path,
    bytes: Arc<[u8]>,
    gzip: bool,
    options: &ReadOptions,
    on_open: impl FnOnce(&Opened),
    map: impl Fn(Parsed) -> T + Sync,
    mut on_block: impl FnMut(T, u64) -> bool,
) -> Result<Opened, IngestError> {
    let ReadOptions { format, detail, limits } = *options;
    let content_offset = if bytes.starts_with(b"\xEF\xBB\xBF") { 3 } else { 0 };
    let content = &bytes[content_offset..];
    let format = format.unwrap_or_else(|| detect::detect(content));
    let total_bytes = content.len() as u64;
    let mut opened = Opened {
        format,
        gzip,
        content_offset: content_offset as u64,
        total_bytes,
        retained: gzip.then(|| Arc::clone(&bytes)),
        csv_header: None,
    };
    if !format.is_line_based() {
        let parsed = match format {
            Format::Csv => {
                opened.csv_header = Some(content[..csv::header_len(content)].to_vec());
                csv::parse(content, detail, limits.max_line_bytes)
            }
            _ => json::parse(content, format, detail).map_err(|problem| IngestError::Document {
                path: path.to_path_buf(),
                format,
                line: problem.line,
                column: problem.column,
                reason: problem.reason,
            })?,
        };
        on_open(&opened);
        on_block(map(parsed), total_bytes);
        return Ok(opened);
    }
    on_open(&opened);
    let mode = line_mode(format);
    let blocks = cut_blocks(content, BLOCK_BYTES);
    let batch = rayon::current_num_threads().max(1) * 2;
    for group in blocks.chunks(batch) {
        let results: Vec<(T, u64)> = group
            .par_iter()
            .map(|&(start, end, line)| {
                (
                    map(line::parse_lines(
                        &content[start..end],
                        line,
                        start as u64,
                        mode,
                        detail,
                        limits.max_line_bytes,
                    )),
                    end as u64,
                )
            })
            .collect();
        for (result, end) in results {
            if !on_block(result, end) {
                return Ok(opened);
            }
        }
    }
    Ok(opened)
}

/// (start, end, first line) of blocks of about `block_bytes` cut after a line end.
pub(super) fn cut_blocks(content: &[u8], block_bytes: usize) -> Vec<(usize, usize, u64)> {
    let mut blocks = Vec::new();
    let (mut start, mut line) = (0usize, 1u64);
    while start < content.len() {
        let wanted = start.saturating_add(block_bytes.max(1)).min(content.len());
        let end = memchr::memchr(b'\n', &content[wanted..]).map_or(content.len(), |at| wanted + at + 1);
        blocks.push((start, end, line));
        line += memchr::memchr_iter(b'\n', &content[start..end]).count() as u64;
        start = end;
    }
    blocks
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
    offset: u64,
    line: u64,
    done: bool,
}

impl LineBlocks {
    fn next_blocks(&mut self, count: usize) -> std::io::Result<Vec<Block>> {
        let mut blocks = Vec::with_capacity(count);
        while blocks.len() < count && !(self.done && self.pending.is_empty()) {
            while !self.done && self.pending.len() < BLOCK_BYTES {
                let before = self.pending.len();
                (&mut self.file).take((BLOCK_BYTES - before) as u64).read_to_end(&mut self.pending)?;
                if self.pending.len() == before {
                    self.done = true;
                }
            }
            // Cut after the last line end; at end of file, take everything.
            let cut = if self.done {
                self.pending.len()
            } else {
                match memchr::memrchr(b'\n', &self.pending) {
                    Some(at) => at + 1,
                    // A line longer than the buffer: read on until it ends.
                    None => {
                        let before = self.pending.len();
                        (&mut self.file).take(BLOCK_BYTES as u64).read_to_end(&mut self.pending)?;
                        if self.pending.len() == before {
                            self.done = true;
                        }
                        continue;
                    }
                }
            };
            let rest = self.pending.split_off(cut);
            let bytes = std::mem::replace(&mut self.pending, rest);
            let lines = memchr::memchr_iter(b'\n', &bytes).count() as u64;
            let block = Block { offset: self.offset, end: self.offset + bytes.len() as u64, line: self.line, bytes };
            self.offset = block.end;
            self.line += lines;
            blocks.push(block);
        }
        Ok(blocks)
    }
}
