//! The report: the summary as a document a person attaches to a ticket, in Markdown or HTML.
//! Counts, the charts of the app's overview (by status, by kind, over time), and each group with
//! its documented fix and one example call, redacted as the support email's is.
//!
//! [`build`] gathers what a report shows from the store (the view of every row, one example
//! per group); [`markdown`] and [`html`] only lay it out, every value from a log through
//! `output::markdown` or `output::html`. Findings about the integration as a whole (retry
//! chains, rule checks) get their own section once the audit exists: it fills
//! [`Report::findings`], which both layouts already render.

mod html;
mod markdown;
mod svg;

use crate::query::{Filter, Timeline};
use crate::redact::Redactor;
use crate::store::{NO_TIME, NONE, Store};
use crate::summary::Summary;
use std::fmt::Write as _;

/// A report's layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    /// GitHub-flavoured Markdown: tables for the charts.
    Markdown,
    /// One self-contained HTML page with inline SVG charts and no script.
    Html,
}

/// A finding about the integration as a whole, with where it shows (file and line).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// One line: what was found.
    pub title: String,
    /// Why it matters and what to do.
    pub detail: String,
    /// Where it shows, e.g. `app.ndjson:12`.
    pub evidence: Vec<String>,
}

/// Everything a report shows.
#[derive(Debug)]
pub struct Report {
    /// The counts and groups, as `errlens summary` has them.
    pub summary: Summary,
    /// Failures over time.
    pub timeline: Timeline,
    /// The first and last time of any call.
    pub span: Option<(i64, i64)>,
    /// Per group (in the summary's order), one call as text, redacted; `None` when it could not
    /// be read back.
    pub examples: Vec<Option<String>>,
    /// Findings about the integration (empty until the audit fills it).
    pub findings: Vec<Finding>,
}

/// The report of every call of `store`, its example calls redacted by `redactor`.
pub fn build(store: &Store, redactor: &Redactor) -> Report {
    let view = crate::view::compute(store, &Filter::default(), None);
    let summary = view.summary.unwrap_or_else(|| crate::summary::summarize(store, None));
    let latest = latest_row_per_kind(store);
    let examples = summary
        .groups
        .iter()
        .map(|group| {
            let row = latest.get(group.kind_index as usize).copied().flatten()?;
            let record = store.record(row as usize)?;
            Some(example_text(&redactor.redact_record(&record).value))
        })
        .collect();
    let findings = audit_findings(store, &crate::audit::audit(store));
    Report { summary, timeline: view.timeline, span: view.span, examples, findings }
}

/// The audit's findings as the report shows them: the rule and what it is about, the advice, and
/// the calls by file name and line (a ticket needs no one's folders).
fn audit_findings(store: &Store, audit: &crate::audit::Audit) -> Vec<Finding> {
    audit
        .findings
        .iter()
        .map(|finding| {
            let status = if finding.status == 0 { "no response".to_string() } else { finding.status.to_string() };
            let severity = format!("{:?}", finding.severity).to_lowercase();
            let evidence = finding
                .attempts
                .iter()
                .filter_map(|attempt| {
                    let row = attempt.row as usize;
                    let file = store.files.get(store.file.get(row)? as usize)?;
                    let name =
                        file.path.file_name().map_or_else(|| file.path.to_string_lossy(), |n| n.to_string_lossy());
                    Some(format!("{name}:{}", store.line.get(row)?))
                })
                .collect();
            Finding {
                title: format!(
                    "{} ({severity}): {} after {status}, {} attempts",
                    finding.rule,
                    finding.endpoint,
                    finding.attempts.len()
                ),
                detail: finding.advice.clone(),
                evidence,
            }
        })
        .collect()
}

/// Lays `report` out as `format`.
pub fn render(report: &Report, format: ReportFormat) -> String {
    match format {
        ReportFormat::Markdown => markdown::render(report),
        ReportFormat::Html => html::render(report),
    }
}

/// By kind id, the group's most recent call (the last one of those with the latest time).
fn latest_row_per_kind(store: &Store) -> Vec<Option<u32>> {
    let mut latest: Vec<Option<(i64, u32)>> = vec![None; store.kinds.len()];
    store.for_each_row(None, |row, values| {
        if values.kind == NONE {
            return;
        }
        if let Some(slot) = latest.get_mut(values.kind as usize)
            && slot.is_none_or(|(time, _)| values.time_ms >= time)
        {
            *slot = Some((values.time_ms, row));
        }
    });
    latest.into_iter().map(|slot| slot.map(|(_, row)| row)).collect()
}

/// A call as a person reads it: the request line, its time and id, the request body, and the
/// response with its headers and body (JSON pretty-printed).
fn example_text(call: &crate::record::Record) -> String {
    let mut text = format!("{} {}\n", call.method.as_deref().unwrap_or("?"), call.url.as_deref().unwrap_or("(no URL)"));
    if let Some(time) = call.time_ms.filter(|&time| time != NO_TIME).and_then(crate::ingest::time::format_rfc3339) {
        let _ = writeln!(text, "time: {time}");
    }
    if let Some(id) = &call.request_id {
        let _ = writeln!(text, "request id: {id}");
    }
    if let Some(body) = &call.request.body {
        let _ = write!(text, "\n{}\n", pretty(body));
    }
    if call.status == 0 {
        let _ = write!(text, "\nno response: {}\n", call.message.as_deref().unwrap_or("the connection failed"));
        return text;
    }
    let _ = writeln!(text, "\nHTTP {}", call.status);
    for (name, value) in &call.response.headers {
        let _ = writeln!(text, "{name}: {value}");
    }
    if let Some(body) = &call.response.body {
        let _ = write!(text, "\n{}\n", pretty(body));
    }
    text
}

fn pretty(body: &str) -> String {
    serde_json::from_str::<serde_json::Value>(body)
        .ok()
        .and_then(|value| serde_json::to_string_pretty(&value).ok())
        .unwrap_or_else(|| body.to_string())
}

/// A status as people say it.
/// What a group's heading and first sentence say, in either layout: `escape` is the layout's
/// escaper for text from a log. Returns (heading, sentence without its full stop).
fn group_lines(at: usize, group: &crate::summary::Group, escape: impl Fn(&str) -> String) -> (String, String) {
    let heading =
        format!("{}. {} ({}, {})", at + 1, escape(&group.title), escape(&group.kind), status_name(group.status));
    let mut sentence = format!("{} failed call{}", group.count, if group.count == 1 { "" } else { "s" });
    if let (Some(first), Some(last)) = (&group.first_seen, &group.last_seen) {
        let _ = write!(sentence, ", first {} and last {}", escape(first), escape(last));
    }
    if let Some(vendor) = &group.vendor {
        let _ = write!(sentence, "; documented by {}", escape(vendor));
    }
    (heading, sentence)
}

fn status_name(status: u16) -> String {
    if status == 0 { "no response".into() } else { status.to_string() }
}

/// Failures per bucket of the timeline, all statuses together: (bucket start, count).
fn failures_over_time(timeline: &Timeline) -> Vec<(i64, u64)> {
    let buckets = timeline.counts.iter().map(Vec::len).max().unwrap_or(0);
    (0..buckets)
        .map(|bucket| {
            let count = timeline.counts.iter().map(|series| u64::from(series.get(bucket).copied().unwrap_or(0))).sum();
            (timeline.start_ms.saturating_add(timeline.bucket_ms.saturating_mul(bucket as i64)), count)
        })
        .collect()
}

/// `part` of `whole` as a percentage with one decimal.
fn percent(part: u64, whole: u64) -> String {
    if whole == 0 { "-".into() } else { format!("{:.1} %", part as f64 * 100.0 / whole as f64) }
}

/// A time as RFC 3339 (UTC), or a dash.
fn time_text(ms: i64) -> String {
    crate::ingest::time::format_rfc3339(ms).unwrap_or_else(|| "-".into())
}

#[cfg(test)]
mod tests;
