//! "Did the fix work?" (issue 17): two sets of logs, before and after a change, compared kind by
//! kind (new, gone, still failing) with failure rates per 1,000 calls, so that logs of different
//! sizes compare, and the practices' verdicts side by side.

use crate::audit::{self, Verdict};
use crate::output::text::one_line;
use crate::store::Store;
use crate::summary;
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// What happened to a kind of failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// Only after.
    New,
    /// Before and after.
    StillFailing,
    /// Only before.
    Gone,
}

/// One kind of failure on both sides.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KindChange {
    /// Kind id.
    pub kind: String,
    /// Its title.
    pub title: String,
    /// Its status (0 = no response).
    pub status: u16,
    /// New, still failing, gone.
    pub change: Change,
    /// Failed calls before.
    pub before: usize,
    /// Failed calls after.
    pub after: usize,
    /// Per 1,000 calls before.
    pub before_per_1000: f64,
    /// Per 1,000 calls after.
    pub after_per_1000: f64,
}

/// One practice on both sides.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PracticeChange {
    /// Practice id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Verdict before.
    pub before: Verdict,
    /// Verdict after.
    pub after: Verdict,
    /// Findings before.
    pub before_findings: usize,
    /// Findings after.
    pub after_findings: usize,
}

/// One side's totals.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Side {
    /// Calls.
    pub calls: usize,
    /// Failed calls.
    pub failures: usize,
    /// Failed calls per 1,000 calls.
    pub failures_per_1000: f64,
}

/// The comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    /// The logs before the change.
    pub before: Side,
    /// The logs after it.
    pub after: Side,
    /// Every kind of either side: new first, then still failing, then gone; more failures after first.
    pub kinds: Vec<KindChange>,
    /// Every practice, in the knowledge base's order.
    pub practices: Vec<PracticeChange>,
}

impl Comparison {
    /// Whether a kind fails after that did not before (`--fail-on new`).
    pub fn has_new(&self) -> bool {
        self.kinds.iter().any(|kind| kind.change == Change::New)
    }
}

/// Failures per 1,000 calls, to one decimal.
fn per_1000(count: usize, calls: usize) -> f64 {
    if calls == 0 { 0.0 } else { (count as f64 * 10_000.0 / calls as f64).round() / 10.0 }
}

/// Compares the calls of `before` with those of `after`.
pub fn compare(before: &Store, after: &Store) -> Comparison {
    let (summary_before, summary_after) = (summary::summarize(before, None), summary::summarize(after, None));
    let mut kinds: BTreeMap<String, (String, u16, usize, usize)> = BTreeMap::new();
    for group in &summary_before.groups {
        kinds.entry(group.kind.clone()).or_insert((group.title.clone(), group.status, 0, 0)).2 += group.count;
    }
    for group in &summary_after.groups {
        kinds.entry(group.kind.clone()).or_insert((group.title.clone(), group.status, 0, 0)).3 += group.count;
    }
    let mut kinds: Vec<KindChange> = kinds
        .into_iter()
        .map(|(kind, (title, status, before_count, after_count))| KindChange {
            change: match (before_count, after_count) {
                (0, _) => Change::New,
                (_, 0) => Change::Gone,
                _ => Change::StillFailing,
            },
            before_per_1000: per_1000(before_count, before.len()),
            after_per_1000: per_1000(after_count, after.len()),
            kind,
            title,
            status,
            before: before_count,
            after: after_count,
        })
        .collect();
    kinds.sort_by(|a, b| (a.change, b.after, b.before, &a.kind).cmp(&(b.change, a.after, a.before, &b.kind)));
    let (audit_before, audit_after) = (audit::audit(before), audit::audit(after));
    let practices = audit_after
        .practices
        .iter()
        .map(|after_verdict| {
            let before_verdict = audit_before.practice(&after_verdict.id);
            PracticeChange {
                id: after_verdict.id.clone(),
                title: after_verdict.title.clone(),
                before: before_verdict.map_or(Verdict::NotSeen, |verdict| verdict.verdict),
                after: after_verdict.verdict,
                before_findings: before_verdict.map_or(0, |verdict| verdict.findings),
                after_findings: after_verdict.findings,
            }
        })
        .collect();
    let side = |summary: &summary::Summary| Side {
        calls: summary.records,
        failures: summary.errors,
        failures_per_1000: per_1000(summary.errors, summary.records),
    };
    Comparison { before: side(&summary_before), after: side(&summary_after), kinds, practices }
}

/// The comparison as text for a terminal.
pub fn render_text(comparison: &Comparison) -> String {
    let mut out = String::new();
    let side = |name: &str, side: &Side| {
        format!("{name}: {} calls, {} failed ({} per 1,000)\n", side.calls, side.failures, side.failures_per_1000)
    };
    out.push_str(&side("Before", &comparison.before));
    out.push_str(&side("After ", &comparison.after));
    let _ = writeln!(
        out,
        "\n{:<14} {:<28} {:>7} {:>7} {:>10} {:>10}",
        "", "kind", "before", "after", "before/1k", "after/1k"
    );
    for kind in &comparison.kinds {
        let change = match kind.change {
            Change::New => "NEW",
            Change::StillFailing => "still failing",
            Change::Gone => "gone",
        };
        let _ = writeln!(
            out,
            "{change:<14} {:<28} {:>7} {:>7} {:>10} {:>10}",
            one_line(&kind.kind),
            kind.before,
            kind.after,
            kind.before_per_1000,
            kind.after_per_1000
        );
    }
    let _ = writeln!(out, "\nPractices (before -> after):");
    let word = |verdict: Verdict| match verdict {
        Verdict::Followed => "followed",
        Verdict::NotFollowed => "NOT FOLLOWED",
        Verdict::NotSeen => "not seen",
    };
    for practice in &comparison.practices {
        let _ = writeln!(
            out,
            "  {:<12} -> {:<12} {} ({} -> {} findings)",
            word(practice.before),
            word(practice.after),
            one_line(&practice.title),
            practice.before_findings,
            practice.after_findings
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::Knowledge;
    use std::sync::Arc;

    fn store(lines: &[&str]) -> Store {
        let text: String = lines.iter().map(|line| format!("{line}\n")).collect();
        let ingested = crate::ingest::ingest_bytes("t.ndjson".as_ref(), text.as_bytes(), None).expect("parse");
        let mut store = Store::new(Arc::new(Knowledge::bundled()));
        store.add("t.ndjson".into(), ingested, text.as_bytes().into());
        store
    }

    #[test]
    fn kinds_are_new_gone_or_still_failing_with_rates_per_1000_calls() {
        let ok = r#"{"method":"GET","url":"/x","status":200}"#;
        let conflict = r#"{"method":"POST","url":"/x","status":409}"#;
        let gateway = r#"{"method":"GET","url":"/x","status":502}"#;
        let throttled = r#"{"method":"GET","url":"/x","status":429}"#;
        let before = store(&[ok, ok, conflict, conflict, gateway]);
        let after = store(&[ok, ok, ok, ok, ok, ok, ok, ok, conflict, throttled]);
        let comparison = compare(&before, &after);
        let kinds: Vec<(&str, Change, usize, usize, f64, f64)> = comparison
            .kinds
            .iter()
            .map(|k| (k.kind.as_str(), k.change, k.before, k.after, k.before_per_1000, k.after_per_1000))
            .collect();
        assert_eq!(
            kinds,
            [
                ("rate_limited", Change::New, 0, 1, 0.0, 100.0),
                ("conflict", Change::StillFailing, 2, 1, 400.0, 100.0),
                ("http_502", Change::Gone, 1, 0, 200.0, 0.0),
            ]
        );
        assert!(comparison.has_new());
        assert_eq!((comparison.before.failures_per_1000, comparison.after.failures_per_1000), (600.0, 200.0));
        assert_eq!(comparison.practices.len(), 4);
        assert!(!compare(&after, &after).has_new());
    }
}
