//! What an installed errlens needs: its samples and knowledge come from the binary, not from the
//! tree it was built in; its man page and completions come from its own command line.

mod common;

use std::process::Command;

fn errlens_with_home(home: &std::path::Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_errlens"))
        .args(args)
        .current_dir(home)
        .env("HOME", home)
        .env_remove("XDG_CACHE_HOME")
        .env_remove("XDG_CONFIG_HOME")
        .output()
        .expect("errlens runs")
}

#[test]
fn the_samples_come_from_the_binary_and_read_as_the_generator_says() {
    let home = tempfile::tempdir().expect("tempdir");
    let output = errlens_with_home(home.path(), &["samples"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let folder = String::from_utf8_lossy(&output.stdout).trim().to_string();
    assert!(folder.starts_with(&home.path().join(".cache/errlens").display().to_string()), "{folder}");
    let (summary, code) = common::summary(&[std::path::Path::new(&folder)]);
    assert_eq!(code, 0);
    let manifest = common::manifest();
    let files = manifest["files"].as_object().expect("files");
    let records: u64 = files.values().map(|file| file["records"].as_u64().expect("records")).sum();
    assert_eq!(
        (summary["records"].as_u64(), summary["inputs"].as_array().map(Vec::len)),
        (Some(records), Some(files.len()))
    );
}

/// Without its debug information (which names the folder it was compiled in, and which a
/// package strips), the binary holds no path of the tree it was built in: nothing it does at run
/// time can depend on that tree being there.
#[test]
fn the_binary_names_no_folder_of_the_tree_it_was_built_in() {
    let dir = tempfile::tempdir().expect("tempdir");
    let copy = dir.path().join("errlens");
    std::fs::copy(env!("CARGO_BIN_EXE_errlens"), &copy).expect("copy");
    let stripped = Command::new("strip").arg("--strip-debug").arg(&copy).status();
    if !stripped.is_ok_and(|status| status.success()) {
        eprintln!("SKIPPED: no `strip` here to take the debug information out");
        return;
    }
    let binary = std::fs::read(&copy).expect("the binary");
    let tree = common::root().display().to_string();
    let found = binary.windows(tree.len()).any(|window| window == tree.as_bytes());
    assert!(!found, "the binary holds {tree}");
}

#[test]
fn man_page_and_completions_come_from_the_command_line() {
    let home = tempfile::tempdir().expect("tempdir");
    let man = errlens_with_home(home.path(), &["man"]);
    let man = String::from_utf8_lossy(&man.stdout);
    assert!(man.starts_with(".ie") || man.contains(".TH errlens"), "{man}");
    assert!(man.contains("summary") && man.contains("redact"));
    for shell in ["bash", "zsh", "fish"] {
        let completions = errlens_with_home(home.path(), &["completions", shell]);
        assert!(completions.status.success());
        let text = String::from_utf8_lossy(&completions.stdout);
        assert!(text.contains("errlens") && text.contains("summary"), "{shell}: {text}");
    }
}
