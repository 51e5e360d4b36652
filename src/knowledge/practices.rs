//! Good client practice as data: the practices `errlens audit` judges, the rules that find where a
//! log breaks one (severity, advice) and their thresholds, from `assets/knowledge/practices.toml`
//! and from any knowledge file (a vendor's, the user's) that tunes them. Each file's tables are
//! merged over what was read before, field by field, so a user file can change one threshold or
//! one rule's advice and keep the rest.

use serde::{Deserialize, Serialize};

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The client does harm (a storm of requests, results used without a check).
    High,
    /// The client breaks a documented practice.
    Medium,
    /// Worth knowing.
    Low,
}

/// The `[audit]` table as a file writes it: what it names, and nothing else.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThresholdsTable {
    chain_gap_s: Option<f64>,
    backoff_min_attempts: Option<usize>,
    backoff_growth: Option<f64>,
    storm_attempts: Option<usize>,
    storm_window_s: Option<f64>,
    retry_after_default_s: Option<f64>,
    retryable_4xx: Option<Vec<u16>>,
    log_errors_min_share: Option<f64>,
}

/// A `[[practice]]` as a file writes it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PracticeTable {
    id: String,
    title: Option<String>,
    advice: Option<String>,
}

/// A `[[rule]]` as a file writes it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleTable {
    id: String,
    practice: Option<String>,
    severity: Option<Severity>,
    advice: Option<String>,
}

/// One practice.
#[derive(Debug, Clone, PartialEq)]
pub struct Practice {
    /// Stable id (`retry_with_backoff`).
    pub id: String,
    /// What it says, as a title.
    pub title: String,
    /// What to do, in a sentence or two.
    pub advice: String,
}

/// One rule: what a finding of it says.
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    /// Stable id (`retry_storm`).
    pub id: String,
    /// The practice it is a breach of.
    pub practice: String,
    /// How much a finding matters.
    pub severity: Severity,
    /// What to do instead.
    pub advice: String,
}

/// The practices, rules and thresholds after every file was read.
#[derive(Debug, Clone, PartialEq)]
pub struct Practices {
    /// A repeat later than this after the attempt before is a new request.
    pub chain_gap_ms: i64,
    /// retry_without_backoff: at least this many attempts...
    pub backoff_min_attempts: usize,
    /// ...each gap under this many times the one before.
    pub backoff_growth: f64,
    /// retry_storm: this many attempts...
    pub storm_attempts: usize,
    /// ...within this long.
    pub storm_window_ms: i64,
    /// How long to wait after a 429 without Retry-After.
    pub retry_after_default_ms: i64,
    /// 4xx statuses that a repeat may cure.
    pub retryable_4xx: Vec<u16>,
    /// log_errors: the share of failures that must show each part.
    pub log_errors_min_share: f64,
    /// In file order.
    pub practices: Vec<Practice>,
    /// In file order.
    pub rules: Vec<Rule>,
}

/// Used where no file names a threshold (knowledge built from other files than the bundled
/// ones): the values of `practices.toml`.
impl Default for Practices {
    fn default() -> Self {
        Self {
            chain_gap_ms: 600_000,
            backoff_min_attempts: 3,
            backoff_growth: 1.5,
            storm_attempts: 10,
            storm_window_ms: 60_000,
            retry_after_default_ms: 1_000,
            retryable_4xx: vec![408, 429],
            log_errors_min_share: 0.9,
            practices: Vec::new(),
            rules: Vec::new(),
        }
    }
}

/// Seconds from a file as milliseconds; a value that is not a time (negative, NaN) keeps `old`.
fn ms(seconds: Option<f64>, old: i64) -> i64 {
    seconds.filter(|s| s.is_finite() && *s >= 0.0).map_or(old, |s| (s * 1000.0).min(1e15) as i64)
}

impl Practices {
    /// Takes what one file's tables name over what was read before.
    pub fn merge(&mut self, thresholds: Option<&ThresholdsTable>, practices: &[PracticeTable], rules: &[RuleTable]) {
        if let Some(table) = thresholds {
            self.chain_gap_ms = ms(table.chain_gap_s, self.chain_gap_ms);
            self.storm_window_ms = ms(table.storm_window_s, self.storm_window_ms);
            self.retry_after_default_ms = ms(table.retry_after_default_s, self.retry_after_default_ms);
            // A chain has two attempts at least: fewer would find every call.
            self.backoff_min_attempts = table.backoff_min_attempts.map_or(self.backoff_min_attempts, |n| n.max(2));
            self.storm_attempts = table.storm_attempts.map_or(self.storm_attempts, |n| n.max(2));
            let growth = table.backoff_growth.filter(|g| g.is_finite() && *g >= 1.0);
            self.backoff_growth = growth.unwrap_or(self.backoff_growth);
            let share = table.log_errors_min_share.filter(|s| (0.0..=1.0).contains(s));
            self.log_errors_min_share = share.unwrap_or(self.log_errors_min_share);
            if let Some(statuses) = &table.retryable_4xx {
                self.retryable_4xx.clone_from(statuses);
            }
        }
        for table in practices {
            let at = match self.practices.iter().position(|known| known.id == table.id) {
                Some(at) => at,
                None => {
                    let title = table.id.replace('_', " ");
                    self.practices.push(Practice { id: table.id.clone(), title, advice: String::new() });
                    self.practices.len() - 1
                }
            };
            let practice = &mut self.practices[at];
            practice.title = table.title.clone().unwrap_or_else(|| practice.title.clone());
            practice.advice = table.advice.clone().unwrap_or_else(|| practice.advice.clone());
        }
        for table in rules {
            let at = match self.rules.iter().position(|known| known.id == table.id) {
                Some(at) => at,
                None => {
                    let (practice, severity) = (String::new(), Severity::Medium);
                    self.rules.push(Rule { id: table.id.clone(), practice, severity, advice: String::new() });
                    self.rules.len() - 1
                }
            };
            let rule = &mut self.rules[at];
            rule.practice = table.practice.clone().unwrap_or_else(|| rule.practice.clone());
            rule.severity = table.severity.unwrap_or(rule.severity);
            rule.advice = table.advice.clone().unwrap_or_else(|| rule.advice.clone());
        }
    }

    /// The rule with this id.
    pub fn rule(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|rule| rule.id == id)
    }

    /// The practice with this id.
    pub fn practice(&self, id: &str) -> Option<&Practice> {
        self.practices.iter().find(|practice| practice.id == id)
    }
}
