//! CSV forced: header, ragged rows, quotes, JSON in cells.
//! The body is `errlens_fuzz::ingest_csv`, shared with the main crate's `tests/fuzz_regressions.rs`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| errlens_fuzz::ingest_csv(data));
