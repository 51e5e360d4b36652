//! Documents forced: the first byte picks a JSON document (even) or HAR (odd).
//! The body is `errlens_fuzz::ingest_document`, shared with the main crate's `tests/fuzz_regressions.rs`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| errlens_fuzz::ingest_document(data));
