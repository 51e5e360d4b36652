//! A user's format definition: a pattern on the first line, lines to read with it after it.
//! The body is `errlens_fuzz::format_engine`, shared with the main crate's `tests/fuzz_regressions.rs`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| errlens_fuzz::format_engine(data));
