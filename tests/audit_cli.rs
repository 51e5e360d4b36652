//! `errlens audit` and `errlens compare`: the chains the sample generator planted (its own
//! account, never errlens') found with their attempts and nothing else, sane answers on every
//! real log, and the commands' exit statuses.

mod common;

use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;

const PLANTED: &str = "mvo-retries.ndjson";

fn audit(files: &[&Path]) -> (Value, i32) {
    let mut args = vec!["audit".to_string(), "--format".into(), "json".into()];
    args.extend(files.iter().map(|path| path.display().to_string()));
    let output = common::errlens(&args.iter().map(String::as_str).collect::<Vec<_>>());
    let stdout = String::from_utf8_lossy(&output.stdout);
    let json = serde_json::from_str(&stdout).unwrap_or_else(|error| panic!("audit is JSON ({error}): {stdout}"));
    (json, output.status.code().unwrap_or(-1))
}

fn lines_of(finding: &Value) -> Vec<u64> {
    finding["calls"].as_array().expect("calls").iter().map(|call| call["line"].as_u64().expect("line")).collect()
}

/// (rule, status, endpoint, attempts, retry_after_ms, lines) of each finding.
type Found = (String, u64, String, u64, Option<u64>, Vec<u64>);

fn found(finding: &Value) -> Found {
    (
        finding["rule"].as_str().expect("rule").to_string(),
        finding["status"].as_u64().expect("status"),
        finding["endpoint"].as_str().expect("endpoint").to_string(),
        finding["attempts"].as_u64().expect("attempts"),
        finding["retry_after_ms"].as_u64(),
        lines_of(finding),
    )
}

#[test]
fn every_planted_chain_is_found_with_its_attempts_and_the_well_behaved_ones_are_not() {
    let manifest = common::manifest();
    let chains = manifest["files"][PLANTED]["chains"].as_array().expect("the generator's chains");
    let expected: BTreeSet<Found> = chains
        .iter()
        .filter(|chain| chain.get("finding").is_some())
        .map(|chain| {
            let finding = &chain["finding"];
            (
                finding["rule"].as_str().expect("rule").to_string(),
                finding["status"].as_u64().expect("status"),
                finding["endpoint"].as_str().expect("endpoint").to_string(),
                chain["attempts"].as_u64().expect("attempts"),
                finding["retry_after_ms"].as_u64(),
                chain["lines"].as_array().expect("lines").iter().filter_map(Value::as_u64).collect(),
            )
        })
        .collect();
    let rules: BTreeSet<&str> = expected.iter().map(|found| found.0.as_str()).collect();
    assert_eq!(rules.len(), 5, "the generator plants every rule: {rules:?}");

    let (report, code) = audit(&[&common::root().join("sample-logs").join(PLANTED)]);
    assert_eq!(code, 0);
    let findings = report["findings"].as_array().expect("findings");
    let got: BTreeSet<Found> = findings.iter().map(found).collect();
    assert_eq!(got, expected);
    assert_eq!(findings.len(), expected.len(), "one finding per planted chain and rule");
    // The well-behaved chains (backoff, waiting out Retry-After, a corrected request, an
    // idempotency key) are in no finding.
    let behaved: BTreeSet<u64> = chains
        .iter()
        .filter(|chain| chain.get("finding").is_none())
        .flat_map(|chain| chain["lines"].as_array().expect("lines").iter().filter_map(Value::as_u64))
        .collect();
    assert!(behaved.len() >= 10);
    for finding in findings {
        assert!(lines_of(finding).iter().all(|line| !behaved.contains(line)), "{finding}");
        let gaps = finding["gaps_ms"].as_array().expect("gaps");
        assert_eq!(gaps.len() as u64 + 1, finding["attempts"].as_u64().expect("attempts"), "{finding}");
    }
    let verdicts: Vec<(&str, &str)> = report["practices"]
        .as_array()
        .expect("practices")
        .iter()
        .map(|practice| (practice["id"].as_str().expect("id"), practice["verdict"].as_str().expect("verdict")))
        .collect();
    assert_eq!(
        verdicts,
        [
            ("check_status_codes", "not_followed"),
            ("retry_with_backoff", "not_followed"),
            ("log_errors", "followed"),
            ("handle_rate_limits", "not_followed")
        ]
    );
}

/// Every real log alone: no crash, the JSON contract, and findings that hold together.
#[test]
fn real_logs_give_sane_audits() {
    let Some(dir) = common::real_logs() else { return };
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("real logs")
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_none_or(|ext| ext != "md"))
        .collect();
    files.sort();
    assert!(files.len() >= 24, "{} files", files.len());
    let (together, code) = audit(&[&dir]);
    assert_eq!(code, 0);
    assert!(together["calls"].as_u64() > Some(17_000), "{}", together["calls"]);
    for path in &files {
        let (report, code) = audit(&[path]);
        let name = path.display();
        assert_eq!(code, 0, "{name}");
        let calls = report["calls"].as_u64().expect("calls");
        assert!(calls > 0, "{name}");
        let findings = report["findings"].as_array().expect("findings");
        for finding in findings {
            let attempts = finding["attempts"].as_u64().expect("attempts");
            let lines = lines_of(finding);
            assert!(attempts >= 2 && attempts <= calls && lines.len() as u64 == attempts, "{name}: {finding}");
            assert!(
                finding["calls"]
                    .as_array()
                    .expect("calls")
                    .iter()
                    .all(|call| call["path"] == path.display().to_string())
            );
            let gaps: Vec<i64> =
                finding["gaps_ms"].as_array().expect("gaps").iter().filter_map(Value::as_i64).collect();
            assert!(gaps.iter().all(|gap| (0..=600_000).contains(gap)), "{name}: {finding}");
            assert!(finding["first_seen"].as_str() <= finding["last_seen"].as_str(), "{name}: {finding}");
            assert!(["high", "medium", "low"].contains(&finding["severity"].as_str().unwrap_or_default()));
            assert!(!finding["advice"].as_str().unwrap_or_default().is_empty());
        }
        let practices = report["practices"].as_array().expect("practices");
        assert_eq!(practices.len(), 4, "{name}");
        for practice in practices {
            let broken = findings.iter().filter(|finding| finding["practice"] == practice["id"]).count() as u64;
            assert_eq!(practice["findings"].as_u64(), Some(broken), "{name}: {practice}");
            let verdict = practice["verdict"].as_str().unwrap_or_default();
            assert!(["followed", "not_followed", "not_seen"].contains(&verdict), "{name}: {practice}");
            // log_errors has no findings: it is judged from what the log keeps of each failure.
            if practice["id"] != "log_errors" {
                assert_eq!(verdict == "not_followed", broken > 0, "{name}: {practice}");
            }
            assert!(!practice["detail"].as_str().unwrap_or_default().is_empty(), "{name}: {practice}");
        }
    }
}

#[test]
fn compare_says_what_is_new_and_fails_on_it_when_asked() {
    let samples = common::root().join("sample-logs");
    let (before, after) = (samples.join("app.ndjson"), samples.join(PLANTED));
    let (before, after) = (before.to_str().expect("path"), after.to_str().expect("path"));
    let output = common::errlens(&["compare", "--format", "json", "--before", before, "--after", after]);
    assert_eq!(output.status.code(), Some(0));
    let comparison: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(comparison["before"]["calls"], 90);
    assert_eq!(comparison["after"]["calls"], 105);
    let change = |kind: &str| {
        comparison["kinds"].as_array().expect("kinds").iter().find(|k| k["kind"] == kind).map(|k| k["change"].clone())
    };
    assert_eq!(change("duplicate_email"), Some("still_failing".into()));
    assert_eq!(change("customer_limit_reached"), Some("gone".into()));
    assert_eq!(comparison["practices"].as_array().map(Vec::len), Some(4));
    let rate = |side: &str| comparison[side]["failures_per_1000"].as_f64();
    assert_eq!((rate("before"), rate("after")), (Some(400.0), Some(381.0)));

    // The app's log has kinds the planted one has not: new when it comes after.
    let failing = common::errlens(&["compare", "--fail-on", "new", "--before", after, "--after", before]);
    assert_eq!(failing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&failing.stdout).contains("NEW"));
    let fine = common::errlens(&["compare", "--fail-on", "new", "--before", before, "--after", after]);
    assert_eq!(fine.status.code(), Some(0));
    let empty = tempfile::tempdir().expect("tempdir");
    let empty = empty.path().to_str().expect("path");
    for args in [vec!["compare", "--after", after], vec!["compare", "--before", before, "--after", empty]] {
        let output = common::errlens(&args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8_lossy(&output.stderr).contains("both sides"), "{args:?}");
    }
}

/// What a log says reaches a terminal escaped: a retried call's URL that holds escape sequences.
#[test]
fn the_text_form_escapes_what_the_log_says() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("evil\u{1b}]0;x\u{7}.ndjson");
    let url = "/api/\u{1b}[2J\u{202e}x";
    let lines: String = (0..4)
        .map(|n| {
            format!(
                "{}\n",
                serde_json::json!({"ts": 1_795_168_800_000u64 + n * 1000, "method": "GET", "url": url, "status": 503})
            )
        })
        .collect();
    std::fs::write(&path, lines).expect("write");
    let output = common::errlens(&["audit", path.to_str().expect("path")]);
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(text.contains("retry_without_backoff"), "{text}");
    assert!(text.contains("\\e[2J\\u{202e}x") && text.contains("evil\\e]0;x\\u{7}.ndjson"), "{text}");
    assert!(!text.contains(['\u{1b}', '\u{7}', '\u{202e}']), "{text}");
}
