use super::*;
use crate::ingest::Format;
use crate::knowledge::Knowledge;
use polars::prelude::DataType;
use std::sync::Arc;

fn store_of(log: &str) -> Store {
    let ingested = crate::ingest::ingest_bytes("app.ndjson".as_ref(), log.as_bytes(), None).expect("readable");
    let mut store = Store::new(Arc::new(Knowledge::bundled()));
    store.add("app.ndjson".into(), ingested, log.as_bytes().into());
    store
}

/// Three calls: a conflict with a customer's email and a key in its URL, a success, no response.
const LOG: &str = concat!(
    "{\"time\":\"2026-11-20T10:00:05.250Z\",\"method\":\"POST\",\"url\":\"https://api.my-virtual-office.com/api/customers/jane.doe@example.com?api_key=sk_live_51Habcdefghijklmnopqrstu\",",
    "\"status\":409,\"request_id\":\"req-1\",\"duration_ms\":12.5,\"response_headers\":{\"Retry-After\":\"30\"},",
    "\"response_body\":{\"error\":\"Conflict\",\"message\":\"Customer with email jane.doe@example.com already exists\"}}\n",
    "{\"method\":\"GET\",\"url\":\"/api/customers\",\"status\":200}\n",
    "{\"time\":1795168809000,\"method\":\"GET\",\"url\":\"https://api.example.org/x\",\"error_message\":\"connect ETIMEDOUT\"}\n",
);

fn text_of(table: &[u8], format: crate::ingest::Format) -> String {
    let limits = crate::ingest::IngestLimits::default();
    let text = crate::ingest::table_text("t".as_ref(), table, format, &limits).expect("a table errlens reads");
    String::from_utf8(text).expect("utf-8")
}

#[test]
fn the_table_has_its_columns_in_order_with_the_stores_values() {
    let store = store_of(LOG);
    let table = frame(&store, &[0, 1, 2], None).expect("a table");
    let names: Vec<&str> = table.columns().iter().map(|column| column.name().as_str()).collect();
    assert_eq!(names, COLUMNS.iter().map(|(name, _)| *name).collect::<Vec<_>>());
    assert_eq!(table.height(), 3);
    let status: Vec<Option<u16>> = table.column("status").expect("status").u16().expect("u16").iter().collect();
    assert_eq!(status, [Some(409), Some(200), Some(0)]);
    let column = |name: &str| table.column(name).expect(name).cast(&DataType::String).expect("text");
    let texts = |name: &str| -> Vec<Option<String>> {
        column(name).str().expect("str").iter().map(|value| value.map(str::to_string)).collect()
    };
    assert_eq!(texts("kind"), [Some("duplicate_email".into()), None, Some("no_response".into())]);
    assert_eq!(texts("host"), [Some("api.my-virtual-office.com".into()), None, Some("api.example.org".into())]);
    assert_eq!(texts("request_id")[0].as_deref(), Some("req-1"));
    assert_eq!(texts("retry_after")[0].as_deref(), Some("30"));
    assert_eq!(texts("error_type")[0].as_deref(), Some("Conflict"));
    assert_eq!(texts("endpoint_template")[1].as_deref(), Some("GET /api/customers"));
    assert!(texts("vendor")[0].is_some() && texts("vendor")[1].is_none());
    let time = table.column("time").expect("time").cast(&DataType::Int64).expect("ms");
    let times: Vec<Option<i64>> = time.i64().expect("i64").iter().collect();
    assert_eq!(times, [Some(1_795_168_805_250), None, Some(1_795_168_809_000)]);
    let duration = table.column("duration_ms").expect("duration").f64().expect("f64").get(0);
    assert_eq!(duration, Some(12.5));
}

#[test]
fn an_export_is_redacted_unless_asked_not_to_be() {
    let store = store_of(LOG);
    let secrets = ["jane.doe@example.com", "sk_live_51Habcdefghijklmnopqrstu"];
    for format in TableFormat::ALL {
        let mut redacted = Vec::new();
        write(&store, &[0, 1, 2], format, Some(&Redactor::default()), &mut redacted).expect("written");
        let mut kept = Vec::new();
        write(&store, &[0, 1, 2], format, None, &mut kept).expect("written");
        let (redacted, kept) = match format {
            TableFormat::Parquet => (text_of(&redacted, Format::Parquet), text_of(&kept, Format::Parquet)),
            TableFormat::Ipc => (text_of(&redacted, Format::ArrowIpc), text_of(&kept, Format::ArrowIpc)),
            _ => (String::from_utf8(redacted).expect("utf-8"), String::from_utf8(kept).expect("utf-8")),
        };
        assert!(redacted.contains("[customer email]"), "{format:?}: {redacted}");
        for secret in secrets {
            assert!(!redacted.contains(secret), "{format:?}: {redacted}");
        }
        // The query is never exported; the path keeps its email without redaction.
        assert!(kept.contains(secrets[0]) && !kept.contains(secrets[1]), "{format:?}: {kept}");
        assert!(redacted.contains("req-1") && redacted.contains("409"), "{format:?}");
    }
}

/// More rows than a slice: every format writes them all, each slice with the same dictionaries.
#[test]
fn many_slices_write_every_row_in_order() {
    let log: String = (0..SLICE_ROWS + 10)
        .map(|at| {
            format!(
                "{{\"status\":{},\"url\":\"/api/v{}/x\",\"message\":\"m{}\"}}\n",
                [200, 404, 503][at % 3],
                at % 7,
                at % 5
            )
        })
        .collect();
    let store = store_of(&log);
    let rows: Vec<u32> = (0..store.len() as u32).rev().collect();
    for format in TableFormat::ALL {
        let mut out = Vec::new();
        let exported = write(&store, &rows, format, None, &mut out).expect("written");
        assert_eq!(exported, Exported { rows: SLICE_ROWS + 10, unread: 0 });
        let text = match format {
            TableFormat::Parquet => text_of(&out, Format::Parquet),
            TableFormat::Ipc => text_of(&out, Format::ArrowIpc),
            _ => String::from_utf8(out).expect("utf-8"),
        };
        let lines: Vec<&str> = text.lines().collect();
        let header = usize::from(format == TableFormat::Csv);
        assert_eq!(lines.len(), SLICE_ROWS + 10 + header, "{format:?}");
        let last = SLICE_ROWS + 9;
        assert!(lines[header].contains(&format!("/api/v{}/x", last % 7)), "{format:?}: {}", lines[header]);
        assert!(lines[header].contains(&format!("{}", [200, 404, 503][last % 3])), "{format:?}");
    }
}

#[test]
fn an_empty_selection_is_a_table_with_its_columns_and_no_rows() {
    let store = store_of(LOG);
    for format in TableFormat::ALL {
        let mut out = Vec::new();
        assert_eq!(write(&store, &[], format, None, &mut out).expect("written"), Exported::default());
        match format {
            TableFormat::Parquet => assert_eq!(text_of(&out, Format::Parquet), ""),
            TableFormat::Ipc => assert_eq!(text_of(&out, Format::ArrowIpc), ""),
            TableFormat::Csv => assert!(String::from_utf8(out).expect("utf-8").starts_with("time,file,line,")),
            TableFormat::Ndjson => assert!(out.is_empty()),
        }
    }
}

#[test]
fn a_cancelled_export_stops_after_the_slice_and_leaves_no_file() {
    let log: String = (0..SLICE_ROWS + 5).map(|at| format!("{{\"status\":500,\"url\":\"/x/{at}\"}}\n")).collect();
    let store = store_of(&log);
    let rows: Vec<u32> = (0..store.len() as u32).collect();
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("calls.parquet");
    let mut seen = Vec::new();
    let result = write_file_with_progress(&store, &rows, TableFormat::Parquet, None, &path, |done| {
        seen.push(done);
        false
    });
    assert!(matches!(result, Err(ExportError::Cancelled)));
    assert_eq!(seen, [SLICE_ROWS]);
    assert!(!path.exists());
    let mut all = Vec::new();
    let written = write_file_with_progress(&store, &rows, TableFormat::Parquet, None, &path, |done| {
        all.push(done);
        true
    });
    assert_eq!(written.expect("written").rows, SLICE_ROWS + 5);
    assert_eq!(all, [SLICE_ROWS, SLICE_ROWS + 5]);
    assert!(path.exists());
}

#[test]
fn a_csv_cell_never_starts_a_formula_and_other_formats_keep_the_text() {
    let log = "{\"status\":500,\"url\":\"/x\",\"request_id\":\"@SUM(A1)\",\"error_message\":\"=HYPERLINK(\\\"http://evil\\\",\\\"click\\\")\"}\n";
    let store = store_of(log);
    let mut csv = Vec::new();
    write(&store, &[0], TableFormat::Csv, Some(&Redactor::default()), &mut csv).expect("written");
    let csv = String::from_utf8(csv).expect("utf-8");
    assert!(csv.contains(",'@SUM(A1),") && csv.contains("\"'=HYPERLINK("), "{csv}");
    let mut ndjson = Vec::new();
    write(&store, &[0], TableFormat::Ndjson, Some(&Redactor::default()), &mut ndjson).expect("written");
    let ndjson = String::from_utf8(ndjson).expect("utf-8");
    assert!(ndjson.contains("\"request_id\":\"@SUM(A1)\"") && ndjson.contains("\"=HYPERLINK("), "{ndjson}");
}
