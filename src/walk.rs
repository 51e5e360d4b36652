//! The files in the folders a user opens: what the CLI reads and the app's loading thread lists.
//!
//! A folder is read recursively, its files sorted by path; names starting with `.` are left out.
//! The walk never follows a symbolic link to a folder: a link back to a parent would make it run
//! forever, and one to `/` would list the whole disk. (Folders are also remembered by device and
//! inode, so a loop made some other way, such as a bind mount, ends too.) A link to a file is
//! read, once: a file reached both as itself and through links is listed under its first path.
//! Pipes, sockets and devices inside a folder are left out (a pipe would hold the load until some
//! writer closed it); given by name, they are still read or refused as files are.
//!
//! Listing costs one `readdir` a folder and no `stat` a file (the entry's type comes with its
//! name), so 100,000 files are listed in a fraction of a second.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// How often (in files found) the walk reports its progress.
pub const PROGRESS_EVERY: usize = 1024;

/// What a walk found.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Walked {
    /// The files to read, in order: each given path's files together, sorted.
    pub files: Vec<PathBuf>,
    /// What the walk did not take, and why.
    pub left_out: Vec<(PathBuf, LeftOut)>,
    /// Whether `keep_going` stopped the walk before its end.
    pub stopped: bool,
}

/// Why an entry of a folder was not listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum LeftOut {
    /// A symbolic link to a folder.
    FolderLink,
    /// A folder already walked (reached again through a mount or a given path).
    FolderSeen,
    /// A file already listed (through a link or a hard link).
    FileSeen,
    /// A pipe, socket or device.
    NotAFile,
}

impl std::fmt::Display for LeftOut {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::FolderLink => "a link to a folder, not followed",
            Self::FolderSeen => "a folder already read",
            Self::FileSeen => "a file already read under another name",
            Self::NotAFile => "not a regular file",
        })
    }
}

/// The files of `paths`: a folder is replaced by its files, anything else is kept as given (to
/// be read, or refused with its name, as a file). `keep_going` is asked every
/// [`PROGRESS_EVERY`] files with the count so far, and stops the walk when it says no.
pub fn walk(paths: &[PathBuf], mut keep_going: impl FnMut(usize) -> bool) -> Walked {
    let mut walker = Walker {
        walked: Walked::default(),
        folders_seen: HashSet::new(),
        files_seen: HashSet::new(),
        found: 0,
        keep_going: &mut keep_going,
    };
    for path in paths {
        if walker.walked.stopped {
            break;
        }
        if path.is_dir() {
            walker.folder(path);
        } else {
            walker.walked.files.push(path.clone());
        }
    }
    walker.walked
}

/// [`walk`] to its end.
pub fn files_of(paths: &[PathBuf]) -> Walked {
    walk(paths, |_| true)
}

/// Device and inode: one file or folder, whatever path reached it.
type Key = (u64, u64);

struct Walker<'a> {
    walked: Walked,
    folders_seen: HashSet<Key>,
    files_seen: HashSet<Key>,
    /// Files (and links, and entries of unknown type) met so far, for progress.
    found: usize,
    keep_going: &'a mut dyn FnMut(usize) -> bool,
}

impl Walker<'_> {
    /// Lists one given folder: its files (regular ones first, then links to files), sorted.
    fn folder(&mut self, root: &Path) {
        let mut files: Vec<(PathBuf, Option<Key>)> = Vec::new();
        let mut file_links: Vec<PathBuf> = Vec::new();
        // A stack, not recursion: a folder nested 100,000 deep must not overflow the stack.
        let mut folders = vec![root.to_path_buf()];
        while let Some(folder) = folders.pop() {
            let Some(device) = self.first_visit(&folder) else { continue };
            let Ok(entries) = std::fs::read_dir(&folder) else {
                // An unreadable folder is reported when it is read as a file.
                files.push((folder, None));
                continue;
            };
            for entry in entries.flatten() {
                if entry.file_name().as_encoded_bytes().starts_with(b".") {
                    continue;
                }
                let path = entry.path();
                match entry.file_type() {
                    Ok(kind) if kind.is_dir() => {
                        folders.push(path);
                        continue;
                    }
                    Ok(kind) if kind.is_file() => files.push((path, entry_key(device, &entry))),
                    Ok(kind) if kind.is_symlink() => file_links.push(path),
                    Ok(_) => self.walked.left_out.push((path, LeftOut::NotAFile)),
                    // The type is unknown: reading it says what is wrong.
                    Err(_) => files.push((path, None)),
                }
                self.found += 1;
                if self.found.is_multiple_of(PROGRESS_EVERY) && !(self.keep_going)(self.found) {
                    self.walked.stopped = true;
                    return;
                }
            }
        }
        // In path order, so that of two names of one file the first is the one kept.
        files.sort();
        file_links.sort();
        let mut listed = Vec::with_capacity(files.len() + file_links.len());
        for (path, key) in files {
            self.take(path, key, &mut listed);
        }
        for link in file_links {
            match std::fs::metadata(&link) {
                Ok(target) if target.is_dir() => self.walked.left_out.push((link, LeftOut::FolderLink)),
                Ok(target) if target.is_file() => self.take(link, metadata_key(&target), &mut listed),
                Ok(_) => self.walked.left_out.push((link, LeftOut::NotAFile)),
                // A dangling link: reading it names the file and the reason.
                Err(_) => listed.push(link),
            }
        }
        listed.sort();
        self.walked.files.extend(listed);
    }

    /// `None` when the folder was walked before (it is then left out); else its device, when
    /// known, which its files' keys need.
    fn first_visit(&mut self, folder: &Path) -> Option<Option<u64>> {
        let Some(key) = std::fs::metadata(folder).ok().as_ref().and_then(metadata_key) else {
            return Some(None);
        };
        if self.folders_seen.insert(key) {
            Some(Some(key.0))
        } else {
            self.walked.left_out.push((folder.to_path_buf(), LeftOut::FolderSeen));
            None
        }
    }

    fn take(&mut self, path: PathBuf, key: Option<Key>, listed: &mut Vec<PathBuf>) {
        if key.is_none_or(|key| self.files_seen.insert(key)) {
            listed.push(path);
        } else {
            self.walked.left_out.push((path, LeftOut::FileSeen));
        }
    }
}

#[cfg(unix)]
fn metadata_key(metadata: &std::fs::Metadata) -> Option<Key> {
    use std::os::unix::fs::MetadataExt as _;
    Some((metadata.dev(), metadata.ino()))
}

/// A file's key from its folder entry, without a `stat`.
#[cfg(unix)]
fn entry_key(device: Option<u64>, entry: &std::fs::DirEntry) -> Option<Key> {
    use std::os::unix::fs::DirEntryExt as _;
    Some((device?, entry.ino()))
}

// Elsewhere files and folders have no key: links to folders are still not followed, but a file
// reached under two names is read twice.
#[cfg(not(unix))]
fn metadata_key(_: &std::fs::Metadata) -> Option<Key> {
    None
}

#[cfg(not(unix))]
fn entry_key(_: Option<u64>, _: &std::fs::DirEntry) -> Option<Key> {
    None
}

#[cfg(test)]
mod tests;
