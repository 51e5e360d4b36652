//! What a group's page shows beyond the summary: which files its failures come from, and its
//! latest call, counted per kind in the pass a view makes anyway.

use crate::store::{NONE, RowValues, Store};
use std::collections::HashMap;

/// One kind's failures under a view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KindDetail {
    /// Files (index into the store's files) with the kind's failures in them, most first.
    pub by_file: Vec<(u32, usize)>,
    /// Its latest call (the last in input order when no call has a time).
    pub latest_row: u32,
}

/// Per kind, its detail in a pass of its own; a view counts it with [`KindDetailCounter`].
pub fn kind_details(store: &Store, rows: &[u32]) -> HashMap<u32, KindDetail> {
    let mut counter = KindDetailCounter::new(store);
    store.for_each_row(Some(rows), |row, values| counter.add(store, row, values));
    counter.finish()
}

/// Kind details counted row by row. Kind ids are dense, so a table by id spares a hash a row.
/// It keeps no reference to the store: a view keeps it to count the rows a loading file adds.
#[derive(Clone)]
pub struct KindDetailCounter {
    by_kind: Vec<Option<Tally>>,
}

#[derive(Clone)]
struct Tally {
    files: Vec<(u32, usize)>,
    /// (time, row) of the latest call: timed calls come after untimed ones, later rows after
    /// earlier ones at the same time.
    latest: (i64, u32),
}

impl KindDetailCounter {
    /// Nothing counted yet.
    pub fn new(store: &Store) -> Self {
        let mut by_kind = Vec::new();
        by_kind.resize_with(store.kinds.len(), || None);
        Self { by_kind }
    }

    /// Counts one row of `store` (failures only).
    pub fn add(&mut self, store: &Store, row: u32, values: RowValues) {
        if values.kind == NONE {
            return;
        }
        let kind = values.kind as usize;
        if kind >= self.by_kind.len() {
            // A kind the store interned after this counter began (a view extended as a file loads).
            self.by_kind.resize_with(kind + 1, || None);
        }
        let file = store.file[row as usize];
        let latest = (values.time_ms, row);
        let tally = self.by_kind[kind].get_or_insert_with(|| Tally { files: Vec::new(), latest });
        tally.latest = tally.latest.max(latest);
        // Rows come file by file: the file of the row before is nearly always this row's.
        match tally.files.iter_mut().rev().find(|(known, _)| *known == file) {
            Some((_, count)) => *count += 1,
            None => tally.files.push((file, 1)),
        }
    }

    /// Per kind with failures, its detail (the counts stay, for more rows).
    pub fn finish(&self) -> HashMap<u32, KindDetail> {
        self.by_kind
            .iter()
            .enumerate()
            .filter_map(|(kind, tally)| {
                let tally = tally.as_ref()?;
                let mut by_file = tally.files.clone();
                by_file.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                Some((kind as u32, KindDetail { by_file, latest_row: tally.latest.1 }))
            })
            .collect()
    }
}
