//! The report as one self-contained HTML page: inline SVG charts beside their tables, each group
//! with its fix and example call. Every value from a log goes through [`crate::output::html`];
//! the page also forbids scripts and external loads itself (a Content-Security-Policy), so a
//! value that escaped escaping still could not run or call home.

use super::{Report, failures_over_time, group_lines, percent, status_name, svg, time_text};
use crate::output::html::{block, text};
use std::fmt::Write as _;

const HEAD: &str = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\
<title>errlens report</title><style>\
body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}\
table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ccc;padding:.2rem .5rem;text-align:left}\
td.n{text-align:right}pre{background:#f6f6f6;padding:.75rem;overflow-x:auto;white-space:pre-wrap}\
</style></head><body>\n";

/// The report as an HTML page.
pub fn render(report: &Report) -> String {
    let summary = &report.summary;
    let mut out = String::from(HEAD);
    let share = percent(summary.errors as u64, summary.records as u64);
    let _ = write!(
        out,
        "<h1>errlens report</h1>\n<p><strong>{} calls, {} failed</strong> ({share})",
        summary.records, summary.errors
    );
    if let Some((first, last)) = report.span {
        let _ = write!(out, ", from {} to {}", time_text(first), time_text(last));
    }
    out.push_str(".</p>\n<h2>Files</h2>\n<table><tr><th>file</th><th>format</th><th>calls</th><th>not calls</th><th>problem</th></tr>\n");
    for input in &summary.inputs {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td></tr>",
            text(&input.path),
            text(input.format.unwrap_or("-")),
            input.records,
            input.skipped,
            text(input.error.as_deref().unwrap_or(""))
        );
    }
    out.push_str("</table>\n<h2>Calls by status</h2>\n");
    let statuses: Vec<(String, u64)> =
        summary.by_status.iter().map(|(status, count)| (status_name(*status), *count as u64)).collect();
    out.push_str(&svg::bars("Calls by status", &statuses, "#2c7fb8"));
    out.push_str("\n<h2>Failures by kind</h2>\n");
    let kinds: Vec<(String, u64)> =
        summary.groups.iter().map(|group| (group.title.clone(), group.count as u64)).collect();
    out.push_str(&svg::bars("Failures by kind", &kinds, "#c0392b"));
    let buckets = failures_over_time(&report.timeline);
    if let (Some((first, _)), Some((last, _))) = (buckets.first(), buckets.last()) {
        let width = crate::query::bucket_text(report.timeline.bucket_ms);
        let _ = write!(out, "\n<h2>Failures over time</h2>\n<p>In buckets of {width} (UTC).</p>\n");
        out.push_str(&svg::timeline(&buckets, &time_text(*first), &time_text(*last)));
    }
    out.push_str("\n<h2>Groups</h2>\n");
    for (at, group) in summary.groups.iter().enumerate() {
        let (heading, sentence) = group_lines(at, group, text);
        let _ = writeln!(out, "<h3>{heading}</h3>\n<p>{sentence}.</p>");
        if !group.meaning.is_empty() {
            let _ = writeln!(out, "<p><strong>What it means.</strong> {}</p>", text(&group.meaning));
        }
        if !group.fix.is_empty() {
            out.push_str("<p><strong>The fix.</strong></p><ol>");
            for step in &group.fix {
                let _ = write!(out, "<li>{}</li>", text(step));
            }
            out.push_str("</ol>\n");
        }
        let _ = write!(out, "<p><strong>Retry.</strong> {}", text(group.retry.advice()));
        if !group.retry_after.is_empty() {
            let seen: Vec<String> =
                group.retry_after.iter().map(|(value, count)| format!("{} ({count})", text(value))).collect();
            let _ = write!(out, " Retry-After seen: {}.", seen.join(", "));
        }
        out.push_str("</p>\n<table><tr><th>endpoint</th><th>failures</th></tr>");
        for endpoint in group.endpoints.iter().take(10) {
            let _ =
                write!(out, "<tr><td>{}</td><td class=\"n\">{}</td></tr>", text(&endpoint.endpoint), endpoint.count);
        }
        out.push_str("</table>\n");
        if !group.messages.is_empty() {
            out.push_str("<table><tr><th>message</th><th>failures</th></tr>");
            for message in group.messages.iter().take(10) {
                let _ =
                    write!(out, "<tr><td>{}</td><td class=\"n\">{}</td></tr>", text(&message.message), message.count);
            }
            out.push_str("</table>\n");
        }
        match report.examples.get(at).and_then(Option::as_ref) {
            Some(example) => {
                let _ = writeln!(
                    out,
                    "<p>The most recent call, sensitive data removed:</p>\n<pre>{}</pre>",
                    block(example)
                );
            }
            None => out.push_str("<p>(The example call could not be read back from its file.)</p>\n"),
        }
    }
    if !report.findings.is_empty() {
        out.push_str("<h2>Integration findings</h2>\n");
        for finding in &report.findings {
            let _ = write!(out, "<h3>{}</h3>\n<p>{}</p>\n<ul>", text(&finding.title), text(&finding.detail));
            for place in &finding.evidence {
                let _ = write!(out, "<li>{}</li>", text(place));
            }
            out.push_str("</ul>\n");
        }
    }
    out.push_str(
        "<hr><p>Made by errlens from the logs above; values that identify people or hold secrets are \
         replaced by markers such as [api key].</p>\n</body></html>\n",
    );
    out
}
