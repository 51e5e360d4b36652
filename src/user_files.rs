//! Where errlens finds what a user adds without rebuilding (format definitions, vendors) and
//! keeps what it writes for itself (the samples): each system's configuration and cache folders.

use std::path::PathBuf;

fn non_empty(name: &str) -> Option<PathBuf> {
    std::env::var_os(name).filter(|value| !value.is_empty()).map(PathBuf::from)
}

/// errlens' own folder in the user's configuration folder (`~/.config/errlens` on Linux).
pub fn config_dir() -> Option<PathBuf> {
    let base = if cfg!(windows) {
        non_empty("APPDATA")?
    } else if cfg!(target_os = "macos") {
        non_empty("HOME")?.join("Library/Application Support")
    } else {
        non_empty("XDG_CONFIG_HOME").or_else(|| Some(non_empty("HOME")?.join(".config")))?
    };
    Some(base.join("errlens"))
}

/// errlens' cache folder (`~/.cache/errlens` on Linux), or the temporary folder's `errlens`.
pub fn cache_dir() -> PathBuf {
    let base = if cfg!(windows) {
        non_empty("LOCALAPPDATA")
    } else if cfg!(target_os = "macos") {
        non_empty("HOME").map(|home| home.join("Library/Caches"))
    } else {
        non_empty("XDG_CACHE_HOME").or_else(|| non_empty("HOME").map(|home| home.join(".cache")))
    };
    base.unwrap_or_else(std::env::temp_dir).join("errlens")
}

/// The `*.toml` files of each folder, in name order (a folder that does not exist has none).
pub fn toml_files(dirs: &[PathBuf]) -> Vec<PathBuf> {
    let mut all = Vec::new();
    for dir in dirs {
        let Ok(entries) = std::fs::read_dir(dir) else { continue };
        let mut files: Vec<PathBuf> = entries
            .flatten()
            .map(|entry| entry.path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
            .collect();
        files.sort();
        all.extend(files);
    }
    all
}

/// The 1-based line and column (in characters) of a byte offset of `text`, for error messages.
pub fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..text.floor_char_boundary(offset.min(text.len()))];
    let line = before.matches('\n').count() + 1;
    let column = before.rfind('\n').map_or(before.chars().count(), |at| before[at + 1..].chars().count()) + 1;
    (line, column)
}
