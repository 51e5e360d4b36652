//! The audit (issue 17): how the client that wrote a log treats failures, judged against good
//! practice (the vendor's and generic HTTP practice, as data in the knowledge base).
//!
//! A *retry chain* is one request sent again and again: the same store `request` key (method,
//! URL and body or idempotency key), each attempt within the chain gap of the one before,
//! starting with a failure and ending at the first success ([`chains`]). [`rules`] turns chains
//! into findings (a retry storm, retries without backoff, before Retry-After, of a 4xx that
//! cannot succeed) and finds calls that used a failed call's result. [`verdicts`] says of each
//! practice whether the log shows it followed, broken, or never put to the test. Everything is
//! read from the store's columns, but for a sample of failures read back for the log_errors
//! practice; [`report`] is the JSON contract and the text form.

mod chains;
pub mod report;
mod rules;
mod sentence;
#[cfg(test)]
mod tests;
mod verdicts;

pub use crate::knowledge::Severity;
use crate::store::Store;
pub use report::{Report, render_text};
use serde::Serialize;

/// One attempt of a chain or finding: a store row and what the views draw of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attempt {
    /// The store row (for the app: open the call, filter to it).
    pub row: u32,
    /// Epoch ms.
    pub time_ms: i64,
    /// Its status (0 = no response).
    pub status: u16,
    /// How long its response's Retry-After asked to wait, if it named a time.
    pub retry_after_ms: Option<u32>,
}

/// The same request sent again and again, oldest attempt first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chain {
    /// Two or more; the first failed, every one but the last failed.
    pub attempts: Vec<Attempt>,
}

/// The gaps between attempts, in ms.
fn gaps_ms(attempts: &[Attempt]) -> Vec<i64> {
    attempts.windows(2).map(|pair| pair[1].time_ms.saturating_sub(pair[0].time_ms)).collect()
}

impl Chain {
    /// The gaps between attempts, in ms.
    pub fn gaps_ms(&self) -> Vec<i64> {
        gaps_ms(&self.attempts)
    }
}

/// Where a log breaks a practice: one rule, one chain (or a call and the failure before it).
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// Rule id (`retry_storm`).
    pub rule: String,
    /// The practice it breaks.
    pub practice: String,
    /// How much it matters.
    pub severity: Severity,
    /// `METHOD /path/{id}` of the attempts.
    pub endpoint: String,
    /// The status the rule is about (the failure retried, or whose result was used).
    pub status: u16,
    /// The evidence, oldest first.
    pub attempts: Vec<Attempt>,
    /// The Retry-After the response named, for `retry_before_retry_after`.
    pub retry_after_ms: Option<u32>,
    /// What to do instead (from the knowledge base).
    pub advice: String,
}

impl Finding {
    /// The gaps between attempts, in ms (for a timeline).
    pub fn gaps_ms(&self) -> Vec<i64> {
        gaps_ms(&self.attempts)
    }
}

/// A practice's verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The log shows the situation and the client kept the practice.
    Followed,
    /// The log shows the client breaking it (its findings).
    NotFollowed,
    /// The log never shows the situation the practice is about.
    NotSeen,
}

/// One practice and what the log says of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PracticeVerdict {
    /// Practice id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Followed, not followed, not seen.
    pub verdict: Verdict,
    /// How many findings break it.
    pub findings: usize,
    /// Why, with the figures.
    pub detail: String,
}

/// The audit of a store.
#[derive(Debug, Clone, Default)]
pub struct Audit {
    /// Calls looked at.
    pub calls: usize,
    /// Every retry chain, in the order of their first attempt.
    pub chains: Vec<Chain>,
    /// Findings, most severe first, then by first attempt.
    pub findings: Vec<Finding>,
    /// Every practice of the knowledge base, in its order.
    pub practices: Vec<PracticeVerdict>,
}

/// Audits every call of `store` against its knowledge's practices.
pub fn audit(store: &Store) -> Audit {
    let practices = &store.knowledge.practices;
    let chains = chains::find(store, practices);
    let mut findings = rules::chain_findings(store, practices, &chains);
    findings.extend(rules::used_failed_results(store, practices));
    let findings = most_severe_first(findings);
    let verdicts = verdicts::judge(store, practices, &chains, &findings);
    Audit { calls: store.len(), chains, findings, practices: verdicts }
}

/// Findings most severe first, then by their first attempt: a sort of their keys, then one move
/// each (a finding is 140 bytes; a log of a client gone wild has a hundred thousand of them).
fn most_severe_first(findings: Vec<Finding>) -> Vec<Finding> {
    let mut order: Vec<(Severity, i64, u32, usize)> = findings
        .iter()
        .enumerate()
        .map(|(at, finding)| {
            let first = finding.attempts.first().map_or((i64::MIN, 0), |attempt| (attempt.time_ms, attempt.row));
            (finding.severity, first.0, first.1, at)
        })
        .collect();
    order.sort_unstable();
    let mut slots: Vec<Option<Finding>> = findings.into_iter().map(Some).collect();
    order.iter().filter_map(|&(.., at)| slots[at].take()).collect()
}

impl Audit {
    /// The verdict on one practice.
    pub fn practice(&self, id: &str) -> Option<&PracticeVerdict> {
        self.practices.iter().find(|practice| practice.id == id)
    }

    /// How many failures of a kind (a store kind id) are attempts of a retry chain: for a
    /// group's page ("31 of these 40 come in retry chains").
    pub fn failures_in_chains(&self, store: &Store, kind: u32) -> usize {
        let attempts = self.chains.iter().flat_map(|chain| &chain.attempts);
        attempts.filter(|attempt| store.kind.get(attempt.row as usize) == Some(kind)).count()
    }

    /// One sentence on how the client retried, for a support email ("The client retried 5xx
    /// errors 4 times at a fixed 1 s interval."); `None` when no finding is about retries. It
    /// holds figures and statuses only, nothing quoted from the log.
    pub fn retry_summary(&self) -> Option<String> {
        sentence::retry_summary(&self.findings)
    }
}
