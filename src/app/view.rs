//! What the views show for the current filter (rows, summary, timeline, trends), computed from a
//! snapshot of the store. Once loading is done the work runs on a named thread, so a filter
//! change over millions of calls never blocks a frame; while a file loads, the store changes
//! with every block, so the (throttled) work runs in place.

use super::{groups, records};
use crate::query::{self, Filter, Timeline};
use crate::store::Store;
use crate::summary::{self, Summary};
use std::collections::HashMap;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};
use std::time::Instant;

/// The computed view.
#[derive(Debug, Default)]
pub struct View {
    /// Rows that pass the filter, in table order.
    pub rows: Vec<u32>,
    /// Summary of the rows.
    pub summary: Option<Summary>,
    /// The first and last time among the rows.
    pub span: Option<(i64, i64)>,
    /// Failures over time.
    pub timeline: Timeline,
    /// Per kind, its trend.
    pub trends: HashMap<u32, Vec<u32>>,
    /// Why the filter is invalid.
    pub error: Option<String>,
}

/// Computes the view of `store` under `filter`, sorted by `sort`.
pub fn compute(store: &Store, filter: &Filter, sort: Option<(records::Column, bool)>) -> View {
    let mut rows = match query::apply(store, filter) {
        Ok(rows) => rows,
        Err(error) => return View { error: Some(format!("invalid regular expression: {error}")), ..View::default() },
    };
    records::sort_rows(store, &mut rows, sort);
    let summary = Some(summary::summarize(store, Some(&rows)));
    let span = time_span(store, &rows);
    let timeline = query::timeline(store, &rows, 60);
    let trends = groups::trends(store, &rows, span);
    View { rows, summary, span, timeline, trends, error: None }
}

/// The first and last known time among `rows` (here, not in a frame: a million rows take
/// milliseconds to look at).
pub(super) fn time_span(store: &Store, rows: &[u32]) -> Option<(i64, i64)> {
    let mut span: Option<(i64, i64)> = None;
    store.for_each_row(Some(rows), |_, row| {
        if row.time_ms != crate::store::NO_TIME {
            span = Some(
                span.map_or((row.time_ms, row.time_ms), |(low, high)| (low.min(row.time_ms), high.max(row.time_ms))),
            );
        }
    });
    span
}

/// A view being computed on its own thread.
pub struct Job {
    result: Receiver<View>,
}

impl Job {
    /// Starts computing, not before `not_before` when given; `done` is called (to repaint) when
    /// the view is ready.
    pub fn start(
        store: Arc<Store>,
        filter: Filter,
        sort: Option<(records::Column, bool)>,
        not_before: Option<Instant>,
        done: impl Fn() + Send + 'static,
    ) -> std::io::Result<Self> {
        let (sender, result) = channel();
        std::thread::Builder::new().name("errlens-view".into()).spawn(move || {
            if let Some(wait) = not_before.and_then(|due| due.checked_duration_since(Instant::now())) {
                std::thread::sleep(wait);
            }
            let view = compute(&store, &filter, sort);
            // Let go of the snapshot before saying so: the window adds loaded blocks to the
            // store once it is the only holder.
            drop(store);
            let _ = sender.send(view);
            done();
        })?;
        Ok(Self { result })
    }

    /// The view, once it is ready.
    pub fn try_take(&self) -> Option<View> {
        self.result.try_recv().ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::ingest_bytes;
    use crate::knowledge::Knowledge;
    use std::path::Path;

    #[test]
    fn the_span_covers_the_filtered_rows_with_a_time() {
        let log = concat!(
            "{\"time\":\"2026-11-20T10:00:05Z\",\"status\":500,\"url\":\"/a\"}\n",
            "{\"status\":404,\"url\":\"/b\"}\n",
            "{\"time\":\"2026-11-20T10:00:01Z\",\"status\":200,\"url\":\"/c\"}\n",
            "{\"time\":\"2026-11-20T10:00:09Z\",\"status\":503,\"url\":\"/d\"}\n",
        );
        let ingested = ingest_bytes(Path::new("app.ndjson"), log.as_bytes(), None).expect("readable");
        let mut store = Store::new(Arc::new(Knowledge::bundled()));
        store.add("app.ndjson".into(), ingested, log.as_bytes().into());
        let at = |seconds: i64| 1_795_168_800_000 + seconds * 1_000; // 2026-11-20T10:00:00Z + seconds
        assert_eq!(time_span(&store, &[0, 1, 2, 3]), Some((at(1), at(9))));
        assert_eq!(time_span(&store, &[0, 1]), Some((at(5), at(5))));
        assert_eq!(time_span(&store, &[1]), None);
        let failures = compute(&store, &Filter { failures_only: true, ..Filter::default() }, None);
        assert_eq!(failures.span, Some((at(5), at(9))));
    }
}
