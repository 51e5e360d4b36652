//! Every bundled format's patterns run as programs over byte runs (`ingest::formats::runs`), the
//! fast path of text formats: on every line of the samples, the real logs of other projects and
//! the hostile corpus, each program finds exactly the captures the regex crate finds.

mod common;
#[path = "common/corpus.rs"]
mod corpus;

use errlens::ingest::formats::registry;

/// Every line of the samples, the real logs and the hostile corpus.
fn lines() -> Vec<Vec<u8>> {
    let mut files: Vec<Vec<u8>> = Vec::new();
    let mut add_dir = |dir: &std::path::Path| {
        let mut paths: Vec<_> = std::fs::read_dir(dir).expect("a folder").flatten().map(|entry| entry.path()).collect();
        paths.sort();
        files.extend(paths.iter().filter(|path| path.is_file()).filter_map(|path| std::fs::read(path).ok()));
    };
    add_dir(&common::root().join("sample-logs"));
    if let Some(real) = common::real_logs() {
        add_dir(&real);
    }
    files.extend(corpus::files().into_iter().map(|(_, bytes)| bytes));
    files
        .iter()
        .flat_map(|bytes| bytes.split(|&b| b == b'\n').map(|line| line.strip_suffix(b"\r").unwrap_or(line).to_vec()))
        .collect()
}

#[test]
fn programs_find_what_the_regex_crate_finds_on_every_line() {
    let lines = lines();
    assert!(lines.len() > 20_000, "{} lines", lines.len());
    let mut disagreements = Vec::new();
    for format in &registry().formats {
        for pattern in format.patterns().iter().chain(format.line_patterns()) {
            for line in &lines {
                if let Err(problem) = pattern.program_agrees(line) {
                    disagreements.push(format!("{}: {problem}", format.name));
                }
            }
        }
    }
    assert!(
        disagreements.is_empty(),
        "{} disagreements, first: {:#?}",
        disagreements.len(),
        &disagreements[..disagreements.len().min(5)]
    );
}

#[test]
fn every_bundled_pattern_has_a_program() {
    let without: Vec<&str> = registry()
        .formats
        .iter()
        .filter(|format| format.patterns().iter().chain(format.line_patterns()).any(|pattern| !pattern.has_program()))
        .map(|format| format.name)
        .collect();
    assert!(without.is_empty(), "read by the regex crate only: {without:?}");
}
