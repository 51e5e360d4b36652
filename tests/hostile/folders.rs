//! Folders built to trap a walk: links back to a parent, to themselves, to `/`, and a file reached
//! under several names. Each is summarized at once, with each file counted once; a folder of
//! 100,000 files is listed without stalling. Timing is for the benches: the bounds here are
//! generous and only turn a hang into a failure.

use errlens::walk::{self, LeftOut};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Far beyond what any of these takes (well under a second), short of a hung test run.
const HANG: Duration = Duration::from_secs(60);

/// `work` on its own thread; fails the test if it does not end within [`HANG`].
fn bounded<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> T {
    let (send, receive) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = send.send(work());
    });
    receive.recv_timeout(HANG).expect("it ends (a walk that follows links never would)")
}

/// A folder of three logs, with links to its parent, to itself, to `/`, and to one of its files.
#[cfg(unix)]
fn looping_folder() -> (tempfile::TempDir, PathBuf) {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path().join("logs");
    let call = r#"{"method":"GET","url":"/v1/orders","status":500}"#;
    for name in ["a.ndjson", "b.ndjson", "sub/c.ndjson"] {
        let path = root.join(name);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(&path, format!("{call}\n")).expect("write");
    }
    symlink("..", root.join("sub/up")).expect("symlink");
    symlink(".", root.join("self")).expect("symlink");
    symlink(&root, root.join("sub/loop")).expect("symlink");
    symlink("/", root.join("disk")).expect("symlink");
    symlink("sub/c.ndjson", root.join("c-again.ndjson")).expect("symlink");
    (dir, root)
}

#[cfg(unix)]
#[test]
fn a_folder_with_symlink_loops_is_walked_once_with_each_file_once() {
    let (_dir, root) = looping_folder();
    let given = vec![root.clone()];
    let walked = bounded(move || walk::files_of(&given));
    assert_eq!(walked.files, [root.join("a.ndjson"), root.join("b.ndjson"), root.join("sub/c.ndjson")]);
    let mut left_out = walked.left_out.clone();
    left_out.sort();
    assert_eq!(
        left_out,
        [
            (root.join("c-again.ndjson"), LeftOut::FileSeen),
            (root.join("disk"), LeftOut::FolderLink),
            (root.join("self"), LeftOut::FolderLink),
            (root.join("sub/loop"), LeftOut::FolderLink),
            (root.join("sub/up"), LeftOut::FolderLink),
        ]
    );
}

/// Runs the errlens binary, killed if it has not ended within [`HANG`].
fn errlens_bounded(args: &[&str]) -> (String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_errlens"))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("errlens runs");
    let started = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if started.elapsed() > HANG {
            let _ = child.kill();
            panic!("errlens {args:?} ran for more than {HANG:?}");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let output = child.wait_with_output().expect("output");
    (String::from_utf8_lossy(&output.stdout).into_owned(), String::from_utf8_lossy(&output.stderr).into_owned())
}

#[cfg(unix)]
#[test]
fn the_cli_summarizes_a_folder_with_symlink_loops_counting_each_file_once() {
    let (_dir, root) = looping_folder();
    let (stdout, stderr) = errlens_bounded(&["summary", "--format", "json", root.to_str().expect("UTF-8")]);
    let summary: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
    let inputs: Vec<&str> =
        summary["inputs"].as_array().expect("inputs").iter().filter_map(|input| input["path"].as_str()).collect();
    let expected: Vec<String> =
        ["a.ndjson", "b.ndjson", "sub/c.ndjson"].iter().map(|name| root.join(name).display().to_string()).collect();
    assert_eq!(inputs, expected);
    assert_eq!((summary["records"].as_u64(), summary["errors"].as_u64()), (Some(3), Some(3)));
    for link in ["disk", "self", "sub/loop", "sub/up"] {
        let said = format!("left out {}: a link to a folder, not followed", root.join(link).display());
        assert!(stderr.contains(&said), "{said} in {stderr}");
    }
}

/// `count` empty files spread over 100 folders.
fn many_files(root: &Path, count: usize) {
    for folder in 0..100 {
        std::fs::create_dir_all(root.join(format!("{folder:02}"))).expect("mkdir");
    }
    for index in 0..count {
        std::fs::write(root.join(format!("{:02}/{index}.log", index % 100)), "").expect("write");
    }
}

#[test]
fn a_folder_of_100000_files_is_listed_without_stalling() {
    let dir = tempfile::tempdir().expect("tempdir");
    many_files(dir.path(), 100_000);
    let given = vec![dir.path().to_path_buf()];
    let started = Instant::now();
    let walked = bounded(move || walk::walk(&given, |_| true));
    eprintln!("listed 100,000 files in {:?} (for the record; the bench is where time is judged)", started.elapsed());
    assert_eq!((walked.files.len(), walked.left_out.len()), (100_000, 0));
    assert!(walked.files.windows(2).all(|pair| pair[0] < pair[1]), "sorted, each once");
}
