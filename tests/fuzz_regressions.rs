//! The fuzz targets' findings, replayed on every `cargo test` through the targets' own bodies
//! (`fuzz/src/lib.rs`, included here), so they stay fixed without running a fuzzer in CI. Each
//! finding is the (minimized) input that failed, with what was wrong and what fixed it. The
//! harnesses also run over the heads of the sample logs, which keeps them building and true.

mod common;
#[path = "../fuzz/src/lib.rs"]
mod targets;

/// A target's body: takes the fuzzer's bytes, panics on a broken invariant.
type Target = fn(&[u8]);

/// The targets by name, as `scripts/fuzz.sh` runs them.
const TARGETS: &[(&str, Target)] = &[
    ("ingest_detect", targets::ingest_detect),
    ("ingest_lines", targets::ingest_lines),
    ("ingest_csv", targets::ingest_csv),
    ("ingest_document", targets::ingest_document),
    ("redact", targets::redact),
];

fn target(name: &str) -> Target {
    TARGETS.iter().find(|(target, _)| *target == name).map(|(_, run)| *run).expect("a target")
}

#[test]
fn the_harnesses_hold_on_the_sample_logs() {
    let mut paths: Vec<std::path::PathBuf> =
        std::fs::read_dir(common::root().join("sample-logs")).expect("samples").flatten().map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
        let bytes = std::fs::read(&path).expect("read");
        let head = &bytes[..bytes.len().min(4096)];
        for (_, run) in TARGETS {
            for selector in [0u8, 1, 2, 3, 4, 0x80] {
                let mut input = vec![selector, 0x20, 0x00];
                input.extend_from_slice(head);
                run(&input);
            }
            run(head);
        }
    }
}

/// Findings: (target, input, what it showed and what fixed it).
const FINDINGS: &[(&str, &[u8], &str)] = &[(
    "redact",
    b"\x03\x00\x00see https://h/x",
    "redact_url copied everything before the first `://` as the scheme, so a key in the text before \
     a URL survived (found by this harness on the head of sample-logs/app.ndjson); fix: only an \
     RFC 3986 scheme is a scheme",
)];

#[test]
fn every_finding_stays_fixed() {
    for (name, input, what) in FINDINGS {
        println!("{name}: {what}");
        target(name)(input);
    }
}
