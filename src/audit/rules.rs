//! The rules: what in a chain (or in the call after a failure) breaks a practice. Thresholds,
//! severity and advice come from the knowledge base ([`Practices`]); a rule the knowledge base
//! does not name is not applied.

use super::{Attempt, Chain, Finding};
use crate::knowledge::Practices;
use crate::record::is_failure_status;
use crate::store::Store;

/// Findings of the retry rules, chain by chain.
pub fn chain_findings(store: &Store, practices: &Practices, chains: &[Chain]) -> Vec<Finding> {
    let mut findings = Vec::new();
    for chain in chains {
        let attempts = chain.attempts.as_slice();
        let mut found = |rule: &str, status: u16, retry_after_ms: Option<u32>| {
            if let Some(finding) = finding(store, practices, rule, status, attempts, retry_after_ms) {
                findings.push(finding);
            }
        };
        if let Some(status) = storm(practices, attempts) {
            found("retry_storm", status, None);
        } else if let Some(status) = without_backoff(practices, attempts) {
            found("retry_without_backoff", status, None);
        }
        if let Some(retry_after_ms) = before_retry_after(practices, attempts) {
            found("retry_before_retry_after", 429, retry_after_ms);
        }
        if let Some(status) = non_retryable_repeated(practices, attempts) {
            found("retried_non_retryable", status, None);
        }
    }
    findings
}

/// A call whose path holds a value the client never got (`undefined`, `null`, ...) right after
/// a failed call of the same file: the client used a failed call's result without checking it.
pub fn used_failed_results(store: &Store, practices: &Practices) -> Vec<Finding> {
    let unset: Vec<bool> = (0..store.endpoints.len() as u32)
        .map(|id| store.endpoints.get(id).split('/').any(crate::endpoint::is_unset_value))
        .collect();
    let mut findings = Vec::new();
    // The row before's file and status, carried along (a row's values are one chunk away).
    let mut before: Option<(u32, u16)> = None;
    let columns = store.endpoint.chunks().zip(store.file.chunks()).zip(store.status.chunks());
    for (chunk, ((endpoints, files), statuses)) in columns.enumerate() {
        for (at, ((&endpoint, &file), &status)) in endpoints.iter().zip(files).zip(statuses).enumerate() {
            if let Some((before_file, before_status)) = before
                && unset.get(endpoint as usize).copied().unwrap_or(false)
                && file == before_file
                && is_failure_status(before_status)
            {
                let row = chunk * crate::store::CHUNK_ROWS + at;
                let attempts = [attempt_of(store, row - 1), attempt_of(store, row)];
                findings.extend(finding(store, practices, "used_failed_result", before_status, &attempts, None));
            }
            before = Some((file, status));
        }
    }
    findings
}

/// The status that began a retry storm: the most attempts the knowledge base allows within its
/// window, or more.
fn storm(practices: &Practices, attempts: &[Attempt]) -> Option<u16> {
    let span = practices.storm_attempts.checked_sub(1)?;
    let stormy = (0..attempts.len().saturating_sub(span))
        .any(|at| attempts[at + span].time_ms.saturating_sub(attempts[at].time_ms) <= practices.storm_window_ms);
    stormy.then(|| attempts[0].status)
}

/// The transient status (5xx or none) after which the client retried at a pace that never
/// grew: a run of retries after transient failures, long enough, each gap under the growth
/// factor times the one before.
fn without_backoff(practices: &Practices, attempts: &[Attempt]) -> Option<u16> {
    let transient = |status: u16| status == 0 || status >= 500;
    let start = attempts.iter().position(|attempt| transient(attempt.status))?;
    // The run: attempts that follow a transient failure, and the one it started with.
    let run_len = 1 + attempts[start..].windows(2).take_while(|pair| transient(pair[0].status)).count();
    if run_len < practices.backoff_min_attempts {
        return None;
    }
    let gaps = super::gaps_ms(&attempts[start..start + run_len]);
    let grows = |before: i64, after: i64| after > before && after as f64 >= practices.backoff_growth * before as f64;
    gaps.windows(2).all(|pair| !grows(pair[0], pair[1])).then(|| attempts[start].status)
}

/// After a 429, an attempt that came before the Retry-After it named (or the default wait when
/// it named none): `Some(the Retry-After named)`.
fn before_retry_after(practices: &Practices, attempts: &[Attempt]) -> Option<Option<u32>> {
    attempts.windows(2).find_map(|pair| {
        let waited = pair[1].time_ms.saturating_sub(pair[0].time_ms);
        let asked = pair[0].retry_after_ms.map_or(practices.retry_after_default_ms, i64::from);
        (pair[0].status == 429 && waited < asked).then_some(pair[0].retry_after_ms)
    })
}

/// A 4xx that a repeat cannot cure, repeated unchanged: its status.
fn non_retryable_repeated(practices: &Practices, attempts: &[Attempt]) -> Option<u16> {
    let attempts = &attempts[..attempts.len().saturating_sub(1)];
    attempts
        .iter()
        .map(|attempt| attempt.status)
        .find(|&status| (400..500).contains(&status) && !practices.retryable_4xx.contains(&status))
}

fn finding(
    store: &Store,
    practices: &Practices,
    rule: &str,
    status: u16,
    attempts: &[Attempt],
    retry_after_ms: Option<u32>,
) -> Option<Finding> {
    let known = practices.rule(rule)?;
    let last = attempts.last()?;
    let endpoint = store.endpoint.get(last.row as usize).map(|id| store.endpoints.get(id).to_string());
    Some(Finding {
        rule: known.id.clone(),
        practice: known.practice.clone(),
        severity: known.severity,
        endpoint: endpoint.unwrap_or_default(),
        status,
        attempts: attempts.to_vec(),
        retry_after_ms,
        advice: known.advice.clone(),
    })
}

fn attempt_of(store: &Store, row: usize) -> Attempt {
    let none = crate::store::NONE;
    Attempt {
        row: row as u32,
        time_ms: store.time_ms.get(row).unwrap_or(crate::store::NO_TIME),
        status: store.status.get(row).unwrap_or(0),
        retry_after_ms: store.retry_after_ms.get(row).filter(|&ms| ms != none),
    }
}
