//! The hostile corpus: files a customer might send that break naive log readers, generated at test
//! time (nothing large is committed). `tests/hostile.rs` asserts what errlens makes of each one;
//! `tests/accounting.rs` checks the accounting invariant over all of them.

#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};

/// JSON nesting far past any limit, as a line or document would carry it.
pub const DEEP: usize = 100_000;

/// `{"a":{"a":...1...}}`, `depth` objects deep.
pub fn deep_object(depth: usize) -> String {
    format!("{}1{}", "{\"a\":".repeat(depth), "}".repeat(depth))
}

/// `[[[...]]]`, `depth` arrays deep.
pub fn deep_array(depth: usize) -> String {
    format!("{}{}", "[".repeat(depth), "]".repeat(depth))
}

/// gzip of `bytes`.
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(bytes).expect("compress");
    encoder.finish().expect("compress")
}

/// Lines that compress poorly, so a cut gzip stream is cut in the middle of its data.
pub fn varied_lines(count: u32) -> Vec<u8> {
    (0..count)
        .flat_map(|n| {
            let status = [200, 404, 500, 503][(n % 4) as usize];
            format!("{{\"status\":{status},\"path\":\"/api/items/{:x}\"}}\n", n.wrapping_mul(2_654_435_761))
                .into_bytes()
        })
        .collect()
}

/// A body logged as a JSON string holding a JSON string holding the JSON error.
pub fn json_in_json_in_json() -> String {
    let body = r#"{"error":"Conflict","message":"Duplicate email"}"#;
    let once = serde_json::Value::String(body.to_string()).to_string();
    let twice = serde_json::Value::String(once).to_string();
    format!("{{\"status\":409,\"method\":\"POST\",\"path\":\"/api/customers\",\"response_body\":{twice}}}\n")
}

/// Every corpus file with its content; all are small (under 2 MB).
pub fn files() -> Vec<(&'static str, Vec<u8>)> {
    let b = |text: &str| text.as_bytes().to_vec();
    let mut nul_ndjson = Vec::new();
    nul_ndjson.extend(b"{\"status\":500,\"path\":\"/a\"}\n");
    nul_ndjson.extend(b"{\"status\":502,\"message\":\"caf\xe9\"}\n");
    nul_ndjson.extend(b"{\"status\":503,\"message\":\"a\x00b\"}\n");
    nul_ndjson.extend(b"\x00\x00\x00\n");
    nul_ndjson.extend(b"{\"status\":404,\"path\":\"/b\"}\n");
    nul_ndjson.extend(b"{\"status\":\x00200}\n");
    let mut nul_text = Vec::new();
    nul_text.extend(b"2026-11-20T10:00:00Z GET /api/a\x00b 500\n");
    nul_text.extend(b"\xff\xfe POST /api/customers -> 409 caf\xe9\n");
    nul_text.extend(b"\x00\x00\n");
    nul_text.extend(b"GET /api/c 200\n");

    let mut truncated = gzip(&varied_lines(20_000));
    truncated.truncate(truncated.len() / 2);
    let mut trailing = gzip(b"{\"status\":500}\n");
    trailing.extend(b"{\"status\":404}\n");
    let mut padded = gzip(b"{\"status\":500}\n{\"status\":404}\n");
    padded.extend([0u8; 1024]);
    let mut concatenated = gzip(b"{\"status\":500}\n{\"status\":404}\n");
    concatenated.extend(gzip(b"{\"status\":503}\n"));

    let utf16 = |text: &str| -> Vec<u8> {
        std::iter::once(0xFEFF_u16).chain(text.encode_utf16()).flat_map(u16::to_le_bytes).collect()
    };
    let mut odd_utf16 = utf16("{\"status\":500}\n{\"status\":404}\n");
    odd_utf16.truncate(odd_utf16.len() - 3);
    let mut lying_bom = b"\xFF\xFE".to_vec();
    lying_bom.extend(b"{\"status\":500,\"path\":\"/a\"}\n{\"status\":404,\"path\":\"/b\"}\n");

    vec![
        ("empty.log", Vec::new()),
        ("lone-bom.log", b"\xFF\xFE".to_vec()),
        ("lying-bom.ndjson", lying_bom),
        ("utf16-odd-length.ndjson", odd_utf16),
        (
            // A call whose headers and body follow it on lines of their own, and lines that look
            // like them but follow no call.
            "okhttp-body.log",
            b(concat!(
                "Content-Type: text/plain\n",
                "<-- 409 Conflict https://api.example.com/v1/contacts (198ms)\n",
                "Content-Type: application/json\n\n",
                "{\"error\":\"Conflict\",\"message\":\"A contact with this email already exists\"}\n",
                "<-- END HTTP (74-byte body)\n",
                "--> GET https://api.example.com/v1/contacts\n",
                "<-- END HTTP\n",
                "<-- HTTP FAILED: java.net.SocketTimeoutException: timeout\n",
            )),
        ),
        ("blank-lines.log", b("\n\n   \n\t\r\n\x0c\n\r\n")),
        ("nul-and-invalid-utf8.ndjson", nul_ndjson),
        ("nul-and-invalid-utf8.log", nul_text),
        ("bom.ndjson", b("\u{feff}{\"status\":500}\n{\"status\":404}\n\u{feff}{\"status\":502}\n")),
        ("bom.csv", b("\u{feff}method,url,status\r\nGET,/a,500\r\n")),
        ("crlf.ndjson", b("{\"status\":500}\r\n{\"status\":404}\r\n\r\n{\"status\":200}\r\n")),
        ("mixed-endings.log", b("GET /a -> 500\r\nGET /b -> 404\nGET /c -> 503\rGET /d -> 502\n\r\nGET /e -> 200")),
        (
            "deep.ndjson",
            b(&format!(
                "{{\"status\":500}}\n{}\n{}\n{{\"status\":404}}\n{{\"status\":200}}\n",
                deep_object(DEEP),
                deep_array(DEEP)
            )),
        ),
        ("deep.json", b(&format!("[{{\"status\":500}},\n{}]\n", deep_array(DEEP)))),
        ("deep.log", b(&format!("GET /api/deep 500 {}\nGET /api/ok 200\n", "{\"a\":".repeat(DEEP)))),
        (
            "deep.har",
            b(&format!(
                "{{\"log\":{{\"version\":\"1.2\",\"entries\":[\n\
                 {{\"request\":{{\"method\":\"GET\",\"url\":\"/a\"}},\"response\":{{\"status\":502,\"content\":{{\"text\":\"{}\"}}}}}},\n\
                 {{\"request\":{},\"response\":{{\"status\":500}}}}\n]}}}}",
                "[".repeat(DEEP),
                deep_object(DEEP)
            )),
        ),
        (
            "duplicate-keys.ndjson",
            b(concat!(
                "{\"status\":200,\"status\":500}\n",
                "{\"status\":500,\"status\":\"x\"}\n",
                "{\"path\":\"/a\",\"path\":\"/b\",\"status\":404}\n",
            )),
        ),
        ("duplicate-keys.har", b("{\"log\":{\"version\":\"1.2\",\"entries\":[]},\"log\":{\"entries\":[]}}")),
        (
            "statuses.ndjson",
            b(concat!(
                "{\"status\":\"404\"}\n",
                "{\"status\":404.0}\n",
                "{\"status\":-1}\n",
                "{\"status\":99999}\n",
                "{\"status\":404.5}\n",
                "{\"status\":\"ok\"}\n",
                "{\"status\":true}\n",
                "{\"status\":1e400}\n",
                "{\"status\":0}\n",
            )),
        ),
        (
            "times.ndjson",
            b(concat!(
                "{\"status\":404,\"time\":\"1969-07-20T20:17:40Z\"}\n",
                "{\"status\":500,\"time\":\"10000-01-01T00:00:00Z\"}\n",
                "{\"status\":500,\"time\":1e30}\n",
                "{\"status\":500,\"time\":-1}\n",
                "{\"status\":500,\"time\":\"9999-12-31T23:59:59.999Z\"}\n",
                "{\"status\":500,\"time\":\"0000-01-01T00:00:00Z\"}\n",
            )),
        ),
        ("json-in-json-in-json.ndjson", b(&json_in_json_in_json())),
        ("truncated.ndjson.gz", truncated),
        ("trailing-data.ndjson.gz", trailing),
        ("padded.ndjson.gz", padded),
        ("concatenated.ndjson.gz", concatenated),
        ("entries-object.har", b("{\"log\":{\"version\":\"1.2\",\n\"entries\":{\"a\":1}}}")),
        ("entries-null.har", b("{\"log\":{\"version\":\"1.2\",\"entries\":null}}")),
        (
            "entries-mixed.har",
            b(concat!(
                "{\"log\":{\"version\":\"1.2\",\"entries\":[\n",
                "1,\n\"x\",\nnull,\n{\"request\":{\"method\":\"GET\",\"url\":\"/a\"},\"response\":{\"status\":404}},\n[]\n]}}",
            )),
        ),
        (
            "ragged.csv",
            b(concat!(
                "time,method,url,status,body\n",
                "2026-01-01T00:00:00Z,GET,/a,500\n",
                "2026-01-01T00:00:01Z,POST,/b,409,\"{\"\"error\"\":\"\"Conflict\"\",\n\"\"message\"\":\"\"dup\"\"}\",extra,cells\n",
                ",,,\n",
                "only one cell\n",
                "2026-01-01T00:00:02Z,GET,/d,404,x\n",
                "\"unterminated,GET,/c,500\n",
                "2026-01-01T00:00:03Z,GET,/e,503,x\n",
            )),
        ),
    ]
}

/// Writes every corpus file into `dir`; returns their paths in corpus order.
pub fn write_files(dir: &Path) -> Vec<PathBuf> {
    files()
        .into_iter()
        .map(|(name, bytes)| {
            let path = dir.join(name);
            std::fs::write(&path, bytes).expect("write a corpus file");
            path
        })
        .collect()
}
