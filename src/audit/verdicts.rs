//! Each practice's verdict: followed when the log shows the situation it is about and no finding
//! breaks it, not followed when a finding does, not seen when the log never shows the situation.
//! "Log errors" has no rule: it is judged by what the log itself keeps of each failure.

use super::{Chain, Finding, PracticeVerdict, Verdict};
use crate::knowledge::Practices;
use crate::store::{NO_TIME, NONE, Store};

/// How many failures are read back for what the store does not keep (request id, body).
const READ_BACK: usize = 200;

/// Every practice of the knowledge base, in its order.
pub fn judge(store: &Store, practices: &Practices, chains: &[Chain], findings: &[Finding]) -> Vec<PracticeVerdict> {
    practices
        .practices
        .iter()
        .map(|practice| {
            let broken = findings.iter().filter(|finding| finding.practice == practice.id).count();
            let (seen, detail) = match practice.id.as_str() {
                "retry_with_backoff" => {
                    retries_after(store, chains, |status| status == 0 || status >= 500, "a 5xx or no response")
                }
                "handle_rate_limits" => retries_after(store, chains, |status| status == 429, "a 429"),
                "check_status_codes" => status_checks(store, findings),
                "log_errors" => return log_errors(store, practices, practice),
                _ => (false, String::new()),
            };
            let verdict = match (broken, seen) {
                (0, true) => Verdict::Followed,
                (0, false) => Verdict::NotSeen,
                _ => Verdict::NotFollowed,
            };
            PracticeVerdict {
                id: practice.id.clone(),
                title: practice.title.clone(),
                verdict,
                findings: broken,
                detail,
            }
        })
        .collect()
}

/// Whether the client retried after a status of this class, and the figures.
fn retries_after(store: &Store, chains: &[Chain], class: impl Fn(u16) -> bool, what: &str) -> (bool, String) {
    let retried: Vec<&Chain> =
        chains.iter().filter(|chain| chain.attempts.windows(2).any(|pair| class(pair[0].status))).collect();
    let failures = store.status.iter().filter(|&status| class(status)).count();
    let detail = match (retried.len(), failures) {
        (0, 0) => format!("No call got {what}."),
        (0, _) => format!("{failures} calls got {what}; the log shows none of them retried."),
        (chains, _) => {
            let retries: usize = retried.iter().map(|chain| chain.attempts.len() - 1).sum();
            format!(
                "{failures} calls got {what}; {chains} requests were sent again after one ({retries} retries in all)."
            )
        }
    };
    (!retried.is_empty(), detail)
}

fn status_checks(store: &Store, findings: &[Finding]) -> (bool, String) {
    let failures = store.status.iter().filter(|&status| crate::record::is_failure_status(status)).count();
    let count = |rule: &str| findings.iter().filter(|finding| finding.rule == rule).count();
    let detail = format!(
        "{failures} failed calls; {} requests repeated unchanged after a 4xx that cannot succeed, {} calls used a failed call's result.",
        count("retried_non_retryable"),
        count("used_failed_result")
    );
    (failures > 0, detail)
}

/// Judged from the log: the share of failures that show each part of a support request.
fn log_errors(
    store: &Store,
    practices: &Practices,
    practice: &crate::knowledge::practices::Practice,
) -> PracticeVerdict {
    let verdict = |verdict, detail| PracticeVerdict {
        id: practice.id.clone(),
        title: practice.title.clone(),
        verdict,
        findings: 0,
        detail,
    };
    // One pass over the columns: how many failures show a time, an endpoint, a message.
    let unaddressed: Vec<bool> =
        (0..store.endpoints.len() as u32).map(|id| store.endpoints.get(id).ends_with("(unknown path)")).collect();
    let (mut failed, mut timed, mut addressed, mut explained) = (0, 0, 0, 0);
    store.for_each_row(None, |_, values| {
        if crate::record::is_failure_status(values.status) {
            failed += 1;
            timed += usize::from(values.time_ms != NO_TIME);
            addressed += usize::from(!unaddressed.get(values.endpoint as usize).copied().unwrap_or(true));
            explained += usize::from(values.message != NONE);
        }
    });
    if failed == 0 {
        return verdict(Verdict::NotSeen, "No failed calls in the log.".to_string());
    }
    let share = |count: usize, of: usize| if of == 0 { 1.0 } else { count as f64 / of as f64 };
    let (timed, addressed, explained) = (share(timed, failed), share(addressed, failed), share(explained, failed));
    // The request id and body are not in the store: read back every so many failures.
    let step = failed.div_ceil(READ_BACK).max(1);
    let failures = store.status.iter().enumerate().filter(|(_, status)| crate::record::is_failure_status(*status));
    let sample: Vec<crate::record::Record> = failures.step_by(step).filter_map(|(row, _)| store.record(row)).collect();
    let with_id = share(sample.iter().filter(|record| record.request_id.is_some()).count(), sample.len());
    let senders: Vec<&crate::record::Record> =
        sample.iter().filter(|record| crate::record::sends_body(record.method.as_deref())).collect();
    let with_body = share(senders.iter().filter(|record| record.request.body.is_some()).count(), senders.len());
    let parts = [
        ("a time", timed),
        ("the endpoint", addressed),
        ("the error message", explained),
        ("a request id", with_id),
        ("the request body (of calls that send one)", with_body),
    ];
    let percent = |share: f64| format!("{:.0} %", share * 100.0);
    let shown: Vec<String> = parts.iter().map(|(part, share)| format!("{} {part}", percent(*share))).collect();
    let missing: Vec<&str> =
        parts.iter().filter(|(_, share)| *share < practices.log_errors_min_share).map(|(part, _)| *part).collect();
    let mut detail = format!(
        "Of {} failed calls: {} (request ids and bodies from {} read back).",
        failed,
        shown.join(", "),
        sample.len()
    );
    if missing.is_empty() {
        return verdict(Verdict::Followed, detail);
    }
    detail.push_str(&format!(" Too often missing for a support request: {}.", missing.join(", ")));
    verdict(Verdict::NotFollowed, detail)
}
