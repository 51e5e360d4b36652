use super::*;

fn write(path: &Path) {
    std::fs::create_dir_all(path.parent().expect("a parent")).expect("mkdir");
    std::fs::write(path, "{}\n").expect("write");
}

/// Paths relative to `root`, as text.
fn relative(root: &Path, paths: &[PathBuf]) -> Vec<String> {
    paths.iter().map(|path| path.strip_prefix(root).unwrap_or(path).display().to_string()).collect()
}

#[test]
fn folders_are_read_recursively_sorted_and_without_hidden_names() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    for name in ["b.log", "a/z.log", "a/c/d.log", ".hidden.log", ".git/objects/x", "a/.cache/y.log"] {
        write(&root.join(name));
    }
    let given = [root.join("b.log"), root.to_path_buf()];
    let walked = files_of(&given);
    assert_eq!(relative(root, &walked.files), ["b.log", "a/c/d.log", "a/z.log", "b.log"]);
    assert_eq!((walked.left_out, walked.stopped), (vec![], false));
}

#[cfg(unix)]
#[test]
fn links_to_folders_are_not_followed_and_a_file_is_listed_once() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().expect("tempdir");
    let outside = tempfile::tempdir().expect("tempdir");
    let root = dir.path().join("logs");
    write(&root.join("a.log"));
    write(&root.join("sub/b.log"));
    write(&outside.path().join("elsewhere.log"));
    symlink(&root, root.join("sub/back-to-logs")).expect("symlink");
    symlink(".", root.join("sub/here")).expect("symlink");
    symlink("/", root.join("root")).expect("symlink");
    symlink(root.join("a.log"), root.join("0-link-to-a.log")).expect("symlink");
    symlink(outside.path().join("elsewhere.log"), root.join("sub/elsewhere.log")).expect("symlink");
    symlink(root.join("gone.log"), root.join("dangling.log")).expect("symlink");
    std::fs::hard_link(root.join("sub/b.log"), root.join("sub/c-hard.log")).expect("hard link");

    let walked = files_of(std::slice::from_ref(&root));
    assert_eq!(relative(&root, &walked.files), ["a.log", "dangling.log", "sub/b.log", "sub/elsewhere.log"]);
    let mut left_out: Vec<(String, LeftOut)> = walked
        .left_out
        .iter()
        .map(|(path, why)| (path.strip_prefix(&root).unwrap_or(path).display().to_string(), *why))
        .collect();
    left_out.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(
        left_out,
        [
            ("0-link-to-a.log".to_string(), LeftOut::FileSeen),
            ("root".to_string(), LeftOut::FolderLink),
            ("sub/back-to-logs".to_string(), LeftOut::FolderLink),
            ("sub/c-hard.log".to_string(), LeftOut::FileSeen),
            ("sub/here".to_string(), LeftOut::FolderLink),
        ]
    );
    // A folder given twice, or inside another given one, is listed once.
    let twice = files_of(&[root.clone(), root.join("sub")]);
    assert_eq!(twice.files, walked.files);
    assert!(twice.left_out.contains(&(root.join("sub"), LeftOut::FolderSeen)));
}

#[cfg(unix)]
#[test]
fn a_pipe_in_a_folder_is_left_out_and_one_given_by_name_is_kept() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(&dir.path().join("a.log"));
    let fifo = dir.path().join("pipe.log");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status().expect("mkfifo runs");
    assert!(made.success());
    let walked = files_of(&[dir.path().to_path_buf(), fifo.clone()]);
    assert_eq!(walked.files, [dir.path().join("a.log"), fifo.clone()]);
    assert_eq!(walked.left_out, [(fifo, LeftOut::NotAFile)]);
}

#[test]
fn progress_is_reported_and_a_no_stops_the_walk() {
    let dir = tempfile::tempdir().expect("tempdir");
    for index in 0..(3 * PROGRESS_EVERY) {
        std::fs::write(dir.path().join(format!("{index}.log")), "").expect("write");
    }
    let mut reports = Vec::new();
    let walked = walk(&[dir.path().to_path_buf()], |found| {
        reports.push(found);
        true
    });
    assert_eq!((walked.files.len(), walked.stopped), (3 * PROGRESS_EVERY, false));
    assert_eq!(reports, [PROGRESS_EVERY, 2 * PROGRESS_EVERY, 3 * PROGRESS_EVERY]);

    let stopped = walk(&[dir.path().to_path_buf(), dir.path().join("0.log")], |_| false);
    assert!(stopped.stopped);
    assert_eq!(stopped.files, Vec::<PathBuf>::new(), "nothing after the stop");
}
