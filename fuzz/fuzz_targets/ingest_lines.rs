//! Line formats forced: the first byte picks NDJSON (even) or text (odd); the rest is the file.
//! The body is `errlens_fuzz::ingest_lines`, shared with the main crate's `tests/fuzz_regressions.rs`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| errlens_fuzz::ingest_lines(data));
