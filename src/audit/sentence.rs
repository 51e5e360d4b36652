//! The audit in one sentence for a support email: how the client retried, in figures.

use super::Finding;

/// Retry findings in the order a sentence picks them: the one that weighs most first.
const RETRY_RULES: &[&str] =
    &["retry_storm", "retry_without_backoff", "retry_before_retry_after", "retried_non_retryable"];

/// A sentence about the weightiest retry finding, with how many more there are.
pub fn retry_summary(findings: &[Finding]) -> Option<String> {
    let retries: Vec<&Finding> =
        findings.iter().filter(|finding| RETRY_RULES.contains(&finding.rule.as_str())).collect();
    let first = RETRY_RULES.iter().find_map(|rule| retries.iter().find(|finding| finding.rule == *rule))?;
    let mut sentence = describe(first);
    if retries.len() > 1 {
        let more = retries.len() - 1;
        sentence.push_str(&format!(" ({more} more retry finding{} in the log)", if more == 1 { "" } else { "s" }));
    }
    sentence.push('.');
    Some(sentence)
}

fn describe(finding: &Finding) -> String {
    let retries = finding.attempts.len().saturating_sub(1);
    let gaps = finding.gaps_ms();
    let times = |n: usize| if n == 1 { "once".to_string() } else { format!("{n} times") };
    match finding.rule.as_str() {
        "retry_storm" => {
            let span = finding.attempts.last().map_or(0, |last| last.time_ms) - finding.attempts[0].time_ms;
            format!(
                "The client sent the same request {} times in {} after {}",
                finding.attempts.len(),
                duration(span),
                status_phrase(finding.status)
            )
        }
        "retry_without_backoff" => {
            let (least, most) = (gaps.iter().min().copied().unwrap_or(0), gaps.iter().max().copied().unwrap_or(0));
            let pace = if most - least <= most / 10 {
                format!("at a fixed {} interval", duration(most))
            } else {
                format!("at intervals of {} to {} that did not grow", duration(least), duration(most))
            };
            format!("The client retried {} {} {pace}", class_phrase(finding.status), times(retries))
        }
        "retry_before_retry_after" => {
            let at = finding.attempts.windows(2).position(|pair| pair[0].status == 429).unwrap_or(0);
            let waited = gaps.get(at).copied().unwrap_or(0);
            match finding.retry_after_ms {
                Some(asked) => format!(
                    "After a 429 the client retried {} later, before the {} its Retry-After asked for",
                    duration(waited),
                    duration(i64::from(asked))
                ),
                None => format!("After a 429 without Retry-After the client retried {} later", duration(waited)),
            }
        }
        _ => format!(
            "The client repeated a request the API had rejected with a {} {} unchanged",
            finding.status,
            times(retries)
        ),
    }
}

fn status_phrase(status: u16) -> String {
    if status == 0 { "a call without a response".to_string() } else { format!("a {status}") }
}

fn class_phrase(status: u16) -> &'static str {
    match status {
        0 => "calls that got no response",
        500..=599 => "5xx errors",
        _ => "failed calls",
    }
}

/// `250 ms`, `1 s`, `1.5 s`, `2 min`, `1.5 h`.
pub fn duration(ms: i64) -> String {
    let ms = ms.max(0);
    let trim = |value: f64| {
        let text = format!("{value:.1}");
        text.strip_suffix(".0").map_or(text.clone(), str::to_string)
    };
    match ms {
        0..1_000 => format!("{ms} ms"),
        1_000..120_000 => format!("{} s", trim(ms as f64 / 1e3)),
        120_000..7_200_000 => format!("{} min", trim(ms as f64 / 6e4)),
        _ => format!("{} h", trim(ms as f64 / 3.6e6)),
    }
}
