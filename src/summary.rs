//! The summary: what failed, how often, since when, and the documented fix, for all inputs
//! together. Its JSON form is a contract (see README "Summary JSON"); the grouping runs as polars
//! queries over the store's columns.

use crate::ingest::time::format_rfc3339;
use crate::knowledge::Retry;
use crate::store::{NO_TIME, NONE, Store};
use polars::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// How many skipped lines each input lists.
pub const SKIPPED_EXAMPLES: usize = 20;

/// One skipped line as shown to users.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct SkippedExample {
    /// 1-based line.
    pub line: u64,
    /// Why.
    pub reason: String,
}

/// One input file.
#[derive(Debug, Clone, Serialize)]
pub struct InputSummary {
    /// The path as given.
    pub path: String,
    /// The content format (inside gzip); `null` when unreadable.
    pub format: Option<&'static str>,
    /// Whether it was gzip-compressed.
    pub gzip: bool,
    /// Records read.
    pub records: usize,
    /// Lines, items or rows that were not calls.
    pub skipped: usize,
    /// The first skipped lines with their reasons.
    pub skipped_examples: Vec<SkippedExample>,
    /// Why the file could not be read.
    pub error: Option<String>,
}

/// A value with how often it was seen.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct EndpointCount {
    /// `METHOD /path/{id}`.
    pub endpoint: String,
    /// Calls.
    pub count: usize,
}

/// A message variant with how often it was seen.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct MessageCount {
    /// The message with values replaced by placeholders.
    pub message: String,
    /// Calls.
    pub count: usize,
}

/// All failures of one kind.
#[derive(Debug, Clone, Serialize)]
pub struct Group {
    /// Kind id.
    pub kind: String,
    /// Its status (0 = no response).
    pub status: u16,
    /// Title.
    pub title: String,
    /// Failed calls.
    pub count: usize,
    /// Earliest time, RFC 3339 UTC.
    pub first_seen: Option<String>,
    /// Latest time, RFC 3339 UTC.
    pub last_seen: Option<String>,
    /// Endpoints, most frequent first.
    pub endpoints: Vec<EndpointCount>,
    /// Message variants, most frequent first.
    pub messages: Vec<MessageCount>,
    /// The documented fix in one paragraph.
    pub solution: String,
    /// Whether retrying the same call can succeed.
    pub retryable: bool,
    /// What it means.
    pub meaning: String,
    /// The fix as steps.
    pub fix: Vec<String>,
    /// When to retry.
    pub retry: Retry,
    /// `Retry-After` values seen, with counts.
    pub retry_after: BTreeMap<String, usize>,
    /// The vendor whose documentation this is, if any.
    pub vendor: Option<String>,
    /// The kind's index in the store (for the UI), not part of the JSON.
    #[serde(skip)]
    pub kind_index: u32,
    /// First and last time in epoch ms (for the UI), not part of the JSON.
    #[serde(skip)]
    pub span_ms: Option<(i64, i64)>,
}

/// Everything `errlens summary` prints.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    /// Every input.
    pub inputs: Vec<InputSummary>,
    /// Every call, successes included.
    pub records: usize,
    /// Calls with status >= 400 or no response.
    pub errors: usize,
    /// Every status seen; "0" = no response.
    pub by_status: BTreeMap<String, usize>,
    /// One group per kind, most frequent first.
    pub groups: Vec<Group>,
}

/// Summarizes the rows `rows` of a store (all rows: `None`).
pub fn summarize(store: &Store, rows: Option<&[u32]>) -> PolarsResult<Summary> {
    let all: Vec<u32>;
    let rows = match rows {
        Some(rows) => rows,
        None => {
            all = (0..store.len() as u32).collect();
            &all
        }
    };
    let mut by_status = BTreeMap::new();
    for &row in rows {
        *by_status.entry(store.status[row as usize].to_string()).or_insert(0) += 1;
    }
    let failures: Vec<u32> = rows.iter().copied().filter(|&row| store.kind[row as usize] != NONE).collect();
    Ok(Summary {
        inputs: store.files.iter().map(input_summary).collect(),
        records: rows.len(),
        errors: failures.len(),
        by_status,
        groups: groups(store, &failures)?,
    })
}

fn input_summary(file: &crate::store::SourceFile) -> InputSummary {
    InputSummary {
        path: file.path.display().to_string(),
        format: file.format.map(|format| format.name()),
        gzip: file.gzip,
        records: file.records,
        skipped: file.skipped_count,
        skipped_examples: file
            .skipped
            .iter()
            .take(SKIPPED_EXAMPLES)
            .map(|skipped| SkippedExample { line: skipped.line, reason: skipped.reason.to_string() })
            .collect(),
        error: file.error.clone(),
    }
}

/// The failure rows as a polars frame: kind, endpoint, message (null = none), time (null = none).
fn failure_frame(store: &Store, failures: &[u32]) -> PolarsResult<DataFrame> {
    let pick = |column: &Vec<u32>| failures.iter().map(|&row| column[row as usize]).collect::<Vec<u32>>();
    let messages: Vec<Option<u32>> =
        failures.iter().map(|&row| Some(store.message[row as usize]).filter(|&id| id != NONE)).collect();
    let times: Vec<Option<i64>> =
        failures.iter().map(|&row| Some(store.time_ms[row as usize]).filter(|&t| t != NO_TIME)).collect();
    DataFrame::new(
        failures.len(),
        vec![
            Column::new("kind".into(), pick(&store.kind)),
            Column::new("endpoint".into(), pick(&store.endpoint)),
            Column::new("message".into(), messages),
            Column::new("time".into(), times),
        ],
    )
}

fn counts_by(frame: &DataFrame, key: &str) -> PolarsResult<HashMap<u32, Vec<(u32, usize)>>> {
    let counted = frame
        .clone()
        .lazy()
        .filter(col(key).is_not_null())
        .group_by([col("kind"), col(key)])
        .agg([len().cast(DataType::Int64).alias("count")])
        .collect()?;
    let kinds = counted.column("kind")?.u32()?;
    let values = counted.column(key)?.u32()?;
    let counts = counted.column("count")?.i64()?;
    let mut by_kind: HashMap<u32, Vec<(u32, usize)>> = HashMap::new();
    for ((kind, value), count) in kinds.iter().zip(values.iter()).zip(counts.iter()) {
        if let (Some(kind), Some(value), Some(count)) = (kind, value, count) {
            by_kind.entry(kind).or_default().push((value, count as usize));
        }
    }
    Ok(by_kind)
}

fn groups(store: &Store, failures: &[u32]) -> PolarsResult<Vec<Group>> {
    if failures.is_empty() {
        return Ok(Vec::new());
    }
    let frame = failure_frame(store, failures)?;
    let per_kind = frame
        .clone()
        .lazy()
        .group_by([col("kind")])
        .agg([
            len().cast(DataType::Int64).alias("count"),
            col("time").min().alias("first"),
            col("time").max().alias("last"),
        ])
        .collect()?;
    let mut endpoints = counts_by(&frame, "endpoint")?;
    let mut messages = counts_by(&frame, "message")?;

    let kinds = per_kind.column("kind")?.u32()?;
    let counts = per_kind.column("count")?.i64()?;
    let firsts = per_kind.column("first")?.i64()?;
    let lasts = per_kind.column("last")?.i64()?;
    let mut groups = Vec::new();
    for (((kind, count), first), last) in kinds.iter().zip(counts.iter()).zip(firsts.iter()).zip(lasts.iter()) {
        let (Some(kind), Some(count)) = (kind, count) else { continue };
        let endpoints =
            sorted_counts(endpoints.remove(&kind).unwrap_or_default(), |id| store.endpoints.get(id).to_string());
        let messages =
            sorted_counts(messages.remove(&kind).unwrap_or_default(), |id| store.messages.get(id).to_string());
        groups.push(group(store, kind, count as usize, first.zip(last), endpoints, messages));
    }
    groups.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.kind.cmp(&b.kind)));
    Ok(groups)
}

fn sorted_counts(counts: Vec<(u32, usize)>, name: impl Fn(u32) -> String) -> Vec<(String, usize)> {
    let mut named: Vec<(String, usize)> = counts.into_iter().map(|(id, count)| (name(id), count)).collect();
    named.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    named
}

fn group(
    store: &Store,
    kind: u32,
    count: usize,
    span_ms: Option<(i64, i64)>,
    endpoints: Vec<(String, usize)>,
    messages: Vec<(String, usize)>,
) -> Group {
    let id = store.kinds.get(kind).to_string();
    let info = store.kind_info(kind);
    let status = info.as_ref().map_or(0, |info| info.status);
    let vendor =
        store.kind_vendor.get(&kind).and_then(|&index| store.knowledge.vendor(index)).map(|vendor| vendor.name.clone());
    let retry = info.as_ref().map_or(Retry::AfterFix, |info| info.retry);
    Group {
        kind: id.clone(),
        status,
        title: info.as_ref().map_or_else(|| id.clone(), |info| info.title.clone()),
        count,
        first_seen: span_ms.and_then(|(first, _)| format_rfc3339(first)),
        last_seen: span_ms.and_then(|(_, last)| format_rfc3339(last)),
        endpoints: endpoints.into_iter().map(|(endpoint, count)| EndpointCount { endpoint, count }).collect(),
        messages: messages.into_iter().map(|(message, count)| MessageCount { message, count }).collect(),
        solution: info.as_ref().map(crate::knowledge::Kind::solution).unwrap_or_default(),
        retryable: retry.is_retryable(),
        meaning: info.as_ref().map(|info| info.meaning.clone()).unwrap_or_default(),
        fix: info.as_ref().map(|info| info.fix.clone()).unwrap_or_default(),
        retry,
        retry_after: store.retry_after.get(&kind).cloned().unwrap_or_default(),
        vendor,
        kind_index: kind,
        span_ms,
    }
}

#[cfg(test)]
mod tests;
