//! The summary as a readable table, as `errlens summary` prints it (the fuzz targets render it
//! too). Every text from a log or a file name goes through [`one_line`]: a control character in
//! it reaches the terminal escaped, never as itself.

use super::Summary;
use crate::output::text::one_line;
use std::fmt::Write as _;

/// The summary as a readable table. Every text from a log or a file name is shown through
/// [`one_line`]: a control character in it reaches the terminal escaped, never as itself.
pub fn render_text(summary: &Summary) -> String {
    let mut out = String::new();
    let rate = if summary.records == 0 { 0.0 } else { 100.0 * summary.errors as f64 / summary.records as f64 };
    let _ = writeln!(
        out,
        "{} calls, {} failed ({rate:.1} %), {} file(s)\n",
        summary.records,
        summary.errors,
        summary.inputs.len()
    );
    let _ = writeln!(out, "{:<44} {:<8} {:>8} {:>8}", "FILE", "FORMAT", "RECORDS", "SKIPPED");
    for input in &summary.inputs {
        let format = match (input.format, input.gzip) {
            (Some(format), true) => format!("{format}.gz"),
            (Some(format), false) => format.to_string(),
            (None, _) => "-".to_string(),
        };
        let path = one_line(&input.path);
        let _ = writeln!(out, "{path:<44} {format:<8} {:>8} {:>8}", input.records, input.skipped);
        if let Some(error) = &input.error {
            let _ = writeln!(out, "    error: {}", one_line(error));
        }
        if input.encoding != crate::ingest::encoding::Encoding::Utf8 {
            let _ = writeln!(out, "    read as {} text", input.encoding);
        }
        if input.repaired_lines > 0 {
            let _ = writeln!(
                out,
                "    {} line(s) had bytes that are not UTF-8, read as Windows-1252",
                input.repaired_lines
            );
        }
        for example in input.skipped_examples.iter().take(5) {
            let _ = writeln!(out, "    line {}: {}", example.line, one_line(&example.reason));
        }
        if input.skipped > 5 {
            let _ = writeln!(out, "    ... and {} more skipped", input.skipped - 5);
        }
    }
    let statuses: Vec<String> = super::statuses_as_text(&summary.by_status)
        .iter()
        .map(|(status, count)| format!("{status}: {count}"))
        .collect();
    let _ = writeln!(out, "\nby status: {}\n", statuses.join(", "));
    if summary.groups.is_empty() {
        let _ = writeln!(out, "No failed calls.");
        return out;
    }
    let _ = writeln!(out, "{:>6}  {:<4} {:<24} {:<28} LAST SEEN", "COUNT", "STAT", "KIND", "TITLE");
    for group in &summary.groups {
        let _ = writeln!(
            out,
            "{:>6}  {:<4} {:<24} {:<28} {}",
            group.count,
            group.status,
            one_line(&group.kind),
            one_line(&group.title),
            one_line(group.last_seen.as_deref().unwrap_or("-"))
        );
        if let Some(top) = group.endpoints.first() {
            let _ = writeln!(out, "{:>12} {} ({})", "endpoint:", one_line(&top.endpoint), top.count);
        }
        if let Some(top) = group.messages.first() {
            let _ = writeln!(out, "{:>12} {} ({})", "message:", one_line(&top.message), top.count);
        }
        if !group.solution.is_empty() {
            let _ = writeln!(out, "{:>12} {}", "fix:", one_line(&group.solution));
        }
    }
    out
}
