//! Redaction of text, bodies, JSON values, URLs and headers, with a secret planted in each input.
//! The body is `errlens_fuzz::redact`, shared with the main crate's `tests/fuzz_regressions.rs`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| errlens_fuzz::redact(data));
