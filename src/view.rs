//! What a window shows for a filter, computed over the store with no UI in it: the rows that
//! pass the filter in table order, their summary, time span, failure timeline and each kind's
//! trend. The app's view job, the benches and the tests call the same [`compute`], or
//! [`compute_after`] to go on from the counts of the view before while a file loads.

mod kind_detail;
mod sort;
mod trends;

pub use kind_detail::{KindDetail, KindDetailCounter, kind_details};
pub use sort::{SortColumn, sort_rows};
pub use trends::{TREND_BUCKETS, TrendCounter, trends};

use crate::query::{self, Filter, Timeline};
use crate::store::{NO_TIME, Store};
use crate::summary::{self, Summary};
use std::collections::HashMap;

/// What a window shows for a filter.
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
    /// Per kind, where its failures come from and its latest call.
    pub kinds: HashMap<u32, KindDetail>,
    /// Why the filter is invalid.
    pub error: Option<String>,
    /// What the view counted, for the next view of the same filter to count only the rows added
    /// since ([`compute_after`]).
    pub counted: Option<Counted>,
}

/// What a view counted in its first pass over the rows (the summary, each kind's detail, the
/// span and the timeline's bounds): counts that rows added later only add to. While a big file
/// loads, a view every tenth of a second counted every row loaded so far; kept, the next view
/// counts the rows of the blocks that arrived since, and a load costs the views in proportion
/// to its rows rather than to their square.
#[derive(Clone)]
pub struct Counted {
    /// The store's rows these are ([`Store::generation`]) and how many of them were counted.
    generation: u64,
    store_rows: usize,
    filter: Filter,
    summary: summary::SummaryCounter,
    kinds: KindDetailCounter,
    bounds: query::TimelineBounds,
    span: Option<(i64, i64)>,
}

impl std::fmt::Debug for Counted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Counted").field("store_rows", &self.store_rows).finish_non_exhaustive()
    }
}

impl Counted {
    fn new(store: &Store, filter: &Filter) -> Self {
        Self {
            generation: store.generation(),
            store_rows: 0,
            filter: filter.clone(),
            summary: summary::SummaryCounter::new(store),
            kinds: KindDetailCounter::new(store),
            bounds: query::TimelineBounds::new(),
            span: None,
        }
    }

    /// Whether these counts are of the first rows of `store` under `filter` (rows were only
    /// added to it since).
    fn goes_on_in(&self, store: &Store, filter: &Filter) -> bool {
        self.generation == store.generation() && self.store_rows <= store.len() && self.filter == *filter
    }

    /// Counts `rows` (rows of `store` past those counted, as the filter left them).
    fn count(&mut self, store: &Store, rows: &[u32]) {
        store.for_each_row(Some(rows), |index, row| {
            self.summary.add(row);
            self.kinds.add(store, index, row);
            self.bounds.add(row);
            if row.time_ms != NO_TIME {
                query::widen(&mut self.span, row.time_ms);
            }
        });
        self.store_rows = store.len();
    }
}

/// Computes the view of `store` under `filter`, sorted by `sort`.
pub fn compute(store: &Store, filter: &Filter, sort: Option<(SortColumn, bool)>) -> View {
    compute_after(store, filter, sort, None)
}

/// [`compute`], counting only the rows past those `earlier` counted when it counted the first
/// rows of this store under this filter; otherwise all of them.
pub fn compute_after(
    store: &Store,
    filter: &Filter,
    sort: Option<(SortColumn, bool)>,
    earlier: Option<Counted>,
) -> View {
    let mut rows = match query::apply(store, filter) {
        Ok(rows) => rows,
        Err(error) => return View { error: Some(format!("invalid regular expression: {error}")), ..View::default() },
    };
    let mut counted =
        earlier.filter(|counted| counted.goes_on_in(store, filter)).unwrap_or_else(|| Counted::new(store, filter));
    // The filter leaves rows in ascending order: those counted before come first.
    let new = rows.partition_point(|&row| (row as usize) < counted.store_rows);
    counted.count(store, &rows[new..]);
    // The second pass, over every row, needs the span: the timeline's and the trends' buckets
    // (their widths change as the span grows). In ascending order, before the table's sort: a
    // run of rows in the same chunk finds the chunk once; and when every row passed (no filter,
    // as while a file loads), chunk by chunk without the list.
    let mut timeline = counted.bounds.counter(60);
    let mut trends = TrendCounter::new(store, counted.span);
    let every_row = rows.len() == store.len();
    store.for_each_row((!every_row).then_some(&rows[..]), |_, row| {
        timeline.add(row);
        trends.add(row);
    });
    sort_rows(store, &mut rows, sort);
    View {
        rows,
        summary: Some(counted.summary.clone().finish(store)),
        span: counted.span,
        timeline: timeline.finish(),
        trends: trends.finish(),
        kinds: counted.kinds.finish(),
        error: None,
        counted: Some(counted),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::ingest_bytes;
    use crate::knowledge::Knowledge;
    use std::path::Path;
    use std::sync::Arc;

    /// Four calls: /a 500 at :05, /b 404 with no time, /c 200 at :01, /d 503 at :09.
    fn four_calls() -> Store {
        let log = concat!(
            "{\"time\":\"2026-11-20T10:00:05Z\",\"status\":500,\"url\":\"/a\"}\n",
            "{\"status\":404,\"url\":\"/b\"}\n",
            "{\"time\":\"2026-11-20T10:00:01Z\",\"status\":200,\"url\":\"/c\"}\n",
            "{\"time\":\"2026-11-20T10:00:09Z\",\"status\":503,\"url\":\"/d\"}\n",
        );
        let ingested = ingest_bytes(Path::new("app.ndjson"), log.as_bytes(), None).expect("readable");
        let mut store = Store::new(Arc::new(Knowledge::bundled()));
        store.add("app.ndjson".into(), ingested, log.as_bytes().into());
        store
    }

    #[test]
    fn the_span_covers_the_filtered_rows_with_a_time() {
        let store = four_calls();
        let at = |seconds: i64| 1_795_168_800_000 + seconds * 1_000; // 2026-11-20T10:00:00Z + seconds
        assert_eq!(compute(&store, &Filter::default(), None).span, Some((at(1), at(9))));
        let text = |text: &str| Filter { text: text.into(), ..Filter::default() };
        assert_eq!(compute(&store, &text("/a"), None).span, Some((at(5), at(5))));
        assert_eq!(compute(&store, &text("/b"), None).span, None);
        let failures = compute(&store, &Filter { failures_only: true, ..Filter::default() }, None);
        assert_eq!(failures.span, Some((at(5), at(9))));
    }

    #[test]
    fn a_set_of_calls_keeps_those_calls_and_the_other_filters_still_apply() {
        let store = four_calls();
        let calls = Some(query::CallSet::new("three calls", vec![3, 0, 2, 3]));
        let only = Filter { calls: calls.clone(), ..Filter::default() };
        assert!(!only.is_empty());
        assert_eq!(compute(&store, &only, None).rows, vec![0, 2, 3]);
        let failures = Filter { calls, failures_only: true, ..Filter::default() };
        assert_eq!(compute(&store, &failures, None).rows, vec![0, 3]);
        // Not remembered: a row number means nothing in the next session's store.
        let saved = serde_json::to_string(&failures).expect("serializable");
        let restored: Filter = serde_json::from_str(&saved).expect("readable");
        assert_eq!(restored, Filter { failures_only: true, ..Filter::default() });
    }

    /// A view counts everything in two passes: it gives what each figure's own pass gives, on
    /// every sample log, whatever the filter and order.
    #[test]
    fn one_view_counts_what_each_figure_counts_alone() {
        let mut store = Store::new(Arc::new(Knowledge::bundled()));
        let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-logs");
        let mut paths: Vec<_> =
            std::fs::read_dir(samples).expect("sample logs").map(|entry| entry.expect("entry").path()).collect();
        paths.sort();
        for path in paths {
            store.load(path, None);
        }
        let failures = Filter { failures_only: true, ..Filter::default() };
        let text = Filter { text: "customer".into(), ..Filter::default() };
        for filter in [Filter::default(), failures, text] {
            for sort in [None, Some((SortColumn::Time, false)), Some((SortColumn::Kind, true))] {
                let view = compute(&store, &filter, sort);
                assert!(view.rows.len() > 20, "{filter:?} kept {} rows", view.rows.len());
                let times = view.rows.iter().map(|&row| store.time_ms[row as usize]).filter(|&time| time != NO_TIME);
                let span = times.clone().min().zip(times.max());
                assert_eq!(view.span, span);
                let json = |summary: &summary::Summary| serde_json::to_value(summary).expect("serializable");
                let alone = summary::summarize(&store, Some(&view.rows));
                assert_eq!(view.summary.as_ref().map(json), Some(json(&alone)));
                assert_eq!(view.timeline, query::timeline(&store, &view.rows, 60));
                assert_eq!(view.trends, trends(&store, &view.rows, span));
                assert_eq!(view.kinds, kind_details(&store, &view.rows));
                for (kind, detail) in &view.kinds {
                    let of_kind: Vec<u32> =
                        view.rows.iter().copied().filter(|&row| store.kind[row as usize] == *kind).collect();
                    let files: usize = detail.by_file.iter().map(|(_, count)| count).sum();
                    assert_eq!(files, of_kind.len(), "every failure of kind {kind} is in one file");
                    let latest = of_kind.iter().max_by_key(|&&row| (store.time_ms[row as usize], row));
                    assert_eq!(Some(&detail.latest_row), latest);
                }
                assert!(!view.timeline.counts.is_empty() && !view.trends.is_empty());
            }
        }
    }

    /// Everything a view shows, to compare two views.
    fn shown(view: &View) -> impl PartialEq + std::fmt::Debug + use<> {
        let summary = view.summary.as_ref().map(|summary| serde_json::to_value(summary).expect("serializable"));
        let mut kinds: Vec<_> = view.kinds.clone().into_iter().collect();
        kinds.sort_by_key(|(kind, _)| *kind);
        let mut trends: Vec<_> = view.trends.clone().into_iter().collect();
        trends.sort();
        (view.rows.clone(), summary, view.span, view.timeline.clone(), trends, kinds, view.error.clone())
    }

    /// A view that goes on from the last one's counts (a file loading, rows only added) shows what
    /// a view counted from nothing shows: file after file of the samples, kinds new to the store
    /// arriving late, under several filters and orders; and after a file's rows are taken back
    /// (it failed), the counts start over.
    #[test]
    fn a_view_that_counts_only_the_added_rows_shows_what_counting_all_shows() {
        let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-logs");
        let mut paths: Vec<_> =
            std::fs::read_dir(samples).expect("sample logs").map(|entry| entry.expect("entry").path()).collect();
        paths.sort();
        let filters = [
            Filter::default(),
            Filter { failures_only: true, ..Filter::default() },
            Filter { text: "customer".into(), ..Filter::default() },
            Filter { status_class: Some(query::StatusClass::Client), ..Filter::default() },
        ];
        for filter in &filters {
            for sort in [None, Some((SortColumn::Time, false)), Some((SortColumn::Kind, true))] {
                let mut store = Store::new(Arc::new(Knowledge::bundled()));
                let mut earlier: Option<Counted> = None;
                let (mut went_on, mut kinds_came_late) = (0, false);
                for path in &paths {
                    let kinds_before = store.kinds.len();
                    store.load(path.clone(), None);
                    let went_on_now = earlier.as_ref().is_some_and(|counted| counted.goes_on_in(&store, filter));
                    went_on += usize::from(went_on_now);
                    let view = compute_after(&store, filter, sort, earlier.take());
                    let fresh = compute(&store, filter, sort);
                    assert_eq!(shown(&view), shown(&fresh), "{filter:?} {sort:?} after {}", path.display());
                    kinds_came_late |= kinds_before > 0 && store.kinds.len() > kinds_before;
                    earlier = view.counted;
                }
                assert_eq!(went_on, paths.len() - 1, "every view but the first went on from the last");
                assert!(kinds_came_late, "a file after the first brought kinds the store did not have");
                // The last file failed: its rows are taken back, and so are the counts, also once
                // more rows than it had came after.
                store.fail_file(store.files.len() - 1, "gone".into());
                for path in &paths {
                    store.load(path.clone(), None);
                }
                let counted = earlier.expect("counted");
                assert!(counted.store_rows <= store.len());
                assert!(!counted.goes_on_in(&store, filter));
                let view = compute_after(&store, filter, sort, Some(counted));
                assert_eq!(shown(&view), shown(&compute(&store, filter, sort)), "{filter:?} {sort:?} after a failure");
            }
        }
        // Counts of another filter are not taken for this one's.
        let mut store = Store::new(Arc::new(Knowledge::bundled()));
        store.load(paths[0].clone(), None);
        let all = compute(&store, &Filter::default(), None).counted.expect("counted");
        assert!(!all.goes_on_in(&store, &filters[1]));
        let failures = compute_after(&store, &filters[1], None, Some(all));
        assert_eq!(shown(&failures), shown(&compute(&store, &filters[1], None)));
    }
}
