//! What listing a big folder costs: 100,000 files in 100 folders, with links back to the folder
//! and its parent (which the walk must not follow). `cargo bench --bench walk --no-default-features`
//! prints the median of several walks, cold caches aside (the files were just written).

use errlens::walk;
use std::time::{Duration, Instant};

const FILES: usize = 100_000;
const FOLDERS: usize = 100;
const RUNS: usize = 7;

fn main() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    for folder in 0..FOLDERS {
        std::fs::create_dir_all(root.join(format!("{folder:03}"))).expect("mkdir");
    }
    for index in 0..FILES {
        std::fs::write(root.join(format!("{:03}/{index}.log", index % FOLDERS)), "").expect("write");
    }
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("..", root.join("000/up")).expect("symlink");
        std::os::unix::fs::symlink(".", root.join("self")).expect("symlink");
    }
    let given = vec![root.to_path_buf()];
    let mut samples: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            let walked = std::hint::black_box(walk::files_of(&given));
            assert_eq!(walked.files.len(), FILES);
            start.elapsed()
        })
        .collect();
    samples.sort();
    println!(
        "walk {FILES} files in {FOLDERS} folders (links to itself and its parent): median {:.1} ms, min {:.1} ms, max {:.1} ms",
        samples[RUNS / 2].as_secs_f64() * 1e3,
        samples[0].as_secs_f64() * 1e3,
        samples[RUNS - 1].as_secs_f64() * 1e3
    );
}
