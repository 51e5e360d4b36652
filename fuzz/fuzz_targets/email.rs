//! Support emails composed from a log with a secret planted in it.
//! The body is `errlens_fuzz::email`, shared with the main crate's `tests/fuzz_regressions.rs`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| errlens_fuzz::email(data));
