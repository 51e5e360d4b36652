//! A file that yields no calls is not a dead end: what errlens says about it (the CLI on stderr,
//! the window in its skipped-lines list) shows its first lines with why each is not a call, and
//! how to teach errlens the format.

use super::Skipped;
use std::io::Read;
use std::path::Path;

/// How many skipped lines are shown.
const SHOWN_LINES: usize = 5;
/// How much of a file is read to show its lines.
const PEEK_BYTES: u64 = 64 << 10;
/// How much of a line is shown.
const SHOWN_CHARS: usize = 160;

/// The explanation for `path`, read as `format_name`, whose first skipped lines are `skipped`
/// out of `skipped_count`. Logged text is shown escaped (control characters as `\u{…}`).
pub fn explain(path: &Path, format_name: &str, skipped: &[Skipped], skipped_count: usize) -> String {
    let lines = first_lines(path);
    let mut out = format!(
        "{}: no API calls found: {skipped_count} line(s) read as {format_name}, none of them a call. \
         The first, and why each is not one:\n",
        path.display()
    );
    for item in skipped.iter().take(SHOWN_LINES) {
        out.push_str(&format!("  line {}: {}\n", item.line, item.reason));
        if let Some(text) = usize::try_from(item.line - 1).ok().and_then(|at| lines.get(at)) {
            out.push_str(&format!("      {}\n", shown(text)));
        }
    }
    let folder = crate::user_files::config_dir()
        .map_or_else(|| "<config folder>/errlens/formats".to_string(), |dir| dir.join("formats").display().to_string());
    out.push_str(&format!(
        "If these lines are API calls, errlens does not know their format yet:\n\
         \x20 - read them as another format with --input-format NAME (`errlens formats` lists them), or\n\
         \x20 - describe the format in a .toml file in {folder} (or --formats DIR): a pattern with named\n\
         \x20   captures for method, url, status and time (README, \"Formats as data\").\n"
    ));
    out
}

/// The first lines of a file (gzip unwrapped), as text, from its first [`PEEK_BYTES`].
fn first_lines(path: &Path) -> Vec<String> {
    let Ok(file) = std::fs::File::open(path) else { return Vec::new() };
    let mut head = Vec::new();
    if file.take(PEEK_BYTES).read_to_end(&mut head).is_err() {
        return Vec::new();
    }
    if head.starts_with(&[0x1f, 0x8b]) {
        let Ok(file) = std::fs::File::open(path) else { return Vec::new() };
        let mut unwrapped = Vec::new();
        let _ = flate2::read::MultiGzDecoder::new(file).take(PEEK_BYTES).read_to_end(&mut unwrapped);
        head = unwrapped;
    }
    let content = super::encoding::strip_utf8_bom(&head);
    content.split(|&b| b == b'\n').map(|line| String::from_utf8_lossy(line).trim_end().to_string()).collect()
}

/// A line as it can be shown in a terminal or a label: clipped, its controls escaped.
fn shown(text: &str) -> String {
    crate::output::text::one_line(&crate::output::text::clip(text, SHOWN_CHARS)).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::SkipReason;

    #[test]
    fn the_first_lines_with_their_reasons_and_what_to_do() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("odd.log");
        std::fs::write(&path, "ZZ|POST|/v1/x|409\n\nZZ|GET|/v1/y|\x1b[31m200\n").expect("write");
        let skipped = [1, 3].map(|line| Skipped { line, reason: SkipReason::NoApiCall });
        let text = explain(&path, "text", &skipped, 2);
        assert!(text.contains("line 1: not JSON") && text.contains("ZZ|POST|/v1/x|409"), "{text}");
        assert!(text.contains("ZZ|GET|/v1/y|\\e[31m200"), "control characters escaped: {text}");
        assert!(text.contains("--input-format") && text.contains("Formats as data"));
    }
}
