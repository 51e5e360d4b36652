//! Queries the app runs over the store: filters, and the time buckets of the failure timeline.
//! UI-free, so they are tested (and later benchmarked) without a window.

use crate::store::{CHUNK_ROWS, NO_TIME, NONE, RowValues, Store};
use serde::{Deserialize, Serialize};

/// Status classes a filter can pick.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum StatusClass {
    /// 2xx and 3xx.
    Success,
    /// 4xx.
    Client,
    /// 5xx.
    Server,
    /// Status 0: no response.
    NoResponse,
}

impl StatusClass {
    /// Whether a status belongs to the class.
    pub fn contains(self, status: u16) -> bool {
        match self {
            Self::Success => (100..400).contains(&status),
            Self::Client => (400..500).contains(&status),
            Self::Server => status >= 500,
            Self::NoResponse => status == 0,
        }
    }

    /// Label for buttons.
    pub fn label(self) -> &'static str {
        match self {
            Self::Success => "2xx/3xx",
            Self::Client => "4xx",
            Self::Server => "5xx",
            Self::NoResponse => "no response",
        }
    }
}

/// What the user narrowed the records to. Empty fields do not filter.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Filter {
    /// Free text, matched case-insensitively in endpoint, message, kind, status and file name.
    pub text: String,
    /// Treat `text` as a regular expression.
    pub regex: bool,
    /// Only failed calls.
    pub failures_only: bool,
    /// One status class.
    pub status_class: Option<StatusClass>,
    /// One status.
    pub status: Option<u16>,
    /// One kind id.
    pub kind: Option<String>,
    /// One endpoint template.
    pub endpoint: Option<String>,
    /// One input file (its index in the store).
    pub file: Option<usize>,
    /// Calls at or after this time (epoch ms).
    pub from_ms: Option<i64>,
    /// Calls before this time (epoch ms).
    pub to_ms: Option<i64>,
    /// Only these calls (an audit finding's attempts, say); not remembered between runs, as
    /// rows are numbers in one session's store.
    #[serde(skip)]
    pub calls: Option<CallSet>,
}

/// A set of calls a filter keeps, with what to call it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CallSet {
    /// What the calls are ("retry_storm on POST /api/customers").
    pub label: String,
    /// Store rows, ascending.
    pub rows: std::sync::Arc<Vec<u32>>,
}

impl CallSet {
    /// The set of `rows` (in any order), called `label`.
    pub fn new(label: impl Into<String>, mut rows: Vec<u32>) -> Self {
        rows.sort_unstable();
        rows.dedup();
        Self { label: label.into(), rows: std::sync::Arc::new(rows) }
    }
}

impl Filter {
    /// Whether nothing is filtered.
    pub fn is_empty(&self) -> bool {
        *self == Self { regex: self.regex, ..Self::default() }
    }
}

/// The rows a filter keeps, in store order; an invalid regex is an error for the UI to show.
pub fn apply(store: &Store, filter: &Filter) -> Result<Vec<u32>, regex::Error> {
    if filter.is_empty() {
        return Ok((0..store.len() as u32).collect());
    }
    let text = filter.text.trim();
    let matcher = if text.is_empty() {
        None
    } else if filter.regex {
        Some(regex::RegexBuilder::new(text).case_insensitive(true).build()?)
    } else {
        Some(regex::RegexBuilder::new(&regex::escape(text)).case_insensitive(true).build()?)
    };
    // Text matches are decided once per distinct string, not once per row.
    let endpoint_hits: Vec<bool> = match &matcher {
        Some(m) => (0..store.endpoints.len() as u32).map(|id| m.is_match(store.endpoints.get(id))).collect(),
        None => Vec::new(),
    };
    let message_hits: Vec<bool> = match &matcher {
        Some(m) => (0..store.messages.len() as u32).map(|id| m.is_match(store.messages.get(id))).collect(),
        None => Vec::new(),
    };
    let kind_hits: Vec<bool> = match &matcher {
        Some(m) => (0..store.kinds.len() as u32)
            .map(|id| {
                m.is_match(store.kinds.get(id)) || store.kind_info(id).is_some_and(|kind| m.is_match(&kind.title))
            })
            .collect(),
        None => Vec::new(),
    };
    let status_hits: Vec<bool> = match &matcher {
        Some(m) => (0..=999u16).map(|status| m.is_match(&status.to_string())).collect(),
        None => Vec::new(),
    };
    let file_hits: Vec<bool> = match &matcher {
        Some(m) => store.files.iter().map(|file| m.is_match(&file.path.display().to_string())).collect(),
        None => Vec::new(),
    };
    let kind = filter.kind.as_deref().map(|id| store.kinds.find(id).unwrap_or(NONE - 1));
    let endpoint = filter.endpoint.as_deref().map(|name| store.endpoints.find(name).unwrap_or(NONE));

    let mut kept = Vec::new();
    let columns = store.status.chunks().zip(store.kind.chunks()).zip(store.endpoint.chunks());
    let columns = columns.zip(store.file.chunks()).zip(store.time_ms.chunks()).zip(store.message.chunks());
    // Chunk by chunk: over slices, a row's values are one indexing away.
    for (chunk, (((((statuses, kinds), endpoints), files), times), messages)) in columns.enumerate() {
        let keep = |at: usize| -> bool {
            let status = statuses[at];
            if filter.failures_only && !crate::record::is_failure_status(status)
                || filter.status.is_some_and(|wanted| wanted != status)
                || filter.status_class.is_some_and(|class| !class.contains(status))
                || kind.is_some_and(|wanted| wanted != kinds[at])
                || endpoint.is_some_and(|wanted| wanted != endpoints[at])
                || filter.file.is_some_and(|wanted| wanted as u32 != files[at])
            {
                return false;
            }
            let time = times[at];
            if filter.from_ms.is_some_and(|from| time == NO_TIME || time < from)
                || filter.to_ms.is_some_and(|to| time == NO_TIME || time >= to)
            {
                return false;
            }
            if matcher.is_some() {
                let (message, kind) = (messages[at], kinds[at]);
                return endpoint_hits[endpoints[at] as usize]
                    || (message != NONE && message_hits[message as usize])
                    || (kind != NONE && kind_hits[kind as usize])
                    || file_hits[files[at] as usize]
                    || status_hits.get(usize::from(status)).copied().unwrap_or(false);
            }
            true
        };
        let first = chunk * CHUNK_ROWS;
        kept.extend((0..statuses.len()).filter(|&at| keep(at)).map(|at| (first + at) as u32));
    }
    if let Some(calls) = &filter.calls {
        kept.retain(|row| calls.rows.binary_search(row).is_ok());
    }
    Ok(kept)
}

/// Failures over time, counted per bucket and status.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Timeline {
    /// Start of the first bucket (epoch ms).
    pub start_ms: i64,
    /// Bucket width.
    pub bucket_ms: i64,
    /// Statuses present, ascending.
    pub statuses: Vec<u16>,
    /// `counts[s][b]`: failures with `statuses[s]` in bucket `b`.
    pub counts: Vec<Vec<u32>>,
}

/// Bucket widths to choose from, smallest first: seconds to a year. Past a week they are fixed
/// numbers of days (30, 91, 365), not calendar months: a log of years (the real logs gathered
/// span fourteen) is drawn a bar a quarter or a year, where weeks drew some 700 bars in a chart
/// made for 60.
const BUCKETS_MS: &[i64] = &[
    1_000,
    5_000,
    10_000,
    30_000,
    60_000,
    300_000,
    600_000,
    900_000,
    1_800_000,
    3_600_000,
    10_800_000,
    21_600_000,
    43_200_000,
    86_400_000,
    604_800_000,
    2_592_000_000,
    7_862_400_000,
    31_536_000_000,
];

/// A bucket's width as people write it: `30 s`, `5 min`, `3 h`, `91 d`.
pub fn bucket_text(bucket_ms: i64) -> String {
    const UNITS: [(i64, &str); 4] = [(86_400_000, "d"), (3_600_000, "h"), (60_000, "min"), (1_000, "s")];
    match UNITS.iter().find(|(unit, _)| bucket_ms >= *unit && bucket_ms % unit == 0) {
        Some((unit, name)) => format!("{} {name}", bucket_ms / unit),
        None => format!("{bucket_ms} ms"),
    }
}

/// The smallest bucket that cuts `span_ms` into at most `max_buckets`.
pub fn bucket_width(span_ms: i64, max_buckets: i64) -> i64 {
    BUCKETS_MS.iter().copied().find(|width| span_ms / width < max_buckets).unwrap_or(BUCKETS_MS[BUCKETS_MS.len() - 1])
}

/// The failure timeline of `rows` (failures without a time are left out).
pub fn timeline(store: &Store, rows: &[u32], max_buckets: i64) -> Timeline {
    // Two passes over millions of rows: the span and the statuses present, then the counts.
    let mut bounds = TimelineBounds::new();
    store.for_each_row(Some(rows), |_, row| bounds.add(row));
    let mut counter = bounds.counter(max_buckets);
    store.for_each_row(Some(rows), |_, row| counter.add(row));
    counter.finish()
}

/// Widens `span` to take in `time`.
pub fn widen(span: &mut Option<(i64, i64)>, time: i64) {
    *span = Some(span.map_or((time, time), |(first, last)| (first.min(time), last.max(time))));
}

/// A timeline's first pass: the span of the failures' times and the statuses present.
#[derive(Clone)]
pub struct TimelineBounds {
    span: Option<(i64, i64)>,
    present: Vec<bool>,
}

impl TimelineBounds {
    /// Nothing seen yet.
    pub fn new() -> Self {
        Self { span: None, present: vec![false; usize::from(u16::MAX) + 1] }
    }

    /// Takes in one row.
    pub fn add(&mut self, row: RowValues) {
        if crate::record::is_failure_status(row.status) && row.time_ms != NO_TIME {
            widen(&mut self.span, row.time_ms);
            self.present[usize::from(row.status)] = true;
        }
    }

    /// The second pass, in buckets that cut the span into at most `max_buckets`.
    pub fn counter(&self, max_buckets: i64) -> TimelineCounter {
        let Some((first, last)) = self.span else { return TimelineCounter::default() };
        let bucket_ms = bucket_width(last - first, max_buckets);
        let start_ms = first - first.rem_euclid(bucket_ms);
        let buckets = ((last - start_ms) / bucket_ms + 1) as usize;
        let statuses: Vec<u16> = (0..=u16::MAX).filter(|&status| self.present[usize::from(status)]).collect();
        // Each status's series, looked up by status instead of searched for.
        let mut series_by_status = vec![0u16; usize::from(u16::MAX) + 1];
        for (series, &status) in statuses.iter().enumerate() {
            series_by_status[usize::from(status)] = series as u16;
        }
        let counts = vec![vec![0u32; buckets]; statuses.len()];
        TimelineCounter {
            timeline: Timeline { start_ms, bucket_ms, statuses, counts },
            series_by_status,
            per_ms: 1.0 / bucket_ms as f64,
        }
    }
}

impl Default for TimelineBounds {
    fn default() -> Self {
        Self::new()
    }
}

/// A timeline's second pass: failures counted per bucket and status.
#[derive(Default)]
pub struct TimelineCounter {
    timeline: Timeline,
    /// Empty when no failure has a time: then nothing is counted.
    series_by_status: Vec<u16>,
    per_ms: f64,
}

impl TimelineCounter {
    /// Counts one row (a failure with a time; others are left out).
    pub fn add(&mut self, row: RowValues) {
        if self.series_by_status.is_empty() || !crate::record::is_failure_status(row.status) || row.time_ms == NO_TIME {
            return;
        }
        let Timeline { start_ms, bucket_ms, counts, .. } = &mut self.timeline;
        let bucket = bucket_of(row.time_ms - *start_ms, *bucket_ms, self.per_ms);
        let series = &mut counts[usize::from(self.series_by_status[usize::from(row.status)])];
        let last = series.len() - 1;
        series[bucket.min(last)] += 1;
    }

    /// The timeline counted.
    pub fn finish(self) -> Timeline {
        self.timeline
    }
}

/// `offset / width` for an offset of zero or more, `per_ms` being `1 / width`: a multiply instead
/// of a division a row (most of the timeline's time). The float quotient is off by one at most,
/// which the two checks mend.
fn bucket_of(offset: i64, width: i64, per_ms: f64) -> usize {
    let mut bucket = (offset as f64 * per_ms) as i64;
    if bucket * width > offset {
        bucket -= 1;
    } else if (bucket + 1) * width <= offset {
        bucket += 1;
    }
    bucket as usize
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::ingest_bytes;
    use crate::knowledge::Knowledge;
    use std::path::Path;
    use std::sync::Arc;

    fn store() -> Store {
        let log = concat!(
            "{\"time\":\"2026-11-20T10:00:00Z\",\"method\":\"POST\",\"path\":\"/api/customers\",\"status\":409,\"response\":{\"body\":{\"error\":\"Conflict\",\"message\":\"Duplicate email\"}}}\n",
            "{\"time\":\"2026-11-20T10:20:00Z\",\"method\":\"GET\",\"path\":\"/api/customers/1\",\"status\":404,\"response\":{\"body\":{\"error\":\"Not Found\",\"message\":\"Customer not found\"}}}\n",
            "{\"time\":\"2026-11-20T11:00:00Z\",\"method\":\"GET\",\"path\":\"/api/customers/2\",\"status\":200}\n",
            "{\"time\":\"2026-11-20T11:59:00Z\",\"method\":\"POST\",\"path\":\"/api/customers\",\"status\":503}\n",
        );
        let ingested = ingest_bytes(Path::new("a.ndjson"), log.as_bytes(), None).expect("readable");
        let mut store = Store::new(Arc::new(Knowledge::bundled()));
        store.add("a.ndjson".into(), ingested, log.as_bytes().into());
        store
    }

    fn rows(filter: Filter) -> Vec<u32> {
        apply(&store(), &filter).expect("valid filter")
    }

    #[test]
    fn each_filter_narrows() {
        assert_eq!(rows(Filter::default()), vec![0, 1, 2, 3]);
        assert_eq!(rows(Filter { failures_only: true, ..Filter::default() }), vec![0, 1, 3]);
        assert_eq!(rows(Filter { status: Some(404), ..Filter::default() }), vec![1]);
        assert_eq!(rows(Filter { status_class: Some(StatusClass::Server), ..Filter::default() }), vec![3]);
        assert_eq!(rows(Filter { kind: Some("duplicate_email".into()), ..Filter::default() }), vec![0]);
        assert_eq!(rows(Filter { kind: Some("nothing".into()), ..Filter::default() }), Vec::<u32>::new());
        assert_eq!(rows(Filter { endpoint: Some("GET /api/customers/{id}".into()), ..Filter::default() }), vec![1, 2]);
        assert_eq!(rows(Filter { text: "customer NOT".into(), ..Filter::default() }), vec![1]);
        assert_eq!(rows(Filter { text: "duplicate".into(), ..Filter::default() }), vec![0]);
        assert_eq!(rows(Filter { text: "^5\\d\\d$".into(), regex: true, ..Filter::default() }), vec![3]);
        let from = Some(1_795_172_400_000); // 11:00
        assert_eq!(rows(Filter { from_ms: from, ..Filter::default() }), vec![2, 3]);
        assert!(apply(&store(), &Filter { text: "(".into(), regex: true, ..Filter::default() }).is_err());
        assert!(Filter { regex: true, ..Filter::default() }.is_empty());
    }

    #[test]
    fn timeline_buckets_by_span() {
        let store = store();
        let all: Vec<u32> = (0..4).collect();
        let timeline = timeline(&store, &all, 60);
        assert_eq!(timeline.bucket_ms, 300_000);
        assert_eq!(timeline.statuses, vec![404, 409, 503]);
        assert_eq!(timeline.counts.iter().map(|c| c.iter().sum::<u32>()).collect::<Vec<_>>(), vec![1, 1, 1]);
        assert_eq!(timeline.counts[2].len(), 24);
        assert_eq!(timeline.counts[2][23], 1);
        assert_eq!(bucket_width(5_000, 60), 1_000);
        assert_eq!(bucket_width(3 * 86_400_000, 60), 10_800_000);
        let texts: Vec<String> = BUCKETS_MS.iter().map(|&width| bucket_text(width)).collect();
        assert_eq!(texts[..3], ["1 s", "5 s", "10 s"]);
        assert_eq!(texts[4..7], ["1 min", "5 min", "10 min"]);
        assert_eq!(texts[9..], ["1 h", "3 h", "6 h", "12 h", "1 d", "7 d", "30 d", "91 d", "365 d"]);
        assert_eq!(bucket_text(1_500), "1500 ms");
        // Years of logs stay within the buckets asked for, as far as a year a bucket allows.
        const DAY_MS: i64 = 86_400_000;
        for (years, width_days) in [(1, 7), (2, 30), (14, 91), (50, 365)] {
            let span = years * 365 * DAY_MS;
            assert_eq!(bucket_width(span, 60), width_days * DAY_MS, "{years} years");
            assert!(span / bucket_width(span, 60) < 60, "{years} years");
        }
    }

    /// The timeline as first written: every failure's status collected and sorted, series found
    /// by searching them.
    fn timeline_oracle(store: &Store, rows: &[u32], max_buckets: i64) -> Timeline {
        let failures: Vec<usize> = rows
            .iter()
            .map(|&row| row as usize)
            .filter(|&row| store.is_failure(row) && store.time_ms[row] != NO_TIME)
            .collect();
        let Some(first) = failures.iter().map(|&row| store.time_ms[row]).min() else { return Timeline::default() };
        let last = failures.iter().map(|&row| store.time_ms[row]).max().unwrap_or(first);
        let bucket_ms = bucket_width(last - first, max_buckets);
        let start_ms = first - first.rem_euclid(bucket_ms);
        let buckets = ((last - start_ms) / bucket_ms + 1) as usize;
        let mut statuses: Vec<u16> = failures.iter().map(|&row| store.status[row]).collect();
        statuses.sort_unstable();
        statuses.dedup();
        let mut counts = vec![vec![0u32; buckets]; statuses.len()];
        for &row in &failures {
            let series = statuses.binary_search(&store.status[row]).expect("collected above");
            counts[series][(((store.time_ms[row] - start_ms) / bucket_ms) as usize).min(buckets - 1)] += 1;
        }
        Timeline { start_ms, bucket_ms, statuses, counts }
    }

    proptest::proptest! {
        #[test]
        fn a_bucket_is_the_quotient_of_the_offset_by_the_width(
            width in 1i64..=100_000_000_000,
            quotient in 0i64..100_000,
            remainder_part in 0.0f64..1.0,
        ) {
            // Offsets at, just before and just after multiples of the width, where a float
            // quotient rounds the wrong way.
            let remainder = ((width - 1) as f64 * remainder_part) as i64;
            for offset in [quotient * width, quotient * width + remainder, (quotient * width - 1).max(0)] {
                proptest::prop_assert_eq!(bucket_of(offset, width, 1.0 / width as f64), (offset / width) as usize);
            }
        }

        #[test]
        fn timeline_counts_as_the_sorting_version_did(
            calls in proptest::collection::vec(
                (proptest::sample::select(vec![200u16, 204, 301, 400, 404, 409, 429, 500, 503, 599, 777]),
                 proptest::option::of(0i64..400_000)),
                0..60),
            keep_every in 1usize..4,
        ) {
            let mut log = String::new();
            for (status, seconds) in &calls {
                let time = seconds.map(|seconds| {
                    let at = chrono::DateTime::from_timestamp(1_795_168_800 + seconds, 0).expect("in range");
                    format!("\"time\":\"{}\",", at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
                });
                log.push_str(&format!("{{{}\"method\":\"GET\",\"path\":\"/a\",\"status\":{status}}}\n", time.unwrap_or_default()));
            }
            let ingested = ingest_bytes(Path::new("t.ndjson"), log.as_bytes(), None).expect("readable");
            let mut store = Store::new(Arc::new(Knowledge::bundled()));
            store.add("t.ndjson".into(), ingested, log.as_bytes().into());
            proptest::prop_assert_eq!(store.len(), calls.len());
            let rows: Vec<u32> = (0..store.len() as u32).filter(|row| (*row as usize).is_multiple_of(keep_every)).collect();
            for max_buckets in [60, 7] {
                proptest::prop_assert_eq!(timeline(&store, &rows, max_buckets), timeline_oracle(&store, &rows, max_buckets));
            }
        }
    }
}
