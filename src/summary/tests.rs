use super::*;
use crate::ingest::{Format, Ingested, ingest_bytes};
use crate::knowledge::Knowledge;
use std::path::Path;
use std::sync::Arc;

const LOG: &str = concat!(
    "{\"time\":\"2026-11-20T10:00:00Z\",\"method\":\"POST\",\"url\":\"https://api.my-virtual-office.com/api/customers\",\"status\":409,\"response\":{\"body\":{\"error\":\"Conflict\",\"message\":\"Customer with email a@b.de already exists\"}}}\n",
    "{\"time\":\"2026-11-20T12:00:00Z\",\"method\":\"POST\",\"url\":\"/api/customers\",\"status\":409,\"response\":{\"body\":{\"error\":\"Conflict\",\"message\":\"Customer with email c@d.de already exists\"}}}\n",
    "{\"time\":\"2026-11-20T11:00:00Z\",\"method\":\"PATCH\",\"url\":\"/api/customers/3f2a9c1b-1111-4c3d-9e8f-0123456789ab\",\"status\":409,\"response\":{\"body\":{\"error\":\"Conflict\",\"message\":\"Duplicate email\"}}}\n",
    "{\"time\":\"2026-11-20T11:30:00Z\",\"method\":\"GET\",\"url\":\"/api/customers\",\"status\":429,\"response\":{\"headers\":{\"Retry-After\":\"30\"},\"body\":{\"error\":\"Too Many Requests\",\"message\":\"slow down\"}}}\n",
    "{\"time\":\"2026-11-20T11:31:00Z\",\"method\":\"GET\",\"url\":\"/api/customers\",\"status\":200}\n",
    "not a call\n",
);

fn store() -> Store {
    let ingested: Ingested = ingest_bytes(Path::new("app.ndjson"), LOG.as_bytes(), None).expect("readable");
    assert_eq!(ingested.format, Format::Ndjson);
    let mut store = Store::new(Arc::new(Knowledge::bundled()));
    store.add("app.ndjson".into(), ingested, LOG.as_bytes().into());
    store
}

#[test]
fn groups_count_time_endpoints_and_message_variants() {
    let summary = summarize(&store(), None);
    assert_eq!((summary.records, summary.errors), (5, 4));
    assert_eq!(summary.by_status, BTreeMap::from([(200, 1), (409, 3), (429, 1)]));
    // The JSON contract keeps text keys.
    let json = serde_json::to_string(&summary).expect("serializable");
    assert!(json.contains(r#""by_status":{"200":1,"409":3,"429":1}"#), "{json}");
    assert_eq!(
        summary.groups.iter().map(|g| (g.kind.as_str(), g.count)).collect::<Vec<_>>(),
        vec![("duplicate_email", 3), ("rate_limited", 1)]
    );

    let duplicate = &summary.groups[0];
    assert_eq!(duplicate.status, 409);
    assert_eq!(duplicate.title, "Duplicate email");
    assert_eq!(duplicate.first_seen.as_deref(), Some("2026-11-20T10:00:00.000Z"));
    assert_eq!(duplicate.last_seen.as_deref(), Some("2026-11-20T12:00:00.000Z"));
    assert_eq!(
        duplicate.endpoints,
        vec![
            EndpointCount { endpoint: "POST /api/customers".into(), count: 2 },
            EndpointCount { endpoint: "PATCH /api/customers/{id}".into(), count: 1 },
        ]
    );
    assert_eq!(
        duplicate.messages[0],
        MessageCount { message: "Customer with email {email} already exists".into(), count: 2 }
    );
    assert!(!duplicate.retryable);
    assert_eq!(duplicate.vendor.as_deref(), Some("My Virtual Office API"));

    let limited = &summary.groups[1];
    assert!(limited.retryable);
    assert_eq!(limited.retry_after, BTreeMap::from([("30".to_string(), 1)]));

    let input = &summary.inputs[0];
    assert_eq!((input.records, input.skipped, input.format), (5, 1, Some("ndjson")));
    assert_eq!(input.skipped_examples[0].line, 6);
}

#[test]
fn a_subset_of_rows_is_summarized_alone() {
    let store = store();
    let summary = summarize(&store, Some(&[3, 4]));
    assert_eq!((summary.records, summary.errors), (2, 1));
    assert_eq!(summary.groups[0].kind, "rate_limited");
}

#[test]
fn records_read_back_from_the_store() {
    let store = store();
    let record = store.record(3).expect("row 3");
    assert_eq!(record.status, 429);
    assert_eq!(record.response.header("retry-after"), Some("30"));
    assert_eq!(store.kind_id(3), Some("rate_limited"));
    assert_eq!(store.kind_id(4), None);
}

#[test]
fn a_file_of_garbage_keeps_the_first_skipped_lines_and_counts_them_all() {
    use crate::store::MAX_SKIPPED_KEPT;
    let lines = MAX_SKIPPED_KEPT * 2 + 7;
    let garbage = format!("{}{{\"status\":500}}\n", "x\n".repeat(lines));
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("garbage.log");
    std::fs::write(&path, &garbage).expect("write");
    let mut store = Store::new(Arc::new(Knowledge::bundled()));
    store.load(path, None);
    let file = &store.files[0];
    assert_eq!((file.records, file.skipped_count, file.skipped.len()), (1, lines, MAX_SKIPPED_KEPT));
    assert_eq!(file.skipped.last().map(|s| s.line), Some(MAX_SKIPPED_KEPT as u64));
    let summary = summarize(&store, None);
    assert_eq!((summary.inputs[0].records, summary.inputs[0].skipped), (1, lines));
    assert_eq!(summary.inputs[0].skipped_examples.len(), crate::summary::SKIPPED_EXAMPLES);
}

#[test]
fn statuses_are_listed_in_the_order_of_their_text_as_the_json_always_had_them() {
    let by_status = BTreeMap::from([(0, 1), (200, 2), (1000, 3)]);
    let listed: Vec<(String, usize)> = crate::summary::statuses_as_text(&by_status).into_iter().collect();
    assert_eq!(listed, [("0".to_string(), 1), ("1000".to_string(), 3), ("200".to_string(), 2)]);
}

#[test]
fn a_store_of_many_chunks_counted_on_several_threads_sums_as_counted_row_by_row() {
    // Three chunks and more, times rising from chunk to chunk but for the last lines, endpoints
    // and messages that change along the file, and one kind (503) only at its end: each
    // thread's counts differ.
    let rows = crate::store::CHUNK_ROWS * 3 + 777;
    let log: String = (0..rows)
        .map(|at| {
            let status = if at > rows - 500 { 503 } else { [200, 404, 409, 429, 500][at % 5] };
            format!(
                "{{\"ts\":{},\"status\":{status},\"url\":\"/v{}/x\",\"error_message\":\"{}\"}}\n",
                // The last lines went back in time: a kind's first call is in its last chunk.
                if at + 1_000 > rows { 1_795_160_000 + at % 1_000 } else { 1_795_168_800 + at + (at * 7919) % 600 },
                at / 50_000,
                ["busy", "gone", "late", "odd", "slow"][(at / 1_000) % 5]
            )
        })
        .collect();
    let ingested = ingest_bytes(Path::new("many.ndjson"), log.as_bytes(), None).expect("readable");
    let mut store = Store::new(Arc::new(Knowledge::bundled()));
    store.add("many.ndjson".into(), ingested, log.as_bytes().into());
    assert!(store.chunk_count() > 3);
    let every_row: Vec<u32> = (0..store.len() as u32).collect();
    // Four threads, whatever the machine: the chunks are split among them.
    let pool = rayon::ThreadPoolBuilder::new().num_threads(4).build().expect("a pool");
    let apart = pool.install(|| summarize(&store, None));
    let in_order = summarize(&store, Some(&every_row));
    let json = |summary: &Summary| serde_json::to_string(summary).expect("serializable");
    assert_eq!(json(&apart), json(&in_order));
    assert_eq!(apart.records, every_row.len());
    let spans: Vec<_> = apart.groups.iter().map(|group| group.span_ms).collect();
    assert_eq!(spans, in_order.groups.iter().map(|group| group.span_ms).collect::<Vec<_>>());
    assert!(apart.groups.iter().any(|group| group.status == 503));
    assert!(
        apart.groups.iter().all(|group| group.status == 503 || group.endpoints.len() > 1 && group.messages.len() > 1)
    );
}

#[test]
fn runs_of_one_id_count_as_the_id_counted_one_by_one() {
    // Runs, single ids, an id coming back after others, and counts merged from another counter
    // whose last run is still open.
    let ids = [7, 7, 7, 3, 7, 9, 9, 3, 3, 3, 7, 0, 0, 9];
    let split = 9;
    let (mut first, mut second) = (RunCounts::default(), RunCounts::default());
    ids[..split].iter().for_each(|&id| first.add(id));
    ids[split..].iter().for_each(|&id| second.add(id));
    first.merge(second);
    let mut counted: Vec<(u32, usize)> = first.into_counts().into_iter().collect();
    counted.sort();
    let mut one_by_one = std::collections::BTreeMap::new();
    ids.iter().for_each(|&id| *one_by_one.entry(id).or_insert(0) += 1);
    assert_eq!(counted, one_by_one.into_iter().collect::<Vec<_>>());
}
