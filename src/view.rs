//! What a window shows for a filter, computed over the store with no UI in it: the rows that
//! pass the filter in table order, their summary, time span, failure timeline and each kind's
//! trend. The app's view job, the benches and the tests call the same [`compute`].

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
}

/// Computes the view of `store` under `filter`, sorted by `sort`.
pub fn compute(store: &Store, filter: &Filter, sort: Option<(SortColumn, bool)>) -> View {
    let mut rows = match query::apply(store, filter) {
        Ok(rows) => rows,
        Err(error) => return View { error: Some(format!("invalid regular expression: {error}")), ..View::default() },
    };
    sort_rows(store, &mut rows, sort);
    // Two passes over the rows for everything (while a big file loads, a view reads millions of
    // rows ten times a second, on the cores that parse): the summary, the span of times and the
    // timeline's bounds, then what needs the span: the timeline's and the trends' buckets.
    let mut summary = summary::SummaryCounter::new(store);
    let mut bounds = query::TimelineBounds::new();
    let mut kinds = KindDetailCounter::new(store);
    let mut span = None;
    store.for_each_row(Some(&rows), |index, row| {
        summary.add(row);
        kinds.add(index, row);
        bounds.add(row);
        if row.time_ms != NO_TIME {
            query::widen(&mut span, row.time_ms);
        }
    });
    let mut timeline = bounds.counter(60);
    let mut trends = TrendCounter::new(store, span);
    store.for_each_row(Some(&rows), |_, row| {
        timeline.add(row);
        trends.add(row);
    });
    let (summary, timeline, trends) = (Some(summary.finish(store)), timeline.finish(), trends.finish());
    View { rows, summary, span, timeline, trends, kinds: kinds.finish(), error: None }
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
}
