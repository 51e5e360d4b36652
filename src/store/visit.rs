//! Reading many rows at once: chunk by chunk, so that a row's values are one indexing away
//! instead of two (views read every row of a store of millions at each refresh while loading).

use super::{CHUNK_ROWS, Store};

/// What the views read of a row.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RowValues {
    pub status: u16,
    pub kind: u32,
    pub time_ms: i64,
    pub endpoint: u32,
    pub message: u32,
}

/// One chunk of the columns the views read.
struct ChunkColumns<'a> {
    status: &'a [u16],
    kind: &'a [u32],
    time_ms: &'a [i64],
    endpoint: &'a [u32],
    message: &'a [u32],
}

impl<'a> ChunkColumns<'a> {
    /// Every column cut to the chunk's rows: with all of one length, a row's values are read
    /// without a bounds check each, and a visit that reads only some of them reads no others.
    fn of(store: &'a Store, chunk: usize) -> Self {
        let status = store.status.chunk(chunk);
        let rows = status.len();
        Self {
            status,
            kind: &store.kind.chunk(chunk)[..rows],
            time_ms: &store.time_ms.chunk(chunk)[..rows],
            endpoint: &store.endpoint.chunk(chunk)[..rows],
            message: &store.message.chunk(chunk)[..rows],
        }
    }

    fn at(&self, at: usize) -> RowValues {
        RowValues {
            status: self.status[at],
            kind: self.kind[at],
            time_ms: self.time_ms[at],
            endpoint: self.endpoint[at],
            message: self.message[at],
        }
    }
}

impl Store {
    /// How many chunks the rows are in ([`Store::for_each_row_in_chunk`]).
    pub fn chunk_count(&self) -> usize {
        self.status.chunks().len()
    }

    /// Calls `each` with every row of one chunk and its values, in order: chunks are counted
    /// apart on several threads.
    pub fn for_each_row_in_chunk(&self, chunk: usize, mut each: impl FnMut(RowValues)) {
        let columns = ChunkColumns::of(self, chunk);
        for at in 0..columns.status.len() {
            each(columns.at(at));
        }
    }

    /// Calls `each` with every row of `rows` (every row of the store: `None`) and its values, in
    /// the order given. Fastest when rows ascend, as a filter leaves them: a run of rows in the
    /// same chunk finds the chunk once.
    pub fn for_each_row(&self, rows: Option<&[u32]>, mut each: impl FnMut(u32, RowValues)) {
        match rows {
            Some(rows) => {
                let same_chunk = |a: &u32, b: &u32| *a as usize / CHUNK_ROWS == *b as usize / CHUNK_ROWS;
                for run in rows.chunk_by(same_chunk) {
                    let columns = ChunkColumns::of(self, run[0] as usize / CHUNK_ROWS);
                    for &row in run {
                        each(row, columns.at(row as usize % CHUNK_ROWS));
                    }
                }
            }
            None => {
                for chunk in 0..self.status.chunks().len() {
                    let columns = ChunkColumns::of(self, chunk);
                    for at in 0..columns.status.len() {
                        each((chunk * CHUNK_ROWS + at) as u32, columns.at(at));
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::Knowledge;
    use std::sync::Arc;

    #[test]
    fn every_row_is_visited_in_the_order_given_with_its_own_values() {
        let text: String = (0..CHUNK_ROWS * 2 + 100)
            .map(|at| {
                format!(
                    "{{\"ts\":{},\"status\":{},\"url\":\"/v{}\"}}\n",
                    1_700_000_000_000u64 + at as u64,
                    200 + at % 300,
                    at % 7
                )
            })
            .collect();
        let ingested = crate::ingest::ingest_bytes("t.ndjson".as_ref(), text.as_bytes(), None).expect("parse");
        let mut store = Store::new(Arc::new(Knowledge::bundled()));
        store.add("t.ndjson".into(), ingested, text.as_bytes().into());
        let values = |row: u32| {
            let row = row as usize;
            RowValues {
                status: store.status[row],
                kind: store.kind[row],
                time_ms: store.time_ms[row],
                endpoint: store.endpoint[row],
                message: store.message[row],
            }
        };
        let last = store.len() as u32 - 1;
        // Ascending, descending across chunk ends, repeated, and every row.
        let lists: [Vec<u32>; 3] = [
            (0..=last).step_by(3).collect(),
            vec![last, CHUNK_ROWS as u32, CHUNK_ROWS as u32 - 1, 0, 0, last],
            Vec::new(),
        ];
        for rows in &lists {
            let mut seen = Vec::new();
            store.for_each_row(Some(rows), |row, got| seen.push((row, got)));
            assert_eq!(seen, rows.iter().map(|&row| (row, values(row))).collect::<Vec<_>>());
        }
        let mut seen = Vec::new();
        store.for_each_row(None, |row, got| seen.push((row, got)));
        assert_eq!(seen, (0..=last).map(|row| (row, values(row))).collect::<Vec<_>>());
        assert!(store.time_ms.iter().any(|time| time != crate::store::NO_TIME));
    }
}
