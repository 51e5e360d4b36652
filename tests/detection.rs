//! A file's format is detected from its first bytes when they settle it
//! (`detect::decided_by`): on the real logs and the samples, every start that
//! settles it detects as the start errlens read before (a block, 4 MiB), and the text logs are
//! settled by the bytes the reader takes first.

mod common;

use errlens::ingest::BLOCK_BYTES;
use errlens::ingest::detect::{decided_by, detect};
use std::path::PathBuf;

/// What the reader takes first (`stream::HEAD_BYTES`).
const FIRST_READ: usize = 512 << 10;

fn files() -> Vec<PathBuf> {
    let mut dirs = vec![common::root().join("sample-logs")];
    dirs.extend(common::real_logs());
    let mut files: Vec<PathBuf> = dirs
        .iter()
        .flat_map(|dir| std::fs::read_dir(dir).expect("a folder of logs"))
        .map(|entry| entry.expect("an entry").path())
        .filter(|path| path.is_file() && !path.extension().is_some_and(|ext| ext == "md" || ext == "gz"))
        .collect();
    files.sort();
    files
}

#[test]
fn a_start_that_settles_the_format_detects_as_the_block_read_before() {
    let (mut checked, mut settled_first) = (0, Vec::new());
    for path in files() {
        let bytes = std::fs::read(&path).expect("readable");
        let before = &bytes[..bytes.len().min(BLOCK_BYTES)];
        let whole = detect(before);
        let ends = before.iter().enumerate().filter(|(_, b)| **b == b'\n').map(|(at, _)| at + 1).take(100);
        let cuts = ends.flat_map(|end| [end - 1, end, end + 1]).chain([FIRST_READ, before.len()]);
        for cut in cuts.filter(|&cut| cut <= before.len()) {
            if decided_by(&before[..cut]) {
                checked += 1;
                assert_eq!(detect(&before[..cut]), whole, "the first {cut} bytes of {}", path.display());
            }
        }
        if bytes.len() > FIRST_READ && decided_by(&bytes[..FIRST_READ]) {
            settled_first.push(path.file_name().expect("a name").to_string_lossy().into_owned());
        }
    }
    assert!(checked > 100, "starts checked: {checked}");
    if common::real_logs().is_some() {
        // The big line logs are settled by the first read alone (a document never is).
        for name in ["apache-combined-10k.log", "openstack-nova-2k.log", "loki-distributor-logfmt.log"] {
            assert!(settled_first.iter().any(|settled| settled == name), "{name} settled: {settled_first:?}");
        }
        assert!(!settled_first.iter().any(|name| name.ends_with(".har")), "{settled_first:?}");
    }
}
