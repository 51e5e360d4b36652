use super::*;
use crate::knowledge::Knowledge;
use std::sync::Arc;

/// A log whose every logged value is hostile markup for one layout or the other.
const HOSTILE: &str = concat!(
    "{\"time\":\"2026-11-20T10:00:05Z\",\"method\":\"POST\",\"url\":\"https://api.my-virtual-office.com/api/customers?q=<script>alert(1)</script>|x\",",
    "\"status\":409,\"request_id\":\"req-1 | ```\",\"request_headers\":{\"X-API-Key\":\"sk_live_51Habcdefghijklmnopqrstu\"},",
    "\"response_body\":{\"error\":\"Conflict\",\"message\":\"<img src=x onerror=alert(1)> | `tick` ``` **bold** # h\"}}\n",
    "{\"time\":\"2026-11-20T10:01:05Z\",\"method\":\"GET\",\"url\":\"/api/customers/</pre><script>x</script>\",\"status\":500}\n",
    "{\"time\":\"2026-11-20T10:02:05Z\",\"method\":\"GET\",\"url\":\"/api/customers\",\"status\":200}\n",
);

fn report() -> Report {
    let ingested = crate::ingest::ingest_bytes("<b>app</b>|.ndjson".as_ref(), HOSTILE.as_bytes(), None).expect("read");
    let mut store = Store::new(Arc::new(Knowledge::bundled()));
    store.add("<b>app</b>|.ndjson".into(), ingested, HOSTILE.as_bytes().into());
    build(&store, &Redactor::default())
}

#[test]
fn html_shows_logged_markup_as_text_and_runs_nothing() {
    let page = render(&report(), ReportFormat::Html);
    let lower = page.to_lowercase();
    assert!(!lower.contains("<script") && !lower.contains("<img") && !lower.contains("<b>app"), "{page}");
    assert!(page.contains("&lt;img src=x onerror=alert(1)&gt;"), "{page}");
    assert!(page.contains("default-src 'none'"));
    assert!(!page.contains("sk_live_51Habcdefghijklmnopqrstu"));
    assert_eq!(page.matches("<svg").count(), 3, "status, kind and time charts");
    assert!(page.contains("<li>"), "the fix as steps");
}

/// Every row of a Markdown table has as many cells as its header: no logged `|` split one.
#[test]
fn markdown_tables_keep_their_cells_and_code_blocks_their_fences() {
    let document = render(&report(), ReportFormat::Markdown);
    let unescaped_pipes = |line: &str| line.match_indices('|').filter(|(at, _)| !line[..*at].ends_with('\\')).count();
    let mut header = None;
    for line in document.lines() {
        match (line.starts_with('|'), header) {
            (true, None) => header = Some(unescaped_pipes(line)),
            (true, Some(cells)) => assert_eq!(unescaped_pipes(line), cells, "{line}"),
            (false, _) => header = None,
        }
    }
    // Outside the example's fenced block (whose text Markdown shows as it is), no raw markup.
    let mut fence: Option<&str> = None;
    let mut outside = String::new();
    for line in document.lines() {
        match fence {
            Some(open) if line == open => fence = None,
            Some(_) => {}
            None if line.starts_with("```") => fence = Some(line.trim_end_matches("text")),
            None => outside.push_str(line),
        }
    }
    let raw_angles = outside.match_indices('<').filter(|(at, _)| !outside[..*at].ends_with('\\')).count();
    assert_eq!(raw_angles, 0, "{outside}");
    assert!(document.contains("\\<img src=x onerror=alert(1)\\>"), "{document}");
    // The example's fence is longer than the ``` the response holds.
    assert!(document.contains("````text\n"), "{document}");
    assert!(!document.contains("sk_live_51Habcdefghijklmnopqrstu"));
    assert!(document.contains("| 409 (failed) | 1 |"), "{document}");
}

#[test]
fn findings_get_a_section_of_their_own_in_both_layouts() {
    let mut report = report();
    for format in [ReportFormat::Markdown, ReportFormat::Html] {
        assert!(!render(&report, format).contains("Integration findings"));
    }
    report.findings.push(Finding {
        title: "Retries without backoff <now>".into(),
        detail: "…".into(),
        evidence: vec!["app.ndjson:1".into()],
    });
    assert!(
        render(&report, ReportFormat::Markdown)
            .contains("## Integration findings\n\n### Retries without backoff \\<now\\>")
    );
    assert!(render(&report, ReportFormat::Html).contains("<h3>Retries without backoff &lt;now&gt;</h3>"));
}

#[test]
fn the_audit_fills_the_findings_with_each_calls_file_and_line() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-logs/mvo-retries.ndjson");
    let mut store = Store::new(Arc::new(Knowledge::bundled()));
    store.load(path, None);
    let report = build(&store, &Redactor::default());
    let audit = crate::audit::audit(&store);
    assert_eq!(report.findings.len(), audit.findings.len());
    assert!(!report.findings.is_empty());
    let storm =
        report.findings.iter().find(|finding| finding.title.starts_with("retry_storm (high)")).expect("a storm");
    assert_eq!(storm.evidence.len(), 12);
    assert!(storm.evidence.iter().all(|place| place.starts_with("mvo-retries.ndjson:")), "{:?}", storm.evidence);
    assert!(render(&report, ReportFormat::Markdown).contains("## Integration findings"));
}
