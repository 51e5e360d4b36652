//! The report in Markdown: headings, tables for the charts, a code block for each example call.
//! Every value from a log goes through [`crate::output::markdown`].

use super::{Report, failures_over_time, group_lines, percent, status_name, time_text};
use crate::output::markdown::{code_block, text};
use std::fmt::Write as _;

/// The report as one Markdown document.
pub fn render(report: &Report) -> String {
    let summary = &report.summary;
    let mut out = String::from("# errlens report\n\n");
    let share = percent(summary.errors as u64, summary.records as u64);
    let _ = write!(out, "**{} calls, {} failed** ({share})", summary.records, summary.errors);
    if let Some((first, last)) = report.span {
        let _ = write!(out, ", from {} to {}", time_text(first), time_text(last));
    }
    out.push_str(".\n\n## Files\n\n| file | format | calls | not calls | problem |\n|---|---|---:|---:|---|\n");
    for input in &summary.inputs {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            text(&input.path),
            text(input.format.unwrap_or("-")),
            input.records,
            input.skipped,
            text(input.error.as_deref().unwrap_or(""))
        );
    }
    out.push_str("\n## Calls by status\n\n| status | calls | share |\n|---|---:|---:|\n");
    for (status, count) in &summary.by_status {
        let failed = if crate::record::is_failure_status(*status) { " (failed)" } else { "" };
        let _ = writeln!(
            out,
            "| {}{failed} | {count} | {} |",
            status_name(*status),
            percent(*count as u64, summary.records as u64)
        );
    }
    out.push_str("\n## Failures by kind\n\n| kind | what | failures |\n|---|---|---:|\n");
    for group in &summary.groups {
        let _ = writeln!(out, "| {} | {} | {} |", text(&group.kind), text(&group.title), group.count);
    }
    let buckets = failures_over_time(&report.timeline);
    if buckets.iter().any(|(_, count)| *count > 0) {
        let width = crate::query::bucket_text(report.timeline.bucket_ms);
        let _ = write!(
            out,
            "\n## Failures over time\n\nIn buckets of {width}, from the bucket's start (UTC); buckets without failures are left out.\n\n| from | failures |\n|---|---:|\n"
        );
        for (start, count) in buckets.iter().filter(|(_, count)| *count > 0) {
            let _ = writeln!(out, "| {} | {count} |", time_text(*start));
        }
    }
    out.push_str("\n## Groups\n");
    for (at, group) in summary.groups.iter().enumerate() {
        let (heading, sentence) = group_lines(at, group, text);
        let _ = writeln!(out, "\n### {heading}\n\n{sentence}.\n");
        if !group.meaning.is_empty() {
            let _ = write!(out, "**What it means.** {}\n\n", text(&group.meaning));
        }
        if !group.fix.is_empty() {
            out.push_str("**The fix.**\n\n");
            for (step, line) in group.fix.iter().enumerate() {
                let _ = writeln!(out, "{}. {}", step + 1, text(line));
            }
            out.push('\n');
        }
        let _ = write!(out, "**Retry.** {}", text(group.retry.advice()));
        if !group.retry_after.is_empty() {
            let seen: Vec<String> =
                group.retry_after.iter().map(|(value, count)| format!("{} ({count})", text(value))).collect();
            let _ = write!(out, " Retry-After seen: {}.", seen.join(", "));
        }
        out.push_str("\n\n| endpoint | failures |\n|---|---:|\n");
        for endpoint in group.endpoints.iter().take(10) {
            let _ = writeln!(out, "| {} | {} |", text(&endpoint.endpoint), endpoint.count);
        }
        if !group.messages.is_empty() {
            out.push_str("\n| message | failures |\n|---|---:|\n");
            for message in group.messages.iter().take(10) {
                let _ = writeln!(out, "| {} | {} |", text(&message.message), message.count);
            }
        }
        match report.examples.get(at).and_then(Option::as_ref) {
            Some(example) => {
                out.push_str("\nThe most recent call, sensitive data removed:\n\n");
                out.push_str(&code_block(example));
            }
            None => out.push_str("\n(The example call could not be read back from its file.)\n"),
        }
    }
    if !report.findings.is_empty() {
        out.push_str("\n## Integration findings\n");
        for finding in &report.findings {
            let _ = write!(out, "\n### {}\n\n{}\n\n", text(&finding.title), text(&finding.detail));
            for place in &finding.evidence {
                let _ = writeln!(out, "- {}", text(place));
            }
        }
    }
    out.push_str("\n---\nMade by errlens from the logs above; values that identify people or hold secrets are replaced by markers such as `[api key]`.\n");
    out
}
