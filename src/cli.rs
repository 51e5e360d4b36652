//! The command line: `errlens summary|email|redact`, and the app when no subcommand is given.
//! Subcommands print their result on stdout and diagnostics on stderr, naming the file.

use crate::ingest::Format;
use crate::knowledge::Knowledge;
use crate::output::text::one_line;
use crate::redact::Redactor;
use crate::store::Store;
use crate::summary::{self, Summary};
use clap::{Parser, Subcommand, ValueEnum};
use std::fmt::Write as _;
use std::io::IsTerminal as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Make sense of failing API calls.
#[derive(Debug, Parser)]
#[command(name = "errlens", version, about, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// A subcommand; without one, the desktop app opens.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Log files or folders to open in the app (default: the last session, or the samples).
    pub files: Vec<PathBuf>,
}

/// What to do.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Summarize failures of all FILEs together: groups by kind, with the documented fix.
    Summary {
        /// Output form.
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
        /// Read every input as this format instead of detecting it.
        #[arg(long, value_parser = parse_format)]
        input_format: Option<Format>,
        /// Log files or folders (gzip is unwrapped).
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Print a support email (RFC 5322) for one failure group, with sensitive data removed.
    Email {
        /// The kind id of the group (`duplicate_email`, `http_502`, ...; see `summary`).
        #[arg(long)]
        group: String,
        /// Your account email: included as asked by the vendor, and never redacted.
        #[arg(long)]
        account_email: Option<String>,
        /// Which call to quote: 1 = the group's oldest; default: the most recent.
        #[arg(long)]
        record: Option<usize>,
        /// Read every input as this format instead of detecting it.
        #[arg(long, value_parser = parse_format)]
        input_format: Option<Format>,
        /// Log files or folders.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Print FILE with secrets and customers' personal data replaced by markers, in its own format.
    Redact {
        /// An email to keep (your account's).
        #[arg(long)]
        account_email: Option<String>,
        /// Read the input as this format instead of detecting it.
        #[arg(long, value_parser = parse_format)]
        input_format: Option<Format>,
        /// The log file (gzip is unwrapped; the output is not compressed).
        file: PathBuf,
    },
}

/// Summary output forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// A readable table.
    Text,
    /// The JSON contract.
    Json,
}

fn parse_format(name: &str) -> Result<Format, String> {
    name.parse()
}

/// Loads inputs into a store; failures stay in the store with their message.
/// Folders are read through [`crate::walk`]; what it left out is named on stderr.
pub fn load_store(files: &[PathBuf], input_format: Option<Format>) -> Store {
    let walked = crate::walk::files_of(files);
    report_left_out(&walked.left_out);
    let mut store = Store::new(Arc::new(Knowledge::bundled()));
    for path in walked.files {
        store.load(path, input_format);
    }
    store
}

/// How many left-out entries are named before the rest are counted.
const LEFT_OUT_NAMED: usize = 5;

fn report_left_out(left_out: &[(PathBuf, crate::walk::LeftOut)]) {
    for (path, why) in left_out.iter().take(LEFT_OUT_NAMED) {
        eprintln!("errlens: left out {}: {why}", one_line(&path.to_string_lossy()));
    }
    if left_out.len() > LEFT_OUT_NAMED {
        eprintln!("errlens: ... and {} more left out", left_out.len() - LEFT_OUT_NAMED);
    }
}

/// Runs `errlens summary`; returns the process exit code.
pub fn run_summary(format: OutputFormat, input_format: Option<Format>, files: &[PathBuf]) -> anyhow::Result<i32> {
    let store = load_store(files, input_format);
    let summary = summary::summarize(&store, None);
    let failed = report_unreadable(&summary);
    match format {
        OutputFormat::Json => println!("{}", crate::output::json::to_string_pretty(&summary)?),
        OutputFormat::Text => print!("{}", render_text(&summary)),
    }
    Ok(if failed { 2 } else { 0 })
}

/// Runs `errlens email`; returns the process exit code.
pub fn run_email(
    group: &str,
    account_email: Option<String>,
    record: Option<usize>,
    input_format: Option<Format>,
    files: &[PathBuf],
) -> anyhow::Result<i32> {
    let store = load_store(files, input_format);
    let summary = summary::summarize(&store, None);
    let failed = report_unreadable(&summary);
    let Some(chosen) = summary.groups.iter().find(|candidate| candidate.kind == group) else {
        let kinds: Vec<&str> = summary.groups.iter().map(|g| g.kind.as_str()).collect();
        anyhow::bail!("no failures of kind {group:?} in these files; groups found: {}", kinds.join(", "));
    };
    if account_email.is_none() {
        eprintln!("errlens: no --account-email given: the vendor asks for it; the email says to add it");
    }
    let redactor = Redactor { account_email, ..Redactor::default() };
    let email = crate::email::compose(&store, chosen, record, &redactor)?;
    if email.to.is_none() {
        eprintln!("errlens: no vendor documents {group}: the email has no To: address");
    }
    eprintln!("errlens: {} sensitive value(s) removed", email.removed.len());
    print!("{}", email.to_rfc5322());
    Ok(if failed { 2 } else { 0 })
}

/// Runs `errlens redact`; returns the process exit code.
pub fn run_redact(account_email: Option<String>, input_format: Option<Format>, file: &Path) -> anyhow::Result<i32> {
    let (bytes, _gzip) = crate::ingest::read_input(file)?;
    let format = input_format.unwrap_or_else(|| crate::ingest::detect_input(&bytes));
    let redactor = Redactor { account_email, ..Redactor::default() };
    let redacted = crate::redact_log::redact_log(&bytes, format, &redactor);
    print!("{}", for_stdout(&redacted.value, std::io::stdout().is_terminal()));
    let file = one_line(&file.to_string_lossy()).into_owned();
    eprintln!("errlens: {} sensitive value(s) removed from {file}", redacted.removed.len());
    Ok(0)
}

/// The redacted log as written to stdout: as it is into a file or a pipe (a copy in the log's
/// own format), with its control characters escaped when a terminal would act on them.
fn for_stdout(log: &str, to_terminal: bool) -> std::borrow::Cow<'_, str> {
    if to_terminal { crate::output::text::lines(log) } else { std::borrow::Cow::Borrowed(log) }
}

/// Names every unreadable input on stderr; true when there was one.
fn report_unreadable(summary: &Summary) -> bool {
    let mut failed = false;
    for input in &summary.inputs {
        if let Some(error) = &input.error {
            eprintln!("errlens: {}", one_line(error));
            failed = true;
        }
    }
    failed
}

/// The summary as a readable table. Every text from a log or a file name is shown through
/// [`one_line`]: a control character in it reaches the terminal escaped, never as itself.
pub fn render_text(summary: &Summary) -> String {
    let mut out = String::new();
    let rate = if summary.records == 0 { 0.0 } else { 100.0 * summary.errors as f64 / summary.records as f64 };
    let _ = writeln!(
        out,
        "{} calls, {} failed ({rate:.1} %), {} file(s)\n",
        summary.records,
        summary.errors,
        summary.inputs.len()
    );
    let _ = writeln!(out, "{:<44} {:<8} {:>8} {:>8}", "FILE", "FORMAT", "RECORDS", "SKIPPED");
    for input in &summary.inputs {
        let format = match (input.format, input.gzip) {
            (Some(format), true) => format!("{format}.gz"),
            (Some(format), false) => format.to_string(),
            (None, _) => "-".to_string(),
        };
        let path = one_line(&input.path);
        let _ = writeln!(out, "{path:<44} {format:<8} {:>8} {:>8}", input.records, input.skipped);
        if let Some(error) = &input.error {
            let _ = writeln!(out, "    error: {}", one_line(error));
        }
        for example in input.skipped_examples.iter().take(5) {
            let _ = writeln!(out, "    line {}: {}", example.line, one_line(&example.reason));
        }
        if input.skipped > 5 {
            let _ = writeln!(out, "    ... and {} more skipped", input.skipped - 5);
        }
    }
    let statuses: Vec<String> =
        summary.by_status.iter().map(|(status, count)| format!("{}: {count}", one_line(status))).collect();
    let _ = writeln!(out, "\nby status: {}\n", statuses.join(", "));
    if summary.groups.is_empty() {
        let _ = writeln!(out, "No failed calls.");
        return out;
    }
    let _ = writeln!(out, "{:>6}  {:<4} {:<24} {:<28} LAST SEEN", "COUNT", "STAT", "KIND", "TITLE");
    for group in &summary.groups {
        let _ = writeln!(
            out,
            "{:>6}  {:<4} {:<24} {:<28} {}",
            group.count,
            group.status,
            one_line(&group.kind),
            one_line(&group.title),
            one_line(group.last_seen.as_deref().unwrap_or("-"))
        );
        if let Some(top) = group.endpoints.first() {
            let _ = writeln!(out, "{:>12} {} ({})", "endpoint:", one_line(&top.endpoint), top.count);
        }
        if let Some(top) = group.messages.first() {
            let _ = writeln!(out, "{:>12} {} ({})", "message:", one_line(&top.message), top.count);
        }
        if !group.solution.is_empty() {
            let _ = writeln!(out, "{:>12} {}", "fix:", one_line(&group.solution));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_redacted_log_is_escaped_for_a_terminal_only() {
        let log = "{\"message\":\"\u{1b}]52;c;cm0gLXJmIH4=\u{7}\"}\r\n";
        assert_eq!(for_stdout(log, false), log);
        assert_eq!(for_stdout(log, true), "{\"message\":\"\\e]52;c;cm0gLXJmIH4=\\u{7}\"}\\r\n");
    }
}
