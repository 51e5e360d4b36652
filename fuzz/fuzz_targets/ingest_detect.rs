//! Any bytes, format detected: the path every file opened without `--input-format` takes.
//! The body is `errlens_fuzz::ingest_detect`, shared with the main crate's `tests/fuzz_regressions.rs`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| errlens_fuzz::ingest_detect(data));
