//! Calls read back in bulk: what a row does not keep (a call's method, host, URL, error type,
//! request id, duration, headers) read again from its input for many rows at once, as an export
//! of a million rows needs. [`Store::record`] opens the file for each call; here the rows are
//! taken in runs of one file whose texts lie close together, each run is one read, and its calls
//! are parsed on every core. Only one run's text is held at a time.

use super::Store;
use crate::record::Record;
use rayon::prelude::*;
use std::borrow::Cow;
use std::fs::File;
use std::io::{Read, Seek, SeekFrom};

/// The most bytes one run reads (a call longer than this is a run alone).
const RUN_BYTES: u64 = 4 << 20;

impl Store {
    /// `map` of the full record of each row of `rows`, in that order; `None` for a row whose
    /// text can no longer be read (its file changed on disk or went away since it was loaded).
    /// Fastest when rows ascend, as a filter leaves them.
    pub fn read_back<T: Send>(&self, rows: &[u32], map: impl Fn(Record) -> T + Sync) -> Vec<Option<T>> {
        let mut out = Vec::with_capacity(rows.len());
        let mut open: Option<(u32, File)> = None;
        let mut at = 0;
        while at < rows.len() {
            let run = &rows[at..at + self.run_len(&rows[at..])];
            at += run.len();
            let Some((start, text)) = self.run_text(run, &mut open) else {
                out.extend(run.iter().map(|_| None));
                continue;
            };
            let file = self.file.get(run[0] as usize).and_then(|file| self.files.get(file as usize));
            let read = |&row: &u32| {
                let file = file?;
                let span = self.span(row as usize)?;
                let from = usize::try_from(span.offset.checked_sub(start)?).ok()?;
                let item = text.get(from..from.checked_add(usize::try_from(span.len).ok()?)?)?;
                crate::ingest::reread_item(item, file.format?, file.headers.at(span.offset).as_deref(), span).map(&map)
            };
            out.par_extend(run.par_iter().map(read));
        }
        out
    }

    /// How many of `rows` (from the first) are one run: one file, ascending, within
    /// [`RUN_BYTES`] of the first's start.
    fn run_len(&self, rows: &[u32]) -> usize {
        let first = rows[0] as usize;
        let (file, start) = (self.file.get(first), self.offset.get(first).unwrap_or(0));
        let mut last_start = start;
        1 + rows[1..]
            .iter()
            .take_while(|&&row| {
                let row = row as usize;
                let (Some(offset), Some(len)) = (self.offset.get(row), self.text_len.get(row)) else { return false };
                let near = offset.saturating_add(u64::from(len)).saturating_sub(start) <= RUN_BYTES;
                let same = self.file.get(row) == file && offset >= last_start && near;
                last_start = offset;
                same
            })
            .count()
    }

    /// The content offset a run starts at and its text, from memory or in one read of its file.
    fn run_text(&self, run: &[u32], open: &mut Option<(u32, File)>) -> Option<(u64, Cow<'_, [u8]>)> {
        let index = self.file.get(run[0] as usize)?;
        let file = self.files.get(index as usize)?;
        let start = self.offset.get(run[0] as usize)?;
        let end = run
            .iter()
            .filter_map(|&row| self.span(row as usize))
            .map(|span| span.offset.saturating_add(span.len))
            .max()?;
        let len = usize::try_from(end.checked_sub(start)?).ok()?;
        let from = file.content_offset.checked_add(start)?;
        if let Some(bytes) = &file.retained {
            let from = usize::try_from(from).ok()?;
            return Some((start, Cow::Borrowed(bytes.get(from..from.checked_add(len)?)?)));
        }
        if file.changed_on_disk() {
            return None;
        }
        if open.as_ref().is_none_or(|(opened, _)| *opened != index) {
            *open = Some((index, File::open(&file.path).ok()?));
        }
        let (_, handle) = open.as_mut()?;
        handle.seek(SeekFrom::Start(from)).ok()?;
        let mut text = vec![0; len];
        handle.read_exact(&mut text).ok()?;
        Some((start, Cow::Owned(text)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::Knowledge;
    use std::sync::Arc;

    /// Rows in any order, across files held in memory and on disk, read back as one at a time.
    #[test]
    fn rows_read_back_in_bulk_are_the_rows_read_back_one_by_one() {
        let dir = tempfile::tempdir().expect("tempdir");
        let line = |at: usize| {
            let body = "x".repeat(at % 5 * 300_000);
            format!("{{\"status\":{},\"url\":\"/v/{at}\",\"request_id\":\"r{at}\",\"pad\":\"{body}\"}}\n", 400 + at % 3)
        };
        let on_disk: String = (0..60).map(line).collect();
        let path = dir.path().join("calls.ndjson");
        std::fs::write(&path, &on_disk).expect("write");
        let mut store = Store::new(Arc::new(Knowledge::bundled()));
        store.load(path, None);
        let in_memory: String = (100..130).map(line).collect();
        let parsed = crate::ingest::ingest_bytes("mem.ndjson".as_ref(), in_memory.as_bytes(), None).expect("parse");
        store.add("mem.ndjson".into(), parsed, in_memory.as_bytes().into());
        assert_eq!(store.len(), 90);

        let request_id = |record: Record| record.request_id;
        let ascending: Vec<u32> = (0..90).collect();
        let mixed: Vec<u32> = vec![89, 3, 4, 70, 2, 2, 61, 59, 0];
        for rows in [ascending, mixed] {
            let one_by_one: Vec<_> = rows.iter().map(|&row| store.record(row as usize).map(request_id)).collect();
            assert_eq!(store.read_back(&rows, request_id), one_by_one);
            assert!(one_by_one.iter().all(Option::is_some));
        }
    }
}
