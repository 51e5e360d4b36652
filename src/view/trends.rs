//! Each failure kind's trend: its failures in equal slices of the view's time span, drawn as a
//! sparkline beside the group.

use crate::store::{NO_TIME, NONE, RowValues, Store};
use std::collections::HashMap;

/// Buckets in a trend.
pub const TREND_BUCKETS: usize = 16;

/// Per kind, failures in [`TREND_BUCKETS`] equal slices of `span`, the rows' first and last time
/// (which a view has worked out already). A view counts them with [`TrendCounter`] in a pass it
/// makes anyway; this is the same in a pass of its own.
pub fn trends(store: &Store, rows: &[u32], span: Option<(i64, i64)>) -> HashMap<u32, Vec<u32>> {
    let mut counter = TrendCounter::new(store, span);
    store.for_each_row(Some(rows), |_, row| counter.add(row));
    counter.finish()
}

/// Trends counted row by row, so that a view counts them in a pass it makes anyway.
pub struct TrendCounter {
    first: i64,
    /// Buckets per millisecond: a multiply a row instead of a division, and `+ 0.5` instead of
    /// `round` (a call into libm where the CPU baseline has no rounding instruction).
    scale: f64,
    /// Kind ids are dense: counting into a table by id spares a hash per row (millions while
    /// loading). Empty when the rows have no time.
    by_kind: Vec<Option<Vec<u32>>>,
}

impl TrendCounter {
    /// Nothing counted yet, in slices of `span`.
    pub fn new(store: &Store, span: Option<(i64, i64)>) -> Self {
        let Some((first, last)) = span else { return Self { first: 0, scale: 0.0, by_kind: Vec::new() } };
        let scale = (TREND_BUCKETS - 1) as f64 / (last - first).max(1) as f64;
        Self { first, scale, by_kind: vec![None; store.kinds.len()] }
    }

    /// Counts one row (a failure with a time; others are left out).
    pub fn add(&mut self, row: RowValues) {
        if row.kind == NONE || row.time_ms == NO_TIME {
            return;
        }
        let bucket = ((row.time_ms - self.first) as f64 * self.scale + 0.5) as usize;
        if let Some(slot) = self.by_kind.get_mut(row.kind as usize) {
            slot.get_or_insert_with(|| vec![0; TREND_BUCKETS])[bucket.min(TREND_BUCKETS - 1)] += 1;
        }
    }

    /// Per kind with failures, its trend.
    pub fn finish(self) -> HashMap<u32, Vec<u32>> {
        self.by_kind.into_iter().enumerate().filter_map(|(kind, trend)| Some((kind as u32, trend?))).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{Format, ingest_bytes};
    use crate::knowledge::Knowledge;
    use crate::query::Filter;
    use std::path::Path;
    use std::sync::Arc;

    #[test]
    fn trends_count_each_kinds_failures_in_equal_slices_of_time() {
        let text = concat!(
            "{\"ts\":\"2026-11-26T09:00:00Z\",\"path\":\"/a\",\"status\":401}\n",
            "{\"ts\":\"2026-11-26T09:00:01Z\",\"path\":\"/a\",\"status\":200}\n",
            "{\"ts\":\"2026-11-26T09:00:14Z\",\"path\":\"/a\",\"status\":401}\n",
            "{\"ts\":\"2026-11-26T09:00:15Z\",\"path\":\"/a\",\"status\":503}\n",
            "{\"path\":\"/a\",\"status\":503}\n",
        );
        let ingested = ingest_bytes(Path::new("t.ndjson"), text.as_bytes(), Some(Format::Ndjson)).expect("valid");
        let mut store = Store::new(Arc::new(Knowledge::bundled()));
        store.add("t.ndjson".into(), ingested, Arc::from(Vec::new()));
        let rows: Vec<u32> = (0..store.len() as u32).collect();
        let trends = trends(&store, &rows, crate::view::compute(&store, &Filter::default(), None).span);
        let of = |row: usize| &trends[&store.kind[row]];
        let mut unauthorized = vec![0; TREND_BUCKETS];
        (unauthorized[0], unauthorized[14]) = (1, 1);
        assert_eq!(of(0), &unauthorized);
        // The call without a time is left out of its kind's trend.
        let mut unavailable = vec![0; TREND_BUCKETS];
        unavailable[TREND_BUCKETS - 1] = 1;
        assert_eq!(of(3), &unavailable);
        assert_eq!(trends.len(), 2, "successes have no kind");
    }
}
