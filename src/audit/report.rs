//! `errlens audit`'s output: the JSON contract (README "Audit and compare") and the text form,
//! every value quoted from a log or a knowledge file escaped for a terminal.

use super::{Audit, Finding, PracticeVerdict, Severity};
use crate::ingest::time::format_rfc3339;
use crate::output::text::one_line;
use crate::store::{NO_TIME, Store};
use serde::Serialize;
use std::fmt::Write as _;

/// The JSON contract.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// Calls audited.
    pub calls: usize,
    /// Every practice with its verdict.
    pub practices: Vec<PracticeVerdict>,
    /// Every finding.
    pub findings: Vec<FindingReport>,
}

/// One finding as the JSON contract has it.
#[derive(Debug, Clone, Serialize)]
pub struct FindingReport {
    /// Rule id.
    pub rule: String,
    /// Practice id.
    pub practice: String,
    /// `high`, `medium`, `low`.
    pub severity: Severity,
    /// `POST /api/customers`.
    pub endpoint: String,
    /// The status the rule is about.
    pub status: u16,
    /// How many calls are its evidence.
    pub attempts: usize,
    /// The first attempt's time, RFC 3339.
    pub first_seen: Option<String>,
    /// The last attempt's time, RFC 3339.
    pub last_seen: Option<String>,
    /// The gaps between attempts.
    pub gaps_ms: Vec<i64>,
    /// The Retry-After the response named.
    pub retry_after_ms: Option<u32>,
    /// The calls, by file and line.
    pub calls: Vec<CallRef>,
    /// What to do.
    pub advice: String,
}

/// Where a call is.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct CallRef {
    /// The file as given.
    pub path: String,
    /// 1-based line.
    pub line: u32,
}

impl Report {
    /// The report of `audit` on `store`.
    pub fn of(audit: &Audit, store: &Store) -> Self {
        Self {
            calls: audit.calls,
            practices: audit.practices.clone(),
            findings: audit.findings.iter().map(|finding| FindingReport::of(finding, store)).collect(),
        }
    }
}

fn time(ms: Option<i64>) -> Option<String> {
    ms.filter(|&ms| ms != NO_TIME).and_then(format_rfc3339)
}

impl FindingReport {
    fn of(finding: &Finding, store: &Store) -> Self {
        Self {
            rule: finding.rule.clone(),
            practice: finding.practice.clone(),
            severity: finding.severity,
            endpoint: finding.endpoint.clone(),
            status: finding.status,
            attempts: finding.attempts.len(),
            first_seen: time(finding.attempts.first().map(|attempt| attempt.time_ms)),
            last_seen: time(finding.attempts.last().map(|attempt| attempt.time_ms)),
            // A call without a time (used_failed_result) has no gap to show.
            gaps_ms: if finding.attempts.iter().any(|attempt| attempt.time_ms == NO_TIME) {
                Vec::new()
            } else {
                finding.gaps_ms()
            },
            retry_after_ms: finding.retry_after_ms,
            calls: finding.attempts.iter().filter_map(|attempt| call_ref(store, attempt.row)).collect(),
            advice: finding.advice.clone(),
        }
    }
}

/// The file and line of a row.
pub fn call_ref(store: &Store, row: u32) -> Option<CallRef> {
    let file = store.files.get(store.file.get(row as usize)? as usize)?;
    Some(CallRef { path: file.path.to_string_lossy().into_owned(), line: store.line.get(row as usize)? })
}

/// The verdict as a word for a terminal.
pub fn verdict_word(practice: &PracticeVerdict) -> &'static str {
    match practice.verdict {
        super::Verdict::Followed => "followed",
        super::Verdict::NotFollowed => "NOT FOLLOWED",
        super::Verdict::NotSeen => "not seen",
    }
}

/// The report as text for a terminal.
pub fn render_text(report: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} calls audited, {} findings\n", report.calls, report.findings.len());
    let _ = writeln!(out, "Practices:");
    for practice in &report.practices {
        let _ = writeln!(out, "  {:<13} {}", verdict_word(practice), one_line(&practice.title));
        let _ = writeln!(out, "  {:<13} {}", "", one_line(&practice.detail));
    }
    if !report.findings.is_empty() {
        let _ = writeln!(out, "\nFindings:");
    }
    for finding in &report.findings {
        let severity = format!("{:?}", finding.severity).to_lowercase();
        let status = if finding.status == 0 { "no response".to_string() } else { finding.status.to_string() };
        let _ = writeln!(
            out,
            "  [{severity}] {} ({}): {} after {status}, {} attempts",
            one_line(&finding.rule),
            one_line(&finding.practice),
            one_line(&finding.endpoint),
            finding.attempts
        );
        if let (Some(first), Some(last)) = (&finding.first_seen, &finding.last_seen) {
            let gaps: Vec<String> = finding.gaps_ms.iter().map(|gap| super::sentence::duration(*gap)).collect();
            let _ = writeln!(out, "      {first} .. {last}; gaps {}", gaps.join(", "));
        }
        if let Some(asked) = finding.retry_after_ms {
            let _ = writeln!(out, "      Retry-After asked for {}", super::sentence::duration(i64::from(asked)));
        }
        // Calls by file: `app.log lines 3, 4, 5`.
        let mut by_file: Vec<(&str, Vec<String>)> = Vec::new();
        for call in &finding.calls {
            match by_file.last_mut() {
                Some((path, lines)) if *path == call.path => lines.push(call.line.to_string()),
                _ => by_file.push((&call.path, vec![call.line.to_string()])),
            }
        }
        let calls: Vec<String> =
            by_file.iter().map(|(path, lines)| format!("{} lines {}", one_line(path), lines.join(", "))).collect();
        let _ = writeln!(out, "      calls: {}", calls.join("; "));
        let _ = writeln!(out, "      {}", one_line(&finding.advice));
    }
    out
}
